// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Goals and pay (goals, pay modules). Money integer fen; scores integer hundredths; JSON text.
export interface GoalCyclesTable {
  workspaceId: string;
  id: string;
  name: string;
  kind: "month" | "quarter" | "custom";
  startDate: string;
  endDate: string;
  status: "open" | "closed";
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface GoalsTable {
  workspaceId: string;
  id: string;
  cycleId: string;
  memberId: string | null;
  departmentId: string | null;
  title: string;
  weight: number;
  target: string;
  unit: string;
  metric: string;
  status: "draft" | "proposed" | "agreed" | "returned";
  statusComment: string | null;
  agreementNo: number;
  actual: string | null;
  selfScore: number | null;
  selfComment: string | null;
  leadScore: number | null;
  leadComment: string | null;
  createdBy: string | null;
  proposedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface GoalAgreementsTable {
  workspaceId: string;
  id: string;
  goalId: string;
  agreementNo: number;
  snapshot: string;
  agreedBy: string | null;
  agreedAt: string;
}
export interface GoalAssessmentsTable {
  workspaceId: string;
  cycleId: string;
  memberId: string;
  report: string | null;
  submittedAt: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  finalScore: number | null;
  version: number;
}
export interface PayPlansTable {
  workspaceId: string;
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface PayPlanVersionsTable {
  workspaceId: string;
  id: string;
  planId: string;
  number: number;
  effectiveFrom: string;
  definition: string;
  createdBy: string | null;
  createdAt: string;
}
export interface PayPlanAssignmentsTable {
  workspaceId: string;
  id: string;
  planId: string;
  targetType: "department" | "member" | "role";
  targetId: string;
  effectiveFrom: string;
  createdBy: string | null;
  createdAt: string;
}
export interface PayRunsTable {
  workspaceId: string;
  id: string;
  period: string;
  fromDate: string;
  toDate: string;
  status: "draft" | "locked";
  inputs: string;
  totalFen: number;
  computedAt: string;
  createdBy: string | null;
  lockedBy: string | null;
  lockedAt: string | null;
  version: number;
  createdAt: string;
}
export interface PayStatementsTable {
  workspaceId: string;
  runId: string;
  memberId: string;
  departmentId: string | null;
  planVersionId: string | null;
  totalFen: number;
  lines: string;
}
export interface PayAdjustmentsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  amountFen: number;
  reason: string;
  runId: string | null;
  createdBy: string | null;
  createdAt: string;
}
