// English texts of the plans area's message codes (see index.ts). Keys: "plans.…" or the area's own prefixes.
export const PLANS_EN = {
  // What a not-found or a stale write is about (a nested `what`).
  "plans.entity.plan": "plan",
  "plans.entity.task": "task",
  "plans.entity.workspace": "workspace",
  "plans.not_found": "This {what} does not exist (it was deleted or belongs to another workspace).",
  "plans.stale_version":
    "This {what} was changed by someone else (now version {current}); reload and try again.",
  // Rights (core/plans/policy.ts).
  "plans.create_forbidden": "Only the owner and leads create plans.",
  "plans.edit_forbidden": "Only the owner, leads and the plan's owner edit a plan.",
  "plans.template_forbidden": "Only the owner and leads save plans as templates.",
  // Plans.
  "plans.launch_before_start": "The launch date is before the start date.",
  "plans.no_template": "There is no such template.",
  "plans.owner_inactive": "The plan's owner must be an active member of this workspace.",
  "plans.unschedulable": "The plan cannot be scheduled: {count} problem(s) in its data.",
  // Tasks.
  "plans.task.effort_or_kind":
    "A task needs more than 0 hours of effort (or mark it a milestone or a summary row).",
  "plans.task.effort_required": "A task needs more than 0 hours of effort.",
  "plans.task.deadline_before_start": "The deadline is before the earliest start.",
  "plans.task.parent_elsewhere": "The parent must be another task of this plan.",
  "plans.task.parent_cycle": "A task cannot be placed under its own subtask.",
  "plans.task.no_skill": "There is no such skill in this workspace.",
  "plans.task.assignee_inactive": "The assignee must be an active member of this workspace.",
  "plans.task.depends_on_itself": "A task cannot depend on itself.",
  "plans.task.not_in_plan": "There is no such task in this plan.",
  "plans.task.listed_twice": "Listed twice.",
  "plans.task.cycle": "This would make a cycle: {path}.",
  // What the scheduler noticed while building the workspace's plan (stored with the schedule).
  "plans.warning.no_work_left": "“{task}” has no work left: mark it done.",
  "plans.warning.assignee_inactive":
    "The assignee of “{task}” is no longer active; any member with the skill may take it.",
  "plans.warning.duty_never": "The duty “{duty}” falls on none of {member}'s working days.",
  // Slip alerts (notifications to a plan's owner and the assignee's lead when a re-plan moves a
  // finish later or makes a task late).
  "plans.slip.finish_moved": "“{plan}”: the expected finish moved from {from} to {to}.",
  "plans.slip.task_late":
    "“{plan}”: “{task}” will finish on {finish}, {lateDays} workday(s) after its deadline {deadline}.",
  "plans.slip.changes": "{count} plan changes",
} as const satisfies Record<string, string>;
