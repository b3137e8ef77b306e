// English texts of the after-sales SLA clocks as the module runs them (docs/AFTERSALES.md, "SLA"):
// policies, their refusals, the alerts and the audit entry. The clocks' and states' names are in
// aftersales-core.en.ts.
export const AFTERSALES_SLA_EN = {
  "aftersales.sla.alert.at_risk": "After-sales case {case}: {clock} at risk, due {due}",
  "aftersales.sla.alert.breached": "After-sales case {case}: {clock} overdue since {due}",
  "aftersales.sla.entity.policies": "The SLA policies",
  "aftersales.sla.shift_invalid":
    "The shift must end after it starts, with breaks inside it that do not overlap.",
  "aftersales.sla.case_type_unknown": "{type} is not a case type ({types}).",
  "aftersales.sla.platform_unknown": "{platform} is not a platform ({platforms}).",
  "aftersales.sla.policy_name_taken": "Two policies are named {name}.",
  "aftersales.sla.no_working_time":
    "The calendar and the shift leave no working time: the clocks cannot run.",
  "audit.aftersales.sla_policies":
    "{actor} saved the after-sales SLA policies ({count}), shift {start}–{end}",
} as const satisfies Record<string, string>;
