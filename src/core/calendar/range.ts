// The supported dates (LIMITS.dateMin…dateMax) and the spans a request may walk day by day.
// Schemas refuse other dates first; these checks are the second line of defence for dates that
// reach a loop without a schema (a stored row, a CLI flag, another service's call), so nothing
// can make a loop over days run away.
import { fail } from "../errors.js";
import { LIMITS } from "../limits.js";
import { isIsoDate, toEpochDay } from "./date.js";

/** True for a real `YYYY-MM-DD` date in the supported range. */
export const isSupportedDate = (iso: unknown): iso is string =>
  isIsoDate(iso) && iso >= LIMITS.dateMin && iso <= LIMITS.dateMax;

/** The error of a date outside the range (or not a date at all), naming the field. */
export function dateOutOfRange(field: string, got: unknown) {
  const params = { min: LIMITS.dateMin, max: LIMITS.dateMax };
  const message = `must be a date from ${LIMITS.dateMin} to ${LIMITS.dateMax}`;
  return fail(
    "invalid",
    "date.out_of_range",
    params,
    `${field} ${message} (got ${JSON.stringify(String(got)).slice(0, 40)})`,
    {
      fields: [{ field, message, code: "date.out_of_range", params }],
    },
  );
}

/** Throws `date.out_of_range` unless `iso` is a supported date. */
export function assertSupportedDate(iso: unknown, field = "date"): string {
  if (!isSupportedDate(iso)) throw dateOutOfRange(field, iso);
  return iso;
}

/**
 * Checks a range a request walks: both ends supported dates, `to` not before `from`, and at most
 * `maxDays` days (both ends included), else `range.too_long` with the limit.
 */
export function assertSpan(
  from: string,
  to: string,
  maxDays: number,
  fields: { from?: string; to?: string } = {},
): number {
  const fromField = fields.from ?? "from";
  const toField = fields.to ?? "to";
  assertSupportedDate(from, fromField);
  assertSupportedDate(to, toField);
  if (to < from) {
    throw fail("invalid", "range.reversed", undefined, `${toField} is before ${fromField}`, {
      fields: [
        { field: toField, message: `must not be before ${fromField}`, code: "range.reversed" },
      ],
    });
  }
  const days = toEpochDay(to) - toEpochDay(from) + 1;
  if (days > maxDays) {
    throw fail(
      "invalid",
      "range.too_long",
      { maxDays },
      `At most ${maxDays} days at once (asked for ${days})`,
      {
        fields: [
          {
            field: toField,
            message: `at most ${maxDays} days after ${fromField}`,
            code: "range.too_long",
            params: { maxDays },
          },
        ],
      },
    );
  }
  return days;
}
