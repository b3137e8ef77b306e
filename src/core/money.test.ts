import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divRound, formatMoney, formatMoneyGrouped, parseMoney, toFen } from "./money.js";

describe("money", () => {
  it.each([
    ["1,234.50", 123450],
    ["¥12.3", 1230],
    ["￥12.30", 1230],
    ["12.30元", 1230],
    ["0.29", 29],
    ["-5", -500],
    ["(12.50)", -1250],
    ["US$ 3.00", 300],
    ["１２.５", 1250],
    [" 7 ", 700],
    [".5", 50],
    ["12.3000", 1230],
    ["1 234 567.89", 123456789],
    ["RMB 8", 800],
    ["0", 0],
  ])("parses %s as %i fen", (text, fen) => expect(parseMoney(text)).toEqual({ ok: true, fen }));

  it.each(["", "abc", "12.3.4", "1,23.00", "12.345", "--1", "1e5", "12,5"])("refuses %j", (text) =>
    expect(parseMoney(text).ok).toBe(false),
  );

  it("formats fen as decimal strings", () => {
    expect([
      formatMoney(0),
      formatMoney(5),
      formatMoney(-5),
      formatMoney(123450),
      formatMoneyGrouped(123456789),
    ]).toEqual(["0.00", "0.05", "-0.05", "1234.50", "1,234,567.89"]);
  });

  it("rounds averages half away from zero in integers", () => {
    expect([divRound(157600, 3), divRound(5, 2), divRound(-5, 2), divRound(7, 0)]).toEqual([
      52533, 3, -3, 0,
    ]);
  });

  it("round-trips every amount through format and parse, with and without grouping and symbols", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
        expect(toFen(formatMoney(fen))).toBe(fen);
        expect(toFen(formatMoneyGrouped(fen))).toBe(fen);
        if (fen >= 0) expect(toFen(`¥${formatMoneyGrouped(fen)}`)).toBe(fen);
        if (fen >= 0) expect(toFen(`${formatMoney(fen)}元`)).toBe(fen);
      }),
    );
  });

  it("parses any decimal with up to two places exactly (no floating point drift)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole}.${String(cents).padStart(2, "0")}`;
          expect(BigInt(toFen(text))).toBe(whole * 100n + BigInt(cents));
        },
      ),
    );
  });
});
