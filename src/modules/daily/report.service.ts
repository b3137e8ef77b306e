// The daily report (日报): drafted from the day's schedule, logs and items; the member adds
// blockers, help needed, a note and reasons for unfinished work, then submits. Only the member
// writes their own report, and only for today; the lead comments, acknowledges and nudges.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { conflict, forbidden, invalid, notFound } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { effectiveFunction } from "../../core/org/rights.js";
import { localDate } from "../../core/plans/local-date.js";
import { draftReport, type ReportDraft } from "../../core/plans/report-draft.js";
import type { Executor } from "../../db/database.js";
import { KpiService } from "../orders/kpi.service.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees, overseenMembers } from "./daily.access.js";
import { workspaceCalendar } from "./today.service.js";

export class ReportService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  /** The report of a member on a date: the stored one, or a fresh draft from the data. */
  async get(actor: Actor, memberId: string, date: string) {
    const db = this.deps.db;
    const member = await assertOversees(db, actor, memberId);
    const stored = await db
      .selectFrom("dailyReports")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date)
      .executeTakeFirst();
    const reasons = stored
      ? (JSON.parse(stored.content) as ReportDraft).notDone.reduce<Record<string, string>>(
          (r, n) => ({ ...r, [n.taskId]: n.reason }),
          {},
        )
      : {};
    const draft =
      stored?.status === "submitted"
        ? (JSON.parse(stored.content) as ReportDraft)
        : await this.draft(db, actor.workspaceId, memberId, date, reasons);
    const comments = stored
      ? await db
          .selectFrom("reportComments as c")
          .innerJoin("members as m", (j) =>
            j.onRef("m.workspaceId", "=", "c.workspaceId").onRef("m.id", "=", "c.authorMemberId"),
          )
          .select(["c.id", "c.authorMemberId", "m.name as authorName", "c.body", "c.createdAt"])
          .where("c.workspaceId", "=", actor.workspaceId)
          .where("c.reportId", "=", stored.id)
          .orderBy("c.id")
          .execute()
      : [];
    return {
      id: stored?.id ?? null,
      memberId,
      memberName: member.name,
      date,
      status: stored?.status ?? ("none" as const),
      draft,
      blockers: stored?.blockers ?? null,
      helpNeeded: stored?.helpNeeded ?? null,
      note: stored?.note ?? null,
      submittedAt: stored?.submittedAt ?? null,
      acknowledgedBy: stored?.acknowledgedBy ?? null,
      version: stored?.version ?? 0,
      comments,
    };
  }

  /** Saves the member's own report for today; `submit` sends it to the lead. */
  async save(
    actor: Actor,
    memberId: string,
    date: string,
    input: {
      version?: number;
      blockers?: string | null;
      helpNeeded?: string | null;
      note?: string | null;
      reasons?: Record<string, string>;
      submit?: boolean;
    },
  ) {
    if (memberId !== actor.memberId)
      throw forbidden("Only the member writes their own daily report");
    const today = await this.schedule.today(this.deps.db, actor.workspaceId);
    if (date !== today)
      throw invalid("A daily report is written for today only", [
        { field: "date", message: `Reports are for today (${today})` },
      ]);
    await this.deps.db.transaction().execute(async (trx) => {
      const stored = await trx
        .selectFrom("dailyReports")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", memberId)
        .where("date", "=", date)
        .executeTakeFirst();
      if (stored && input.version !== undefined && input.version !== stored.version)
        throw conflict(`The report was changed elsewhere (version ${stored.version}); reload`, {
          currentVersion: stored.version,
        });
      if (stored?.status === "submitted" && !input.submit)
        throw conflict("The report is already submitted");
      const draft = await this.draft(trx, actor.workspaceId, memberId, date, input.reasons ?? {});
      const missing = input.submit ? draft.notDone.filter((n) => !n.reason.trim()) : [];
      if (missing.length)
        throw invalid(
          "Say why each unfinished task was not done",
          missing.map((n) => ({
            field: `reasons.${n.taskId}`,
            message: `Why is "${n.title}" not done?`,
          })),
        );
      const at = nowIso(this.deps);
      const row = {
        content: JSON.stringify(draft),
        blockers: input.blockers ?? stored?.blockers ?? null,
        helpNeeded: input.helpNeeded ?? stored?.helpNeeded ?? null,
        note: input.note ?? stored?.note ?? null,
        status: input.submit ? ("submitted" as const) : ("draft" as const),
        submittedAt: input.submit ? at : null,
        updatedAt: at,
      };
      if (stored) {
        await trx
          .updateTable("dailyReports")
          .set({ ...row, version: stored.version + 1 })
          .where("workspaceId", "=", actor.workspaceId)
          .where("id", "=", stored.id)
          .execute();
      } else {
        await trx
          .insertInto("dailyReports")
          .values({
            workspaceId: actor.workspaceId,
            id: newId(),
            memberId,
            date,
            ...row,
            acknowledgedBy: null,
            version: 1,
            createdAt: at,
          })
          .execute();
      }
    });
    if (input.submit)
      this.deps.events?.publish(actor.workspaceId, {
        type: "report.submitted",
        memberId: undefined,
        reportMemberId: memberId,
        date,
      });
    return this.get(actor, memberId, date);
  }

  async comment(actor: Actor, memberId: string, date: string, body: string) {
    const report = await this.reportForReviewer(actor, memberId, date);
    const at = nowIso(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("reportComments")
        .values({
          workspaceId: actor.workspaceId,
          id: newId(),
          reportId: report.id,
          authorMemberId: actor.memberId,
          body: body.trim(),
          createdAt: at,
        })
        .execute();
      if (memberId !== actor.memberId)
        await this.notify(
          trx,
          actor.workspaceId,
          memberId,
          "report.comment",
          `日报有新点评 · New comment on your ${date} report`,
          body.trim(),
          `/reports/${memberId}/${date}`,
          at,
        );
    });
    this.deps.events?.publish(actor.workspaceId, { type: "notification", memberId });
    return this.get(actor, memberId, date);
  }

  async acknowledge(actor: Actor, memberId: string, date: string) {
    const report = await this.reportForReviewer(actor, memberId, date);
    if (memberId === actor.memberId) throw forbidden("A report is acknowledged by its reviewer");
    await this.deps.db
      .updateTable("dailyReports")
      .set({ acknowledgedBy: actor.memberId, version: report.version + 1 })
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", report.id)
      .execute();
    return this.get(actor, memberId, date);
  }

  /** Who has and has not submitted on a date, for the members the actor oversees. */
  async status(actor: Actor, q: { date?: string; departmentId?: string }) {
    const date = q.date ?? (await this.schedule.today(this.deps.db, actor.workspaceId));
    const members = await overseenMembers(this.deps.db, actor, q.departmentId);
    const reports = members.length
      ? await this.deps.db
          .selectFrom("dailyReports")
          .select(["memberId", "status", "submittedAt", "acknowledgedBy"])
          .where("workspaceId", "=", actor.workspaceId)
          .where("date", "=", date)
          .where(
            "memberId",
            "in",
            members.map((m) => m.id),
          )
          .execute()
      : [];
    const items = members.map((m) => {
      const r = reports.find((x) => x.memberId === m.id);
      return {
        memberId: m.id,
        name: m.name,
        departmentId: m.departmentId,
        status: r?.status ?? "none",
        submittedAt: r?.submittedAt ?? null,
        acknowledged: !!r?.acknowledgedBy,
      };
    });
    return {
      date,
      submitted: items.filter((i) => i.status === "submitted").length,
      total: items.length,
      items,
    };
  }

  async history(actor: Actor, memberId: string, from: string, to: string) {
    assertSpan(from, to, LIMITS.reportHistoryMaxDays);
    await assertOversees(this.deps.db, actor, memberId);
    const rows = await this.deps.db
      .selectFrom("dailyReports")
      .select(["id", "date", "status", "submittedAt", "acknowledgedBy", "blockers", "helpNeeded"])
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", memberId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date", "desc")
      .execute();
    return { items: rows, nextCursor: null };
  }

  async nudge(actor: Actor, memberId: string) {
    const member = await assertOversees(this.deps.db, actor, memberId);
    if (memberId === actor.memberId) throw forbidden("Nudge someone else");
    const date = await this.schedule.today(this.deps.db, actor.workspaceId);
    await this.notify(
      this.deps.db,
      actor.workspaceId,
      memberId,
      "report.nudge",
      `请提交今天（${date}）的日报 · Please submit today's report`,
      `${member.name}`,
      `/reports/${memberId}/${date}`,
      nowIso(this.deps),
    );
    this.deps.events?.publish(actor.workspaceId, { type: "notification", memberId });
  }

  private async reportForReviewer(actor: Actor, memberId: string, date: string) {
    await assertOversees(this.deps.db, actor, memberId);
    const report = await this.deps.db
      .selectFrom("dailyReports")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date)
      .executeTakeFirst();
    if (!report) throw notFound("Report");
    return report;
  }

  private async notify(
    db: Executor,
    workspaceId: string,
    memberId: string,
    kind: string,
    title: string,
    body: string,
    link: string,
    at: string,
  ) {
    await db
      .insertInto("notifications")
      .values({
        workspaceId,
        id: newId(),
        memberId,
        kind,
        title,
        body,
        link,
        readAt: null,
        createdAt: at,
      })
      .execute();
  }

  /**
   * The role's numbers of the day (业绩日报), where the data exists: the shop's sales for the
   * owner and for operations — a department whose function (own or its parent's, core/org/rights.ts;
   * never its name) is operations — whose work the shop's numbers judge.
   */
  private async roleNumbers(
    db: Executor,
    workspaceId: string,
    memberId: string,
    date: string,
  ): Promise<ReportDraft["metrics"]> {
    const m = await db
      .selectFrom("members")
      .select(["role", "departmentId"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    const judgedBySales =
      m?.role === "owner" ||
      (!!m?.departmentId &&
        effectiveFunction(await new DepartmentRepository(db).list(workspaceId), m.departmentId) ===
          "operations");
    if (!judgedBySales) return [];
    const shops = await db
      .selectFrom("shops")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .execute();
    if (shops.length === 0) return [];
    try {
      const k = await new KpiService(this.deps).compute(workspaceId, { from: date, to: date }, db);
      const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(2)}%`);
      return [
        { key: "gmv", label: "GMV", value: `${k.totals.gmv} ${k.currency}` },
        { key: "paidOrders", label: "支付订单 · paid orders", value: String(k.totals.paidOrders) },
        { key: "aov", label: "客单价 · AOV", value: `${k.totals.aov} ${k.currency}` },
        { key: "conversion", label: "支付转化率 · conversion", value: pct(k.totals.conversion) },
        { key: "refundRate", label: "退款率 · refund rate", value: pct(k.totals.refundRate) },
      ];
    } catch {
      // Shops in several currencies have no single total; the report goes without numbers.
      return [];
    }
  }

  private async draft(
    db: Executor,
    workspaceId: string,
    memberId: string,
    date: string,
    reasons: Record<string, string>,
  ): Promise<ReportDraft> {
    const cal = await workspaceCalendar(db, workspaceId);
    const tomorrow = cal.nextWorkday(date);
    const taskRows = (d: string) =>
      db
        .selectFrom("allocations as a")
        .innerJoin("planTasks as t", (j) =>
          j.onRef("t.workspaceId", "=", "a.workspaceId").onRef("t.id", "=", "a.taskId"),
        )
        .innerJoin("plans as p", (j) =>
          j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
        )
        .select(["a.taskId", "a.hours", "t.name as title", "p.name as planName"])
        .where("a.workspaceId", "=", workspaceId)
        .where("a.memberId", "=", memberId)
        .where("a.date", "=", d)
        .execute();
    const [planned, next, logs, itemsDone] = await Promise.all([
      taskRows(date),
      taskRows(tomorrow),
      db
        .selectFrom("workLogs as l")
        .leftJoin("planTasks as t", (j) =>
          j.onRef("t.workspaceId", "=", "l.workspaceId").onRef("t.id", "=", "l.taskId"),
        )
        .leftJoin("dayItems as i", (j) =>
          j.onRef("i.workspaceId", "=", "l.workspaceId").onRef("i.id", "=", "l.itemId"),
        )
        .select(["l.taskId", "l.itemId", "l.hours", "t.name as taskName", "i.title as itemTitle"])
        .where("l.workspaceId", "=", workspaceId)
        .where("l.memberId", "=", memberId)
        .where("l.date", "=", date)
        .execute(),
      db
        .selectFrom("dayItems")
        .select(["id", "title", "doneAt"])
        .where("workspaceId", "=", workspaceId)
        .where("memberId", "=", memberId)
        .where("doneAt", "is not", null)
        .execute(),
    ]);
    const taskIds = [
      ...new Set([
        ...planned.map((p) => p.taskId),
        ...logs.filter((l) => l.taskId).map((l) => l.taskId!),
      ]),
    ];
    const tasks = taskIds.length
      ? await db
          .selectFrom("planTasks as t")
          .innerJoin("plans as p", (j) =>
            j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
          )
          .select([
            "t.id",
            "t.name",
            "t.status",
            "t.doneAt",
            "t.remainingHours",
            "t.effortHours",
            "p.name as planName",
          ])
          .where("t.workspaceId", "=", workspaceId)
          .where("t.id", "in", taskIds)
          .execute()
      : [];
    const w = await db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return draftReport({
      date,
      planned: planned.map((p) => ({
        taskId: p.taskId,
        title: p.title,
        planName: p.planName,
        hours: p.hours,
      })),
      logged: logs.map((l) => ({
        taskId: l.taskId,
        itemId: l.itemId,
        title: l.taskName ?? l.itemTitle ?? "",
        hours: l.hours,
      })),
      tasks: tasks.map((t) => ({
        taskId: t.id,
        title: t.name,
        planName: t.planName,
        done: t.status === "done",
        doneToday: !!t.doneAt && localDate(new Date(t.doneAt), w.timeZone) === date,
        remainingHours: t.remainingHours ?? t.effortHours,
      })),
      itemsDone: itemsDone
        .filter((i) => i.doneAt && localDate(new Date(i.doneAt), w.timeZone) === date)
        .map((i) => ({ itemId: i.id, title: i.title })),
      tomorrowDate: tomorrow,
      tomorrow: next.map((p) => ({
        taskId: p.taskId,
        title: p.title,
        planName: p.planName,
        hours: p.hours,
      })),
      reasons,
      metrics: await this.roleNumbers(db, workspaceId, memberId, date),
    });
  }
}
