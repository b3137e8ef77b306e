// Members' free minutes per day from the plan start, with a "next day with free time" skip
// list (union–find with path compression) so placing work skips full days and days off in
// near-constant time. Days are calendar-day indices from the plan start; arrays grow on demand.

import type { MemberCalendar } from "../../calendar/calendar.js";

/** Work is never placed further than this many days after the plan start. */
export const MAX_HORIZON_DAYS = 366 * 20;

export class MemberCapacity {
  /** Free minutes on day d. */
  free: Int32Array;
  /** next[d] leads (via find) to the first day ≥ d with free minutes; next[size] = size. */
  private next: Int32Array;
  private size = 0;
  /** Minutes assigned so far (for load spreading). */
  load = 0;
  /** Minutes per full working day. */
  readonly dayMinutes: number;

  constructor(
    private readonly cal: MemberCalendar,
    private readonly startEpoch: number,
    initialDays: number,
    /** Overtime minutes by day index, added to the day's capacity (never past 24 h). */
    private readonly extra: ReadonlyMap<number, number> | null = null,
  ) {
    this.dayMinutes = Math.round(cal.hoursPerDay * 60);
    this.free = new Int32Array(0);
    this.next = new Int32Array(1);
    this.grow(Math.max(16, initialDays));
  }

  get days(): number {
    return this.size;
  }

  /** Extend the arrays to at least `days` days (capped at the horizon). */
  grow(days: number): void {
    const target = Math.min(MAX_HORIZON_DAYS, Math.max(days, this.size * 2));
    if (target <= this.size) return;
    const free = new Int32Array(target);
    free.set(this.free);
    const next = new Int32Array(target + 1);
    next.set(this.next.subarray(0, this.size));
    for (let d = this.size; d < target; d++) {
      let minutes = this.cal.isWorkdayEpoch(this.startEpoch + d) ? this.dayMinutes : 0;
      const extra = this.extra?.get(d);
      if (extra) minutes = Math.min(24 * 60, minutes + extra);
      free[d] = minutes;
      next[d] = minutes > 0 ? d : d + 1;
    }
    next[target] = target;
    this.free = free;
    this.next = next;
    this.size = target;
  }

  /** First day ≥ d with free minutes, or -1 beyond the maximum horizon. */
  find(d: number): number {
    if (d < 0) d = 0;
    // Beyond the horizon, or not a day at all (NaN from a date the engine cannot place): no room.
    // Without this a NaN day walked `next[undefined]` for ever (a task starting in 2099 froze replanning).
    if (!(d < MAX_HORIZON_DAYS)) return -1;
    for (;;) {
      if (d >= this.size) {
        if (this.size >= MAX_HORIZON_DAYS) return -1;
        this.grow(d + 1);
      }
      let root = d;
      const next = this.next;
      while (next[root] !== root) root = next[root]!;
      // Path compression.
      let v = d;
      while (next[v] !== root) {
        const w = next[v]!;
        next[v] = root;
        v = w;
      }
      if (root < this.size) return root;
      d = root; // reached the sentinel: grow and continue
    }
  }

  /** Take minutes on day d (caller ensures they are free, or forces pinned work). */
  take(d: number, minutes: number): void {
    if (d < 0 || d >= MAX_HORIZON_DAYS) return;
    if (d >= this.size) this.grow(d + 1);
    const left = Math.max(0, this.free[d]! - minutes);
    this.free[d] = left;
    if (left === 0) this.next[d] = d + 1;
    this.load += minutes;
  }
}

export interface Placement {
  /** Day indices and minutes, in day order (filled only when recording). */
  days: number[];
  minutes: number[];
  first: number;
  last: number;
}

/**
 * Where `minutes` of work would go for this member from day `from` on: as much as is free on
 * each day, earliest first. Writes into `out` (reused, to allocate nothing while comparing
 * candidates); returns false if it does not fit within the horizon.
 */
export function simulate(
  cap: MemberCapacity,
  from: number,
  minutes: number,
  out: Placement,
  record: boolean,
): boolean {
  let left = minutes;
  let d = cap.find(from);
  out.first = -1;
  out.last = -1;
  if (record) {
    out.days = [];
    out.minutes = [];
  }
  while (left > 0) {
    if (d < 0) return false;
    const take = Math.min(left, cap.free[d]!);
    if (out.first < 0) out.first = d;
    out.last = d;
    if (record) {
      out.days.push(d);
      out.minutes.push(take);
    }
    left -= take;
    if (left > 0) d = cap.find(d + 1);
  }
  return true;
}
