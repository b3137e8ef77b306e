// Corrective actions as what-ifs (issue 12): for a plan that misses its deadline, the options
// computed by core/progress/what-ifs.ts on a copy of the whole workspace's engine input (members
// are shared across plans) — nothing is written — and, when one is chosen, its edits applied as one
// audited plan change with a revision check (409 when the plan changed since), re-planned in the
// same transaction: the finish it then gives is the one predicted. An applied what-if is kept
// (whatif_applications) and can be undone while the plan has not changed since. Rights: who may
// edit the plan (core/plans/policy.ts: the owner, the leads, the plan's owner).
import { createHash } from "node:crypto";
import type { Actor } from "../../core/actor.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import { newId } from "../../core/ids.js";
import { qualifies, type BuildInput } from "../../core/plans/team-plan.js";
import type { TaskMoves, TaskSpan } from "../../core/progress/what-if-moves.js";
import {
  evaluate,
  whatIfs,
  type WhatIfChange,
  type WhatIfScore,
} from "../../core/progress/what-ifs.js";
import type { Executor } from "../../db/database.js";
import { authorizePlans } from "../plans/plan.policy.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { ProgressRepository } from "./progress.repository.js";
import { WhatIfRepository } from "./what-if.repository.js";

const planNotFound = () => fail("not_found", "plans.not_found", { what: msg("plans.entity.plan") });

/** The plan's revision: its version, its tasks' versions and its dependencies. */
async function revisionOf(
  db: Executor,
  workspaceId: string,
  plan: { id: string; version: number },
) {
  const parts = await new WhatIfRepository(db).parts(workspaceId, plan.id);
  return createHash("sha256")
    .update(JSON.stringify([plan.version, parts.tasks, parts.deps]))
    .digest("hex")
    .slice(0, 32);
}

