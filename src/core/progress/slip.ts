// Slip analysis: when a plan's forecast finish (the engine's re-plan) moves past its deadline or
// its baseline finish, which tasks moved it and why, each cause with its working days of effect.
// Pure.
//
// The chain that decides the finish is walked back from the plan's last task: a task's driver is
// the predecessor (by dependency) or the previous task of the same person that ends on the working
// day before it starts, or later — what it waited for. Done tasks take part with their actual span.
// Along the chain, each task's finish delay against the baseline (in the team's working days) is
// what it inherited from its driver plus its own part, and its own part is split into causes:
//   - started late: its start slipped more than its driver's finish did;
//   - a dependency added since the baseline holds it (the driver is a predecessor the baseline
//     did not have): the start delay beyond the driver's own;
//   - it lasted longer, because its person was absent (leave days in its span), its effort grew
//     (extra hours ÷ the person's hours per day) or, for the rest, less time went to it per day
//     than planned (other work, shared people);
//   - a task added after the baseline: its whole span.
// Delays a task made up for (negative parts) are not causes; days are rounded to one decimal.
import type { WorkCalendar } from "../calendar/calendar.js";
import type { BaselineEntry } from "./baseline.js";

export type SlipCauseKind =
  "started_late" | "dependency_added" | "absent" | "effort_grew" | "slower" | "task_added";

export interface SlipCause {
  taskId: string;
  kind: SlipCauseKind;
  /** Working days of effect on the finish. */
  days: number;
  /** started_late: plannedStart, start, started (1 when work was logged, else 0: not yet)
   * · dependency_added: predecessorId · absent: memberId, leaveDays · effort_grew: fromHours,
   * toHours. */
  detail: Record<string, string | number>;
}

export interface SlipInput {
  baseline: ReadonlyMap<string, BaselineEntry>;
  deadline: string | null;
  /** The engine's forecast finish of the plan. */
  forecastFinish: string | null;
  tasks: readonly {
    id: string;
    effortHours: number;
    status: "todo" | "in_progress" | "done";
    remainingHours: number | null;
    doneDate: string | null;
    work: boolean;
    predecessors: readonly string[];
  }[];
  logs: readonly { taskId: string; memberId: string; date: string; hours: number }[];
  /** The engine's schedule of the plan's open tasks. */
  schedule: readonly { id: string; assignee: string | null; start: string; finish: string }[];
  leaves: readonly { memberId: string; startDate: string; endDate: string }[];
  hoursPerDay: (memberId: string | null) => number;
  calendar: WorkCalendar;
}

export interface SlipAnalysis {
  baselineFinish: string | null;
  forecastFinish: string | null;
  deadline: string | null;
  /** Working days the forecast finish lies after the baseline's finish (0 when not after). */
  slipDays: number;
  /** Working days the forecast finish lies after the deadline (0 when not after). */
  lateDays: number;
  slipped: boolean;
  /** The tasks that decide the finish, first to last. */
  chain: string[];
  /** Largest effect first. */
  causes: SlipCause[];
}

const round1 = (d: number) => Math.round(d * 10) / 10;

interface Span {
  id: string;
  start: string;
  finish: string;
  assignee: string | null;
}

