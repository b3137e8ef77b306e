// Shapes of the API's JSON, as the OpenAPI document at /api/openapi.json describes them.
import type { Locale, Role } from "../../../src/core/limits";
import type { DepartmentFunction } from "../../../src/core/org/rights";
import type { components } from "./schema";

export type { Locale, Role };

export type MessageParams = Record<string, string | number>;
// The problem-details body of every error, generated from the server (schema.d.ts); the server
// declares params as any JSON, the web reads them as the values its message catalogs take.
type GeneratedProblem = components["schemas"]["Problem"];
export type FieldError = Omit<NonNullable<GeneratedProblem["errors"]>[number], "params"> & {
  params?: MessageParams;
};
export type Problem = Omit<GeneratedProblem, "params" | "errors"> & {
  params?: MessageParams;
  errors?: FieldError[];
};
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: Locale;
  workweek: number[];
  hoursPerDay: number;
  orgTemplate: string | null;
  isDemo: boolean;
  version: number;
  createdAt: string;
}
export interface Me {
  user: { id: string; email: string; name: string; locale: Locale | null };
  member: {
    id: string;
    name: string;
    role: Role;
    title: string | null;
    departmentId: string | null;
    version: number;
  };
  workspace: Workspace;
  via: "session" | "token" | "system";
}
/** A demo account to sign in with (the demo's own, listed only while the demo is the instance's only workspace). */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  department: string | null;
}
export interface Instance {
  hasWorkspaces: boolean;
  demoExists: boolean;
  demoAvailable: boolean;
  demoAccounts: DemoAccount[];
}
export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  leadMemberId: string | null;
  leadName: string | null;
  sortOrder: number;
  memberCount: number;
  version: number;
  /** What the department may do (src/core/org/rights.ts); none takes the parent's. The owner sets it. */
  function: DepartmentFunction;
}
export interface Skill {
  id: string;
  name: string;
  departmentId: string | null;
}
export interface MemberSkill {
  skillId: string;
  name: string;
  level: number;
}
export interface SkillLevel {
  skillId: string;
  level: number;
}
export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  title: string | null;
  departmentId: string | null;
  status: "active" | "inactive";
  hoursPerDay: number | null;
  workweek: number[] | null;
  skills: MemberSkill[];
  version: number;
  createdAt: string;
}
export type LeaveKind = "leave" | "sick" | "personal" | "other";
export interface Leave {
  id: string;
  startDate: string;
  endDate: string;
  kind: string;
  note: string | null;
}
export interface MemberDetail extends Member {
  leaves: Leave[];
}
export interface NewMember {
  name: string;
  email: string;
  password: string;
  role?: Role;
  title?: string | null;
  departmentId?: string | null;
  hoursPerDay?: number | null;
  workweek?: number[] | null;
  skills?: SkillLevel[];
}
export interface MemberPatch {
  version: number;
  name?: string;
  role?: Role;
  title?: string | null;
  departmentId?: string | null;
  hoursPerDay?: number | null;
  workweek?: number[] | null;
}
export interface CalendarDay {
  date: string;
  kind: "holiday" | "workday";
  name: string;
}
export interface WorkspaceCalendar {
  officialYears: number[];
  days: CalendarDay[];
}
export interface OrgTemplateSummary {
  id: "ecommerce" | "brand" | "empty";
  name: string;
  departments: { name: string; skills: string[]; children: string[] }[];
}
export interface Invitation {
  id: string;
  email: string | null;
  role: Role;
  departmentId: string | null;
  title: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}
export interface CreatedInvitation extends Invitation {
  token: string;
  path: string;
}
export interface InvitationLookup {
  workspaceName: string;
  email: string | null;
  role: Role;
  expiresAt: string;
}
export interface AuditEntry {
  id: string;
  at: string;
  actorMemberId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The entry as a message ({code, params} with the names at the time); render it in the page's language. */
  message: import("../../../src/core/messages/index").Message;
  /** The same sentence rendered by the server in the caller's language. */
  summary: string;
  before: unknown;
  after: unknown;
}
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface CreatedApiToken extends ApiToken {
  token: string;
}