export class WhatIfService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  private async plan(actor: Actor, planId: string) {
    const plan = await new WhatIfRepository(this.deps.db).plan(actor.workspaceId, planId);
    if (!plan) throw planNotFound();
    authorizePlans(actor, "plans.plan.edit", plan);
    return plan;
  }

  /** The options for the plan, scored, and the best combination found; nothing is written. */
  async propose(actor: Actor, planId: string) {
    const plan = await this.plan(actor, planId);
    const db = this.deps.db;
    // Re-planned first when the day has turned, so the copy starts from today's schedule.
    await this.schedule.current(actor.workspaceId);
    const today = await this.schedule.today(db, actor.workspaceId);
    const revision = await revisionOf(db, actor.workspaceId, plan);
    const base = { planId, revision, deadline: plan.launchDate, today };
    if (!plan.launchDate)
      return {
        ...base,
        finish: null,
        lateDays: 0,
        options: [],
        best: null,
        notes: [msg("progress.whatif.no_deadline")],
        runs: 0,
      };
    const { input, plans } = await this.schedule.buildPlan(db, actor.workspaceId, today);
    const members = await new ProgressRepository(db).members(actor.workspaceId);
    const answer = whatIfs({
      input,
      planId,
      deadline: plan.launchDate,
      members,
      limits: {
        options: LIMITS.whatIfOptionsMax,
        runs: LIMITS.whatIfEngineRunsMax,
        work: LIMITS.whatIfEngineWork,
      },
    });
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const planName = new Map(plans.map((p) => [p.id, p.name]));
    const present = (s: WhatIfScore) => ({
      ...s,
      affectedMembers: s.affectedMembers.map((id) => ({
        memberId: id,
        name: memberName.get(id) ?? null,
      })),
      slipsElsewhere: s.slipsElsewhere.map((x) => ({ ...x, name: planName.get(x.planId) ?? null })),
    });
    const people = (s: TaskSpan | null) =>
      s && {
        ...s,
        assignees: s.assignees.map((id) => ({ memberId: id, name: memberName.get(id) ?? null })),
      };
    const diff = (d: TaskMoves) => ({
      moves: d.moves.map((m) => ({ ...m, before: people(m.before), after: people(m.after) })),
      total: d.total,
    });
    return {
      ...base,
      finish: answer.finish,
      lateDays: answer.lateDays,
      options: answer.options.map((o) => ({ ...o, score: present(o.score), diff: diff(o.diff) })),
      best: answer.best && {
        ...answer.best,
        score: present(answer.best.score),
        diff: diff(answer.best.diff),
      },
      notes: answer.notes,
      runs: answer.runs,
    };
  }

  /**
   * Applies the changes of an option (or a combination) as one audited edit of the plan: the
   * revision the options were computed on must still hold (else 409), every change must still make
   * sense (else 400 with the field), and the workspace is re-planned in the same transaction. The
   * application is kept (what each change replaced, the overtime it adds) so it can be undone.
   */
  async apply(actor: Actor, planId: string, body: { revision: string; changes: WhatIfChange[] }) {
    await this.plan(actor, planId);
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new WhatIfRepository(trx);
      const plan = await repo.plan(actor.workspaceId, planId);
      if (!plan) throw planNotFound();
      const current = await revisionOf(trx, actor.workspaceId, plan);
      if (current !== body.revision)
        throw fail("conflict", "progress.whatif.stale", undefined, {
          extra: { revision: current },
        });
      const today = await this.schedule.today(trx, actor.workspaceId);
      const { input } = await this.schedule.buildPlan(trx, actor.workspaceId, today);
      const { deps } = await repo.parts(actor.workspaceId, planId);
      const before = checkChanges(input, planId, deps, body.changes);
      const at = nowIso(this.deps);
      const applicationId = newId();
      for (const c of body.changes) {
        if (c.kind === "assign") await repo.assign(actor.workspaceId, c.taskId, c.memberId, at);
        if (c.kind === "overlap")
          await repo.relink(actor.workspaceId, c.taskId, c.predecessorId, c.lagDays, at);
        if (c.kind === "defer") await repo.setDeferred(actor.workspaceId, c.taskId, true, at);
      }
      if (!(await repo.bumpPlan(actor.workspaceId, planId, plan.version, at)))
        throw fail("conflict", "progress.whatif.stale");
      const revision = await revisionOf(trx, actor.workspaceId, {
        id: planId,
        version: plan.version + 1,
      });
      const finishBefore = evaluate(input, [], planId).finish;
      await repo.recordApplication({
        workspaceId: actor.workspaceId,
        id: applicationId,
        planId,
        changes: JSON.stringify(body.changes),
        before: JSON.stringify(before),
        revision,
        finishBefore,
        finishAfter: null,
        appliedBy: actor.via === "system" ? null : actor.memberId,
        appliedAt: at,
        undoneBy: null,
        undoneAt: null,
      });
      // Overtime becomes capacity the engine input reads (ScheduleService.buildPlan).
      await repo.addOvertime(
        body.changes.flatMap((c) =>
          c.kind === "overtime"
            ? c.dates.map((date) => ({
                workspaceId: actor.workspaceId,
                id: newId(),
                memberId: c.memberId,
                date,
                hours: c.hoursPerDay,
                planId,
                applicationId,
                createdAt: at,
              }))
            : [],
        ),
      );
      await audit(trx, actor, at, {
        action: "plan.whatif_apply",
        entityType: "plan",
        entityId: planId,
        message: msg("audit.plan.whatif_apply", { plan: plan.name, planId }),
        before: { applicationId, changes: before },
        after: { applicationId, changes: body.changes },
      });
      const replanned = await this.schedule.replan(trx, actor.workspaceId, actor);
      const finish = planFinish(replanned, planId);
      await repo.setFinishAfter(actor.workspaceId, applicationId, finish);
      return {
        replanned,
        revision,
        deadline: plan.launchDate,
        applicationId,
        finishBefore,
        finish,
      };
    });
    this.schedule.committed(outcome.replanned);
    const { finish, deadline } = outcome;
    return {
      planId,
      applicationId: outcome.applicationId,
      revision: outcome.revision,
      finish,
      finishBefore: outcome.finishBefore,
      deadline,
      meetsDeadline: !!finish && (!deadline || finish <= deadline),
    };
  }

  /**
   * The plan's latest applied what-if not undone, and whether it can still be undone (the plan
   * unchanged since), so a page read later can offer the undo; null when there is none.
   */
  async last(actor: Actor, planId: string) {
    const plan = await this.plan(actor, planId);
    const repo = new WhatIfRepository(this.deps.db);
    const app = await repo.lastApplication(actor.workspaceId, planId);
    if (!app) return { last: null };
    const current = await revisionOf(this.deps.db, actor.workspaceId, plan);
    return {
      last: {
        applicationId: app.id,
        appliedAt: app.appliedAt,
        finishBefore: app.finishBefore,
        finishAfter: app.finishAfter,
        undoable: current === app.revision,
      },
    };
  }

  /**
   * Undoes an applied what-if as one audited edit: every change goes back to what it replaced
   * (assignees, links, deferred tasks) and its overtime is removed, then the workspace is re-planned
   * — with nothing else changed, to the finish the plan had before. Refused (409) once the plan
   * changed after the application (its revision moved: an edit, another what-if) or when it was
   * already undone.
   */
  async undo(actor: Actor, planId: string, applicationId: string) {
    await this.plan(actor, planId);
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new WhatIfRepository(trx);
      const plan = await repo.plan(actor.workspaceId, planId);
      if (!plan) throw planNotFound();
      const app = await repo.application(actor.workspaceId, planId, applicationId);
      if (!app) throw fail("not_found", "progress.whatif.application_not_found");
      if (app.undoneAt) throw fail("conflict", "progress.whatif.already_undone");
      const current = await revisionOf(trx, actor.workspaceId, plan);
      if (current !== app.revision)
        throw fail("conflict", "progress.whatif.undo_stale", undefined, {
          extra: { revision: current },
        });
      const at = nowIso(this.deps);
      const before = JSON.parse(app.before) as Before[];
      for (const b of [...before].reverse()) {
        if (b.kind === "assign") await repo.assign(actor.workspaceId, b.taskId, b.memberId, at);
        if (b.kind === "overlap")
          await repo.relink(actor.workspaceId, b.taskId, b.predecessorId, b.lagDays, at, b.type);
        if (b.kind === "defer") await repo.setDeferred(actor.workspaceId, b.taskId, false, at);
      }
      await repo.removeOvertime(actor.workspaceId, applicationId);
      if (!(await repo.bumpPlan(actor.workspaceId, planId, plan.version, at)))
        throw fail("conflict", "progress.whatif.undo_stale");
      if (!(await repo.markUndone(actor.workspaceId, applicationId, actorId(actor), at)))
        throw fail("conflict", "progress.whatif.already_undone");
      await audit(trx, actor, at, {
        action: "plan.whatif_undo",
        entityType: "plan",
        entityId: planId,
        message: msg("audit.plan.whatif_undo", { plan: plan.name, planId }),
        before: { applicationId, changes: JSON.parse(app.changes) as unknown },
        after: { applicationId, changes: before },
      });
      const replanned = await this.schedule.replan(trx, actor.workspaceId, actor);
      return {
        replanned,
        revision: await revisionOf(trx, actor.workspaceId, {
          id: planId,
          version: plan.version + 1,
        }),
        deadline: plan.launchDate,
      };
    });
    this.schedule.committed(outcome.replanned);
    const finish = planFinish(outcome.replanned, planId);
    return {
      planId,
      applicationId,
      revision: outcome.revision,
      finish,
      deadline: outcome.deadline,
      meetsDeadline: !!finish && (!outcome.deadline || finish <= outcome.deadline),
    };
  }
}

