// Corrective actions as what-ifs (issue 12): for a plan that misses its deadline, propose options,
// compute each on a copy of the whole workspace's engine input (members are shared across plans)
// and score it — the new forecast finish, workdays gained, hours moved and overtime used, who is
// affected and which other plans slip — then search the best combination that meets the deadline.
// Pure: the engine runs here on copies; nothing is written. The options are edits a plan can
// hold (an assignee, a dependency's type and lag, an optional task deferred, overtime stored as
// capacity), so applying one and re-planning gives exactly the predicted finish.
import { WorkCalendar } from "../calendar/calendar.js";
import { addDays } from "../calendar/date.js";
import { scheduleTeam } from "../engine/team/schedule.js";
import type { EfficiencyTable, TeamResult } from "../engine/types.js";
import { LIMITS } from "../limits.js";
import { msg, type Message } from "../messages/index.js";
import {
  buildTeamPlan,
  isDutyTask,
  milestoneDates,
  type BuildInput,
  type TaskInput,
} from "../plans/team-plan.js";
import { taskMoves, type TaskMoves } from "./what-if-moves.js";
import { bestCombination, costOf } from "./what-if-search.js";

export type WhatIfKind = "add_person" | "experienced" | "cut_scope" | "fast_track" | "overtime";

export type WhatIfChange =
  /** The task goes to this member (its fixed assignee). */
  | { kind: "assign"; taskId: string; memberId: string }
  /** A finish-to-start link becomes start-to-start with this lag (workdays): the tasks overlap. */
  | { kind: "overlap"; taskId: string; predecessorId: string; lagDays: number }
  /** Extra hours for a member on given dates (stored as overtime capacity when applied). */
  | { kind: "overtime"; memberId: string; dates: string[]; hoursPerDay: number }
  /** An optional task is deferred: cut from the plan's scope (its successors wait for its predecessors). */
  | { kind: "defer"; taskId: string };

export interface WhatIfOption {
  id: string;
  kind: WhatIfKind;
  changes: WhatIfChange[];
  /** What the option does, for the reader. */
  message: Message;
  /** The risk it adds (fast-tracking's overlap), or null. */
  risk: Message | null;
  /** Whether applying it is a plan edit (every kind is, since overtime is stored). */
  applicable: boolean;
}

export interface WhatIfScore {
  finish: string | null;
  /** Workdays earlier than without the option (negative: later). */
  daysGained: number;
  meetsDeadline: boolean;
  /** Remaining hours of the tasks that change hands. */
  hoursMoved: number;
  /** Overtime hours the schedule actually uses. */
  overtimeHours: number;
  /** Remaining hours of the optional tasks it cuts. */
  hoursCut: number;
  /** Members whose hours change on some day. */
  affectedMembers: string[];
  /** Other plans whose finish moves later, by how many workdays. */
  slipsElsewhere: { planId: string; from: string; to: string; days: number }[];
}

export interface WhatIfMember {
  id: string;
  name: string;
  departmentId: string | null;
}

export interface WhatIfContext {
  /** The workspace's engine input as of today (BuildInput of core/plans/team-plan.ts). */
  input: BuildInput;
  planId: string;
  deadline: string;
  members: WhatIfMember[];
  efficiency?: EfficiencyTable;
  /** Overtime offered per person and day, hours (default 2). */
  overtimeHoursPerDay?: number;
  /**
   * Options proposed at most; engine runs at most. With `work`, the runs may go up to `work` ÷ the
   * workspace's tasks (counted as at least SEARCH_MIN_TASKS): a small workspace may be searched
   * through more combinations in about the time `runs` take on a large one.
   */
  limits: { options: number; runs: number; work?: number };
}

/** A run of a workspace smaller than this costs about as much as one of this many tasks. */
export const SEARCH_MIN_TASKS = 200;

