// Hand-worked examples of efficiency by skill level, work shared between people and overtime
// (docs/ENGINE.md). The week of Monday 2 November 2026 has no holiday; a day is 8 hours.

import { describe, expect, it } from "vitest";
import { checkTeamSchedule } from "../checker/team-check.js";
import { parsePlanFile } from "../plan-file.js";
import { reschedule } from "../reschedule.js";
import {
  PLAN_FORMAT,
  type TeamMember,
  type TeamPlan,
  type TeamResult,
  type TeamTask,
} from "../types.js";
import { scheduleTeam } from "./schedule.js";

const member = (id: string, skills: Record<string, number>, extra: Partial<TeamMember> = {}) => ({
  id,
  name: id,
  skills,
  hoursPerDay: null,
  workweek: null,
  daysOff: [],
  ...extra,
});

const task = (id: string, effortHours: number, extra: Partial<TeamTask> = {}): TeamTask => ({
  id,
  name: id,
  effortHours,
  skill: "design",
  minLevel: null,
  assignee: null,
  priority: 500,
  earliestStart: null,
  deadline: null,
  dependsOn: [],
  parent: null,
  ...extra,
});

const plan = (members: TeamMember[], tasks: TeamTask[], extra: Partial<TeamPlan> = {}) =>
  ({
    format: PLAN_FORMAT,
    mode: "team",
    start: "2026-11-02",
    calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, holidays: [], extraWorkdays: [] },
    members,
    tasks,
    pinned: [],
    ...extra,
  }) satisfies TeamPlan;

/** A duty that takes `hours` of a member's Monday (pinned, as the workspace does with duties). */
const busyMonday = (who: string, hours: number) => ({
  task: task(`duty:${who}`, hours, { skill: null, assignee: who, priority: 1000 }),
  pin: { member: who, date: "2026-11-02", task: `duty:${who}`, hours },
});

function run(p: TeamPlan): TeamResult {
  const r = scheduleTeam(p);
  expect(checkTeamSchedule(p, r)).toEqual([]);
  return r;
}

const hours = (r: TeamResult, id: string) =>
  r.allocations.filter((a) => a.task === id).map((a) => `${a.member}@${a.date}:${a.hours}`);
const byId = (r: TeamResult, id: string) => r.tasks.find((t) => t.id === id)!;

const TABLE = { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 };

describe("efficiency by skill level", () => {
  const senior = member("senior", { design: 5 });
  const junior = member("junior", { design: 1 });

  it("a level-5 designer does 10 h of effort in 8 h and gets the task before a level-1 one", () => {
    // senior: 10 / 1.25 = 8 h, Monday; junior: 10 / 0.6 = 16.67 h, into Wednesday.
    const r = run(plan([junior, senior], [task("t1", 10)], { efficiency: TABLE }));
    expect(hours(r, "t1")).toEqual(["senior@2026-11-02:8"]);
    expect(byId(r, "t1")).toMatchObject({ assignee: "senior", finish: "2026-11-02" });
  });

  it("a level-1 assignee needs effort ÷ 0.6: 6 h of effort are 10 h of their time", () => {
    const r = run(
      plan([junior, senior], [task("t1", 6, { assignee: "junior" })], { efficiency: TABLE }),
    );
    expect(hours(r, "t1")).toEqual(["junior@2026-11-02:8", "junior@2026-11-03:2"]);
  });

  it("a task without a skill is worked at 1; an assignee without the skill at level 1's factor", () => {
    const r = run(
      plan(
        [senior],
        [
          task("anyone", 6, { skill: null, assignee: "senior" }),
          task("copy", 1.2, { skill: "copy", assignee: "senior" }), // 1.2 / 0.6 = 2 h
        ],
        { efficiency: TABLE },
      ),
    );
    expect(hours(r, "anyone")).toEqual(["senior@2026-11-02:6"]);
    expect(hours(r, "copy")).toEqual(["senior@2026-11-02:2"]);
  });

  it("pinned hours count at the member's factor: 4 h of a level-5 designer are 5 h of effort", () => {
    const p = plan([senior], [task("t1", 10, { assignee: "senior" })], {
      efficiency: TABLE,
      pinned: [{ member: "senior", date: "2026-11-02", task: "t1", hours: 4 }],
    });
    // 10 − 4 × 1.25 = 5 h of effort left = 4 h of the senior's time, the rest of Monday.
    expect(hours(run(p), "t1")).toEqual(["senior@2026-11-02:4", "senior@2026-11-02:4"]);
  });

  it("without a table (or with every factor at 1) hours equal effort, as before", () => {
    const tasks = [task("t1", 10), task("t2", 6, { assignee: "junior" })];
    const before = run(plan([junior, senior], tasks));
    const ones = run(
      plan([junior, senior], tasks, {
        efficiency: { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1 },
      }),
    );
    expect(ones.allocations).toEqual(before.allocations);
    expect(hours(before, "t1")).toEqual(["junior@2026-11-02:8", "junior@2026-11-03:2"]);
  });
});

