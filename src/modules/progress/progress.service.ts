// Progress control (issue 12): a plan's earned value on a day, per person and department, beside
// the engine's forecast and the reasons it slipped; the daily snapshots that give each measure a
// history, written when either is read (the days since the last one, in one unit of work). Who
// may read a plan may read its earned value: every member of the workspace (core/plans/policy.ts
// needs no right to read a plan), and another workspace's plan is not found.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { addDays } from "../../core/calendar/date.js";
import { fail, fieldError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type Message } from "../../core/messages/index.js";
import { policyActor } from "../../core/policy.js";
import { trafficLight } from "../../core/progress/earned-value.js";
import { plannedValueCurve } from "../../core/progress/plan-evm.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import {
  engineOf,
  loadFacts,
  measure,
  slipOf,
  snapshotRow,
  type PlanProgressFacts,
} from "./progress-facts.js";
import { presentProgress, presentSnapshot } from "./progress.presenter.js";
import { ProgressRepository, type SnapshotRow } from "./progress.repository.js";

const planNotFound = () => fail("not_found", "plans.not_found", { what: msg("plans.entity.plan") });
/** Earned value is measured against a frozen baseline: none yet is a 409 the reader can act on. */
const noBaseline = () => fail("conflict", "progress.no_baseline");

type Measured = PlanProgressFacts & { baseline: NonNullable<PlanProgressFacts["baseline"]> };

