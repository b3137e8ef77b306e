// English texts of the after-sales pure cores (spread into AFTERSALES_EN in aftersales.en.ts):
// SLA clocks (core/aftersales/sla.ts), routing (routing.ts), RFM, repurchase and win-back
// (core/customers/). docs/CUSTOMERS.md explains every definition named here.
export const AFTERSALES_CORE_EN = {
  // SLA clocks
  "aftersales.sla.clock.first_response": "First response",
  "aftersales.sla.clock.decision": "Decision",
  "aftersales.sla.clock.resolution": "Resolution",
  "aftersales.sla.state.breached": "Breached",
  "aftersales.sla.state.at_risk": "At risk",
  "aftersales.sla.state.paused": "Waiting for the buyer",
  "aftersales.sla.state.on_track": "On track",
  "aftersales.sla.state.met": "Met",
  "aftersales.sla.state.none": "No deadline",
  "aftersales.sla.source.policy": "SLA policy {policy}",
  "aftersales.sla.source.platform": "the platform's deadline",
  "aftersales.sla.minutes_left": "{minutes} working minutes left",
  "aftersales.sla.minutes_over": "{minutes} working minutes overdue",
  "aftersales.sla.attainment":
    "SLA attainment = clocks stopped by their deadline ÷ clocks stopped or running past it: {met} ÷ {total}",
  // Routing
  "aftersales.routing.rule.override": "named member for VIP or high-amount cases",
  "aftersales.routing.rule.least_open_work": "least open work",
  "aftersales.routing.rule.round_robin": "round robin",
  "aftersales.routing.reason.no_agents":
    "Nobody to route to: no customer-service member is set up.",
  "aftersales.routing.reason.no_queue": "No member serves this platform's queue.",
  "aftersales.routing.reason.no_skill": "No member of the queue has every skill the case needs.",
  "aftersales.routing.reason.nobody_working": "Nobody of the queue works today.",
  "aftersales.routing.reason.no_capacity":
    "Everyone of the queue working today is full: no one has the case's estimated minutes left.",
  "aftersales.routing.reason.override_unavailable":
    "None of the members named for VIP or high-amount cases works today with room for it: the lead assigns it.",
  // RFM segments (R × F map) and the Chinese eight classes
  "customers.segment.champions": "Champions",
  "customers.segment.loyal": "Loyal",
  "customers.segment.potential_loyalists": "Potential loyalists",
  "customers.segment.new_customers": "New customers",
  "customers.segment.promising": "Promising",
  "customers.segment.need_attention": "Need attention",
  "customers.segment.about_to_sleep": "About to sleep",
  "customers.segment.at_risk": "At risk",
  "customers.segment.cant_lose": "Can't lose them",
  "customers.segment.hibernating": "Hibernating",
  "customers.segment.lost": "Lost",
  "customers.class.important_value": "Important value",
  "customers.class.important_develop": "Important to develop",
  "customers.class.important_keep": "Important to keep",
  "customers.class.important_retain": "Important to win back",
  "customers.class.general_value": "General value",
  "customers.class.general_develop": "General to develop",
  "customers.class.general_keep": "General to keep",
  "customers.class.general_retain": "General to win back",
  // How a customer's scores, segment and class were found
  "customers.rfm.r": "R {score}: {days} days since the last order ({range})",
  "customers.rfm.f": "F {score}: {orders} orders in the window ({range})",
  "customers.rfm.m": "M {score}: ¥{spend:fen} spent in the window ({range})",
  "customers.rfm.range.days": "fewer than {lessThan} and at least {atLeast} days",
  "customers.rfm.range.days_best": "fewer than {lessThan} days",
  "customers.rfm.range.days_worst": "at least {atLeast} days",
  "customers.rfm.range.count": "more than {moreThan} and at most {atMost}",
  "customers.rfm.range.count_best": "more than {moreThan}",
  "customers.rfm.range.count_worst": "at most {atMost}",
  "customers.rfm.range.fen": "more than ¥{moreThan:fen} and at most ¥{atMost:fen}",
  "customers.rfm.range.fen_best": "more than ¥{moreThan:fen}",
  "customers.rfm.range.fen_worst": "at most ¥{atMost:fen}",
  "customers.rfm.segment_from": "{segment}: R {r} and F {f} on the R×F map",
  "customers.rfm.class_from": "{klass}: {r}; {f}; {m}",
  "customers.rfm.centre.mean": "average",
  "customers.rfm.centre.median": "median",
  "customers.rfm.side.r_good": "recent — {days} days, fewer than the {centre} {value}",
  "customers.rfm.side.r_bad": "not recent — {days} days, not fewer than the {centre} {value}",
  "customers.rfm.side.f_good": "frequent — {orders} orders, more than the {centre} {value}",
  "customers.rfm.side.f_bad": "infrequent — {orders} orders, not more than the {centre} {value}",
  "customers.rfm.side.m_good": "high spend — ¥{spend:fen}, more than the {centre} ¥{value:fen}",
  "customers.rfm.side.m_bad": "low spend — ¥{spend:fen}, not more than the {centre} ¥{value:fen}",
  // Repurchase, dormancy, win-back
  "customers.repurchase.customers":
    "Repurchase rate = customers with 2 or more orders {from}…{to} ÷ customers with an order {from}…{to}",
  "customers.repurchase.orders":
    "Repeat-order rate = orders after each customer's first {from}…{to} ÷ all orders {from}…{to}",
  "customers.repurchase.within":
    "{days}-day repurchase rate = customers whose first order {from}…{to} was followed by another within {days} days ÷ those customers whose {days} days had passed by {asOf}",
  "customers.winback.outcome":
    "Win-back rate = customers contacted {from}…{to} who ordered within {days} days of the contact ÷ those contacted whose {days} days had passed by {asOf}",
  "customers.dormant":
    "Dormant: no order for {days} days or more (the last order on or before {lastDate})",
  "customers.at_risk": "At risk: the segments At risk and Can't lose them of the R×F map",
} as const satisfies Record<string, string>;
