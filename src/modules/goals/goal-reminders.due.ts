// What is due in a goal cycle, person by person: the lines of a goal reminder. One computation for
// the lead's "remind" (POST /goal-cycles/{id}/remind) and the daily sweep, so both say the same.
import { addDays } from "../../core/calendar/date.js";
import { msg, type Message } from "../../core/messages/index.js";
import type { Notice } from "../daily/notifications.js";
import type { GoalOrg } from "./goal-org.js";
import { assessmentStatus } from "./goals.presenter.js";
import type { AssessmentRow, CycleRow, GoalRow } from "./goals.repository.js";

/** The self-assessment is due from this many days before the cycle ends. */
export const SELF_ASSESSMENT_DAYS_BEFORE_END = 3;

/** The notification a reminder for the cycle becomes: the lines of what is due under its title. */
export const reminderNotice = (
  cycle: Pick<CycleRow, "id" | "name">,
  due: readonly Message[],
): Notice => ({
  kind: "goal.reminder",
  title: msg("goals.reminder.title", { cycle: cycle.name }),
  body: due,
  link: `/goals?cycle=${cycle.id}`,
});

/** What is due in one cycle on one day, for anyone in the workspace. */
export class CycleDues {
  /** Reviewer → the names of the people whose submitted self-assessment waits for them. */
  private readonly toReview = new Map<string, string[]>();

  constructor(
    private readonly cycle: Pick<CycleRow, "id" | "endDate">,
    private readonly today: string,
    private readonly goals: readonly GoalRow[],
    private readonly assessments: readonly AssessmentRow[],
    org: GoalOrg,
  ) {
    for (const a of assessments) {
      const status = assessmentStatus(a);
      if (a.cycleId !== cycle.id || (status !== "submitted" && status !== "reviewed")) continue;
      const reviewer = org.reviewerOf(a.memberId);
      const name = org.member(a.memberId)?.name;
      if (reviewer && name)
        this.toReview.set(reviewer, [...(this.toReview.get(reviewer) ?? []), name]);
    }
  }

  /**
   * The reminder lines for a person: their own goals (set, propose, agree, self-assess) — not for
   * an owner, who has no one above them — and the self-assessments waiting for their review or
   * final score (they are the reviewer the submission notified).
   */
  for(person: { id: string; role: string }): Message[] {
    const due = person.role === "owner" ? [] : this.own(person.id);
    const names = this.toReview.get(person.id);
    if (names) due.push(msg("goals.reminder.review", { names }));
    return due;
  }

  private own(memberId: string): Message[] {
    const { endDate } = this.cycle;
    const mine = this.goals.filter((g) => g.cycleId === this.cycle.id && g.memberId === memberId);
    const due: Message[] = [];
    if (mine.length === 0) due.push(msg("goals.reminder.set"));
    if (mine.some((g) => g.status === "draft" || g.status === "returned"))
      due.push(msg("goals.reminder.propose"));
    if (mine.some((g) => g.status === "proposed" && g.proposedBy !== memberId))
      due.push(msg("goals.reminder.agree"));
    const status = assessmentStatus(
      this.assessments.find((a) => a.cycleId === this.cycle.id && a.memberId === memberId),
    );
    const selfAssessing =
      mine.length > 0 &&
      mine.every((g) => g.status === "agreed") &&
      (status === "open" || status === "draft");
    if (selfAssessing && this.today > endDate)
      due.push(msg("goals.reminder.self_overdue", { date: endDate }));
    else if (selfAssessing && this.today >= addDays(endDate, -SELF_ASSESSMENT_DAYS_BEFORE_END))
      due.push(msg("goals.reminder.self_due", { date: endDate }));
    return due;
  }
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight of an instant in a time zone (09:00 is 540). */
export function localMinutes(instant: Date, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
    });
    clocks.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const part = (type: "hour" | "minute") => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}
