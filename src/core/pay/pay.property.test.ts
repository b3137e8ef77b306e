import fc from "fast-check";
import { msg } from "../messages/index.js";
import { describe, expect, it } from "vitest";
import { MICRO, roundMicro } from "./exact.js";
import { compilePlan, PAY_PLAN_FORMAT, type CompiledPlan } from "./plan.js";
import { computeRun, splitPool, type Inputs } from "./statement.js";
import { applyTiers, compileTiers, type BandDef } from "./tiers.js";

const S = msg("pay.src.not_entered");

const RUNS = { numRuns: 200, seed: 20261126 };

/** Random valid band tables: cut points in fen, rates in hundredths of a percent. */
const bandsArb = (ascending: boolean) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 6, maxLength: 6 }),
    )
    .map(([cuts, rates]) => {
      const points = [0, ...cuts.sort((a, b) => a - b)];
      const rs = ascending
        ? rates.slice(0, points.length).sort((a, b) => a - b)
        : rates.slice(0, points.length);
      const money = (f: number) => `${Math.trunc(f / 100)}.${String(f % 100).padStart(2, "0")}`;
      return points.map((p, i): BandDef => ({
        from: money(p),
        to: i + 1 < points.length ? money(points[i + 1]!) : null,
        ratePct: rs[i]! / 100,
      }));
    });
const table = (kind: "whole" | "marginal", bands: BandDef[]) => {
  const r = compileTiers(kind, bands, "money");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.table;
};
const base = fc.integer({ min: 0, max: 100_000_000 });

describe("pay rules — properties", () => {
  it("marginal never pays more than whole when rates ascend", () => {
    fc.assert(
      fc.property(bandsArb(true), base, (bands, b) => {
        expect(
          applyTiers(table("marginal", bands), b).micro <=
            applyTiers(table("whole", bands), b).micro,
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it("more sales never lowers a marginal commission (any rates ≥ 0), nor a whole one with ascending rates", () => {
    fc.assert(
      fc.property(bandsArb(false), bandsArb(true), base, base, (any, asc, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(
          applyTiers(table("marginal", any), lo).micro <=
            applyTiers(table("marginal", any), hi).micro,
        ).toBe(true);
        expect(
          applyTiers(table("whole", asc), lo).micro <= applyTiers(table("whole", asc), hi).micro,
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it("a rounded line is within half a fen of the exact amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (micro) => {
        const diff = BigInt(roundMicro(micro)) * MICRO - micro;
        expect(diff * 2n <= MICRO && diff * 2n >= -MICRO).toBe(true);
      }),
      RUNS,
    );
  });

  it("pool shares add up to the pool and differ by at most one fen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        (pool, ids) => {
          const shares = [...splitPool(pool, ids).values()];
          expect(shares.reduce((s, x) => s + x, 0)).toBe(pool);
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });

  it("statements are deterministic, independent of member order, and every total is the sum of its printed lines", () => {
    const compiled = (bands: BandDef[], rate: number): CompiledPlan => {
      const r = compilePlan({
        format: PAY_PLAN_FORMAT,
        name: "p",
        baseSalary: "3000.00",
        commissions: [
          { code: "t", label: "t", base: "gmv", scope: "shop", tiers: { kind: "marginal", bands } },
          { code: "f", label: "f", base: "net", scope: "person", ratePct: rate / 100 },
        ],
        bonuses: [],
        events: [{ code: "e", label: "e", amount: "-10.00", when: "per_event" }],
        pools: [{ code: "p", label: "p", base: "gmv", source: "unattributed", ratePct: 1 }],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.plan;
    };
    fc.assert(
      fc.property(
        bandsArb(false),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.tuple(base, base, fc.nat(20)), { minLength: 1, maxLength: 6 }),
        base,
        (bands, rate, people, pool) => {
          const p = compiled(bands, rate);
          const entries = people.map(([t, f, e], i) => ({
            memberId: `m${i}`,
            plan: p,
            inputs: {
              "commission.t": { value: t, source: S },
              "commission.f": { value: f, source: S },
              "event.e": { value: e, source: S },
              "pool.p": { value: pool, source: S },
            } satisfies Inputs,
          }));
          const run = computeRun(entries);
          expect(computeRun([...entries].reverse()).reverse()).toEqual(run);
          for (const s of run)
            expect(s.totalFen).toBe(s.lines.reduce((sum, l) => sum + l.amountFen, 0));
          const poolTotal = run.reduce(
            (sum, s) => sum + s.lines.find((l) => l.kind === "pool")!.amountFen,
            0,
          );
          expect(poolTotal).toBe(roundMicro(BigInt(pool) * 10_000n));
        },
      ),
      RUNS,
    );
  });
});
