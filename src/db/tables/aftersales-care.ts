// Quality cases and 好评回访 follow-ups (migration 2026-12-15-355-aftersales-quality-followups;
// docs/AFTERSALES.md "Quality cases", "Follow-ups"). Lists are JSON text; instants ISO UTC text;
// dates YYYY-MM-DD in the workspace's time zone.

/** The workspace's quality threshold and follow-up rules (one row; none: the defaults, no rules). */
export interface AftersalesCareSettingsTable {
  workspaceId: string;
  qualityMinCases: number;
  qualityWindowDays: number;
  /** 0 while the threshold was never saved. */
  qualityVersion: number;
  /** core/aftersales/followups.ts FollowupRule[] (JSON). */
  followupRules: string;
  /** 0 while no rules were saved. */
  rulesVersion: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A task quality cases opened for one SKU (a plan task; one per SKU while it is open). */
export interface AftersalesQualityTasksTable {
  workspaceId: string;
  id: string;
  sku: string;
  /** operations | design (core/aftersales/quality.ts). */
  department: string;
  departmentId: string | null;
  planId: string;
  taskId: string;
  /** The cases counted (JSON ids, oldest first); they count for no later task. */
  caseIds: string;
  caseCount: number;
  operationsCount: number;
  designCount: number;
  minCases: number;
  windowDays: number;
  openedAt: string;
}

/**
 * A SKU's claim on its one open quality task (migration 2026-12-16-405-quality-task-claims): the
 * primary key (workspace, sku) lets one check open the task; released when the task is done.
 */
export interface AftersalesQualityClaimsTable {
  workspaceId: string;
  sku: string;
  /** The plan task opened; null while the check that claimed it is opening it. */
  taskId: string | null;
  claimedAt: string;
}

/** One 好评回访 call to make: an order delivered or a case resolved, N days later. */
export interface AftersalesFollowupsTable {
  workspaceId: string;
  id: string;
  ruleId: string;
  ruleName: string;
  /** `order:<id>` or `case:<id>`: one follow-up per rule and source. */
  sourceKey: string;
  shopId: string;
  orderId: string | null;
  caseId: string | null;
  platformOrderId: string | null;
  dueDate: string;
  memberId: string | null;
  script: string;
  /** open | done */
  state: string;
  /** core/aftersales/followups.ts FOLLOWUP_OUTCOMES, once done. */
  outcome: string | null;
  /** 1: a bad review turned good (what the pay rule and metrics count). */
  turnedGood: number;
  complaintCaseId: string | null;
  note: string | null;
  doneAt: string | null;
  /** The local date it was done (months are counted on it). */
  doneDate: string | null;
  doneBy: string | null;
  version: number;
  createdAt: string;
}
