// Serial schedule generation (SGS) and forward–backward improvement (double justification,
// Valls, Ballestín & Quintanilla 2005): each activity in list order starts at the earliest
// time its predecessors and the remaining resource capacity allow.

import type { Rcpsp } from "./problem.js";

/** Reusable buffers for one problem, so a search allocates nothing per schedule. */
export class SgsWorkspace {
  readonly usage: Int32Array;
  readonly startF: Int32Array;
  readonly startB: Int32Array;
  readonly keys: Float64Array;
  readonly list: Int32Array;
  /** Number of schedule-generation passes run with this workspace. */
  passes = 0;
  /** Periods of `usage` that may be non-zero (cleared lazily at the next pass). */
  dirty: number;

  constructor(readonly p: Rcpsp) {
    this.usage = new Int32Array(p.nRes * (p.horizon + 1));
    this.startF = new Int32Array(p.n);
    this.startB = new Int32Array(p.n);
    this.keys = new Float64Array(p.n);
    this.list = new Int32Array(p.n);
    this.dirty = p.horizon + 1;
  }
}

/**
 * Schedule the activities of `list` (a precedence-feasible order) into `start`; returns the
 * makespan. `p` may be the reversed problem for a backward pass.
 */
export function serialSgs(p: Rcpsp, list: Int32Array, ws: SgsWorkspace, start: Int32Array): number {
  ws.passes++;
  const H = p.horizon + 1;
  const { usage } = ws;
  const { dur, demand, cap, nRes, predStart, pred, resStart, resUsed } = p;
  let span = 0;
  for (let r = 0; r < nRes; r++) usage.fill(0, r * H, r * H + Math.min(ws.dirty, H));
  for (let i = 0; i < list.length; i++) {
    const j = list[i]!;
    const d = dur[j]!;
    let t = 0;
    for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
      const q = pred[k]!;
      const f = start[q]! + dur[q]!;
      if (f > t) t = f;
    }
    const r0 = resStart[j]!;
    const r1 = resStart[j + 1]!;
    if (d > 0 && r1 > r0) {
      // Scan forward; on a conflict at tau, the next possible start is tau + 1.
      let tau = t;
      while (tau < t + d) {
        let ok = true;
        for (let k = r0; k < r1; k++) {
          const r = resUsed[k]!;
          if (usage[r * H + tau]! + demand[j * nRes + r]! > cap[r]!) {
            ok = false;
            break;
          }
        }
        if (ok) tau++;
        else {
          t = tau + 1;
          tau = t;
        }
      }
      for (let k = r0; k < r1; k++) {
        const r = resUsed[k]!;
        const q = demand[j * nRes + r]!;
        const base = r * H;
        for (let x = t; x < t + d; x++) usage[base + x]! += q;
      }
    }
    start[j] = t;
    if (t + d > span) span = t + d;
  }
  ws.dirty = span;
  return span;
}

/** Sort `list` by key ascending, ties by topological rank (keeps it precedence-feasible). */
export function sortByKey(list: Int32Array, keys: Float64Array, rank: Int32Array): void {
  if (list.length > 64) {
    const sorted = Array.from(list).sort((a, b) => keys[a]! - keys[b]! || rank[a]! - rank[b]!);
    list.set(sorted);
    return;
  }
  // Insertion sort: small lists (one PSPLIB instance) sort fastest this way.
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    const kv = keys[v]!;
    const rv = rank[v]!;
    let k = i - 1;
    while (k >= 0) {
      const u = list[k]!;
      const ku = keys[u]!;
      if (ku < kv || (ku === kv && rank[u]! < rv)) break;
      list[k + 1] = u;
      k--;
    }
    list[k + 1] = v;
  }
}

/**
 * Forward–backward improvement: repeat (right-justify, left-justify) while the makespan drops.
 * `start` holds a feasible forward schedule with makespan `span` and receives the improved one;
 * `list` receives the activity list of the final forward schedule. Returns its makespan.
 */
export function justify(
  p: Rcpsp,
  rev: Rcpsp,
  ws: SgsWorkspace,
  start: Int32Array,
  span: number,
  list: Int32Array,
  maxRounds = 8,
): number {
  const { startB, keys } = ws;
  const n = p.n;
  let best = span;
  for (let round = 0; round < maxRounds; round++) {
    // Backward: latest finish first. In the reversed problem an activity's "start" is its
    // distance from the end, so sort by (span - finish) ascending.
    for (let j = 0; j < n; j++) {
      list[j] = j;
      keys[j] = best - (start[j]! + p.dur[j]!);
    }
    sortByKey(list, keys, rev.topoRank);
    const spanB = serialSgs(rev, list, ws, startB);
    // Forward: earliest real start first; real start = spanB - (startB + d).
    for (let j = 0; j < n; j++) {
      list[j] = j;
      keys[j] = spanB - (startB[j]! + p.dur[j]!);
    }
    sortByKey(list, keys, p.topoRank);
    const spanF = serialSgs(p, list, ws, ws.startF);
    if (spanF < best) {
      best = spanF;
      start.set(ws.startF);
    } else {
      if (spanF === best) start.set(ws.startF);
      break;
    }
  }
  // The final activity list: forward schedule's start order.
  for (let j = 0; j < n; j++) {
    list[j] = j;
    keys[j] = start[j]!;
  }
  sortByKey(list, keys, p.topoRank);
  return best;
}
