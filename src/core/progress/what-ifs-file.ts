// Corrective actions from a plan file alone (`dayclear whatif PLAN.json`, issue 12): the file
// (dayclear.plan/v1, team mode) is read as one plan of a workspace and handed to the same what-if
// core as the server's `POST /plans/{id}/what-ifs` (core/progress/what-ifs.ts), so the options,
// their scores and the best combination are computed the same way. Pure.
//
// How the file becomes the engine's input (core/plans/team-plan.ts BuildInput), starting on its
// `start` day: every task belongs to one plan (FILE_PLAN_ID); a task with children is a summary;
// pinned hours on the start day are that day's work already under way (kept), pinned hours
// before it are work done (they reduce what is left), pinned hours after it are reserved capacity
// of the member on that date (and no longer part of the task's work left); a `duty:` task is all
// reserved capacity. The file's capacity fields enter the input as the server's stored ones do:
// the efficiency table; `optional` tasks (the only ones cut scope may defer); work sharing
// (`maxPeople`, `minChunkHours`); the `overtime` list when `useOvertime` is true (the engine's rule:
// a list without it is kept but not used) — as stored overtime, capacity the options add to.
import type { EfficiencyTable, TeamPlan } from "../engine/types.js";
import { DUTY_TASK_PREFIX, type BuildInput, type TaskInput } from "../plans/team-plan.js";
import { whatIfs, type WhatIfAnswer, type WhatIfContext, type WhatIfMember } from "./what-ifs.js";

/** The one plan a file is read as. */
export const FILE_PLAN_ID = "plan";

/** The latest task deadline in the file (the default deadline of `dayclear whatif`), or null. */
export function fileDeadline(plan: TeamPlan): string | null {
  return (
    plan.tasks
      .map((t) => t.deadline)
      .filter((d): d is string => !!d)
      .sort()
      .pop() ?? null
  );
}

/** The plan file as the what-if core's input. */
export function fileInput(plan: TeamPlan): BuildInput {
  const today = plan.start;
  const parents = new Set(plan.tasks.filter((t) => t.parent).map((t) => t.parent!));
  const logs: BuildInput["logs"] = [];
  const todayAllocations: BuildInput["todayAllocations"] = [];
  const reserved: NonNullable<BuildInput["reserved"]> = [];
  const laterHours = new Map<string, number>();
  const isDuty = (id: string) => id.startsWith(DUTY_TASK_PREFIX);
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  plan.pinned.forEach((a, i) => {
    if (a.hours <= 0) return;
    if (isDuty(a.task) || a.date > today) {
      if (a.date < today) return;
      reserved.push({
        id: `file:${i}`,
        memberId: a.member,
        date: a.date,
        hours: a.hours,
        title: names.get(a.task) ?? a.task,
      });
      if (!isDuty(a.task)) laterHours.set(a.task, (laterHours.get(a.task) ?? 0) + a.hours);
      return;
    }
    // Work done before the start, or under way on the start day: logged hours (the day's stay).
    logs.push({ memberId: a.member, date: a.date, taskId: a.task, hours: a.hours });
    if (a.date === today) todayAllocations.push(a);
  });
  const tasks: TaskInput[] = plan.tasks
    .filter((t) => !isDuty(t.id))
    .map((t) => {
      const summary = parents.has(t.id);
      const left = Math.max(0, t.effortHours - (laterHours.get(t.id) ?? 0));
      return {
        id: t.id,
        planId: FILE_PLAN_ID,
        parentId: t.parent,
        name: t.name,
        effortHours: summary ? 0 : left,
        skill: t.skill,
        minLevel: t.minLevel,
        assignee: t.assignee,
        priority: t.priority,
        earliestStart: t.earliestStart,
        deadline: t.deadline,
        milestone: false,
        status: !summary && left <= 0 ? "done" : "todo",
        remainingHours: null,
        dependsOn: t.dependsOn.filter((d) => !isDuty(d.task)),
        ...(t.optional && !summary && { optional: true }),
        ...(!summary &&
          (t.maxPeople ?? 1) > 1 && {
            maxPeople: t.maxPeople,
            minChunkHours: t.minChunkHours ?? null,
          }),
      };
    });
  return {
    today,
    ...(plan.efficiency && { efficiency: plan.efficiency }),
    calendar: {
      workweek: plan.calendar.workweek,
      hoursPerDay: plan.calendar.hoursPerDay,
      days: [
        ...plan.calendar.holidays.map((date) => ({ date, kind: "holiday" as const })),
        ...plan.calendar.extraWorkdays.map((date) => ({ date, kind: "workday" as const })),
      ],
    },
    members: plan.members.map((m) => ({
      id: m.id,
      name: m.name,
      hoursPerDay: m.hoursPerDay ?? null,
      workweek: m.workweek ?? null,
      skills: m.skills,
      leaves: (m.daysOff ?? []).map((d) => ({ startDate: d, endDate: d })),
    })),
    duties: [],
    plans: [{ id: FILE_PLAN_ID, startDate: today }],
    tasks,
    logs,
    todayAllocations,
    otherLoggedToday: [],
    reserved,
    ...(plan.useOvertime &&
      plan.overtime?.length && {
        overtime: plan.overtime.map((o) => ({ memberId: o.member, date: o.date, hours: o.hours })),
      }),
  };
}

/** The corrective actions for the file's plan against `deadline`. */
export function fileWhatIfs(
  plan: TeamPlan,
  deadline: string,
  limits: WhatIfContext["limits"],
): WhatIfAnswer {
  const members: WhatIfMember[] = plan.members.map((m) => ({
    id: m.id,
    name: m.name,
    departmentId: null,
  }));
  const efficiency: EfficiencyTable | undefined = plan.efficiency;
  return whatIfs({
    input: fileInput(plan),
    planId: FILE_PLAN_ID,
    deadline,
    members,
    ...(efficiency && { efficiency }),
    limits,
  });
}