/** The engine runs a what-if request may spend (see `WhatIfContext.limits`). */
export function searchBudget(limits: WhatIfContext["limits"], tasks: number): number {
  if (!limits.work) return limits.runs;
  return Math.max(limits.runs, Math.floor(limits.work / Math.max(tasks, SEARCH_MIN_TASKS)));
}

export interface Evaluated {
  result: TeamResult;
  finish: string | null;
  finishes: Map<string, string>;
}

/**
 * The engine input with the changes made (assignees, dependencies, deferred tasks, overtime) —
 * the same input the server builds once they are stored.
 */
export function applyChanges(input: BuildInput, changes: readonly WhatIfChange[]): BuildInput {
  const tasks = input.tasks.map((t): TaskInput => {
    let next = t;
    for (const c of changes) {
      if (c.kind === "assign" && c.taskId === t.id) next = { ...next, assignee: c.memberId };
      if (c.kind === "defer" && c.taskId === t.id) next = { ...next, deferred: true };
      if (c.kind === "overlap" && c.taskId === t.id)
        next = {
          ...next,
          dependsOn: next.dependsOn.map((d) =>
            d.task === c.predecessorId ? { task: d.task, type: "SS", lagDays: c.lagDays } : d,
          ),
        };
    }
    return next;
  });
  const overtime = changes.flatMap((c) =>
    c.kind === "overtime"
      ? c.dates.map((date) => ({ memberId: c.memberId, date, hours: c.hoursPerDay }))
      : [],
  );
  return {
    ...input,
    tasks,
    ...(overtime.length && { overtime: [...(input.overtime ?? []), ...overtime] }),
  };
}

/** The hours left of each task the engine sees in the input (once per input: scoring reads it often). */
const effortCache = new WeakMap<BuildInput, Map<string, number>>();
function builtEffort(input: BuildInput): Map<string, number> {
  let m = effortCache.get(input);
  if (!m) {
    m = new Map(buildTeamPlan(input).plan.tasks.map((t) => [t.id, t.effortHours]));
    effortCache.set(input, m);
  }
  return m;
}

/** Runs the engine (quick mode, as the server's re-plan) on the input with the changes. */
export function evaluate(
  input: BuildInput,
  changes: readonly WhatIfChange[],
  planId: string,
  efficiency?: EfficiencyTable,
): Evaluated {
  const built = buildTeamPlan(applyChanges(input, changes));
  const plan = { ...built.plan, ...(efficiency && { efficiency }) };
  const result = scheduleTeam(plan, { effort: "quick" });
  const finishes = planFinishes(input, built.milestones, result);
  return { result, finish: finishes.get(planId) ?? null, finishes };
}

/**
 * Each plan's finish as the stored schedule gives it: the latest finish of its tasks the engine
 * placed and of its milestones (dated from their predecessors).
 */
export function planFinishes(
  input: BuildInput,
  milestones: TaskInput[],
  result: TeamResult,
): Map<string, string> {
  const planOf = new Map(input.tasks.map((t) => [t.id, t.planId]));
  const out = new Map<string, string>();
  const put = (planId: string | undefined, date: string) => {
    if (planId && (!out.has(planId) || date > out.get(planId)!)) out.set(planId, date);
  };
  const finishOf = new Map<string, string>();
  for (const t of result.tasks) {
    if (isDutyTask(t.id)) continue;
    finishOf.set(t.id, t.finish);
    if (!t.summary) put(planOf.get(t.id), t.finish);
  }
  for (const [id, date] of milestoneDates(milestones, (id) => finishOf.get(id), input.today))
    put(planOf.get(id), date);
  return out;
}

const calendarOf = (input: BuildInput) =>
  new WorkCalendar({
    workweek: input.calendar.workweek,
    hoursPerDay: input.calendar.hoursPerDay,
    holidays: input.calendar.days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: input.calendar.days.filter((d) => d.kind === "workday").map((d) => d.date),
  });

/** Workdays from `a` to `b` (positive when b is later), on the team calendar. */
function workdaysBetween(cal: WorkCalendar, a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? cal.countWorkdays(addDays(a, 1), b) : -cal.countWorkdays(addDays(b, 1), a);
}

