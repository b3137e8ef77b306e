// Turns a workspace's plans, people and progress into one engine team plan (format v1), starting
// today. The same file is what `GET /plans/{id}/plan-file` returns, so anyone can re-run exactly
// what the server ran with `dayclear schedule`.
//
// The whole workspace is scheduled together, because members work on several plans at once:
// scheduling plans one by one would double-book them. Progress enters like this:
//   - finished tasks leave the engine (their successors are free to start);
//   - today's allocations of the previous schedule stay pinned (the day has started), together
//     with anything logged today — but only while they are still true (see `keepsToday`): a task
//     nothing was logged on is placed afresh, a member who no longer meets the task's requirements
//     (skill, level, assignee) keeps none of it, and a pin never exceeds the work left;
//   - what remains goes after that: remaining = the reported remaining hours, else effort −
//     everything logged; the part today's pinned work does not cover is placed from today on;
//   - a task someone has started stays with them (it becomes their fixed assignment).
// Unfinished work therefore rolls over by itself: a planned day that passes without a log leaves
// the hours in `remaining`, and they are placed again from today.
// Recurring duties (a CS shift, the order-printing runs) become pinned synthetic tasks on the
// days they happen, so they take the member's capacity without being part of any plan; so do
// reserved hours on given dates (a 物流 member's packing of the day, modules/logistics/packing-load.ts).

import { addDays, isoWeekday } from "../calendar/date.js";
import { isNeutral, memberFactor } from "../engine/efficiency.js";
import {
  PLAN_FORMAT,
  type Allocation,
  type Dependency,
  type EfficiencyTable,
  type TeamMember,
  type TeamPlan,
  type TeamTask,
} from "../engine/types.js";
import { msg, type Message } from "../messages/index.js";

export const DUTY_TASK_PREFIX = "duty:";
/** Synthetic pinned work for hours already spent today outside the engine's tasks. */
export const BUSY_TASK_PREFIX = "duty:busy:";
/** How far ahead recurring duties are laid out as pinned work. */
export const DUTY_HORIZON_DAYS = 120;

export interface CalendarInput {
  workweek: number[];
  hoursPerDay: number;
  days: { date: string; kind: "holiday" | "workday" }[];
}

export interface MemberInput {
  id: string;
  name: string;
  hoursPerDay: number | null;
  workweek: number[] | null;
  skills: Record<string, number>;
  leaves: { startDate: string; endDate: string }[];
}

export interface DutyInput {
  id: string;
  memberId: string;
  title: string;
  weekdays: number[];
  hours: number;
}

/** Hours of a member's day taken on one date by work outside the plans (packing runs). */
export interface ReservedInput {
  /** Unique among reservations; the synthetic task is `duty:<id>`. */
  id: string;
  memberId: string;
  date: string;
  hours: number;
  /** The synthetic task's name in the plan file (English, like the file). */
  title: string;
}

export interface TaskInput {
  id: string;
  planId: string;
  parentId: string | null;
  name: string;
  effortHours: number;
  skill: string | null;
  minLevel: number | null;
  assignee: string | null;
  priority: number;
  earliestStart: string | null;
  deadline: string | null;
  milestone: boolean;
  status: "todo" | "in_progress" | "done";
  remainingHours: number | null;
  dependsOn: Dependency[];
  /** The task may be cut when the plan is late (a what-if defers it). */
  optional?: boolean;
  /** Cut by an applied what-if: the engine leaves it out; its successors wait for its predecessors. */
  deferred?: boolean;
  /** At most this many people work on it on one day (absent or 1: one person, as before). */
  maxPeople?: number;
  /** With maxPeople > 1, the smallest piece worth handing over, hours (absent: the engine's 1 h). */
  minChunkHours?: number | null;
}

export interface PlanInput {
  id: string;
  startDate: string;
}

export interface LogInput {
  memberId: string;
  date: string;
  taskId: string;
  hours: number;
}

