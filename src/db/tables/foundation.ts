// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Workspaces, accounts, sessions, organisation and the audit log.
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
  /** What the department may do (core/org/rights.ts): operations | design | customer_service | logistics | none; set by the owner only. */
  function: string;
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
