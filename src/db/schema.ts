// Table types as Kysely sees them (camelCase in code, snake_case in the database through
// CamelCasePlugin). Instants are ISO-8601 UTC text; calendar dates are YYYY-MM-DD text;
// booleans are 0/1 integers; JSON is text — the same on SQLite and PostgreSQL. The tables are
// declared per area in src/db/tables/; this file assembles them into the database type.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  WorkspacesTable,
  CalendarDaysTable,
  UsersTable,
  MembersTable,
  DepartmentsTable,
  SkillsTable,
  MemberSkillsTable,
  LeavesTable,
  InvitationsTable,
  SessionsTable,
  ApiTokensTable,
  LoginAttemptsTable,
  AuditLogTable,
} from "./tables/foundation.js";
import type {
  PlansTable,
  PlanTasksTable,
  TaskDependenciesTable,
  SchedulesTable,
  AllocationsTable,
  WorkLogsTable,
  DayItemsTable,
  DutiesTable,
  DailyReportsTable,
  ReportCommentsTable,
  NotesTable,
  NotificationsTable,
  CalendarFeedsTable,
  PlanTemplatesTable,
} from "./tables/plans.js";
import type {
  ShopsTable,
  OrderUploadsTable,
  OrderImportsTable,
  OrderImportChangesTable,
  OrdersTable,
  OrderItemsTable,
  RefundsTable,
  CustomersTable,
  ShopRepeatPairsTable,
  ShopVisitorsTable,
  ShopDailyStatsTable,
  ShopDailyShippingTable,
  ShopDailyProductsTable,
  ShopDailyProvincesTable,
  ColumnMappingsTable,
  AttributionRulesTable,
  OwnerDailySalesTable,
} from "./tables/shop.js";
import type {
  GoalCyclesTable,
  GoalsTable,
  GoalAgreementsTable,
  GoalAssessmentsTable,
  PayPlansTable,
  PayPlanVersionsTable,
  PayPlanAssignmentsTable,
  PayRunsTable,
  PayStatementsTable,
  PayAdjustmentsTable,
} from "./tables/pay.js";
import type { GoalRemindersSentTable } from "./tables/reminders.js";
import type { CsAccountsTable, CsImportsTable, CsAgentDaysTable } from "./tables/service.js";
import type {
  CarriersTable,
  RateCardsTable,
  RateCardRevisionsTable,
  SkuSettingsTable,
  ShipBatchesTable,
  ParcelsTable,
  ParcelOrdersTable,
  ParcelItemsTable,
  ScanEventsTable,
  LogisticsMappingsTable,
  CarrierBillsTable,
  CarrierBillLinesTable,
  LogisticsSettingsTable,
} from "./tables/logistics.js";
import type { WritebackFilesTable, WritebackLinesTable } from "./tables/logistics-scan.js";
import type { EvmSnapshotsTable } from "./tables/progress.js";
import type { MemberOvertimeTable, WhatifApplicationsTable } from "./tables/whatif.js";
import type {
  AftersalesCasesTable,
  AftersalesCaseLinesTable,
  AftersalesCaseEventsTable,
  AftersalesCasePausesTable,
  AftersalesCodeMapsTable,
  AftersalesMappingsTable,
  AftersalesImportsTable,
  AftersalesOrderSyncsTable,
  AftersalesSettingsTable,
} from "./tables/aftersales.js";
import type {
  AftersalesRoutingTable,
  AftersalesCaseRoutingTable,
} from "./tables/aftersales-routing.js";
import type {
  AftersalesSlaPoliciesTable,
  AftersalesSlaSettingsTable,
  AftersalesSlaAlertsTable,
} from "./tables/aftersales-sla.js";
import type {
  AftersalesCareSettingsTable,
  AftersalesQualityTasksTable,
  AftersalesQualityClaimsTable,
  AftersalesFollowupsTable,
} from "./tables/aftersales-care.js";
import type { WorkspaceEfficiencyTable } from "./tables/plans-efficiency.js";
import type { CustomerRfmSnapshotsTable } from "./tables/customers.js";
export type * from "./tables/foundation.js";
export type * from "./tables/plans.js";
export type * from "./tables/shop.js";
export type * from "./tables/pay.js";
export type * from "./tables/reminders.js";
export type * from "./tables/service.js";
export type * from "./tables/logistics.js";
export type * from "./tables/logistics-scan.js";
export type * from "./tables/progress.js";
export type * from "./tables/whatif.js";
export type * from "./tables/aftersales.js";
export type * from "./tables/aftersales-routing.js";
export type * from "./tables/aftersales-sla.js";
export type * from "./tables/aftersales-care.js";
export type * from "./tables/plans-efficiency.js";
export type * from "./tables/customers.js";

