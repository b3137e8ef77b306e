import { describe, expect, it } from "vitest";
import { renderMessage } from "../../messages/index.js";
import { checkTeamSchedule } from "../checker/team-check.js";
import { reschedule } from "../reschedule.js";
import {
  PLAN_FORMAT,
  type TeamMember,
  type TeamPlan,
  type TeamResult,
  type TeamTask,
} from "../types.js";
import { scheduleTeam } from "./schedule.js";

function member(
  id: string,
  skills: Record<string, number>,
  extra: Partial<TeamMember> = {},
): TeamMember {
  return { id, name: id, skills, hoursPerDay: null, workweek: null, daysOff: [], ...extra };
}

function task(id: string, effortHours: number, extra: Partial<TeamTask> = {}): TeamTask {
  return {
    id,
    name: id,
    effortHours,
    skill: null,
    minLevel: null,
    assignee: null,
    priority: 500,
    earliestStart: null,
    deadline: null,
    dependsOn: [],
    parent: null,
    ...extra,
  };
}

function plan(members: TeamMember[], tasks: TeamTask[], extra: Partial<TeamPlan> = {}): TeamPlan {
  return {
    format: PLAN_FORMAT,
    mode: "team",
    start: "2026-09-28", // Monday before National Day
    calendar: {
      workweek: [1, 2, 3, 4, 5],
      hoursPerDay: 8,
      holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
      extraWorkdays: ["2026-10-10"],
    },
    members,
    tasks,
    pinned: [],
    ...extra,
  };
}

function run(p: TeamPlan): TeamResult {
  const r = scheduleTeam(p);
  expect(checkTeamSchedule(p, r)).toEqual([]);
  return r;
}

const byId = (r: TeamResult, id: string) => r.tasks.find((t) => t.id === id)!;
const hours = (r: TeamResult, id: string) =>
  r.allocations.filter((a) => a.task === id).map((a) => `${a.member}@${a.date}:${a.hours}`);

