// Goals and their agreement: drafting, changing and removing a goal for a member or a department,
// and the agreement flow (propose, agree, send back, reopen by a new agreement, the agreed states
// kept in goal_agreements). Rights from core/goals/policy.ts; every change audited in its
// transaction; the other side hears of a proposal or an answer through a notification.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import {
  checkWeights,
  transition,
  type GoalAction,
  type GoalStatus,
} from "../../core/goals/goals.js";
import { newId } from "../../core/ids.js";
import { goalUnitOf, goalValue } from "../../core/goals/units.js";
import { msg, type MessageCode } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { audit } from "../shared/context.js";
import { invalidField, notFound, staleVersion, type GoalContext } from "./goal-context.js";
import type { GoalOrg } from "./goal-org.js";
import type { CycleRow, GoalRow } from "./goals.repository.js";
import type { MetricDto } from "./goals.schema.js";
import { KPI_UNITS, assessmentStatus, presentGoal, snapshot } from "./goals.presenter.js";

const STATUS: Record<GoalStatus, MessageCode> = {
  draft: "goals.status.draft",
  proposed: "goals.status.proposed",
  agreed: "goals.status.agreed",
  returned: "goals.status.returned",
};
/** A comment after an audit sentence (": “…”"), or nothing. */
const auditNote = (comment?: string) => (comment ? msg("audit.note", { text: comment }) : "");

const CANNOT: Record<Exclude<GoalAction, "reopen">, MessageCode> = {
  propose: "goals.cannot_propose",
  agree: "goals.cannot_agree",
  return: "goals.cannot_return",
};

export class GoalPlanningService {
  constructor(private readonly ctx: GoalContext) {}

  async listGoals(actor: Actor, q: { cycleId: string; memberId?: string; departmentId?: string }) {
    const c = await this.ctx.cycleOr404(actor, q.cycleId);
    const org = await this.ctx.org(actor);
    if (q.memberId) {
      if (!org.member(q.memberId)) throw notFound("member");
      if (!org.may("goals.goal.read", { memberId: q.memberId, departmentId: null }))
        throw fail("forbidden", "goals.read_forbidden");
    }
    const goals = (
      await this.ctx.goals().listGoals(actor.workspaceId, {
        cycleId: q.cycleId,
        memberId: q.memberId,
        departmentId: q.departmentId,
      })
    ).filter((g) => org.may("goals.goal.read", g));
    const live = await this.ctx.actuals.live(
      actor.workspaceId,
      c,
      goals,
      await this.ctx.today(actor.workspaceId),
    );
    return { items: goals.map((g) => presentGoal(g, live)), nextCursor: null };
  }

  private async goalFor(actor: Actor, id: string) {
    const repo = this.ctx.goals();
    const g = await repo.getGoal(actor.workspaceId, id);
    if (!g) throw notFound("goal");
    const org = await this.ctx.org(actor);
    if (!org.may("goals.goal.read", g)) throw fail("forbidden", "goals.read_forbidden");
    const cycle = (await repo.getCycle(actor.workspaceId, g.cycleId))!;
    return { g, org, cycle };
  }

  private async present(actor: Actor, g: GoalRow, cycle: CycleRow) {
    const live = await this.ctx.actuals.live(
      actor.workspaceId,
      cycle,
      [g],
      await this.ctx.today(actor.workspaceId),
    );
    const agreements = await this.ctx.goals().agreements(actor.workspaceId, g.id);
    return {
      ...presentGoal(g, live),
      agreements: agreements.map((a) => ({
        agreementNo: a.agreementNo,
        snapshot: JSON.parse(a.snapshot) as unknown,
        agreedBy: a.agreedBy,
        agreedAt: a.agreedAt,
      })),
    };
  }

  async getGoal(actor: Actor, id: string) {
    const { g, cycle } = await this.goalFor(actor, id);
    return this.present(actor, g, cycle);
  }

