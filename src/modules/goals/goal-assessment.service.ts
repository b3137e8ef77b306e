// The end of a cycle for a member: the self-assessment (report, self scores, manual actuals), the
// lead's review (a score and comment per goal) and the final score pay runs read, with the KPI
// actuals fixed as of that day.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { finalScore } from "../../core/goals/goals.js";
import { msg } from "../../core/messages/index.js";
import { audit } from "../shared/context.js";
import { notFound, staleVersion, type GoalContext } from "./goal-context.js";
import type { GoalRow } from "./goals.repository.js";
import {
  assessmentStatus,
  fromHundredths,
  parseMetric,
  presentGoal,
  toHundredths,
} from "./goals.presenter.js";

type Assessed = Awaited<ReturnType<GoalAssessmentService["load"]>>;

export class GoalAssessmentService {
  constructor(private readonly ctx: GoalContext) {}

  private async load(actor: Actor, cycleId: string, memberId: string) {
    const cycle = await this.ctx.cycleOr404(actor, cycleId);
    const org = await this.ctx.org(actor);
    const member = org.member(memberId);
    if (!member) throw notFound("member");
    const subject = { memberId, departmentId: null };
    if (!org.may("goals.assessment.read", subject))
      throw fail("forbidden", "goals.assessment.read_forbidden");
    const repo = this.ctx.goals();
    const [goals, row] = await Promise.all([
      repo.listGoals(actor.workspaceId, { cycleId, memberId }),
      repo.getAssessment(actor.workspaceId, cycleId, memberId),
    ]);
    return { cycle, org, member, goals, row, subject };
  }

