// A plan's frozen baseline (plans.baseline, JSON by task id). Until issue 12 it held each task's
// start and finish only (drawn under the Gantt bars); earned value needs what was planned, frozen
// too, so a baseline now also keeps, per work task: its effort, the hours planned per member, the
// working days it was planned on and its predecessors. Old baselines stay readable: what they lack
// is taken from the plan as it is now (effort, assignee) and from the calendar (the working days
// from start to finish), and their dependencies are unknown (no "dependency added" cause). Pure.
import type { WorkCalendar } from "../calendar/calendar.js";
import { addDays } from "../calendar/date.js";

export interface FrozenTask {
  start: string;
  finish: string;
  /** Baseline effort, hours (work tasks; absent in baselines frozen before issue 12). */
  effortHours?: number;
  /** Hours planned per member (logged before the freeze, allocated after it). */
  hours?: Record<string, number>;
  /** The working days the task was planned on (logged on before the freeze, allocated after). */
  days?: string[];
  /** Its predecessors when frozen. */
  after?: string[];
}

export type FrozenBaseline = Record<string, FrozenTask>;

export interface FreezeInput {
  /** The plan's tasks as they are: summary rows (with subtasks) and milestones carry no work. */
  tasks: readonly {
    id: string;
    parentId: string | null;
    effortHours: number;
    milestone: boolean | number;
  }[];
  /** The engine's schedule of the plan (finished tasks have left it). */
  schedule: {
    tasks: readonly { id: string; start: string; finish: string }[];
    allocations: readonly { member: string; date: string; task: string; hours: number }[];
  };
  /** Hours logged on the plan's tasks so far (before the freeze). */
  logs: readonly { taskId: string | null; memberId: string; date: string; hours: number }[];
  deps: readonly { taskId: string; predecessorId: string }[];
  /** The freeze day: logs count through the day before it, allocations from it on. */
  today: string;
}

const round2 = (h: number) => Math.round(h * 100) / 100;

/**
 * The baseline of a plan from its schedule: every scheduled task's span (as before), and for each
 * work task its effort, the hours per member and the days — what was logged before today (the past
 * is what happened) and what the schedule allocates from today on. A work task finished before the
 * freeze is in the baseline on the days it was worked; one the engine could not place is left out
 * (it counts as added after the baseline until the next one).
 */
export function freezeBaseline(input: FreezeInput): FrozenBaseline {
  const out: FrozenBaseline = {};
  const spans = new Map(input.schedule.tasks.map((t) => [t.id, t]));
  const hours = new Map<string, Map<string, number>>();
  const days = new Map<string, Set<string>>();
  const add = (task: string, member: string, date: string, h: number) => {
    if (h <= 0) return;
    const byMember = hours.get(task) ?? new Map<string, number>();
    byMember.set(member, (byMember.get(member) ?? 0) + h);
    hours.set(task, byMember);
    days.set(task, (days.get(task) ?? new Set()).add(date));
  };
  for (const l of input.logs)
    if (l.taskId && l.date < input.today) add(l.taskId, l.memberId, l.date, l.hours);
  for (const a of input.schedule.allocations)
    if (a.date >= input.today) add(a.task, a.member, a.date, a.hours);
  const after = new Map<string, string[]>();
  for (const d of input.deps)
    after.set(d.taskId, [...(after.get(d.taskId) ?? []), d.predecessorId]);

  const parents = new Set(input.tasks.map((t) => t.parentId).filter((p) => p !== null));
  for (const t of input.tasks) {
    const span = spans.get(t.id);
    const work = !parents.has(t.id) && !t.milestone && t.effortHours > 0;
    if (!work) {
      if (span) out[t.id] = { start: span.start, finish: span.finish };
      continue;
    }
    const planned = [...(days.get(t.id) ?? [])].sort();
    const start = planned[0] ?? span?.start;
    const finish = planned[planned.length - 1] ?? span?.finish;
    if (!start || !finish) continue;
    out[t.id] = {
      start: span && span.start < start ? span.start : start,
      finish: span && span.finish > finish ? span.finish : finish,
      effortHours: t.effortHours,
      hours: Object.fromEntries(
        [...(hours.get(t.id) ?? new Map<string, number>())]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([m, h]) => [m, round2(h)]),
      ),
      days: planned,
      after: (after.get(t.id) ?? []).sort(),
    };
  }
  return out;
}

/** One baseline task as earned value reads it, whichever version froze it. */
export interface BaselineEntry {
  id: string;
  start: string;
  finish: string;
  effortHours: number;
  /** Hours planned per member; empty when nobody was planned (an old baseline's unassigned task). */
  hours: Record<string, number>;
  days: string[];
  /** Predecessors when frozen; null when the baseline predates their recording. */
  after: string[] | null;
}

export interface ReadContext {
  /** The plan's work tasks as they are now (effort and who does them fill an old baseline's gaps). */
  tasks: readonly { id: string; effortHours: number; assignee: string | null }[];
  calendar: WorkCalendar;
}

/** Parses a stored baseline (null when none), keeping only work tasks; see the file's head. */
export function readBaseline(
  text: string | null,
  ctx: ReadContext,
): Map<string, BaselineEntry> | null {
  if (!text) return null;
  const frozen = JSON.parse(text) as FrozenBaseline;
  const current = new Map(ctx.tasks.map((t) => [t.id, t]));
  const out = new Map<string, BaselineEntry>();
  for (const [id, f] of Object.entries(frozen)) {
    if (f.effortHours !== undefined) {
      if (f.effortHours <= 0) continue;
      out.set(id, {
        id,
        start: f.start,
        finish: f.finish,
        effortHours: f.effortHours,
        hours: f.hours ?? {},
        days: f.days ?? workdaysBetween(ctx.calendar, f.start, f.finish),
        after: f.after ?? null,
      });
      continue;
    }
    // Frozen before issue 12: a work task of the plan today, measured against today's effort.
    const now = current.get(id);
    if (!now || now.effortHours <= 0) continue;
    out.set(id, {
      id,
      start: f.start,
      finish: f.finish,
      effortHours: now.effortHours,
      hours: now.assignee ? { [now.assignee]: now.effortHours } : {},
      days: workdaysBetween(ctx.calendar, f.start, f.finish),
      after: null,
    });
  }
  return out;
}

/** The team's working days from `from` through `to` (at least `from` when it is the only day). */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 4000; d = addDays(d, 1))
    if (cal.isWorkday(d)) out.push(d);
  return out.length ? out : [from];
}

/** The baseline moved by `shift` on every date (the demo's "frozen a week ago"). */
export function shiftBaseline(b: FrozenBaseline, shift: (date: string) => string): FrozenBaseline {
  return Object.fromEntries(
    Object.entries(b).map(([id, f]) => [
      id,
      {
        ...f,
        start: shift(f.start),
        finish: shift(f.finish),
        ...(f.days && { days: f.days.map(shift) }),
      },
    ]),
  );
}