describe("team scheduling", () => {
  it("splits effort across working days and skips the National Day holidays", () => {
    // 40 hours from Mon 28 Sep: Mon, Tue, Wed (30th), then Thu 8 Oct, Fri 9 Oct
    const r = run(plan([member("m1", { design: 3 })], [task("t1", 40, { skill: "design" })]));
    expect(hours(r, "t1")).toEqual([
      "m1@2026-09-28:8",
      "m1@2026-09-29:8",
      "m1@2026-09-30:8",
      "m1@2026-10-08:8",
      "m1@2026-10-09:8",
    ]);
    expect(byId(r, "t1")).toMatchObject({
      start: "2026-09-28",
      finish: "2026-10-09",
      assignee: "m1",
    });
    expect(r.finish).toBe("2026-10-09");
  });

  it("works the make-up Saturday and never exceeds a part-timer's hours", () => {
    const r = run(
      plan(
        [member("pt", { cs: 2 }, { hoursPerDay: 4 })],
        [task("t1", 18, { skill: "cs", earliestStart: "2026-10-08" })],
      ),
    );
    expect(hours(r, "t1")).toEqual([
      "pt@2026-10-08:4",
      "pt@2026-10-09:4",
      "pt@2026-10-10:4",
      "pt@2026-10-12:4",
      "pt@2026-10-13:2",
    ]);
  });

  it("gives work only to members with the skill at the minimum level", () => {
    const r = run(
      plan(
        [member("junior", { design: 1 }), member("senior", { design: 4 })],
        [task("t1", 8, { skill: "design", minLevel: 3 })],
      ),
    );
    expect(byId(r, "t1").assignee).toBe("senior");
  });

  it("puts the task no one can do in unscheduled with the reason, and its successors too", () => {
    const r = run(
      plan(
        [member("m1", { copy: 5 })],
        [
          task("t1", 8, { skill: "design", minLevel: 2 }),
          task("t2", 4, { skill: "copy", dependsOn: [{ task: "t1", type: "FS", lagDays: 0 }] }),
        ],
      ),
    );
    expect(r.unscheduled).toEqual([
      {
        task: "t1",
        reason: 'no member has skill "design" at level ≥ 2',
        code: "schedule.no_skill",
        params: { skill: "design", level: 2 },
      },
      {
        task: "t2",
        reason: 'waits for task "t1", which could not be scheduled',
        code: "schedule.waits",
        params: { task: "t1" },
      },
    ]);
    expect(r.allocations).toEqual([]);
  });

  it("schedules higher priority first and flags the lower one late by its lateness", () => {
    const r = run(
      plan(
        [member("m1", { ops: 3 })],
        [
          task("low", 16, { skill: "ops", priority: 100, deadline: "2026-09-29" }),
          task("high", 16, { skill: "ops", priority: 900 }),
        ],
      ),
    );
    expect(byId(r, "high")).toMatchObject({
      start: "2026-09-28",
      finish: "2026-09-29",
      late: false,
    });
    expect(byId(r, "low")).toMatchObject({
      start: "2026-09-30",
      finish: "2026-10-08",
      late: true,
      lateDays: 2,
    });
  });

  it("spreads equal work among equally skilled members", () => {
    const tasks = Array.from({ length: 6 }, (_, i) => task(`t${i}`, 8, { skill: "photo" }));
    const r = run(
      plan(
        [member("a", { photo: 2 }), member("b", { photo: 2 }), member("c", { photo: 2 })],
        tasks,
      ),
    );
    const load = new Map<string, number>();
    for (const a of r.allocations) load.set(a.member, (load.get(a.member) ?? 0) + a.hours);
    expect([...load.values()]).toEqual([16, 16, 16]);
    expect(r.finish).toBe("2026-09-29");
  });

  it("FS with lag 0 lets the successor start the day its predecessor finishes; lag counts workdays", () => {
    const r = run(
      plan(
        [member("a", { x: 1 }), member("b", { x: 1 })],
        [
          task("t1", 4, { assignee: "a" }),
          task("t2", 4, { assignee: "b", dependsOn: [{ task: "t1", type: "FS", lagDays: 0 }] }),
          task("t3", 4, { assignee: "b", dependsOn: [{ task: "t1", type: "FS", lagDays: 3 }] }),
        ],
      ),
    );
    expect(byId(r, "t2").start).toBe("2026-09-28");
    expect(byId(r, "t3").start).toBe("2026-10-08"); // 3 workdays after Mon 28: Tue, Wed, Thu 8 Oct
  });

  it("summary tasks take their span from children and links to them apply to every child", () => {
    const r = run(
      plan(
        [member("a", { x: 1 }), member("b", { x: 1 })],
        [
          task("wp", 0, { name: "详情页" }),
          task("c1", 8, { parent: "wp", assignee: "a" }),
          task("c2", 16, { parent: "wp", assignee: "b" }),
          task("after", 4, { assignee: "a", dependsOn: [{ task: "wp", type: "FS", lagDays: 0 }] }),
        ],
      ),
    );
    expect(byId(r, "wp")).toMatchObject({
      summary: true,
      assignee: null,
      start: "2026-09-28",
      finish: "2026-09-29",
    });
    expect(byId(r, "after").start).toBe("2026-09-29");
  });

  it("keeps pinned work where it is and respects the capacity it uses", () => {
    const p = plan(
      [member("a", { x: 1 })],
      [task("t1", 12, { assignee: "a" }), task("t2", 8, { assignee: "a", priority: 900 })],
      {
        pinned: [{ member: "a", date: "2026-09-28", task: "t1", hours: 6 }],
      },
    );
    const r = run(p);
    expect(hours(r, "t1")[0]).toBe("a@2026-09-28:6");
    // t2 has higher priority but only 2 h are left on the 28th
    expect(hours(r, "t2")).toEqual(["a@2026-09-28:2", "a@2026-09-29:6"]);
    expect(hours(r, "t1").slice(1)).toEqual(["a@2026-09-29:2", "a@2026-09-30:4"]);
  });

  it("measures float against the work, not against reserved hours weeks out", () => {
    // a's work ends on the 30th; a fixed 2 h reservation on 2026-10-20 cannot move. Before, it set
    // the end float was measured against, so the chain deciding the finish showed no critical task.
    const p = plan(
      [member("a", { x: 1 }), member("b", { x: 1 })],
      [
        task("t1", 8, { assignee: "a" }),
        task("t2", 16, { assignee: "a", dependsOn: [{ task: "t1", type: "FS", lagDays: 0 }] }),
        task("side", 4, { assignee: "b" }),
        task("reserved", 2, { assignee: "b", earliestStart: "2026-10-20" }),
      ],
      { pinned: [{ member: "b", date: "2026-10-20", task: "reserved", hours: 2 }] },
    );
    const r = run(p);
    expect(byId(r, "t2").finish).toBe("2026-09-30");
    expect(byId(r, "t1").critical).toBe(true);
    expect(byId(r, "t2").critical).toBe(true);
    expect(byId(r, "side").critical).toBe(false);
    expect(byId(r, "reserved").critical).toBe(false);
    expect(r.criticalPath).toEqual(["t1", "t2"]);
    // The plan still finishes when its last hour is worked, reservation included.
    expect(r.finish).toBe("2026-10-20");
  });

  it("reports a dependency cycle in unscheduled with its path instead of throwing", () => {
    const r = run(
      plan(
        [member("a", { x: 1 })],
        [
          task("t1", 1, { dependsOn: [{ task: "t2", type: "FS", lagDays: 0 }] }),
          task("t2", 1, { dependsOn: [{ task: "t1", type: "FS", lagDays: 0 }] }),
          task("t3", 2),
        ],
      ),
    );
    expect(r.unscheduled.map((u) => u.task).sort()).toEqual(["t1", "t2"]);
    expect(r.unscheduled[0]!.reason).toMatch(/dependency cycle: (t1 → t2 → t1|t2 → t1 → t2)/);
    expect(byId(r, "t3").finish).toBe("2026-09-28");
    // The warning in English for files, and as a code that reads in Chinese.
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^dependency cycle: (t1 → t2 → t1|t2 → t1 → t2); the tasks on it and after it are not scheduled$/,
      ),
    ]);
    expect(r.notices!.map((n) => renderMessage("zh-CN", n))).toEqual([
      expect.stringMatching(/^循环依赖：(t1 → t2 → t1|t2 → t1 → t2)；环上及其后的任务都没有排程$/),
    ]);
  });

  it("warns when pinned work no longer follows the task's dependencies, in both languages", () => {
    const r = run(
      plan(
        [member("a", { x: 1 })],
        [task("t1", 8), task("t2", 8, { dependsOn: [{ task: "t1", type: "FS", lagDays: 0 }] })],
        { pinned: [{ member: "a", date: "2026-09-28", task: "t2", hours: 4 }] },
      ),
    );
    expect(r.notices).toEqual([
      { code: "plans.engine.pinned_out_of_order", params: { task: "t2" } },
    ]);
    expect(r.warnings).toEqual([
      'task "t2": pinned work already done does not follow its dependencies as they are now; only its remaining work is placed after them',
    ]);
    expect(renderMessage("zh-CN", r.notices![0]!)).toBe(
      "任务“t2”：已完成的固定工作与现在的依赖关系不一致，只把剩余工作排在依赖之后",
    );
  });

  it("marks the chain that fixes the finish critical and gives the rest float", () => {
    const r = run(
      plan(
        [member("a", { x: 1 }), member("b", { x: 1 })],
        [
          task("long", 24, { assignee: "a" }),
          task("short", 8, { assignee: "b" }),
          task("end", 8, { assignee: "a", dependsOn: [{ task: "long", type: "FS", lagDays: 0 }] }),
        ],
      ),
    );
    expect(r.criticalPath).toEqual(["long", "end"]);
    expect(byId(r, "short")).toMatchObject({ critical: false, totalFloatDays: 3 });
    expect(byId(r, "long")).toMatchObject({ critical: true, totalFloatDays: 0 });
  });
});

