// Routing after-sales cases into people's days (migration 2026-12-15-320-aftersales-routing;
// docs/AFTERSALES.md "Routing"). Lists are JSON text; instants ISO UTC text.

/** The workspace's routing rules (one row; none: least open work, no overrides, default minutes). */
export interface AftersalesRoutingTable {
  workspaceId: string;
  /** core/aftersales/routing.ts ROUTING_STRATEGIES. */
  strategy: string;
  /** Member ids (JSON) who take VIP cases, whatever their queue. */
  vipMembers: string;
  /** Buyers (customers.customer_key, JSON) whose cases are VIP cases. */
  vipCustomers: string;
  /** Cases asking for at least this (fen) go to `highAmountMembers`; null: no such override. */
  highAmountFen: number | null;
  highAmountMembers: string;
  /** 1: an override case nobody named can take is routed as any other; 0: it waits for the lead. */
  overrideFallback: number;
  /** Platform queues per member (JSON `{ memberId: ["taobao", …] }`; a member not listed serves every platform). */
  queues: string;
  /** Skills (org skill names) each case type needs (JSON `{ type: ["…"] }`). */
  skillsByType: string;
  /** Estimated minutes per case type (JSON `{ type: minutes }`; a type not listed: the default). */
  minutesByType: string;
  /** The member who got the last case (round robin goes on after them); not part of `version`. */
  lastAssigned: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** What routing last did with a case: who got it by which rule, or why nobody could. */
export interface AftersalesCaseRoutingTable {
  workspaceId: string;
  caseId: string;
  memberId: string | null;
  /** override | least_open_work | round_robin | manual (a person assigned it). */
  rule: string | null;
  /** core/aftersales/routing.ts UNASSIGNED_REASONS, when nobody could take it. */
  reason: string | null;
  estimatedMinutes: number;
  routedAt: string;
}
