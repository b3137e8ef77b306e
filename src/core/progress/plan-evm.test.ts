// A plan's earned value split by person and department, worked by hand; and, on random plans, the
// shares always add up to the plan and no figure is ever NaN or infinite.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BaselineEntry } from "./baseline.js";
import type { Evm } from "./earned-value.js";
import { percentCompleteAt, planEarnedValue, type PlanFacts, type TaskFacts } from "./plan-evm.js";

const DAYS = [
  "2026-11-02",
  "2026-11-03",
  "2026-11-04",
  "2026-11-05",
  "2026-11-06",
  "2026-11-09",
  "2026-11-10",
  "2026-11-11",
  "2026-11-12",
  "2026-11-13",
];
const entry = (
  id: string,
  effortHours: number,
  hours: Record<string, number>,
  days: string[],
): BaselineEntry => ({
  id,
  start: days[0]!,
  finish: days[days.length - 1]!,
  effortHours,
  hours,
  days,
  after: [],
});
const task = (id: string, over: Partial<TaskFacts> = {}): TaskFacts => ({
  id,
  effortHours: 8,
  status: "todo",
  remainingHours: null,
  doneDate: null,
  work: true,
  ...over,
});

// Ana (运营) planned for A and half of B, Bo (设计) for the other half of B; nobody for C; E was in
// the baseline and has been deleted since; D was added after it. Cy (运营) helped on B unplanned.
const facts: PlanFacts = {
  baseline: new Map(
    [
      entry("A", 16, { ana: 16 }, ["2026-11-02", "2026-11-03"]),
      entry("B", 24, { ana: 12, bo: 12 }, ["2026-11-04", "2026-11-05", "2026-11-06"]),
      entry("C", 8, {}, ["2026-11-09"]),
      entry("E", 8, {}, ["2026-11-10"]),
    ].map((b) => [b.id, b]),
  ),
  tasks: [
    task("A", { effortHours: 16, status: "done", doneDate: "2026-11-03" }),
    task("B", { effortHours: 24, status: "in_progress", remainingHours: 12 }),
    task("C"),
    task("D", { effortHours: 4, status: "in_progress" }),
    task("S", { effortHours: 0, work: false }),
  ],
  logs: [
    { taskId: "A", memberId: "ana", date: "2026-11-02", hours: 10 },
    { taskId: "A", memberId: "ana", date: "2026-11-03", hours: 8 },
    { taskId: "B", memberId: "bo", date: "2026-11-04", hours: 6 },
    { taskId: "B", memberId: "cy", date: "2026-11-05", hours: 2 },
    { taskId: "B", memberId: "bo", date: "2026-11-06", hours: 4 },
    { taskId: "D", memberId: "ana", date: "2026-11-05", hours: 1 },
  ],
  members: [
    { id: "ana", departmentId: "ops" },
    { id: "bo", departmentId: "design" },
    { id: "cy", departmentId: "ops" },
  ],
  workingDays: DAYS,
};

const core = (e: Evm) => [e.bac, e.pv, e.ev, e.ac].map((v) => Math.round(v * 1e9) / 1e9);

describe("a plan's earned value on Thursday 5 November, by hand", () => {
  const r = planEarnedValue(facts, "2026-11-05");

  it("measures the whole plan, the deleted task still in the budget and the added one apart", () => {
    // BAC 16 + 24 + 8 + 8; PV A 16 + B 8 × 2 days; EV A 16 + B 24 × 8 ÷ (12 logged + 12 left).
    expect(core(r.plan)).toEqual([56, 32, 24, 26]);
    expect(r.plan.sv).toBe(-8);
    expect(r.plan.cv).toBe(-2);
    expect(r.plan.spi).toBe(0.75);
    expect(r.plan.cpi).toBeCloseTo(24 / 26, 12);
    expect([r.plan.es, r.plan.at, r.plan.spiT]).toEqual([3, 4, 0.75]);
    expect(r.plan.forecastFinish).toBe("2026-11-13"); // 7 planned days ÷ 0.75 → the 10th
    expect(r.plan.outsideBaseline).toEqual({ tasks: 1, effortHours: 4, ev: 1, ac: 1 });
    expect(r.removed).toEqual({ tasks: 1, effortHours: 8 });
  });

  it("splits it by the hours the baseline planned per person; AC is what each logged", () => {
    const of = (id: string | null) => core(r.people.find((p) => p.id === id)!.evm);
    expect(of("ana")).toEqual([28, 24, 20, 18]); // A whole, half of B
    expect(of("bo")).toEqual([12, 8, 4, 6]);
    expect(of("cy")).toEqual([0, 0, 0, 2]); // helped without a plan: cost, nothing planned
    expect(of(null)).toEqual([16, 0, 0, 0]); // C and E, planned for nobody
    expect(r.people.find((p) => p.id === "cy")!.evm.spi).toBeNull();
    expect(r.people.find((p) => p.id === "cy")!.evm.cpi).toBe(0);
  });

  it("adds the department's members up (as the organisation is now)", () => {
    const of = (id: string) => core(r.departments.find((d) => d.id === id)!.evm);
    expect(r.departments.map((d) => d.id)).toEqual(["design", "ops"]);
    expect(of("ops")).toEqual([28, 24, 20, 20]);
    expect(of("design")).toEqual([12, 8, 4, 6]);
  });

  it("reads an earlier day from the logs: B was a sixth done on Wednesday", () => {
    const wed = planEarnedValue(facts, "2026-11-04");
    expect(core(wed.plan)).toEqual([56, 24, 16 + 24 * (6 / 24), 24]);
  });
});

