// Working time of a workspace for SLA clocks (docs/CUSTOMERS.md, "SLA clocks"): the working days
// of its calendar (core/calendar: work week, public holidays, make-up workdays 调休) × its shift
// hours on the wall clock of its time zone (e.g. 09:00–18:00 with a 12:00–13:00 lunch break),
// minus the intervals a clock is paused (waiting for the buyer). A day's shift is cut into
// windows [start, end) of UTC milliseconds; a deadline may fall on a window's end (18:00 sharp is
// still the working day it ends). Pure.
import type { WorkCalendar } from "../calendar/calendar.js";
import { dateInZone } from "../calendar/today.js";
import { zoneOffsetMinutes } from "../logistics/local-days.js";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** A working day's hours, `HH:MM` on the workspace's wall clock; `end` may be `24:00`. */
export interface ShiftSpec {
  start: string;
  end: string;
  /** Unpaid breaks inside the shift (lunch), each `HH:MM`–`HH:MM`, not overlapping. */
  breaks?: readonly { start: string; end: string }[];
}

export interface WorkingHoursSpec {
  calendar: WorkCalendar;
  /** IANA time zone of the workspace; default Asia/Shanghai. */
  timeZone?: string;
  shift: ShiftSpec;
}

/** An interval of UTC milliseconds, `to` exclusive; `to` = Infinity for a pause still open. */
export interface MsInterval {
  from: number;
  to: number;
}

/** How far the searches walk before deciding the calendar has no working time. */
const SEARCH_LIMIT_DAYS = 3660;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HHMM = /^(\d{2}):(\d{2})$/;

/**
 * A zone's UTC offset changes only on a quarter hour of UTC (offsets and their changes are whole
 * quarter hours), so it is asked of Intl once per quarter hour and zone, across clocks: the
 * queue's clocks read the same instants on every page (Intl takes ~25 µs a call; a page of 50
 * cases asked it about a thousand times — docs/BENCHMARKS.md "After-sales and customers").
 */
const QUARTER_MS = 15 * MINUTE_MS;
const OFFSETS = new Map<string, Map<number, number>>();
function offsetMinutes(ms: number, timeZone: string): number {
  let zone = OFFSETS.get(timeZone);
  if (!zone) OFFSETS.set(timeZone, (zone = new Map()));
  const q = Math.floor(ms / QUARTER_MS);
  let o = zone.get(q);
  if (o === undefined) {
    if (zone.size >= 100_000) zone.clear();
    o = zoneOffsetMinutes(q * QUARTER_MS, timeZone);
    zone.set(q, o);
  }
  return o;
}

/** Minutes after midnight of an `HH:MM` text (00:00–24:00). */
export function parseHhMm(text: string): number {
  const m = HHMM.exec(text);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0))
    throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(text)}`);
  return h * 60 + min;
}

/** The shift as working pieces [from, to) in minutes after midnight, breaks cut out. */
export function shiftPieces(shift: ShiftSpec): [number, number][] {
  const start = parseHhMm(shift.start);
  const end = parseHhMm(shift.end);
  if (!(start < end))
    throw new RangeError(`shift must end after it starts: ${shift.start}–${shift.end}`);
  const breaks = (shift.breaks ?? [])
    .map((b) => [parseHhMm(b.start), parseHhMm(b.end)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const pieces: [number, number][] = [];
  let at = start;
  for (const [bs, be] of breaks) {
    if (!(bs < be) || bs < at || be > end)
      throw new RangeError(
        "breaks must lie inside the shift, each ending after it starts, not overlapping",
      );
    if (bs > at) pieces.push([at, bs]);
    at = be;
  }
  if (at < end) pieces.push([at, end]);
  if (pieces.length === 0) throw new RangeError("the breaks leave no working time in the shift");
  return pieces;
}

/** Sorted, merged pause intervals (ms); a pause without an end is open (to = Infinity). */
export function normalizePauses(pauses: readonly MsInterval[]): MsInterval[] {
  const sorted = pauses.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: MsInterval[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else out.push({ from: p.from, to: p.to });
  }
  return out;
}

/** UTC milliseconds of an ISO instant; RangeError when it is not one. */
export function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${JSON.stringify(iso)}`);
  return ms;
}

