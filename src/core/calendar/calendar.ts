// Working calendars: the team's work week, hours per day, public holidays and make-up workdays
// (调休), and per-member part-time weeks, hours and days off.
//
// Rules, in order of precedence, for the team calendar:
//   1. a public holiday is never a workday;
//   2. a make-up workday (`extraWorkdays`, e.g. a Saturday 调休) is always a workday;
//   3. otherwise a date is a workday when its ISO weekday is in `workweek`.
// A member is working on a date when:
//   - it is not one of their `daysOff` and not a public holiday, and
//   - without an own `workweek`: the team calendar says workday (make-up days included);
//   - with an own `workweek` (part-timers, weekend shifts): its weekday is in their week. Make-up
//     workdays do not apply to them, because they replace a weekday the member may not work.
// Their capacity on a working date is their own `hoursPerDay`, else the team's.

import { fromEpochDay, isoWeekdayOfEpochDay, toEpochDay } from "./date.js";

export interface CalendarSpec {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. Default Monday–Friday. */
  workweek?: readonly number[];
  /** Working hours in a full day. Default 8. */
  hoursPerDay?: number;
  /** Public holidays (`YYYY-MM-DD`), off for everyone. */
  holidays?: readonly string[];
  /** Make-up workdays (调休): dates outside the work week that are working days. */
  extraWorkdays?: readonly string[];
}

export interface MemberCalendarSpec {
  /** The member's own work week, replacing the team's (part-time, weekend shifts). */
  workweek?: readonly number[] | null;
  /** The member's own hours per working day (part-time). */
  hoursPerDay?: number | null;
  /** Personal days off (leave). */
  daysOff?: readonly string[];
}

/** How far the workday searches look before deciding a calendar has no working days. */
const SEARCH_LIMIT_DAYS = 3660;

function weekMask(week: readonly number[]): number {
  let mask = 0;
  for (const d of week) {
    if (!Number.isInteger(d) || d < 1 || d > 7)
      throw new RangeError(`workweek day must be 1..7, got ${d}`);
    mask |= 1 << d;
  }
  return mask;
}

function daySet(dates: readonly string[] | undefined): Set<number> {
  const s = new Set<number>();
  for (const d of dates ?? []) s.add(toEpochDay(d));
  return s;
}

/** Shared workday arithmetic over an `isWorkingDay(epochDay)` predicate. */
abstract class WorkdayArithmetic {
  abstract isWorkdayEpoch(day: number): boolean;

  isWorkday(date: string): boolean {
    return this.isWorkdayEpoch(toEpochDay(date));
  }

  /** First workday strictly after `date` (or on/after it when `inclusive`). */
  nextWorkday(date: string, inclusive = false): string {
    return fromEpochDay(this.nextWorkdayEpoch(toEpochDay(date), inclusive));
  }

  /** Last workday strictly before `date` (or on/before it when `inclusive`). */
  previousWorkday(date: string, inclusive = false): string {
    return fromEpochDay(this.previousWorkdayEpoch(toEpochDay(date), inclusive));
  }

