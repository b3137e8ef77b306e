// Today (日程): the engine's allocations for the day, recurring duties and the member's own items;
// checking work off, logging hours, reporting remaining effort and capturing unplanned work. Every
// change to plan work re-plans the workspace, so later days re-flow at once.
import type { Actor } from "../../core/actor.js";
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays, isoWeekday } from "../../core/calendar/date.js";
import { assertSpan } from "../../core/calendar/range.js";
import { can } from "../../core/can.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import type { DayItem } from "../../db/schema.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { PackingWorkService } from "../logistics/packing-work.service.js";
import { casesOnToday as casesOf } from "../aftersales/routing-load.js";
import { followupsOnToday } from "../aftersales/followups.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees, dailyActor, overseenMembers } from "./daily.access.js";
import { DutyRepository } from "./duty.repository.js";
import { presentDuty } from "./duty.service.js";
import { TodayRepository } from "./today.repository.js";

const round2 = (h: number) => Math.round(h * 100) / 100;
/** How far back hours may be logged, and how far back an allocation still makes a task yours. */
const LOG_BACK_DAYS = 14;
const MAX_HOURS_PER_DAY = 24;

const invalidAt = (field: string, code: MessageCode, params?: MessageParams) =>
  fail("invalid", code, params, { fields: [fieldError(field, code, params)] });
const notFound = (entity: "daily.today.entity.task" | "daily.today.entity.item") =>
  fail("not_found", "daily.today.not_found", { what: msg(entity) });

