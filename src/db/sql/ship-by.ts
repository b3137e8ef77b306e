// The ship-by instant in SQL, as ISO-8601 UTC text with milliseconds — the form every stored
// instant has, so comparing text compares times: the promised time when the export has one, else
// payment + the shop's dispatch window. The one piece of SQL that differs between the databases.
import { sql, type RawBuilder } from "kysely";
import type { DialectName } from "../database.js";

export function shipBySql(
  dialect: DialectName,
  cols: { paidAt: RawBuilder<unknown>; promised: RawBuilder<unknown>; hours: RawBuilder<unknown> },
): RawBuilder<string> {
  return dialect === "sqlite"
    ? sql<string>`coalesce(${cols.promised}, strftime('%Y-%m-%dT%H:%M:%fZ', ${cols.paidAt}, '+' || ${cols.hours} || ' hours'))`
    : sql<string>`coalesce(${cols.promised}, to_char((${cols.paidAt}::timestamptz + make_interval(hours => ${cols.hours}::int)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
}
