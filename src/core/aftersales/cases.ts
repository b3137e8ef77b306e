// After-sales cases (售后单, docs/AFTERSALES.md): our eight case types, the states a case moves
// through and the checked transitions between them. A platform's own type and state codes are kept
// beside ours and mapped by platform-codes.ts. Pure: the cases service asks `checkTransition`
// before it writes, and the web asks `nextStates` which buttons to show.
import type { MessageCode, MessageParams } from "../messages/index.js";

export const CASE_TYPES = [
  "refund_before_shipping",
  "refund_after_shipping",
  "return_refund",
  "exchange",
  "reship",
  "repair",
  "price_protection",
  "complaint",
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * new → in_progress → waiting_buyer (the buyer ships the goods back) → received → inspected →
 * resolved, or closed (withdrawn, expired, settled without an outcome) from any open state.
 */
export const CASE_STATES = [
  "new",
  "in_progress",
  "waiting_buyer",
  "received",
  "inspected",
  "resolved",
  "closed",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** How a resolved case ended. */
export const RESOLUTIONS = ["refunded", "exchanged", "reshipped", "rejected"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const INSPECTION_RESULTS = ["passed", "failed"] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Where a case came from: the orders' refund records, a platform's after-sales export, or typed by hand. */
export const CASE_SOURCES = ["refund", "order", "import", "manual"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const OPEN_STATES: readonly CaseState[] = [
  "new",
  "in_progress",
  "waiting_buyer",
  "received",
  "inspected",
];
export const isOpen = (s: CaseState) => s !== "resolved" && s !== "closed";

export const isCaseType = (v: unknown): v is CaseType =>
  (CASE_TYPES as readonly unknown[]).includes(v);
export const isCaseState = (v: unknown): v is CaseState =>
  (CASE_STATES as readonly unknown[]).includes(v);
export const isResolution = (v: unknown): v is Resolution =>
  (RESOLUTIONS as readonly unknown[]).includes(v);

/** Types whose goods come back to us (the buyer ships a return): they may wait for the buyer. */
export const RETURNS_GOODS: ReadonlySet<CaseType> = new Set([
  "return_refund",
  "exchange",
  "repair",
]);

/** The outcomes each type may end with. */
export const TYPE_RESOLUTIONS: Record<CaseType, readonly Resolution[]> = {
  refund_before_shipping: ["refunded", "rejected"],
  refund_after_shipping: ["refunded", "rejected"],
  return_refund: ["refunded", "rejected"],
  exchange: ["exchanged", "refunded", "rejected"],
  reship: ["reshipped", "refunded", "rejected"],
  repair: ["reshipped", "exchanged", "refunded", "rejected"],
  price_protection: ["refunded", "rejected"],
  complaint: ["refunded", "reshipped", "exchanged", "rejected"],
};

/** The moves a person may make (the platform's own moves arrive through imports, platform-codes.ts). */
const TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  new: ["in_progress", "waiting_buyer", "resolved", "closed"],
  in_progress: ["waiting_buyer", "resolved", "closed"],
  waiting_buyer: ["in_progress", "received", "closed"],
  received: ["inspected", "resolved", "closed"],
  inspected: ["resolved", "closed"],
  resolved: [],
  closed: [],
};

/** How far along a state is (the history and the reports read it; closed and resolved are both ends). */
export const STATE_RANK: Record<CaseState, number> = {
  new: 0,
  in_progress: 1,
  waiting_buyer: 2,
  received: 3,
  inspected: 4,
  resolved: 5,
  closed: 5,
};

export interface TransitionCase {
  type: CaseType;
  state: CaseState;
  /** Set once the goods were inspected (required before a refund when the shop inspects returns). */
  inspection: InspectionResult | null;
}

export interface TransitionRequest {
  to: CaseState;
  /** Required to resolve. */
  resolution?: Resolution | null;
  /** Required to record an inspection. */
  inspection?: InspectionResult | null;
}

export interface TransitionRules {
  /** Returned goods are inspected before a refund (the workspace's setting). */
  inspectBeforeRefund: boolean;
}

export interface Refusal {
  code: MessageCode;
  params: MessageParams;
}

/** The states a person may move a case of this type to from where it is (the web's buttons). */
export function nextStates(c: Pick<TransitionCase, "type" | "state">): CaseState[] {
  return TRANSITIONS[c.state].filter((to) => to !== "waiting_buyer" || RETURNS_GOODS.has(c.type));
}

/**
 * Why a move is refused (a message code with its parameters), or null when it may be made: the
 * move must be in the table; waiting for a return only for types whose goods come back; resolving
 * names an outcome the type allows; an inspection records its result; with `inspectBeforeRefund`
 * returned goods are inspected (and passed) before they are refunded.
 */
export function checkTransition(
  c: TransitionCase,
  req: TransitionRequest,
  rules: TransitionRules,
): Refusal | null {
  const { to } = req;
  if (!TRANSITIONS[c.state].includes(to))
    return {
      code: isOpen(c.state) ? "case.transition.not_allowed" : "case.transition.finished",
      params: { from: { code: `case.state.${c.state}` }, to: { code: `case.state.${to}` } },
    };
  if (to === "waiting_buyer" && !RETURNS_GOODS.has(c.type))
    return { code: "case.transition.no_return", params: { type: { code: `case.type.${c.type}` } } };
  if (to === "inspected" && !req.inspection)
    return { code: "case.transition.inspection_required", params: {} };
  if (to === "resolved") {
    if (!req.resolution) return { code: "case.transition.resolution_required", params: {} };
    if (!TYPE_RESOLUTIONS[c.type].includes(req.resolution))
      return {
        code: "case.transition.resolution_not_for_type",
        params: {
          resolution: { code: `case.resolution.${req.resolution}` },
          type: { code: `case.type.${c.type}` },
        },
      };
    if (
      rules.inspectBeforeRefund &&
      req.resolution === "refunded" &&
      RETURNS_GOODS.has(c.type) &&
      c.state === "received"
    )
      return { code: "case.transition.inspect_first", params: {} };
    if (req.resolution === "refunded" && c.state === "inspected" && c.inspection === "failed")
      return { code: "case.transition.inspection_failed", params: {} };
  }
  return null;
}

/**
 * The instants a move sets on a case (those it has not set already): the first answer (any move
 * out of `new`), the decision (agreeing to a return, or resolving), the end (resolved or closed).
 */
export function milestones(
  c: { firstResponseAt: string | null; decidedAt: string | null; resolvedAt: string | null },
  from: CaseState,
  to: CaseState,
  at: string,
): { firstResponseAt?: string; decidedAt?: string; resolvedAt?: string } {
  const out: { firstResponseAt?: string; decidedAt?: string; resolvedAt?: string } = {};
  if (from === "new" && !c.firstResponseAt) out.firstResponseAt = at;
  if ((to === "waiting_buyer" || to === "resolved") && !c.decidedAt) out.decidedAt = at;
  if (!isOpen(to) && !c.resolvedAt) out.resolvedAt = at;
  return out;
}

/** Waiting for the buyer pauses the clocks: a move into it opens a pause, a move out closes it. */
export function pauseChange(from: CaseState, to: CaseState): "open" | "close" | null {
  if (to === "waiting_buyer" && from !== "waiting_buyer") return "open";
  if (from === "waiting_buyer" && to !== "waiting_buyer") return "close";
  return null;
}

/**
 * Refund only, before or after shipping, when the platform does not say: after shipping when the
 * order had shipped by the time the case was opened (or the goods state says the buyer has them).
 */
export function refundOnlyType(shippedAt: string | null, openedAt: string | null): CaseType {
  if (shippedAt && (!openedAt || shippedAt <= openedAt)) return "refund_after_shipping";
  return "refund_before_shipping";
}

/**
 * Which SLA clock a platform's current-step deadline belongs to (the SLA core's `platformDue`):
 * before a decision it is the decision's; after the goods came back it is the resolution's; while
 * waiting for the buyer it is the buyer's own, not ours.
 */
export function platformDeadlineClock(state: CaseState): "decision" | "resolution" | null {
  if (state === "new" || state === "in_progress") return "decision";
  if (state === "received" || state === "inspected") return "resolution";
  return null;
}

/**
 * The deadline a case shows until SLA policies give theirs: the platform's current-step deadline
 * while it is ours to meet (see `platformDeadlineClock`), none once the case has ended.
 */
export function platformDue(state: CaseState, platformDeadlineAt: string | null): string | null {
  return platformDeadlineAt && platformDeadlineClock(state) ? platformDeadlineAt : null;
}
