import type { Kysely } from "kysely";

// Customers at scale (issue 11, docs/BENCHMARKS.md "After-sales and customers"):
// - The customer index also carries the paid date and the total, so RFM reads every customer's
//   window figures from the index alone, in key order (no sort, no table row per order: 1,000,000
//   customers). It replaces orders_customer_idx, its prefix, so an import still maintains the same
//   number of indexes on orders.
// - A stored RFM snapshot per shop, window and analysis date: the cut-offs and centres every
//   customer is scored against and the map the endpoint answers, with a stamp of the shop's orders
//   (its order imports), so a customer page scores one customer against it instead of the shop.
// - The cases of a customer by their key (the customer page's cases: the key or one of their
//   orders), so the page does not walk every case of the shop.
// Numbered 420, after the 405 of 2026-12-16.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("orders_customer_cover_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "customer_key", "paid_date", "total_fen"])
    .execute();
  await db.schema.dropIndex("orders_customer_idx").execute();
  await db.schema
    .createIndex("aftersales_cases_customer_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "shop_id", "customer_key"])
    .execute();
  await db.schema
    .createTable("customer_rfm_snapshots")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("window_days", "integer", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("orders_stamp", "text", (c) => c.notNull())
    .addColumn("customers", "integer", (c) => c.notNull())
    .addColumn("stats", "text", (c) => c.notNull())
    .addColumn("report", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_rfm_snapshots_pk", [
      "workspace_id",
      "shop_id",
      "window_days",
      "as_of",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("customer_rfm_snapshots").execute();
  await db.schema.dropIndex("aftersales_cases_customer_idx").execute();
  await db.schema
    .createIndex("orders_customer_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "customer_key"])
    .execute();
  await db.schema.dropIndex("orders_customer_cover_idx").execute();
}