  private async checkMetric(workspaceId: string, metric: MetricDto, field = "metric") {
    if (metric.kind !== "kpi" || !metric.shopIds?.length) return;
    const shops = new Set((await this.ctx.goals().shopIds(workspaceId)).map((s) => s.id));
    const fields = metric.shopIds.flatMap((id, i) =>
      shops.has(id) ? [] : [fieldError(`${field}.shopIds.${i}`, "goals.shop_unknown_field")],
    );
    if (fields.length) throw fail("invalid", "goals.shop_unknown", undefined, { fields });
  }

  /** Once the self-assessment is submitted, the goals it assesses stay as they were agreed. */
  private async assertNotAssessed(workspaceId: string, g: GoalRow) {
    if (!g.memberId) return;
    const status = assessmentStatus(
      await this.ctx.goals().getAssessment(workspaceId, g.cycleId, g.memberId),
    );
    if (status === "final") throw fail("conflict", "goals.final_no_change");
    if (status !== "open" && status !== "draft") throw fail("conflict", "goals.assessed_no_change");
  }

  private static assertEditor(org: GoalOrg, g: Pick<GoalRow, "memberId" | "departmentId">) {
    if (!org.may("goals.goal.edit", g)) throw fail("forbidden", "goals.edit_forbidden");
  }
  private static assertOpen(cycle: CycleRow) {
    if (cycle.status === "closed") throw fail("conflict", "goals.cycle_closed");
  }

  async createGoal(
    actor: Actor,
    input: {
      cycleId: string;
      memberId?: string;
      departmentId?: string;
      title: string;
      weight: number;
      target: string;
      unit?: string;
      metric: MetricDto;
    },
  ) {
    const cycle = await this.ctx.goals().getCycle(actor.workspaceId, input.cycleId);
    if (!cycle) throw invalidField("cycleId", "goals.cycle_unknown");
    GoalPlanningService.assertOpen(cycle);
    if ((input.memberId === undefined) === (input.departmentId === undefined))
      throw invalidField("memberId", "goals.subject_one");
    const org = await this.ctx.org(actor);
    const subject = { memberId: input.memberId ?? null, departmentId: null as string | null };
    if (input.memberId) {
      const m = org.member(input.memberId);
      if (!m || m.status !== "active") throw invalidField("memberId", "goals.member_inactive");
    } else {
      if (!org.departments.some((d) => d.id === input.departmentId))
        throw invalidField("departmentId", "goals.department_unknown");
      subject.departmentId = input.departmentId!;
    }
    GoalPlanningService.assertEditor(org, subject);
    await this.checkMetric(actor.workspaceId, input.metric);
    const title = input.title.trim();
    if (!title) throw invalidField("title", "goals.title_required");
    const at = this.ctx.now();
    const row: GoalRow = {
      workspaceId: actor.workspaceId,
      id: newId(),
      cycleId: cycle.id,
      memberId: subject.memberId,
      departmentId: subject.departmentId,
      title,
      weight: input.weight,
      target: input.target,
      unit:
        input.unit !== undefined
          ? goalUnitOf(input.unit)
          : input.metric.kind === "kpi"
            ? KPI_UNITS[input.metric.kpi]
            : "",
      metric: JSON.stringify(input.metric),
      status: "draft",
      statusComment: null,
      agreementNo: 1,
      actual: null,
      selfScore: null,
      selfComment: null,
      leadScore: null,
      leadComment: null,
      createdBy: actor.memberId,
      proposedBy: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await this.ctx.transaction(async (trx) => {
      await this.ctx.goals(trx).insertGoal(row);
      await audit(trx, actor, at, {
        action: "goal.create",
        entityType: "goal",
        entityId: row.id,
        message: msg("audit.goal.create", {
          goal: title,
          goalId: row.id,
          weight: row.weight,
          target: goalValue(row.target, row.unit),
        }),
        after: snapshot(row),
      });
    });
    return this.present(actor, row, cycle);
  }

  async updateGoal(
    actor: Actor,
    id: string,
    input: {
      version: number;
      title?: string;
      weight?: number;
      target?: string;
      unit?: string;
      metric?: MetricDto;
    },
  ) {
    const { g, org, cycle } = await this.goalFor(actor, id);
    GoalPlanningService.assertEditor(org, g);
    if (g.version !== input.version) throw staleVersion("goal", g.version);
    GoalPlanningService.assertOpen(cycle);
    if (g.status === "agreed") throw fail("conflict", "goals.agreed_reopen_first");
    if (g.status === "proposed") throw fail("conflict", "goals.proposed_answer_first");
    if (input.metric) await this.checkMetric(actor.workspaceId, input.metric);
    const title = input.title?.trim() ?? g.title;
    if (!title) throw invalidField("title", "goals.title_required");
    const at = this.ctx.now();
    const updated = await this.ctx.transaction(async (trx) => {
      const u = await this.ctx.goals(trx).updateGoal(actor.workspaceId, id, g.version, {
        title,
        weight: input.weight ?? g.weight,
        target: input.target ?? g.target,
        unit: input.unit !== undefined ? goalUnitOf(input.unit) : g.unit,
        metric: input.metric ? JSON.stringify(input.metric) : g.metric,
        updatedAt: at,
      });
      if (!u) throw staleVersion("goal", g.version);
      await audit(trx, actor, at, {
        action: "goal.update",
        entityType: "goal",
        entityId: id,
        message: msg("audit.goal.update", { goal: u.title, goalId: id }),
        before: snapshot(g),
        after: snapshot(u),
      });
      return u;
    });
    return this.present(actor, updated, cycle);
  }

  async deleteGoal(actor: Actor, id: string) {
    const { g, org } = await this.goalFor(actor, id);
    GoalPlanningService.assertEditor(org, g);
    const history = await this.ctx.goals().agreements(actor.workspaceId, id);
    if (g.status === "agreed" || g.status === "proposed" || history.length > 0)
      throw fail("conflict", "goals.delete_agreed");
    const at = this.ctx.now();
    await this.ctx.transaction(async (trx) => {
      await this.ctx.goals(trx).deleteGoal(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "goal.delete",
        entityType: "goal",
        entityId: id,
        message: msg("audit.goal.delete", { goal: g.title, goalId: id }),
        before: snapshot(g),
      });
    });
  }

