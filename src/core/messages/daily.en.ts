// English texts of the daily area's message codes (see index.ts). Keys: "daily.…" or the area's own prefixes.
export const DAILY_EN = {
  // daily.today.… (Today: the day, hours, items), daily.note.… (notes), daily.duty.… (duties)
  "daily.today.not_overseen":
    "You may see only your own day, or the days of your department's members as its lead.",
  "daily.today.entity.member": "member",
  "daily.today.entity.task": "task",
  "daily.today.entity.item": "item",
  "daily.today.not_found":
    "This {what} does not exist (it was deleted or belongs to another workspace).",
  "daily.today.item_stale":
    "The item was changed elsewhere (now version {currentVersion}); reload and try again.",
  "daily.today.task_not_scheduled":
    "This task is not in your schedule: you report on tasks assigned to you, scheduled for you or logged by you.",
  "daily.today.log_task_or_item": "Log the hours against either a task or an item.",
  "daily.today.log_future": "Hours cannot be logged for a day that has not come yet.",
  "daily.today.log_too_old": "Hours can be logged for the last {days} days only.",
  "daily.today.day_too_long": "That would make more than {max} hours in one day.",
  "daily.note.not_found": "This note does not exist (it was deleted or is not yours to read).",
  "daily.note.stale":
    "The note was changed elsewhere (now version {currentVersion}); reload and try again.",
  "daily.note.author_edits": "Only the author edits a note.",
  "daily.note.author_deletes": "Only the author or the workspace owner deletes a note.",
  "daily.note.day_target": "A day note is attached to a date, written YYYY-MM-DD.",
  "daily.note.no_task": "There is no such task in this workspace.",
  "daily.note.no_plan": "There is no such plan in this workspace.",
  "daily.duty.not_found":
    "This duty does not exist (it was deleted or belongs to another workspace).",
  "daily.duty.ends_before_start": "A duty must end after it starts.",
  // daily.report.… (the daily report) — the daily engineer's codes
  "daily.report.own_only": "Only the member writes their own daily report.",
  "daily.report.today_only": "A daily report is written for today only ({today}).",
  "daily.report.stale":
    "The report was changed elsewhere (now version {currentVersion}); reload and try again.",
  "daily.report.already_submitted": "The report is already submitted.",
  "daily.report.reasons_required": "Say why each unfinished task was not done.",
  "daily.report.reason_required": "Why is “{task}” not done?",
  "daily.report.not_found": "There is no report of this member on {date} yet.",
  "daily.report.ack_own": "A report is acknowledged by its reviewer, not by its author.",
  "daily.report.nudge_self": "Nudge someone else: your own report is on your Reports page.",
  "daily.report.metric.gmv": "GMV",
  "daily.report.metric.paid_orders": "Paid orders",
  "daily.report.metric.aov": "Average order value",
  "daily.report.metric.conversion": "Conversion rate",
  "daily.report.metric.refund_rate": "Refund rate",
  // daily.feed.… (the iCalendar feed)
  "daily.feed.not_found": "This calendar link does not exist: it was revoked or replaced.",
  "daily.feed.calendar_name": "Dayclear: {member}",
  "daily.feed.event_summary": "{task} ({hours} h)",
  // notification.… (the bell)
  "notification.not_found": "This notification does not exist.",
  "notification.text": "{text}",
  "notification.report.comment": "New comment on your report of {date}",
  "notification.report.nudge": "Please submit today's report ({date})",
  "notification.report.nudge_body": "{name}, your lead is waiting for it.",
} as const satisfies Record<string, string>;
