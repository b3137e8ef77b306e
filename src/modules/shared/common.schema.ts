import { Type, type Static, type TSchema } from "typebox";
import { LIMITS } from "../../core/limits.js";

export const Id = Type.String({ minLength: 1, maxLength: 64, description: "Identifier (UUIDv7)" });
/** A calendar date in the supported range (LIMITS.dateMin…dateMax); outside it a field error `date.out_of_range`. */
export const IsoDate = Type.String({
  format: "date",
  formatMinimum: LIMITS.dateMin,
  formatMaximum: LIMITS.dateMax,
  description: `Calendar date YYYY-MM-DD from ${LIMITS.dateMin} to ${LIMITS.dateMax} (a real date: 2026-02-30 is refused)`,
});
/** A year of the date range (holiday calendars). */
export const Year = Type.Integer({
  minimum: Number(LIMITS.dateMin.slice(0, 4)),
  maximum: Number(LIMITS.dateMax.slice(0, 4)),
});
/** A month YYYY-MM in the years of the date range. */
export const IsoMonth = Type.String({
  format: "month",
  formatMinimum: LIMITS.dateMin.slice(0, 7),
  formatMaximum: LIMITS.dateMax.slice(0, 7),
  description: `The month, YYYY-MM, from ${LIMITS.dateMin.slice(0, 7)} to ${LIMITS.dateMax.slice(0, 7)}`,
});
export const Instant = Type.String({ description: "UTC instant, ISO 8601" });
export const Version = Type.Integer({
  minimum: 1,
  description: "The version you read; a stale version is refused with 409",
});
export const Name = Type.String({ minLength: 1, maxLength: LIMITS.nameMax });
export const Email = Type.String({ format: "email", maxLength: LIMITS.emailMax });
export const Password = Type.String({
  minLength: LIMITS.passwordMin,
  maxLength: LIMITS.passwordMax,
});
export const RoleSchema = Type.Union([
  Type.Literal("owner"),
  Type.Literal("lead"),
  Type.Literal("member"),
]);
export const LocaleSchema = Type.Union([Type.Literal("zh-CN"), Type.Literal("en")]);
export const Weekday = Type.Integer({
  minimum: 1,
  maximum: 7,
  description: "ISO weekday, 1 = Monday",
});
export const Workweek = Type.Array(Weekday, { minItems: 0, maxItems: 7, uniqueItems: true });
export const HoursPerDay = Type.Number({ minimum: 0, maximum: LIMITS.hoursPerDayMax });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 64, description: "nextCursor of the previous page" }),
    ),
  },
  { additionalProperties: false },
);
export type PageQueryT = Static<typeof PageQuery>;

/** The one list shape: items and the cursor of the next page (null on the last page). */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/**
 * Parameters of a message code (core/messages): values, lists of values, or nested messages
 * ({code, params}) the reader's catalog renders in place.
 */
export const MessageParamsSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: "Parameters of the message code: values, lists, or nested {code, params} messages",
});
/** A message the reader's language renders: a code from the catalogs and its parameters. */
export const MessageSchema = Type.Object({
  code: Type.String({ description: "Message code (src/core/messages/en.ts)" }),
  params: Type.Optional(MessageParamsSchema),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({
      description: "English fallback; render `code` with `params` in the reader's language",
    }),
    code: Type.Optional(
      Type.String({ description: "Stable message code (docs/API.md, Messages)" }),
    ),
    params: Type.Optional(MessageParamsSchema),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          code: Type.Optional(Type.String()),
          params: Type.Optional(MessageParamsSchema),
        }),
      ),
    ),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          file: Type.String(),
          row: Type.Integer({ description: "1-based row in the file; the header is row 1" }),
          column: Type.String({ description: "Header of the column, as in the file" }),
          code: Type.String({ description: "Message code (src/core/messages/shop.en.ts)" }),
          params: MessageParamsSchema,
          message: Type.String({ description: "The problem rendered in the caller's language" }),
        }),
        {
          description:
            "A refused import (all or nothing): every problem with its file, row and column",
        },
      ),
    ),
    unlinkedAccounts: Type.Optional(
      Type.Array(Type.String(), {
        description:
          "A refused customer-service import: the chat accounts no member is linked to yet",
      }),
    ),
  },
  { $id: "Problem", description: "RFC 7807 problem details; every error has this shape" },
);

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Splits the extra row fetched by a list query off into a cursor. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  present: (r: R) => T,
) {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(present);
  return { items, nextCursor: more ? rows[limit - 1]!.id : null };
}
