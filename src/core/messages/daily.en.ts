// English texts of the daily area's message codes (see index.ts). Keys: "daily.…" or the area's own prefixes.
export const DAILY_EN = {
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
