import { describe, expect, it } from "vitest";
import { scheduleTeam } from "../engine/team/schedule.js";
import type { Allocation } from "../engine/types.js";
import { renderMessage } from "../messages/index.js";
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

describe("what the scheduler warns about", () => {
  it("says each warning as a message as well as in English for the plan file", () => {
    const built = buildTeamPlan({
      ...input([
        task({ id: "t1", name: "主图", assignee: "gone" }),
        task({ id: "t2", name: "详情页", effortHours: 2, remainingHours: 0 }),
      ]),
      duties: [{ id: "d1", memberId: "designer", title: "周日值班", weekdays: [7], hours: 2 }],
      otherLoggedToday: [{ memberId: "designer", hours: 2 }],
    });
    expect(built.warnings).toEqual([
      'task "详情页": no work left; mark it done',
      'task "主图": its assignee is no longer active; any member with the skill may take it',
      `duty "周日值班" falls on none of 设计师's working days`,
    ]);
    expect(built.notices).toEqual([
      { code: "plans.warning.no_work_left", params: { task: "详情页" } },
      { code: "plans.warning.assignee_inactive", params: { task: "主图" } },
      { code: "plans.warning.duty_never", params: { duty: "周日值班", member: "设计师" } },
    ]);
    expect(built.notices.map((n) => renderMessage("zh-CN", n))).toEqual([
      "「详情页」已没有剩余工作，请标记为完成。",
      "「主图」的负责人已停用，具备该技能的成员都可以接手。",
      "值班「周日值班」不落在设计师的任何工作日上。",
    ]);
    expect(renderMessage("en", built.notices[2]!)).toBe(
      "The duty “周日值班” falls on none of 设计师's working days.",
    );
    // The busy-today pin is an engine input only: named in the file's language, never bilingual.
    expect(built.plan.tasks.find((t) => t.id === "duty:busy:designer")?.name).toBe(
      "other work done today",
    );
  });
});
