// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Plans, the schedule and the daily loop.
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
  /** 1: the task may be cut when the plan is late (migration 347). */
  optional: number;
  /** 1: cut by an applied what-if: the engine leaves it out (migration 347). */
  deferred: number;
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
