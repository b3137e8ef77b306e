// Reconciling a carrier bill against what Dayclear computed (docs/LOGISTICS.md, part cost). Each
// waybill line of the bill is matched to the parcel with that waybill number and the parcel's
// computed cost (parcels.cost_fen, from the rate card) and gets one status. Pure: the service
// gathers the parcels and earlier bills, this decides, and the totals are sums of integer fen.

/**
 * What a line is, checked in this order:
 * - `unknown`: no parcel of this carrier has the waybill — Dayclear never shipped it;
 * - `duplicate`: an earlier bill already charged this waybill — the whole fee is charged again;
 * - `not_costed`: the parcel has no computed cost (no weight, or no rate card covering it);
 * - `reweighed`: the carrier's weight differs from the parcel's by more than the tolerance;
 * - `overcharged` / `undercharged`: the fee is above / below the computed cost;
 * - `ok`: the fee is the computed cost to the fen.
 */
export const BILL_LINE_STATUSES = [
  "ok",
  "reweighed",
  "overcharged",
  "undercharged",
  "unknown",
  "duplicate",
  "not_costed",
] as const;
export type BillLineStatus = (typeof BILL_LINE_STATUSES)[number];

/** Default tolerance between the carrier's weight and ours before a line counts as re-weighed. */
export const DEFAULT_WEIGHT_TOLERANCE_G = 100;
export const WEIGHT_TOLERANCE_MAX_G = 100_000;

export interface LineFacts {
  feeFen: number;
  /** The carrier's weight, grams; null when the bill states none. */
  billedWeightG: number | null;
  /** The parcel the waybill belongs to, or null. */
  parcel: { weightG: number | null; costFen: number | null } | null;
  /** An earlier bill of the workspace already has this waybill. */
  billedBefore: boolean;
}

export interface Verdict {
  status: BillLineStatus;
  /** Fee − computed cost, fen; null when there is no computed cost to compare with. */
  diffFen: number | null;
  /** Carrier's weight − ours, grams; null when either is missing. */
  weightDiffG: number | null;
}

export function reconcileLine(l: LineFacts, toleranceG: number): Verdict {
  const weightDiffG =
    l.billedWeightG !== null && l.parcel?.weightG != null
      ? l.billedWeightG - l.parcel.weightG
      : null;
  const cost = l.parcel?.costFen ?? null;
  const diffFen = cost === null ? null : l.feeFen - cost;
  const status: BillLineStatus =
    l.parcel === null
      ? "unknown"
      : l.billedBefore
        ? "duplicate"
        : cost === null
          ? "not_costed"
          : weightDiffG !== null && Math.abs(weightDiffG) > toleranceG
            ? "reweighed"
            : diffFen! > 0
              ? "overcharged"
              : diffFen! < 0
                ? "undercharged"
                : "ok";
  return { status, diffFen, weightDiffG };
}

export interface ReconciledLine {
  status: BillLineStatus;
  feeFen: number;
  computedFen: number | null;
}

export interface BillTotals {
  lines: number;
  /** Every fee of the bill, added up. */
  billedFen: number;
  /** The computed costs of the lines that have one (duplicates and unknown waybills have none to compare). */
  computedFen: number;
  /** The fees of the lines with a computed cost (to compare with computedFen). */
  matchedBilledFen: number;
  /** Σ (fee − cost) over the lines charged more than computed, re-weighed ones included. */
  overchargedFen: number;
  /** Σ (cost − fee) over the lines charged less than computed, re-weighed ones included. */
  underchargedFen: number;
  /** The fees of the waybills Dayclear never shipped. */
  unknownFen: number;
  /** The fees charged again for waybills an earlier bill charged. */
  duplicateFen: number;
  /** The fees of the parcels that have no computed cost yet. */
  notCostedFen: number;
  /** Σ (fee − cost) over the re-weighed lines. */
  reweighedDiffFen: number;
  /** Lines per status. */
  counts: Record<BillLineStatus, number>;
}

/** One status's lines added up: fees, computed costs, and fee − cost either way (fen). */
export interface StatusGroup {
  status: string;
  lines: number;
  feeFen: number;
  computedFen: number;
  overFen: number;
  underFen: number;
}

/** The totals of a reconciled bill from its lines added up per status (as the database does it). */
export function totalsOfGroups(groups: Iterable<StatusGroup>): BillTotals {
  const counts = Object.fromEntries(BILL_LINE_STATUSES.map((s) => [s, 0])) as Record<
    BillLineStatus,
    number
  >;
  const t: BillTotals = {
    lines: 0,
    billedFen: 0,
    computedFen: 0,
    matchedBilledFen: 0,
    overchargedFen: 0,
    underchargedFen: 0,
    unknownFen: 0,
    duplicateFen: 0,
    notCostedFen: 0,
    reweighedDiffFen: 0,
    counts,
  };
  for (const g of groups) {
    const status = g.status as BillLineStatus;
    t.lines += g.lines;
    counts[status] = (counts[status] ?? 0) + g.lines;
    t.billedFen += g.feeFen;
    if (status === "unknown") t.unknownFen += g.feeFen;
    else if (status === "duplicate") t.duplicateFen += g.feeFen;
    else if (status === "not_costed") t.notCostedFen += g.feeFen;
    else {
      t.computedFen += g.computedFen;
      t.matchedBilledFen += g.feeFen;
      t.overchargedFen += g.overFen;
      t.underchargedFen += g.underFen;
      if (status === "reweighed") t.reweighedDiffFen += g.overFen - g.underFen;
    }
  }
  return t;
}

/** The totals of reconciled lines, in integer fen. */
export function billTotals(lines: Iterable<ReconciledLine>): BillTotals {
  const groups = new Map<BillLineStatus, StatusGroup>();
  for (const l of lines) {
    const g = groups.get(l.status) ?? {
      status: l.status,
      lines: 0,
      feeFen: 0,
      computedFen: 0,
      overFen: 0,
      underFen: 0,
    };
    g.lines++;
    g.feeFen += l.feeFen;
    if (l.computedFen !== null) {
      g.computedFen += l.computedFen;
      if (l.feeFen > l.computedFen) g.overFen += l.feeFen - l.computedFen;
      else g.underFen += l.computedFen - l.feeFen;
    }
    groups.set(l.status, g);
  }
  return totalsOfGroups(groups.values());
}
