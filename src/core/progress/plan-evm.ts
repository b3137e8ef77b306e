// Earned value of a whole plan and of each person's and department's share of it, on a status day,
// from the facts a plan has: its frozen baseline (baseline.ts), its tasks' state and the hours
// logged on them. Pure; earned-value.ts does the arithmetic.
//
// Whose share: a baseline task belongs to the members its baseline planned hours for, in those
// proportions (BAC, PV and EV split alike); AC is the hours each person logged on the plan's
// baseline tasks. So people add up to the plan (with "unassigned" for baseline tasks nobody was
// planned on), and a department is the sum of its members (as the organisation is now).
//
// % complete on day d: 100 % once the task was done on or before d; else the hours logged through
// d over (all hours logged + the hours still remaining now), at most 99 % — 100 % only when done.
// "Remaining" is what the member reported, else effort − logged (as the engine reads it). On the
// status day "today" this is the task's % complete now; on an earlier day it is the share of the
// work as now understood that had been logged by then, which is how a missed day is reconstructed.
import {
  cumulativePv,
  earnedValue,
  type BaselineTask,
  type Evm,
  type TaskProgress,
} from "./earned-value.js";
import type { BaselineEntry } from "./baseline.js";

export interface TaskFacts {
  id: string;
  effortHours: number;
  status: "todo" | "in_progress" | "done";
  remainingHours: number | null;
  /** The local date it was marked done (null when not done). */
  doneDate: string | null;
  /** False for summary rows and milestones, which carry no work. */
  work: boolean;
}

export interface LogFacts {
  taskId: string;
  memberId: string;
  date: string;
  hours: number;
}

export interface PlanFacts {
  baseline: ReadonlyMap<string, BaselineEntry>;
  tasks: readonly TaskFacts[];
  logs: readonly LogFacts[];
  /** Members as the organisation is now: who is in which department. */
  members: readonly { id: string; departmentId: string | null }[];
  /** The team's working days in order (baseline days outside them are added). */
  workingDays: readonly string[];
}

export interface GroupEvm {
  /** The member or department; null for the baseline tasks nobody was planned on. */
  id: string | null;
  evm: Evm;
}

export interface PlanEvm {
  statusDate: string;
  plan: Evm;
  people: GroupEvm[];
  departments: GroupEvm[];
  /** Baseline tasks deleted from the plan since: still in BAC (never earned) until re-baselined. */
  removed: { tasks: number; effortHours: number };
}

/** A task's % complete (0–100) on `date` from its logs (see the file's head). */
export function percentCompleteAt(
  t: TaskFacts,
  logs: readonly { date: string; hours: number }[],
  date: string,
): number {
  if (t.status === "done" && t.doneDate !== null && t.doneDate <= date) return 100;
  const total = logs.reduce((s, l) => s + l.hours, 0);
  const through = logs.reduce((s, l) => (l.date <= date ? s + l.hours : s), 0);
  const remaining =
    t.status === "done" ? 0 : (t.remainingHours ?? Math.max(0, t.effortHours - total));
  const whole = total + remaining;
  if (whole <= 0 || through <= 0) return 0;
  return Math.min(99, (100 * through) / whole);
}

const byDay = (logs: readonly LogFacts[]) => {
  const out: Record<string, number> = {};
  for (const l of logs) out[l.date] = (out[l.date] ?? 0) + l.hours;
  return out;
};

/** The working days earned value counts on: the team's, and any other day the baseline planned work on. */
const countedDays = (
  baseline: ReadonlyMap<string, BaselineEntry>,
  workingDays: readonly string[],
) => [...new Set([...workingDays, ...[...baseline.values()].flatMap((b) => b.days)])].sort();

/** The planned value by day from the baseline's first day to its last: the S-curve's plan. */
export function plannedValueCurve(
  baseline: ReadonlyMap<string, BaselineEntry>,
  workingDays: readonly string[],
): { date: string; pv: number }[] {
  const all = [...baseline.values()];
  const first = all.map((b) => b.days[0] ?? b.start).sort()[0];
  const last = all
    .map((b) => b.days[b.days.length - 1] ?? b.finish)
    .sort()
    .pop();
  if (!first || !last) return [];
  const days = countedDays(baseline, workingDays).filter((d) => d >= first && d <= last);
  const cum = cumulativePv(all, days);
  return days.map((date, i) => ({ date, pv: cum[i]! }));
}

