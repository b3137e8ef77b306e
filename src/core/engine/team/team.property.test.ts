// Property-based tests of the invariants in scheduling.md over random team plans: no
// over-allocation, no dependency violated, no work on a non-working day or by a member lacking
// the skill (all checked by the independent checker), determinism, cycles reported with a path.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../calendar/date.js";
import { checkTeamSchedule } from "../checker/team-check.js";
import { parsePlanFile } from "../plan-file.js";
import { reschedule } from "../reschedule.js";
import { generateTeamPlan } from "../testing/generate.js";
import type { TeamPlan, TeamResult } from "../types.js";
import { scheduleTeam } from "./schedule.js";

const planArb = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    tasks: fc.integer({ min: 1, max: 50 }),
    members: fc.integer({ min: 1, max: 8 }),
    packageSize: fc.constantFrom(0, 0, 3, 7),
    fixedShare: fc.constantFrom(0, 0.1, 0.5),
    dependencies: fc.constantFrom(0, 0.8, 1.5, 2.5),
    finishToStartOnly: fc.boolean(),
    start: fc.constantFrom("2026-09-14", "2026-09-28", "2026-02-09", "2026-12-28"),
  })
  .map((o) => generateTeamPlan(o));

const withoutTime = (r: TeamResult) => ({ ...r, stats: { ...r.stats, ms: 0 } });

describe("team scheduling invariants (fast-check)", () => {
  it("every schedule passes the independent checker", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = scheduleTeam(plan);
        expect(checkTeamSchedule(plan, r)).toEqual([]);
        // every task is accounted for exactly once
        expect(r.tasks.length + r.unscheduled.length).toBe(plan.tasks.length);
      }),
      { numRuns: 150 },
    );
  });

  it("the search is feasible, deterministic for a seed, and no later than the quick pass on lateness", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 99 }), (plan, seed) => {
        const quick = scheduleTeam(plan);
        const a = scheduleTeam(plan, { effort: 6, seed });
        const b = scheduleTeam(plan, { effort: 6, seed });
        expect(withoutTime(a)).toEqual(withoutTime(b));
        expect(checkTeamSchedule(plan, a)).toEqual([]);
        expect(a.unscheduled.length).toBeLessThanOrEqual(quick.unscheduled.length);
        const lateness = (r: TeamResult) => r.tasks.reduce((s, t) => s + (t.late ? 1 : 0), 0);
        if (a.unscheduled.length === quick.unscheduled.length && lateness(quick) === 0)
          expect(lateness(a)).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it("the quick pass is deterministic", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(withoutTime(scheduleTeam(plan))).toEqual(
          withoutTime(scheduleTeam(structuredClone(plan))),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("re-scheduling keeps everything up to today and stays feasible", () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 49 }),
        (plan, todayOffset, changed) => {
          const before = scheduleTeam(plan);
          const today = addDays(plan.start, todayOffset);
          const k = changed % plan.tasks.length;
          const next: TeamPlan = {
            ...plan,
            tasks: plan.tasks.map((t, i) =>
              i === k && t.effortHours > 0 ? { ...t, effortHours: t.effortHours + 5 } : t,
            ),
          };
          const after = reschedule(next, before, { today });
          const past = (r: TeamResult) => r.allocations.filter((a) => a.date <= today);
          expect(past(after)).toEqual(past(before));
          expect(checkTeamSchedule({ ...next, pinned: past(before) }, after)).toEqual([]);
          expect(
            after.allocations
              .filter((a) => a.date > today && !past(before).includes(a))
              .every((a) => a.date > today),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("incremental re-scheduling gives the same schedule as replaying every task", () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 49 }),
        fc.integer({ min: 0, max: 3 }),
        (plan, todayOffset, pick, kind) => {
          const before = scheduleTeam(plan);
          const today = addDays(plan.start, todayOffset);
          const next: TeamPlan = structuredClone(plan);
          const t = next.tasks[pick % next.tasks.length]!;
          const other = next.tasks[(pick * 7 + 3) % next.tasks.length]!;
          if (kind === 0 && t.effortHours > 0) t.effortHours += 6;
          else if (kind === 1)
            next.members[pick % next.members.length]!.daysOff.push(addDays(today, 1 + (pick % 4)));
          else if (
            kind === 2 &&
            other.id !== t.id &&
            other.parent !== t.id &&
            t.parent !== other.id
          )
            t.dependsOn.push({ task: other.id, type: "FS", lagDays: 0 });
          else if (kind === 3) next.members[pick % next.members.length]!.hoursPerDay = 3;
          const full = reschedule(next, before, { today });
          const fast = reschedule(next, before, { today, incremental: true });
          const spans = (r: TeamResult) =>
            r.tasks.map((x) => [x.id, x.assignee, x.start, x.finish]);
          expect(spans(fast)).toEqual(spans(full));
          expect(fast.allocations).toEqual(full.allocations);
          expect(fast.unscheduled).toEqual(full.unscheduled);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("re-scheduling without a change moves nothing", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 30 }), (plan, todayOffset) => {
        const before = scheduleTeam(plan);
        const after = reschedule(plan, before, { today: addDays(plan.start, todayOffset) });
        const spans = (r: TeamResult) => r.tasks.map((t) => [t.id, t.assignee, t.start, t.finish]);
        expect(spans(after)).toEqual(spans(before));
        expect(after.allocations).toEqual(before.allocations);
      }),
      { numRuns: 60 },
    );
  });

  it("a cycle is reported with a path whose every step is a real dependency", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 3, max: 30 }),
        (seed, size) => {
          const plan = generateTeamPlan({
            seed,
            tasks: size,
            members: 3,
            dependencies: 1.5,
            finishToStartOnly: true,
          });
          // Close a loop: the first task now waits for the last one that (transitively) waits for it, or a direct pair.
          const last = plan.tasks[plan.tasks.length - 1]!;
          const first = plan.tasks[0]!;
          last.dependsOn.push({ task: first.id, type: "FS", lagDays: 0 });
          first.dependsOn.push({ task: last.id, type: "FS", lagDays: 0 });
          const r = parsePlanFile(JSON.parse(JSON.stringify(plan)));
          expect(r.ok).toBe(false);
          if (r.ok) return;
          const issue = r.issues.find((i) => i.message.startsWith("dependency cycle: "))!;
          const path = issue.message
            .slice("dependency cycle: ".length)
            .split(" (")[0]!
            .split(" → ");
          expect(path[0]).toBe(path[path.length - 1]);
          const deps = new Map(
            plan.tasks.map((t) => [t.id, new Set(t.dependsOn.map((d) => d.task))]),
          );
          for (let i = 0; i + 1 < path.length; i++)
            expect(deps.get(path[i + 1]!)!.has(path[i]!)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
