// Re-plans the workspace after every change: gathers plans, people and progress, runs the engine
// (quick mode), stores the result and its allocations, and tells plan owners and department
// leads at once when a plan's finish moves later or a task becomes late.
import type { Actor } from "../../core/actor.js";
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays } from "../../core/calendar/date.js";
import { assertSpan } from "../../core/calendar/range.js";
import { scheduleTeam } from "../../core/engine/team/schedule.js";
import {
  PlanValidationError,
  type TeamPlan,
  type TeamResult,
  type TeamTaskResult,
} from "../../core/engine/types.js";
import { fail, fieldError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type Message } from "../../core/messages/index.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { localDate } from "../../core/plans/local-date.js";
import {
  buildTeamPlan,
  isDutyTask,
  milestoneDates,
  type BuildInput,
  type TaskInput,
} from "../../core/plans/team-plan.js";
import type { Executor } from "../../db/database.js";
import type { Plan, PlanTask, TaskDependency } from "../../db/schema.js";
import { notify } from "../daily/notifications.js";
import { PACKING } from "../../core/logistics/packing.js";
import {
  packingForecast,
  packingReservations,
  rememberReserved,
  type PackingForecast,
} from "../logistics/packing-load.js";
import { caseReservations } from "../aftersales/routing-load.js";
import type { LiveEvent, ServiceDeps } from "../shared/context.js";
import { PlanRepository } from "./plan.repository.js";
import { ScheduleRepository } from "./schedule.repository.js";
import { efficiencyOf } from "./efficiency.service.js";

/**
 * Allocations are kept as rows (for Today, reports and the agenda) only this many days ahead;
 * the full schedule, further out too, is in the stored result. A change that shifts a large plan
 * then rewrites weeks of rows, not months.
 */
export const MATERIALIZED_DAYS = 28;

export interface AllocationRowOut {
  memberId: string;
  date: string;
  taskId: string;
  hours: number;
  planId: string;
}

/**
 * The stored schedule: the engine's result (format v1) and, as an extension, its warnings as
 * messages the reader's language renders (schedules stored before have none).
 */
export type StoredSchedule = TeamResult & { notices?: Message[] };

export interface ReplanOutcome {
  result: TeamResult;
  events: { workspaceId: string; event: LiveEvent }[];
  /** Plan of each task scheduled, so callers need not read the tasks again. */
  planOf: Map<string, string>;
  workspaceId: string;
  /** The schedule's stored version once the transaction commits. */
  version: number;
}

/**
 * Parsed schedules by workspace and stored version: a memo of what the database holds (each read
 * checks the version first), so a large schedule is not parsed again for every request. Filled
 * only after the writing transaction committed.
 */
const parsedSchedules = new Map<
  string,
  { version: number; result: TeamResult; planJson: Map<string, string> }
>();
function rememberSchedule(workspaceId: string, version: number, result: TeamResult): void {
  if (parsedSchedules.size >= 500) parsedSchedules.clear();
  parsedSchedules.set(workspaceId, { version, result, planJson: new Map() });
}
function recalled(workspaceId: string, version: number): TeamResult | undefined {
  const m = parsedSchedules.get(workspaceId);
  return m && m.version === version ? m.result : undefined;
}

const parseWeek = (s: string | null): number[] | null =>
  s === null ? null : (JSON.parse(s) as number[]);
const durationHours = (start: string, end: string) => {
  const [sh, sm] = start.split(":").map(Number);
  const [eh, em] = end.split(":").map(Number);
  return Math.max(0, (eh! * 60 + em! - (sh! * 60 + sm!)) / 60);
};

/** One row per member, day and task (pinned and newly placed hours of a day add up). */
function mergeAllocations(list: TeamResult["allocations"]): TeamResult["allocations"] {
  const merged = new Map<string, TeamResult["allocations"][number]>();
  for (const a of list) {
    const key = `${a.member}|${a.date}|${a.task}`;
    const prev = merged.get(key);
    merged.set(
      key,
      prev ? { ...prev, hours: Math.round((prev.hours + a.hours) * 100) / 100 } : { ...a },
    );
  }
  return [...merged.values()];
}

