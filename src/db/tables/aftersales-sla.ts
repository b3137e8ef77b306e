// After-sales SLA clocks (migration 2026-12-15-310-aftersales-sla; docs/AFTERSALES.md, "SLA"):
// the workspace's policies per case type and platform, its shift hours (the working days come from
// the workspace calendar, calendar_days), and the alerts already sent per case, clock and state.

/** One SLA policy; the workspace's set is replaced as a whole (sort_order = its place). */
export interface AftersalesSlaPoliciesTable {
  workspaceId: string;
  id: string;
  sortOrder: number;
  name: string;
  /** JSON array of our case types; "[]": every type. */
  caseTypes: string;
  /** JSON array of platforms; "[]": every platform. */
  platforms: string;
  /** Targets in working minutes; null: no clock from the policy. */
  firstResponseMinutes: number | null;
  decisionMinutes: number | null;
  resolutionMinutes: number | null;
  /** Per mille of the budget used from which a running clock is at risk (1…1000; 800 = 0.8). */
  atRiskPermille: number;
}

/** The workspace's SLA settings: shift hours on its wall clock; a row once policies were saved. */
export interface AftersalesSlaSettingsTable {
  workspaceId: string;
  shiftStart: string;
  shiftEnd: string;
  /** JSON [{start, end}] unpaid breaks inside the shift (lunch). */
  breaks: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** An alert sent: one per case, clock and state (at_risk, breached), so none goes out twice. */
export interface AftersalesSlaAlertsTable {
  workspaceId: string;
  caseId: string;
  clock: string;
  state: string;
  sentAt: string;
}