describe("work shared between people", () => {
  const [a, b, c] = ["a", "b", "c"].map((id) => member(id, { design: 3 }));

  it("40 h with up to 3 designers: 24 h on Monday, 16 h on Tuesday instead of a week", () => {
    const shared = run(plan([a!, b!, c!], [task("t1", 40, { maxPeople: 3, minChunkHours: 2 })]));
    expect(hours(shared, "t1")).toEqual([
      "a@2026-11-02:8",
      "b@2026-11-02:8",
      "c@2026-11-02:8",
      "a@2026-11-03:8",
      "b@2026-11-03:8",
    ]);
    // a and b 16 h each (a first in member order), c 8 h.
    expect(byId(shared, "t1")).toMatchObject({
      assignee: "a",
      assignees: ["a", "b", "c"],
      start: "2026-11-02",
      finish: "2026-11-03",
    });
    const alone = run(plan([a!, b!, c!], [task("t1", 40)]));
    expect(byId(alone, "t1").finish).toBe("2026-11-06");
    expect(byId(alone, "t1").assignees).toBeUndefined();
  });

  it("a piece under the smallest chunk is handed over only when it finishes the task", () => {
    // b has half an hour free on Monday (a 7.5 h duty): under the 2 h chunk, so only a works
    // Monday; on Tuesday a works 8 h and b the last hour (under 2 h, but it finishes the task).
    const duty = busyMonday("b", 7.5);
    const r = run(
      plan([a!, b!], [duty.task, task("t1", 17, { maxPeople: 2, minChunkHours: 2 })], {
        pinned: [duty.pin],
      }),
    );
    expect(hours(r, "t1")).toEqual(["a@2026-11-02:8", "a@2026-11-03:8", "b@2026-11-03:1"]);
    expect(byId(r, "t1")).toMatchObject({ assignee: "a", assignees: ["a", "b"] });
  });

  it("no hand-over for nothing: when one member alone finishes as early, one member does it", () => {
    // Both have 4 h free on Monday. Shared: 4 + 4 on Monday, 4 on Tuesday; a alone: 4 + 8. Both
    // finish on Tuesday, so a does it alone.
    const da = busyMonday("a", 4);
    const db = busyMonday("b", 4);
    const r = run(
      plan([a!, b!], [da.task, db.task, task("t1", 12, { maxPeople: 2, minChunkHours: 1 })], {
        pinned: [da.pin, db.pin],
      }),
    );
    expect(hours(r, "t1")).toEqual(["a@2026-11-02:4", "a@2026-11-03:8"]);
    expect(byId(r, "t1").assignees).toBeUndefined();
  });

  it("shares at each member's efficiency: 28 h by a level-5 and a level-1 designer", () => {
    // Alone, the senior needs 28 / 1.25 = 22.4 h (into Wednesday). Together, Monday brings
    // 8 × 1.25 + 8 × 0.6 = 14.8 h; on Tuesday the senior's 8 h bring 10 more, and the last 3.2 h
    // of effort are 3.2 / 0.6 = 5.33 h of the junior's time.
    const senior = member("senior", { design: 5 });
    const junior = member("junior", { design: 1 });
    const r = run(
      plan([junior, senior], [task("t1", 28, { maxPeople: 2, minChunkHours: 1 })], {
        efficiency: TABLE,
      }),
    );
    expect(hours(r, "t1")).toEqual([
      "junior@2026-11-02:8",
      "senior@2026-11-02:8",
      "junior@2026-11-03:5.33",
      "senior@2026-11-03:8",
    ]);
    expect(byId(r, "t1")).toMatchObject({
      assignee: "senior",
      assignees: ["senior", "junior"],
      finish: "2026-11-03",
    });
  });

  it("a fixed assignee is never shared, whatever maxPeople says", () => {
    const r = run(plan([a!, b!], [task("t1", 16, { assignee: "b", maxPeople: 2 })]));
    expect(hours(r, "t1")).toEqual(["b@2026-11-02:8", "b@2026-11-03:8"]);
  });

  it("a re-plan of an unchanged plan keeps a shared task's rest with the same people", () => {
    const p = plan([a!, b!, c!], [task("t1", 60, { maxPeople: 2 }), task("t2", 8)]);
    const before = run(p);
    const after = reschedule(p, before, { today: "2026-11-03" });
    expect(after.allocations).toEqual(before.allocations);
    expect(byId(after, "t1").assignees).toEqual(byId(before, "t1").assignees);
  });
});