describe("% complete", () => {
  const logs = [
    { date: "2026-11-02", hours: 6 },
    { date: "2026-11-03", hours: 4 },
  ];
  it("is 100 % once done, else logged ÷ (logged + remaining), at most 99 %", () => {
    const t = task("X", { effortHours: 8, status: "done", doneDate: "2026-11-03" });
    expect(percentCompleteAt(t, logs, "2026-11-03")).toBe(100);
    expect(percentCompleteAt(t, logs, "2026-11-02")).toBe(60); // 6 of the 10 h it took
    const open = task("X", { effortHours: 8, status: "in_progress" });
    expect(percentCompleteAt(open, logs, "2026-11-03")).toBe(99); // 10 h of 8 and not done
    expect(percentCompleteAt({ ...open, remainingHours: 10 }, logs, "2026-11-03")).toBe(50);
    expect(percentCompleteAt(task("Y"), [], "2026-11-03")).toBe(0);
  });
});

describe("on random plans", () => {
  const members = ["m1", "m2", "m3"];
  const arbPlan = fc
    .array(
      fc.record({
        effort: fc.integer({ min: 1, max: 40 }),
        first: fc.integer({ min: 0, max: 8 }),
        length: fc.integer({ min: 1, max: 4 }),
        split: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
        logs: fc.array(
          fc.record({
            member: fc.constantFrom(...members),
            day: fc.integer({ min: 0, max: 9 }),
            hours: fc.integer({ min: 0, max: 8 }),
          }),
          { maxLength: 4 },
        ),
        status: fc.constantFrom("todo" as const, "in_progress" as const, "done" as const),
        doneDay: fc.integer({ min: 0, max: 9 }),
        inBaseline: fc.boolean(),
      }),
      { maxLength: 8 },
    )
    .chain((tasks) => fc.tuple(fc.constant(tasks), fc.integer({ min: 0, max: 9 })));

  it("people add up to the plan and every figure is a finite number or null", () => {
    fc.assert(
      fc.property(arbPlan, ([tasks, status]) => {
        const f: PlanFacts = {
          baseline: new Map(
            tasks
              .map((t, i) => ({ t, i }))
              .filter(({ t }) => t.inBaseline)
              .map(({ t, i }) => {
                const days = DAYS.slice(t.first, t.first + t.length);
                const hours = Object.fromEntries(
                  members.map((m, k) => [m, t.split[k]!]).filter(([, h]) => (h as number) > 0),
                );
                return [`T${i}`, entry(`T${i}`, t.effort, hours, days)] as const;
              }),
          ),
          tasks: tasks.map((t, i) =>
            task(`T${i}`, {
              effortHours: t.effort,
              status: t.status,
              doneDate: t.status === "done" ? DAYS[t.doneDay]! : null,
            }),
          ),
          logs: tasks.flatMap((t, i) =>
            t.logs.map((l) => ({
              taskId: `T${i}`,
              memberId: l.member,
              date: DAYS[l.day]!,
              hours: l.hours,
            })),
          ),
          members: members.map((id, k) => ({ id, departmentId: k < 2 ? "d1" : "d2" })),
          workingDays: DAYS,
        };
        const r = planEarnedValue(f, DAYS[status]!);
        const sum = (pick: (e: Evm) => number) => r.people.reduce((s, p) => s + pick(p.evm), 0);
        for (const pick of [
          (e: Evm) => e.bac,
          (e: Evm) => e.pv,
          (e: Evm) => e.ev,
          (e: Evm) => e.ac,
        ])
          expect(sum(pick)).toBeCloseTo(pick(r.plan), 6);
        for (const e of [r.plan, ...r.people.map((p) => p.evm), ...r.departments.map((d) => d.evm)])
          for (const v of Object.values(e))
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        expect(r.plan.ev).toBeLessThanOrEqual(r.plan.bac + 1e-9);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