  /** The subject's goals in the cycle must weigh 100 in all before they are proposed or agreed. */
  private async checkSubjectWeights(workspaceId: string, g: GoalRow) {
    const all = await this.ctx
      .goals()
      .listGoals(
        workspaceId,
        g.memberId
          ? { cycleId: g.cycleId, memberId: g.memberId }
          : { cycleId: g.cycleId, departmentId: g.departmentId! },
      );
    const fields = checkWeights(all);
    if (fields.length)
      throw fail(
        "invalid",
        "goals.weights_before_propose",
        { total: all.reduce((s, x) => s + x.weight, 0) },
        { fields },
      );
  }

  private async move(
    actor: Actor,
    id: string,
    version: number,
    action: Exclude<GoalAction, "reopen">,
    comment?: string,
  ) {
    const { g, org, cycle } = await this.goalFor(actor, id);
    if (action === "propose") GoalPlanningService.assertEditor(org, g);
    else if (!org.may("goals.goal.answer", g)) throw fail("forbidden", "goals.answer_forbidden");
    if (g.version !== version) throw staleVersion("goal", g.version);
    GoalPlanningService.assertOpen(cycle);
    const to = transition(g.status, action);
    if (!to) throw fail("conflict", CANNOT[action], { status: msg(STATUS[g.status]) });
    if (action !== "return") await this.checkSubjectWeights(actor.workspaceId, g);
    const at = this.ctx.now();
    const notified: string[] = [];
    const self = org.answererOf(g);
    const updated = await this.ctx.transaction(async (trx) => {
      const repo = this.ctx.goals(trx);
      const u = await repo.updateGoal(actor.workspaceId, id, g.version, {
        status: to,
        updatedAt: at,
        statusComment: action === "return" ? comment! : null,
        ...(action === "propose" && { proposedBy: actor.memberId }),
      });
      if (!u) throw staleVersion("goal", g.version);
      if (action === "agree")
        await repo.insertAgreement({
          workspaceId: actor.workspaceId,
          id: newId(),
          goalId: id,
          agreementNo: u.agreementNo,
          snapshot: JSON.stringify(snapshot(u)),
          agreedBy: actor.memberId,
          agreedAt: at,
        });
      await audit(trx, actor, at, {
        action: `goal.${action}`,
        entityType: "goal",
        entityId: id,
        message: msg(`audit.goal.${action}`, {
          goal: u.title,
          goalId: id,
          agreementNo: u.agreementNo,
          note: auditNote(comment),
        }),
        before: { status: g.status },
        after: { status: to, ...(comment && { comment }) },
      });
      await this.tell(trx, actor, org, { g, u, cycle, self, action, comment, at }, notified);
      return u;
    });
    this.ctx.publish(actor.workspaceId, notified);
    return this.present(actor, updated, cycle);
  }

