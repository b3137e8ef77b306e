import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleAbstract } from "../abstract.js";
import { checkAbstractSchedule } from "../checker/abstract-check.js";
import { parsePsplib, parsePsplibOptima } from "../psplib.js";
import { PLAN_FORMAT, PlanValidationError, type AbstractPlan } from "../types.js";

const dataDir = path.resolve(import.meta.dirname, "../../../../../shared/data/psplib");
const haveData = existsSync(path.join(dataDir, "j30opt.sm"));
if (!haveData) console.warn(`PSPLIB j30 tests skipped: ${dataDir} not found`);

const planArb = fc
  .record({
    n: fc.integer({ min: 1, max: 22 }),
    caps: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
    seed: fc.array(fc.nat(1000), { minLength: 120, maxLength: 120 }),
  })
  .map(({ n, caps, seed }): AbstractPlan => {
    let k = 0;
    const next = (m: number) => seed[k++ % seed.length]! % m;
    const tasks = Array.from({ length: n }, (_, j) => {
      const demands: Record<string, number> = {};
      caps.forEach((c, r) => {
        if (next(3) > 0) demands[`R${r + 1}`] = next(c + 1);
      });
      const predecessors =
        j === 0
          ? []
          : Array.from(new Set(Array.from({ length: next(3) }, () => String(next(j) + 1))));
      return { id: String(j + 1), duration: next(8), demands, predecessors };
    });
    return {
      format: PLAN_FORMAT,
      mode: "abstract",
      resources: caps.map((c, r) => ({ id: `R${r + 1}`, capacity: c })),
      tasks,
    };
  });

describe("abstract mode (RCPSP)", () => {
  it("schedules the spec's example shape and reports lower bound and critical chain", () => {
    const plan: AbstractPlan = {
      format: PLAN_FORMAT,
      mode: "abstract",
      resources: [{ id: "R1", capacity: 4 }],
      tasks: [
        { id: "1", duration: 0, demands: {}, predecessors: [] },
        { id: "2", duration: 3, demands: { R1: 3 }, predecessors: ["1"] },
        { id: "3", duration: 2, demands: { R1: 2 }, predecessors: ["1"] },
        { id: "4", duration: 2, demands: { R1: 2 }, predecessors: ["1"] },
        { id: "5", duration: 0, demands: {}, predecessors: ["2", "3", "4"] },
      ],
    };
    const r = scheduleAbstract(plan);
    // 3 and 4 run together (2+2 ≤ 4) while 2 cannot overlap either: optimum 5
    expect(r.makespan).toBe(5);
    expect(r.lowerBound).toBe(5); // resource bound ⌈(9+4+4)/4⌉ = 5
    expect(checkAbstractSchedule(plan, r)).toEqual([]);
    expect(r.criticalPath[0]).toBe("1");
    expect(r.criticalPath[r.criticalPath.length - 1]).toBe("5");
    expect(r.format).toBe("dayclear.schedule/v1");
  });

  it("throws a validation error naming the cycle", () => {
    const plan: AbstractPlan = {
      format: PLAN_FORMAT,
      mode: "abstract",
      resources: [],
      tasks: [
        { id: "a", duration: 1, demands: {}, predecessors: ["b"] },
        { id: "b", duration: 1, demands: {}, predecessors: ["a"] },
      ],
    };
    expect(() => scheduleAbstract(plan)).toThrow(PlanValidationError);
    expect(() => scheduleAbstract(plan)).toThrow(/dependency cycle: (a → b → a|b → a → b)/);
  });

  it("random instances: quick and search are feasible, search never worse, deterministic per seed", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 50 }), (plan, seed) => {
        const quick = scheduleAbstract(plan);
        const a = scheduleAbstract(plan, { effort: 300, seed });
        const b = scheduleAbstract(plan, { effort: 300, seed });
        expect(checkAbstractSchedule(plan, quick)).toEqual([]);
        expect(checkAbstractSchedule(plan, a)).toEqual([]);
        expect(a.makespan).toBeLessThanOrEqual(quick.makespan);
        expect(a.makespan).toBeGreaterThanOrEqual(a.lowerBound);
        expect(a.tasks).toEqual(b.tasks);
      }),
      { numRuns: 80 },
    );
  });
});

describe.skipIf(!haveData)("PSPLIB j30 sample", () => {
  const optima = haveData
    ? parsePsplibOptima(readFileSync(path.join(dataDir, "j30opt.sm"), "utf8"))
    : new Map<string, number>();
  // Every 16th instance: 30 instances across all 48 parameter classes' spread.
  const files = haveData
    ? readdirSync(path.join(dataDir, "j30"))
        .filter((f) => f.endsWith(".sm"))
        .sort()
        .filter((_, i) => i % 16 === 0)
    : [];

  it("parses j301_1 exactly (32 jobs, 4 resources, supersource and sink)", () => {
    const plan = parsePsplib(readFileSync(path.join(dataDir, "j30", "j301_1.sm"), "utf8"));
    expect(plan.tasks).toHaveLength(32);
    expect(plan.resources).toEqual([
      { id: "R1", capacity: 12 },
      { id: "R2", capacity: 13 },
      { id: "R3", capacity: 4 },
      { id: "R4", capacity: 12 },
    ]);
    expect(plan.tasks[1]).toEqual({
      id: "2",
      duration: 8,
      demands: { R1: 4 },
      predecessors: ["1"],
    });
    expect(plan.tasks[31]!.predecessors.sort()).toEqual(["29", "30", "31"]);
    expect(optima.get("j301_1")).toBe(43);
  });

  it("quick mode: feasible, each ≤ 15 % and mean ≤ 4 % above optimum; 1,000 schedules: mean ≤ 1 %", () => {
    let quickSum = 0;
    let searchSum = 0;
    for (const f of files) {
      const plan = parsePsplib(readFileSync(path.join(dataDir, "j30", f), "utf8"));
      const opt = optima.get(f.replace(/\.sm$/, ""))!;
      const quick = scheduleAbstract(plan);
      const search = scheduleAbstract(plan, { effort: 1000, seed: 1 });
      expect(checkAbstractSchedule(plan, quick), f).toEqual([]);
      expect(checkAbstractSchedule(plan, search), f).toEqual([]);
      expect(search.makespan, f).toBeGreaterThanOrEqual(opt);
      expect((quick.makespan - opt) / opt, f).toBeLessThanOrEqual(0.15);
      quickSum += (quick.makespan - opt) / opt;
      searchSum += (search.makespan - opt) / opt;
    }
    expect(quickSum / files.length).toBeLessThanOrEqual(0.04);
    expect(searchSum / files.length).toBeLessThanOrEqual(0.01);
  });
});