  private async present(actor: Actor, a: Assessed) {
    const { cycle, org, member, goals, row, subject } = a;
    const live = await this.ctx.actuals.live(
      actor.workspaceId,
      cycle,
      goals,
      await this.ctx.today(actor.workspaceId),
    );
    const status = assessmentStatus(row);
    const allAgreed = goals.length > 0 && goals.every((g) => g.status === "agreed");
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
        org.may("goals.assessment.self", subject) &&
        allAgreed &&
        cycle.status === "open" &&
        (status === "open" || status === "draft"),
      canReview:
        org.may("goals.assessment.review", subject) &&
        cycle.status === "open" &&
        (status === "submitted" || status === "reviewed"),
      goals: goals.map((g) => presentGoal(g, live)),
    };
  }

  async getAssessment(actor: Actor, cycleId: string, memberId: string) {
    return this.present(actor, await this.load(actor, cycleId, memberId));
  }

  private static goalIndex(goals: GoalRow[], entries: { goalId: string }[]) {
    const fields: FieldError[] = [];
    entries.forEach((e, i) => {
      if (!goals.some((g) => g.id === e.goalId))
        fields.push(fieldError(`goals.${i}.goalId`, "goals.assessment.not_member_goal"));
    });
    if (new Set(entries.map((e) => e.goalId)).size !== entries.length)
      fields.push(fieldError("goals", "goals.assessment.listed_twice"));
    if (fields.length)
      throw fail("invalid", "goals.assessment.unknown_goals", undefined, { fields });
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
    const a = await this.load(actor, cycleId, memberId);
    const { cycle, goals, row, org } = a;
    if (!org.may("goals.assessment.self", a.subject))
      throw fail("forbidden", "goals.assessment.self_only");
    if (cycle.status === "closed") throw fail("conflict", "goals.cycle_closed");
    if (goals.length === 0 || goals.some((g) => g.status !== "agreed"))
      throw fail("conflict", "goals.assessment.goals_not_agreed");
    const status = assessmentStatus(row);
    if (status !== "open" && status !== "draft")
      throw fail("conflict", "goals.assessment.already_submitted");
    if ((row?.version ?? 0) !== input.version) throw staleVersion("assessment", row?.version ?? 0);
    GoalAssessmentService.goalIndex(goals, input.goals);
    const fields: FieldError[] = [];
    input.goals.forEach((e, i) => {
      const g = goals.find((x) => x.id === e.goalId)!;
      if (e.actual != null && parseMetric(g).kind === "kpi")
        fields.push(fieldError(`goals.${i}.actual`, "goals.assessment.actual_from_data"));
    });
    if (input.submit) {
      if (!input.report.trim())
        fields.push(fieldError("report", "goals.assessment.report_required"));
      goals.forEach((g) => {
        const e = input.goals.find((x) => x.goalId === g.id);
        const score = e && e.selfScore !== undefined ? e.selfScore : fromHundredths(g.selfScore);
        if (score === null) {
          const i = input.goals.findIndex((x) => x.goalId === g.id);
          fields.push(
            i >= 0
              ? fieldError(`goals.${i}.selfScore`, "goals.assessment.self_score_required")
              : fieldError("goals", "goals.assessment.self_score_missing", { goal: g.title }),
          );
        }
      });
    }
    if (fields.length) throw fail("invalid", "goals.assessment.incomplete", undefined, { fields });
    const at = this.ctx.now();
    const notified: string[] = [];
    await this.ctx.transaction(async (trx) => {
      const repo = this.ctx.goals(trx);
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
        if (!u) throw staleVersion("goal", g.version);
      }
      const patch = { report: input.report, submittedAt: input.submit ? at : null };
      if (row) {
        if (
          !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, patch))
        )
          throw staleVersion("assessment", row.version);
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
        message: msg(input.submit ? "audit.goal_assessment.submit" : "audit.goal_assessment.save", {
          cycle: cycle.name,
          cycleId,
        }),
        after: { goals: input.goals },
      });
      if (input.submit)
        await this.ctx.notify(
          trx,
          actor.workspaceId,
          org.reviewerOf(memberId),
          {
            kind: "goal.self_assessed",
            title: msg("goals.notice.self_assessed", { name: a.member.name }),
            body: msg("goals.notice.in_cycle", { cycle: cycle.name }),
            link: `/goals?cycle=${cycleId}&member=${memberId}`,
          },
          at,
          notified,
        );
    });
    this.ctx.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }

  private static assertReviewer(a: Assessed) {
    if (!a.org.may("goals.assessment.review", a.subject))
      throw fail("forbidden", "goals.assessment.review_forbidden");
    if (a.cycle.status === "closed") throw fail("conflict", "goals.cycle_closed");
    const status = assessmentStatus(a.row);
    if (status === "final") throw fail("conflict", "goals.assessment.already_final");
    if (status !== "submitted" && status !== "reviewed")
      throw fail("conflict", "goals.assessment.not_submitted");
    return a.row!;
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
    const a = await this.load(actor, cycleId, memberId);
    const row = GoalAssessmentService.assertReviewer(a);
    if (row.version !== input.version) throw staleVersion("assessment", row.version);
    GoalAssessmentService.goalIndex(a.goals, input.goals);
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      const repo = this.ctx.goals(trx);
      for (const e of input.goals) {
        const g = a.goals.find((x) => x.id === e.goalId)!;
        const u = await repo.updateGoal(actor.workspaceId, g.id, g.version, {
          ...(e.score !== undefined && {
            leadScore: e.score === null ? null : toHundredths(e.score),
          }),
          ...(e.comment !== undefined && { leadComment: e.comment?.trim() || null }),
          updatedAt: at,
        });
        if (!u) throw staleVersion("goal", g.version);
      }
      if (
        !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, {
          reviewComment: input.comment,
          reviewedBy: actor.memberId,
          reviewedAt: at,
        }))
      )
        throw staleVersion("assessment", row.version);
      await audit(trx, actor, at, {
        action: "goal_assessment.review",
        entityType: "goal_assessment",
        entityId: `${cycleId}/${memberId}`,
        message: msg("audit.goal_assessment.review", {
          member: a.member.name,
          memberId,
          cycle: a.cycle.name,
          cycleId,
        }),
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
    const a = await this.load(actor, cycleId, memberId);
    const row = GoalAssessmentService.assertReviewer(a);
    if (row.version !== version) throw staleVersion("assessment", row.version);
    const fields = a.goals.flatMap((g, i) =>
      g.leadScore === null
        ? [fieldError(`goals.${i}.score`, "goals.assessment.score_missing", { goal: g.title })]
        : [],
    );
    if (fields.length)
      throw fail("invalid", "goals.assessment.scores_required", undefined, { fields });
    const today = await this.ctx.today(actor.workspaceId);
    if (today <= a.cycle.endDate && !opts.early)
      throw fail("conflict", "goal.finalize_early", {
        cycle: a.cycle.name,
        endDate: a.cycle.endDate,
      });
    const score = finalScore(
      a.goals.map((g) => ({ weight: g.weight, scoreHundredths: g.leadScore! })),
    );
    const live = await this.ctx.actuals.live(actor.workspaceId, a.cycle, a.goals, today);
    const at = this.ctx.now();
    const notified: string[] = [];
    await this.ctx.transaction(async (trx) => {
      const repo = this.ctx.goals(trx);
      for (const g of a.goals) {
        if (!live.has(g.id)) continue;
        if (
          !(await repo.updateGoal(actor.workspaceId, g.id, g.version, {
            actual: live.get(g.id) ?? null,
            updatedAt: at,
          }))
        )
          throw staleVersion("goal", g.version);
      }
      if (
        !(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, {
          finalScore: score,
          reviewedBy: actor.memberId,
          reviewedAt: row.reviewedAt ?? at,
        }))
      )
        throw staleVersion("assessment", row.version);
      await audit(trx, actor, at, {
        action: "goal_assessment.finalize",
        entityType: "goal_assessment",
        entityId: `${cycleId}/${memberId}`,
        message: msg("audit.goal_assessment.finalize", {
          member: a.member.name,
          memberId,
          cycle: a.cycle.name,
          cycleId,
          score: (score / 100).toFixed(2),
        }),
        after: { finalScore: score / 100 },
      });
      await this.ctx.notify(
        trx,
        actor.workspaceId,
        memberId === actor.memberId ? null : memberId,
        {
          kind: "goal.final",
          title: msg("goals.notice.final", {
            cycle: a.cycle.name,
            score: (score / 100).toFixed(2),
          }),
          body: row.reviewComment
            ? msg("goals.notice.review_comment", { comment: row.reviewComment })
            : null,
          link: `/goals?cycle=${cycleId}`,
        },
        at,
        notified,
      );
    });
    this.ctx.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }
}
