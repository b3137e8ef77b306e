// Writing the cost columns of many parcels at once on PostgreSQL (the re-cost after a rate-card
// change; SQLite runs one prepared UPDATE per parcel in-process instead — ParcelCostRepository).
// The batch travels as one JSON parameter (an array of [id, fen, card, formula]) read back into rows:
// one statement and one round trip per batch whatever its size, no statement text growing with the
// rows (a VALUES list of 5,000 rows is 20,000 parameters to build, send, parse and plan). A parcel whose
// three cost columns already hold what it would get is left alone, so a re-cost that changes
// nothing writes nothing. The cost columns are in no index, so with room on the page (the parcels
// table's fill factor, migration 2026-12-16-430) PostgreSQL rewrites the row in place (a HOT
// update) instead of adding an entry to each of the table's seven indexes.
import { sql, type RawBuilder } from "kysely";

export interface CostColumns {
  id: string;
  costFen: number | null;
  cardId: string | null;
  formula: string | null;
}

export function pgSetCostsSql(
  workspaceId: string,
  rows: readonly CostColumns[],
): RawBuilder<unknown> {
  // JSON.stringify runs natively; pg's own array serialisation costs ~10× more CPU per row.
  const json = JSON.stringify(rows.map((r) => [r.id, r.costFen, r.cardId, r.formula]));
  return sql`
    UPDATE parcels AS p
       SET cost_fen = v.fen, cost_card_id = v.card, cost_formula = v.formula
      FROM (SELECT e->>0 AS id, (e->>1)::bigint AS fen, e->>2 AS card, e->>3 AS formula
              FROM json_array_elements(${json}::json) AS e) AS v
     WHERE p.workspace_id = ${workspaceId} AND p.id = v.id
       AND (p.cost_fen, p.cost_card_id, p.cost_formula) IS DISTINCT FROM (v.fen, v.card, v.formula)`;
}
