// English texts of the progress area's message codes (see index.ts). Keys: "progress.…" or the area's own prefixes.
export const PROGRESS_EN = {
  // Slip analysis (core/progress/slip.ts): why the forecast finish moved, each with its days.
  "progress.slip.baseline":
    "The forecast finish {forecast} is {days} workday(s) after the baseline's finish {baselineFinish}.",
  "progress.slip.deadline":
    "The forecast finish {forecast} is {days} workday(s) after the deadline {deadline}.",
  "progress.cause.started_late":
    "“{task}” started on {start}, planned for {plannedStart}: {days} workday(s).",
  "progress.cause.started_late_not_yet":
    "“{task}” has not started; it was planned for {plannedStart} and is now placed on {start}: {days} workday(s).",
  "progress.cause.dependency_added":
    "“{task}” now waits for “{predecessor}”, a dependency added after the baseline: {days} workday(s).",
  "progress.cause.absent":
    "{member} is on leave {leaveDays} workday(s) during “{task}”: {days} workday(s).",
  "progress.cause.effort_grew": "“{task}” grew from {from} h to {to} h: {days} workday(s).",
  "progress.cause.slower":
    "“{task}” gets fewer hours a day than planned (other work, shared people): {days} workday(s).",
  "progress.cause.task_added":
    "“{task}”, added after the baseline, is on the path to the finish: {days} workday(s).",
  "progress.future_date": "Choose today ({today}) or an earlier day.",
  "progress.no_baseline":
    "This plan has no baseline yet: freeze one with “Set baseline” on the plan page, and progress is measured against it.",
  "progress.unassigned": "Nobody planned",
  "progress.unknown_task": "a deleted task",
  "progress.unknown_member": "a former member",
  // A lead's daily report, a line per plan of their departments (modules/progress/progress.service.ts).
  "progress.report.line":
    "“{plan}”: SPI {spi}, forecast finish {forecast} (earned schedule) / {engine} (re-plan)",
  "progress.report.line_deadline":
    "“{plan}”: SPI {spi}, forecast finish {forecast} (earned schedule) / {engine} (re-plan), deadline {deadline}",
  // Corrective actions as what-ifs (core/progress/what-ifs.ts, modules/progress/what-if.service.ts).
  "progress.whatif.add_person":
    "Give “{task}” to {member} (another plan or department) instead of {from}",
  "progress.whatif.experienced":
    "Give “{task}” to {member} (level {level}) instead of {from} (level {fromLevel})",
  "progress.whatif.fast_track":
    "Start “{task}” {lag} workday(s) after “{predecessor}” starts instead of after it finishes",
  "progress.whatif.overlap_risk":
    "“{task}” starts {days} workday(s) before “{predecessor}” is finished: rework if it changes",
  "progress.whatif.overtime":
    "{member} works {hours} h overtime on {days} workday(s), {from} to {to}",
  "progress.whatif.no_optional_flag":
    "Cutting scope is not proposed: no open task on the plan's critical path is marked optional.",
  "progress.whatif.defer":
    "Defer the optional task “{task}” ({hours} h left): it leaves this plan's schedule until brought back",
  "progress.whatif.defer_risk": "“{task}” is not delivered by the deadline",
  "progress.whatif.efficiency_neutral":
    "Every skill level works at the same speed in this workspace, so a more experienced member helps only by being free sooner.",
  "progress.whatif.no_deadline": "This plan has no deadline: there is nothing to catch up on.",
  "progress.whatif.stale":
    "The plan changed since these options were computed: compute them again.",
  "progress.whatif.not_applicable": "This change cannot be applied.",
  "progress.whatif.not_optional": "This task is not marked optional, or it is already deferred.",
  "progress.whatif.member_inactive": "This member is not active.",
  "progress.whatif.application_not_found": "No such applied corrective action on this plan.",
  "progress.whatif.already_undone": "This corrective action was already undone.",
  "progress.whatif.undo_stale":
    "The plan changed since this corrective action was applied: it can no longer be undone as a whole.",
  "progress.whatif.task_not_open": "This task is not an open task of the plan.",
  "progress.whatif.member_not_qualified":
    "This member is not active or lacks the task's skill at its level.",
  "progress.whatif.no_such_link":
    "The task does not wait for this predecessor with a finish-to-start link.",
  "progress.whatif.lag_too_long": "The lag is longer than the predecessor's span.",
} as const satisfies Record<string, string>;