/**
 * The tasks that drive the plan's finish: from the last-finishing open task back through the
 * predecessor that finishes last before it starts (the chain the finish waits for), latest first.
 */
export function drivingTasks(
  input: BuildInput,
  planId: string,
  before: TeamResult,
  limit: number,
): TaskInput[] {
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const placed = new Map(before.tasks.filter((t) => !t.summary).map((t) => [t.id, t]));
  const open = input.tasks.filter(
    (t) => t.planId === planId && t.status !== "done" && !t.milestone && placed.has(t.id),
  );
  const out: TaskInput[] = [];
  const seen = new Set<string>();
  let cur = open.sort((a, b) => (placed.get(b.id)!.finish > placed.get(a.id)!.finish ? 1 : -1))[0];
  while (cur && out.length < limit && !seen.has(cur.id)) {
    out.push(cur);
    seen.add(cur.id);
    const preds = cur.dependsOn
      .map((d) => byId.get(d.task))
      .filter((p): p is TaskInput => !!p && placed.has(p.id) && p.status !== "done");
    cur = preds.sort((a, b) => (placed.get(b.id)!.finish > placed.get(a.id)!.finish ? 1 : -1))[0];
  }
  // Critical tasks off that chain come after it.
  for (const t of open)
    if (out.length < limit && !seen.has(t.id) && placed.get(t.id)!.critical) out.push(t);
  return out;
}

/** Hours a member is allocated from `from` through `to` in a result. */
function loadOf(result: TeamResult, memberId: string, from: string, to: string): number {
  return result.allocations
    .filter((a) => a.member === memberId && a.date >= from && a.date <= to)
    .reduce((s, a) => s + a.hours, 0);
}

