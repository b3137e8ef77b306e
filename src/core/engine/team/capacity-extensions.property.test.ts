// Property tests of the capacity extensions (docs/ENGINE.md: efficiency, work shared between
// people, overtime) over random team plans, and the promise that plans without them schedule
// exactly as before.

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../calendar/date.js";
import { checkTeamSchedule } from "../checker/team-check.js";
import { reschedule } from "../reschedule.js";
import { generateTeamPlan, type GenerateOptions } from "../testing/generate.js";
import type { TeamPlan, TeamResult } from "../types.js";
import { scheduleTeam } from "./schedule.js";

const options = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  tasks: fc.integer({ min: 1, max: 50 }),
  members: fc.integer({ min: 1, max: 8 }),
  packageSize: fc.constantFrom(0, 0, 3, 7),
  fixedShare: fc.constantFrom(0, 0.1, 0.5),
  dependencies: fc.constantFrom(0, 0.8, 1.5, 2.5),
  finishToStartOnly: fc.boolean(),
  start: fc.constantFrom("2026-09-14", "2026-09-28", "2026-02-09", "2026-12-28"),
});
const extendedArb = fc
  .record({
    base: options,
    sharedShare: fc.constantFrom(0.3, 0.7, 1),
    efficiency: fc.boolean(),
    overtime: fc.constantFrom(0, 0, 5, 20),
  })
  .map(({ base, ...extra }) => generateTeamPlan({ ...base, ...extra }));

const withoutTime = (r: TeamResult) => ({ ...r, stats: { ...r.stats, ms: 0 } });

/** Hours per member and date against the member's capacity that day, overtime included. */
function overBooked(plan: TeamPlan, r: TeamResult): string[] {
  const used = new Map<string, number>();
  for (const a of r.allocations)
    used.set(`${a.member}|${a.date}`, (used.get(`${a.member}|${a.date}`) ?? 0) + a.hours);
  const extra = new Map<string, number>();
  if (plan.useOvertime)
    for (const o of plan.overtime ?? [])
      extra.set(`${o.member}|${o.date}`, (extra.get(`${o.member}|${o.date}`) ?? 0) + o.hours);
  const out: string[] = [];
  for (const [key, hours] of used) {
    const [id, date] = key.split("|") as [string, string];
    const m = plan.members.find((x) => x.id === id)!;
    const day = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    const week = m.workweek ?? plan.calendar.workweek;
    const works =
      !m.daysOff.includes(date) &&
      !plan.calendar.holidays.includes(date) &&
      (week.includes(day) || (!m.workweek && plan.calendar.extraWorkdays.includes(date)));
    const base = works ? (m.hoursPerDay ?? plan.calendar.hoursPerDay) : 0;
    const cap = m.daysOff.includes(date) ? 0 : Math.min(24, base + (extra.get(key) ?? 0));
    // Each allocation is rounded to 0.01 h.
    if (hours > cap + 0.005 * r.allocations.length) out.push(`${key}: ${hours} h of ${cap} h`);
  }
  return out;
}

