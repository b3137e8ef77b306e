// Tasks of a plan: every change is validated (effort, dates, dependencies without cycles, all in
// the same plan and workspace), saved, and the workspace re-planned in the same transaction.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, type MessageCode } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import type { PlanTask, TaskDependency } from "../../db/schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizePlans } from "./plan.policy.js";
import { presentTask } from "./plan.presenter.js";
import { PlanRepository } from "./plan.repository.js";
import type { CreateTaskInput, DependencyInput, UpdateTaskInput } from "./plan.schema.js";
import { ScheduleService, type ReplanOutcome } from "./schedule.service.js";

/** The path of a cycle the new dependencies would close, or null. */
export function findCycle(
  taskId: string,
  newPreds: string[],
  deps: { taskId: string; predecessorId: string }[],
  nameOf: (id: string) => string,
): string | null {
  const succ = new Map<string, string[]>();
  for (const d of deps)
    if (d.taskId !== taskId)
      succ.set(d.predecessorId, [...(succ.get(d.predecessorId) ?? []), d.taskId]);
  for (const p of newPreds) succ.set(p, [...(succ.get(p) ?? []), taskId]);
  // A cycle through taskId: walk successors from taskId back to taskId.
  const stack: { id: string; path: string[] }[] = [{ id: taskId, path: [taskId] }];
  const seen = new Set<string>();
  while (stack.length) {
    const { id, path } = stack.pop()!;
    for (const next of succ.get(id) ?? []) {
      if (next === taskId) return [...path, taskId].map(nameOf).join(" → ");
      if (!seen.has(next)) {
        seen.add(next);
        stack.push({ id: next, path: [...path, next] });
      }
    }
  }
  return null;
}

type TaskOutline = Pick<PlanTask, "id" | "parentId" | "name">;

const notFound = (what: "plans.entity.plan" | "plans.entity.task") =>
  fail("not_found", "plans.not_found", { what: msg(what) });
const invalidField = (field: string, code: MessageCode) =>
  fail("invalid", code, undefined, { fields: [fieldError(field, code)] });

