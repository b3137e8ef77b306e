// Plan and result types: plan file format v1 (`dayclear.plan/v1`) and result format v1
// (`dayclear.schedule/v1`). docs/ENGINE.md documents every field.
import type { Message, MessageCode, MessageParams } from "../messages/index.js";

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
  /**
   * Extension (work shared between people): at most this many members work on the task on any
   * one day; absent or 1 = one member does it all, as before.
   */
  maxPeople?: number;
  /**
   * Extension: with maxPeople > 1, the smallest piece (hours of one member on one day) worth
   * handing over; only the piece that finishes the task may be smaller. Absent or null: 1 hour.
   */
  minChunkHours?: number | null;
  /**
   * Extension: the task may be cut (dropped or deferred) when the plan is late; the engine
   * schedules it like any other. Absent = false.
   */
  optional?: boolean;
}

/**
 * Extension: how fast each skill level works relative to level 3, by level "1".."5" (a level not
 * listed works at 1). A member does a task in effort ÷ factor hours, the factor of their level in
 * the task's skill (level 1's for a fixed assignee without the skill; 1 for a task with no skill).
 */
export type EfficiencyTable = Record<string, number>;

/** Extension: extra hours a member can work on a date (used only when `useOvertime` is true). */
export interface Overtime {
  member: string;
  date: string;
  hours: number;
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
  /** Extension: efficiency by skill level; absent = every level works at 1. */
  efficiency?: EfficiencyTable;
  /** Extension: extra hours on given dates, a capacity used only when `useOvertime` is true. */
  overtime?: Overtime[];
  /** Extension: use the `overtime` hours (default false: the list is kept but not used). */
  useOvertime?: boolean;
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
  /** Null for a summary task; for a task shared among members, the one with the most hours. */
  assignee: string | null;
  /**
   * Extension: every member who works on a task shared among several (maxPeople > 1), most hours
   * first (`assignee` is the first); absent when one member does it all.
   */
  assignees?: string[];
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
  /** English, for files and logs. */
  warnings: string[];
  /** Extension: the same warnings, in the same order, as message codes with their parameters. */
  notices?: Message[];
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
  /** English, for files and logs (the catalog's English text of `code`). */
  message: string;
  /** The problem as a message code of the plans catalog, rendered in the reader's language. */
  code: MessageCode;
  params: MessageParams;
}

export class PlanValidationError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(issues.map((i) => i.message).join("\n"));
    this.name = "PlanValidationError";
  }
}