  nextWorkdayEpoch(day: number, inclusive = false): number {
    let d = inclusive ? day : day + 1;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, d++) if (this.isWorkdayEpoch(d)) return d;
    throw new RangeError(`no workday within ${SEARCH_LIMIT_DAYS} days after ${fromEpochDay(day)}`);
  }

  previousWorkdayEpoch(day: number, inclusive = false): number {
    let d = inclusive ? day : day - 1;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, d--) if (this.isWorkdayEpoch(d)) return d;
    throw new RangeError(`no workday within ${SEARCH_LIMIT_DAYS} days before ${fromEpochDay(day)}`);
  }

  /**
   * The date `n` workdays after `date` (n > 0), before it (n < 0), or `date` itself (n = 0).
   * `date` need not be a workday: adding 1 to a Saturday gives the following workday.
   */
  addWorkdays(date: string, n: number): string {
    return fromEpochDay(this.addWorkdaysEpoch(toEpochDay(date), n));
  }

  addWorkdaysEpoch(day: number, n: number): number {
    if (!Number.isInteger(n)) throw new RangeError(`workdays must be an integer, got ${n}`);
    let d = day;
    for (let i = 0; i < n; i++) d = this.nextWorkdayEpoch(d);
    for (let i = 0; i > n; i--) d = this.previousWorkdayEpoch(d);
    return d;
  }

  /** The date `n` workdays before `date`. */
  subtractWorkdays(date: string, n: number): string {
    return this.addWorkdays(date, -n);
  }

  /** Number of workdays from `from` to `to`, both included; 0 when `to` is before `from`. */
  countWorkdays(from: string, to: string): number {
    return this.countWorkdaysEpoch(toEpochDay(from), toEpochDay(to));
  }

  countWorkdaysEpoch(from: number, to: number): number {
    let n = 0;
    for (let d = from; d <= to; d++) if (this.isWorkdayEpoch(d)) n++;
    return n;
  }
}

/** The team's working calendar. */
export class WorkCalendar extends WorkdayArithmetic {
  readonly hoursPerDay: number;
  readonly workweek: readonly number[];
  private readonly mask: number;
  private readonly holidays: Set<number>;
  private readonly extra: Set<number>;

  constructor(spec: CalendarSpec = {}) {
    super();
    this.workweek = [...(spec.workweek ?? [1, 2, 3, 4, 5])];
    this.mask = weekMask(this.workweek);
    this.hoursPerDay = spec.hoursPerDay ?? 8;
    if (!(this.hoursPerDay > 0 && this.hoursPerDay <= 24))
      throw new RangeError(`hoursPerDay must be in (0, 24], got ${this.hoursPerDay}`);
    this.holidays = daySet(spec.holidays);
    this.extra = daySet(spec.extraWorkdays);
  }

  isHolidayEpoch(day: number): boolean {
    return this.holidays.has(day);
  }

  isExtraWorkdayEpoch(day: number): boolean {
    return this.extra.has(day) && !this.holidays.has(day);
  }

  isWorkdayEpoch(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.extra.has(day)) return true;
    return (this.mask & (1 << isoWeekdayOfEpochDay(day))) !== 0;
  }

  /** A member's own calendar on top of this one. */
  forMember(spec: MemberCalendarSpec = {}): MemberCalendar {
    return new MemberCalendar(this, spec);
  }
}

/** One member's working days and hours. */
export class MemberCalendar extends WorkdayArithmetic {
  readonly hoursPerDay: number;
  private readonly ownMask: number | null;
  private readonly daysOff: Set<number>;

  constructor(
    readonly team: WorkCalendar,
    spec: MemberCalendarSpec,
  ) {
    super();
    this.ownMask = spec.workweek ? weekMask(spec.workweek) : null;
    this.hoursPerDay = spec.hoursPerDay ?? team.hoursPerDay;
    if (!(this.hoursPerDay > 0 && this.hoursPerDay <= 24))
      throw new RangeError(`hoursPerDay must be in (0, 24], got ${this.hoursPerDay}`);
    this.daysOff = daySet(spec.daysOff);
  }

  isWorkdayEpoch(day: number): boolean {
    if (this.daysOff.has(day)) return false;
    if (this.ownMask === null) return this.team.isWorkdayEpoch(day);
    if (this.team.isHolidayEpoch(day)) return false;
    return (this.ownMask & (1 << isoWeekdayOfEpochDay(day))) !== 0;
  }

  /** Hours the member can work on `date` (0 on a day they do not work). */
  capacityHours(date: string): number {
    return this.isWorkday(date) ? this.hoursPerDay : 0;
  }

  capacityHoursEpoch(day: number): number {
    return this.isWorkdayEpoch(day) ? this.hoursPerDay : 0;
  }
}
