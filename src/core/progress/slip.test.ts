// Slip analysis on hand-worked plans (Mon–Fri, November 2026): which tasks moved the finish and
// why, with the working days each cause cost.
import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../calendar/calendar.js";
import type { BaselineEntry } from "./baseline.js";
import { analyseSlip, type SlipInput } from "./slip.js";

const cal = new WorkCalendar();
const base = (
  id: string,
  effortHours: number,
  member: string,
  days: string[],
  after: string[] = [],
): BaselineEntry => ({
  id,
  start: days[0]!,
  finish: days[days.length - 1]!,
  effortHours,
  hours: { [member]: effortHours },
  days,
  after,
});
const task = (id: string, over: Partial<SlipInput["tasks"][number]> = {}) => ({
  id,
  effortHours: 8,
  status: "todo" as const,
  remainingHours: null,
  doneDate: null,
  work: true,
  predecessors: [],
  ...over,
});

describe("a plan three days past its deadline", () => {
  // Baseline: A (Ana, Mon–Tue) → B (Bo, Wed–Thu) → C (Ana, Fri 6th); deadline Monday 9th.
  // Ana started A a day late; B grew from 16 to 24 h and Bo is on leave Monday 9th; C, placed
  // after B, takes two days because Ana is half on other work.
  const input: SlipInput = {
    baseline: new Map(
      [
        base("A", 16, "ana", ["2026-11-02", "2026-11-03"]),
        base("B", 16, "bo", ["2026-11-04", "2026-11-05"], ["A"]),
        base("C", 8, "ana", ["2026-11-06"], ["B"]),
      ].map((b) => [b.id, b]),
    ),
    deadline: "2026-11-09",
    forecastFinish: "2026-11-12",
    tasks: [
      task("A", { effortHours: 16, status: "done", doneDate: "2026-11-04" }),
      task("B", {
        effortHours: 16,
        status: "in_progress",
        remainingHours: 8,
        predecessors: ["A"],
      }),
      task("C", { predecessors: ["B"] }),
    ],
    logs: [
      { taskId: "A", memberId: "ana", date: "2026-11-03", hours: 8 },
      { taskId: "A", memberId: "ana", date: "2026-11-04", hours: 8 },
      { taskId: "B", memberId: "bo", date: "2026-11-05", hours: 8 },
      { taskId: "B", memberId: "bo", date: "2026-11-06", hours: 8 },
    ],
    schedule: [
      { id: "B", assignee: "bo", start: "2026-11-05", finish: "2026-11-10" },
      { id: "C", assignee: "ana", start: "2026-11-11", finish: "2026-11-12" },
    ],
    leaves: [{ memberId: "bo", startDate: "2026-11-09", endDate: "2026-11-09" }],
    hoursPerDay: () => 8,
    calendar: cal,
  };
  const r = analyseSlip(input);

  it("measures the slip against the baseline and the deadline in working days", () => {
    expect(r).toMatchObject({
      baselineFinish: "2026-11-06",
      forecastFinish: "2026-11-12",
      slipDays: 4, // Mon 9 – Thu 12
      lateDays: 3, // Tue 10 – Thu 12
      slipped: true,
    });
  });

  it("walks the chain that decides the finish back through the dependencies", () => {
    expect(r.chain).toEqual(["A", "B", "C"]);
  });

  it("names each cause with its days, and they add up to the slip", () => {
    expect(r.causes).toEqual([
      {
        taskId: "A",
        kind: "started_late",
        days: 1,
        detail: { plannedStart: "2026-11-02", start: "2026-11-03", started: 1 },
      },
      { taskId: "B", kind: "absent", days: 1, detail: { memberId: "bo", leaveDays: 1 } },
      { taskId: "B", kind: "effort_grew", days: 1, detail: { fromHours: 16, toHours: 24 } },
      { taskId: "C", kind: "slower", days: 1, detail: {} },
    ]);
    expect(r.causes.reduce((s, c) => s + c.days, 0)).toBe(r.slipDays);
  });

  it("finds nothing to explain when the forecast keeps the baseline and the deadline", () => {
    const onTime = analyseSlip({ ...input, forecastFinish: "2026-11-06" });
    expect(onTime).toMatchObject({ slipped: false, slipDays: 0, lateDays: 0, causes: [] });
    // Early is not a negative slip.
    expect(analyseSlip({ ...input, forecastFinish: "2026-11-05" }).slipDays).toBe(0);
  });
});

