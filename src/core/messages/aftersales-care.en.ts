// English texts of quality cases and 好评回访 follow-ups (modules/aftersales/quality.service.ts,
// followups.service.ts; spread by aftersales.en.ts). docs/AFTERSALES.md, "Quality cases", "Follow-ups".
export const AFTERSALES_CARE_EN = {
  "aftersales.quality.entity": "The quality threshold",
  "aftersales.quality.threshold_invalid": "Give a whole number from {min} to {max}.",
  "aftersales.quality.plan_name": "After-sales quality · {department}",
  "aftersales.quality.plan_description":
    "Tasks opened by quality cases: one per SKU when its cases reach the workspace's threshold.",
  "aftersales.quality.task_name.operations":
    "Fix the listing of {sku}: {count} quality cases in {days} days",
  "aftersales.quality.task_name.design":
    "Fix the photos or size chart of {sku}: {count} quality cases in {days} days",
  "aftersales.quality.notice": "{sku} had {count} quality cases in {days} days: a task was opened",
  "audit.aftersales.quality_changed":
    "{actor} set the quality threshold to {count} cases in {days} days",
  "audit.aftersales.quality_task": "{count} quality cases of {sku} opened a task for {department}",
  "aftersales.followup.entity": "The follow-up rules",
  "aftersales.followup.entity_item": "The follow-up",
  "aftersales.followup.too_many": "At most {max} rules.",
  "aftersales.followup.name_invalid": "Give a name of at most {max} characters.",
  "aftersales.followup.script_invalid": "Give the script, at most {max} characters.",
  "aftersales.followup.days_invalid": "Give the days as a whole number from {min} to {max}.",
  "aftersales.followup.amount_invalid": "Give the amount as a whole number of fen, 0 or more.",
  "aftersales.followup.shop_unknown": "No such shop in this workspace.",
  "aftersales.followup.others_forbidden":
    "This follow-up is someone else's; only they, a customer-service lead or the owner record it.",
  "aftersales.followup.finished": "This follow-up was recorded already.",
  "aftersales.followup.no_order":
    "This follow-up has no order, so a bad review cannot open a complaint case; open one by hand.",
  "aftersales.followup.bad_review_reason": "Bad review at the follow-up call",
  "aftersales.followup.outcome.good_review": "good review",
  "aftersales.followup.outcome.turned_good": "bad review turned good",
  "aftersales.followup.outcome.no_answer": "no answer",
  "aftersales.followup.outcome.bad_review": "bad review (complaint opened)",
  "audit.aftersales.followup_rules_changed": "{actor} changed the follow-up rules ({count} rules)",
  "audit.aftersales.followup_recorded":
    "{actor} recorded the follow-up of order {order}: {outcome}",
} as const satisfies Record<string, string>;
