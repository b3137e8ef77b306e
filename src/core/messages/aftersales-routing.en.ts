// English texts of routing after-sales cases into people's days (modules/aftersales/routing*.ts,
// assign.service.ts; spread by aftersales.en.ts). docs/AFTERSALES.md, "Routing".
export const AFTERSALES_ROUTING_EN = {
  "aftersales.routing.entity": "The routing rules",
  "aftersales.routing.rule.manual": "assigned by a person",
  "aftersales.routing.reason.not_routed": "Not routed yet.",
  "case.history.routed": "Routed to {member} ({rule})",
  "case.assign.finished": "The case is {state} already; finished cases are not assigned.",
  "case.notice.assigned": "{actor} assigned after-sales case {case} to you",
  "case.notice.routed": "{count} new after-sales cases for you",
  "audit.aftersales.routed":
    "Routing gave {assigned} after-sales cases to the customer-service people; {unassigned} wait for the lead",
  "audit.aftersales.routing_changed": "{actor} changed the after-sales routing rules",
} as const satisfies Record<string, string>;
