// Work shared between people (tasks with maxPeople > 1). A shared task is filled day by day: on
// each day the qualified members with the most free time (times their efficiency) work on it, at
// most maxPeople of them, each for all their free time that day, until the effort is done. Taking
// the largest capacities every day is what finishes earliest (the effort done by any day is the
// most it can be), and on the last day the fewest people finish it. A member's piece of a day must
// reach the task's smallest chunk unless it is the piece that finishes the task.
//
// A fresh shared task goes to one member when someone alone finishes as early as the team would
// (no hand-over for nothing), else to the team. A shared task already under way (pinned work by
// several members, or shared in the previous schedule) stays shared, so a re-plan of an unchanged
// plan places the rest exactly as before; otherwise its rest stays with its member, as any task's.

import type { MemberCapacity } from "./capacity.js";

/** Effort left below this many minutes is done (floating-point slack of effort ÷ factor). */
export const EFFORT_EPS = 1e-6;

export interface SharedTask {
  caps: readonly MemberCapacity[];
  /** Factor per member index, or null when all work at 1. */
  eff: Float64Array | null;
  maxPeople: number;
  /** Smallest piece in minutes (bar the one that finishes the task). */
  minChunk: number;
  /** Members with pinned work of this task, by day index: they hold a place on that day. */
  pinnedOn: ReadonlyMap<number, readonly number[]> | null;
}

export interface Fill {
  first: number;
  last: number;
  /** Minutes of everyone's time used. */
  minutes: number;
  /** [member, day, minutes] triples, when recording. */
  work: number[];
}

export const emptyFill = (): Fill => ({ first: -1, last: -1, minutes: 0, work: [] });

// Scratch for one day's choice (members and their capacities), reused across calls.
let dayMembers = new Int32Array(64);
let dayFree = new Int32Array(64);
let dayWeight = new Float64Array(64);

/**
 * Fill `effort` minutes of effort from day `from` with `members`; false when it does not fit in
 * the horizon. Reads capacities only; the caller takes the recorded work.
 */
export function fillShared(
  t: SharedTask,
  members: readonly number[],
  effort: number,
  from: number,
  out: Fill,
  record: boolean,
): boolean {
  if (dayMembers.length < members.length) {
    dayMembers = new Int32Array(members.length * 2);
    dayFree = new Int32Array(members.length * 2);
    dayWeight = new Float64Array(members.length * 2);
  }
  out.first = -1;
  out.last = -1;
  out.minutes = 0;
  if (record) out.work = [];
  let left = effort;
  let d = from;
  while (left > EFFORT_EPS) {
    let next = -1;
    for (const m of members) {
      const x = t.caps[m]!.find(d);
      if (x >= 0 && (next < 0 || x < next)) next = x;
    }
    if (next < 0) return false;
    d = next;
    // Who can take a piece today, largest capacity first (then member order).
    let n = 0;
    for (const m of members) {
      const cap = t.caps[m]!;
      const free = d < cap.days ? cap.free[d]! : 0;
      if (free <= 0) continue;
      const e = t.eff ? t.eff[m]! : 1;
      if (free < t.minChunk && free * e < left - EFFORT_EPS) continue;
      let k = n++;
      const w = free * e;
      while (k > 0 && dayWeight[k - 1]! < w) {
        dayMembers[k] = dayMembers[k - 1]!;
        dayFree[k] = dayFree[k - 1]!;
        dayWeight[k] = dayWeight[k - 1]!;
        k--;
      }
      dayMembers[k] = m;
      dayFree[k] = free;
      dayWeight[k] = w;
    }
    const pinned = t.pinnedOn?.get(d);
    let places = t.maxPeople - (pinned ? pinned.length : 0);
    for (let k = 0; k < n && left > EFFORT_EPS; k++) {
      const m = dayMembers[k]!;
      if (!pinned || !pinned.includes(m)) {
        if (places <= 0) continue;
        places--;
      }
      const e = t.eff ? t.eff[m]! : 1;
      const take = Math.min(dayFree[k]!, Math.ceil(left / e - 1e-9));
      left -= take * e;
      out.minutes += take;
      if (out.first < 0) out.first = d;
      out.last = d;
      if (record) out.work.push(m, d, take);
    }
    d++;
  }
  return true;
}

/**
 * The earliest start ≥ `es` whose fill finishes on or after `minFinish` (FF/SF links: the finish
 * grows with the start, so a binary search finds it), left in `out`; -1 when nothing fits.
 */
export function earliestFill(
  t: SharedTask,
  members: readonly number[],
  effort: number,
  es: number,
  minFinish: number,
  out: Fill,
): number {
  if (!fillShared(t, members, effort, es, out, false)) return -1;
  if (out.last >= minFinish) return es;
  let lo = es + 1;
  let hi = minFinish;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (fillShared(t, members, effort, mid, out, false) && out.last >= minFinish) hi = mid;
    else lo = mid + 1;
  }
  return fillShared(t, members, effort, lo, out, false) ? lo : -1;
}

/**
 * Where a shared task's `effort` goes: the recorded fill, or null when nobody fits it in the
 * horizon. `stayShared`: the task is under way as a shared task (no single-member option).
 * Ties between single members: the preferred one, then the fewest hours, then the least loaded.
 */
export function placeShared(
  t: SharedTask,
  cands: readonly number[],
  effort: number,
  es: number,
  minFinish: number,
  stayShared: boolean,
  preferred: number,
): Fill | null {
  const out = emptyFill();
  let bestMembers: readonly number[] | null = null;
  let bestFrom = -1;
  let bestFinish = Infinity;
  if (!stayShared || cands.length < 2) {
    let best = -1;
    let bestMinutes = Infinity;
    const one = [0];
    for (const m of cands) {
      one[0] = m;
      const from = earliestFill(t, one, effort, es, minFinish, out);
      if (from < 0) continue;
      const fin = out.last;
      const better =
        best < 0 ||
        fin < bestFinish ||
        (fin === bestFinish && m === preferred && best !== preferred) ||
        (fin === bestFinish &&
          best !== preferred &&
          (out.minutes < bestMinutes ||
            (out.minutes === bestMinutes && t.caps[m]!.load < t.caps[best]!.load)));
      if (better) {
        best = m;
        bestFrom = from;
        bestFinish = fin;
        bestMinutes = out.minutes;
      }
    }
    if (best >= 0) bestMembers = [best];
  }
  if (cands.length >= 2) {
    const from = earliestFill(t, cands, effort, es, minFinish, out);
    if (from >= 0 && (stayShared || out.last < bestFinish)) {
      bestMembers = cands;
      bestFrom = from;
    }
  }
  if (!bestMembers) return null;
  fillShared(t, bestMembers, effort, bestFrom, out, true);
  return out;
}
