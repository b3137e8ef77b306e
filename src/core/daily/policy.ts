// Who sees and changes whose day, as the daily area's part of core/can.ts. A member oversees their
// own day; a lead the days of the members of the departments they manage (those they lead and
// everything below); the owner everyone's. Work is reported by the member it is scheduled for
// alone (never by their lead or the owner on their behalf); a report is written by its member and
// acknowledged or nudged by someone else who oversees them. Day notes are private to their author;
// task and plan notes are read by everyone; the author edits a note, the author or the owner
// deletes it. Pure: the daily services and the web's Today, report and note pages ask this table.
//
// Targets: `memberId` is the member whose day, report, duty, item or task report it is (for a
// note: its author), `departmentId` that member's department.
import { isOwner, isSelf, manages, type PolicyTable, type Rule } from "../policy.js";

export type DailyAction =
  | "daily.today.read"
  | "daily.task.report"
  | "daily.item.manage"
  | "daily.duty.read"
  | "daily.duty.manage"
  | "daily.report.read"
  | "daily.report.write"
  | "daily.report.comment"
  | "daily.report.acknowledge"
  | "daily.report.nudge"
  | "daily.report.team_row"
  | "daily.note.read_day"
  | "daily.note.edit"
  | "daily.note.delete";

/** Themselves, the owner, or a lead of a department that holds the member. */
const oversees: Rule = (a, t) => isSelf(a, t) || isOwner(a) || manages(a, t.departmentId);
/** Someone else who oversees the member: reviewing is never done on one's own report. */
const reviews: Rule = (a, t) => !isSelf(a, t) && oversees(a, t);

export const DAILY_POLICY: PolicyTable<DailyAction> = {
  /** A member's day and week (Today, the team calendar, who has reported). */
  "daily.today.read": oversees,
  /** Check off, log hours on, or re-estimate a task: `memberId` is who it is scheduled for. */
  "daily.task.report": isSelf,
  /** One's own items (inbox and unplanned work). */
  "daily.item.manage": isSelf,
  "daily.duty.read": oversees,
  /** Add or remove a member's recurring duty (it takes their capacity). */
  "daily.duty.manage": oversees,
  "daily.report.read": oversees,
  "daily.report.write": isSelf,
  "daily.report.comment": oversees,
  "daily.report.acknowledge": reviews,
  "daily.report.nudge": reviews,
  /**
   * A row in the team's list of who has reported (the members the server says one oversees): the
   * others; one's own too for the owner (the whole workspace is their team), while a lead's own
   * report is under My report only.
   */
  "daily.report.team_row": (a, t) => !isSelf(a, t) || isOwner(a),
  /** A day note (task and plan notes are read by everyone in the workspace). */
  "daily.note.read_day": isSelf,
  "daily.note.edit": isSelf,
  "daily.note.delete": (a, t) => isSelf(a, t) || isOwner(a),
};
