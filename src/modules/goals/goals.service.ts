// Goals (MBO): cycles, goals for a member or a department with a manual or KPI-bound metric, the
// agreement flow (either side drafts and proposes, the other side agrees or sends back; an agreed
// goal changes only by a new agreement, the agreed states kept in goal_agreements), the
// self-assessment, the lead's review and the final score pay runs read, reminders and a member's
// evaluation across cycles. Every change is audited in its transaction.
import type { Actor } from "../../core/actor.js";
import {
  conflict,
  fail,
  forbidden,
  invalid,
  notFound,
  staleVersion,
  type FieldError,
} from "../../core/errors.js";
import { finalScore } from "../../core/goals/goals.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso } from "../shared/context.js";
import { GoalRepository, type GoalRow } from "./goals.repository.js";
import {
  toHundredths,
  fromHundredths,
  parseMetric,
  assessmentStatus,
  presentGoal,
  weightedAchievement,
} from "./goals.presenter.js";
import { GoalPlanningService } from "./goal-planning.service.js";
import { CycleDues, reminderNotice } from "./goal-reminders.due.js";

/** The goal use cases in one: planning (cycles, goals, agreement), assessment and evaluation. */
export class GoalService extends GoalPlanningService {
  protected async assessmentContext(db: Executor, actor: Actor, cycleId: string, memberId: string) {
    const cycle = await this.cycleOr404(db, actor, cycleId);
    const access = await this.access(db, actor);
    const member = access.member(memberId);
    if (!member) throw notFound("Member");
    const subject = { memberId, departmentId: null };
    if (!access.isSelf(subject) && !access.manages(subject))
      throw forbidden("You may only see your own assessment, or those of the people you manage");
    const repo = new GoalRepository(db);
    const [goals, row] = await Promise.all([
      repo.listGoals(actor.workspaceId, { cycleId, memberId }),
      repo.getAssessment(actor.workspaceId, cycleId, memberId),
    ]);
    return { cycle, access, member, goals, row, subject };
  }

  protected async presentAssessment(
    actor: Actor,
    ctx: Awaited<ReturnType<GoalService["assessmentContext"]>>,
  ) {
    const { cycle, access, member, goals, row, subject } = ctx;
    const live = await this.liveActuals(
      actor.workspaceId,
      cycle,
      goals,
      await this.today(this.deps.db, actor.workspaceId),
    );
    const status = assessmentStatus(row);
    const allAgreed = goals.length > 0 && goals.every((g) => g.status === "agreed");
    const reviewer = access.manages(subject) && (!access.isSelf(subject) || actor.role === "owner");
    return {
      cycleId: cycle.id,
      memberId: member.id,
      memberName: member.name,
      status,
      report: row?.report ?? null,
      submittedAt: row?.submittedAt ?? null,
      reviewComment: row?.reviewComment ?? null,
      reviewedBy: row?.reviewedBy ?? null,
      reviewedAt: row?.reviewedAt ?? null,
      finalScore: fromHundredths(row?.finalScore ?? null),
      version: row?.version ?? 0,
      canSelfAssess:
        access.isSelf(subject) &&
        allAgreed &&
        cycle.status === "open" &&
        (status === "open" || status === "draft"),
      canReview:
        reviewer && cycle.status === "open" && (status === "submitted" || status === "reviewed"),
      goals: goals.map((g) => presentGoal(g, live)),
    };
  }

  async getAssessment(actor: Actor, cycleId: string, memberId: string) {
    return this.presentAssessment(
      actor,
      await this.assessmentContext(this.deps.db, actor, cycleId, memberId),
    );
  }

  protected goalIndex(goals: GoalRow[], entries: { goalId: string }[]) {
    const errors: FieldError[] = [];
    entries.forEach((e, i) => {
      if (!goals.some((g) => g.id === e.goalId))
        errors.push({
          field: `goals.${i}.goalId`,
          message: "not one of this member's goals in the cycle",
        });
    });
    if (new Set(entries.map((e) => e.goalId)).size !== entries.length)
      errors.push({ field: "goals", message: "a goal is listed twice" });
    if (errors.length)
      throw invalid("The assessment names goals that are not this member's in the cycle", errors);
  }