export interface BuildInput {
  today: string;
  /** The workspace's efficiency by skill level (absent or all 1: hours = effort, as before). */
  efficiency?: EfficiencyTable;
  calendar: CalendarInput;
  members: MemberInput[];
  duties: DutyInput[];
  plans: PlanInput[];
  tasks: TaskInput[];
  logs: LogInput[];
  /** The previous schedule's allocations on `today` (kept: the day has started). */
  todayAllocations: Allocation[];
  /** Hours logged today on anything else (finished tasks, inbox and unplanned items): capacity already used. */
  otherLoggedToday: { memberId: string; hours: number }[];
  /** Hours reserved on given dates (never more than the member's hours that day less duties). */
  reserved?: ReservedInput[];
  /** Stored overtime (applied what-ifs): extra hours of a member on a date, the engine's capacity. */
  overtime?: { memberId: string; date: string; hours: number }[];
}

export interface BuiltPlan {
  plan: TeamPlan;
  /** Milestones are not work: their date is computed from their predecessors after scheduling. */
  milestones: TaskInput[];
  /** What a reader should fix, in English for files and logs (plan format v1). */
  warnings: string[];
  /** The same, as messages the reader's language renders (one per warning, in the same order). */
  notices: Message[];
}

const round2 = (h: number) => Math.round(h * 100) / 100;

function expandLeaves(leaves: MemberInput["leaves"], from: string): string[] {
  const out: string[] = [];
  for (const l of leaves) {
    if (l.endDate < from) continue;
    for (
      let d = l.startDate < from ? from : l.startDate, i = 0;
      d <= l.endDate && i < 366;
      d = addDays(d, 1), i++
    )
      out.push(d);
  }
  return out;
}

/**
 * Whether a member may do a task as it now stands: its assignee (when one is set and active),
 * else anyone with its skill at its level — the engine's own candidate rule.
 */
export function qualifies(
  task: Pick<TaskInput, "assignee" | "skill" | "minLevel">,
  member: Pick<MemberInput, "id" | "skills">,
  activeIds: ReadonlySet<string>,
): boolean {
  if (task.assignee && activeIds.has(task.assignee)) return task.assignee === member.id;
  return !task.skill || (member.skills[task.skill] ?? 0) >= (task.minLevel ?? 1);
}

/**
 * Today's planned (not yet logged) hours of the previous schedule stay pinned only on a task
 * someone has logged work on, for a member who still qualifies. Otherwise they are released and
 * placed again, so the server's schedule is what a fresh plan file with the same tasks and logs
 * gives (no stale assignment survives a change of skill, level or assignee).
 */
export const keepsToday = (started: boolean, qualified: boolean): boolean => started && qualified;

