import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import {
  CN_CLASSES,
  RF_GRID,
  RFM_SEGMENTS,
  scoreRfm,
  segmentSummaries,
  type RfmInput,
} from "./rfm.js";
import { rfmCard } from "./rfm-card.js";

// Ten customers of one shop, hand-worked below.
const TEN: RfmInput = {
  recencyDays: [1, 3, 5, 10, 20, 30, 45, 60, 90, 200],
  frequency: [5, 1, 2, 8, 1, 3, 1, 4, 1, 2],
  monetaryFen: [50000, 3000, 12000, 90000, 2500, 20000, 1500, 40000, 800, 6000],
};

describe("RFM quintile scores with visible cut-offs", () => {
  const res = scoreRfm(TEN);

  it("cuts each dimension at the last value of each fifth (ranks 2, 4, 6, 8 of 10)", () => {
    // Days ascending 1 3 5 10 20 30 45 60 90 200; worst first is descending: 200 90 | 60 45 | …
    expect(res.r.cutoffs).toEqual([90, 45, 20, 5]);
    // Orders ascending 1 1 | 1 1 | 2 2 | 3 4 | 5 8.
    expect(res.f.cutoffs).toEqual([1, 1, 2, 4]);
    // Spend ascending 800 1500 | 2500 3000 | 6000 12000 | 20000 40000 | 50000 90000.
    expect(res.m.cutoffs).toEqual([1500, 3000, 12000, 40000]);
  });

  it("scores 1 + the cut-offs a value beats: fewer days, more orders, more spend", () => {
    expect([...res.rScore]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // The four one-order customers all have F 1 (a tie at a cut-off takes the lower score): no F 2.
    expect([...res.fScore]).toEqual([5, 1, 3, 5, 1, 4, 1, 4, 1, 3]);
    expect([...res.mScore]).toEqual([5, 2, 3, 5, 2, 4, 1, 4, 1, 3]);
  });

  it("gives equal values equal scores whatever their place in the input", () => {
    const scores = (input: RfmInput) => [...scoreRfm(input).fScore];
    const swapped: RfmInput = {
      recencyDays: [...(TEN.recencyDays as number[])].reverse(),
      frequency: [...(TEN.frequency as number[])].reverse(),
      monetaryFen: [...(TEN.monetaryFen as number[])].reverse(),
    };
    expect(scores(swapped)).toEqual(scores(TEN).reverse());
  });

  it("puts each customer in the segment of its R×F cell", () => {
    expect([...res.segment].map((s) => RFM_SEGMENTS[s])).toEqual([
      "champions", // R5 F5
      "new_customers", // R5 F1
      "potential_loyalists", // R4 F3
      "loyal", // R4 F5
      "about_to_sleep", // R3 F1
      "loyal", // R3 F4
      "hibernating", // R2 F1
      "at_risk", // R2 F4
      "lost", // R1 F1
      "at_risk", // R1 F3
    ]);
    expect(res.segmentCounts).toMatchObject({ loyal: 2, at_risk: 2, champions: 1, cant_lose: 0 });
  });

  it("sorts into the eight classes against the means (46.4 days, 2.8 orders, ¥225.80)", () => {
    expect(res.r.centre).toBe(46.4);
    expect(res.f.centre).toBe(2.8);
    expect(res.m.centre).toBe(22580);
    expect([...res.cnClass].map((c) => CN_CLASSES[c])).toEqual([
      "important_value", // 1 day, 5 orders, ¥500
      "general_develop", // recent, 1 order, ¥30
      "general_develop",
      "important_value",
      "general_develop",
      "general_value", // 30 days, 3 orders, ¥200 (below the mean ¥225.80)
      "general_develop", // 45 days < 46.4: recent
      "important_keep", // 60 days, 4 orders, ¥400
      "general_retain",
      "general_retain",
    ]);
  });

  it("against the medians (25 days, 2 orders, ¥90) when asked", () => {
    const med = scoreRfm(TEN, { classCentre: "median" });
    expect([med.r.centre, med.f.centre, med.m.centre]).toEqual([25, 2, 9000]);
    // The customer of 30 days, 3 orders and ¥200 is now not recent, frequent and high.
    expect(CN_CLASSES[med.cnClass[5]!]).toBe("important_keep");
    expect(med.classCentre).toBe("median");
  });

  it("reports progress up to the whole and scores an empty set", () => {
    const seen: number[] = [];
    scoreRfm(TEN, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const none = scoreRfm({ recencyDays: [], frequency: [], monetaryFen: [] });
    expect(none.count).toBe(0);
    expect(Object.values(none.segmentCounts).every((c) => c === 0)).toBe(true);
  });

  it("cuts spends beyond ¥21 million (past 32-bit integers) the same way", () => {
    const big = scoreRfm({
      ...TEN,
      monetaryFen: (TEN.monetaryFen as number[]).map((m) => m * 100_000),
    });
    expect(big.m.cutoffs).toEqual([1500, 3000, 12000, 40000].map((m) => m * 100_000));
    expect([...big.mScore]).toEqual([...res.mScore]);
  });

  it("refuses columns of unequal length, negative or fractional values", () => {
    expect(() => scoreRfm({ recencyDays: [1, 2], frequency: [1], monetaryFen: [1, 2] })).toThrow(
      RangeError,
    );
    expect(() => scoreRfm({ recencyDays: [-1], frequency: [1], monetaryFen: [1] })).toThrow(
      RangeError,
    );
    expect(() => scoreRfm({ recencyDays: [1], frequency: [1], monetaryFen: [1.5] })).toThrow(
      RangeError,
    );
  });
});

describe("the R×F map and the eight classes, pinned", () => {
  it("maps every R×F cell to one of the eleven segments (rows R 5…1, columns F 1…5)", () => {
    const rows = [5, 4, 3, 2, 1].map((r) => RF_GRID[r - 1]!.join(" | "));
    expect(rows).toEqual([
      "new_customers | potential_loyalists | potential_loyalists | champions | champions",
      "promising | potential_loyalists | potential_loyalists | loyal | loyal",
      "about_to_sleep | about_to_sleep | need_attention | loyal | loyal",
      "hibernating | hibernating | at_risk | at_risk | cant_lose",
      "lost | hibernating | at_risk | at_risk | cant_lose",
    ]);
    expect(new Set(RF_GRID.flat())).toEqual(new Set(RFM_SEGMENTS));
  });

  it("names each class from recent × frequent × high spend against the means", () => {
    // Eight customers, one per combination: days 1 or 100 (mean 50.5), orders 1 or 10 (5.5),
    // spend ¥1 or ¥1,000 (mean ¥500.50).
    const combos = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({
      recent: (k & 1) === 0,
      frequent: (k & 2) === 0,
      high: (k & 4) === 0,
    }));
    const res = scoreRfm({
      recencyDays: combos.map((c) => (c.recent ? 1 : 100)),
      frequency: combos.map((c) => (c.frequent ? 10 : 1)),
      monetaryFen: combos.map((c) => (c.high ? 100_000 : 100)),
    });
    const named = combos.map((c, i) => [
      `${c.recent ? "R↑" : "R↓"}${c.frequent ? "F↑" : "F↓"}${c.high ? "M↑" : "M↓"}`,
      CN_CLASSES[res.cnClass[i]!],
    ]);
    expect(Object.fromEntries(named)).toEqual({
      "R↑F↑M↑": "important_value",
      "R↑F↓M↑": "important_develop",
      "R↓F↑M↑": "important_keep",
      "R↓F↓M↑": "important_retain",
      "R↑F↑M↓": "general_value",
      "R↑F↓M↓": "general_develop",
      "R↓F↑M↓": "general_keep",
      "R↓F↓M↓": "general_retain",
    });
  });
});

describe("how a customer's scores were found", () => {
  const res = scoreRfm(TEN);

  it("spells out each range, the R×F cell and the side of each mean", () => {
    const card = rfmCard(res, TEN, 5);
    expect(card).toMatchObject({
      segment: "loyal",
      cnClass: "general_value",
      sides: { r: true, f: true, m: false },
    });
    expect(card.explanation.map((m) => renderMessage("en", m))).toEqual([
      "R 3: 30 days since the last order (fewer than 45 and at least 20 days)",
      "F 4: 3 orders in the window (more than 2 and at most 4)",
      "M 4: ¥200.00 spent in the window (more than ¥120.00 and at most ¥400.00)",
      "Loyal: R 3 and F 4 on the R×F map",
      "General value: recent — 30 days, fewer than the average 46.4; frequent — 3 orders, more than the average 2.8; low spend — ¥200.00, not more than the average ¥225.80",
    ]);
    expect(renderMessage("zh-CN", card.explanation[3]!)).toBe("忠诚客户：R×F 矩阵中 R 3、F 4");
  });

  it("shows open ranges at the ends: the best R and the worst F and M", () => {
    const card = rfmCard(res, TEN, 1);
    expect(card.explanation.slice(0, 3).map((m) => renderMessage("en", m))).toEqual([
      "R 5: 3 days since the last order (fewer than 5 days)",
      "F 1: 1 orders in the window (at most 1)",
      "M 2: ¥30.00 spent in the window (more than ¥15.00 and at most ¥30.00)",
    ]);
    expect(renderMessage("zh-CN", card.explanation[4]!)).toBe(
      "一般发展客户：近期有购买 —— 3 天，少于平均值 46.4；购买不频繁 —— 1 单，不多于平均值 2.8；消费低 —— ¥30.00，不高于平均值 ¥225.80",
    );
  });

  it("summarises each segment with its count and the cut-offs of its cells", () => {
    const champions = segmentSummaries(res).find((s) => s.segment === "champions")!;
    expect(champions).toEqual({
      segment: "champions",
      count: 1,
      cells: [
        { r: { score: 5, atLeast: null, lessThan: 5 }, f: { score: 4, moreThan: 2, atMost: 4 } },
        { r: { score: 5, atLeast: null, lessThan: 5 }, f: { score: 5, moreThan: 4, atMost: null } },
      ],
    });
    expect(segmentSummaries(res).reduce((s, x) => s + x.count, 0)).toBe(10);
  });
});

describe("RFM properties", () => {
  const RUNS = { numRuns: 200, seed: 20261214 };
  const customers = fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 500_000 }),
    ),
    { minLength: 1, maxLength: 60 },
  );
  const toInput = (cs: [number, number, number][]): RfmInput => ({
    recencyDays: cs.map((c) => c[0]),
    frequency: cs.map((c) => c[1]),
    monetaryFen: cs.map((c) => c[2]),
  });

  it("is monotone: fewer days, more orders or more spend never score lower", () => {
    fc.assert(
      fc.property(customers, (cs) => {
        const res = scoreRfm(toInput(cs));
        for (let i = 0; i < cs.length; i++)
          for (let j = 0; j < cs.length; j++) {
            if (cs[i]![0] <= cs[j]![0])
              expect(res.rScore[i]).toBeGreaterThanOrEqual(res.rScore[j]!);
            if (cs[i]![1] >= cs[j]![1])
              expect(res.fScore[i]).toBeGreaterThanOrEqual(res.fScore[j]!);
            if (cs[i]![2] >= cs[j]![2])
              expect(res.mScore[i]).toBeGreaterThanOrEqual(res.mScore[j]!);
          }
      }),
      RUNS,
    );
  });

  it("with distinct values, each score holds exactly a fifth of the customers", () => {
    const permutation = (n: number) =>
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      );
    const input = fc
      .integer({ min: 1, max: 40 })
      .chain((fifth) =>
        fc.tuple(
          fc.constant(fifth),
          permutation(fifth * 5),
          permutation(fifth * 5),
          permutation(fifth * 5),
        ),
      );
    fc.assert(
      fc.property(input, ([fifth, days, orders, spend]) => {
        const res = scoreRfm({
          recencyDays: days.map((d) => d * 3),
          frequency: orders.map((o) => o + 1),
          monetaryFen: spend.map((m) => m * 100),
        });
        for (const col of [res.rScore, res.fScore, res.mScore])
          for (let s = 1; s <= 5; s++) expect(col.filter((x) => x === s).length).toBe(fifth);
      }),
      RUNS,
    );
  });
});