  async saveSelfAssessment(
    actor: Actor,
    cycleId: string,
    memberId: string,
    input: {
      version: number;
      report: string;
      goals: {
        goalId: string;
        selfScore?: number | null;
        actual?: string | null;
        comment?: string | null;
      }[];
      submit?: boolean;
    },
  ) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const { cycle, goals, row, access } = ctx;
    if (memberId !== actor.memberId)
      throw forbidden("The self-assessment is written by the member");
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (goals.length === 0 || goals.some((g) => g.status !== "agreed"))
      throw conflict("Every goal of the cycle must be agreed before the self-assessment");
    const status = assessmentStatus(row);
    if (status !== "open" && status !== "draft")
      throw conflict("The self-assessment is already submitted");
    if ((row?.version ?? 0) !== input.version) throw staleVersion("Assessment", row?.version ?? 0);
    this.goalIndex(goals, input.goals);
    const errors: FieldError[] = [];
    input.goals.forEach((e, i) => {
      const g = goals.find((x) => x.id === e.goalId)!;
      if (e.actual != null && parseMetric(g).kind === "kpi")
        errors.push({
          field: `goals.${i}.actual`,
          message: "comes from the shop data for a KPI-bound goal",
        });
    });
    if (input.submit) {
      if (!input.report.trim())
        errors.push({ field: "report", message: "write the report before submitting" });
      goals.forEach((g) => {
        const e = input.goals.find((x) => x.goalId === g.id);
        const score = e && e.selfScore !== undefined ? e.selfScore : fromHundredths(g.selfScore);
        if (score === null) {
          const i = input.goals.findIndex((x) => x.goalId === g.id);
          errors.push({
            field: i >= 0 ? `goals.${i}.selfScore` : "goals",
            message:
              i >= 0
                ? "a self score is needed to submit"
                : `a self score is needed for "${g.title}"`,
          });
        }
      });
    }
    if (errors.length) throw invalid("The self-assessment is not complete", errors);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const e of input.goals) {
        const g = goals.find((x) => x.id === e.goalId)!;
        const u = await repo.updateGoal(actor.workspaceId, g.id, g.version, {
          ...(e.selfScore !== undefined && {
            selfScore: e.selfScore === null ? null : toHundredths(e.selfScore),
          }),
          ...(e.comment !== undefined && { selfComment: e.comment?.trim() || null }),
          ...(e.actual !== undefined && { actual: e.actual }),
          updatedAt: at,
        });
        if (!u) throw staleVersion("Goal", g.version);
      }
      const patch = { report: input.report, submittedAt: input.submit ? at : null };
      if (row) {
        if (
          !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, patch))
        )
          throw staleVersion("Assessment", row.version);
      } else {
        await repo.insertAssessment({
          workspaceId: actor.workspaceId,
          cycleId,
          memberId,
          ...patch,
          reviewComment: null,
          reviewedBy: null,
          reviewedAt: null,
          finalScore: null,
          version: 1,
        });
      }
      await audit(trx, actor, at, {
        action: input.submit ? "goal_assessment.submit" : "goal_assessment.save",
        entityType: "goal_assessment",
        entityId: `${cycleId}/${memberId}`,
        summary: `${input.submit ? "Submitted" : "Saved"} the self-assessment for ${cycle.name}`,
        after: { goals: input.goals },
      });
      if (input.submit)
        await this.notify(
          trx,
          actor.workspaceId,
          access.reviewerOf(memberId),
          "goal.self_assessed",
          `自评待审核 · Self-assessment to review: ${ctx.member.name}`,
          cycle.name,
          `/goals?cycle=${cycleId}&member=${memberId}`,
          at,
          notified,
        );
    });
    this.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }

  protected assertReviewer(
    ctx: Awaited<ReturnType<GoalService["assessmentContext"]>>,
    actor: Actor,
  ) {
    if (
      !ctx.access.manages(ctx.subject) ||
      (ctx.access.isSelf(ctx.subject) && actor.role !== "owner")
    )
      throw forbidden("The review is written by the member's lead or the owner");
    if (ctx.cycle.status === "closed") throw conflict("The goal cycle is closed");
    const status = assessmentStatus(ctx.row);
    if (status === "final") throw conflict("The result is already final");
    if (status !== "submitted" && status !== "reviewed")
      throw conflict("The member has not submitted the self-assessment yet");
    return ctx.row!;
  }

  async review(
    actor: Actor,
    cycleId: string,
    memberId: string,
    input: {
      version: number;
      comment: string;
      goals: { goalId: string; score?: number | null; comment?: string | null }[];
    },
  ) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const row = this.assertReviewer(ctx, actor);
    if (row.version !== input.version) throw staleVersion("Assessment", row.version);
    this.goalIndex(ctx.goals, input.goals);
    const at = nowIso(this.deps);
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const e of input.goals) {
        const g = ctx.goals.find((x) => x.id === e.goalId)!;
        const u = await repo.updateGoal(actor.workspaceId, g.id, g.version, {
          ...(e.score !== undefined && {
            leadScore: e.score === null ? null : toHundredths(e.score),
          }),
          ...(e.comment !== undefined && { leadComment: e.comment?.trim() || null }),
          updatedAt: at,
        });
        if (!u) throw staleVersion("Goal", g.version);
      }
      if (
        !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, {
          reviewComment: input.comment,
          reviewedBy: actor.memberId,
          reviewedAt: at,
        }))
      )
        throw staleVersion("Assessment", row.version);
      await audit(trx, actor, at, {
        action: "goal_assessment.review",
        entityType: "goal_assessment",
        entityId: `${cycleId}/${memberId}`,
        summary: `Reviewed ${ctx.member.name}'s goals for ${ctx.cycle.name}`,
        after: { comment: input.comment, goals: input.goals },
      });
    });
    return this.getAssessment(actor, cycleId, memberId);
  }

  /**
   * Fixes the cycle's final score (Σ weight × lead score ÷ 100) and the KPI actuals as of now.
   * Before the cycle has ended this needs `early: true` (the web asks first): the rest of the
   * cycle would then not count.
   */
  async finalize(
    actor: Actor,
    cycleId: string,
    memberId: string,
    version: number,
    opts: { early?: boolean } = {},
  ) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const row = this.assertReviewer(ctx, actor);
    if (row.version !== version) throw staleVersion("Assessment", row.version);
    const errors: FieldError[] = ctx.goals.flatMap((g, i) =>
      g.leadScore === null
        ? [{ field: `goals.${i}.score`, message: `"${g.title}" has no review score` }]
        : [],
    );
    if (errors.length)
      throw invalid("Every goal needs a review score before the result is final", errors);
    const today = await this.today(db, actor.workspaceId);
    if (today <= ctx.cycle.endDate && !opts.early) {
      throw fail(
        "conflict",
        "goal.finalize_early",
        { cycle: ctx.cycle.name, endDate: ctx.cycle.endDate },
        `${ctx.cycle.name} runs until ${ctx.cycle.endDate}: finalising now fixes the score and the actuals as of today; send early: true to confirm`,
      );
    }
    const score = finalScore(
      ctx.goals.map((g) => ({ weight: g.weight, scoreHundredths: g.leadScore! })),
    );
    const live = await this.liveActuals(actor.workspaceId, ctx.cycle, ctx.goals, today);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const g of ctx.goals) {
        if (!live.has(g.id)) continue;
        if (
          !(await repo.updateGoal(actor.workspaceId, g.id, g.version, {
            actual: live.get(g.id) ?? null,
            updatedAt: at,
          }))
        )
          throw staleVersion("Goal", g.version);
      }
      if (
        !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, {
          finalScore: score,
          reviewedBy: actor.memberId,
          reviewedAt: row.reviewedAt ?? at,
        }))
      )
        throw staleVersion("Assessment", row.version);
      await audit(trx, actor, at, {
        action: "goal_assessment.finalize",
        entityType: "goal_assessment",
        entityId: `${cycleId}/${memberId}`,
        summary: `Final score of ${ctx.member.name} for ${ctx.cycle.name}: ${(score / 100).toFixed(2)}`,
        after: { finalScore: score / 100 },
      });
      await this.notify(
        trx,
        actor.workspaceId,
        memberId === actor.memberId ? null : memberId,
        "goal.final",
        `考核结果已确定 · Your result for ${ctx.cycle.name}: ${(score / 100).toFixed(2)}`,
        row.reviewComment ?? "",
        `/goals?cycle=${cycleId}`,
        at,
        notified,
      );
    });
    this.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }

  /** In-app reminders of what is due in the cycle for the people the actor manages. */
  async remind(actor: Actor, cycleId: string) {
    const db = this.deps.db;
    const cycle = await this.cycleOr404(db, actor, cycleId);
    if (actor.role === "member") throw forbidden("Reminders are sent by leads and the owner");
    const access = await this.access(db, actor);
    const repo = new GoalRepository(db);
    const [goals, assessments, today] = await Promise.all([
      repo.listGoals(actor.workspaceId, { cycleId }),
      repo.assessments(actor.workspaceId, { cycleId }),
      this.today(db, actor.workspaceId),
    ]);
    const dues = new CycleDues(cycle, today, goals, assessments, access);
    const { kind, title, link } = reminderNotice(cycle);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (const p of access.overseen()) {
        if (p.id === actor.memberId) continue;
        const due = dues.for(p);
        if (due.length)
          await this.notify(
            trx,
            actor.workspaceId,
            p.id,
            kind,
            title,
            due.join("\n"),
            link,
            at,
            notified,
          );
      }
    });
    this.publish(actor.workspaceId, notified);
    return { notified: notified.length };
  }

  // ---- evaluation ----

  /** A member's goals across cycles: achievement against target, the KPI-bound goals' history and the trend of final scores. */
  async evaluation(actor: Actor, memberId: string) {
    const db = this.deps.db;
    const access = await this.access(db, actor);
    const member = access.member(memberId);
    if (!member) throw notFound("Member");
    if (
      !access.isSelf({ memberId, departmentId: null }) &&
      !access.manages({ memberId, departmentId: null })
    )
      throw forbidden("You may only see your own evaluation, or those of the people you manage");
    const repo = new GoalRepository(db);
    const [cycles, goals, assessments, today] = await Promise.all([
      repo.listCycles(actor.workspaceId),
      repo.listGoals(actor.workspaceId, { memberId }),
      repo.assessments(actor.workspaceId, { memberId }),
      this.today(db, actor.workspaceId),
    ]);
    const withGoals = cycles
      .filter((c) => goals.some((g) => g.cycleId === c.id))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
      .slice(-24);
    const out = [];
    const series = new Map<
      string,
      {
        cycleId: string;
        cycleName: string;
        to: string;
        target: string;
        actual: string | null;
        achievement: number | null;
      }[]
    >();
    for (const c of withGoals) {
      const gs = goals.filter((g) => g.cycleId === c.id);
      const live = await this.liveActuals(actor.workspaceId, c, gs, today);
      const shown = gs.map((g) => presentGoal(g, live));
      for (const g of shown) {
        if (g.metric.kind !== "kpi") continue;
        const list = series.get(g.metric.kpi) ?? [];
        list.push({
          cycleId: c.id,
          cycleName: c.name,
          to: c.endDate,
          target: g.target,
          actual: g.actual,
          achievement: g.achievement,
        });
        series.set(g.metric.kpi, list);
      }
      const a = assessments.find((x) => x.cycleId === c.id);
      out.push({
        cycleId: c.id,
        name: c.name,
        from: c.startDate,
        to: c.endDate,
        finalScore: fromHundredths(a?.finalScore ?? null),
        achievement: weightedAchievement(shown),
        goals: shown.map((g) => ({
          id: g.id,
          title: g.title,
          metric: g.metric,
          unit: g.unit,
          weight: g.weight,
          target: g.target,
          actual: g.actual,
          achievement: g.achievement,
          leadScore: g.leadScore,
        })),
      });
    }
    const scores = out.map((c) => c.finalScore).filter((x): x is number => x !== null);
    const last = scores.at(-1) ?? null;
    const previous = scores.length > 1 ? scores.at(-2)! : null;
    const direction =
      last === null || previous === null
        ? null
        : last - previous > 0.5
          ? ("up" as const)
          : previous - last > 0.5
            ? ("down" as const)
            : ("flat" as const);
    return {
      member: { id: member.id, name: member.name, departmentId: member.departmentId },
      cycles: out,
      kpiSeries: [...series.entries()].map(([kpi, points]) => ({ kpi, points })),
      trend: { direction, lastScore: last, previousScore: previous },
    };
  }
}