export function buildTeamPlan(input: BuildInput): BuiltPlan {
  const { today } = input;
  const warnings: string[] = [];
  const notices: Message[] = [];
  const warn = (english: string, notice: Message) => {
    warnings.push(english);
    notices.push(notice);
  };
  const memberIds = new Set(input.members.map((m) => m.id));
  const memberById = new Map(input.members.map((m) => [m.id, m]));
  const planStart = new Map(input.plans.map((p) => [p.id, p.startDate]));
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const parents = new Set(input.tasks.filter((t) => t.parentId).map((t) => t.parentId!));

  const logsByTask = new Map<string, LogInput[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const l of input.logs) if (byId.has(l.taskId)) push(logsByTask, l.taskId, l);
  const todayByTask = new Map<string, Allocation[]>();
  for (const a of input.todayAllocations)
    if (a.date === today && byId.has(a.task) && memberIds.has(a.member))
      push(todayByTask, a.task, a);

  // Tasks the engine does not see: milestones and finished tasks.
  const milestones = input.tasks.filter((t) => t.milestone && !parents.has(t.id));
  const dropped = new Set(milestones.map((t) => t.id));
  for (const t of input.tasks) {
    if ((t.status === "done" || t.deferred) && !parents.has(t.id)) dropped.add(t.id);
  }
  // A successor of a dropped task depends on the dropped task's own predecessors instead.
  const resolveDeps = (deps: Dependency[], seen = new Set<string>()): Dependency[] =>
    deps.flatMap((d) => {
      if (!dropped.has(d.task)) return byId.has(d.task) ? [d] : [];
      const dep = byId.get(d.task);
      if (!dep || dep.status === "done" || seen.has(d.task)) return [];
      // (a task dropped because no work is left also frees its successors; a deferred task's
      // successors wait for its predecessors, as a milestone's do)
      if (!dep.milestone && !dep.deferred) return [];
      seen.add(d.task);
      return resolveDeps(dep.dependsOn, seen).map((x) => ({
        ...x,
        lagDays: x.lagDays + d.lagDays,
      }));
    });

  const pinned = new Map<string, Allocation>();
  const pin = (a: Allocation) => {
    const key = `${a.member}|${a.date}|${a.task}`;
    const prev = pinned.get(key);
    pinned.set(key, { ...a, hours: Math.min(24, round2(Math.max(prev?.hours ?? 0, a.hours))) });
  };

  // Today's plan stays (the day has started), but never beyond what the member can work today:
  // when a duty or a day off appears, the lowest-priority planned hours give way first. Hours
  // already logged are facts and always stay.
  const holidaysSet = new Set(
    input.calendar.days.filter((d) => d.kind === "holiday").map((d) => d.date),
  );
  const extraSet = new Set(
    input.calendar.days.filter((d) => d.kind === "workday").map((d) => d.date),
  );
  const todayWd = isoWeekday(today);
  const todayPins = new Map<string, Map<string, number>>(); // task → member → hours
  // Work left per task after everything logged up to today; a pin never plans more than that.
  const leftOf = new Map<string, number>();
  const started = new Set<string>();
  for (const t of input.tasks) {
    const logs = (logsByTask.get(t.id) ?? []).filter(
      (l) => memberIds.has(l.memberId) && l.date <= today,
    );
    if (logs.length) started.add(t.id);
    leftOf.set(
      t.id,
      t.remainingHours ?? Math.max(0, t.effortHours - logs.reduce((s, l) => s + l.hours, 0)),
    );
  }
  // Hours logged today by a member who no longer qualifies: used capacity, not the task's pin.
  const releasedLogged = new Map<string, number>();
  const todayTaskIds = new Set([
    ...todayByTask.keys(),
    ...input.logs.filter((l) => l.date === today && byId.has(l.taskId)).map((l) => l.taskId),
  ]);
  for (const m of input.members) {
    const onLeave = m.leaves.some((l) => l.startDate <= today && today <= l.endDate);
    const works =
      !onLeave &&
      !holidaysSet.has(today) &&
      (m.workweek
        ? m.workweek.includes(todayWd)
        : extraSet.has(today) || input.calendar.workweek.includes(todayWd));
    const dutyHours =
      input.duties
        .filter((d) => d.memberId === m.id && d.weekdays.includes(todayWd))
        .reduce((s, d) => s + d.hours, 0) +
      (input.reserved ?? [])
        .filter((r) => r.memberId === m.id && r.date === today)
        .reduce((s, r) => s + r.hours, 0);
    const entries: { task: TaskInput; planned: number; logged: number }[] = [];
    for (const id of todayTaskIds) {
      const t = byId.get(id)!;
      if (dropped.has(t.id) || parents.has(t.id) || t.status === "done") continue;
      const qualified = qualifies(t, m, memberIds);
      const planned = keepsToday(started.has(t.id), qualified)
        ? (todayByTask.get(t.id) ?? [])
            .filter((a) => a.member === m.id)
            .reduce((s, a) => s + a.hours, 0)
        : 0;
      const logged = (logsByTask.get(t.id) ?? [])
        .filter((l) => l.memberId === m.id && l.date === today)
        .reduce((s, l) => s + l.hours, 0);
      if (!qualified) {
        if (logged > 0) releasedLogged.set(m.id, (releasedLogged.get(m.id) ?? 0) + logged);
        continue;
      }
      if (planned > 0 || logged > 0) entries.push({ task: t, planned, logged });
    }
    const otherToday =
      input.otherLoggedToday.filter((o) => o.memberId === m.id).reduce((s, o) => s + o.hours, 0) +
      (releasedLogged.get(m.id) ?? 0);
    let budget = Math.max(
      0,
      (works ? (m.hoursPerDay ?? input.calendar.hoursPerDay) : 0) -
        (works ? dutyHours : 0) -
        entries.reduce((s, e) => s + e.logged, 0) -
        otherToday,
    );
    for (const e of [...entries].sort((a, b) => b.task.priority - a.task.priority)) {
      const left = leftOf.get(e.task.id) ?? 0;
      const take = Math.min(Math.max(0, e.planned - e.logged), budget, left);
      budget -= take;
      leftOf.set(e.task.id, left - take);
      const hours = Math.min(24, round2(e.logged + take));
      if (hours > 0)
        todayPins.set(
          e.task.id,
          new Map([...(todayPins.get(e.task.id) ?? new Map<string, number>()), [m.id, hours]]),
        );
    }
  }

  // Work left: remaining hours beyond what today's pinned work covers.
  const plannedTasks: { t: TaskInput; effort: number; lastWorker: string | null }[] = [];
  for (const t of input.tasks) {
    if (dropped.has(t.id) || parents.has(t.id)) continue;
    const logs = (logsByTask.get(t.id) ?? []).filter((l) => memberIds.has(l.memberId));
    const pastLogged = logs.filter((l) => l.date < today).reduce((s, l) => s + l.hours, 0);
    let todayPinned = 0;
    let pinnedLogged = 0;
    for (const [member, hours] of todayPins.get(t.id) ?? []) {
      pin({ member, date: today, task: t.id, hours });
      // Today's pinned hours deliver the member's efficiency factor of effort (1 without a table).
      const f = memberFactor(input.efficiency, memberById.get(member)?.skills ?? {}, t.skill);
      todayPinned += hours * f;
      pinnedLogged +=
        f *
        Math.min(
          hours,
          logs
            .filter((l) => l.date === today && l.memberId === member)
            .reduce((s, l) => s + l.hours, 0),
        );
    }
    const todayLogged = logs.filter((l) => l.date === today).reduce((s, l) => s + l.hours, 0);
    const remaining = t.remainingHours ?? Math.max(0, t.effortHours - pastLogged - todayLogged);
    const after = Math.max(0, remaining - Math.max(0, todayPinned - pinnedLogged));
    const effort = round2(todayPinned + after);
    if (effort <= 0) {
      // Nothing left, though nobody marked it done: it no longer holds anyone up.
      dropped.add(t.id);
      warn(
        `task "${t.name}": no work left; mark it done`,
        msg("plans.warning.no_work_left", { task: t.name }),
      );
      continue;
    }
    const lastLog = logs
      .filter((l) => l.date <= today)
      .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    plannedTasks.push({ t, effort, lastWorker: lastLog?.memberId ?? null });
  }

  const tasks: TeamTask[] = [];
  const effortOf = new Map(plannedTasks.map((p) => [p.t.id, p]));
  for (const t of input.tasks) {
    if (dropped.has(t.id)) continue;
    const isSummary = parents.has(t.id);
    const planned = effortOf.get(t.id);
    if (!isSummary && !planned) continue;
    let assignee = t.assignee;
    if (assignee && !memberIds.has(assignee)) {
      warn(
        `task "${t.name}": its assignee is no longer active; any member with the skill may take it`,
        msg("plans.warning.assignee_inactive", { task: t.name }),
      );
      assignee = null;
    }
    // A started task stays with whoever worked on it last, while they still qualify for it.
    const last = planned?.lastWorker ? memberById.get(planned.lastWorker) : undefined;
    if (!assignee && last && qualifies(t, last, memberIds)) assignee = last.id;
    const start = planStart.get(t.planId);
    const earliest =
      [t.earliestStart, start]
        .filter((d): d is string => !!d)
        .sort()
        .pop() ?? null;
    tasks.push({
      id: t.id,
      name: t.name,
      effortHours: isSummary ? 0 : planned!.effort,
      skill: isSummary ? null : t.skill,
      minLevel: isSummary ? null : t.minLevel,
      assignee: isSummary ? null : assignee,
      priority: t.priority,
      earliestStart: earliest,
      deadline: t.deadline,
      dependsOn: resolveDeps(t.dependsOn),
      parent: t.parentId && byId.has(t.parentId) && !dropped.has(t.parentId) ? t.parentId : null,
      ...(t.optional && !isSummary && { optional: true }),
      ...(!isSummary &&
        (t.maxPeople ?? 1) > 1 && {
          maxPeople: t.maxPeople,
          ...(t.minChunkHours != null && { minChunkHours: t.minChunkHours }),
        }),
    });
  }
  // A summary task whose children all left the engine has nothing to span.
  const hasChild = new Set(tasks.filter((t) => t.parent).map((t) => t.parent!));
  for (let i = tasks.length - 1; i >= 0; i--) {
    const t = tasks[i]!;
    if (parents.has(t.id) && !hasChild.has(t.id)) {
      tasks.splice(i, 1);
      dropped.add(t.id);
    }
  }
  for (const t of tasks) t.dependsOn = resolveDeps(t.dependsOn);
  for (const t of tasks) if (t.parent && dropped.has(t.parent)) t.parent = null;

  const members: TeamMember[] = input.members.map((m) => ({
    id: m.id,
    name: m.name,
    skills: m.skills,
    hoursPerDay: m.hoursPerDay,
    workweek: m.workweek,
    daysOff: expandLeaves(m.leaves, today),
  }));

  // Duties as pinned synthetic tasks on the member's working days over the horizon.
  const holidays = holidaysSet;
  const extra = extraSet;
  for (const duty of input.duties) {
    const m = input.members.find((x) => x.id === duty.memberId);
    if (!m || duty.hours <= 0) continue;
    const off = new Set(expandLeaves(m.leaves, today));
    const cap = m.hoursPerDay ?? input.calendar.hoursPerDay;
    let any = false;
    for (let i = 0; i < DUTY_HORIZON_DAYS; i++) {
      const date = addDays(today, i);
      const wd = isoWeekday(date);
      const works =
        !holidays.has(date) &&
        !off.has(date) &&
        (m.workweek
          ? m.workweek.includes(wd)
          : extra.has(date) || input.calendar.workweek.includes(wd));
      if (!works || !duty.weekdays.includes(wd)) continue;
      const id = `${DUTY_TASK_PREFIX}${duty.id}:${date}`;
      const hours = Math.min(duty.hours, cap);
      tasks.push({
        id,
        name: duty.title,
        effortHours: hours,
        skill: null,
        minLevel: null,
        assignee: m.id,
        priority: 1000,
        earliestStart: date,
        deadline: null,
        dependsOn: [],
        parent: null,
      });
      pin({ member: m.id, date, task: id, hours });
      any = true;
    }
    if (!any)
      warn(
        `duty "${duty.title}" falls on none of ${m.name}'s working days`,
        msg("plans.warning.duty_never", { duty: duty.title, member: m.name }),
      );
  }

  // Reserved hours as pinned synthetic tasks on their dates (working days only).
  for (const r of input.reserved ?? []) {
    const m = memberById.get(r.memberId);
    if (!m || r.hours <= 0 || r.date < today) continue;
    const wd = isoWeekday(r.date);
    const onLeave = m.leaves.some((l) => l.startDate <= r.date && r.date <= l.endDate);
    const works =
      !onLeave &&
      !holidays.has(r.date) &&
      (m.workweek
        ? m.workweek.includes(wd)
        : extra.has(r.date) || input.calendar.workweek.includes(wd));
    if (!works) continue;
    const id = `${DUTY_TASK_PREFIX}${r.id}`;
    const hours = Math.min(
      24,
      round2(Math.min(r.hours, m.hoursPerDay ?? input.calendar.hoursPerDay)),
    );
    tasks.push({
      id,
      name: r.title,
      effortHours: hours,
      skill: null,
      minLevel: null,
      assignee: m.id,
      priority: 1000,
      earliestStart: r.date,
      deadline: null,
      dependsOn: [],
      parent: null,
    });
    pin({ member: m.id, date: r.date, task: id, hours });
  }

  // Hours already spent today on other work hold their place too.
  const otherByMember = new Map<string, number>();
  for (const o of [
    ...input.otherLoggedToday,
    ...[...releasedLogged].map(([memberId, hours]) => ({ memberId, hours })),
  ]) {
    if (memberIds.has(o.memberId))
      otherByMember.set(o.memberId, (otherByMember.get(o.memberId) ?? 0) + o.hours);
  }
  for (const [memberId, hours] of otherByMember) {
    if (hours <= 0) continue;
    const id = `${BUSY_TASK_PREFIX}${memberId}`;
    const h = Math.min(24, round2(hours));
    tasks.push({
      id,
      // A name for the plan file (an engine input, never shown in the app: duty tasks are left
      // out of the stored schedule); files and logs speak English.
      name: "other work done today",
      effortHours: h,
      skill: null,
      minLevel: null,
      assignee: memberId,
      priority: 1000,
      earliestStart: today,
      deadline: null,
      dependsOn: [],
      parent: null,
    });
    pin({ member: memberId, date: today, task: id, hours: h });
  }

  const pinnedList = [...pinned.values()].filter((a) => a.hours > 0);
  const plan: TeamPlan = {
    format: PLAN_FORMAT,
    mode: "team",
    start: today,
    // Efficiency by skill level only when it changes something: a neutral table leaves the file as before.
    ...(!isNeutral(input.efficiency) && { efficiency: { ...input.efficiency } }),
    calendar: {
      workweek: input.calendar.workweek,
      hoursPerDay: input.calendar.hoursPerDay,
      holidays: [...holidays].sort(),
      extraWorkdays: [...extra].sort(),
    },
    members,
    tasks,
    pinned: pinnedList.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
  // Stored overtime is capacity the plans asked for: the file says so with `useOvertime`.
  const overtime = (input.overtime ?? [])
    .filter((o) => memberIds.has(o.memberId) && o.date >= today && o.hours > 0)
    .map((o) => ({ member: o.memberId, date: o.date, hours: o.hours }))
    .sort((a, b) =>
      a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : a.member < b.member
            ? -1
            : a.member > b.member
              ? 1
              : 0,
    );
  if (overtime.length) {
    plan.overtime = overtime;
    plan.useOvertime = true;
  }
  return { plan, milestones, warnings, notices };
}

/** A milestone falls on the latest finish of its predecessors (or its deadline when it has none). */
export function milestoneDates(
  milestones: TaskInput[],
  finishOf: (taskId: string) => string | undefined,
  fallback: string,
): Map<string, string> {
  const out = new Map<string, string>();
  const resolve = (m: TaskInput, depth = 0): string => {
    if (out.has(m.id)) return out.get(m.id)!;
    const dates = m.dependsOn
      .map((d) => {
        const other = milestones.find((x) => x.id === d.task);
        return other && depth < 50 ? resolve(other, depth + 1) : finishOf(d.task);
      })
      .filter((d): d is string => !!d);
    const date = dates.sort().pop() ?? m.deadline ?? m.earliestStart ?? fallback;
    out.set(m.id, date);
    return date;
  };
  for (const m of milestones) resolve(m);
  return out;
}

export const isDutyTask = (id: string) => id.startsWith(DUTY_TASK_PREFIX);