describe("capacity extensions (fast-check)", () => {
  it("shared, efficiency-weighted and overtime schedules pass the checker and over-book nobody", () => {
    fc.assert(
      fc.property(extendedArb, (plan) => {
        const r = scheduleTeam(plan);
        expect(checkTeamSchedule(plan, r)).toEqual([]);
        expect(overBooked(plan, r)).toEqual([]);
        expect(r.tasks.length + r.unscheduled.length).toBe(plan.tasks.length);
      }),
      { numRuns: 150 },
    );
  });

  it("the search over such plans is feasible and deterministic for a seed", () => {
    fc.assert(
      fc.property(extendedArb, fc.integer({ min: 1, max: 99 }), (plan, seed) => {
        const a = scheduleTeam(plan, { effort: 5, seed });
        expect(withoutTime(scheduleTeam(plan, { effort: 5, seed }))).toEqual(withoutTime(a));
        expect(checkTeamSchedule(plan, a)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("re-planning an unchanged plan moves nothing, shared tasks included; a change stays feasible", () => {
    fc.assert(
      fc.property(
        extendedArb,
        fc.integer({ min: 0, max: 25 }),
        fc.nat(),
        (plan, todayOffset, pick) => {
          const before = scheduleTeam(plan);
          const today = addDays(plan.start, todayOffset);
          const same = reschedule(plan, before, { today });
          const spans = (r: TeamResult) =>
            r.tasks.map((x) => [x.id, x.assignee, x.assignees, x.start, x.finish]);
          expect(same.allocations).toEqual(before.allocations);
          expect(spans(same)).toEqual(spans(before));
          const next = structuredClone(plan);
          const t = next.tasks[pick % next.tasks.length]!;
          if (t.effortHours > 0) t.effortHours += 5;
          const after = reschedule(next, before, { today });
          const past = before.allocations.filter((a) => a.date <= today);
          expect(checkTeamSchedule({ ...next, pinned: past }, after)).toEqual([]);
          expect(reschedule(next, before, { today, incremental: true }).allocations).toEqual(
            after.allocations,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("explicit defaults (maxPeople 1, every factor 1, overtime not used) change nothing", () => {
    fc.assert(
      fc.property(options, fc.constantFrom<"quick" | number>("quick", 4), (o, effort) => {
        const plan = generateTeamPlan(o);
        const explicit: TeamPlan = {
          ...structuredClone(plan),
          efficiency: { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1 },
          overtime: plan.members.map((m) => ({ member: m.id, date: plan.start, hours: 4 })),
          useOvertime: false,
        };
        for (const t of explicit.tasks) {
          t.maxPeople = 1;
          t.minChunkHours = 3;
        }
        expect(withoutTime(scheduleTeam(explicit, { effort, seed: o.seed }))).toEqual(
          withoutTime(scheduleTeam(plan, { effort, seed: o.seed })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("a task alone: sharing it among k people never finishes it later than one member", () => {
    fc.assert(
      fc.property(
        options,
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom(0.5, 1, 3),
        fc.integer({ min: 1, max: 120 }),
        (o, k, chunk, effort) => {
          const plan = generateTeamPlan({ ...o, tasks: 1, fixedShare: 0, dependencies: 0 });
          const leaf = plan.tasks.find((t) => !t.id.startsWith("wp"))!;
          plan.tasks = [{ ...leaf, effortHours: effort, earliestStart: null, parent: null }];
          const alone = scheduleTeam(plan);
          const shared = structuredClone(plan);
          shared.tasks[0]!.maxPeople = k;
          shared.tasks[0]!.minChunkHours = chunk;
          const r = scheduleTeam(shared);
          expect(checkTeamSchedule(shared, r)).toEqual([]);
          if (alone.tasks.length === 1)
            expect(r.tasks[0]!.finish <= alone.tasks[0]!.finish).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/**
 * Plans without the new fields give byte for byte the result the engine gave before they
 * existed (digests of results computed at commit dccb5f6, before issue 12). A deliberate change
 * of the team scheduler's behaviour updates this table.
 */
const BEFORE: [GenerateOptions, "quick" | number, string][] = [
  [
    {
      seed: 1000,
      tasks: 20,
      members: 2,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: true,
    },
    6,
    "285015ca3d3e5cfc",
  ],
  [
    {
      seed: 1037,
      tasks: 29,
      members: 3,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "e3ac0d5102bacfc3",
  ],
  [
    {
      seed: 1074,
      tasks: 38,
      members: 4,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "19146288c046a10d",
  ],
  [
    {
      seed: 1111,
      tasks: 47,
      members: 5,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "61b304a0cef5d37e",
  ],
  [
    {
      seed: 1148,
      tasks: 56,
      members: 6,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: true,
    },
    "quick",
    "231603587c1d7b65",
  ],
  [
    {
      seed: 1185,
      tasks: 65,
      members: 7,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "0108e24f2f4037e1",
  ],
  [
    {
      seed: 1222,
      tasks: 74,
      members: 8,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "aeb81a26f3fb451c",
  ],
  [
    {
      seed: 1259,
      tasks: 83,
      members: 9,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "3eaac8a3fc02f312",
  ],
  [
    {
      seed: 1296,
      tasks: 92,
      members: 10,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: true,
    },
    "quick",
    "c86b90f936e7f19c",
  ],
  [
    {
      seed: 1333,
      tasks: 101,
      members: 2,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "a06d752fc3c4c73f",
  ],
  [
    {
      seed: 1370,
      tasks: 110,
      members: 3,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "06bad02a196259e3",
  ],
  [
    {
      seed: 1407,
      tasks: 119,
      members: 4,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "0b76667e51f898ee",
  ],
  [
    {
      seed: 1444,
      tasks: 128,
      members: 5,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: true,
    },
    6,
    "89d957be2ca371c1",
  ],
  [
    {
      seed: 1481,
      tasks: 137,
      members: 6,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "10c65db3384bd32f",
  ],
  [
    {
      seed: 1518,
      tasks: 146,
      members: 7,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "6aa69decbc0a6c51",
  ],
  [
    {
      seed: 1555,
      tasks: 155,
      members: 8,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "33e332e1087d2baa",
  ],
  [
    {
      seed: 1592,
      tasks: 164,
      members: 9,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: true,
    },
    "quick",
    "5a2c432ec5412e13",
  ],
  [
    {
      seed: 1629,
      tasks: 173,
      members: 10,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "ae9a13a3e69e8870",
  ],
  [
    {
      seed: 1666,
      tasks: 182,
      members: 2,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "5b2bfbfe1d4f32b2",
  ],
  [
    {
      seed: 1703,
      tasks: 191,
      members: 3,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "9b4e18ba9f19070c",
  ],
  [
    {
      seed: 1740,
      tasks: 200,
      members: 4,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: true,
    },
    "quick",
    "869282ad566ae3a4",
  ],
  [
    {
      seed: 1777,
      tasks: 209,
      members: 5,
      packageSize: 0,
      fixedShare: 0,
      dependencies: 0.8,
      finishToStartOnly: false,
    },
    6,
    "5b6294d7b66e9f96",
  ],
  [
    {
      seed: 1814,
      tasks: 218,
      members: 6,
      packageSize: 3,
      fixedShare: 0.1,
      dependencies: 1.5,
      finishToStartOnly: false,
    },
    "quick",
    "3566f41c71c96d83",
  ],
  [
    {
      seed: 1851,
      tasks: 227,
      members: 7,
      packageSize: 7,
      fixedShare: 0.5,
      dependencies: 2.5,
      finishToStartOnly: false,
    },
    "quick",
    "6ed5ba5187bebdbc",
  ],
];

describe("plans without the new fields", () => {
  it("schedule exactly as the engine did before (digests of earlier results)", () => {
    for (const [o, effort, digest] of BEFORE) {
      const r = scheduleTeam(generateTeamPlan(o), {
        effort,
        seed: BEFORE.findIndex((x) => x[0] === o) + 1,
      });
      const text = JSON.stringify({ ...r, stats: { ...r.stats, ms: 0 } });
      expect(createHash("sha256").update(text).digest("hex").slice(0, 16), JSON.stringify(o)).toBe(
        digest,
      );
    }
  });
});