/** The workspace's working time: windows per day, working time added to an instant or counted. */
export class WorkingHours {
  readonly timeZone: string;
  readonly calendar: WorkCalendar;
  /** Working minutes in a full working day. */
  readonly minutesPerDay: number;
  private readonly pieces: [number, number][];
  private readonly cache = new Map<number, readonly number[]>();

  constructor(spec: WorkingHoursSpec) {
    this.calendar = spec.calendar;
    this.timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
    // An unknown zone throws here, once, rather than in the middle of a sweep.
    dateInZone(new Date(0), this.timeZone);
    this.pieces = shiftPieces(spec.shift);
    this.minutesPerDay = this.pieces.reduce((s, [a, b]) => s + b - a, 0);
  }

  /** The local day (epoch day) of an instant in the workspace's zone. */
  dayOf(ms: number): number {
    return Math.floor((ms + offsetMinutes(ms, this.timeZone) * MINUTE_MS) / DAY_MS);
  }

  /** The instant of a wall-clock minute of a local day (two passes, so a DST change is met). */
  private wallToMs(day: number, minute: number): number {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    const first = wall - offsetMinutes(wall, this.timeZone) * MINUTE_MS;
    return wall - offsetMinutes(first, this.timeZone) * MINUTE_MS;
  }

  /** The working windows of a local day, flat [from0, to0, from1, to1, …] in ms; empty off days. */
  windows(day: number): readonly number[] {
    let w = this.cache.get(day);
    if (!w) {
      const out: number[] = [];
      if (this.calendar.isWorkdayEpoch(day))
        for (const [a, b] of this.pieces) out.push(this.wallToMs(day, a), this.wallToMs(day, b));
      w = out;
      this.cache.set(day, w);
    }
    return w;
  }

  /** True when the instant lies in a working window, its end included. */
  isWorking(ms: number): boolean {
    const w = this.windows(this.dayOf(ms));
    for (let i = 0; i < w.length; i += 2) if (ms >= w[i]! && ms <= w[i + 1]!) return true;
    return false;
  }

  /**
   * The instant at which `workMs` of working time, not paused, has passed since `fromMs`; null
   * when an open pause stops the clock before that. `pauses` must be normalized.
   */
  addWorking(fromMs: number, workMs: number, pauses: readonly MsInterval[] = []): number | null {
    if (!(workMs >= 0)) throw new RangeError(`working time to add must be ≥ 0, got ${workMs}`);
    let need = workMs;
    let pi = 0;
    const first = this.dayOf(fromMs);
    for (let d = first; d < first + SEARCH_LIMIT_DAYS; d++) {
      const w = this.windows(d);
      for (let i = 0; i < w.length; i += 2) {
        const end = w[i + 1]!;
        if (end <= fromMs) continue;
        let s = Math.max(w[i]!, fromMs);
        while (s < end) {
          while (pi < pauses.length && pauses[pi]!.to <= s) pi++;
          const p = pauses[pi];
          if (p && p.from <= s) {
            if (p.to === Infinity) return null;
            s = p.to;
            continue;
          }
          const segEnd = p ? Math.min(end, p.from) : end;
          if (segEnd - s >= need) return s + need;
          need -= segEnd - s;
          s = segEnd;
        }
      }
    }
    throw new RangeError(`no working time within ${SEARCH_LIMIT_DAYS} days`);
  }

  /** Working time (ms), not paused, in [fromMs, toMs); 0 when `toMs` ≤ `fromMs`. */
  workingBetween(fromMs: number, toMs: number, pauses: readonly MsInterval[] = []): number {
    if (!(toMs > fromMs)) return 0;
    let total = 0;
    let pi = 0;
    const last = this.dayOf(toMs);
    for (let d = this.dayOf(fromMs); d <= last; d++) {
      const w = this.windows(d);
      for (let i = 0; i < w.length; i += 2) {
        const end = Math.min(w[i + 1]!, toMs);
        let s = Math.max(w[i]!, fromMs);
        while (s < end) {
          while (pi < pauses.length && pauses[pi]!.to <= s) pi++;
          const p = pauses[pi];
          if (p && p.from <= s) {
            s = p.to;
            continue;
          }
          const segEnd = p ? Math.min(end, p.from) : end;
          total += segEnd - s;
          s = segEnd;
        }
      }
    }
    return total;
  }
}
