// RFM with visible cut-offs (docs/CUSTOMERS.md, "RFM"). Per customer of a shop, over a window the
// caller chose: R = days since the last order (fewer is better), F = orders, M = spend in fen.
//
// Quintile scores 1–5 (5 best), one sort per dimension: the customers are ranked from worst to
// best and cut into fifths; cut-off k (k = 1…4) is the value of the last customer of the k-th
// fifth (rank ⌈k·n/5⌉). A customer's score is 1 + the number of cut-offs its value BEATS —
// strictly: more orders or spend than the cut-off, fewer days than it. So customers with equal
// values always get equal scores (ties are never broken by input order, as pandas'
// `rank(method="first")` would), and a value tied at a cut-off gets the lower score: when 60 % of
// the customers have one order, all of them have F 1 and the fifths are uneven on purpose.
//
// Segments from R × F (the usual grid, pinned by rfm.test.ts; rows R, columns F 1…5):
//   R5: new customers, potential loyalists ×2, champions ×2
//   R4: promising, potential loyalists ×2, loyal ×2
//   R3: about to sleep ×2, need attention, loyal ×2
//   R2: hibernating ×2, at risk ×2, can't lose them
//   R1: lost, hibernating, at risk ×2, can't lose them
// Chinese eight classes from the raw values against their centre (the mean by default, or the
// median), each rounded as shown (R and F to 0.01, M to a whole fen) and compared as shown:
// recent = fewer days than the centre, frequent = more orders, high = more spend.
//   重要价值 R↑F↑M↑ · 重要发展 R↑F↓M↑ · 重要保持 R↓F↑M↑ · 重要挽留 R↓F↓M↑
//   一般价值 R↑F↑M↓ · 一般发展 R↑F↓M↓ · 一般保持 R↓F↑M↓ · 一般挽留 R↓F↓M↓
// Pure; typed arrays and one sort per dimension (a million customers: docs/BENCHMARKS.md).
import { divRound } from "../money.js";

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The R×F map: RF_GRID[r - 1][f - 1]. */
export const RF_GRID: readonly (readonly RfmSegment[])[] = [
  ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  ["promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
  ["new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"],
];

/** The Chinese eight classes; the index is 4·(M low) + 2·(R not recent) + (F infrequent). */
export const CN_CLASSES = [
  "important_value",
  "important_develop",
  "important_keep",
  "important_retain",
  "general_value",
  "general_develop",
  "general_keep",
  "general_retain",
] as const;
export type CnClass = (typeof CN_CLASSES)[number];

export type Centre = "mean" | "median";

export interface RfmInput {
  /** Days from each customer's last order to the analysis date (≥ 0). */
  recencyDays: ArrayLike<number>;
  /** Orders in the window (≥ 1 for a customer in the analysis). */
  frequency: ArrayLike<number>;
  /** Spend in the window, integer fen. */
  monetaryFen: ArrayLike<number>;
}

export interface RfmOptions {
  /** What the eight classes compare with; default the mean. */
  classCentre?: Centre;
  /** Called as the work goes on: `done` of `total` steps (a bar's position). */
  onProgress?: (done: number, total: number) => void;
}

export interface DimensionStats {
  /**
   * The four cut-offs. R: days, descending — R > k needs fewer days than cutoffs[k - 1]. F and M:
   * ascending — a score above k needs more than cutoffs[k - 1].
   */
  cutoffs: number[];
  mean: number;
  median: number;
  /** The centre the classes compare with, rounded as shown (R, F: 0.01; M: whole fen). */
  centre: number;
}

export interface RfmResult {
  count: number;
  classCentre: Centre;
  r: DimensionStats;
  f: DimensionStats;
  m: DimensionStats;
  rScore: Uint8Array;
  fScore: Uint8Array;
  mScore: Uint8Array;
  /** Index into RFM_SEGMENTS. */
  segment: Uint8Array;
  /** Index into CN_CLASSES. */
  cnClass: Uint8Array;
  segmentCounts: Record<RfmSegment, number>;
  classCounts: Record<CnClass, number>;
}

const SEGMENT_INDEX = new Map(RFM_SEGMENTS.map((s, i) => [s, i]));
/** Segment index by 5·(r − 1) + (f − 1). */
const CELL_SEGMENT = Uint8Array.from(RF_GRID.flat().map((s) => SEGMENT_INDEX.get(s)!));
const PROGRESS_CHUNK = 1 << 17;

type Sorted = Float64Array | Int32Array;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Cut-offs of a sorted (ascending) column: the last value of each of the first four fifths. */
function ascendingCutoffs(sorted: Sorted): number[] {
  const n = sorted.length;
  if (n === 0) return [];
  return [1, 2, 3, 4].map((k) => sorted[Math.ceil((k * n) / 5) - 1]!);
}

/** R's cut-offs in days (best is fewest days): ranked worst first is days descending. */
function recencyCutoffs(sortedDays: Sorted): number[] {
  const n = sortedDays.length;
  if (n === 0) return [];
  return [1, 2, 3, 4].map((k) => sortedDays[n - Math.ceil((k * n) / 5)]!);
}

function median(sorted: Sorted): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return (sorted[(n - 1) >> 1]! + sorted[n >> 1]!) / 2;
}