export interface DB {
  workspaces: WorkspacesTable;
  calendarDays: CalendarDaysTable;
  users: UsersTable;
  members: MembersTable;
  departments: DepartmentsTable;
  skills: SkillsTable;
  memberSkills: MemberSkillsTable;
  leaves: LeavesTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginAttempts: LoginAttemptsTable;
  auditLog: AuditLogTable;
  plans: PlansTable;
  planTasks: PlanTasksTable;
  taskDependencies: TaskDependenciesTable;
  schedules: SchedulesTable;
  allocations: AllocationsTable;
  workLogs: WorkLogsTable;
  dayItems: DayItemsTable;
  duties: DutiesTable;
  dailyReports: DailyReportsTable;
  reportComments: ReportCommentsTable;
  notes: NotesTable;
  notifications: NotificationsTable;
  calendarFeeds: CalendarFeedsTable;
  planTemplates: PlanTemplatesTable;
  shops: ShopsTable;
  orderUploads: OrderUploadsTable;
  orderImports: OrderImportsTable;
  orderImportChanges: OrderImportChangesTable;
  orders: OrdersTable;
  orderItems: OrderItemsTable;
  refunds: RefundsTable;
  customers: CustomersTable;
  shopRepeatPairs: ShopRepeatPairsTable;
  shopVisitors: ShopVisitorsTable;
  shopDailyStats: ShopDailyStatsTable;
  shopDailyShipping: ShopDailyShippingTable;
  shopDailyProducts: ShopDailyProductsTable;
  shopDailyProvinces: ShopDailyProvincesTable;
  columnMappings: ColumnMappingsTable;
  attributionRules: AttributionRulesTable;
  ownerDailySales: OwnerDailySalesTable;
  goalCycles: GoalCyclesTable;
  goals: GoalsTable;
  goalAgreements: GoalAgreementsTable;
  goalAssessments: GoalAssessmentsTable;
  goalRemindersSent: GoalRemindersSentTable;
  payPlans: PayPlansTable;
  payPlanVersions: PayPlanVersionsTable;
  payPlanAssignments: PayPlanAssignmentsTable;
  payRuns: PayRunsTable;
  payStatements: PayStatementsTable;
  payAdjustments: PayAdjustmentsTable;
  csAccounts: CsAccountsTable;
  csImports: CsImportsTable;
  csAgentDays: CsAgentDaysTable;
  carriers: CarriersTable;
  rateCards: RateCardsTable;
  rateCardRevisions: RateCardRevisionsTable;
  skuSettings: SkuSettingsTable;
  shipBatches: ShipBatchesTable;
  parcels: ParcelsTable;
  parcelOrders: ParcelOrdersTable;
  parcelItems: ParcelItemsTable;
  scanEvents: ScanEventsTable;
  logisticsMappings: LogisticsMappingsTable;
  carrierBills: CarrierBillsTable;
  carrierBillLines: CarrierBillLinesTable;
  logisticsSettings: LogisticsSettingsTable;
  writebackFiles: WritebackFilesTable;
  writebackLines: WritebackLinesTable;
  evmSnapshots: EvmSnapshotsTable;
  whatifApplications: WhatifApplicationsTable;
  memberOvertime: MemberOvertimeTable;
  aftersalesCases: AftersalesCasesTable;
  aftersalesCaseLines: AftersalesCaseLinesTable;
  aftersalesCaseEvents: AftersalesCaseEventsTable;
  aftersalesCasePauses: AftersalesCasePausesTable;
  aftersalesCodeMaps: AftersalesCodeMapsTable;
  aftersalesMappings: AftersalesMappingsTable;
  aftersalesImports: AftersalesImportsTable;
  aftersalesOrderSyncs: AftersalesOrderSyncsTable;
  aftersalesSettings: AftersalesSettingsTable;
  aftersalesRouting: AftersalesRoutingTable;
  aftersalesCaseRouting: AftersalesCaseRoutingTable;
  aftersalesSlaPolicies: AftersalesSlaPoliciesTable;
  aftersalesSlaSettings: AftersalesSlaSettingsTable;
  aftersalesSlaAlerts: AftersalesSlaAlertsTable;
  aftersalesCareSettings: AftersalesCareSettingsTable;
  aftersalesQualityTasks: AftersalesQualityTasksTable;
  aftersalesQualityClaims: AftersalesQualityClaimsTable;
  aftersalesFollowups: AftersalesFollowupsTable;
  workspaceEfficiency: WorkspaceEfficiencyTable;
  customerRfmSnapshots: CustomerRfmSnapshotsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type Member = Selectable<MembersTable>;
export type Department = Selectable<DepartmentsTable>;
export type Skill = Selectable<SkillsTable>;
export type Leave = Selectable<LeavesTable>;
export type Invitation = Selectable<InvitationsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Plan = Selectable<PlansTable>;
export type PlanTask = Selectable<PlanTasksTable>;
export type TaskDependency = Selectable<TaskDependenciesTable>;
export type WorkLog = Selectable<WorkLogsTable>;
export type DayItem = Selectable<DayItemsTable>;
export type Duty = Selectable<DutiesTable>;
export type DailyReport = Selectable<DailyReportsTable>;
export type Note = Selectable<NotesTable>;
export type Notification = Selectable<NotificationsTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberUpdate = Updateable<MembersTable>;
// Generated is re-exported for later tables with database-generated columns.
export type { Generated };
