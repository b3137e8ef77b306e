import type { Kysely } from "kysely";

// Shop data: the paid-date index also carries the customer, so the repurchase rate (paying
// customers in a range, and how many paid twice) counts from the index alone instead of reading
// every order of the range (5,000,000 orders: see docs/BENCHMARKS.md). Replaces orders_paid_idx,
// whose columns are its prefix, so an import still maintains four indexes on orders.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("orders_paid_customer_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "paid_date", "customer_key"])
    .execute();
  await db.schema.dropIndex("orders_paid_idx").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("orders_paid_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "paid_date"])
    .execute();
  await db.schema.dropIndex("orders_paid_customer_idx").execute();
}
