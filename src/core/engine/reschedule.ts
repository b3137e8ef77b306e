// Incremental re-scheduling after a change (effort, dependency, progress, a day off): work on
// or before `today` stays exactly where it was (it becomes pinned), started tasks keep their
// member, new work goes after today, and ties go to each task's previous assignee so the rest
// of the plan moves as little as the change requires.

import { addDays } from "../calendar/date.js";
import { scheduleTeam } from "./team/schedule.js";
import type { Allocation, ScheduleOptions, TeamPlan, TeamResult } from "./types.js";

export interface RescheduleOptions extends ScheduleOptions {
  /** Allocations on or before this date do not move; new work starts the day after. */
  today: string;
}

export function reschedule(plan: TeamPlan, previous: TeamResult, options: RescheduleOptions): TeamResult {
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  const memberIds = new Set(plan.members.map((m) => m.id));
  const key = (a: Allocation): string => `${a.member}|${a.date}|${a.task}`;
  const pinned = new Map(plan.pinned.map((a) => [key(a), a]));
  for (const a of previous.allocations) {
    if (a.date <= options.today && taskIds.has(a.task) && memberIds.has(a.member) && !pinned.has(key(a))) pinned.set(key(a), a);
  }
  const preferredAssignees = new Map<string, string>();
  const previousSeq = new Map<string, number>();
  for (const t of previous.tasks) {
    if (t.assignee !== null && memberIds.has(t.assignee)) preferredAssignees.set(t.id, t.assignee);
    if (t.seq !== undefined) previousSeq.set(t.id, t.seq);
  }
  return scheduleTeam(
    { ...plan, pinned: [...pinned.values()] },
    { ...options, placementStart: addDays(options.today, 1), preferredAssignees, previousSeq },
  );
}
