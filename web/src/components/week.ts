// Week arithmetic for the week navigator: a week is named by its Monday (ISO weeks, YYYY-MM-DD), a
// view may span several weeks, and every week offered lies within the dates the API accepts
// (LIMITS.dateMin … dateMax), so no button leads to a refused request.
import { LIMITS, type Locale } from "../../../src/core/limits.js";
import { addDays, mondayOf, parseDate } from "./plans/dates.js";

/** The last day of the span of `weeks` weeks that starts on `monday`. */
export const weekEnd = (monday: string, weeks = 1): string => addDays(monday, 7 * weeks - 1);

/** The first and the last Monday whose span of `weeks` weeks lies within [min, max]. */
export function weekBounds(
  weeks = 1,
  min: string = LIMITS.dateMin,
  max: string = LIMITS.dateMax,
): { first: string; last: string } {
  return { first: mondayOf(addDays(min, 6)), last: mondayOf(addDays(max, -(7 * weeks - 1))) };
}

/** The Monday of `date`'s week, moved inside the bounds. */
export function clampWeek(date: string, weeks = 1): string {
  const { first, last } = weekBounds(weeks);
  const monday = mondayOf(date);
  return monday < first ? first : monday > last ? last : monday;
}

/** The week `by` weeks from `monday` (negative: back), or null when it would leave the bounds. */
export function shiftWeek(monday: string, by: number, weeks = 1): string | null {
  const { first, last } = weekBounds(weeks);
  const next = addDays(mondayOf(monday), 7 * by);
  return next < first || next > last ? null : next;
}

/**
 * The span as a reader of `locale` writes it: "2026年11月2日 – 11月8日", "Nov 2 – Nov 8, 2026"; the
 * year once when the span stays in one year, on both ends when it crosses one.
 */
export function weekLabel(locale: Locale, monday: string, weeks = 1): string {
  const end = weekEnd(monday, weeks);
  const oneYear = monday.slice(0, 4) === end.slice(0, 4);
  const part = (date: string, withYear: boolean) =>
    new Intl.DateTimeFormat(locale, {
      ...(withYear && { year: "numeric" }),
      month: locale === "en" ? "short" : "long",
      day: "numeric",
      timeZone: "UTC",
    }).format(new Date(parseDate(date)));
  // Chinese names the year first, English last.
  return locale === "en"
    ? `${part(monday, !oneYear)} – ${part(end, true)}`
    : `${part(monday, true)} – ${part(end, !oneYear)}`;
}
