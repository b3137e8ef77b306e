// Freezing a baseline keeps what earned value measures against (effort, hours per person, days,
// predecessors); a baseline frozen before that is still read, its gaps filled from the plan now.
import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../calendar/calendar.js";
import { addDays } from "../calendar/date.js";
import { freezeBaseline, readBaseline, shiftBaseline } from "./baseline.js";

describe("freezing a plan's schedule on Wednesday 4 November", () => {
  const frozen = freezeBaseline({
    today: "2026-11-04",
    tasks: [
      { id: "done", parentId: "group", effortHours: 8, milestone: false },
      { id: "open", parentId: "group", effortHours: 12, milestone: false },
      { id: "next", parentId: null, effortHours: 8, milestone: 0 },
      { id: "lost", parentId: null, effortHours: 4, milestone: false },
      { id: "group", parentId: null, effortHours: 6, milestone: false },
      { id: "launch", parentId: null, effortHours: 0, milestone: 1 },
    ],
    schedule: {
      tasks: [
        { id: "open", start: "2026-11-04", finish: "2026-11-05" },
        { id: "next", start: "2026-11-06", finish: "2026-11-06" },
        { id: "group", start: "2026-11-02", finish: "2026-11-06" },
        { id: "launch", start: "2026-11-06", finish: "2026-11-06" },
      ],
      allocations: [
        { member: "ana", date: "2026-11-04", task: "open", hours: 4 },
        { member: "bo", date: "2026-11-05", task: "open", hours: 4 },
        { member: "bo", date: "2026-11-06", task: "next", hours: 8 },
      ],
    },
    logs: [
      { taskId: "done", memberId: "ana", date: "2026-11-02", hours: 5 },
      { taskId: "done", memberId: "ana", date: "2026-11-03", hours: 3 },
      { taskId: "open", memberId: "ana", date: "2026-11-03", hours: 4 },
      // Today's hours are in today's allocation already.
      { taskId: "open", memberId: "ana", date: "2026-11-04", hours: 2 },
      { taskId: null, memberId: "ana", date: "2026-11-03", hours: 1 },
    ],
    deps: [
      { taskId: "next", predecessorId: "open" },
      { taskId: "next", predecessorId: "done" },
    ],
  });

  it("keeps a finished task on the days it was worked, and an open one's past and future", () => {
    expect(frozen.done).toEqual({
      start: "2026-11-02",
      finish: "2026-11-03",
      effortHours: 8,
      hours: { ana: 8 },
      days: ["2026-11-02", "2026-11-03"],
      after: [],
    });
    expect(frozen.open).toEqual({
      start: "2026-11-03",
      finish: "2026-11-05",
      effortHours: 12,
      hours: { ana: 8, bo: 4 },
      days: ["2026-11-03", "2026-11-04", "2026-11-05"],
      after: [],
    });
    expect(frozen.next!.after).toEqual(["done", "open"]);
  });

  it("keeps summary rows and milestones as spans for the Gantt, and leaves out what was not placed", () => {
    expect(frozen.group).toEqual({ start: "2026-11-02", finish: "2026-11-06" });
    expect(frozen.launch).toEqual({ start: "2026-11-06", finish: "2026-11-06" });
    expect(frozen.lost).toBeUndefined();
  });

  it("reads back as earned value's baseline, only work tasks", () => {
    const read = readBaseline(JSON.stringify(frozen), { tasks: [], calendar: new WorkCalendar() })!;
    expect([...read.keys()].sort()).toEqual(["done", "next", "open"]);
    expect(read.get("open")).toMatchObject({ effortHours: 12, hours: { ana: 8, bo: 4 } });
  });

  it("moves every date for the demo's baseline frozen a week earlier", () => {
    const moved = shiftBaseline(frozen, (d) => addDays(d, -7));
    expect(moved.open).toMatchObject({
      start: "2026-10-27",
      days: ["2026-10-27", "2026-10-28", "2026-10-29"],
    });
  });
});

describe("a baseline frozen before effort was kept", () => {
  it("takes today's effort and assignee and the working days between start and finish", () => {
    const old = JSON.stringify({
      t1: { start: "2026-11-05", finish: "2026-11-09" },
      gone: { start: "2026-11-02", finish: "2026-11-02" },
      ms: { start: "2026-11-10", finish: "2026-11-10" },
    });
    const read = readBaseline(old, {
      tasks: [
        { id: "t1", effortHours: 20, assignee: "bo" },
        { id: "ms", effortHours: 0, assignee: null },
      ],
      calendar: new WorkCalendar(),
    })!;
    expect([...read.values()]).toEqual([
      {
        id: "t1",
        start: "2026-11-05",
        finish: "2026-11-09",
        effortHours: 20,
        hours: { bo: 20 },
        days: ["2026-11-05", "2026-11-06", "2026-11-09"], // the weekend carries nothing
        after: null,
      },
    ]);
    expect(readBaseline(null, { tasks: [], calendar: new WorkCalendar() })).toBeNull();
  });
});
