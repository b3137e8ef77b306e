// The parcel id's barcode on a packing slip, read back off the drawn bars as a scanner reads it:
// the SVG path's black runs → modules → Code128 symbols (start, data, checksum, stop) → the text.
// The pack station finds the parcel by that text, so a bar drawn a module too wide or too narrow,
// a lost run or a wrong checksum must fail here.
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { barsPath, modules, pathModules } from "../../web/src/pages/logistics/queue/code128.js";

// Code128's 107 symbol patterns (the standard's table, as jsbarcode ships it).
const { BARS } = createRequire(import.meta.url)("jsbarcode/bin/barcodes/CODE128/constants.js") as {
  BARS: number[];
};

/** Decodes Code128 modules (quiet zones trimmed) to text, checking the checksum. */
function decode(bits: string): string {
  const body = bits.replace(/^0+|0+$/g, "");
  const symbols: number[] = [];
  let i = 0;
  while (i < body.length) {
    const width = body.length - i === 13 ? 13 : 11; // the stop symbol has its bar of 2
    const s = BARS.indexOf(Number(body.slice(i, i + width)));
    if (s < 0) throw new Error(`no Code128 symbol at module ${i}: ${body.slice(i, i + width)}`);
    symbols.push(s);
    i += width;
  }
  const [start, ...rest] = symbols;
  const stop = rest.pop();
  const check = rest.pop()!;
  if (stop !== 106) throw new Error("no stop symbol");
  const sum = rest.reduce((n, s, k) => n + s * (k + 1), start!) % 103;
  if (sum !== check) throw new Error(`checksum ${check}, expected ${sum}`);
  let set = start === 105 ? "C" : start === 104 ? "B" : "A";
  let out = "";
  for (const s of rest) {
    if (s === 99) set = "C";
    else if (s === 100 && set !== "B") set = "B";
    else if (s === 101 && set !== "A") set = "A";
    else if (set === "C") out += String(s).padStart(2, "0");
    else out += String.fromCharCode(s + 32);
  }
  return out;
}

describe("a slip's barcode", () => {
  const ids = [
    "01a251a7-440c-73ab-a79e-5eb8c08d97d8", // a parcel id (UUIDv7)
    "3515313147600", // an order number, digits only (code set C)
    "B20261207-01",
  ];
  for (const id of ids)
    it(`reads back as ${id} from the bars drawn on the slip (A4 and label widths)`, () => {
      const bits = modules(id)!;
      expect(bits).toMatch(/^[01]+$/);
      for (const unit of [1.2, 1.1]) {
        const drawn = pathModules(barsPath(bits, 40, unit), unit);
        expect(drawn).toBe(bits.replace(/0+$/, ""));
        expect(decode(drawn)).toBe(id);
      }
    });

  it("one path run per bar: no bar merged with its neighbour or lost", () => {
    const bits = modules(ids[0]!)!;
    const bars = bits.match(/1+/g)!.length;
    expect(barsPath(bits, 40, 1.2).match(/M/g)!.length).toBe(bars);
  });

  it("a text Code128 cannot carry has no barcode (the slip prints the text)", () => {
    expect(modules("包裹")).toBeNull();
  });
});