/** Dependencies grouped by successor, so building inputs stays linear in the plan's size. */
export function depsByTask(deps: TaskDependency[]): Map<string, TaskDependency[]> {
  const out = new Map<string, TaskDependency[]>();
  for (const d of deps) {
    const list = out.get(d.taskId);
    if (list) list.push(d);
    else out.set(d.taskId, [d]);
  }
  return out;
}

export type SchedulingTask = Pick<
  PlanTask,
  | "id"
  | "planId"
  | "parentId"
  | "name"
  | "effortHours"
  | "skillId"
  | "minLevel"
  | "assigneeMemberId"
  | "priority"
  | "earliestStart"
  | "deadline"
  | "milestone"
  | "status"
  | "remainingHours"
  | "doneAt"
> &
  Partial<Pick<PlanTask, "optional" | "deferred">>;

export function toTaskInput(
  t: SchedulingTask,
  deps: TaskDependency[],
  skillName: (id: string | null) => string | null,
): TaskInput {
  return {
    id: t.id,
    planId: t.planId,
    parentId: t.parentId,
    name: t.name,
    effortHours: t.effortHours,
    skill: skillName(t.skillId),
    minLevel: t.minLevel,
    assignee: t.assigneeMemberId,
    priority: t.priority,
    earliestStart: t.earliestStart,
    deadline: t.deadline,
    milestone: t.milestone === 1,
    status: t.status,
    remainingHours: t.remainingHours,
    dependsOn: deps.map((d) => ({ task: d.predecessorId, type: d.type, lagDays: d.lagDays })),
    ...(t.optional === 1 && { optional: true }),
    ...(t.deferred === 1 && { deferred: true }),
  };
}

export class ScheduleService {
  constructor(private readonly deps: ServiceDeps) {}

  async today(db: Executor, workspaceId: string): Promise<string> {
    const timeZone = await new ScheduleRepository(db).timeZone(workspaceId);
    if (!timeZone)
      throw fail("not_found", "plans.not_found", { what: msg("plans.entity.workspace") });
    return workspaceToday(this.deps.clock(), timeZone);
  }

