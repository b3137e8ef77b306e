// Plan and result types: plan file format v1 (`dayclear.plan/v1`) and result format v1
// (`dayclear.schedule/v1`). docs/ENGINE.md documents every field.

export const PLAN_FORMAT = "dayclear.plan/v1";
export const RESULT_FORMAT = "dayclear.schedule/v1";

export type DependencyType = "FS" | "SS" | "FF" | "SF";
export const DEPENDENCY_TYPES: readonly DependencyType[] = ["FS", "SS", "FF", "SF"];

export interface Dependency {
  /** The predecessor's id. */
  task: string;
  type: DependencyType;
  /** Lag in team workdays; negative is a lead. */
  lagDays: number;
}

export interface TeamCalendarSpec {
  workweek: number[];
  hoursPerDay: number;
  holidays: string[];
  extraWorkdays: string[];
}

export interface TeamMember {
  id: string;
  name: string;
  /** Skill name → level 1..5. */
  skills: Record<string, number>;
  /** Own hours per working day (part-time); null means the calendar's. */
  hoursPerDay: number | null;
  /** Extension: own work week (ISO weekdays) replacing the team's; null means the team's. */
  workweek: number[] | null;
  daysOff: string[];
}

export interface TeamTask {
  id: string;
  name: string;
  /** Hours of work; must be > 0 for a leaf task, ignored (0) for a summary task. */
  effortHours: number;
  skill: string | null;
  minLevel: number | null;
  /** A fixed assignee: the task goes to this member, whatever the skills. */
  assignee: string | null;
  /** 1..1000, higher first. Default 500. */
  priority: number;
  earliestStart: string | null;
  deadline: string | null;
  dependsOn: Dependency[];
  /** Extension: the summary task (WBS) this task belongs to. */
  parent: string | null;
}

/** One member's hours on one date for one task. */
export interface Allocation {
  member: string;
  date: string;
  task: string;
  hours: number;
}

export interface TeamPlan {
  format: typeof PLAN_FORMAT;
  mode: "team";
  /** First date work may be placed on. */
  start: string;
  calendar: TeamCalendarSpec;
  members: TeamMember[];
  tasks: TeamTask[];
  /** Extension: allocations that stay where they are (past work, fixed by hand). */
  pinned: Allocation[];
}

export interface AbstractResource {
  id: string;
  capacity: number;
}

export interface AbstractTask {
  id: string;
  duration: number;
  demands: Record<string, number>;
  predecessors: string[];
}

export interface AbstractPlan {
  format: typeof PLAN_FORMAT;
  mode: "abstract";
  resources: AbstractResource[];
  tasks: AbstractTask[];
}

export type Plan = TeamPlan | AbstractPlan;

/** Why a task could not be placed, as a stable code (readers render it in their language). */
export type UnscheduledCode =
  | "schedule.cycle"
  | "schedule.waits"
  | "schedule.no_skill"
  | "schedule.no_members"
  | "schedule.no_time"
  | "schedule.no_subtask";

export interface Unscheduled {
  task: string;
  /** English, for files and logs. */
  reason: string;
  /** Extension: the reason as a code with its parameters (values only). */
  code?: UnscheduledCode;
  params?: Record<string, string | number>;
}

export interface ScheduleStats {
  /** Schedules generated (one per schedule-generation pass, justification passes included). */
  schedules: number;
  ms: number;
}

export interface AbstractTaskResult {
  id: string;
  start: number;
  finish: number;
}

export interface AbstractResult {
  format: typeof RESULT_FORMAT;
  mode: "abstract";
  makespan: number;
  lowerBound: number;
  tasks: AbstractTaskResult[];
  criticalPath: string[];
  unscheduled: Unscheduled[];
  warnings: string[];
  stats: ScheduleStats;
}

export interface TeamTaskResult {
  id: string;
  /** Null for a summary task. */
  assignee: string | null;
  start: string;
  finish: string;
  /** Workdays (team calendar) the task may slip without delaying the plan's finish. */
  totalFloatDays: number;
  critical: boolean;
  late: boolean;
  /** Extension: workdays past the deadline (0 when not late). */
  lateDays: number;
  /** Extension: true for a summary task, whose span comes from its children. */
  summary: boolean;
  /** Extension: the order in which the scheduler placed the task (leaf tasks); re-scheduling replays it. */
  seq?: number;
}

export interface TeamResult {
  format: typeof RESULT_FORMAT;
  mode: "team";
  /** The plan's last working date (the latest task finish); the start date when nothing is placed. */
  finish: string;
  tasks: TeamTaskResult[];
  criticalPath: string[];
  allocations: Allocation[];
  unscheduled: Unscheduled[];
  warnings: string[];
  stats: ScheduleStats;
}

export type ScheduleResult = TeamResult | AbstractResult;

/** How hard to search: one pass, or a budget of schedules. */
export type Effort = "quick" | number;

export interface ScheduleOptions {
  effort?: Effort;
  seed?: number;
}

/** A problem in a plan, naming the task (or member) and field. */
export interface PlanIssue {
  /** JSON path, e.g. `tasks[3].effortHours`. */
  path: string;
  task?: string;
  field?: string;
  message: string;
}

export class PlanValidationError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(issues.map((i) => i.message).join("\n"));
    this.name = "PlanValidationError";
  }
}