export class ProgressService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  /** The plan's facts: 404 outside the actor's workspace, 409 without a baseline. */
  private async facts(workspaceId: string, planId: string): Promise<Measured> {
    const f = await loadFacts(this.deps.db, workspaceId, planId, this.deps.clock());
    if (!f) throw planNotFound();
    if (!f.baseline) throw noBaseline();
    return f as Measured;
  }

  /** The engine's current schedule (re-planned first when the day has turned). */
  private async engine(f: PlanProgressFacts) {
    const result = f.tasks.length ? await this.schedule.current(f.workspaceId) : null;
    return engineOf(f, result);
  }

  /**
   * Earned value of the plan on `date` (default today), its people and departments, both forecasts
   * and the slip. Reading it also writes the snapshots missing through yesterday (see fill), so a
   * plan someone looks at every day keeps "daily" rows with the engine's forecast of that day.
   */
  async get(actor: Actor, planId: string, q: { date?: string } = {}) {
    const f = await this.facts(actor.workspaceId, planId);
    const date = q.date ?? f.today;
    if (date > f.today)
      throw fail(
        "invalid",
        "progress.future_date",
        { today: f.today },
        {
          fields: [fieldError("date", "progress.future_date", { today: f.today })],
        },
      );
    const engine = await this.engine(f);
    await this.fill(f, engine.finish);
    return presentProgress(f, measure(f, date)!, engine.finish, slipOf(f, engine)!);
  }

  /**
   * The plan's daily snapshots from `from` to `to` (default: the baseline's first day through
   * today, at most the last LIMITS.progressHistoryMaxDays), today's live figures, and the baseline's
   * planned curve (PV by day through BAC) for the S-curve. Missing days are written first.
   */
  async history(actor: Actor, planId: string, q: { from?: string; to?: string } = {}) {
    const f = await this.facts(actor.workspaceId, planId);
    const to = q.to ?? f.today;
    const live = measure(f, f.today)!;
    const from =
      q.from ??
      minDate(
        to,
        maxDate(
          live.plan.baselineStart ?? f.today,
          addDays(to, -(LIMITS.progressHistoryMaxDays - 1)),
        ),
      );
    assertSpan(from, to, LIMITS.progressHistoryMaxDays);
    await this.fill(f);
    const rows = await new ProgressRepository(this.deps.db).snapshots(
      actor.workspaceId,
      planId,
      from,
      to,
    );
    const planned = plannedValueCurve(f.baseline, f.workingDays);
    return {
      planId,
      baselineAt: f.plan.baselineAt,
      from,
      to,
      today: f.today,
      bac: live.plan.bac,
      planned: planned.filter((p) => p.date >= from && p.date <= to),
      items: rows.map(presentSnapshot),
      live:
        f.today >= from && f.today <= to
          ? {
              date: f.today,
              pv: live.plan.pv,
              ev: live.plan.ev,
              ac: live.plan.ac,
              spi: live.plan.spi,
              cpi: live.plan.cpi,
            }
          : null,
    };
  }

  /**
   * The lines of a lead's daily report: for each active plan with a baseline that the departments
   * they lead own or work on (core/policy.ts `managed`: their departments and every one below), the
   * SPI today and both forecasts of the finish, as a message. Anyone else's report has none. Read
   * through the root handle (the engine's schedule may be re-planned first), so the caller asks
   * before any transaction of its own.
   */
  async reportLines(workspaceId: string, memberId: string): Promise<ReportProgressLine[]> {
    const repo = new ProgressRepository(this.deps.db);
    const [members, departments] = await Promise.all([
      repo.members(workspaceId),
      new DepartmentRepository(this.deps.db).list(workspaceId),
    ]);
    const me = members.find((m) => m.id === memberId);
    if (me?.role !== "lead") return [];
    const managed = policyActor(
      { role: me.role, memberId: me.id, departmentId: me.departmentId },
      departments,
    ).managed;
    const people = members
      .filter((m) => m.departmentId !== null && managed.has(m.departmentId))
      .map((m) => m.id);
    const plans = await repo.plansOfMembers(workspaceId, people, LIMITS.reportProgressPlansMax);
    if (!plans.length) return [];
    const result = await this.schedule.current(workspaceId);
    const lines: ReportProgressLine[] = [];
    for (const p of plans) {
      const f = await loadFacts(this.deps.db, workspaceId, p.id, this.deps.clock());
      if (!f?.baseline) continue;
      const e = measure(f, f.today)!.plan;
      const engineFinish = engineOf(f, result).finish;
      const deadline = f.plan.launchDate;
      lines.push({
        planId: p.id,
        planName: p.name,
        spi: e.spi === null ? null : Math.round(e.spi * 10_000) / 10_000,
        light: trafficLight(e.spi),
        forecastFinish: e.forecastFinish,
        engineFinish,
        deadline,
        late: !!deadline && !!engineFinish && engineFinish > deadline,
        message: msg(deadline ? "progress.report.line_deadline" : "progress.report.line", {
          plan: p.name,
          spi: e.spi === null ? "—" : e.spi.toFixed(2),
          forecast: e.forecastFinish ?? "—",
          engine: engineFinish ?? "—",
          deadline,
        }),
      });
    }
    return lines;
  }

  /**
   * Writes a plan's missing snapshots, from the day after the last one (or the baseline's first
   * day) through yesterday, at most LIMITS.progressHistoryMaxDays back: yesterday's as "daily"
   * with the engine's forecast of now, earlier ones "reconstructed" from the logs. A day already
   * written is kept (several readers, several instances): the rows are written in one unit of
   * work, each day at most once per plan (the table's key), so a failure leaves no partial history.
   */
  private async fill(f: PlanProgressFacts, engineFinishNow?: string | null): Promise<number> {
    if (!f.baseline || f.plan.status !== "active") return 0;
    const yesterday = addDays(f.today, -1);
    const repo = new ProgressRepository(this.deps.db);
    const last = await repo.lastSnapshotDate(f.workspaceId, f.plan.id);
    const first = [...f.baseline.values()].map((b) => b.start).sort()[0];
    if (!first) return 0;
    let from = last ? addDays(last, 1) : first;
    from = maxDate(from, addDays(yesterday, -(LIMITS.progressHistoryMaxDays - 1)));
    if (from > yesterday) return 0;
    const engineFinish =
      engineFinishNow !== undefined ? engineFinishNow : (await this.engine(f)).finish;
    const at = nowIso(this.deps);
    const rows: SnapshotRow[] = [];
    for (let d = from; d <= yesterday; d = addDays(d, 1)) {
      const m = measure(f, d)!;
      rows.push(
        snapshotRow(
          f,
          m,
          d === yesterday ? "daily" : "reconstructed",
          d === yesterday ? engineFinish : null,
          at,
        ),
      );
    }
    return this.deps.db
      .transaction()
      .execute((trx) => new ProgressRepository(trx).insertSnapshots(rows));
  }
}

/** One plan's line in a lead's daily report. */
export interface ReportProgressLine {
  planId: string;
  planName: string;
  spi: number | null;
  light: "green" | "amber" | "red" | null;
  /** Earned schedule's forecast finish. */
  forecastFinish: string | null;
  /** The engine's re-planned finish. */
  engineFinish: string | null;
  deadline: string | null;
  /** The engine's forecast is past the deadline. */
  late: boolean;
  message: Message;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
