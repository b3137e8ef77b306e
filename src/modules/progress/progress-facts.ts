// What earned value and slip analysis are computed from, read once per plan through one database
// handle (the caller's, so the daily report can use it inside its transaction), and the pure
// computations over it: the measures on a day, the snapshot row of a day, the slip.
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import type { TeamResult } from "../../core/engine/types.js";
import { LIMITS } from "../../core/limits.js";
import { localDate } from "../../core/plans/local-date.js";
import { readBaseline, type BaselineEntry } from "../../core/progress/baseline.js";
import { planEarnedValue, type PlanEvm, type TaskFacts } from "../../core/progress/plan-evm.js";
import { analyseSlip, type SlipAnalysis } from "../../core/progress/slip.js";
import type { Executor } from "../../db/database.js";
import { ProgressRepository, type SnapshotRow } from "./progress.repository.js";

export interface PlanProgressFacts {
  workspaceId: string;
  plan: NonNullable<Awaited<ReturnType<ProgressRepository["plan"]>>>;
  today: string;
  baseline: Map<string, BaselineEntry> | null;
  tasks: (TaskFacts & {
    name: string;
    assignee: string | null;
    predecessors: string[];
  })[];
  logs: { taskId: string; memberId: string; date: string; hours: number }[];
  members: Awaited<ReturnType<ProgressRepository["members"]>>;
  departments: Awaited<ReturnType<ProgressRepository["departments"]>>;
  leaves: Awaited<ReturnType<ProgressRepository["leaves"]>>;
  calendar: WorkCalendar;
  /** The team's working days from the baseline's first day far enough on for a forecast. */
  workingDays: string[];
}