  /** The engine's input for the whole workspace, as of today. */
  async buildPlan(
    db: Executor,
    workspaceId: string,
    today: string,
  ): Promise<{
    built: ReturnType<typeof buildTeamPlan>;
    /** What `built` was built from (the what-ifs change copies of it). */
    input: BuildInput;
    plans: Plan[];
    tasks: SchedulingTask[];
    packing: PackingForecast | null;
  }> {
    const plans = new PlanRepository(db);
    const sched = new ScheduleRepository(db);
    const [w, people, scheduled, todayAllocs, timeZone] = await Promise.all([
      sched.calendar(workspaceId),
      sched.people(workspaceId, today),
      plans.scheduled(workspaceId),
      sched.allocationsOn(workspaceId, today),
      sched.timeZone(workspaceId),
    ]);
    // 物流 members' packing of each day takes its hours like a duty (modules/logistics/packing-load.ts).
    const packing = await packingForecast(db, workspaceId, {
      today,
      now: this.deps.clock().toISOString(),
      timeZone: timeZone ?? "UTC",
      days: PACKING.horizonDays,
      people,
      calendar: w,
    });
    const planIds = scheduled.map((p) => p.id);
    const [tasks, deps, logs, skills, overtime] = await Promise.all([
      plans.schedulingInputs(workspaceId, planIds),
      plans.depsOf(workspaceId, planIds),
      sched.logsOfPlans(workspaceId, planIds),
      plans.skills(workspaceId),
      // Overtime applied by a plan's what-if counts while that plan is scheduled.
      sched.overtimeFrom(workspaceId, today, planIds),
    ]);
    const skillNames = new Map(skills.map((s) => [s.id, s.name]));
    const depsOf = depsByTask(deps);
    const input: BuildInput = {
      today,
      efficiency: await efficiencyOf(db, workspaceId),
      calendar: {
        workweek: JSON.parse(w.workweek) as number[],
        hoursPerDay: w.hoursPerDay,
        days: w.days,
      },
      members: people.members.map((m) => ({
        id: m.id,
        name: m.name,
        hoursPerDay: m.hoursPerDay,
        workweek: parseWeek(m.workweek),
        skills: Object.fromEntries(
          people.skills.filter((s) => s.memberId === m.id).map((s) => [s.name, s.level]),
        ),
        leaves: people.leaves.filter((l) => l.memberId === m.id),
      })),
      duties: people.duties.map((d) => ({
        id: d.id,
        memberId: d.memberId,
        title: d.title,
        weekdays: JSON.parse(d.weekdays) as number[],
        hours: durationHours(d.startTime, d.endTime),
      })),
      plans: scheduled.map((p) => ({ id: p.id, startDate: p.startDate })),
      tasks: tasks.map((t) =>
        toTaskInput(t, depsOf.get(t.id) ?? [], (id) => (id ? (skillNames.get(id) ?? null) : null)),
      ),
      logs: logs.filter((l): l is typeof l & { taskId: string } => l.taskId !== null),
      todayAllocations: todayAllocs,
      otherLoggedToday: await this.otherLoggedToday(
        db,
        workspaceId,
        today,
        new Set(tasks.filter((t) => t.status !== "done").map((t) => t.id)),
      ),
      // 客服 members' open after-sales cases take their estimated minutes the same way.
      reserved: [
        ...packingReservations(packing),
        ...(await caseReservations(db, workspaceId, { today, people, calendar: w })),
      ],
      ...(overtime.length && { overtime }),
    };
    return { built: buildTeamPlan(input), input, plans: scheduled, tasks, packing };
  }

  /** Hours logged today on finished tasks, items or other plans' tasks: capacity already used. */
  private async otherLoggedToday(
    db: Executor,
    workspaceId: string,
    today: string,
    openTaskIds: Set<string>,
  ) {
    const logs = await new ScheduleRepository(db).logsOn(workspaceId, today);
    return logs
      .filter((l) => !l.taskId || !openTaskIds.has(l.taskId))
      .map((l) => ({ memberId: l.memberId, hours: l.hours }));
  }

  /** Re-plans the workspace inside the caller's transaction. */
  async replan(trx: Executor, workspaceId: string, actor: Actor | null): Promise<ReplanOutcome> {
    const today = await this.today(trx, workspaceId);
    const at = this.deps.clock().toISOString();
    const sched = new ScheduleRepository(trx);
    const locked = await sched.lock(workspaceId, today, at);
    const previousText = recalled(workspaceId, locked.version - 1)
      ? null
      : await sched.resultText(workspaceId);
    const previous =
      recalled(workspaceId, locked.version - 1) ??
      (previousText && previousText !== "null" ? (JSON.parse(previousText) as TeamResult) : null);
    const { built, plans, tasks, packing } = await this.buildPlan(trx, workspaceId, today);
    let engine: TeamResult;
    try {
      engine = scheduleTeam(built.plan, { effort: "quick" });
    } catch (err) {
      // The engine's own checks of its input (codes of the plans catalog, with English texts for
      // the log): the server builds valid plans, so this names an inconsistency in stored data.
      if (err instanceof PlanValidationError)
        throw fail(
          "invalid",
          "plans.unschedulable",
          { count: err.issues.length },
          `The plan cannot be scheduled: ${err.message}`,
          {
            fields: err.issues.map((i) => fieldError(i.field ?? i.path, i.code, i.params)),
          },
        );
      throw err;
    }
    const result = this.compose(engine, built, today);
    const planOf = new Map(tasks.map((t) => [t.id, t.planId]));
    await sched.save(workspaceId, JSON.stringify(result), today, at);
    const tz = (await sched.timeZone(workspaceId))!;
    const finished = new Set(
      tasks
        .filter(
          (t) => t.status === "done" && t.doneAt && localDate(new Date(t.doneAt), tz) === today,
        )
        .map((t) => t.id),
    );
    const horizon = addDays(today, MATERIALIZED_DAYS);
    await sched.replaceFrom(
      workspaceId,
      today,
      result.allocations
        .filter((a) => a.date <= horizon)
        .map((a) => ({ ...a, planId: planOf.get(a.task) ?? "" }))
        .filter((a) => a.planId),
      finished,
    );
    const events = await this.alert(trx, workspaceId, actor, previous, result, plans, tasks, at);
    events.push({
      workspaceId,
      event: { type: "schedule.changed", planIds: plans.map((p) => p.id) },
    });
    rememberReserved(workspaceId, packing);
    return { result, events, planOf, workspaceId, version: locked.version };
  }

