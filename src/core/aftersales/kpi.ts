// After-sales KPIs (docs/AFTERSALES.md, "KPIs"): what one case adds to the figures of a period, so
// any grouping (shop, member, reason, SKU) is a sum of cases and a total is the sum of its lines.
// Pure: the metric reader (modules/metrics), the after-sales dashboard, goals and pay read it.
//
// The period is the local days from…to of the workspace, as UTC instants [fromIso, toIso).
// - opened in the period (`openedAt`): `cases`; a return (return_refund, exchange) also `returns`;
//   its SLA clocks count in `slaMet` / `slaBreached` (the SLA attainment's rule, core/aftersales/sla.ts);
// - ended in the period (`resolvedAt`, resolved or closed): `ended` and its handling minutes
//   (resolvedAt − openedAt, wall clock, whole minutes); resolved as refunded: `refunds` and
//   `refundFen`; a money case (refund before/after shipping, return and refund) that ended without
//   money back — closed with nothing refunded, or resolved as exchanged or reshipped —: `savedReturns`.
import type { CaseType } from "./cases.js";

/** Counts and sums of a period; every field adds up across cases and lines. */
export interface AftersalesFigures {
  /** Cases opened in the period. */
  cases: number;
  /** Return cases (return and refund, exchange) opened in the period. */
  returns: number;
  /** Cases resolved or closed in the period. */
  ended: number;
  /** Σ whole minutes from opening to the end over `ended`. */
  handlingMinutes: number;
  /** Cases resolved as refunded in the period. */
  refunds: number;
  /** Σ refunded amount (integer fen) over `refunds`. */
  refundFen: number;
  /** Money cases that ended in the period without money back (closed unrefunded, exchanged, reshipped). */
  savedReturns: number;
  /** Bad reviews turned good in the period (countReviewsTurnedGood). */
  reviewsTurnedGood: number;
  /** SLA clocks of the cases opened in the period that stopped by their deadline. */
  slaMet: number;
  /** … that stopped late or are running past their deadline. */
  slaBreached: number;
}

export const ZERO_FIGURES: Readonly<AftersalesFigures> = Object.freeze({
  cases: 0,
  returns: 0,
  ended: 0,
  handlingMinutes: 0,
  refunds: 0,
  refundFen: 0,
  savedReturns: 0,
  reviewsTurnedGood: 0,
  slaMet: 0,
  slaBreached: 0,
});

export const FIGURE_KEYS = Object.keys(ZERO_FIGURES) as (keyof AftersalesFigures)[];

export function addFigures(a: AftersalesFigures, b: Partial<AftersalesFigures>): AftersalesFigures {
  const out = { ...a };
  for (const k of FIGURE_KEYS) out[k] += b[k] ?? 0;
  return out;
}

/** Types whose goods come back as a return (the return rate's numerator). */
export const RETURN_TYPES: readonly CaseType[] = ["return_refund", "exchange"];
/** Types that ask for money back (a save is one of these ending without a refund). */
export const MONEY_TYPES: readonly CaseType[] = [
  "refund_before_shipping",
  "refund_after_shipping",
  "return_refund",
];

/** What the KPIs read of a case. */
export interface KpiCase {
  type: string;
  state: string;
  resolution: string | null;
  refundFen: number | null;
  openedAt: string;
  resolvedAt: string | null;
}

const inside = (iso: string | null, fromIso: string, toIso: string) =>
  iso !== null && Date.parse(iso) >= Date.parse(fromIso) && Date.parse(iso) < Date.parse(toIso);