describe("a dependency and a task added after the baseline", () => {
  it("charges the wait on a predecessor the baseline did not have to the new dependency", () => {
    // Q (Bo, Tue 3rd) waited for P only; now it also waits for R (Cy), which ran a day long.
    const r = analyseSlip({
      baseline: new Map(
        [
          base("P", 8, "ana", ["2026-11-02"]),
          base("R", 24, "cy", ["2026-11-02", "2026-11-03", "2026-11-04"]),
          base("Q", 8, "bo", ["2026-11-03"], ["P"]),
        ].map((b) => [b.id, b]),
      ),
      deadline: null,
      forecastFinish: "2026-11-06",
      tasks: [
        task("P", { status: "done", doneDate: "2026-11-02" }),
        task("R", { effortHours: 24 }),
        task("Q", { predecessors: ["P", "R"] }),
      ],
      logs: [{ taskId: "P", memberId: "ana", date: "2026-11-02", hours: 8 }],
      schedule: [
        { id: "R", assignee: "cy", start: "2026-11-02", finish: "2026-11-05" },
        { id: "Q", assignee: "bo", start: "2026-11-06", finish: "2026-11-06" },
      ],
      leaves: [],
      hoursPerDay: () => 8,
      calendar: cal,
    });
    expect(r.chain).toEqual(["R", "Q"]);
    expect(r.slipDays).toBe(2); // the baseline ended with R on Wednesday 4th
    expect(r.causes).toEqual([
      { taskId: "Q", kind: "dependency_added", days: 2, detail: { predecessorId: "R" } },
      { taskId: "R", kind: "slower", days: 1, detail: {} },
    ]);
  });

  it("charges a new task on the chain with its whole span", () => {
    const r = analyseSlip({
      baseline: new Map(
        [base("P", 8, "ana", ["2026-11-02"]), base("Q", 8, "bo", ["2026-11-03"], ["P"])].map(
          (b) => [b.id, b],
        ),
      ),
      deadline: "2026-11-04",
      forecastFinish: "2026-11-06",
      tasks: [
        task("P", { status: "done", doneDate: "2026-11-02" }),
        task("N", { effortHours: 24 }),
        task("Q", { predecessors: ["P", "N"] }),
      ],
      logs: [{ taskId: "P", memberId: "ana", date: "2026-11-02", hours: 8 }],
      schedule: [
        { id: "N", assignee: "cy", start: "2026-11-03", finish: "2026-11-05" },
        { id: "Q", assignee: "bo", start: "2026-11-06", finish: "2026-11-06" },
      ],
      leaves: [],
      hoursPerDay: () => 8,
      calendar: cal,
    });
    expect(r.chain).toEqual(["N", "Q"]);
    expect([r.slipDays, r.lateDays]).toEqual([3, 2]);
    expect(r.causes).toEqual([{ taskId: "N", kind: "task_added", days: 3, detail: {} }]);
  });

  it("follows a person's previous task when no dependency held the start", () => {
    // Bo's Y waited for Bo's X (no link between them), which started two days late.
    const r = analyseSlip({
      baseline: new Map(
        [base("X", 8, "bo", ["2026-11-02"]), base("Y", 8, "bo", ["2026-11-03"])].map((b) => [
          b.id,
          b,
        ]),
      ),
      deadline: null,
      forecastFinish: "2026-11-05",
      tasks: [task("X", { status: "in_progress" }), task("Y")],
      logs: [{ taskId: "X", memberId: "bo", date: "2026-11-04", hours: 2 }],
      schedule: [
        { id: "X", assignee: "bo", start: "2026-11-04", finish: "2026-11-04" },
        { id: "Y", assignee: "bo", start: "2026-11-05", finish: "2026-11-05" },
      ],
      leaves: [],
      hoursPerDay: () => 8,
      calendar: cal,
    });
    expect(r.chain).toEqual(["X", "Y"]);
    expect(r.causes).toEqual([
      {
        taskId: "X",
        kind: "started_late",
        days: 2,
        detail: { plannedStart: "2026-11-02", start: "2026-11-04", started: 1 },
      },
    ]);
  });
});
