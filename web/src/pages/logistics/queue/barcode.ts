// A Code128 barcode of a text (the parcel id on a slip), drawn as ONE SVG path (code128.ts),
// built as plain DOM: the slip sheets draw a batch's 2,000 barcodes in one pass, with no
// component, state or effect per slip.
import { barsPath, modules } from "./code128";

export { barsPath, modules, pathModules } from "./code128";

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