/** Earned value of the plan and its people and departments on `statusDate`. */
export function planEarnedValue(f: PlanFacts, statusDate: string): PlanEvm {
  const logsOf = new Map<string, LogFacts[]>();
  for (const l of f.logs) {
    const list = logsOf.get(l.taskId);
    if (list) list.push(l);
    else logsOf.set(l.taskId, [l]);
  }
  const work = f.tasks.filter((t) => t.work);
  const taskIds = new Set(f.tasks.map((t) => t.id));
  const days = countedDays(f.baseline, f.workingDays);

  const progressOf = (t: TaskFacts, memberIds: ReadonlySet<string> | null): TaskProgress => {
    const logs = logsOf.get(t.id) ?? [];
    return {
      id: t.id,
      percentComplete: percentCompleteAt(t, logs, statusDate),
      done: t.status === "done" && t.doneDate !== null && t.doneDate <= statusDate,
      logged: byDay(memberIds ? logs.filter((l) => memberIds.has(l.memberId)) : logs),
      effortHours: t.effortHours,
    };
  };
  const baselineAll: BaselineTask[] = [...f.baseline.values()].map((b) => ({
    id: b.id,
    effortHours: b.effortHours,
    days: b.days,
  }));
  const plan = earnedValue({
    baseline: baselineAll,
    progress: work.map((t) => progressOf(t, null)),
    statusDate,
    workingDays: days,
  });

  /** A group's share: each baseline task weighted by the group's part of its planned hours. */
  const share = (
    weight: (b: BaselineEntry) => number,
    memberIds: ReadonlySet<string> | null,
  ): Evm => {
    const baseline = [...f.baseline.values()].map((b) => ({
      id: b.id,
      effortHours: b.effortHours * weight(b),
      days: b.days,
    }));
    const inBaseline = work.filter((t) => f.baseline.has(t.id));
    return earnedValue({
      baseline,
      progress: inBaseline.map((t) => progressOf(t, memberIds)),
      statusDate,
      workingDays: days,
    });
  };
  const planned = (b: BaselineEntry) => Object.values(b.hours).reduce((s, h) => s + h, 0);
  const part = (b: BaselineEntry, ids: ReadonlySet<string>) => {
    const all = planned(b);
    if (all <= 0) return 0;
    return Object.entries(b.hours).reduce((s, [m, h]) => (ids.has(m) ? s + h : s), 0) / all;
  };

  const memberIds = new Set<string>();
  for (const b of f.baseline.values()) for (const m of Object.keys(b.hours)) memberIds.add(m);
  for (const l of f.logs) if (f.baseline.has(l.taskId)) memberIds.add(l.memberId);
  const people: GroupEvm[] = [...memberIds].sort().map((id) => {
    const ids = new Set([id]);
    return { id, evm: share((b) => part(b, ids), ids) };
  });
  if ([...f.baseline.values()].some((b) => planned(b) <= 0))
    people.push({ id: null, evm: share((b) => (planned(b) <= 0 ? 1 : 0), new Set()) });

  const departmentOf = new Map(f.members.map((m) => [m.id, m.departmentId]));
  const departmentIds = [...new Set([...memberIds].map((m) => departmentOf.get(m) ?? null))].filter(
    (d): d is string => d !== null,
  );
  const departments: GroupEvm[] = departmentIds.sort().map((id) => {
    const ids = new Set([...memberIds].filter((m) => departmentOf.get(m) === id));
    return { id, evm: share((b) => part(b, ids), ids) };
  });

  const gone = [...f.baseline.values()].filter((b) => !taskIds.has(b.id));
  return {
    statusDate,
    plan,
    people,
    departments,
    removed: { tasks: gone.length, effortHours: gone.reduce((s, b) => s + b.effortHours, 0) },
  };
}
