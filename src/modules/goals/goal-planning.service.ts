// Goal cycles and goals: drafting, and the agreement flow (propose, agree, send back, reopen by a
// new agreement, the agreed states kept), for a member or a department.
import type { Actor } from "../../core/actor.js";
import {
  conflict,
  forbidden,
  invalid,
  invalidField,
  notFound,
  staleVersion,
  type FieldError,
} from "../../core/errors.js";
import { checkWeights, transition, type GoalAction } from "../../core/goals/goals.js";
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso } from "../shared/context.js";
import { GoalRepository, type CycleRow, type GoalRow } from "./goals.repository.js";
import type { MetricDto } from "./goals.schema.js";
import {
  KPI_UNITS,
  fromHundredths,
  assessmentStatus,
  presentCycle,
  presentGoal,
  weightedAchievement,
  snapshot,
  checkRange,
} from "./goals.presenter.js";
import { GoalServiceBase } from "./goals.base.js";

export class GoalPlanningService extends GoalServiceBase {
  async listCycles(actor: Actor) {
    const db = this.deps.db;
    const today = await this.today(db, actor.workspaceId);
    return (await new GoalRepository(db).listCycles(actor.workspaceId)).map((c) =>
      presentCycle(c, today),
    );
  }

  async getCycle(actor: Actor, id: string) {
    const db = this.deps.db;
    const c = await this.cycleOr404(db, actor, id);
    const repo = new GoalRepository(db);
    const [access, today, goals, assessments] = await Promise.all([
      this.access(db, actor),
      this.today(db, actor.workspaceId),
      repo.listGoals(actor.workspaceId, { cycleId: id }),
      repo.assessments(actor.workspaceId, { cycleId: id }),
    ]);
    const people = access.overseen();
    const mine = goals.filter((g) => g.memberId && people.some((p) => p.id === g.memberId));
    const live = await this.liveActuals(actor.workspaceId, c, mine, today);
    return {
      ...presentCycle(c, today),
      people: people.map((p) => {
        const gs = mine.filter((g) => g.memberId === p.id).map((g) => presentGoal(g, live));
        const a = assessments.find((x) => x.memberId === p.id);
        return {
          memberId: p.id,
          name: p.name,
          departmentId: p.departmentId,
          goals: gs.length,
          agreed: gs.filter((g) => g.status === "agreed").length,
          weightTotal: gs.reduce((s, g) => s + g.weight, 0),
          assessment: assessmentStatus(a),
          finalScore: fromHundredths(a?.finalScore ?? null),
          achievement: weightedAchievement(gs),
        };
      }),
    };
  }

