import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compilePlan,
  PAY_PLAN_FORMAT,
  type CommissionDef,
  type CompiledPlan,
  type PayPlanDefinition,
} from "./plan.js";
import { computeMonth, prorate, type PlanSegment } from "./segments.js";
import { msg, renderMessage } from "../messages/index.js";
import { commissionLine, type Inputs, type PayLine } from "./statement.js";
import type { BandDef } from "./tiers.js";

const RUNS = { numRuns: 200, seed: 20261206 };
const yuan = (f: number) =>
  `${f < 0 ? "-" : ""}${Math.trunc(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, "0")}`;

function plan(commission: Partial<CommissionDef>, baseSalary = "6000.00"): CompiledPlan {
  const def: PayPlanDefinition = {
    format: PAY_PLAN_FORMAT,
    name: "运营",
    baseSalary,
    commissions: [
      {
        code: "gmv",
        label: "GMV commission",
        base: "gmv",
        scope: "person",
        ...commission,
      } as CommissionDef,
    ],
    bonuses: [],
    events: [{ code: "none-late", label: "No late hand-over", amount: "100.00", when: "if_none" }],
    pools: [],
  };
  const r = compilePlan(def);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}
const sales = (fen: number, source = "sales"): Inputs => ({
  "commission.gmv": { value: fen, source: msg("pay.text", { text: source }) },
  "event.none-late": { value: 0, source: msg("pay.src.entered", { value: "0" }) },
});
/** The value of a line's input, in English (e.g. its dates). */
const input = (l: PayLine, key: string) => {
  const i = l.inputs.find((x) => x.key === key);
  return i ? renderMessage("en", i.value) : undefined;
};

/** October cut on the 16th: v1 the 1st–15th, v2 the 16th–31st. */
function october(v1: CompiledPlan, v2: CompiledPlan, first: number, second: number) {
  const month = first + second;
  const segments: PlanSegment[] = [
    {
      from: "2026-10-01",
      to: "2026-10-15",
      days: 15,
      planVersionId: "v1",
      plan: v1,
      month: sales(month, "month"),
      own: sales(first, "1st–15th"),
    },
    {
      from: "2026-10-16",
      to: "2026-10-31",
      days: 16,
      planVersionId: "v2",
      plan: v2,
      month: sales(month, "month"),
      own: sales(second, "16th–31st"),
    },
  ];
  return computeMonth([{ memberId: "m", plan: v1, inputs: sales(month), segments }], 31)[0]!;
}
const commissions = (s: ReturnType<typeof october>) =>
  s.lines.filter((l) => l.kind === "commission");

