// Reserved hours on given dates (a 物流 member's packing of the day) in the engine's input: pinned
// like a duty on the member's working days, giving way to nothing, and taken off today's budget
// before the previous plan's hours are kept.
import { describe, expect, it } from "vitest";
import { scheduleTeam } from "../engine/team/schedule.js";
import { buildTeamPlan, isDutyTask, type BuildInput, type TaskInput } from "./team-plan.js";

const TODAY = "2026-11-06"; // a Friday

const task: TaskInput = {
  id: "t1",
  planId: "p1",
  parentId: null,
  name: "盘点货架",
  effortHours: 12,
  skill: null,
  minLevel: null,
  assignee: "packer",
  priority: 500,
  earliestStart: null,
  deadline: null,
  milestone: false,
  status: "in_progress",
  remainingHours: null,
  dependsOn: [],
};

const input = (over: Partial<BuildInput> = {}): BuildInput => ({
  today: TODAY,
  calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, days: [] },
  members: [
    { id: "packer", name: "何军", hoursPerDay: null, workweek: null, skills: {}, leaves: [] },
  ],
  duties: [],
  plans: [{ id: "p1", startDate: "2026-11-01" }],
  tasks: [task],
  logs: [{ memberId: "packer", date: "2026-11-05", taskId: "t1", hours: 2 }],
  todayAllocations: [],
  otherLoggedToday: [],
  ...over,
});

const reserve = (date: string, hours: number) => ({
  id: `packing:packer:${date}`,
  memberId: "packer",
  date,
  hours,
  title: "packing",
});

describe("reserved hours in the engine's input", () => {
  it("pins them on working days only, and plans tasks around them", () => {
    const built = buildTeamPlan(
      input({
        reserved: [reserve(TODAY, 3), reserve("2026-11-07", 2), reserve("2026-11-09", 5)],
      }),
    );
    const pinned = built.plan.pinned.filter((p) => isDutyTask(p.task));
    // Saturday is not a working day: nothing is reserved there.
    expect(pinned.map((p) => [p.date, p.hours])).toEqual([
      [TODAY, 3],
      ["2026-11-09", 5],
    ]);
    const result = scheduleTeam(built.plan, { effort: "quick" });
    const hours = (date: string) =>
      result.allocations
        .filter((a) => a.task === "t1" && a.date === date)
        .reduce((s, a) => s + a.hours, 0);
    // 10 hours left: 5 on Friday beside 3 of packing, Monday 3 beside 5 of packing, Tuesday 2.
    expect([hours(TODAY), hours("2026-11-09"), hours("2026-11-10")]).toEqual([5, 3, 2]);
  });

  it("takes today's reservation off the hours today's plan may keep", () => {
    const kept = (reserved: BuildInput["reserved"]) =>
      buildTeamPlan(
        input({
          todayAllocations: [{ member: "packer", date: TODAY, task: "t1", hours: 8 }],
          reserved,
        }),
      ).plan.pinned.find((p) => p.task === "t1" && p.date === TODAY)?.hours;
    expect(kept([])).toBe(8);
    expect(kept([reserve(TODAY, 6)])).toBe(2);
  });
});
