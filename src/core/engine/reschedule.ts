// Incremental re-scheduling after a change (effort, dependency, progress, a day off): work on
// or before `today` stays exactly where it was (it becomes pinned), started tasks keep their
// member, new work goes after today, and the previous placement order is replayed with ties
// going to each task's previous assignee — so the plan moves only as much as the change
// requires. With `incremental`, tasks placed before the first one the change affects keep their
// allocations outright instead of being placed again (same result).

import { addDays } from "../calendar/date.js";
import { validateTeamPlan } from "./plan-validate.js";
import { firstAffectedSeq } from "./team/affected.js";
import { scheduleTeam } from "./team/schedule.js";
import {
  PlanValidationError,
  type Allocation,
  type ScheduleOptions,
  type TeamPlan,
  type TeamResult,
} from "./types.js";

export interface RescheduleOptions extends ScheduleOptions {
  /** Allocations on or before this date do not move; new work starts the day after. */
  today: string;
  /**
   * Keep the allocations of every task placed before the first one the change affects instead
   * of re-placing them. Same result (property-tested); default false because finding that task
   * currently costs about what it saves at 2,000 tasks (see docs/BENCHMARKS.md).
   */
  incremental?: boolean;
}

export function reschedule(
  input: TeamPlan,
  previous: TeamResult,
  options: RescheduleOptions,
): TeamResult {
  const checked = validateTeamPlan(input as unknown as Record<string, unknown>, { cycles: false });
  if (!checked.ok) throw new PlanValidationError(checked.issues);
  const plan = checked.plan;
  const keepBefore = options.incremental ? firstAffectedSeq(plan, previous) : 0;
  const seqOf = new Map<string, number>();
  for (const t of previous.tasks) if (t.seq !== undefined) seqOf.set(t.id, t.seq);
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  const memberIds = new Set(plan.members.map((m) => m.id));
  const key = (a: Allocation): string => `${a.member}|${a.date}|${a.task}`;
  const given = new Set(plan.pinned.map(key));
  const pinned = [...plan.pinned];
  for (const a of previous.allocations) {
    const keep = a.date <= options.today || (seqOf.get(a.task) ?? Infinity) < keepBefore;
    if (
      keep &&
      taskIds.has(a.task) &&
      memberIds.has(a.member) &&
      (given.size === 0 || !given.has(key(a)))
    )
      pinned.push(a);
  }
  const preferredAssignees = new Map<string, string>();
  const previousSeq = new Map<string, number>();
  const previousShared = new Set<string>();
  for (const t of previous.tasks) {
    if (t.assignee !== null && memberIds.has(t.assignee)) preferredAssignees.set(t.id, t.assignee);
    if (t.seq !== undefined) previousSeq.set(t.id, t.seq);
    if (t.assignees && t.assignees.length > 1) previousShared.add(t.id);
  }
  return scheduleTeam(
    { ...plan, pinned },
    {
      ...options,
      placementStart: addDays(options.today, 1),
      preferredAssignees,
      previousSeq,
      previousShared,
      skipValidation: true,
    },
  );
}
