// Goal cycles: the list, one cycle with the people the actor oversees and their progress, and the
// owner's creating and changing of cycles.
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg } from "../../core/messages/index.js";
import { audit } from "../shared/context.js";
import { invalidField, staleVersion, type GoalContext } from "./goal-context.js";
import type { CycleRow } from "./goals.repository.js";
import {
  assessmentStatus,
  checkRange,
  fromHundredths,
  presentCycle,
  presentGoal,
  weightedAchievement,
} from "./goals.presenter.js";

export class GoalCycleService {
  constructor(private readonly ctx: GoalContext) {}

  async listCycles(actor: Actor) {
    const today = await this.ctx.today(actor.workspaceId);
    return (await this.ctx.goals().listCycles(actor.workspaceId)).map((c) =>
      presentCycle(c, today),
    );
  }

  async getCycle(actor: Actor, id: string) {
    const c = await this.ctx.cycleOr404(actor, id);
    const repo = this.ctx.goals();
    const [org, today, goals, assessments] = await Promise.all([
      this.ctx.org(actor),
      this.ctx.today(actor.workspaceId),
      repo.listGoals(actor.workspaceId, { cycleId: id }),
      repo.assessments(actor.workspaceId, { cycleId: id }),
    ]);
    const people = org.overseen();
    const mine = goals.filter((g) => g.memberId && people.some((p) => p.id === g.memberId));
    const live = await this.ctx.actuals.live(actor.workspaceId, c, mine, today);
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

  private async assertOwner(actor: Actor) {
    if (!(await this.ctx.org(actor)).may("goals.cycle.manage"))
      throw fail("forbidden", "goals.cycle.owner_only");
  }

  async createCycle(
    actor: Actor,
    input: { name: string; kind: "month" | "quarter" | "custom"; from: string; to: string },
  ) {
    await this.assertOwner(actor);
    checkRange(input.from, input.to);
    const at = this.ctx.now();
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
    if (!row.name) throw invalidField("name", "goals.cycle.name_required");
    await this.ctx.transaction(async (trx) => {
      await this.ctx.goals(trx).insertCycle(row);
      await audit(trx, actor, at, {
        action: "goal_cycle.create",
        entityType: "goal_cycle",
        entityId: row.id,
        message: msg("audit.goal_cycle.create", {
          cycle: row.name,
          cycleId: row.id,
          from: row.startDate,
          to: row.endDate,
        }),
        after: { name: row.name, kind: row.kind, from: row.startDate, to: row.endDate },
      });
    });
    return presentCycle(row, await this.ctx.today(actor.workspaceId));
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
    const c = await this.ctx.cycleOr404(actor, id);
    await this.assertOwner(actor);
    if (c.version !== input.version) throw staleVersion("cycle", c.version);
    const from = input.from ?? c.startDate;
    const to = input.to ?? c.endDate;
    checkRange(from, to);
    const name = input.name?.trim() ?? c.name;
    if (!name) throw invalidField("name", "goals.cycle.name_required");
    const at = this.ctx.now();
    const updated = await this.ctx.transaction(async (trx) => {
      const u = await this.ctx.goals(trx).updateCycle(actor.workspaceId, id, input.version, {
        name,
        startDate: from,
        endDate: to,
        status: input.status ?? c.status,
        updatedAt: at,
      });
      if (!u) throw staleVersion("cycle", c.version);
      await audit(trx, actor, at, {
        action: "goal_cycle.update",
        entityType: "goal_cycle",
        entityId: id,
        message: msg("audit.goal_cycle.update", { cycle: u.name, cycleId: id }),
        before: { name: c.name, from: c.startDate, to: c.endDate, status: c.status },
        after: { name: u.name, from: u.startDate, to: u.endDate, status: u.status },
      });
      return u;
    });
    return presentCycle(updated, await this.ctx.today(actor.workspaceId));
  }
}
