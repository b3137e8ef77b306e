import type { TeamResult } from "../../core/engine/types.js";
import { lateTasks, rolledUpStates, type TaskState } from "../../core/plans/signals.js";
import type { Plan, PlanTask, TaskDependency } from "../../db/schema.js";
import type { PlanDto, TaskDto } from "./plan.schema.js";

export interface TaskActuals {
  loggedHours: number;
  actualStart: string | null;
}

/**
 * `deps`: this task's own dependencies (group them with depsByTask for a whole plan); `state`: a
 * summary row's state rolled up from its subtasks (rolledUpStates), which replaces its own.
 */
export function presentTask(
  t: PlanTask,
  deps: TaskDependency[],
  actuals?: TaskActuals,
  state?: TaskState,
): TaskDto {
  return {
    id: t.id,
    planId: t.planId,
    parentId: t.parentId,
    sortOrder: t.sortOrder,
    name: t.name,
    effortHours: t.effortHours,
    skillId: t.skillId,
    minLevel: t.minLevel,
    assigneeMemberId: t.assigneeMemberId,
    priority: t.priority,
    earliestStart: t.earliestStart,
    deadline: t.deadline,
    milestone: t.milestone === 1,
    optional: t.optional === 1,
    deferred: t.deferred === 1,
    status: state ?? t.status,
    remainingHours: t.remainingHours,
    loggedHours: actuals?.loggedHours ?? 0,
    actualStart: actuals?.actualStart ?? null,
    dependsOn: deps
      .filter((d) => d.taskId === t.id)
      .map((d) => ({ taskId: d.predecessorId, type: d.type, lagDays: d.lagDays })),
    version: t.version,
  };
}

export function presentPlan(p: Plan, tasks: PlanTask[], schedule: TeamResult | null): PlanDto {
  const own = tasks.filter((t) => t.planId === p.id);
  const ids = new Set(own.map((t) => t.id));
  const results = schedule?.tasks.filter((t) => ids.has(t.id)) ?? [];

  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    description: p.description,
    ownerMemberId: p.ownerMemberId,
    status: p.status,
    startDate: p.startDate,
    launchDate: p.launchDate,
    baselineAt: p.baselineAt,
    version: p.version,
    createdAt: p.createdAt,
    finish:
      results
        .map((t) => t.finish)
        .sort()
        .pop() ?? null,
    taskCount: own.length,
    doneCount: [...rolledUpStates(own).values()].filter((x) => x === "done").length,
    lateCount: lateTasks(results, own).length,
    unscheduledCount: schedule?.unscheduled.filter((u) => ids.has(u.task)).length ?? 0,
  };
}
