// A streamed import's fingerprints (fingerprints.ts) keep every row it saw, however many: a
// duplicate row or an order apart is found after the table has grown many times.
import { describe, expect, it } from "vitest";
import { FingerprintMap } from "./fingerprints.js";

/** 53-bit fingerprints as stream.ts makes them: 32 bits of one hash above 21 of another. */
function fingerprints(n: number, seed: number): number[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  return Array.from({ length: n }, () => next() * 2097152 + (next() & 0x1fffff));
}

describe("FingerprintMap", () => {
  it("finds each of 100,000 fingerprints with its row after growing, and none it was not given", () => {
    const m = new FingerprintMap();
    const seen = fingerprints(100_000, 1);
    seen.forEach((fp, row) => m.set(fp, row + 2));
    expect(m.size).toBe(new Set(seen).size);
    expect(seen.every((fp, row) => m.get(fp) === row + 2 || seen.indexOf(fp) !== row)).toBe(true);
    expect(fingerprints(1000, 2).filter((fp) => m.has(fp) && !seen.includes(fp))).toEqual([]);
    // The smallest and the largest fingerprints are kept too (0 is not "empty").
    m.set(0, 7);
    m.set(2 ** 53 - 1, 8);
    expect([m.get(0), m.get(2 ** 53 - 1)]).toEqual([7, 8]);
  });
});
