// Small generated late plans for the what-if search's property test and benchmark (issue 12): a
// workspace of one late plan ("p", 5–12 tasks) and a second plan ("q") sharing some of its
// people, a few members in two departments with levels 1–5 in two skills, finish-to-start chains,
// fixed and open assignees, optional tasks, sometimes an efficiency table and tasks several people
// may share; the deadline is 1–4 workdays before the plan's finish. And the brute force the
// search is checked against: every combination of the options the proposer considers.
import { WorkCalendar } from "../../calendar/calendar.js";
import { Rng } from "../../engine/rng.js";
import type { BuildInput, TaskInput } from "../../plans/team-plan.js";
import {
  compatible,
  evaluate,
  proposeOptions,
  type WhatIfContext,
  type WhatIfOption,
} from "../what-ifs.js";

export const LATE_TODAY = "2026-11-02";
const SKILLS = ["设计", "文案"];

export interface LatePlanOptions {
  seed: number;
  tasks: number;
  members: number;
}

/** A workspace with a late plan "p" and its deadline, or null when the plan is not late enough. */
export function generateLatePlan(o: LatePlanOptions): WhatIfContext | null {
  const rng = new Rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const members: BuildInput["members"] = [];
  const department = new Map<string, string>();
  for (let k = 0; k < o.members + 1 + rng.int(2); k++) {
    const id = `m${k + 1}`;
    const skills: Record<string, number> = { [SKILLS[k % 2]!]: 1 + rng.int(5) };
    if (rng.next() < 0.5) skills[SKILLS[(k + 1) % 2]!] = 1 + rng.int(5);
    members.push({
      id,
      name: id,
      hoursPerDay: rng.next() < 0.15 ? 4 : null,
      workweek: null,
      skills,
      leaves: rng.next() < 0.2 ? [{ startDate: "2026-11-04", endDate: "2026-11-05" }] : [],
    });
    // The first `members` people are the plan's department; the rest are elsewhere.
    department.set(id, k < o.members ? "d1" : "d2");
  }
  const qualified = (skill: string, level: number) =>
    members.filter((m) => (m.skills[skill] ?? 0) >= level);
  const tasks: TaskInput[] = [];
  const makeTask = (planId: string, i: number, pool: BuildInput["members"]): TaskInput => {
    const skill = pick(SKILLS);
    const minLevel = 1 + rng.int(2);
    const able = qualified(skill, minLevel).filter((m) => pool.includes(m));
    const prev = tasks.filter((t) => t.planId === planId);
    const dependsOn: TaskInput["dependsOn"] = [];
    if (prev.length && rng.next() < 0.75) {
      for (let d = 0; d < 1 + rng.int(2); d++) {
        const p = prev[Math.max(0, prev.length - 1 - rng.int(3))]!;
        if (dependsOn.some((x) => x.task === p.id)) continue;
        const ss = rng.next() < 0.1;
        dependsOn.push({ task: p.id, type: ss ? "SS" : "FS", lagDays: rng.next() < 0.15 ? 1 : 0 });
      }
    }
    const shared = rng.next() < 0.2;
    return {
      id: `${planId}${i + 1}`,
      planId,
      parentId: null,
      name: `${planId}${i + 1}`,
      effortHours: pick([4, 8, 12, 16, 16, 24, 32]),
      skill,
      minLevel,
      assignee: able.length && rng.next() < 0.6 ? pick(able).id : null,
      priority: pick([300, 500, 500, 700]),
      earliestStart: null,
      deadline: null,
      milestone: false,
      status: "todo",
      remainingHours: null,
      dependsOn,
      ...(rng.next() < 0.3 && { optional: true }),
      ...(shared && { maxPeople: 2, minChunkHours: 2 }),
    };
  };
  const inPlan = members.filter((m) => department.get(m.id) === "d1");
  for (let i = 0; i < o.tasks; i++) tasks.push(makeTask("p", i, inPlan));
  const others = 2 + rng.int(5);
  for (let i = 0; i < others; i++) tasks.push(makeTask("q", i, members));
  const input: BuildInput = {
    today: LATE_TODAY,
    ...(rng.next() < 0.5 && { efficiency: { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 } }),
    calendar: { workweek: [1, 2, 3, 4, 5], hoursPerDay: 8, days: [] },
    members,
    duties: [],
    plans: [
      { id: "p", startDate: LATE_TODAY },
      { id: "q", startDate: LATE_TODAY },
    ],
    tasks,
    logs: [],
    todayAllocations: [],
    otherLoggedToday: [],
  };
  const before = evaluate(input, [], "p");
  if (!before.finish) return null;
  const cal = new WorkCalendar({ workweek: [1, 2, 3, 4, 5] });
  const deadline = cal.subtractWorkdays(before.finish, 1 + rng.int(4));
  if (deadline < LATE_TODAY) return null;
  return {
    input,
    planId: "p",
    deadline,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      departmentId: department.get(m.id)!,
    })),
    limits: { options: 20, runs: 40 },
  };
}

export interface BruteForce {
  options: WhatIfOption[];
  /** Combinations run (every non-empty set of options that may go together). */
  combinations: number;
  /** The earliest finish of any combination, and whether some combination meets the deadline. */
  earliest: string | null;
  meets: boolean;
  /** The earliest finish of a single option. */
  bestSingle: string | null;
}

/**
 * Every combination of the options the what-ifs propose for the context (the same option space
 * the search draws from: `proposeOptions` on the same schedule, options that may go together),
 * each run through the engine. Exponential: for small cases only.
 */
export function bruteForce(ctx: WhatIfContext, maxOptions = 12): BruteForce | null {
  const before = evaluate(ctx.input, [], ctx.planId, ctx.efficiency);
  const { options } = proposeOptions(ctx, before.result);
  if (options.length > maxOptions) return null;
  let combinations = 0;
  let earliest = null as string | null;
  let bestSingle = null as string | null;
  const visit = (from: number, chosen: WhatIfOption[]) => {
    for (let i = from; i < options.length; i++) {
      const o = options[i]!;
      if (!compatible(chosen, o)) continue;
      const set = [...chosen, o];
      const finish = evaluate(
        ctx.input,
        set.flatMap((x) => x.changes),
        ctx.planId,
        ctx.efficiency,
      ).finish;
      combinations++;
      if (finish && (!earliest || finish < earliest)) earliest = finish;
      if (set.length === 1 && finish && (!bestSingle || finish < bestSingle)) bestSingle = finish;
      visit(i + 1, set);
    }
  };
  visit(0, []);
  return {
    options,
    combinations,
    earliest,
    meets: !!earliest && earliest <= ctx.deadline,
    bestSingle,
  };
}
