import { sql, type Kysely } from "kysely";

// Sales attribution: an order gets an owner (a member) from the workspace's rules or by hand, so
// commissions and goals can use a person's or a department's sales. The seller's memo and the
// salesperson field of the exports are kept on the order because the rules match on them; a daily
// rollup per owner (''= unattributed) answers "sales of a member / department / nobody" in O(days).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: import("kysely").ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  await db.schema.alterTable("orders").addColumn("seller_memo", "text").execute();
  await db.schema.alterTable("orders").addColumn("sales_ref", "text").execute();
  await db.schema.alterTable("orders").addColumn("owner_member_id", "text").execute();
  await db.schema.alterTable("orders").addColumn("owner_source", "text").execute(); // rule | manual | null
  await db.schema
    .createIndex("orders_owner_idx")
    .on("orders")
    .columns(["workspace_id", "owner_member_id", "paid_date"])
    .execute();

  await db.schema
    .createTable("attribution_rules")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // memo | salesRef | sku | shop
    .addColumn("pattern", "text", (c) => c.notNull())
    .addColumn("shop_id", "text")
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("attribution_rules_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("owner_daily_sales")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("owner_member_id", "text", (c) => c.notNull()) // '' = unattributed
    .addColumn("paid_orders", "integer", (c) => c.notNull())
    .addColumn("gmv_fen", "bigint", (c) => c.notNull())
    .addColumn("refund_fen", "bigint", (c) => c.notNull())
    .addColumn("items", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("owner_daily_sales_pk", [
      "workspace_id",
      "date",
      "owner_member_id",
      "shop_id",
    ])
    .execute();
  // Orders already imported have no owner yet: they count as unattributed.
  await sql`insert into owner_daily_sales (workspace_id, shop_id, date, owner_member_id, paid_orders, gmv_fen, refund_fen, items)
    select workspace_id, shop_id, paid_date, '', count(*), sum(total_fen), sum(refund_fen), sum(item_count) from orders
    where paid_date is not null group by workspace_id, shop_id, paid_date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("owner_daily_sales").execute();
  await db.schema.dropTable("attribution_rules").execute();
  await db.schema.dropIndex("orders_owner_idx").execute();
  for (const c of ["owner_source", "owner_member_id", "sales_ref", "seller_memo"])
    await db.schema.alterTable("orders").dropColumn(c).execute();
}