export function analyseSlip(input: SlipInput): SlipAnalysis {
  const cal = input.calendar;
  /** Signed working days from a to b: positive when b is later. */
  const wd = (a: string, b: string): number =>
    a === b ? 0 : a < b ? cal.countWorkdays(a, b) - (cal.isWorkday(a) ? 1 : 0) : -wd(b, a);
  const baselineFinish =
    [...input.baseline.values()]
      .map((b) => b.finish)
      .sort()
      .pop() ?? null;
  const forecast = input.forecastFinish;
  const slipDays = forecast && baselineFinish ? Math.max(0, wd(baselineFinish, forecast)) : 0;
  const lateDays = forecast && input.deadline ? Math.max(0, wd(input.deadline, forecast)) : 0;
  const slipped = slipDays > 0 || lateDays > 0;
  const result: SlipAnalysis = {
    baselineFinish,
    forecastFinish: forecast,
    deadline: input.deadline,
    slipDays,
    lateDays,
    slipped,
    chain: [],
    causes: [],
  };
  if (!slipped) return result;

  const taskById = new Map(input.tasks.map((t) => [t.id, t]));
  const logsOf = new Map<string, { date: string; memberId: string; hours: number }[]>();
  for (const l of input.logs) {
    const list = logsOf.get(l.taskId);
    if (list) list.push(l);
    else logsOf.set(l.taskId, [l]);
  }
  // What each work task spans now: the engine's placement, or the days a done task was worked.
  const spans = new Map<string, Span>();
  // A started task spans from its first logged day (the engine places only what remains).
  const firstLog = new Map<string, string>();
  for (const l of input.logs)
    if (!firstLog.has(l.taskId) || l.date < firstLog.get(l.taskId)!) firstLog.set(l.taskId, l.date);
  for (const s of input.schedule) {
    if (!taskById.get(s.id)?.work) continue;
    const first = firstLog.get(s.id);
    spans.set(s.id, { ...s, start: first && first < s.start ? first : s.start });
  }
  for (const t of input.tasks) {
    if (!t.work || spans.has(t.id) || t.status !== "done") continue;
    const logs = logsOf.get(t.id) ?? [];
    const dates = logs.map((l) => l.date).sort();
    const finish = t.doneDate ?? dates[dates.length - 1];
    const start = dates[0] ?? finish;
    if (!start || !finish) continue;
    const top = [...logs].sort((a, b) => b.hours - a.hours)[0];
    spans.set(t.id, { id: t.id, start, finish, assignee: top?.memberId ?? null });
  }
  if (spans.size === 0) return result;

  // Walk back from the last finish.
  // The last to finish; of several, the last to start (the successor of the others).
  const order = (a: Span, b: Span) =>
    a.finish !== b.finish
      ? a.finish < b.finish
        ? 1
        : -1
      : a.start !== b.start
        ? a.start < b.start
          ? 1
          : -1
        : a.id < b.id
          ? -1
          : 1;
  const last = [...spans.values()].sort(order)[0]!;
  const chain: { span: Span; via: "dependency" | "person" | null }[] = [];
  const seen = new Set<string>();
  let at: Span | undefined = last;
  let via: "dependency" | "person" | null = null;
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    chain.unshift({ span: at, via: null });
    if (chain.length > 1) chain[1]!.via = via;
    const dayBefore = cal.previousWorkday(at.start);
    const current: Span = at;
    const byDependency = (taskById.get(current.id)?.predecessors ?? [])
      .map((p) => spans.get(p))
      .filter((p): p is Span => !!p && p.finish >= dayBefore && !seen.has(p.id));
    const byPerson = current.assignee
      ? [...spans.values()].filter(
          (p) =>
            p.id !== current.id &&
            p.assignee === current.assignee &&
            p.finish <= current.start &&
            p.finish >= dayBefore &&
            !seen.has(p.id),
        )
      : [];
    const latest = (list: Span[]) =>
      list.sort((a, b) =>
        a.finish === b.finish ? (a.id < b.id ? -1 : 1) : a.finish < b.finish ? 1 : -1,
      )[0];
    const dep = latest(byDependency);
    const person = latest(byPerson);
    if (dep && (!person || dep.finish >= person.finish)) {
      at = dep;
      via = "dependency";
    } else if (person) {
      at = person;
      via = "person";
    } else at = undefined;
  }
  result.chain = chain.map((c) => c.span.id);

  // Each task's finish delay is its driver's plus its own part, split into causes.
  const causes: SlipCause[] = [];
  const add = (taskId: string, kind: SlipCauseKind, days: number, detail: SlipCause["detail"]) => {
    const d = round1(days);
    if (d > 0) causes.push({ taskId, kind, days: d, detail });
  };
  let inherited = 0;
  for (const [i, { span, via: how }] of chain.entries()) {
    const t = taskById.get(span.id)!;
    const b = input.baseline.get(span.id);
    const driver = i > 0 ? chain[i - 1]!.span : null;
    if (!b) {
      const length = cal.countWorkdays(span.start, span.finish);
      add(span.id, "task_added", length, {});
      inherited += length;
      continue;
    }
    const logs = logsOf.get(span.id) ?? [];
    const startDelay = wd(b.start, span.start);
    const finishDelay = wd(b.finish, span.finish);
    const ownStart = startDelay - Math.max(0, driver ? inherited : 0);
    const added =
      how === "dependency" && driver && b.after !== null && !b.after.includes(driver.id);
    if (ownStart > 0) {
      if (added) add(span.id, "dependency_added", ownStart, { predecessorId: driver.id });
      else {
        const actual = logs.map((l) => l.date).sort()[0];
        add(span.id, "started_late", ownStart, {
          plannedStart: b.start,
          start: actual && actual < span.start ? actual : span.start,
          started: actual ? 1 : 0,
        });
      }
    }
    const growth = finishDelay - startDelay;
    if (growth > 0) {
      let left = growth;
      const who = span.assignee;
      if (who) {
        const away = input.leaves
          .filter(
            (l) => l.memberId === who && l.startDate <= span.finish && l.endDate >= span.start,
          )
          .reduce((s, l) => {
            const from = l.startDate > span.start ? l.startDate : span.start;
            const to = l.endDate < span.finish ? l.endDate : span.finish;
            return s + cal.countWorkdays(from, to);
          }, 0);
        const a = Math.min(away, left);
        add(span.id, "absent", a, { memberId: who, leaveDays: away });
        left -= a;
      }
      const logged = logs.reduce((s, l) => s + l.hours, 0);
      const estimate =
        t.status === "done"
          ? logged
          : logged + (t.remainingHours ?? Math.max(0, t.effortHours - logged));
      const extra = estimate - b.effortHours;
      if (extra > 0 && left > 0) {
        const e = round1(Math.min(extra / Math.max(0.5, input.hoursPerDay(who)), left));
        add(span.id, "effort_grew", e, {
          fromHours: Math.round(b.effortHours * 100) / 100,
          toHours: Math.round(estimate * 100) / 100,
        });
        left -= e;
      }
      add(span.id, "slower", left, {});
    }
    inherited = finishDelay;
  }
  result.causes = causes.sort((a, b) =>
    a.days === b.days
      ? result.chain.indexOf(a.taskId) - result.chain.indexOf(b.taskId)
      : b.days - a.days,
  );
  return result;
}