/** The workspace's working calendar: its week, hours, holidays and make-up workdays. */
export async function workspaceCalendar(db: Executor, workspaceId: string) {
  const { workweek, hoursPerDay, days } = await new TodayRepository(db).calendar(workspaceId);
  return new WorkCalendar({
    workweek: JSON.parse(workweek) as number[],
    hoursPerDay,
    holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
}

export class TodayService {
  private readonly schedule: ScheduleService;
  private readonly packing: PackingWorkService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
    this.packing = new PackingWorkService(deps);
  }

  async day(actor: Actor, q: { date?: string; memberId?: string }) {
    const db = this.deps.db;
    const member = await assertOversees(db, actor, q.memberId ?? actor.memberId);
    await this.schedule.current(actor.workspaceId);
    const date = q.date ?? (await this.schedule.today(db, actor.workspaceId));
    // A 物流 member's packing run (re-plans first when the packing moved since it was reserved).
    const packing = await this.packing.runOf(actor.workspaceId, member, date);
    const repo = new TodayRepository(db);
    const ws = actor.workspaceId;
    // Their open after-sales cases and due 好评回访 calls (today only: they are now-work). Reading a
    // day writes nothing: the calls were made when they came due, and the plan already leaves their
    // minutes free.
    const isToday = date === (await this.schedule.today(db, ws));
    const followups = isToday ? await followupsOnToday(this.deps, ws, member.id, date) : [];
    const [allocs, logs, items, inbox, duties, m, cal, result, leaves] = await Promise.all([
      this.plannedOn(db, ws, member.id, date),
      repo.logsOn(ws, member.id, date),
      repo.itemsOn(ws, member.id, date),
      repo.inbox(ws, member.id),
      new DutyRepository(db).list(ws, member.id),
      repo.memberHours(ws, member.id),
      workspaceCalendar(db, ws),
      this.schedule.current(ws),
      repo.leavesOn(ws, member.id, date),
    ]);
    const cases = isToday ? await casesOf(db, ws, member.id) : [];
    const mc = cal.forMember({
      workweek: m.workweek ? (JSON.parse(m.workweek) as number[]) : null,
      hoursPerDay: m.hoursPerDay,
      daysOff: leaves.length ? [date] : [],
    });
    const lateIds = new Set(result.tasks.filter((t) => t.late).map((t) => t.id));
    const logged = (pred: (l: (typeof logs)[number]) => boolean) =>
      round2(logs.filter(pred).reduce((s, l) => s + l.hours, 0));
    const presentItem = (i: DayItem) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      date: i.date,
      estimateHours: i.estimateHours,
      loggedHours: logged((l) => l.itemId === i.id),
      done: i.doneAt !== null,
      version: i.version,
    });
    // Work logged today on plan tasks that were not allocated today shows too (unplanned on plan work).
    const allocated = new Set(allocs.map((a) => a.taskId));
    const extraTaskIds = [
      ...new Set(logs.filter((l) => l.taskId && !allocated.has(l.taskId)).map((l) => l.taskId!)),
    ];
    const extra = await repo.tasksWithPlan(ws, extraTaskIds);
    const rows = [...allocs, ...extra.map(({ id, ...e }) => ({ ...e, taskId: id, hours: 0 }))];
    // Remaining work as the engine counts it: reported, else effort − everything logged so far.
    const loggedTotal = await repo.loggedTotals(
      ws,
      rows.map((r) => r.taskId),
    );
    const tasks = rows.map((a) => ({
      taskId: a.taskId,
      planId: a.planId,
      planName: a.planName,
      name: a.name,
      hours: a.hours,
      loggedHours: logged((l) => l.taskId === a.taskId),
      status: a.status,
      remainingHours:
        a.status === "done"
          ? 0
          : (a.remainingHours ??
            round2(Math.max(0, a.effortHours - (loggedTotal.get(a.taskId) ?? 0)))),
      deadline: a.deadline,
      late: lateIds.has(a.taskId),
      version: a.version,
    }));
    const wd = isoWeekday(date);
    return {
      date,
      memberId: member.id,
      memberName: member.name,
      workday: mc.isWorkday(date),
      capacityHours: mc.capacityHours(date),
      plannedHours: round2(allocs.reduce((s, a) => s + a.hours, 0)),
      loggedHours: logged(() => true),
      tasks,
      duties: duties.map(presentDuty).filter((d) => d.weekdays.includes(wd) && mc.isWorkday(date)),
      packing,
      cases,
      followups,
      items: items.map(presentItem),
      inbox: inbox.map(presentItem),
    };
  }

  /** A member's scheduled tasks on a date, with what Today shows of each, highest priority first. */
  private async plannedOn(db: Executor, workspaceId: string, memberId: string, date: string) {
    const rows = await this.schedule.allocationsBetween(workspaceId, {
      from: date,
      to: date,
      memberIds: [memberId],
    });
    if (rows.length === 0) return [];
    const tasks = await new TodayRepository(db).tasksWithPlan(
      workspaceId,
      rows.map((r) => r.taskId),
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return rows
      .filter((r) => byId.has(r.taskId))
      .map((r) => {
        const t = byId.get(r.taskId)!;
        return {
          taskId: r.taskId,
          hours: r.hours,
          planId: t.planId,
          planName: t.planName,
          name: t.name,
          status: t.status,
          remainingHours: t.remainingHours,
          effortHours: t.effortHours,
          deadline: t.deadline,
          version: t.version,
          priority: t.priority,
        };
      })
      .sort((a, b) => b.priority - a.priority);
  }

  /** Allocations over a date range for the members the actor oversees (a week view, the team calendar). */
  async range(
    actor: Actor,
    q: { from: string; to: string; memberId?: string; departmentId?: string },
  ) {
    assertSpan(q.from, q.to, LIMITS.teamRangeMaxDays);
    const db = this.deps.db;
    const members = q.memberId
      ? [await assertOversees(db, actor, q.memberId)]
      : await overseenMembers(db, actor, q.departmentId);
    await this.schedule.current(actor.workspaceId);
    const ids = members.map((m) => m.id);
    const allocations = await this.schedule.allocationsBetween(actor.workspaceId, {
      from: q.from,
      to: q.to,
      memberIds: ids,
    });
    const info = new Map(
      (
        await new TodayRepository(db).taskNames(actor.workspaceId, [
          ...new Set(allocations.map((a) => a.taskId)),
        ])
      ).map((t) => [t.id, t]),
    );
    const rows = allocations.map((a) => ({
      ...a,
      name: info.get(a.taskId)?.name ?? "",
      status: info.get(a.taskId)?.status ?? "todo",
    }));
    return {
      from: q.from,
      to: q.to,
      members: members.map((m) => ({ ...m, allocations: rows.filter((r) => r.memberId === m.id) })),
    };
  }

  /** Marks a task done, logging today's planned hours (or the hours given) if none are logged yet. */
  async checkOff(actor: Actor, taskId: string, input: { hours?: number; note?: string | null }) {
    return this.change(actor, async (trx, today) => {
      const task = await this.ownTask(trx, actor, taskId, today);
      const repo = new TodayRepository(trx);
      const at = nowIso(this.deps);
      const ws = actor.workspaceId;
      const loggedToday = await repo.hoursOn(ws, actor.memberId, today, taskId);
      const planned = await repo.plannedHours(ws, actor.memberId, taskId, today);
      const hours = input.hours ?? (loggedToday > 0 ? 0 : planned);
      if (hours > 0)
        await repo.insertLog({
          workspaceId: ws,
          id: newId(),
          memberId: actor.memberId,
          date: today,
          taskId,
          itemId: null,
          hours,
          note: input.note ?? null,
          createdAt: at,
        });
      await repo.finishTask(ws, taskId, task.version, at);
    });
  }

  async log(
    actor: Actor,
    input: { taskId?: string; itemId?: string; hours: number; date?: string; note?: string | null },
  ) {
    if (!input.taskId === !input.itemId) throw invalidAt("taskId", "daily.today.log_task_or_item");
    return this.change(actor, async (trx, today) => {
      const date = input.date ?? today;
      if (date > today) throw invalidAt("date", "daily.today.log_future");
      if (date < addDays(today, -LOG_BACK_DAYS))
        throw invalidAt("date", "daily.today.log_too_old", { days: LOG_BACK_DAYS });
      if (input.taskId) await this.ownTask(trx, actor, input.taskId, today);
      if (input.itemId) await this.ownItem(trx, actor, input.itemId);
      const repo = new TodayRepository(trx);
      const ws = actor.workspaceId;
      if ((await repo.hoursOn(ws, actor.memberId, date)) + input.hours > MAX_HOURS_PER_DAY)
        throw invalidAt("hours", "daily.today.day_too_long", { max: MAX_HOURS_PER_DAY });
      await repo.insertLog({
        workspaceId: ws,
        id: newId(),
        memberId: actor.memberId,
        date,
        taskId: input.taskId ?? null,
        itemId: input.itemId ?? null,
        hours: input.hours,
        note: input.note ?? null,
        createdAt: nowIso(this.deps),
      });
      if (input.taskId) await repo.startTask(ws, input.taskId);
    });
  }

  /** "This needs N more hours": the engine places exactly that after what is logged. */
  async remaining(actor: Actor, taskId: string, remainingHours: number) {
    return this.change(actor, async (trx, today) => {
      const task = await this.ownTask(trx, actor, taskId, today);
      await new TodayRepository(trx).setRemaining(
        actor.workspaceId,
        taskId,
        remainingHours,
        task.version,
        nowIso(this.deps),
      );
    });
  }

  async createItem(
    actor: Actor,
    input: {
      title: string;
      kind?: "inbox" | "unplanned";
      date?: string | null;
      estimateHours?: number | null;
      loggedHours?: number;
      done?: boolean;
    },
  ) {
    const today = await this.schedule.today(this.deps.db, actor.workspaceId);
    const at = nowIso(this.deps);
    const kind =
      input.kind ?? (input.date === undefined || input.date === null ? "inbox" : "unplanned");
    const item: DayItem = {
      workspaceId: actor.workspaceId,
      id: newId(),
      memberId: actor.memberId,
      date: kind === "unplanned" ? (input.date ?? today) : (input.date ?? null),
      title: input.title.trim(),
      kind,
      estimateHours: input.estimateHours ?? null,
      doneAt: input.done ? at : null,
      createdAt: at,
      version: 1,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new TodayRepository(trx);
      await repo.insertItem(item);
      if (input.loggedHours)
        await repo.insertLog({
          workspaceId: actor.workspaceId,
          id: newId(),
          memberId: actor.memberId,
          date: item.date ?? today,
          taskId: null,
          itemId: item.id,
          hours: input.loggedHours,
          note: null,
          createdAt: at,
        });
    });
    this.deps.events?.publish(actor.workspaceId, { type: "day.changed", memberId: actor.memberId });
    return this.day(actor, { date: item.date ?? today });
  }

  async updateItem(
    actor: Actor,
    id: string,
    input: {
      version: number;
      title?: string;
      date?: string | null;
      estimateHours?: number | null;
      done?: boolean;
    },
  ) {
    const item = await this.ownItem(this.deps.db, actor, id);
    const at = nowIso(this.deps);
    const updated = await new TodayRepository(this.deps.db).updateItem(
      actor.workspaceId,
      id,
      input.version,
      {
        ...(input.title !== undefined && { title: input.title.trim() }),
        ...(input.date !== undefined && { date: input.date }),
        ...(input.estimateHours !== undefined && { estimateHours: input.estimateHours }),
        ...(input.done !== undefined && { doneAt: input.done ? at : null }),
      },
    );
    if (!updated)
      throw fail(
        "conflict",
        "daily.today.item_stale",
        { currentVersion: item.version },
        { extra: { currentVersion: item.version } },
      );
    return this.day(actor, { date: input.date ?? item.date ?? undefined });
  }

  async deleteItem(actor: Actor, id: string): Promise<void> {
    await this.ownItem(this.deps.db, actor, id);
    await new TodayRepository(this.deps.db).deleteItem(actor.workspaceId, id);
  }

  private async change(actor: Actor, apply: (trx: Executor, today: string) => Promise<void>) {
    const { outcome, today } = await this.deps.db.transaction().execute(async (trx) => {
      const today = await this.schedule.today(trx, actor.workspaceId);
      await apply(trx, today);
      return { outcome: await this.schedule.replan(trx, actor.workspaceId, actor), today };
    });
    this.schedule.committed(outcome);
    return this.day(actor, { date: today });
  }

  /**
   * A task the actor may report on: assigned to them, allocated to them in the last two weeks, or
   * worked on by them. Nobody reports on someone else's work for them, not even the owner.
   */
  private async ownTask(db: Executor, actor: Actor, taskId: string, today: string) {
    const repo = new TodayRepository(db);
    const ws = actor.workspaceId;
    const task = await repo.task(ws, taskId);
    if (!task) throw notFound("daily.today.entity.task");
    const mine =
      task.assigneeMemberId === actor.memberId ||
      (await repo.scheduledSince(ws, actor.memberId, taskId, addDays(today, -LOG_BACK_DAYS))) ||
      (await repo.hasLogged(ws, actor.memberId, taskId));
    const who = await dailyActor(db, actor);
    if (
      !can(who, "daily.task.report", {
        memberId: mine ? actor.memberId : (task.assigneeMemberId ?? undefined),
      })
    )
      throw fail("forbidden", "daily.today.task_not_scheduled");
    return task;
  }

  /** One of the actor's own items; anyone else's is not found. */
  private async ownItem(db: Executor, actor: Actor, id: string) {
    const item = await new TodayRepository(db).item(actor.workspaceId, id);
    const who = await dailyActor(db, actor);
    if (!item || !can(who, "daily.item.manage", { memberId: item.memberId }))
      throw notFound("daily.today.entity.item");
    return item;
  }
}
