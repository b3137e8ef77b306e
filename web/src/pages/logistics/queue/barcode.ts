// A Code128 barcode of a text (the parcel id on a slip). jsbarcode encodes it (its object
// renderer returns the bars as "1"/"0" modules) and the bars are drawn as ONE SVG path, built as
// plain DOM: the slip sheets draw a batch's 2,000 barcodes in one pass, with no component, state
// or effect per slip.
import JsBarcode from "jsbarcode";

/** The bars of a text as modules ("1" black, "0" white), or null if Code128 cannot encode it. */
export function modules(value: string): string | null {
  const target: { encodings?: { data: string }[] } = {};
  try {
    JsBarcode(target, value, { format: "CODE128" });
  } catch {
    return null;
  }
  return target.encodings?.map((e) => e.data).join("") ?? null;
}

/** An SVG path of the black runs, `unit` px per module, `height` tall. */
export function barsPath(bits: string, height: number, unit: number): string {
  const x = (n: number) => Math.round(n * unit * 100) / 100;
  let d = "";
  for (let i = 0; i < bits.length;) {
    if (bits[i] !== "1") {
      i++;
      continue;
    }
    let j = i;
    while (bits[j] === "1") j++;
    d += `M${x(i)} 0H${x(j)}V${height}H${x(i)}z`;
    i = j;
  }
  return d;
}

/** The runs of a path drawn by `barsPath`, back as modules (what a scanner reads off the paper). */
export function pathModules(d: string, unit: number): string {
  let bits = "";
  for (const m of d.matchAll(/M([\d.]+) 0H([\d.]+)V/g)) {
    const from = Math.round(Number(m[1]) / unit);
    const to = Math.round(Number(m[2]) / unit);
    bits += "0".repeat(from - bits.length) + "1".repeat(to - from);
  }
  return bits;
}

const SVG = "http://www.w3.org/2000/svg";
const FONT_SIZE = 11;

/**
 * The barcode as an SVG element (or, when Code128 cannot encode the text, the text in a span),
 * with data-testid="barcode" and data-value: what `Barcode` renders, built without React.
 */
export function barcodeSvg(
  doc: Document,
  value: string,
  { height = 40, width = 1.2 }: { height?: number; width?: number } = {},
): Element {
  const bits = modules(value);
  if (bits === null) {
    const span = doc.createElement("span");
    span.className = "dc-barcode";
    span.dataset.testid = "barcode";
    span.dataset.value = value;
    span.textContent = value;
    return span;
  }
  const w = bits.length * width;
  const h = height + FONT_SIZE + 2;
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("class", "dc-barcode");
  svg.setAttribute("data-testid", "barcode");
  svg.setAttribute("data-value", value);
  svg.setAttribute("width", String(w));
  svg.setAttribute("height", String(h));
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("shape-rendering", "crispEdges");
  const path = doc.createElementNS(SVG, "path");
  path.setAttribute("d", barsPath(bits, height, width));
  path.setAttribute("fill", "#000");
  const text = doc.createElementNS(SVG, "text");
  text.setAttribute("x", String(w / 2));
  text.setAttribute("y", String(height + FONT_SIZE));
  text.setAttribute("text-anchor", "middle");
  text.setAttribute("font-family", "monospace");
  text.setAttribute("font-size", String(FONT_SIZE));
  text.textContent = value;
  svg.append(path, text);
  return svg;
}