/** What one case adds to the figures of the period (SLA clocks and reviews are added apart). */
export function caseFigures(c: KpiCase, fromIso: string, toIso: string): AftersalesFigures {
  const f = { ...ZERO_FIGURES };
  if (inside(c.openedAt, fromIso, toIso)) {
    f.cases = 1;
    if ((RETURN_TYPES as readonly string[]).includes(c.type)) f.returns = 1;
  }
  const ended = c.state === "resolved" || c.state === "closed";
  if (ended && inside(c.resolvedAt, fromIso, toIso)) {
    f.ended = 1;
    f.handlingMinutes = Math.max(
      0,
      Math.round((Date.parse(c.resolvedAt!) - Date.parse(c.openedAt)) / 60_000),
    );
    if (c.state === "resolved" && c.resolution === "refunded") {
      f.refunds = 1;
      f.refundFen = c.refundFen ?? 0;
    }
    if ((MONEY_TYPES as readonly string[]).includes(c.type)) {
      const closedUnrefunded = c.state === "closed" && !(c.refundFen && c.refundFen > 0);
      const kept =
        c.state === "resolved" && (c.resolution === "exchanged" || c.resolution === "reshipped");
      if (closedUnrefunded || kept) f.savedReturns = 1;
    }
  }
  return f;
}

const ratio = (n: number, d: number | null) => (d && d > 0 ? n / d : null);

/** The rates of figures: fractions (0.3 = 30 %) or null when there is nothing to divide by. */
export interface AftersalesRates {
  /** refunds ÷ paid orders of the period. */
  refundRate: number | null;
  /** returns ÷ paid orders of the period. */
  returnRate: number | null;
  /** handlingMinutes ÷ ended, minutes. */
  avgHandlingMinutes: number | null;
  /** slaMet ÷ (slaMet + slaBreached). */
  slaAttainment: number | null;
}

/** Rates of figures over the paid orders of the period (null: no denominator, e.g. a person). */
export function figureRates(f: AftersalesFigures, paidOrders: number | null): AftersalesRates {
  return {
    refundRate: ratio(f.refunds, paidOrders),
    returnRate: ratio(f.returns, paidOrders),
    avgHandlingMinutes: ratio(f.handlingMinutes, f.ended),
    slaAttainment: ratio(f.slaMet, f.slaMet + f.slaBreached),
  };
}

/** The after-sales KPIs goals may be bound to (and their direction). */
export const AFTERSALES_KPIS = [
  "returnRate",
  "avgHandlingMinutes",
  "slaAttainment",
  "savedReturns",
  "reviewsTurnedGood",
] as const;
export type AftersalesKpi = (typeof AFTERSALES_KPIS)[number];
export const isAftersalesKpi = (k: string): k is AftersalesKpi =>
  (AFTERSALES_KPIS as readonly string[]).includes(k);

/** The after-sales KPIs a pay scorecard metric may read (`kpi`), and which way is better. */
export const SCORE_AFTERSALES_KPIS = ["slaAttainment", "avgHandlingMinutes"] as const;
export type ScoreAftersalesKpi = (typeof SCORE_AFTERSALES_KPIS)[number];
export const SCORE_AFTERSALES_BETTER: Record<ScoreAftersalesKpi, "higher" | "lower"> = {
  slaAttainment: "higher",
  avgHandlingMinutes: "lower",
};
export const isScoreAftersalesKpi = (k: string): k is ScoreAftersalesKpi =>
  (SCORE_AFTERSALES_KPIS as readonly string[]).includes(k);

/**
 * A goal's actual as decimal text: percentages with two decimals (returnRate, slaAttainment),
 * minutes with one, counts as integers; null when the KPI has no value (nothing to divide).
 */
export function aftersalesKpiText(
  f: AftersalesFigures,
  paidOrders: number | null,
  kpi: AftersalesKpi,
): string | null {
  const r = figureRates(f, paidOrders);
  switch (kpi) {
    case "returnRate":
      return r.returnRate === null ? null : (r.returnRate * 100).toFixed(2);
    case "slaAttainment":
      return r.slaAttainment === null ? null : (r.slaAttainment * 100).toFixed(2);
    case "avgHandlingMinutes":
      return r.avgHandlingMinutes === null ? null : r.avgHandlingMinutes.toFixed(1);
    case "savedReturns":
      return String(f.savedReturns);
    case "reviewsTurnedGood":
      return String(f.reviewsTurnedGood);
  }
}
