// English texts of the after-sales KPIs (docs/AFTERSALES.md, "KPIs"): the dashboard's export
// headers and lines, the pay source of reviews turned good, the goal units of minutes and cases.
export const AFTERSALES_KPI_EN = {
  "aftersales.kpi.src.reviews_turned_good":
    "bad reviews turned good, {name} {from}…{to}: {count} (review follow-ups recorded as turned good)",
  "aftersales.kpi.src.sla":
    "after-sales cases opened {from}…{to}: {met} SLA clocks met, {breached} breached",
  "aftersales.kpi.src.handling":
    "after-sales cases ended {from}…{to}: {ended}, {minutes:num} minutes from opening to the end",
  "aftersales.kpi.v.minutes": "{minutes} min",
  "aftersales.kpi.section.total": "Total",
  "aftersales.kpi.section.shop": "Shop",
  "aftersales.kpi.section.member": "Agent",
  "aftersales.kpi.section.reason": "Reason",
  "aftersales.kpi.section.sku": "SKU",
  "aftersales.kpi.line.unassigned": "Nobody (unassigned)",
  "aftersales.kpi.line.no_reason": "No reason given",
  "aftersales.kpi.line.no_sku": "No SKU",
  "aftersales.kpi.col.section": "Breakdown",
  "aftersales.kpi.col.line": "Line",
  "aftersales.kpi.col.paid_orders": "Paid orders",
  "aftersales.kpi.col.refunds": "Refunds",
  "aftersales.kpi.col.refund_amount": "Refunded (yuan)",
  "aftersales.kpi.col.refund_rate": "Refund rate (%)",
  "aftersales.kpi.col.returns": "Returns",
  "aftersales.kpi.col.return_rate": "Return rate (%)",
  "aftersales.kpi.col.cases": "Cases opened",
  "aftersales.kpi.col.ended": "Cases ended",
  "aftersales.kpi.col.avg_handling": "Average handling (minutes)",
  "aftersales.kpi.col.sla_met": "SLA clocks met",
  "aftersales.kpi.col.sla_breached": "SLA clocks breached",
  "aftersales.kpi.col.sla_attainment": "SLA attainment (%)",
  "aftersales.kpi.col.saved_returns": "Saved returns",
  "aftersales.kpi.col.reviews_turned_good": "Bad reviews turned good",
  // Goal units of avgHandlingMinutes and savedReturns / reviewsTurnedGood (core/goals/units.ts).
  "unit.minute": "min",
  "unit.minute.value": "{value:num} min",
  "unit.case": "cases",
  "unit.case.value": "{value:num} cases",
} as const satisfies Record<string, string>;