/** The options worth trying on the plan, at most `limits.options`, and notes on those skipped. */
export function proposeOptions(
  ctx: WhatIfContext,
  before: TeamResult,
): { options: WhatIfOption[]; notes: Message[] } {
  const { input, planId } = ctx;
  const notes: Message[] = [];
  const cal = calendarOf(input);
  const driving = drivingTasks(input, planId, before, 6);
  const placed = new Map(before.tasks.map((t) => [t.id, t]));
  const memberInput = new Map(input.members.map((m) => [m.id, m]));
  const info = new Map(ctx.members.map((m) => [m.id, m]));
  const name = (id: string) => info.get(id)?.name ?? memberInput.get(id)?.name ?? id;
  const onPlan = new Set(
    before.allocations
      .filter((a) => input.tasks.find((t) => t.id === a.task)?.planId === planId)
      .map((a) => a.member),
  );
  const options: WhatIfOption[] = [];
  const seen = new Set<string>();
  const add = (o: WhatIfOption) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    options.push(o);
  };
  const level = (memberId: string, skill: string | null) =>
    skill ? (memberInput.get(memberId)?.skills[skill] ?? 0) : 0;

  for (const t of driving) {
    const p = placed.get(t.id)!;
    const current = p.assignee ?? t.assignee;
    const qualified = input.members.filter(
      (m) => m.id !== current && (!t.skill || (m.skills[t.skill] ?? 0) >= (t.minLevel ?? 1)),
    );
    const load = (id: string) => loadOf(before, id, input.today, p.finish);
    // (1) someone from another plan or department, the least loaded until the task's finish.
    const curDept = current ? info.get(current)?.departmentId : undefined;
    const outsider = qualified
      .filter((m) => !onPlan.has(m.id) || info.get(m.id)?.departmentId !== curDept)
      .sort((a, b) => load(a.id) - load(b.id) || (a.id < b.id ? -1 : 1))[0];
    if (outsider)
      add({
        id: `assign:${t.id}:${outsider.id}`,
        kind: "add_person",
        changes: [{ kind: "assign", taskId: t.id, memberId: outsider.id }],
        message: msg("progress.whatif.add_person", {
          task: t.name,
          member: name(outsider.id),
          from: current ? name(current) : msg("progress.unassigned"),
        }),
        risk: null,
        applicable: true,
      });
    // (2) a more experienced member (a higher level in the task's skill), the most experienced first.
    if (t.skill && current) {
      const mine = level(current, t.skill);
      const senior = qualified
        .filter((m) => level(m.id, t.skill) > mine)
        .sort(
          (a, b) =>
            level(b.id, t.skill) - level(a.id, t.skill) ||
            load(a.id) - load(b.id) ||
            (a.id < b.id ? -1 : 1),
        )[0];
      if (senior)
        add({
          id: `assign:${t.id}:${senior.id}`,
          kind: "experienced",
          changes: [{ kind: "assign", taskId: t.id, memberId: senior.id }],
          message: msg("progress.whatif.experienced", {
            task: t.name,
            member: name(senior.id),
            level: level(senior.id, t.skill),
            from: name(current),
            fromLevel: mine,
          }),
          risk: null,
          applicable: true,
        });
    }
    // (4) fast-track: a finish-to-start link from a task on the chain starts halfway instead.
    for (const d of t.dependsOn) {
      const pred = placed.get(d.task);
      const predTask = input.tasks.find((x) => x.id === d.task);
      if (d.type !== "FS" || !pred || !predTask || predTask.planId !== planId || pred.summary)
        continue;
      const span = cal.countWorkdays(pred.start, pred.finish);
      const lag = Math.floor((span - 1) / 2);
      const overlap = span - 1 - lag - Math.max(0, d.lagDays);
      if (overlap < 1) continue;
      add({
        id: `overlap:${t.id}:${d.task}`,
        kind: "fast_track",
        changes: [{ kind: "overlap", taskId: t.id, predecessorId: d.task, lagDays: lag }],
        message: msg("progress.whatif.fast_track", {
          task: t.name,
          predecessor: predTask.name,
          lag,
        }),
        risk: msg("progress.whatif.overlap_risk", {
          task: t.name,
          predecessor: predTask.name,
          days: overlap,
        }),
        applicable: true,
      });
    }
  }
  // (3) cut scope: defer an open optional task on the critical path (the chain the finish waits
  // for, or critical), the latest-finishing first, at most 4; combinations come from the search.
  const drivingIds = new Set(driving.map((t) => t.id));
  const parentIds = new Set(input.tasks.filter((t) => t.parentId).map((t) => t.parentId!));
  const optional = input.tasks
    .filter((t) => {
      const p = placed.get(t.id);
      return (
        t.planId === planId &&
        t.optional &&
        !t.deferred &&
        !t.milestone &&
        t.status !== "done" &&
        !parentIds.has(t.id) &&
        p &&
        !p.summary &&
        (drivingIds.has(t.id) || p.critical)
      );
    })
    .sort((a, b) => (placed.get(b.id)!.finish > placed.get(a.id)!.finish ? 1 : -1))
    .slice(0, 4);
  const effortOf = builtEffort(input);
  for (const t of optional)
    add({
      id: `defer:${t.id}`,
      kind: "cut_scope",
      changes: [{ kind: "defer", taskId: t.id }],
      message: msg("progress.whatif.defer", {
        task: t.name,
        hours: effortOf.get(t.id) ?? t.effortHours,
      }),
      risk: msg("progress.whatif.defer_risk", { task: t.name }),
      applicable: true,
    });
  if (!optional.length) notes.push(msg("progress.whatif.no_optional_flag"));
  // (5) overtime for the people on the driving tasks, on their workdays until the finish (at most 10).
  const hours = ctx.overtimeHoursPerDay ?? 2;
  const finish = [...driving.map((t) => placed.get(t.id)!.finish)].sort().pop();
  const people = [...new Set(driving.map((t) => placed.get(t.id)!.assignee).filter(Boolean))];
  for (const memberId of people.slice(0, 3) as string[]) {
    const dates: string[] = [];
    for (let d = input.today; finish && d <= finish && dates.length < 10; d = addDays(d, 1))
      if (cal.isWorkday(d)) dates.push(d);
    if (!dates.length) continue;
    add({
      id: `overtime:${memberId}`,
      kind: "overtime",
      changes: [{ kind: "overtime", memberId, dates, hoursPerDay: hours }],
      message: msg("progress.whatif.overtime", {
        member: name(memberId),
        hours,
        days: dates.length,
        from: dates[0]!,
        to: dates[dates.length - 1]!,
      }),
      risk: null,
      applicable: true,
    });
  }
  // The workspace's table travels in the input (BuildInput.efficiency); `ctx.efficiency` overrides it.
  const efficiency = ctx.efficiency ?? input.efficiency;
  if (!efficiency || Object.values(efficiency).every((f) => f === 1))
    notes.push(msg("progress.whatif.efficiency_neutral"));
  return { options: options.slice(0, ctx.limits.options), notes };
}