/** The facts of a plan as of `now`; undefined when the plan is not in the workspace. */
export async function loadFacts(
  db: Executor,
  workspaceId: string,
  planId: string,
  now: Date,
): Promise<PlanProgressFacts | undefined> {
  const repo = new ProgressRepository(db);
  const [plan, w] = await Promise.all([
    repo.plan(workspaceId, planId),
    repo.workspace(workspaceId),
  ]);
  if (!plan || !w) return undefined;
  const [rows, deps, logs, members, departments] = await Promise.all([
    repo.tasks(workspaceId, planId),
    repo.deps(workspaceId, planId),
    repo.logs(workspaceId, planId),
    repo.members(workspaceId),
    repo.departments(workspaceId),
  ]);
  const calendar = new WorkCalendar({
    workweek: JSON.parse(w.workweek) as number[],
    hoursPerDay: w.hoursPerDay,
    holidays: w.days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: w.days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
  const today = workspaceToday(now, w.timeZone);
  const parents = new Set(rows.map((t) => t.parentId).filter((p) => p !== null));
  const predecessors = new Map<string, string[]>();
  for (const d of deps)
    predecessors.set(d.taskId, [...(predecessors.get(d.taskId) ?? []), d.predecessorId]);
  const tasks = rows.map((t) => ({
    id: t.id,
    name: t.name,
    effortHours: t.effortHours,
    status: t.status,
    remainingHours: t.remainingHours,
    doneDate: t.doneAt ? localDate(new Date(t.doneAt), w.timeZone) : null,
    work: !parents.has(t.id) && t.milestone !== 1,
    assignee: t.assigneeMemberId,
    predecessors: predecessors.get(t.id) ?? [],
  }));
  const baseline = readBaseline(plan.baseline, {
    tasks: tasks
      .filter((t) => t.work)
      .map((t) => ({ id: t.id, effortHours: t.effortHours, assignee: t.assignee })),
    calendar,
  });
  const starts = [...(baseline?.values() ?? [])].map((b) => b.start).sort();
  const finishes = [...(baseline?.values() ?? [])].map((b) => b.finish).sort();
  const first = starts[0] ?? plan.startDate;
  const last = finishes[finishes.length - 1] ?? first;
  const leaves = await repo.leaves(workspaceId, first < today ? first : today);
  return {
    workspaceId,
    plan,
    today,
    baseline,
    tasks,
    logs: logs.filter((l): l is typeof l & { taskId: string } => l.taskId !== null),
    members,
    departments,
    leaves,
    calendar,
    workingDays: workingDays(calendar, first, last, today),
  };
}

/**
 * Working days from the first baseline day through the later of its last day and today, and on
 * for ten times the baseline's span (an earned-schedule forecast at SPI(t) = 0.1), at most five
 * years; a forecast beyond that is undefined ("—").
 */
function workingDays(cal: WorkCalendar, first: string, last: string, today: string): string[] {
  const span = Math.max(1, (Date.parse(last) - Date.parse(first)) / 86_400_000);
  const end = [addDays(first, Math.min(10 * span + 30, 5 * 366)), today, last].sort().pop()!;
  const until = end < LIMITS.dateMax ? end : LIMITS.dateMax;
  const out: string[] = [];
  for (let d = first; d <= until; d = addDays(d, 1)) if (cal.isWorkday(d)) out.push(d);
  return out;
}

/** The measures on `date` (null without a baseline). */
export function measure(f: PlanProgressFacts, date: string): PlanEvm | null {
  if (!f.baseline) return null;
  return planEarnedValue(
    {
      baseline: f.baseline,
      tasks: f.tasks,
      logs: f.logs,
      members: f.members,
      workingDays: f.workingDays,
    },
    date,
  );
}

/** The engine's schedule of the plan's tasks, and its finish (null when nothing is placed). */
export function engineOf(f: PlanProgressFacts, result: TeamResult | null) {
  const ids = new Set(f.tasks.map((t) => t.id));
  const tasks = (result?.tasks ?? []).filter((t) => ids.has(t.id) && !t.summary);
  return {
    tasks,
    finish:
      tasks
        .map((t) => t.finish)
        .sort()
        .pop() ?? null,
  };
}

/** Why the engine's forecast finish is past the deadline or the baseline (see core/progress/slip.ts). */
export function slipOf(
  f: PlanProgressFacts,
  engine: ReturnType<typeof engineOf>,
): SlipAnalysis | null {
  if (!f.baseline) return null;
  const hours = new Map(f.members.map((m) => [m.id, m.hoursPerDay]));
  return analyseSlip({
    baseline: f.baseline,
    deadline: f.plan.launchDate,
    forecastFinish: engine.finish,
    tasks: f.tasks,
    logs: f.logs,
    schedule: engine.tasks,
    leaves: f.leaves,
    hoursPerDay: (m) => (m ? hours.get(m) : null) ?? f.calendar.hoursPerDay,
    calendar: f.calendar,
  });
}

const group = (list: PlanEvm["people"]) =>
  Object.fromEntries(list.map((g) => [g.id ?? "", [g.evm.bac, g.evm.pv, g.evm.ev, g.evm.ac]]));

/** The snapshot row of a day. */
export function snapshotRow(
  f: PlanProgressFacts,
  m: PlanEvm,
  source: SnapshotRow["source"],
  engineFinish: string | null,
  createdAt: string,
): SnapshotRow {
  const e = m.plan;
  return {
    workspaceId: f.workspaceId,
    planId: f.plan.id,
    date: m.statusDate,
    source,
    baselineAt: f.plan.baselineAt ?? "",
    bac: e.bac,
    pv: e.pv,
    ev: e.ev,
    ac: e.ac,
    spi: e.spi,
    cpi: e.cpi,
    es: e.es,
    at: e.at,
    spiT: e.spiT,
    esFinish: e.forecastFinish,
    engineFinish,
    baselineFinish: e.baselineFinish,
    deadline: f.plan.launchDate,
    outsideTasks: e.outsideBaseline.tasks,
    outsideEffort: e.outsideBaseline.effortHours,
    breakdown: JSON.stringify({ people: group(m.people), departments: group(m.departments) }),
    createdAt,
  };
}
