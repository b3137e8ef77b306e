// The daily report (日报): drafted from the day's schedule, logs and items; the member adds
// blockers, help needed, a note and reasons for unfinished work, then submits. Only the member
// writes their own report, and only for today; the lead comments, acknowledges and nudges.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { can } from "../../core/can.js";
import type { DailyAction } from "../../core/daily/policy.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type Locale } from "../../core/messages/index.js";
import { effectiveFunction } from "../../core/org/rights.js";
import { localDate } from "../../core/plans/local-date.js";
import {
  draftReport,
  type ReportDraft,
  type ReportProgress,
} from "../../core/plans/report-draft.js";
import type { Executor } from "../../db/database.js";
import { KpiService } from "../orders/kpi.service.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { ProgressService } from "../progress/progress.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees, dailyActor, overseenMembers } from "./daily.access.js";
import { notify } from "./notifications.js";
import { metricLabel, presentDraft } from "./report.presenter.js";
import { ReportRepository } from "./report.repository.js";
import { workspaceCalendar } from "./today.service.js";

export class ReportService {
  private readonly schedule: ScheduleService;
  private readonly progress: ProgressService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
    this.progress = new ProgressService(deps);
  }

  /**
   * The report of a member on a date: the stored one, or a fresh draft from the data. The machine's
   * lines (the role numbers' labels) come as messages with their text in `locale`.
   */
  async get(actor: Actor, memberId: string, date: string, locale: Locale = "zh-CN") {
    const db = this.deps.db;
    const member = await assertOversees(db, actor, memberId, "daily.report.read");
    const repo = new ReportRepository(db);
    const stored = await repo.find(actor.workspaceId, memberId, date);
    const reasons = stored
      ? (JSON.parse(stored.content) as ReportDraft).notDone.reduce<Record<string, string>>(
          (r, n) => ({ ...r, [n.taskId]: n.reason }),
          {},
        )
      : {};
    const draft =
      stored?.status === "submitted"
        ? (JSON.parse(stored.content) as ReportDraft)
        : await this.draft(
            db,
            actor.workspaceId,
            memberId,
            date,
            reasons,
            await this.progress.reportLines(actor.workspaceId, memberId),
          );
    const comments = stored ? await repo.comments(actor.workspaceId, stored.id) : [];
    return {
      id: stored?.id ?? null,
      memberId,
      memberName: member.name,
      date,
      status: stored?.status ?? ("none" as const),
      draft: presentDraft(draft, locale),
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
    locale?: Locale,
  ) {
    if (!can(await dailyActor(this.deps.db, actor), "daily.report.write", { memberId }))
      throw fail("forbidden", "daily.report.own_only");
    const today = await this.schedule.today(this.deps.db, actor.workspaceId);
    if (date !== today)
      throw fail(
        "invalid",
        "daily.report.today_only",
        { today },
        { fields: [fieldError("date", "daily.report.today_only", { today })] },
      );
    // A lead's plan lines read the engine's schedule through the root handle: before the transaction.
    const progress = await this.progress.reportLines(actor.workspaceId, memberId);
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new ReportRepository(trx);
      const stored = await repo.find(actor.workspaceId, memberId, date);
      if (stored && input.version !== undefined && input.version !== stored.version)
        throw fail(
          "conflict",
          "daily.report.stale",
          { currentVersion: stored.version },
          { extra: { currentVersion: stored.version } },
        );
      if (stored?.status === "submitted" && !input.submit)
        throw fail("conflict", "daily.report.already_submitted");
      const draft = await this.draft(
        trx,
        actor.workspaceId,
        memberId,
        date,
        input.reasons ?? {},
        progress,
      );
      const missing = input.submit ? draft.notDone.filter((n) => !n.reason.trim()) : [];
      if (missing.length)
        throw fail("invalid", "daily.report.reasons_required", undefined, {
          fields: missing.map((n) =>
            fieldError(`reasons.${n.taskId}`, "daily.report.reason_required", { task: n.title }),
          ),
        });
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
        await repo.update(actor.workspaceId, stored.id, { ...row, version: stored.version + 1 });
      } else {
        await repo.insert(actor.workspaceId, {
          id: newId(),
          memberId,
          date,
          ...row,
          acknowledgedBy: null,
          version: 1,
          createdAt: at,
        });
      }
    });
    if (input.submit)
      this.deps.events?.publish(actor.workspaceId, {
        type: "report.submitted",
        memberId: undefined,
        reportMemberId: memberId,
        date,
      });
    return this.get(actor, memberId, date, locale);
  }

  async comment(actor: Actor, memberId: string, date: string, body: string, locale?: Locale) {
    const report = await this.reportForReviewer(actor, memberId, date, "daily.report.comment");
    const at = nowIso(this.deps);
    const text = body.trim();
    await this.deps.db.transaction().execute(async (trx) => {
      await new ReportRepository(trx).addComment(actor.workspaceId, {
        id: newId(),
        reportId: report.id,
        authorMemberId: actor.memberId,
        body: text,
        createdAt: at,
      });
      if (memberId !== actor.memberId)
        await notify(
          trx,
          actor.workspaceId,
          memberId,
          {
            kind: "report.comment",
            title: msg("notification.report.comment", { date }),
            body: msg("notification.text", { text }),
            link: `/reports/${memberId}/${date}`,
          },
          at,
        );
    });
    this.deps.events?.publish(actor.workspaceId, { type: "notification", memberId });
    return this.get(actor, memberId, date, locale);
  }

  async acknowledge(actor: Actor, memberId: string, date: string, locale?: Locale) {
    // Never one's own (the table says so too); the reason is said before the general refusal.
    const own = memberId === actor.memberId;
    const report = await this.reportForReviewer(
      actor,
      memberId,
      date,
      own ? "daily.report.read" : "daily.report.acknowledge",
    );
    if (own) throw fail("forbidden", "daily.report.ack_own");
    await new ReportRepository(this.deps.db).update(actor.workspaceId, report.id, {
      acknowledgedBy: actor.memberId,
      version: report.version + 1,
    });
    return this.get(actor, memberId, date, locale);
  }

  /** Who has and has not submitted on a date, for the members the actor oversees. */
  async status(actor: Actor, q: { date?: string; departmentId?: string }) {
    const date = q.date ?? (await this.schedule.today(this.deps.db, actor.workspaceId));
    const members = await overseenMembers(this.deps.db, actor, q.departmentId, "daily.report.read");
    const reports = await new ReportRepository(this.deps.db).statusOn(
      actor.workspaceId,
      date,
      members.map((m) => m.id),
    );
    const items = members.map((m) => {
      const r = reports.find((x) => x.memberId === m.id);
      return {
        memberId: m.id,
        name: m.name,
        departmentId: m.departmentId,
        status: r?.status ?? ("none" as const),
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
    await assertOversees(this.deps.db, actor, memberId, "daily.report.read");
    const rows = await new ReportRepository(this.deps.db).history(
      actor.workspaceId,
      memberId,
      from,
      to,
    );
    return { items: rows, nextCursor: null };
  }

  async nudge(actor: Actor, memberId: string) {
    const own = memberId === actor.memberId;
    const member = await assertOversees(
      this.deps.db,
      actor,
      memberId,
      own ? "daily.report.read" : "daily.report.nudge",
    );
    if (own) throw fail("forbidden", "daily.report.nudge_self");
    const date = await this.schedule.today(this.deps.db, actor.workspaceId);
    await notify(
      this.deps.db,
      actor.workspaceId,
      memberId,
      {
        kind: "report.nudge",
        title: msg("notification.report.nudge", { date }),
        body: msg("notification.report.nudge_body", { name: member.name }),
        link: `/reports/${memberId}/${date}`,
      },
      nowIso(this.deps),
    );
    this.deps.events?.publish(actor.workspaceId, { type: "notification", memberId });
  }

  private async reportForReviewer(
    actor: Actor,
    memberId: string,
    date: string,
    action: DailyAction,
  ) {
    await assertOversees(this.deps.db, actor, memberId, action);
    const report = await new ReportRepository(this.deps.db).find(actor.workspaceId, memberId, date);
    if (!report) throw fail("not_found", "daily.report.not_found", { date });
    return report;
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
    const repo = new ReportRepository(db);
    const m = await repo.member(workspaceId, memberId);
    const judgedBySales =
      m?.role === "owner" ||
      (!!m?.departmentId &&
        effectiveFunction(await new DepartmentRepository(db).list(workspaceId), m.departmentId) ===
          "operations");
    if (!judgedBySales || !(await repo.hasShops(workspaceId))) return [];
    try {
      const k = await new KpiService(this.deps).compute(workspaceId, { from: date, to: date }, db);
      const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(2)}%`);
      return [
        { key: "gmv", label: metricLabel("gmv"), value: `${k.totals.gmv} ${k.currency}` },
        {
          key: "paidOrders",
          label: metricLabel("paidOrders"),
          value: String(k.totals.paidOrders),
        },
        { key: "aov", label: metricLabel("aov"), value: `${k.totals.aov} ${k.currency}` },
        { key: "conversion", label: metricLabel("conversion"), value: pct(k.totals.conversion) },
        { key: "refundRate", label: metricLabel("refundRate"), value: pct(k.totals.refundRate) },
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
    progress: ReportProgress[],
  ): Promise<ReportDraft> {
    const repo = new ReportRepository(db);
    const cal = await workspaceCalendar(db, workspaceId);
    const tomorrow = cal.nextWorkday(date);
    const [planned, next, logs, itemsDone] = await Promise.all([
      repo.scheduledOn(workspaceId, memberId, date),
      repo.scheduledOn(workspaceId, memberId, tomorrow),
      repo.logsOn(workspaceId, memberId, date),
      repo.itemsDone(workspaceId, memberId),
    ]);
    const taskIds = [
      ...new Set([
        ...planned.map((p) => p.taskId),
        ...logs.filter((l) => l.taskId).map((l) => l.taskId!),
      ]),
    ];
    const tasks = await repo.tasks(workspaceId, taskIds);
    const w = await repo.timeZone(workspaceId);
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
      progress,
    });
  }
}