/** The score of a scenario against the schedule without it. */
export function score(
  ctx: WhatIfContext,
  before: Evaluated,
  after: Evaluated,
  changes: readonly WhatIfChange[],
): WhatIfScore {
  const cal = calendarOf(ctx.input);
  const effortOf = builtEffort(ctx.input);
  const hoursMoved = changes.reduce(
    (s, c) => s + (c.kind === "assign" ? (effortOf.get(c.taskId) ?? 0) : 0),
    0,
  );
  const hoursCut = changes.reduce(
    (s, c) => s + (c.kind === "defer" ? (effortOf.get(c.taskId) ?? 0) : 0),
    0,
  );
  const capacity = new Map(
    ctx.input.members.map((m) => [m.id, m.hoursPerDay ?? ctx.input.calendar.hoursPerDay]),
  );
  const byDay = (r: TeamResult) => {
    const m = new Map<string, number>();
    for (const a of r.allocations)
      m.set(`${a.member}|${a.date}`, (m.get(`${a.member}|${a.date}`) ?? 0) + a.hours);
    return m;
  };
  const b = byDay(before.result);
  const a = byDay(after.result);
  // Overtime already in the input (stored, or the plan file's) is capacity before the option.
  const stored = new Map<string, number>();
  for (const o of ctx.input.overtime ?? [])
    stored.set(`${o.memberId}|${o.date}`, (stored.get(`${o.memberId}|${o.date}`) ?? 0) + o.hours);
  let overtimeHours = 0;
  for (const c of changes)
    if (c.kind === "overtime")
      for (const d of c.dates)
        overtimeHours += Math.max(
          0,
          (a.get(`${c.memberId}|${d}`) ?? 0) -
            capacity.get(c.memberId)! -
            (stored.get(`${c.memberId}|${d}`) ?? 0),
        );
  const affected = new Set<string>();
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > 1e-6) affected.add(k.split("|")[0]!);
  const slipsElsewhere: WhatIfScore["slipsElsewhere"] = [];
  for (const [planId, from] of before.finishes) {
    const to = after.finishes.get(planId);
    if (planId !== ctx.planId && to && to > from)
      slipsElsewhere.push({ planId, from, to, days: workdaysBetween(cal, from, to) });
  }
  return {
    finish: after.finish,
    daysGained:
      before.finish && after.finish ? workdaysBetween(cal, after.finish, before.finish) : 0,
    meetsDeadline: !!after.finish && after.finish <= ctx.deadline,
    hoursMoved: Math.round(hoursMoved * 100) / 100,
    overtimeHours: Math.round(overtimeHours * 100) / 100,
    hoursCut: Math.round(hoursCut * 100) / 100,
    affectedMembers: [...affected].sort(),
    slipsElsewhere,
  };
}

/** Two options that edit the same thing cannot be combined (giving away a task and deferring it). */
const touches = (c: WhatIfChange) =>
  c.kind === "overtime"
    ? `m:${c.memberId}`
    : c.kind === "assign" || c.kind === "defer"
      ? `a:${c.taskId}`
      : `l:${c.taskId}:${c.predecessorId}`;