  async createCycle(
    actor: Actor,
    input: { name: string; kind: "month" | "quarter" | "custom"; from: string; to: string },
  ) {
    if (actor.role !== "owner") throw forbidden("Only the owner creates goal cycles");
    checkRange(input.from, input.to);
    const at = nowIso(this.deps);
    const row: CycleRow = {
      workspaceId: actor.workspaceId,
      id: newId(),
      name: input.name.trim(),
      kind: input.kind,
      startDate: input.from,
      endDate: input.to,
      status: "open",
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    if (!row.name) throw invalidField("name", "must not be blank");
    await this.deps.db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).insertCycle(row);
      await audit(trx, actor, at, {
        action: "goal_cycle.create",
        entityType: "goal_cycle",
        entityId: row.id,
        summary: `Created goal cycle ${row.name} (${row.startDate}…${row.endDate})`,
        after: { name: row.name, kind: row.kind, from: row.startDate, to: row.endDate },
      });
    });
    return presentCycle(row, await this.today(this.deps.db, actor.workspaceId));
  }

  async updateCycle(
    actor: Actor,
    id: string,
    input: {
      version: number;
      name?: string;
      from?: string;
      to?: string;
      status?: "open" | "closed";
    },
  ) {
    const c = await this.cycleOr404(this.deps.db, actor, id);
    if (actor.role !== "owner") throw forbidden("Only the owner changes goal cycles");
    if (c.version !== input.version) throw staleVersion("Goal cycle", c.version);
    const from = input.from ?? c.startDate;
    const to = input.to ?? c.endDate;
    checkRange(from, to);
    const name = input.name?.trim() ?? c.name;
    if (!name) throw invalidField("name", "must not be blank");
    const at = nowIso(this.deps);
    const updated = await this.deps.db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateCycle(actor.workspaceId, id, input.version, {
        name,
        startDate: from,
        endDate: to,
        status: input.status ?? c.status,
        updatedAt: at,
      });
      if (!u) throw staleVersion("Goal cycle", c.version);
      await audit(trx, actor, at, {
        action: "goal_cycle.update",
        entityType: "goal_cycle",
        entityId: id,
        summary: `Changed goal cycle ${u.name}`,
        before: { name: c.name, from: c.startDate, to: c.endDate, status: c.status },
        after: { name: u.name, from: u.startDate, to: u.endDate, status: u.status },
      });
      return u;
    });
    return presentCycle(updated, await this.today(this.deps.db, actor.workspaceId));
  }

  // ---- goals ----

  async listGoals(actor: Actor, q: { cycleId: string; memberId?: string; departmentId?: string }) {
    const db = this.deps.db;
    const c = await this.cycleOr404(db, actor, q.cycleId);
    const access = await this.access(db, actor);
    if (q.memberId) {
      if (!access.member(q.memberId)) throw notFound("Member");
      if (!access.canRead({ memberId: q.memberId, departmentId: null }))
        throw forbidden("You may only see your own goals, or those of the people you manage");
    }
    const goals = (
      await new GoalRepository(db).listGoals(actor.workspaceId, {
        cycleId: q.cycleId,
        memberId: q.memberId,
        departmentId: q.departmentId,
      })
    ).filter((g) => access.canRead(g));
    const live = await this.liveActuals(
      actor.workspaceId,
      c,
      goals,
      await this.today(db, actor.workspaceId),
    );
    return { items: goals.map((g) => presentGoal(g, live)), nextCursor: null };
  }

  protected async goalFor(db: Executor, actor: Actor, id: string) {
    const g = await new GoalRepository(db).getGoal(actor.workspaceId, id);
    if (!g) throw notFound("Goal");
    const access = await this.access(db, actor);
    if (!access.canRead(g))
      throw forbidden("You may only see your own goals, or those of the people you manage");
    const cycle = (await new GoalRepository(db).getCycle(actor.workspaceId, g.cycleId))!;
    return { g, access, cycle };
  }

  protected async present(
    db: Executor,
    actor: Actor,
    g: GoalRow,
    cycle: CycleRow,
    withHistory = false,
  ) {
    const live = await this.liveActuals(
      actor.workspaceId,
      cycle,
      [g],
      await this.today(db, actor.workspaceId),
    );
    const agreements = withHistory
      ? await new GoalRepository(db).agreements(actor.workspaceId, g.id)
      : [];
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
    const { g, cycle } = await this.goalFor(this.deps.db, actor, id);
    return this.present(this.deps.db, actor, g, cycle, true);
  }

  protected async checkMetric(
    db: Executor,
    workspaceId: string,
    metric: MetricDto,
    field = "metric",
  ) {
    if (metric.kind !== "kpi" || !metric.shopIds?.length) return;
    const shops = new Set((await new GoalRepository(db).shopIds(workspaceId)).map((s) => s.id));
    const errors: FieldError[] = metric.shopIds.flatMap((id, i) =>
      shops.has(id) ? [] : [{ field: `${field}.shopIds.${i}`, message: "no such shop" }],
    );
    if (errors.length) throw invalid("The goal names a shop that does not exist", errors);
  }

  /** Once the self-assessment is submitted, the goals it assesses stay as they were agreed. */
  protected async assertNotAssessed(db: Executor, workspaceId: string, g: GoalRow) {
    if (!g.memberId) return;
    const status = assessmentStatus(
      await new GoalRepository(db).getAssessment(workspaceId, g.cycleId, g.memberId),
    );
    if (status === "final")
      throw conflict("The cycle's result is final for this member; the goal no longer changes");
    if (status !== "open" && status !== "draft")
      throw conflict("The self-assessment is submitted; the goals it assesses no longer change");
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
    const db = this.deps.db;
    const cycle = await new GoalRepository(db).getCycle(actor.workspaceId, input.cycleId);
    if (!cycle) throw invalidField("cycleId", "no such goal cycle");
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if ((input.memberId === undefined) === (input.departmentId === undefined))
      throw invalid("A goal is for a member or for a department", [
        { field: "memberId", message: "give exactly one of memberId and departmentId" },
      ]);
    const access = await this.access(db, actor);
    const subject = { memberId: input.memberId ?? null, departmentId: null as string | null };
    if (input.memberId) {
      const m = access.member(input.memberId);
      if (!m || m.status !== "active") throw invalidField("memberId", "no such active member");
    } else {
      if (!access.org.departments.some((d) => d.id === input.departmentId))
        throw invalidField("departmentId", "no such department");
      subject.departmentId = input.departmentId!;
    }
    if (!access.isSelf(subject) && !access.manages(subject))
      throw forbidden("Goals are drafted by the member or by their lead or the owner");
    await this.checkMetric(db, actor.workspaceId, input.metric);
    const title = input.title.trim();
    if (!title) throw invalidField("title", "must not be blank");
    const at = nowIso(this.deps);
    const row: GoalRow = {
      workspaceId: actor.workspaceId,
      id: newId(),
      cycleId: cycle.id,
      memberId: subject.memberId,
      departmentId: subject.departmentId,
      title,
      weight: input.weight,
      target: input.target,
      unit: input.unit ?? (input.metric.kind === "kpi" ? KPI_UNITS[input.metric.kpi] : ""),
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
    await db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).insertGoal(row);
      await audit(trx, actor, at, {
        action: "goal.create",
        entityType: "goal",
        entityId: row.id,
        summary: `Drafted goal "${title}" (weight ${row.weight}, target ${row.target}${row.unit})`,
        after: snapshot(row),
      });
    });
    return this.present(db, actor, row, cycle, true);
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
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g))
      throw forbidden("Goals are changed by the member or by their lead or the owner");
    if (g.version !== input.version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (g.status === "agreed")
      throw conflict(
        "An agreed goal changes only by a new agreement: reopen it first (POST /goals/{id}/reopen)",
      );
    if (g.status === "proposed")
      throw conflict("The goal is proposed: agree or send it back first");
    if (input.metric) await this.checkMetric(db, actor.workspaceId, input.metric);
    const title = input.title?.trim() ?? g.title;
    if (!title) throw invalidField("title", "must not be blank");
    const at = nowIso(this.deps);
    const updated = await db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateGoal(actor.workspaceId, id, g.version, {
        title,
        weight: input.weight ?? g.weight,
        target: input.target ?? g.target,
        unit: input.unit ?? g.unit,
        metric: input.metric ? JSON.stringify(input.metric) : g.metric,
        updatedAt: at,
      });
      if (!u) throw staleVersion("Goal", g.version);
      await audit(trx, actor, at, {
        action: "goal.update",
        entityType: "goal",
        entityId: id,
        summary: `Changed goal "${u.title}"`,
        before: snapshot(g),
        after: snapshot(u),
      });
      return u;
    });
    return this.present(db, actor, updated, cycle, true);
  }

  async deleteGoal(actor: Actor, id: string) {
    const db = this.deps.db;
    const { g, access } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g))
      throw forbidden("Goals are removed by the member or by their lead or the owner");
    const history = await new GoalRepository(db).agreements(actor.workspaceId, id);
    if (g.status === "agreed" || g.status === "proposed" || history.length > 0)
      throw conflict("Only a goal that was never agreed and is not proposed can be removed");
    const at = nowIso(this.deps);
    await db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).deleteGoal(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "goal.delete",
        entityType: "goal",
        entityId: id,
        summary: `Removed goal "${g.title}"`,
        before: snapshot(g),
      });
    });
  }

  /** The subject's goals in the cycle must weigh 100 in all before they are proposed or agreed. */
  protected async checkSubjectWeights(db: Executor, workspaceId: string, g: GoalRow) {
    const all = await new GoalRepository(db).listGoals(
      workspaceId,
      g.memberId
        ? { cycleId: g.cycleId, memberId: g.memberId }
        : { cycleId: g.cycleId, departmentId: g.departmentId! },
    );
    const errors = checkWeights(all);
    if (errors.length)
      throw invalid(
        `The goals' weights must add up to 100 before they are proposed or agreed (they add up to ${all.reduce((s, x) => s + x.weight, 0)})`,
        errors,
      );
  }

  protected async move(
    actor: Actor,
    id: string,
    version: number,
    action: Exclude<GoalAction, "reopen">,
    comment?: string,
  ) {
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (
      action === "propose"
        ? !access.isSelf(g) && !access.manages(g)
        : !access.canAnswer(g, g.proposedBy)
    ) {
      throw forbidden(
        action === "propose"
          ? "Goals are proposed by the member or by their lead or the owner"
          : "The goal is agreed or sent back by the side that did not propose it",
      );
    }
    if (g.version !== version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    const to = transition(g.status, action);
    if (!to)
      throw conflict(
        `A ${g.status} goal cannot be ${action === "propose" ? "proposed" : action === "agree" ? "agreed" : "sent back"}`,
      );
    if (action !== "return") await this.checkSubjectWeights(db, actor.workspaceId, g);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    const self = access.selfOf(g);
    const updated = await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      const u = await repo.updateGoal(actor.workspaceId, id, g.version, {
        status: to,
        updatedAt: at,
        statusComment: action === "return" ? comment! : null,
        ...(action === "propose" && { proposedBy: actor.memberId }),
      });
      if (!u) throw staleVersion("Goal", g.version);
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
      const verb = action === "propose" ? "Proposed" : action === "agree" ? "Agreed" : "Sent back";
      await audit(trx, actor, at, {
        action: `goal.${action}`,
        entityType: "goal",
        entityId: id,
        summary: `${verb} goal "${u.title}"${action === "agree" ? ` (agreement ${u.agreementNo})` : ""}${comment ? `: ${comment}` : ""}`,
        before: { status: g.status },
        after: { status: to, ...(comment && { comment }) },
      });
      const link = `/goals?cycle=${g.cycleId}`;
      if (action === "propose") {
        const other =
          actor.memberId === self
            ? g.memberId
              ? access.reviewerOf(g.memberId)
              : access.reviewerOf(self ?? "")
            : self;
        if (other !== actor.memberId)
          await this.notify(
            trx,
            actor.workspaceId,
            other,
            "goal.proposed",
            `目标待确认 · Goal to agree: ${u.title}`,
            `${cycle.name}`,
            link,
            at,
            notified,
          );
      } else if (g.proposedBy && g.proposedBy !== actor.memberId) {
        const title =
          action === "agree"
            ? `目标已确认 · Goal agreed: ${u.title}`
            : `目标被退回 · Goal sent back: ${u.title}`;
        await this.notify(
          trx,
          actor.workspaceId,
          g.proposedBy,
          `goal.${action === "agree" ? "agreed" : "returned"}`,
          title,
          comment ?? cycle.name,
          link,
          at,
          notified,
        );
      }
      return u;
    });
    this.publish(actor.workspaceId, notified);
    return this.present(db, actor, updated, cycle, true);
  }

  propose(actor: Actor, id: string, version: number) {
    return this.move(actor, id, version, "propose");
  }
  agree(actor: Actor, id: string, version: number) {
    return this.move(actor, id, version, "agree");
  }
  returnGoal(actor: Actor, id: string, version: number, comment: string) {
    if (!comment.trim()) throw invalidField("comment", "say why the goal goes back");
    return this.move(actor, id, version, "return", comment.trim());
  }

  /** A new agreement: the agreed goal goes back to draft with the next agreement number; the agreed state stays in the history. */
  async reopen(actor: Actor, id: string, version: number, comment?: string) {
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g))
      throw forbidden("Goals are reopened by the member or by their lead or the owner");
    if (g.version !== version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (!transition(g.status, "reopen"))
      throw conflict("Only an agreed goal is reopened; change a draft directly");
    await this.assertNotAssessed(db, actor.workspaceId, g);
    const at = nowIso(this.deps);
    const updated = await db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateGoal(actor.workspaceId, id, g.version, {
        status: "draft",
        agreementNo: g.agreementNo + 1,
        statusComment: comment?.trim() || null,
        proposedBy: null,
        updatedAt: at,
      });
      if (!u) throw staleVersion("Goal", g.version);
      await audit(trx, actor, at, {
        action: "goal.reopen",
        entityType: "goal",
        entityId: id,
        summary: `Reopened goal "${g.title}" for agreement ${u.agreementNo}${comment ? `: ${comment}` : ""}`,
        before: { status: g.status, agreementNo: g.agreementNo },
        after: { status: "draft", agreementNo: u.agreementNo },
      });
      return u;
    });
    return this.present(db, actor, updated, cycle, true);
  }

  // ---- assessment ----
}