describe("overtime as a capacity", () => {
  const a = member("a", { design: 3 }, { daysOff: ["2026-11-04"] });
  const overtime = [
    { member: "a", date: "2026-11-02", hours: 4 },
    { member: "a", date: "2026-11-03", hours: 4 },
    { member: "a", date: "2026-11-04", hours: 4 }, // a day off: not used
    { member: "a", date: "2026-11-07", hours: 6 }, // a Saturday
  ];

  it("is used only when the plan says so", () => {
    const without = run(plan([a], [task("t1", 20)], { overtime }));
    expect(hours(without, "t1")).toEqual(["a@2026-11-02:8", "a@2026-11-03:8", "a@2026-11-05:4"]);
    const withIt = run(plan([a], [task("t1", 20)], { overtime, useOvertime: true }));
    expect(hours(withIt, "t1")).toEqual(["a@2026-11-02:12", "a@2026-11-03:8"]);
  });

  it("gives a weekend day its hours, never a day off", () => {
    // Mon 12 + Tue 12 + (Wed off) + Thu 8 + Fri 8 = 40; the last 6 h on Saturday's overtime.
    const r = run(plan([a], [task("t1", 46)], { overtime, useOvertime: true }));
    expect(hours(r, "t1")).toEqual([
      "a@2026-11-02:12",
      "a@2026-11-03:12",
      "a@2026-11-05:8",
      "a@2026-11-06:8",
      "a@2026-11-07:6",
    ]);
  });
});

