// The plan file's `tasks[].optional` (issue 12, cut scope): read when true, absent in older files,
// refused when it is not a boolean; the server writes it only for an optional task and leaves a
// deferred one out of the file.
import { describe, expect, it } from "vitest";
import { buildTeamPlan, type BuildInput, type TaskInput } from "../plans/team-plan.js";
import { parsePlanFile } from "./plan-file.js";
import type { TeamPlan } from "./types.js";

const file = (tasks: unknown[]) => ({
  format: "dayclear.plan/v1",
  mode: "team",
  start: "2026-11-02",
  calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [], extraWorkdays: [] },
  members: [{ id: "m1", name: "张三", skills: { design: 3 } }],
  tasks,
});

describe("plan file: optional tasks", () => {
  it("reads optional: true, and a file without the field as before", () => {
    const r = parsePlanFile(
      file([
        { id: "t1", name: "主图", effortHours: 8, skill: "design", optional: true },
        { id: "t2", name: "详情", effortHours: 8, skill: "design", optional: false },
        { id: "t3", name: "上架", effortHours: 8, skill: "design" },
      ]),
    );
    expect(r.ok).toBe(true);
    const tasks = (r.ok ? (r.plan as TeamPlan) : null)!.tasks;
    expect(tasks.map((t) => t.optional)).toEqual([true, undefined, undefined]);
  });

  it("refuses an optional that is not a boolean, naming the task and the field", () => {
    const r = parsePlanFile(
      file([{ id: "t1", name: "主图", effortHours: 8, skill: "design", optional: "yes" }]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ task: "t1", field: "optional" });
    expect(r.issues[0]!.message).toContain("optional");
  });

  it("is written by the server for an optional task only; a deferred task is not in the file", () => {
    const task = (id: string, extra: Partial<TaskInput> = {}, after?: string): TaskInput => ({
      id,
      planId: "p",
      parentId: null,
      name: id,
      effortHours: 8,
      skill: "design",
      minLevel: null,
      assignee: null,
      priority: 500,
      earliestStart: null,
      deadline: null,
      milestone: false,
      status: "todo",
      remainingHours: null,
      dependsOn: after ? [{ task: after, type: "FS", lagDays: 0 }] : [],
      ...extra,
    });
    const input: BuildInput = {
      today: "2026-11-02",
      calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, days: [] },
      members: [
        {
          id: "m1",
          name: "张三",
          hoursPerDay: null,
          workweek: null,
          skills: { design: 3 },
          leaves: [],
        },
      ],
      duties: [],
      plans: [{ id: "p", startDate: "2026-11-02" }],
      tasks: [
        task("a", { optional: true }),
        task("b", { optional: true, deferred: true }, "a"),
        task("c", {}, "b"),
      ],
      logs: [],
      todayAllocations: [],
      otherLoggedToday: [],
    };
    const { plan } = buildTeamPlan(input);
    expect(plan.tasks.map((t) => [t.id, t.optional])).toEqual([
      ["a", true],
      ["c", undefined],
    ]);
    // c waited for b, which waited for a: it now waits for a.
    expect(plan.tasks[1]!.dependsOn).toEqual([{ task: "a", type: "FS", lagDays: 0 }]);
    expect(JSON.stringify(plan)).not.toContain('"optional":false');
    expect(parsePlanFile(JSON.parse(JSON.stringify(plan))).ok).toBe(true);
  });
});