  /** The stored engine result without duty tasks, with milestones dated from their predecessors. */
  private compose(
    engine: TeamResult,
    built: ReturnType<typeof buildTeamPlan>,
    today: string,
  ): StoredSchedule {
    const tasks = engine.tasks.filter((t) => !isDutyTask(t.id));
    // The engine's warnings (English for logs, `notices` as codes, in the same order) without
    // those about duty tasks, which the reader never sees as tasks.
    const kept = engine.warnings.map((w) => !w.includes("duty:"));
    const engineWarnings = engine.warnings.filter((_, i) => kept[i]);
    const engineNotices = (engine.notices ?? []).filter((_, i) => kept[i]);
    const finishOf = new Map(tasks.map((t) => [t.id, t.finish]));
    const dates = milestoneDates(built.milestones, (id) => finishOf.get(id), today);
    const milestoneResults: TeamTaskResult[] = built.milestones.map((m) => {
      const date = dates.get(m.id)!;
      const lateDays =
        m.deadline && date > m.deadline
          ? Math.round((Date.parse(date) - Date.parse(m.deadline)) / 86_400_000)
          : 0;
      return {
        id: m.id,
        assignee: null,
        start: date,
        finish: date,
        totalFloatDays: 0,
        critical: false,
        late: lateDays > 0,
        lateDays,
        summary: false,
      };
    });
    return {
      ...engine,
      tasks: [...tasks, ...milestoneResults],
      criticalPath: engine.criticalPath.filter((id) => !isDutyTask(id)),
      allocations: mergeAllocations(engine.allocations.filter((a) => !isDutyTask(a.task))),
      unscheduled: engine.unscheduled.filter((u) => !isDutyTask(u.task)),
      warnings: [...built.warnings, ...engineWarnings],
      notices: [...built.notices, ...engineNotices],
    };
  }