export const compatible = (a: readonly WhatIfOption[], b: WhatIfOption) => {
  const used = new Set(a.flatMap((o) => o.changes.map(touches)));
  return b.changes.every((c) => !used.has(touches(c)));
};

export interface WhatIfAnswer {
  finish: string | null;
  lateDays: number;
  /** Each option with its score and its before/after, task by task (what-if-moves.ts). */
  options: (WhatIfOption & { score: WhatIfScore; diff: TaskMoves })[];
  best: {
    optionIds: string[];
    changes: WhatIfChange[];
    score: WhatIfScore;
    applicable: boolean;
    diff: TaskMoves;
  } | null;
  notes: Message[];
  runs: number;
}

/**
 * Proposes, scores and combines: every option is run once (best first: the earliest finish, then
 * the fewest hours moved and overtime); then the best combination is searched (what-if-search.ts:
 * the cheapest single option that meets the deadline, else a beam search, else every other set of
 * options while runs remain). The combination is never worse than the best single option.
 */
export function whatIfs(ctx: WhatIfContext): WhatIfAnswer {
  let runs = 0;
  const run = (changes: readonly WhatIfChange[]) => {
    runs++;
    return evaluate(ctx.input, changes, ctx.planId, ctx.efficiency);
  };
  const before = run([]);
  const cal = calendarOf(ctx.input);
  const lateDays =
    before.finish && before.finish > ctx.deadline
      ? workdaysBetween(cal, ctx.deadline, before.finish)
      : 0;
  const { options, notes } = proposeOptions(ctx, before.result);
  const scored: WhatIfAnswer["options"] = [];
  const diff = (after: Evaluated, changes: readonly WhatIfChange[]) =>
    taskMoves(ctx.input, ctx.planId, before.result, after.result, changes, LIMITS.whatIfMovesMax);
  // The runs the search may spend: `limits.runs`, or with `limits.work` about as much engine work
  // as that many runs of a workspace of `work` task-runs ÷ its tasks (a small workspace runs more).
  const alone = new Map<string, Evaluated>();
  const budget = searchBudget(ctx.limits, builtEffort(ctx.input).size);
  for (const o of options) {
    if (runs >= budget) break;
    const after = run(o.changes);
    alone.set(o.id, after);
    scored.push({
      ...o,
      score: score(ctx, before, after, o.changes),
      diff: diff(after, o.changes),
    });
  }
  const cost = costOf;
  const order = (x: WhatIfScore, y: WhatIfScore) =>
    (x.finish ?? "9999") < (y.finish ?? "9999")
      ? -1
      : (x.finish ?? "9999") > (y.finish ?? "9999")
        ? 1
        : cost(x) - cost(y) || x.slipsElsewhere.length - y.slipsElsewhere.length;
  scored.sort((x, y) => order(x.score, y.score));
  let best: WhatIfAnswer["best"] = null;
  const planTasks = new Set(
    ctx.input.tasks.filter((t) => t.planId === ctx.planId).map((t) => t.id),
  );
  const found = bestCombination({
    singles: scored.map((o) => ({ option: o, score: o.score, evaluated: alone.get(o.id)! })),
    run: (changes) => {
      if (runs >= budget) return null;
      const evaluated = run(changes);
      return { evaluated, score: score(ctx, before, evaluated, changes) };
    },
    compatible,
    planTasks,
    deadline: ctx.deadline,
  });
  if (found && found.score.daysGained > 0)
    best = {
      optionIds: found.options.map((o) => o.id),
      changes: found.changes,
      score: found.score,
      applicable: found.options.every((o) => o.applicable),
      diff:
        found.options.length === 1 ? found.options[0]!.diff : diff(found.evaluated, found.changes),
    };
  return { finish: before.finish, lateDays, options: scored, best, notes, runs };
}
