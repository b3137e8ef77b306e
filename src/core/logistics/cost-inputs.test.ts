// A parcel's cost stored as its inputs (cost-inputs.ts): read back, they give the very formula the
// quote gave, and the figures-only quote (quoteFee, what a re-cost runs) gives the quote's figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import { PROVINCES, readCsvBytes } from "../orders/index.js";
import { costFormulaOf, decodeCostInputs, encodeCostInputs } from "./cost-inputs.js";
import { compileRateCard, DEFAULT_SETTINGS, type RateCard } from "./rate-card.js";
import { readRateCardRecords, withOptions } from "./rate-card-file.js";
import { quoteCard, quoteFee } from "./rate-quote.js";

const CARD = join(import.meta.dirname, "../../../test/fixtures/logistics/zto-rates-202612.csv");
function card(options: Parameters<typeof withOptions>[1]): RateCard {
  const r = readCsvBytes("card.csv", new Uint8Array(readFileSync(CARD)));
  if ("problem" in r) throw new Error(r.problem.code);
  const read = readRateCardRecords(
    "card.csv",
    r.table.records,
    withOptions(DEFAULT_SETTINGS, options),
  );
  if (!read.ok) throw new Error("card");
  const c = compileRateCard("card.csv", read.card, read.locate);
  if (!c.ok) throw new Error("card");
  return c.card;
}
const cards = [
  card({}),
  card({ divisor: 6000, volumetric: "full" }),
  card({ divisor: 8000, volumetric: "half:60", stepRounding: "0.5" }),
];

const parcel = fc.record({
  c: fc.integer({ min: 0, max: cards.length - 1 }),
  revision: fc.integer({ min: 1, max: 1000 }),
  weightG: fc.integer({ min: 1, max: 60_000 }),
  dims: fc.option(
    fc.record({
      lengthMm: fc.integer({ min: 1, max: 1500 }),
      widthMm: fc.integer({ min: 1, max: 1500 }),
      heightMm: fc.integer({ min: 1, max: 1500 }),
    }),
  ),
  province: fc.constantFrom(...PROVINCES.map((p) => p.code)),
  estimated: fc.boolean(),
});

describe("a parcel's cost stored as its inputs", () => {
  it("reads back the inputs it was stored from, in about 30 characters", () => {
    fc.assert(
      fc.property(parcel, ({ c: _c, ...inputs }) => {
        const stored = encodeCostInputs(inputs);
        expect(stored.length).toBeLessThan(40);
        expect(decodeCostInputs(stored)).toEqual(inputs);
      }),
    );
    // A stored message, or a damaged text, is not taken for inputs.
    expect(decodeCostInputs('{"code":"rates.nocost.no_weight"}')).toBeNull();
    expect(decodeCostInputs("q1:1:x::110000:")).toBeNull();
    expect(decodeCostInputs("q1:1:1200:10x20:110000:")).toBeNull();
  });

  it("gives the quote's own formula in both languages, and quoteFee the quote's figures", () => {
    fc.assert(
      fc.property(parcel, ({ c, ...inputs }) => {
        const q = quoteCard(cards[c]!, inputs);
        const f = quoteFee(cards[c]!, inputs);
        if (!q.ok) {
          expect(f).toEqual(q);
          return;
        }
        const { formula, ...figures } = q;
        expect(f).toMatchObject(figures);
        const shown = costFormulaOf(cards[c]!, decodeCostInputs(encodeCostInputs(inputs))!);
        expect(shown).toEqual(formula);
        expect(renderMessage("en", shown)).toBe(renderMessage("en", formula));
      }),
      { numRuns: 500 },
    );
  });
});
