// Calendar dates as ISO `YYYY-MM-DD` strings and as UTC epoch days (days since 1970-01-01).
// All arithmetic is done on epoch days, so no time zone or daylight-saving shift can move a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True if `s` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1]!;
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil), no Date objects. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch day of an ISO date; throws RangeError on a malformed or impossible date. */
export function toEpochDay(iso: string): number {
  // Hot path (every allocation and link goes through here): parse digits by hand.
  if (
    typeof iso === "string" &&
    iso.length === 10 &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45
  ) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))
      return daysFromCivil(y, m, d);
  }
  throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

/** Epoch days of 0000-01-01 and 9999-12-31: beyond them a date has no `YYYY-MM-DD` form. */
const FIRST_WRITABLE_DAY = -719_528;
const LAST_WRITABLE_DAY = 2_932_896;

/** ISO date of an epoch day; throws RangeError beyond the years 0000–9999 (never a malformed string a loop could chase). */
export function fromEpochDay(day: number): string {
  if (!(day >= FIRST_WRITABLE_DAY && day <= LAST_WRITABLE_DAY))
    throw new RangeError(`no YYYY-MM-DD date ${day} days from 1970-01-01`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of an ISO date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  return isoWeekdayOfEpochDay(toEpochDay(iso));
}

/** The date `n` calendar days after (or before, if negative) `iso`. */
export function addDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}
