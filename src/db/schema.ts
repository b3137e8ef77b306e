// Table types as Kysely sees them (camelCase in code, snake_case in the database through
// CamelCasePlugin). Instants are ISO-8601 UTC text; calendar dates are YYYY-MM-DD text;
// booleans are 0/1 integers; JSON is text — the same on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface WorkspacesTable {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
  workweek: string; // JSON array of ISO weekdays, 1 = Monday
  hoursPerDay: number;
  orgTemplate: string | null;
  isDemo: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarDaysTable {
  workspaceId: string;
  date: string;
  kind: "holiday" | "workday";
  name: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MembersTable {
  workspaceId: string;
  id: string;
  userId: string;
  name: string;
  role: "owner" | "lead" | "member";
  title: string | null;
  departmentId: string | null;
  status: "active" | "inactive";
  hoursPerDay: number | null; // null: the workspace's hours per day
  workweek: string | null; // JSON array; null: the workspace's work week (part-time members set their own)
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentsTable {
  workspaceId: string;
  id: string;
  parentId: string | null;
  name: string;
  leadMemberId: string | null;
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SkillsTable {
  workspaceId: string;
  id: string;
  name: string;
  departmentId: string | null;
  createdAt: string;
}

export interface MemberSkillsTable {
  workspaceId: string;
  memberId: string;
  skillId: string;
  level: number;
}

export interface LeavesTable {
  workspaceId: string;
  id: string;
  memberId: string;
  startDate: string;
  endDate: string;
  kind: string;
  note: string | null;
  createdAt: string;
}

export interface InvitationsTable {
  workspaceId: string;
  id: string;
  tokenHash: string;
  email: string | null;
  role: "owner" | "lead" | "member";
  departmentId: string | null;
  title: string | null;
  createdBy: string;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

export interface SessionsTable {
  id: string; // sha256 of the token
  userId: string;
  workspaceId: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokensTable {
  workspaceId: string;
  id: string;
  memberId: string;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  windowStart: string;
}

export interface AuditLogTable {
  workspaceId: string;
  id: string;
  actorMemberId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  at: string;
}

export interface PlansTable {
  workspaceId: string;
  id: string;
  name: string;
  kind: "campaign" | "project";
  description: string | null;
  ownerMemberId: string;
  status: "draft" | "active" | "done" | "archived";
  startDate: string;
  launchDate: string | null;
  baseline: string | null; // JSON: { taskId: { start, finish } } frozen at kick-off
  baselineAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanTasksTable {
  workspaceId: string;
  id: string;
  planId: string;
  parentId: string | null;
  sortOrder: number;
  name: string;
  effortHours: number;
  skillId: string | null;
  minLevel: number | null;
  assigneeMemberId: string | null;
  priority: number;
  earliestStart: string | null;
  deadline: string | null;
  milestone: number;
  status: "todo" | "in_progress" | "done";
  remainingHours: number | null; // reported remaining work after everything logged; null: effort − logged
  doneAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaskDependenciesTable {
  workspaceId: string;
  planId: string;
  taskId: string;
  predecessorId: string;
  type: "FS" | "SS" | "FF" | "SF";
  lagDays: number;
}

export interface SchedulesTable {
  workspaceId: string;
  result: string; // the engine's team result v1, JSON
  today: string;
  computedAt: string;
  version: number;
}

export interface AllocationsTable {
  workspaceId: string;
  memberId: string;
  date: string;
  taskId: string;
  planId: string;
  hours: number;
}

export interface WorkLogsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  date: string;
  taskId: string | null;
  itemId: string | null;
  hours: number;
  note: string | null;
  createdAt: string;
}

export interface DayItemsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  date: string | null; // null: in the inbox, not yet planned for a day
  title: string;
  kind: "inbox" | "unplanned";
  estimateHours: number | null;
  doneAt: string | null;
  createdAt: string;
  version: number;
}

export interface DutiesTable {
  workspaceId: string;
  id: string;
  memberId: string;
  title: string;
  weekdays: string; // JSON array of ISO weekdays
  startTime: string; // HH:MM
  endTime: string;
  createdAt: string;
}

export interface DailyReportsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  date: string;
  status: "draft" | "submitted";
  content: string; // JSON: the drafted sections as submitted
  blockers: string | null;
  helpNeeded: string | null;
  note: string | null;
  submittedAt: string | null;
  acknowledgedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportCommentsTable {
  workspaceId: string;
  id: string;
  reportId: string;
  authorMemberId: string;
  body: string;
  createdAt: string;
}

export interface NotesTable {
  workspaceId: string;
  id: string;
  authorMemberId: string;
  targetType: "day" | "task" | "plan";
  targetId: string; // a date for day notes (member's own), else the task or plan id
  title: string | null;
  body: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface CalendarFeedsTable {
  workspaceId: string;
  memberId: string;
  tokenHash: string;
  createdAt: string;
}

export interface PlanTemplatesTable {
  workspaceId: string;
  id: string;
  name: string;
  body: string;
  createdAt: string;
}

// Shop data (orders module). Money is integer fen; instants UTC text; dates YYYY-MM-DD.
export interface ShopsTable {
  workspaceId: string;
  id: string;
  platform: string;
  name: string;
  currency: string;
  customerIdentity: string; // buyer_id | email | phone | address
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderUploadsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  fileName: string;
  size: number;
  content: string; // base64
  createdBy: string | null;
  createdAt: string;
}

export interface OrderImportsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platform: string | null;
  format: string;
  files: string; // JSON
  status: "committed" | "rolled_back";
  orders: number;
  lineItems: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  warnings: string; // JSON array
  createdBy: string | null;
  createdAt: string;
  rolledBackAt: string | null;
  rolledBackBy: string | null;
}

export interface OrderImportChangesTable {
  workspaceId: string;
  importId: string;
  entity: "order" | "refund" | "visitors";
  entityKey: string;
  before: string | null; // JSON of the record before the import; null when the import created it
}

export interface OrdersTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platform: string;
  platformOrderId: string;
  status: string;
  rawStatus: string;
  placedAt: string | null;
  paidAt: string | null;
  paidDate: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  currency: string;
  totalFen: number;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  refundFen: number;
  ownRefundFen: number;
  itemCount: number;
  customerKey: string | null;
  buyerRef: string | null;
  buyerName: string | null;
  email: string | null;
  phone: string | null;
  recipient: string | null;
  country: string | null;
  province: string | null;
  provinceCode: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  zip: string | null;
  trackingNo: string | null;
  carrier: string | null;
  raw: string;
  contentHash: string;
  importId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderItemsTable {
  workspaceId: string;
  orderId: string;
  lineNo: number;
  subOrderId: string | null;
  title: string;
  sku: string | null;
  productId: string | null;
  variant: string | null;
  quantity: number;
  unitPriceFen: number | null;
  totalFen: number;
}

export interface RefundsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platformRefundId: string;
  platformOrderId: string;
  status: string;
  rawStatus: string;
  amountFen: number;
  reason: string | null;
  kind: string | null;
  requestedAt: string | null;
  completedAt: string | null;
  raw: string;
  importId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustomersTable {
  workspaceId: string;
  shopId: string;
  customerKey: string;
  display: string | null;
  firstPaidDate: string | null;
  lastPaidDate: string | null;
  paidOrders: number;
  paidFen: number;
}

export interface ShopVisitorsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  visitors: number;
  updatedAt: string;
}

export interface ShopDailyStatsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  paidOrders: number;
  gmvFen: number;
  items: number;
  refundedOrders: number;
  refundFen: number;
  buyers: number;
  newCustomers: number;
}

export interface ShopDailyProductsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  productKey: string;
  title: string;
  quantity: number;
  salesFen: number;
}

export interface ShopDailyProvincesTable {
  workspaceId: string;
  shopId: string;
  date: string;
  province: string;
  paidOrders: number;
  gmvFen: number;
}

export interface ColumnMappingsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  name: string;
  mapping: string; // JSON ColumnMapping
  version: number;
  createdAt: string;
  updatedAt: string;
}

// Goals and pay (goals, pay modules). Money integer fen; scores integer hundredths; JSON text.
export interface GoalCyclesTable { workspaceId: string; id: string; name: string; kind: "month" | "quarter" | "custom"; startDate: string; endDate: string; status: "open" | "closed"; version: number; createdAt: string; updatedAt: string }
export interface GoalsTable {
  workspaceId: string; id: string; cycleId: string; memberId: string | null; departmentId: string | null;
  title: string; weight: number; target: string; unit: string; metric: string;
  status: "draft" | "proposed" | "agreed" | "returned"; statusComment: string | null; agreementNo: number;
  actual: string | null; selfScore: number | null; selfComment: string | null; leadScore: number | null; leadComment: string | null;
  createdBy: string | null; proposedBy: string | null; version: number; createdAt: string; updatedAt: string;
}
export interface GoalAgreementsTable { workspaceId: string; id: string; goalId: string; agreementNo: number; snapshot: string; agreedBy: string | null; agreedAt: string }
export interface GoalAssessmentsTable {
  workspaceId: string; cycleId: string; memberId: string; report: string | null; submittedAt: string | null;
  reviewComment: string | null; reviewedBy: string | null; reviewedAt: string | null; finalScore: number | null; version: number;
}
export interface PayPlansTable { workspaceId: string; id: string; name: string; version: number; createdAt: string; updatedAt: string }
export interface PayPlanVersionsTable { workspaceId: string; id: string; planId: string; number: number; effectiveFrom: string; definition: string; createdBy: string | null; createdAt: string }
export interface PayPlanAssignmentsTable { workspaceId: string; id: string; planId: string; targetType: "department" | "member"; targetId: string; effectiveFrom: string; createdBy: string | null; createdAt: string }
export interface PayRunsTable {
  workspaceId: string; id: string; period: string; fromDate: string; toDate: string; status: "draft" | "locked"; inputs: string; totalFen: number;
  computedAt: string; createdBy: string | null; lockedBy: string | null; lockedAt: string | null; version: number; createdAt: string;
}
export interface PayStatementsTable { workspaceId: string; runId: string; memberId: string; departmentId: string | null; planVersionId: string | null; totalFen: number; lines: string }
export interface PayAdjustmentsTable { workspaceId: string; id: string; memberId: string; amountFen: number; reason: string; runId: string | null; createdBy: string | null; createdAt: string }

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
  shopVisitors: ShopVisitorsTable;
  shopDailyStats: ShopDailyStatsTable;
  shopDailyProducts: ShopDailyProductsTable;
  shopDailyProvinces: ShopDailyProvincesTable;
  columnMappings: ColumnMappingsTable;
  goalCycles: GoalCyclesTable;
  goals: GoalsTable;
  goalAgreements: GoalAgreementsTable;
  goalAssessments: GoalAssessmentsTable;
  payPlans: PayPlansTable;
  payPlanVersions: PayPlanVersionsTable;
  payPlanAssignments: PayPlanAssignmentsTable;
  payRuns: PayRunsTable;
  payStatements: PayStatementsTable;
  payAdjustments: PayAdjustmentsTable;
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
