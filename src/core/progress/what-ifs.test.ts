// Corrective actions as what-ifs, on small projects worked by hand. Team calendar Mon–Fri, 8 h a
// day, today Monday 2026-11-02; everyone has the skill 设计 (level 3 unless said).
import { describe, expect, it } from "vitest";
import type { BuildInput, TaskInput } from "../plans/team-plan.js";
import { applyChanges, evaluate, whatIfs, type WhatIfContext } from "./what-ifs.js";

const TODAY = "2026-11-02";

function task(id: string, effortHours: number, assignee: string, after?: string): TaskInput {
  return {
    id,
    planId: "p",
    parentId: null,
    name: id,
    effortHours,
    skill: "设计",
    minLevel: 1,
    assignee,
    priority: 500,
    earliestStart: null,
    deadline: null,
    milestone: false,
    status: "todo",
    remainingHours: null,
    dependsOn: after ? [{ task: after, type: "FS", lagDays: 0 }] : [],
  };
}

function input(tasks: TaskInput[], levels: Record<string, number>): BuildInput {
  return {
    today: TODAY,
    calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, days: [] },
    members: Object.entries(levels).map(([id, level]) => ({
      id,
      name: id,
      hoursPerDay: null,
      workweek: null,
      skills: { 设计: level },
      leaves: [],
    })),
    duties: [],
    plans: [{ id: "p", startDate: TODAY }],
    tasks,
    logs: [],
    todayAllocations: [],
    otherLoggedToday: [],
  };
}

const ctx = (
  i: BuildInput,
  deadline: string,
  extra: Partial<WhatIfContext> = {},
): WhatIfContext => ({
  input: i,
  planId: "p",
  deadline,
  members: i.members.map((m) => ({
    id: m.id,
    name: m.name,
    departmentId: m.id === "C" ? "other" : "design",
  })),
  limits: { options: 20, runs: 40 },
  ...extra,
});