/** What a change replaced, kept with the application so it can be undone. */
type Before =
  | { kind: "assign"; taskId: string; memberId: string | null }
  | {
      kind: "overlap";
      taskId: string;
      predecessorId: string;
      type: "FS" | "SS" | "FF" | "SF";
      lagDays: number;
    }
  | { kind: "defer"; taskId: string }
  | { kind: "overtime"; memberId: string; dates: string[] };

const actorId = (actor: Actor) => (actor.via === "system" ? null : actor.memberId);

/** The plan's finish in a re-plan: the latest of its placed tasks and milestones. */
function planFinish(replanned: Awaited<ReturnType<ScheduleService["replan"]>>, planId: string) {
  return (
    replanned.result.tasks
      .filter((t) => replanned.planOf.get(t.id) === planId && !t.summary)
      .map((t) => t.finish)
      .sort()
      .pop() ?? null
  );
}

/** Checks each change against the plan as it is now; answers what each replaces, or throws 400. */
function checkChanges(
  input: BuildInput,
  planId: string,
  deps: {
    taskId: string;
    predecessorId: string;
    type: "FS" | "SS" | "FF" | "SF";
    lagDays: number;
  }[],
  changes: readonly WhatIfChange[],
): Before[] {
  const active = new Set(input.members.map((m) => m.id));
  const errors: FieldError[] = [];
  const before: Before[] = [];
  changes.forEach((c, i) => {
    if (c.kind === "overtime") {
      if (!active.has(c.memberId))
        errors.push(fieldError(`changes.${i}.memberId`, "progress.whatif.member_inactive"));
      else before.push({ kind: "overtime", memberId: c.memberId, dates: c.dates });
      return;
    }
    const task = input.tasks.find((t) => t.id === c.taskId && t.planId === planId);
    if (!task || task.status === "done" || task.milestone || task.deferred) {
      errors.push(fieldError(`changes.${i}.taskId`, "progress.whatif.task_not_open"));
      return;
    }
    if (c.kind === "defer") {
      if (!task.optional)
        errors.push(fieldError(`changes.${i}.taskId`, "progress.whatif.not_optional"));
      else before.push({ kind: "defer", taskId: c.taskId });
    } else if (c.kind === "assign") {
      const m = input.members.find((x) => x.id === c.memberId);
      if (!m || !qualifies({ ...task, assignee: null }, m, active))
        errors.push(fieldError(`changes.${i}.memberId`, "progress.whatif.member_not_qualified"));
      before.push({ kind: c.kind, taskId: c.taskId, memberId: task.assignee });
    } else {
      const d = deps.find((x) => x.taskId === c.taskId && x.predecessorId === c.predecessorId);
      if (!d || d.type !== "FS")
        errors.push(fieldError(`changes.${i}.predecessorId`, "progress.whatif.no_such_link"));
      else
        before.push({
          kind: c.kind,
          taskId: c.taskId,
          predecessorId: c.predecessorId,
          type: d.type,
          lagDays: d.lagDays,
        });
    }
  });
  if (errors.length)
    throw fail(
      "invalid",
      "request.invalid",
      { fields: errors.map((e) => e.field) },
      { fields: errors },
    );
  return before;
}