export class TaskService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async create(actor: Actor, planId: string, input: CreateTaskInput) {
    const { outcome, taskId } = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new PlanRepository(trx);
      const plan = await repo.getById(actor.workspaceId, planId);
      if (!plan) throw notFound("plans.entity.plan");
      authorizePlans(actor, "plans.plan.edit", plan);
      const siblings = await repo.outline(actor.workspaceId, planId);
      const at = nowIso(this.deps);
      const milestone = input.milestone ?? false;
      const effort = input.effortHours ?? 0;
      if (!milestone && !input.summary && !(effort > 0))
        throw invalidField("effortHours", "plans.task.effort_or_kind");
      const task: PlanTask = {
        workspaceId: actor.workspaceId,
        id: newId(),
        planId,
        parentId: input.parentId ?? null,
        sortOrder: input.sortOrder ?? siblings.length,
        name: input.name.trim(),
        effortHours: milestone ? 0 : effort,
        skillId: input.skillId ?? null,
        minLevel: input.minLevel ?? null,
        assigneeMemberId: input.assigneeMemberId ?? null,
        priority: input.priority ?? 500,
        earliestStart: input.earliestStart ?? null,
        deadline: input.deadline ?? null,
        milestone: milestone ? 1 : 0,
        optional: input.optional ? 1 : 0,
        deferred: 0,
        status: "todo",
        remainingHours: null,
        doneAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await this.check(trx, actor, task, siblings, input.dependsOn);
      await repo.createTasks([task]);
      if (input.dependsOn)
        await repo.replaceDeps(actor.workspaceId, planId, task.id, normalise(input.dependsOn));
      return {
        outcome: await this.schedule.replan(trx, actor.workspaceId, actor),
        taskId: task.id,
      };
    });
    return this.answer(actor, taskId, outcome);
  }

  async update(actor: Actor, id: string, input: UpdateTaskInput) {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new PlanRepository(trx);
      const current = await repo.getTask(actor.workspaceId, id);
      if (!current) throw notFound("plans.entity.task");
      const plan = (await repo.getById(actor.workspaceId, current.planId))!;
      authorizePlans(actor, "plans.plan.edit", plan);
      const siblings = await repo.outline(actor.workspaceId, current.planId);
      const at = nowIso(this.deps);
      const { version, dependsOn, milestone, optional, deferred, ...rest } = input;
      // A task no longer optional cannot stay cut: it comes back into the schedule.
      const isOptional = optional ?? current.optional === 1;
      const next: PlanTask = {
        ...current,
        ...rest,
        ...(rest.name !== undefined && { name: rest.name.trim() }),
        ...(milestone !== undefined && { milestone: milestone ? 1 : 0 }),
        optional: isOptional ? 1 : 0,
        deferred: isOptional && (deferred ?? current.deferred === 1) ? 1 : 0,
        ...(input.status === "done" &&
          current.status !== "done" && { doneAt: at, remainingHours: 0 }),
        ...(input.status !== undefined &&
          input.status !== "done" &&
          current.status === "done" && { doneAt: null, remainingHours: null }),
        updatedAt: at,
      };
      const isParent = siblings.some((t) => t.parentId === id);
      if (!next.milestone && !isParent && !(next.effortHours > 0))
        throw invalidField("effortHours", "plans.task.effort_required");
      await this.check(trx, actor, next, siblings, dependsOn);
      const { workspaceId: _w, id: _i, planId: _p, version: _v, createdAt: _c, ...patch } = next;
      const updated = await repo.updateTask(actor.workspaceId, id, version, patch);
      if (!updated)
        throw fail(
          "conflict",
          "plans.stale_version",
          { what: msg("plans.entity.task"), current: current.version },
          { extra: { currentVersion: current.version } },
        );
      if (dependsOn)
        await repo.replaceDeps(actor.workspaceId, current.planId, id, normalise(dependsOn));
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    return this.answer(actor, id, outcome);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new PlanRepository(trx);
      const current = await repo.getTask(actor.workspaceId, id);
      if (!current) throw notFound("plans.entity.task");
      const plan = (await repo.getById(actor.workspaceId, current.planId))!;
      authorizePlans(actor, "plans.plan.edit", plan);
      await repo.deleteTask(actor.workspaceId, id);
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
  }

  /** Field checks that need the database: references, dates, dependencies and cycles. */
  private async check(
    trx: Executor,
    actor: Actor,
    task: PlanTask,
    siblings: TaskOutline[],
    dependsOn?: DependencyInput[],
  ): Promise<void> {
    const errors: FieldError[] = [];
    const inPlan = new Map<string, TaskOutline>(siblings.map((t) => [t.id, t]));
    inPlan.set(task.id, task);
    if (task.earliestStart && task.deadline && task.deadline < task.earliestStart)
      errors.push(fieldError("deadline", "plans.task.deadline_before_start"));
    if (task.parentId) {
      if (!inPlan.has(task.parentId) || task.parentId === task.id)
        errors.push(fieldError("parentId", "plans.task.parent_elsewhere"));
      else {
        for (
          let p: string | null = task.parentId, hops = 0;
          p && hops <= inPlan.size;
          p = inPlan.get(p)?.parentId ?? null, hops++
        ) {
          if (p === task.id) {
            errors.push(fieldError("parentId", "plans.task.parent_cycle"));
            break;
          }
        }
      }
    }
    const repo = new PlanRepository(trx);
    if (task.skillId && !(await repo.skillExists(actor.workspaceId, task.skillId)))
      errors.push(fieldError("skillId", "plans.task.no_skill"));
    if (
      task.assigneeMemberId &&
      !(await repo.isActiveMember(actor.workspaceId, task.assigneeMemberId))
    )
      errors.push(fieldError("assigneeMemberId", "plans.task.assignee_inactive"));
    if (dependsOn) {
      const seen = new Set<string>();
      dependsOn.forEach((d, i) => {
        if (d.taskId === task.id)
          errors.push(fieldError(`dependsOn.${i}.taskId`, "plans.task.depends_on_itself"));
        else if (!inPlan.has(d.taskId))
          errors.push(fieldError(`dependsOn.${i}.taskId`, "plans.task.not_in_plan"));
        else if (seen.has(d.taskId))
          errors.push(fieldError(`dependsOn.${i}.taskId`, "plans.task.listed_twice"));
        seen.add(d.taskId);
      });
      if (errors.length === 0) {
        const all = await repo.depsOf(actor.workspaceId, [task.planId]);
        const cycle = findCycle(
          task.id,
          dependsOn.map((d) => d.taskId),
          all,
          (id) => inPlan.get(id)?.name ?? id,
        );
        if (cycle) errors.push(fieldError("dependsOn", "plans.task.cycle", { path: cycle }));
      }
    }
    if (errors.length)
      throw fail(
        "invalid",
        "request.invalid",
        { fields: errors.map((e) => e.field) },
        `Invalid task: ${errors.map((e) => `${e.field} ${e.code}`).join("; ")}`,
        { fields: errors },
      );
  }

  private async answer(actor: Actor, taskId: string, outcome: ReplanOutcome) {
    this.schedule.committed(outcome);
    const repo = new PlanRepository(this.deps.db);
    const task = (await repo.getTask(actor.workspaceId, taskId))!;
    const deps = await repo.depsOfTask(actor.workspaceId, taskId);
    const own = outcome.result.tasks.filter((t) => outcome.planOf.get(t.id) === task.planId);
    return {
      task: presentTask(task, deps),
      schedule: {
        finish:
          own
            .map((t) => t.finish)
            .sort()
            .pop() ?? null,
        late: own.filter((t) => t.late).length,
        unscheduled: outcome.result.unscheduled.filter(
          (u) => outcome.planOf.get(u.task) === task.planId,
        ).length,
        ms: outcome.result.stats.ms,
      },
    };
  }
}

const normalise = (
  deps: DependencyInput[],
): Omit<TaskDependency, "workspaceId" | "planId" | "taskId">[] =>
  deps.map((d) => ({ predecessorId: d.taskId, type: d.type ?? "FS", lagDays: d.lagDays ?? 0 }));
