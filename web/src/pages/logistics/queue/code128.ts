// Code128 bars of a text without the DOM (the barcode's arithmetic, tested in node): jsbarcode
// encodes it (its object renderer returns the bars as "1"/"0" modules), `barsPath` draws them as
// one SVG path and `pathModules` reads such a path back as a scanner would.
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
