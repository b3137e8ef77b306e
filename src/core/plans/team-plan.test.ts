import { describe, expect, it } from "vitest";
import { scheduleTeam } from "../engine/team/schedule.js";
import type { Allocation } from "../engine/types.js";
import { buildTeamPlan, type BuildInput, type LogInput, type TaskInput } from "./team-plan.js";

const TODAY = "2026-10-12"; // a Monday

const task = (over: Partial<TaskInput> = {}): TaskInput => ({
  id: "t1",
  planId: "p1",
  parentId: null,
  name: "新任务",
  effortHours: 40,
  skill: null,
  minLevel: null,
  assignee: null,
  priority: 500,
  earliestStart: null,
  deadline: null,
  milestone: false,
  status: "todo",
  remainingHours: null,
  dependsOn: [],
  ...over,
});

function input(
  tasks: TaskInput[],
  todayAllocations: Allocation[] = [],
  logs: LogInput[] = [],
): BuildInput {
  return {
    today: TODAY,
    calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, days: [] },
    members: [
      {
        id: "cs-lead",
        name: "客服主管",
        hoursPerDay: null,
        workweek: null,
        skills: { 售前接待: 3 },
        leaves: [],
      },
      {
        id: "designer",
        name: "设计师",
        hoursPerDay: null,
        workweek: null,
        skills: { 主图设计: 4 },
        leaves: [],
      },
    ],
    duties: [],
    plans: [{ id: "p1", startDate: TODAY }],
    tasks,
    logs,
    todayAllocations,
    otherLoggedToday: [],
  };
}

const run = (i: BuildInput) => scheduleTeam(buildTeamPlan(i).plan, { effort: "quick" });
const hoursOn = (r: ReturnType<typeof run>, taskId: string, member?: string) =>
  r.allocations
    .filter((a) => a.task === taskId && (!member || a.member === member))
    .reduce((s, a) => s + a.hours, 0);

describe("today's pinned work (issue 10, finding 14)", () => {
  it("releases today's hours of a task nobody logged on, so a skill nobody has leaves it unscheduled with its reason", () => {
    // The grid placed the new task on whoever was free, today's 8 h included.
    const before = run(input([task()]));
    const placedToday = before.allocations.filter((a) => a.task === "t1" && a.date === TODAY);
    expect(placedToday.length).toBe(1);
    // Then its skill is set to one nobody has.
    const after = run(input([task({ skill: "直播运营" })], placedToday));
    expect(hoursOn(after, "t1")).toBe(0);
    expect(after.unscheduled).toEqual([
      expect.objectContaining({
        task: "t1",
        code: "schedule.no_skill",
        params: { skill: "直播运营", level: 1 },
      }),
    ]);
    // …which is what a fresh plan file with the same task gives.
    expect(after).toMatchObject({
      allocations: run(input([task({ skill: "直播运营" })])).allocations,
      unscheduled: run(input([task({ skill: "直播运营" })])).unscheduled,
    });
  });

  it("moves a task nobody logged on to the member who now qualifies, today included", () => {
    const pinnedOnLead: Allocation[] = [{ member: "cs-lead", date: TODAY, task: "t1", hours: 8 }];
    const r = run(input([task({ skill: "主图设计" })], pinnedOnLead));
    expect(hoursOn(r, "t1", "cs-lead")).toBe(0);
    expect(hoursOn(r, "t1", "designer")).toBe(40);
  });

  it("keeps today's plan on a started task whose member still qualifies", () => {
    const logs: LogInput[] = [{ memberId: "cs-lead", date: "2026-10-09", taskId: "t1", hours: 4 }];
    // The designer is free and would be first; the started task stays where it was planned today.
    const r = run(
      input(
        [task({ effortHours: 20 })],
        [{ member: "cs-lead", date: TODAY, task: "t1", hours: 8 }],
        logs,
      ),
    );
    expect(r.allocations.filter((a) => a.date === TODAY && a.task === "t1")).toEqual([
      { member: "cs-lead", date: TODAY, task: "t1", hours: 8 },
    ]);
    expect(hoursOn(r, "t1")).toBe(16);
  });

  it("takes a started task from a member who no longer qualifies: their hours logged today stay used, the rest is unscheduled", () => {
    const logs: LogInput[] = [{ memberId: "cs-lead", date: TODAY, taskId: "t1", hours: 3 }];
    const built = buildTeamPlan(
      input(
        [task({ skill: "直播运营" })],
        [{ member: "cs-lead", date: TODAY, task: "t1", hours: 8 }],
        logs,
      ),
    );
    expect(built.plan.pinned.filter((p) => p.task === "t1")).toEqual([]);
    expect(built.plan.pinned).toContainEqual(
      expect.objectContaining({ member: "cs-lead", date: TODAY, hours: 3 }),
    );
    expect(built.plan.tasks.find((t) => t.id === "t1")).toMatchObject({
      assignee: null,
      effortHours: 37,
    });
    const r = scheduleTeam(built.plan, { effort: "quick" });
    expect(r.unscheduled.map((u) => u.code)).toEqual(["schedule.no_skill"]);
  });

  it("cuts today's pin to the work left when the effort shrinks", () => {
    const logs: LogInput[] = [{ memberId: "cs-lead", date: "2026-10-09", taskId: "t1", hours: 1 }];
    const r = run(
      input(
        [task({ effortHours: 3 })],
        [{ member: "cs-lead", date: TODAY, task: "t1", hours: 8 }],
        logs,
      ),
    );
    expect(hoursOn(r, "t1")).toBe(2);
  });
});