describe("the independent checker on the new rules", () => {
  const senior = member("senior", { design: 5 });
  const [a, b, c] = ["a", "b", "c"].map((id) => member(id, { design: 3 }));

  it("finds hours that ignore efficiency, too many people, small pieces and unused overtime", () => {
    const eff = plan([senior], [task("t1", 10)], { efficiency: TABLE });
    const good = scheduleTeam(eff);
    // 10 h worked by a 1.25 designer deliver 12.5 h: more than the effort.
    const slow = structuredClone(good);
    slow.allocations = [{ member: "senior", date: "2026-11-02", task: "t1", hours: 8 }];
    slow.allocations.push({ member: "senior", date: "2026-11-03", task: "t1", hours: 2 });
    slow.tasks[0]!.finish = "2026-11-03";
    expect(checkTeamSchedule(eff, slow).join("\n")).toMatch(/more than its 10 h effort/);

    const sharedPlan = plan([a!, b!, c!], [task("t1", 24, { maxPeople: 2, minChunkHours: 3 })]);
    const shared = scheduleTeam(sharedPlan);
    expect(checkTeamSchedule(sharedPlan, shared)).toEqual([]);
    const crowded = structuredClone(shared);
    crowded.allocations = ["a", "b", "c"].map((m) => ({
      member: m,
      date: "2026-11-02",
      task: "t1",
      hours: 8,
    }));
    crowded.tasks[0] = { ...crowded.tasks[0]!, assignees: ["a", "b", "c"], finish: "2026-11-02" };
    expect(checkTeamSchedule(sharedPlan, crowded).join("\n")).toMatch(/3 people on 2026-11-02/);
    const crumbs = structuredClone(shared);
    crumbs.allocations = [
      { member: "a", date: "2026-11-02", task: "t1", hours: 8 },
      { member: "b", date: "2026-11-02", task: "t1", hours: 2 },
      { member: "a", date: "2026-11-03", task: "t1", hours: 8 },
      { member: "b", date: "2026-11-03", task: "t1", hours: 6 },
    ];
    crumbs.tasks[0] = { ...crumbs.tasks[0]!, assignee: "a", assignees: ["a", "b"] };
    expect(checkTeamSchedule(sharedPlan, crumbs).join("\n")).toMatch(/piece\(s\) under 3 h/);

    const ot = plan([a!], [task("t1", 12)], {
      overtime: [{ member: "a", date: "2026-11-02", hours: 4 }],
    });
    const used = scheduleTeam({ ...ot, useOvertime: true });
    expect(checkTeamSchedule({ ...ot, useOvertime: true }, used)).toEqual([]);
    expect(checkTeamSchedule(ot, used).join("\n")).toMatch(/allocated 12 h on 2026-11-02/);
  });
});

describe("plan file fields", () => {
  const file = {
    format: "dayclear.plan/v1",
    mode: "team",
    start: "2026-11-02",
    members: [{ id: "a", skills: { design: 5 } }],
    tasks: [{ id: "t1", effortHours: 10, skill: "design", maxPeople: 2, minChunkHours: 1.5 }],
    efficiency: { "1": 0.6, "5": 1.25 },
    overtime: [{ member: "a", date: "2026-11-07", hours: 4 }],
    useOvertime: true,
  };

  it("reads the new fields, and an old file without them as before", () => {
    const r = parsePlanFile(file);
    expect(r.ok).toBe(true);
    if (!r.ok || r.plan.mode !== "team") return;
    expect(r.plan.tasks[0]).toMatchObject({ maxPeople: 2, minChunkHours: 1.5 });
    expect(r.plan.efficiency).toEqual({ "1": 0.6, "5": 1.25 });
    expect(r.plan.overtime).toEqual([{ member: "a", date: "2026-11-07", hours: 4 }]);
    expect(r.plan.useOvertime).toBe(true);
    const old = parsePlanFile({ ...file, efficiency: undefined, overtime: undefined });
    expect(old.ok && old.plan.mode === "team" && "efficiency" in old.plan).toBe(false);
  });

  it("names every bad value with its path", () => {
    const r = parsePlanFile({
      ...file,
      tasks: [{ id: "t1", effortHours: 10, maxPeople: 0, minChunkHours: -1 }],
      efficiency: { "6": 1, "2": 0 },
      overtime: [{ member: "nobody", date: "2026-11-07", hours: 30 }],
      useOvertime: "yes",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      "tasks[0].maxPeople",
      "tasks[0].minChunkHours",
      "efficiency.2", // (a JSON object's numeric keys come in numeric order)
      "efficiency.6",
      "overtime[0].member",
      "overtime[0].hours",
      "plan.useOvertime",
    ]);
    expect(r.issues.map((i) => i.message)).toContain(
      'efficiency: 6 must name a level 1..5, got "6"',
    );
  });
});