describe("what-ifs", () => {
  it("fast-tracks a finish-to-start link on the chain, with the overlap shown as risk", () => {
    // t1 16 h for A (Mon–Tue), t2 16 h for B after t1: FS lag 0 lets t2 start Tue, the day t1
    // finishes → Tue–Wed, finish Wed 11-04, one workday past the deadline Tue 11-03. Fast-tracking
    // (t1 spans 2 workdays: SS lag ⌊(2 − 1) / 2⌋ = 0) lets t2 start Mon → Mon–Tue → Tue 11-03.
    const i = input([task("t1", 16, "A"), task("t2", 16, "B", "t1")], { A: 3, B: 3 });
    const a = whatIfs(ctx(i, "2026-11-03"));
    expect(a.finish).toBe("2026-11-04");
    expect(a.lateDays).toBe(1);
    const ft = a.options.find((o) => o.kind === "fast_track")!;
    expect(ft.changes).toEqual([
      { kind: "overlap", taskId: "t2", predecessorId: "t1", lagDays: 0 },
    ]);
    expect(ft.risk).toEqual({
      code: "progress.whatif.overlap_risk",
      params: { task: "t2", predecessor: "t1", days: 1 },
    });
    expect(ft.score).toMatchObject({
      finish: "2026-11-03",
      daysGained: 1,
      meetsDeadline: true,
      hoursMoved: 0,
      overtimeHours: 0,
      slipsElsewhere: [],
    });
    expect(ft.score.affectedMembers).toEqual(["B"]);
    expect(a.best).toMatchObject({ optionIds: [ft.id], applicable: true });
    // Cutting scope is not proposed, and said so.
    expect(a.notes.map((n) => n.code)).toContain("progress.whatif.no_optional_flag");
    // Nothing in the input changed.
    expect(i.tasks[1]!.dependsOn).toEqual([{ task: "t1", type: "FS", lagDays: 0 }]);
  });

  it("adds a free, qualified member from another department", () => {
    // A has t1 and t2, 16 h each: Mon–Thu, finish Thu 11-05. C (another department, free) takes the
    // one that finishes last: both run Mon–Tue → Tue 11-03, 2 workdays gained, 16 h moved.
    const i = input([task("t1", 16, "A"), task("t2", 16, "A")], { A: 3, C: 3 });
    const a = whatIfs(ctx(i, "2026-11-03"));
    expect(a.finish).toBe("2026-11-05");
    const add = a.options.find((o) => o.kind === "add_person")!;
    expect(add.changes).toEqual([
      { kind: "assign", taskId: expect.stringMatching(/^t[12]$/), memberId: "C" },
    ]);
    expect(add.score).toMatchObject({
      finish: "2026-11-03",
      daysGained: 2,
      meetsDeadline: true,
      hoursMoved: 16,
    });
    expect(add.score.affectedMembers).toEqual(["A", "C"]);
    expect(a.best!.optionIds).toEqual([add.id]);
  });

  it("gives work to a more experienced member, who works faster with an efficiency table", () => {
    // t1 32 h for A (level 3): Mon–Thu. D (level 5, factor 2) does it in 16 h: Mon–Tue → Tue 11-03.
    // C (level 3, free) would need Mon–Thu too: no gain.
    const i = input([task("t1", 32, "A")], { A: 3, C: 3, D: 5 });
    const a = whatIfs(ctx(i, "2026-11-03", { efficiency: { "5": 2 } }));
    expect(a.finish).toBe("2026-11-05");
    const senior = a.options.find((o) => o.kind === "experienced")!;
    expect(senior.changes).toEqual([{ kind: "assign", taskId: "t1", memberId: "D" }]);
    expect(senior.message.params).toMatchObject({ member: "D", level: 5, from: "A", fromLevel: 3 });
    expect(senior.score).toMatchObject({ finish: "2026-11-03", daysGained: 2, hoursMoved: 32 });
    expect(a.notes.map((n) => n.code)).not.toContain("progress.whatif.efficiency_neutral");
  });

  it("combines options when no single one meets the deadline, never worse than the best single", () => {
    // t1 24 h for A and t2 24 h for B, independent: each Mon–Wed, finish Wed 11-04, deadline Tue.
    // With 4 h overtime a day each works 12 h: 24 h by Tue. One person's overtime leaves the other
    // finishing Wed; both together finish Tue 11-03, using 8 h of overtime each.
    const i = input([task("t1", 24, "A"), task("t2", 24, "B")], { A: 3, B: 3 });
    const a = whatIfs(ctx(i, "2026-11-03", { overtimeHoursPerDay: 4 }));
    expect(a.finish).toBe("2026-11-04");
    const overtime = a.options.filter((o) => o.kind === "overtime");
    expect(overtime).toHaveLength(2);
    for (const o of overtime) {
      expect(o.applicable).toBe(true);
      expect(o.score.finish).toBe("2026-11-04");
    }
    // Alone none gains a day; together they meet the deadline.
    expect(a.best).toMatchObject({
      score: { finish: "2026-11-03", daysGained: 1, meetsDeadline: true, overtimeHours: 16 },
      applicable: true,
    });
    expect([...a.best!.optionIds].sort()).toEqual(overtime.map((o) => o.id).sort());
    const both = evaluate(i, a.best!.changes, "p");
    expect(both.finish).toBe("2026-11-03");
  });

  it("cuts scope: defers an optional task on the critical path, its successor waiting for its predecessor", () => {
    // A does t1 16 h (Mon–Tue), then the optional t2 16 h (Wed–Thu), then t3 8 h (Fri): finish
    // Fri 11-06, deadline Wed 11-04. Deferring t2 lets t3 follow t1 at once: Wed 11-04, on time,
    // 16 h cut. A task not marked optional is never proposed.
    const t2 = { ...task("t2", 16, "A", "t1"), optional: true };
    const i = input([task("t1", 16, "A"), t2, task("t3", 8, "A", "t2")], { A: 3 });
    const a = whatIfs(ctx(i, "2026-11-04"));
    expect(a.finish).toBe("2026-11-06");
    const cut = a.options.filter((o) => o.kind === "cut_scope");
    expect(cut.map((o) => o.changes)).toEqual([[{ kind: "defer", taskId: "t2" }]]);
    expect(cut[0]!.risk?.code).toBe("progress.whatif.defer_risk");
    expect(cut[0]!.score).toMatchObject({
      finish: "2026-11-04",
      daysGained: 2,
      meetsDeadline: true,
      hoursCut: 16,
      hoursMoved: 0,
    });
    expect(a.notes.map((n) => n.code)).not.toContain("progress.whatif.no_optional_flag");
    // The deferred task leaves the engine; t3 waits for t1 instead.
    const built = evaluate(i, cut[0]!.changes, "p").result;
    expect(built.tasks.map((t) => t.id).sort()).toEqual(["t1", "t3"]);
    expect(built.tasks.find((t) => t.id === "t3")).toMatchObject({ start: "2026-11-04" });
  });

  it("reads stored overtime from the input as capacity, as a what-if's overtime was scored", () => {
    // t1 24 h for A: Mon–Wed. 4 h overtime Mon and Tue (stored) → 12 h a day: done Tue.
    const i = input([task("t1", 24, "A")], { A: 3 });
    const change = {
      kind: "overtime" as const,
      memberId: "A",
      dates: ["2026-11-02", "2026-11-03"],
      hoursPerDay: 4,
    };
    const stored: BuildInput = {
      ...i,
      overtime: change.dates.map((date) => ({ memberId: "A", date, hours: 4 })),
    };
    expect(evaluate(i, [], "p").finish).toBe("2026-11-04");
    expect(evaluate(i, [change], "p").finish).toBe("2026-11-03");
    expect(evaluate(stored, [], "p").finish).toBe("2026-11-03");
  });

  it("keeps the search within its budget of engine runs", () => {
    const i = input([task("t1", 16, "A"), task("t2", 16, "A", "t1"), task("t3", 16, "A", "t2")], {
      A: 3,
      B: 3,
      C: 3,
    });
    const a = whatIfs(ctx(i, "2026-11-02", { limits: { options: 20, runs: 3 } }));
    expect(a.runs).toBeLessThanOrEqual(3);
    expect(a.options.length).toBeLessThanOrEqual(2);
  });

  it("changes only the copy it is given", () => {
    const i = input([task("t1", 16, "A"), task("t2", 16, "B", "t1")], { A: 3, B: 3 });
    const copy = applyChanges(i, [{ kind: "assign", taskId: "t1", memberId: "B" }]);
    expect(copy.tasks[0]!.assignee).toBe("B");
    expect(i.tasks[0]!.assignee).toBe("A");
  });
});
