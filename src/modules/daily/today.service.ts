// Today (日程): the engine's allocations for the day, recurring duties and the member's own items;
// checking work off, logging hours, reporting remaining effort and capturing unplanned work. Every
// change to plan work re-plans the workspace, so later days re-flow at once.
import type { Actor } from "../../core/actor.js";
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays, isoWeekday } from "../../core/calendar/date.js";
import { assertSpan } from "../../core/calendar/range.js";
import { forbidden, invalidField, notFound, staleVersion } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import type { Executor } from "../../db/database.js";
import type { DayItem } from "../../db/schema.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees, overseenMembers } from "./daily.access.js";

const round2 = (h: number) => Math.round(h * 100) / 100;

export async function workspaceCalendar(db: Executor, workspaceId: string) {
  const w = await db
    .selectFrom("workspaces")
    .select(["workweek", "hoursPerDay"])
    .where("id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  const days = await db
    .selectFrom("calendarDays")
    .select(["date", "kind"])
    .where("workspaceId", "=", workspaceId)
    .execute();
  return new WorkCalendar({
    workweek: JSON.parse(w.workweek) as number[],
    hoursPerDay: w.hoursPerDay,
    holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
}

export class TodayService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async day(actor: Actor, q: { date?: string; memberId?: string }) {
    const db = this.deps.db;
    const member = await assertOversees(db, actor, q.memberId ?? actor.memberId);
    await this.schedule.current(actor.workspaceId);
    const date = q.date ?? (await this.schedule.today(db, actor.workspaceId));
    const [allocs, logs, items, inbox, duties, m, cal, result] = await Promise.all([
      this.plannedOn(db, actor.workspaceId, member.id, date),
      db
        .selectFrom("workLogs")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", member.id)
        .where("date", "=", date)
        .execute(),
      db
        .selectFrom("dayItems")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", member.id)
        .where("date", "=", date)
        .orderBy("id")
        .execute(),
      db
        .selectFrom("dayItems")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", member.id)
        .where("date", "is", null)
        .where("doneAt", "is", null)
        .orderBy("id")
        .execute(),
      db
        .selectFrom("duties")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", member.id)
        .execute(),
      db
        .selectFrom("members")
        .select(["hoursPerDay", "workweek"])
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", member.id)
        .executeTakeFirstOrThrow(),
      workspaceCalendar(db, actor.workspaceId),
      this.schedule.current(actor.workspaceId),
    ]);
    const leaves = await db
      .selectFrom("leaves")
      .select(["startDate", "endDate"])
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", member.id)
      .where("startDate", "<=", date)
      .where("endDate", ">=", date)
      .execute();
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
    const extra = extraTaskIds.length
      ? await db
          .selectFrom("planTasks as t")
          .innerJoin("plans as p", (j) =>
            j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
          )
          .select([
            "t.id as taskId",
            "t.planId",
            "p.name as planName",
            "t.name",
            "t.status",
            "t.remainingHours",
            "t.effortHours",
            "t.deadline",
            "t.version",
          ])
          .where("t.workspaceId", "=", actor.workspaceId)
          .where("t.id", "in", extraTaskIds)
          .execute()
      : [];
    const rows = [...allocs, ...extra.map((e) => ({ ...e, hours: 0 }))];
    // Remaining work as the engine counts it: reported, else effort − everything logged so far.
    const totals = rows.length
      ? await db
          .selectFrom("workLogs")
          .select(["taskId", (eb) => eb.fn.sum<number>("hours").as("hours")])
          .where("workspaceId", "=", actor.workspaceId)
          .where(
            "taskId",
            "in",
            rows.map((r) => r.taskId),
          )
          .groupBy("taskId")
          .execute()
      : [];
    const loggedTotal = new Map(totals.map((t) => [t.taskId, Number(t.hours)]));
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
      duties: duties
        .filter((d) => (JSON.parse(d.weekdays) as number[]).includes(wd) && mc.isWorkday(date))
        .map((d) => ({
          id: d.id,
          memberId: d.memberId,
          title: d.title,
          weekdays: JSON.parse(d.weekdays) as number[],
          startTime: d.startTime,
          endTime: d.endTime,
        })),
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
    const tasks = await db
      .selectFrom("planTasks as t")
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
      )
      .select([
        "t.id",
        "t.planId",
        "p.name as planName",
        "t.name",
        "t.status",
        "t.remainingHours",
        "t.effortHours",
        "t.deadline",
        "t.version",
        "t.priority",
      ])
      .where("t.workspaceId", "=", workspaceId)
      .where(
        "t.id",
        "in",
        rows.map((r) => r.taskId),
      )
      .execute();
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
      (allocations.length
        ? await db
            .selectFrom("planTasks")
            .select(["id", "name", "status"])
            .where("workspaceId", "=", actor.workspaceId)
            .where("id", "in", [...new Set(allocations.map((a) => a.taskId))])
            .execute()
        : []
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
      const at = nowIso(this.deps);
      const loggedToday = (
        await trx
          .selectFrom("workLogs")
          .select("hours")
          .where("workspaceId", "=", actor.workspaceId)
          .where("memberId", "=", actor.memberId)
          .where("taskId", "=", taskId)
          .where("date", "=", today)
          .execute()
      ).reduce((s, l) => s + l.hours, 0);
      const planned = (
        await trx
          .selectFrom("allocations")
          .select("hours")
          .where("workspaceId", "=", actor.workspaceId)
          .where("memberId", "=", actor.memberId)
          .where("taskId", "=", taskId)
          .where("date", "=", today)
          .execute()
      ).reduce((s, a) => s + a.hours, 0);
      const hours = input.hours ?? (loggedToday > 0 ? 0 : planned);
      if (hours > 0)
        await trx
          .insertInto("workLogs")
          .values({
            workspaceId: actor.workspaceId,
            id: newId(),
            memberId: actor.memberId,
            date: today,
            taskId,
            itemId: null,
            hours,
            note: input.note ?? null,
            createdAt: at,
          })
          .execute();
      await trx
        .updateTable("planTasks")
        .set({
          status: "done",
          doneAt: at,
          remainingHours: 0,
          version: task.version + 1,
          updatedAt: at,
        })
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", taskId)
        .execute();
    });
  }

  async log(
    actor: Actor,
    input: { taskId?: string; itemId?: string; hours: number; date?: string; note?: string | null },
  ) {
    if (!input.taskId === !input.itemId)
      throw invalidField("taskId", "Log hours against either a task or an item");
    return this.change(actor, async (trx, today) => {
      const date = input.date ?? today;
      if (date > today)
        throw invalidField("date", "Hours cannot be logged for a day that has not come");
      if (date < addDays(today, -14))
        throw invalidField("date", "Hours can be logged for the last 14 days only");
      if (input.taskId) await this.ownTask(trx, actor, input.taskId, today);
      if (input.itemId) await this.ownItem(trx, actor, input.itemId);
      const day = await trx
        .selectFrom("workLogs")
        .select("hours")
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", actor.memberId)
        .where("date", "=", date)
        .execute();
      if (day.reduce((s, l) => s + l.hours, 0) + input.hours > 24)
        throw invalidField("hours", "More than 24 hours in one day");
      await trx
        .insertInto("workLogs")
        .values({
          workspaceId: actor.workspaceId,
          id: newId(),
          memberId: actor.memberId,
          date,
          taskId: input.taskId ?? null,
          itemId: input.itemId ?? null,
          hours: input.hours,
          note: input.note ?? null,
          createdAt: nowIso(this.deps),
        })
        .execute();
      if (input.taskId) {
        await trx
          .updateTable("planTasks")
          .set({ status: "in_progress" })
          .where("workspaceId", "=", actor.workspaceId)
          .where("id", "=", input.taskId)
          .where("status", "=", "todo")
          .execute();
      }
    });
  }

  /** "This needs N more hours": the engine places exactly that after what is logged. */
  async remaining(actor: Actor, taskId: string, remainingHours: number) {
    return this.change(actor, async (trx, today) => {
      const task = await this.ownTask(trx, actor, taskId, today);
      const at = nowIso(this.deps);
      await trx
        .updateTable("planTasks")
        .set({
          remainingHours,
          status: remainingHours === 0 ? "done" : "in_progress",
          doneAt: remainingHours === 0 ? at : null,
          version: task.version + 1,
          updatedAt: at,
        })
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", taskId)
        .execute();
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
      await trx.insertInto("dayItems").values(item).execute();
      if (input.loggedHours) {
        await trx
          .insertInto("workLogs")
          .values({
            workspaceId: actor.workspaceId,
            id: newId(),
            memberId: actor.memberId,
            date: item.date ?? today,
            taskId: null,
            itemId: item.id,
            hours: input.loggedHours,
            note: null,
            createdAt: at,
          })
          .execute();
      }
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
    const r = await this.deps.db
      .updateTable("dayItems")
      .set({
        ...(input.title !== undefined && { title: input.title.trim() }),
        ...(input.date !== undefined && { date: input.date }),
        ...(input.estimateHours !== undefined && { estimateHours: input.estimateHours }),
        ...(input.done !== undefined && { doneAt: input.done ? at : null }),
        version: item.version + 1,
      })
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw staleVersion("Item", item.version);
    return this.day(actor, { date: input.date ?? item.date ?? undefined });
  }

  async deleteItem(actor: Actor, id: string): Promise<void> {
    await this.ownItem(this.deps.db, actor, id);
    await this.deps.db
      .deleteFrom("workLogs")
      .where("workspaceId", "=", actor.workspaceId)
      .where("itemId", "=", id)
      .execute();
    await this.deps.db
      .deleteFrom("dayItems")
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .execute();
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

  /** A task the actor may report on: allocated to them, assigned to them, or worked on by them. */
  private async ownTask(db: Executor, actor: Actor, taskId: string, today: string) {
    const task = await db
      .selectFrom("planTasks")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", taskId)
      .executeTakeFirst();
    if (!task) throw notFound("Task");
    if (task.assigneeMemberId === actor.memberId) return task;
    const mine = await db
      .selectFrom("allocations")
      .select("taskId")
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .where("taskId", "=", taskId)
      .where("date", ">=", addDays(today, -14))
      .executeTakeFirst();
    const logged = await db
      .selectFrom("workLogs")
      .select("id")
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .where("taskId", "=", taskId)
      .executeTakeFirst();
    if (!mine && !logged) throw forbidden("This task is not in your schedule");
    return task;
  }

  private async ownItem(db: Executor, actor: Actor, id: string) {
    const item = await db
      .selectFrom("dayItems")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!item || item.memberId !== actor.memberId) throw notFound("Item");
    return item;
  }
}