  private async alert(
    trx: Executor,
    workspaceId: string,
    actor: Actor | null,
    previous: TeamResult | null,
    next: TeamResult,
    plans: Plan[],
    tasks: SchedulingTask[],
    at: string,
  ) {
    const events: ReplanOutcome["events"] = [];
    if (!previous) return events;
    const prev = new Map(previous.tasks.map((t) => [t.id, t]));
    const byPlan = new Map<string, SchedulingTask[]>();
    for (const t of tasks) {
      const list = byPlan.get(t.planId);
      if (list) list.push(t);
      else byPlan.set(t.planId, [t]);
    }
    const nextById = new Map(next.tasks.map((t) => [t.id, t]));
    const sched = new ScheduleRepository(trx);
    const members = await sched.members(workspaceId);
    const leads = await sched.departmentLeads(workspaceId);
    const leadOf = (memberId: string | null) => {
      const dep = members.find((m) => m.id === memberId)?.departmentId;
      return leads.find((d) => d.id === dep)?.leadMemberId ?? null;
    };
    const messages = new Map<string, Message[]>();
    const plansOf = new Map<string, Set<string>>();
    let currentPlan = "";
    const tell = (memberId: string | null, message: Message) => {
      if (!memberId || memberId === actor?.memberId) return;
      messages.set(memberId, [...(messages.get(memberId) ?? []), message]);
      plansOf.set(memberId, new Set([...(plansOf.get(memberId) ?? []), currentPlan]));
    };
    for (const plan of plans) {
      currentPlan = plan.id;
      const own = byPlan.get(plan.id) ?? [];
      const finishOf = (m: Map<string, { finish: string }>) =>
        own
          .map((t) => m.get(t.id)?.finish)
          .filter((d): d is string => !!d)
          .sort()
          .pop();
      const before = finishOf(prev);
      const after = finishOf(nextById);
      if (before && after && after > before)
        tell(
          plan.ownerMemberId,
          msg("plans.slip.finish_moved", { plan: plan.name, from: before, to: after }),
        );
      for (const t of own) {
        const n = nextById.get(t.id);
        const p = prev.get(t.id);
        if (n?.late && (!p?.late || n.lateDays > p.lateDays)) {
          const slip = msg("plans.slip.task_late", {
            plan: plan.name,
            task: t.name,
            deadline: t.deadline,
            finish: n.finish,
            lateDays: n.lateDays,
          });
          tell(plan.ownerMemberId, slip);
          tell(leadOf(n.assignee), slip);
        }
      }
    }
    for (const [memberId, lines] of messages) {
      const written = await notify(
        trx,
        workspaceId,
        memberId,
        {
          kind: "schedule.slip",
          title:
            lines.length === 1 ? lines[0]! : msg("plans.slip.changes", { count: lines.length }),
          body: lines,
          link:
            plansOf.get(memberId)?.size === 1
              ? `/plans/${[...plansOf.get(memberId)!][0]}`
              : "/plans",
        },
        at,
      );
      for (const w of written)
        events.push({
          workspaceId,
          event: { type: "notification", memberId: w.memberId, id: w.id },
        });
    }
    return events;
  }

  /** After the re-plan's transaction committed: remember the result and tell open pages. */
  committed(outcome: ReplanOutcome): void {
    rememberSchedule(outcome.workspaceId, outcome.version, outcome.result);
    for (const e of outcome.events) this.deps.events?.publish(e.workspaceId, e.event);
  }

  /** The workspace schedule, re-planned first when the day has turned since it was computed. */
  async current(workspaceId: string): Promise<TeamResult> {
    const today = await this.today(this.deps.db, workspaceId);
    const repo = new ScheduleRepository(this.deps.db);
    const head = await repo.head(workspaceId);
    if (head && head.today === today) {
      const memo = recalled(workspaceId, head.version);
      if (memo) return memo;
      const text = await repo.resultText(workspaceId);
      if (text && text !== "null") {
        const result = JSON.parse(text) as TeamResult;
        rememberSchedule(workspaceId, head.version, result);
        return result;
      }
    }
    const outcome = await this.deps.db
      .transaction()
      .execute((trx) => this.replan(trx, workspaceId, null));
    this.committed(outcome);
    return outcome.result;
  }

  /**
   * Allocations between two dates, for some members or one plan: rows up to the materialised
   * horizon, the stored schedule beyond it.
   */
  async allocationsBetween(
    workspaceId: string,
    q: { from: string; to: string; memberIds?: string[]; planId?: string },
  ): Promise<AllocationRowOut[]> {
    const today = await this.today(this.deps.db, workspaceId);
    const horizon = addDays(today, MATERIALIZED_DAYS);
    const out: AllocationRowOut[] = [];
    if (q.from <= horizon)
      out.push(
        ...(await new ScheduleRepository(this.deps.db).allocationsBetween(workspaceId, {
          ...q,
          to: q.to < horizon ? q.to : horizon,
        })),
      );
    if (q.to > horizon) {
      const result = await this.current(workspaceId);
      const start = q.from > horizon ? q.from : addDays(horizon, 1);
      const members = q.memberIds ? new Set(q.memberIds) : null;
      const far = result.allocations.filter(
        (a) => a.date >= start && a.date <= q.to && (!members || members.has(a.member)),
      );
      const plans = await new PlanRepository(this.deps.db).planOfTasks(
        workspaceId,
        far.map((a) => a.task),
      );
      for (const a of far) {
        const planId = plans.get(a.task);
        if (planId && (!q.planId || planId === q.planId))
          out.push({ memberId: a.member, date: a.date, taskId: a.task, hours: a.hours, planId });
      }
    }
    return out;
  }