describe("re-scheduling", () => {
  it("keeps work up to today, keeps started tasks with their member and moves only what must move", () => {
    const members = [member("a", { x: 2 }), member("b", { x: 2 })];
    const tasks = [
      task("t1", 24, { skill: "x" }),
      task("t2", 16, { skill: "x" }),
      task("t3", 8, { skill: "x", dependsOn: [{ task: "t2", type: "FS", lagDays: 0 }] }),
    ];
    const before = run(plan(members, tasks));
    // t1 grows by 8 hours on Tuesday evening
    const changed = plan(
      members,
      tasks.map((t) => (t.id === "t1" ? { ...t, effortHours: 32 } : t)),
    );
    const after = reschedule(changed, before, { today: "2026-09-29" });
    const past = (r: TeamResult) => r.allocations.filter((a) => a.date <= "2026-09-29");
    expect(past(after)).toEqual(past(before));
    expect(byId(after, "t1").assignee).toBe(byId(before, "t1").assignee);
    const span = (r: TeamResult, id: string) => [
      byId(r, id).assignee,
      byId(r, id).start,
      byId(r, id).finish,
    ];
    expect(span(after, "t2")).toEqual(span(before, "t2"));
    expect(checkTeamSchedule({ ...changed, pinned: past(before) }, after)).toEqual([]);
    expect(byId(after, "t1").finish > byId(before, "t1").finish).toBe(true);
  });
});