describe("a version effective mid-month", () => {
  it("pays the sales from the 16th at the new rate and those before it at the old one: one line per version over its dates", () => {
    const s = october(plan({ ratePct: 1 }), plan({ ratePct: 2 }), 1_000_000, 2_000_000);
    expect(commissions(s).map((l) => [l.amountFen, input(l, "dates")])).toEqual([
      [10_000, "2026-10-01…2026-10-15"],
      [40_000, "2026-10-16…2026-10-31"],
    ]);
    expect(commissions(s).map((l) => renderMessage("en", l.formula))).toEqual([
      "(30,000.00 × 1%) × 10,000.00 / 30,000.00 = 100.00",
      "(30,000.00 × 2%) × 20,000.00 / 30,000.00 = 400.00",
    ]);
    expect(
      renderMessage("zh-CN", commissions(s)[0]!.inputs.find((i) => i.key === "share")!.label),
    ).toBe("占本月比例");
    // The base salary did not change: one line, the whole salary. The if_none event is the month's, once.
    expect(s.lines.filter((l) => l.kind === "base").map((l) => l.amountFen)).toEqual([600_000]);
    expect(s.lines.filter((l) => l.kind === "event").map((l) => l.amountFen)).toEqual([10_000]);
    expect(s.totalFen).toBe(s.lines.reduce((n, l) => n + l.amountFen, 0));
  });

  it("finds the band from the whole month's sales, so a change on the 16th drops nobody into a lower band", () => {
    const bands: BandDef[] = [
      { from: "0", to: "20000", ratePct: 5 },
      { from: "20000", to: null, ratePct: 10 },
    ];
    const s = october(
      plan({ tiers: { kind: "whole", bands } }),
      plan({ tiers: { kind: "whole", bands }, label: "GMV commission (new label)" }),
      1_000_000,
      1_500_000,
    );
    // 25,000.00 for the month is in the 10 % band: 2,500.00, shared 10,000 : 15,000 between the versions.
    expect(commissions(s).map((l) => l.amountFen)).toEqual([100_000, 150_000]);
  });

  it("prorates a changed base salary by calendar days, one line per salary", () => {
    const s = october(plan({ ratePct: 1 }, "6000.00"), plan({ ratePct: 1 }, "9000.00"), 0, 0);
    expect(
      s.lines.filter((l) => l.kind === "base").map((l) => [l.amountFen, input(l, "dates")]),
    ).toEqual([
      [290_323, "2026-10-01…2026-10-15"],
      [464_516, "2026-10-16…2026-10-31"],
    ]);
    expect(
      s.lines.filter((l) => l.kind === "base").map((l) => renderMessage("zh-CN", l.formula)),
    ).toEqual(["底薪 6,000.00 × 15/31 天 = 2,903.23", "底薪 9,000.00 × 16/31 天 = 4,645.16"]);
  });

  it("a rule the change did not touch stays the usual single line; a gate is judged on the month", () => {
    const same = october(
      plan({ ratePct: 1 }, "6000.00"),
      plan({ ratePct: 1 }, "9000.00"),
      1_000_001,
      2_000_000,
    );
    expect(commissions(same).map((l) => l.amountFen)).toEqual([
      commissionLine(plan({ ratePct: 1 }).commissions[0]!, "m", sales(3_000_001)).amountFen,
    ]);
    const gate = { minAchievementPct: 100, target: "25000.00" };
    const gated = october(
      plan({ ratePct: 1, gate }),
      plan({ ratePct: 2, gate }),
      1_000_000,
      2_000_000,
    );
    expect(commissions(gated).map((l) => l.amountFen)).toEqual([10_000, 40_000]); // 30,000.00 for the month passes the gate
  });

  it("properties: never retroactive, flat rates pay each version's own sales exactly, shares add up to the month", () => {
    const rate = fc.integer({ min: 0, max: 3000 }).map((r) => r / 100);
    const fen = fc.integer({ min: 0, max: 50_000_000 });
    const bandsArb = fc
      .tuple(fc.integer({ min: 1, max: 30_000_000 }), rate, rate)
      .map(([cut, a, b]): BandDef[] => [
        { from: "0", to: yuan(cut), ratePct: a },
        { from: yuan(cut), to: null, ratePct: b },
      ]);
    fc.assert(
      fc.property(rate, rate, rate, fen, fen, (r1, r2, r3, a, b) => {
        fc.pre(r1 !== r2 && r1 !== r3); // an unchanged rule is one line over the month (tested above)
        const s = october(plan({ ratePct: r1 }), plan({ ratePct: r2 }), a, b);
        const t = october(plan({ ratePct: r1 }), plan({ ratePct: r3 }), a, b);
        // The version from the 16th never changes what the dates before it pay.
        expect(commissions(s)[0]!.amountFen).toBe(commissions(t)[0]!.amountFen);
        // Flat rates: each version pays its own dates' sales at its own rate, rounded once.
        expect(commissions(s).map((l) => l.amountFen)).toEqual([
          Math.round((a * r1) / 100),
          Math.round((b * r2) / 100),
        ]);
        expect(s.totalFen).toBe(s.lines.reduce((n, l) => n + l.amountFen, 0));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        bandsArb,
        fc.constantFrom("whole", "marginal") as fc.Arbitrary<"whole" | "marginal">,
        fen,
        fen,
        (bands, kind, a, b) => {
          // Two versions with the same tiers (only the label differs): their lines add up to the unsplit month's line, to the fen.
          const s = october(
            plan({ tiers: { kind, bands } }),
            plan({ tiers: { kind, bands }, label: "renamed" }),
            a,
            b,
          );
          const whole = commissionLine(
            plan({ tiers: { kind, bands } }).commissions[0]!,
            "m",
            sales(a + b),
          ).amountFen;
          const sum = commissions(s).reduce((n, l) => n + l.amountFen, 0);
          expect(Math.abs(sum - whole)).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });

  it("prorate splits an entered month's number by days so the parts add up to it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 100_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        (total, cut) => {
          expect(prorate(total, 0, cut, 31) + prorate(total, cut, 31 - cut, 31)).toBe(total);
        },
      ),
      RUNS,
    );
  });
});
