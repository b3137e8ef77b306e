// The RFM cut-off table: a score whose cut-offs tie (most demo customers have one order, so F's
// cut-offs read 1/1/1/2) says nobody can have it instead of printing an empty range like ">1 ≤1".
import { describe, expect, it } from "vitest";
import { scoreRfm, scoreRange } from "./rfm.js";
import { emptyRange, rangeText } from "./ranges.js";

describe("RFM score ranges as the cut-off table shows them", () => {
  it("marks the tied scores of F empty and keeps every score that some customer has", () => {
    // 10 customers, 8 with one order: F's cut-offs tie at 1.
    const n = 10;
    const input = {
      recencyDays: Array.from({ length: n }, (_, i) => i * 10),
      frequency: [1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
      monetaryFen: Array.from({ length: n }, (_, i) => (i + 1) * 1000),
    };
    const result = scoreRfm(input);
    const f = [1, 2, 3, 4, 5].map((s) => scoreRange(result, "f", s));
    const used = new Set(result.fScore);
    for (const r of f) expect(emptyRange(r)).toBe(!used.has(r.score));
    expect(f.filter(emptyRange).length).toBeGreaterThan(0);
    expect(rangeText(f.find((r) => !emptyRange(r) && r.score === 1)!)).toBe("≤1");
    // R (days, lower is better) is never empty when the days are all different.
    expect([1, 2, 3, 4, 5].map((s) => emptyRange(scoreRange(result, "r", s)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