function column(name: string, src: ArrayLike<number>, n: number, integer: boolean): Float64Array {
  if (src.length !== n) throw new RangeError(`${name} has ${src.length} values, expected ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (!(v >= 0 && Number.isFinite(v)) || (integer && !Number.isInteger(v)))
      throw new RangeError(
        `${name}[${i}] must be a non-negative ${integer ? "integer" : "number"}, got ${v}`,
      );
    out[i] = v;
  }
  return out;
}

/** Scores every customer, finds their segment and class, counts them. */
export function scoreRfm(input: RfmInput, options: RfmOptions = {}): RfmResult {
  const n = input.recencyDays.length;
  const centreKind = options.classCentre ?? "mean";
  const progress = options.onProgress;
  const total = 4 * n;
  const days = column("recencyDays", input.recencyDays, n, true);
  const orders = column("frequency", input.frequency, n, true);
  const spend = column("monetaryFen", input.monetaryFen, n, true);

  const stats = (values: Float64Array, step: number, kind: "r" | "f" | "m"): DimensionStats => {
    let sum = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      sum += v;
      if (v > max) max = v;
    }
    // Whole numbers below 2³¹ sort about twice as fast as 32-bit integers as they do as doubles (days
    // and orders always, spend below ¥21 million); the cut-offs read the same either way.
    const sorted = max <= 0x7fffffff ? Int32Array.from(values).sort() : values.slice().sort();
    progress?.(step * n, total);
    const mean = n > 0 ? sum / n : 0;
    const med = median(sorted);
    const raw = centreKind === "mean" ? mean : med;
    const centre =
      kind === "m" ? (centreKind === "mean" ? divRound(sum, n) : Math.round(med)) : round2(raw);
    return {
      cutoffs: kind === "r" ? recencyCutoffs(sorted) : ascendingCutoffs(sorted),
      mean,
      median: med,
      centre,
    };
  };
  const r = stats(days, 1, "r");
  const f = stats(orders, 2, "f");
  const m = stats(spend, 3, "m");
  return applyScores({ count: n, classCentre: centreKind, r, f, m }, days, orders, spend, progress);
}

/** What scoring a population found: its cut-offs and centres (stored with a snapshot). */
export interface RfmStats {
  /** Customers scored. */
  count: number;
  classCentre: Centre;
  r: DimensionStats;
  f: DimensionStats;
  m: DimensionStats;
}

export const rfmStats = (res: RfmResult): RfmStats => ({
  count: res.count,
  classCentre: res.classCentre,
  r: res.r,
  f: res.f,
  m: res.m,
});

/**
 * Scores `input` against a population's cut-offs and centres found before (`stats`, e.g. from a
 * stored snapshot): a customer's scores, segment and class depend only on their own values and
 * those, so this gives what `scoreRfm` gave them in the population. The result's `count` is the
 * input's; its stats are the population's.
 */
export function scoreAgainst(stats: RfmStats, input: RfmInput): RfmResult {
  if (stats.count === 0) throw new RangeError("no population to score against");
  const n = input.recencyDays.length;
  return applyScores(
    { ...stats },
    column("recencyDays", input.recencyDays, n, true),
    column("frequency", input.frequency, n, true),
    column("monetaryFen", input.monetaryFen, n, true),
  );
}

function applyScores(
  stats: RfmStats,
  days: Float64Array,
  orders: Float64Array,
  spend: Float64Array,
  progress?: (done: number, total: number) => void,
): RfmResult {
  const { r, f, m } = stats;
  const n = days.length;
  const total = 4 * n;
  const rScore = new Uint8Array(n);
  const fScore = new Uint8Array(n);
  const mScore = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const cnClass = new Uint8Array(n);
  const segCount = new Float64Array(RFM_SEGMENTS.length);
  const classCount = new Float64Array(CN_CLASSES.length);
  if (n > 0) {
    const [r1, r2, r3, r4] = r.cutoffs as [number, number, number, number];
    const [f1, f2, f3, f4] = f.cutoffs as [number, number, number, number];
    const [m1, m2, m3, m4] = m.cutoffs as [number, number, number, number];
    const rc = r.centre;
    const fc = f.centre;
    const mc = m.centre;
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      const o = orders[i]!;
      const s = spend[i]!;
      const rs = 1 + +(d < r1) + +(d < r2) + +(d < r3) + +(d < r4);
      const fs = 1 + +(o > f1) + +(o > f2) + +(o > f3) + +(o > f4);
      const ms = 1 + +(s > m1) + +(s > m2) + +(s > m3) + +(s > m4);
      rScore[i] = rs;
      fScore[i] = fs;
      mScore[i] = ms;
      const seg = CELL_SEGMENT[(rs - 1) * 5 + fs - 1]!;
      segment[i] = seg;
      segCount[seg]!++;
      const cls = (s > mc ? 0 : 4) + (d < rc ? 0 : 2) + (o > fc ? 0 : 1);
      cnClass[i] = cls;
      classCount[cls]!++;
      if (progress && (i + 1) % PROGRESS_CHUNK === 0) progress(3 * n + i + 1, total);
    }
  }
  progress?.(total, total);
  return {
    count: n,
    classCentre: stats.classCentre,
    r,
    f,
    m,
    rScore,
    fScore,
    mScore,
    segment,
    cnClass,
    segmentCounts: Object.fromEntries(RFM_SEGMENTS.map((s, i) => [s, segCount[i]!])) as Record<
      RfmSegment,
      number
    >,
    classCounts: Object.fromEntries(CN_CLASSES.map((c, i) => [c, classCount[i]!])) as Record<
      CnClass,
      number
    >,
  };
}

/** The values a score stands for. R: days ≥ atLeast and < lessThan; F, M: > moreThan and ≤ atMost. */
export interface ScoreRange {
  score: number;
  /** R only. */
  atLeast?: number | null;
  lessThan?: number | null;
  /** F and M. */
  moreThan?: number | null;
  atMost?: number | null;
}

/** What a score of a dimension means in values (null bounds: open). */
export function scoreRange(result: RfmResult, dim: "r" | "f" | "m", score: number): ScoreRange {
  if (!(Number.isInteger(score) && score >= 1 && score <= 5))
    throw new RangeError(`score must be 1…5, got ${score}`);
  const c = result[dim].cutoffs;
  if (c.length === 0) return { score };
  if (dim === "r")
    return {
      score,
      atLeast: score < 5 ? c[score - 1]! : null,
      lessThan: score > 1 ? c[score - 2]! : null,
    };
  return {
    score,
    moreThan: score > 1 ? c[score - 2]! : null,
    atMost: score < 5 ? c[score - 1]! : null,
  };
}

export interface SegmentCell {
  r: ScoreRange;
  f: ScoreRange;
}

export interface SegmentSummary {
  segment: RfmSegment;
  count: number;
  /** The R×F cells of the segment, each with the values its scores stand for. */
  cells: SegmentCell[];
}

/** One entry per segment (in RFM_SEGMENTS order): its count and the cut-offs of its cells. */
export function segmentSummaries(result: RfmResult): SegmentSummary[] {
  return RFM_SEGMENTS.map((segment) => {
    const cells: SegmentCell[] = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        if (RF_GRID[r - 1]![f - 1] === segment)
          cells.push({ r: scoreRange(result, "r", r), f: scoreRange(result, "f", f) });
    return { segment, count: result.segmentCounts[segment], cells };
  });
}