  /** A proposal goes to the other side; an answer goes to whoever proposed. */
  private async tell(
    trx: Executor,
    actor: Actor,
    org: GoalOrg,
    m: {
      g: GoalRow;
      u: GoalRow;
      cycle: CycleRow;
      self: string | null;
      action: Exclude<GoalAction, "reopen">;
      comment?: string;
      at: string;
    },
    notified: string[],
  ) {
    const { g, u, cycle, self, action, comment, at } = m;
    const link = `/goals?cycle=${g.cycleId}`;
    const inCycle = msg("goals.notice.in_cycle", { cycle: cycle.name });
    if (action === "propose") {
      const other = actor.memberId === self ? org.reviewerOf(g.memberId ?? self ?? "") : self;
      if (other !== actor.memberId)
        await this.ctx.notify(
          trx,
          actor.workspaceId,
          other,
          {
            kind: "goal.proposed",
            title: msg("goals.notice.proposed", { title: u.title }),
            body: inCycle,
            link,
          },
          at,
          notified,
        );
    } else if (g.proposedBy && g.proposedBy !== actor.memberId) {
      await this.ctx.notify(
        trx,
        actor.workspaceId,
        g.proposedBy,
        {
          kind: action === "agree" ? "goal.agreed" : "goal.returned",
          title: msg(action === "agree" ? "goals.notice.agreed" : "goals.notice.returned", {
            title: u.title,
          }),
          body: comment ? msg("goals.notice.comment", { comment }) : inCycle,
          link,
        },
        at,
        notified,
      );
    }
  }

  propose(actor: Actor, id: string, version: number) {
    return this.move(actor, id, version, "propose");
  }
  agree(actor: Actor, id: string, version: number) {
    return this.move(actor, id, version, "agree");
  }
  returnGoal(actor: Actor, id: string, version: number, comment: string) {
    if (!comment.trim()) throw invalidField("comment", "goals.return_comment_required");
    return this.move(actor, id, version, "return", comment.trim());
  }

  /** A new agreement: the agreed goal goes back to draft with the next agreement number; the agreed state stays in the history. */
  async reopen(actor: Actor, id: string, version: number, comment?: string) {
    const { g, org, cycle } = await this.goalFor(actor, id);
    GoalPlanningService.assertEditor(org, g);
    if (g.version !== version) throw staleVersion("goal", g.version);
    GoalPlanningService.assertOpen(cycle);
    if (!transition(g.status, "reopen")) throw fail("conflict", "goals.reopen_agreed_only");
    await this.assertNotAssessed(actor.workspaceId, g);
    const at = this.ctx.now();
    const updated = await this.ctx.transaction(async (trx) => {
      const u = await this.ctx.goals(trx).updateGoal(actor.workspaceId, id, g.version, {
        status: "draft",
        agreementNo: g.agreementNo + 1,
        statusComment: comment?.trim() || null,
        proposedBy: null,
        updatedAt: at,
      });
      if (!u) throw staleVersion("goal", g.version);
      await audit(trx, actor, at, {
        action: "goal.reopen",
        entityType: "goal",
        entityId: id,
        message: msg("audit.goal.reopen", {
          goal: g.title,
          goalId: id,
          agreementNo: u.agreementNo,
          note: auditNote(comment?.trim()),
        }),
        before: { status: g.status, agreementNo: g.agreementNo },
        after: { status: "draft", agreementNo: u.agreementNo },
      });
      return u;
    });
    return this.present(actor, updated, cycle);
  }
}