  /** The engine's view of one plan: its tasks, their allocations and its critical path. */
  async forPlan(workspaceId: string, planId: string): Promise<TeamResult> {
    const all = await this.current(workspaceId);
    const ids = new Set(await new PlanRepository(this.deps.db).taskIdsOf(workspaceId, planId));
    const tasks = all.tasks.filter((t) => ids.has(t.id));
    const finish =
      tasks
        .map((t) => t.finish)
        .sort()
        .pop() ?? (await this.today(this.deps.db, workspaceId));
    return {
      ...all,
      finish,
      tasks,
      criticalPath: all.criticalPath.filter((id) => ids.has(id)),
      allocations: all.allocations.filter((a) => ids.has(a.task)),
      unscheduled: all.unscheduled.filter((u) => ids.has(u.task)),
      warnings: all.warnings,
    };
  }

  /** forPlan as JSON text, serialised once per stored schedule version. */
  async forPlanJson(workspaceId: string, planId: string): Promise<string> {
    const result = await this.forPlan(workspaceId, planId);
    const memo = parsedSchedules.get(workspaceId);
    const current = memo && memo.result.stats === result.stats ? memo : undefined;
    const cached = current?.planJson.get(planId);
    if (cached) return cached;
    const text = JSON.stringify(result);
    current?.planJson.set(planId, text);
    return text;
  }

  async planFile(workspaceId: string): Promise<TeamPlan> {
    const today = await this.today(this.deps.db, workspaceId);
    await this.current(workspaceId);
    return (await this.buildPlan(this.deps.db, workspaceId, today)).built.plan;
  }

  /** Hours against capacity per member and day, for the workload heat map. */
  async workload(workspaceId: string, from: string, to: string, planId?: string) {
    assertSpan(from, to, LIMITS.workloadMaxDays);
    await this.current(workspaceId);
    const today = await this.today(this.deps.db, workspaceId);
    const { built } = await this.buildPlan(this.deps.db, workspaceId, today);
    const allocations = (await this.allocationsBetween(workspaceId, { from, to, planId })).map(
      (a) => ({ member: a.memberId, date: a.date, hours: a.hours }),
    );
    const cal = new WorkCalendar({
      workweek: built.plan.calendar.workweek,
      hoursPerDay: built.plan.calendar.hoursPerDay,
      holidays: built.plan.calendar.holidays,
      extraWorkdays: built.plan.calendar.extraWorkdays,
    });
    const days: string[] = [];
    for (let d = from; d <= to && days.length < LIMITS.workloadMaxDays; d = addDays(d, 1))
      days.push(d);
    const planned = new Map<string, number>();
    for (const a of allocations)
      planned.set(`${a.member}|${a.date}`, (planned.get(`${a.member}|${a.date}`) ?? 0) + a.hours);
    const dutyHours = new Map<string, number>();
    for (const p of built.plan.pinned)
      if (isDutyTask(p.task))
        dutyHours.set(
          `${p.member}|${p.date}`,
          (dutyHours.get(`${p.member}|${p.date}`) ?? 0) + p.hours,
        );
    return {
      from,
      to,
      days,
      members: built.plan.members.map((m) => {
        const mc = cal.forMember({
          workweek: m.workweek,
          hoursPerDay: m.hoursPerDay,
          daysOff: m.daysOff,
        });
        return {
          memberId: m.id,
          name: m.name,
          cells: days.map((date) => ({
            date,
            capacity: mc.capacityHours(date),
            duties: dutyHours.get(`${m.id}|${date}`) ?? 0,
            hours: Math.round((planned.get(`${m.id}|${date}`) ?? 0) * 100) / 100,
          })),
        };
      }),
    };
  }
}
