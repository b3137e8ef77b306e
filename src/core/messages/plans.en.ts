// English texts of the plans area's message codes (see index.ts). Keys: "plans.…" or the area's own prefixes.
import { PLANS_CAPACITY_EN } from "./plans-capacity.en.js";
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
  // A plan file (dayclear.plan/v1) read by the engine (core/engine/plan-validate.ts): what is wrong
  // where, ids and field names as the file writes them. The English texts are also the `message`
  // of each issue and the result's `warnings` (files and logs), so they keep the file's quotes.
  "plans.file.what.plan": "plan",
  "plans.file.what.calendar": "calendar",
  "plans.file.what.member": 'member "{id}"',
  "plans.file.what.task": 'task "{id}"',
  "plans.file.what.resource": 'resource "{id}"',
  "plans.file.what.task_at": 'task "{id}" {at}',
  "plans.file.what.path": "{path}",
  "plans.file.nothing": "nothing",
  "plans.file.field": "{what}: {field} {problem}",
  "plans.file.not_string": "must be a non-empty string, got {got}",
  "plans.file.not_string_or_null": "must be a non-empty string or null, got {got}",
  "plans.file.not_number": "must be a number, got {got}",
  "plans.file.not_whole": "must be a whole number, got {got}",
  "plans.file.not_above": "must be greater than {min}, got {got}",
  "plans.file.below_min": "must be at least {min}, got {got}",
  "plans.file.above_max": "must be at most {max}, got {got}",
  "plans.file.not_date": "must be a date YYYY-MM-DD, got {got}",
  "plans.file.not_date_or_null": "must be a date YYYY-MM-DD or null, got {got}",
  "plans.file.not_date_list": "must be a list of dates, got {got}",
  "plans.file.not_weekdays": "must be a list of ISO weekdays 1 (Monday) … 7 (Sunday), got {got}",
  "plans.file.not_list": "must be a list, got {got}",
  "plans.file.not_object": "must be an object, got {got}",
  "plans.file.not_level": "must be a level 1..5, got {got}",
  "plans.file.not_dependency_type": "must be one of FS, SS, FF, SF, got {got}",
  "plans.file.not_demand": "must be a whole number ≥ 0, got {got}",
  "plans.file.not_json": "not valid JSON: {error}",
  "plans.file.plan_not_object": "plan must be a JSON object, got {got}",
  "plans.file.bad_format": 'format must be "{format}", got {got}',
  "plans.file.bad_mode": 'mode must be "team" or "abstract", got {got}',
  "plans.file.item_not_object": "{path} must be an object, got {got}",
  "plans.file.no_id": "{path}: id must be a non-empty string, got {got}",
  "plans.file.id_twice": "{what}: id is used twice ({first} and {second})",
  "plans.file.dependency_not_object":
    'task "{id}": {at} must be an object {task, type, lagDays}, got {got}',
  "plans.file.pin_not_object": "{path} must be an object {member, date, task, hours}",
  "plans.file.unknown_member": '{what}: {field} names unknown member "{ref}"',
  "plans.file.unknown_task": '{what}: {field} names unknown task "{ref}"',
  "plans.file.unknown_resource": 'task "{id}": demands names unknown resource "{ref}"',
  "plans.file.names_itself": "{what}: {field} names the task itself",
  "plans.file.names_summary": 'task "{id}": {field} names its own summary task "{ref}"',
  "plans.file.names_subtask": 'task "{id}": {field} names its own subtask "{ref}"',
  "plans.file.level_without_skill": 'task "{id}": minLevel is set but skill is not',
  "plans.file.pin_summary": '{path}: task "{task}" is a summary task; pin its subtasks',
  "plans.file.over_capacity":
    'task "{id}": demands.{resource} = {demand} exceeds the resource\'s capacity {capacity}',
  "plans.file.parent_loop": 'task "{id}": parent chain loops: {path}',
  "plans.file.cycle": "dependency cycle: {path} (each task waits for the one before it)",
  // What the engine noticed while scheduling (the result's `warnings`, and `notices` as codes).
  "plans.engine.cycle": "dependency cycle: {path}; the tasks on it and after it are not scheduled",
  "plans.engine.pinned_out_of_order":
    'task "{task}": pinned work already done does not follow its dependencies as they are now; only its remaining work is placed after them',
  // dayclear schedule: its own lines (the CLI's language: --lang, else LC_ALL/LANG).
  "plans.cli.bad_effort":
    '--effort must be "quick" or a positive whole number of schedules, got "{effort}"',
  "plans.cli.bad_seed": '--seed must be a whole number, got "{seed}"',
  "plans.cli.cannot_read": "cannot read {file}: {reason}",
  "plans.cli.cannot_write": "cannot write {file}: {reason}",
  "plans.cli.invalid": "{file} is not a valid plan ({count} problem(s)):",
  "plans.cli.unscheduled": "{count} task(s) could not be scheduled:",
  "plans.cli.note": "note: {warning}",
  ...PLANS_CAPACITY_EN,
} as const satisfies Record<string, string>;
