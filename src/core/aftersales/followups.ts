// 好评回访 follow-ups (docs/AFTERSALES.md, "Follow-ups"): the workspace's rules say which orders or
// resolved cases a customer-service person calls back, how many days after delivery (the order's
// completion, 确认收货/交易成功) or after the case was resolved, and the script they use; the person
// records what came of it. A bad review opens a complaint case; "turned good" (a bad review the
// buyer changed after the call, or a good review after a complaint that came from a bad review) is
// what the 客服 pay rule "+5.00 per bad review turned good" counts. Pure.

export const FOLLOWUP_TRIGGERS = ["delivered", "case_resolved"] as const;
export type FollowupTrigger = (typeof FOLLOWUP_TRIGGERS)[number];

export const FOLLOWUP_OUTCOMES = ["good_review", "turned_good", "no_answer", "bad_review"] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

export const FOLLOWUP_LIMITS = {
  rules: 50,
  daysAfter: [0, 60],
  scriptChars: 2000,
  nameChars: 60,
  /** Events older than this many days past their due date are not called back any more. */
  lookbackDays: 3,
} as const;

/**
 * The minutes a follow-up call is expected to take: a due follow-up on an agent's Today reserves
 * them in the engine's input like a case's (modules/aftersales/routing-load.ts), so plan work moves.
 * Five minutes: a short call with a script, and a note of what came of it.
 */
export const FOLLOWUP_MINUTES = 5;

export interface FollowupRule {
  id: string;
  name: string;
  /** null: every shop. */
  shopId: string | null;
  /** null: every platform. */
  platform: string | null;
  /** The order's total (or the case's amount when it has no order) at least this, in fen. */
  minAmountFen: number;
  trigger: FollowupTrigger;
  daysAfter: number;
  script: string;
  active: boolean;
}

/** An order delivered or a case resolved, as a rule reads it. */
export interface FollowupEvent {
  shopId: string;
  platform: string;
  amountFen: number;
  /** The local date (workspace time zone) it was delivered or resolved. */
  date: string;
}

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The date the follow-up is due when the rule takes the event, or null: the rule is off, the shop,
 * platform or amount does not match, it is not due yet on `today`, or it was due longer ago than
 * the look-back (a new rule does not bury people under last year's orders).
 */
export function followupDue(rule: FollowupRule, e: FollowupEvent, today: string): string | null {
  if (!rule.active) return null;
  if (rule.shopId !== null && rule.shopId !== e.shopId) return null;
  if (rule.platform !== null && rule.platform !== e.platform) return null;
  if (e.amountFen < rule.minAmountFen) return null;
  const due = addDays(e.date, rule.daysAfter);
  if (due > today || due < addDays(today, -FOLLOWUP_LIMITS.lookbackDays)) return null;
  return due;
}

/** The earliest event date that can still be due on `today` under a rule (what to read from). */
export const earliestEventDate = (rule: Pick<FollowupRule, "daysAfter">, today: string): string =>
  addDays(today, -(rule.daysAfter + FOLLOWUP_LIMITS.lookbackDays));

/** Whether an outcome counts as a bad review turned good. */
export function turnedGood(
  outcome: FollowupOutcome,
  afterComplaintFromBadReview: boolean,
): boolean {
  return outcome === "turned_good" || (outcome === "good_review" && afterComplaintFromBadReview);
}
