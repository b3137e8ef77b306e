import { sql, type Kysely, type SqlBool } from "kysely";

// Logistics part "queue" (待发货): the buyer's memo (买家留言) becomes a column of orders — the queue
// filters by it and the packing slip prints it — read from the rows already imported (they keep
// every cell in `raw`); and two partial indexes over unshipped orders that hand the queue its rows
// already in ship-by order per shop: by the promised time where the export has one, else by the
// payment time (ship-by = paid_at + the shop's window, the same order). The queue merges the
// per-shop runs, so its first page reads a few dozen index entries, not 100,000 rows.
const MEMO_HEADERS = ["买家留言", "买家备注", "Customer Note", "customer_note", "Customer note"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("orders").addColumn("buyer_memo", "text").execute();
  // The predicates are literals: SQLite uses a partial index only when the query's WHERE repeats
  // them (src/modules/logistics/queue.repository.ts writes the same text). Unpaid, cancelled and
  // shipped orders stay out, so the indexes hold the queue and little else however old the shop.
  const queueRow = sql`shipped_at is null and cancelled_at is null and status = 'paid' and paid_at is not null`;
  await db.schema
    .createIndex("orders_queue_paid_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "paid_at", "id"])
    .where(sql<SqlBool>`${queueRow} and promised_ship_at is null`)
    .execute();
  await db.schema
    .createIndex("orders_queue_promised_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "promised_ship_at", "id"])
    .where(sql<SqlBool>`${queueRow} and promised_ship_at is not null`)
    .execute();
  // Which live parcels an order is in, answered from the index alone (the queue asks per row).
  await db.schema
    .createIndex("parcel_orders_order_parcel_idx")
    .on("parcel_orders")
    .columns(["workspace_id", "order_id", "parcel_id"])
    .execute();

  // Backfill: orders whose raw rows carry a buyer-memo column, a thousand at a time.
  let after = "";
  for (;;) {
    // Aliases without underscores: the database layer camelCases raw rows' keys.
    const { rows } = await sql<{ ws: string; id: string; raw: string }>`
      select workspace_id as ws, id, raw from orders
      where id > ${after} and (raw like ${"%买家%"} or raw like ${"%ustomer%ote%"})
      order by id limit 1000`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      const memo = memoOf(r.raw);
      if (memo)
        await sql`update orders set buyer_memo = ${memo} where workspace_id = ${r.ws} and id = ${r.id}`.execute(
          db,
        );
    }
    after = rows.at(-1)!.id;
  }
}

function memoOf(raw: string): string | null {
  let cells: unknown;
  try {
    cells = JSON.parse(raw);
  } catch {
    return null;
  }
  const rows = Array.isArray(cells) ? cells : [cells];
  for (const row of rows) {
    if (typeof row !== "object" || row === null) continue;
    for (const h of MEMO_HEADERS) {
      const v = (row as Record<string, unknown>)[h];
      if (typeof v === "string" && v.trim() !== "" && v.trim() !== "-") return v.trim();
    }
  }
  return null;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("parcel_orders_order_parcel_idx").execute();
  await db.schema.dropIndex("orders_queue_promised_idx").execute();
  await db.schema.dropIndex("orders_queue_paid_idx").execute();
  await db.schema.alterTable("orders").dropColumn("buyer_memo").execute();
}
