import { SqliteAdapter, sql, type Kysely } from "kysely";
import { shipBySql } from "../sql/ship-by.js";

// Ship-on-time rate: the platform's promised ship-by time when the export carries one (拼多多 and
// 抖店 承诺发货时间), else the shop's dispatch window after payment (48 hours unless set). Shipped
// orders are counted per shop and paid date in `shop_daily_shipping` (on time / late), rebuilt with
// the other rollups; orders not yet shipped are found through a partial index, which stays small.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("orders").addColumn("promised_ship_at", "text").execute();
  await db.schema
    .alterTable("shops")
    .addColumn("ship_window_hours", "integer", (c) => c.notNull().defaultTo(48))
    .execute();
  await db.schema
    .createTable("shop_daily_shipping")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("shipped_on_time", "integer", (c) => c.notNull())
    .addColumn("shipped_late", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_daily_shipping_pk", ["workspace_id", "shop_id", "date"])
    .execute();
  await db.schema
    .createIndex("orders_unshipped_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "paid_date"])
    .where(sql.ref("shipped_at"), "is", null)
    .execute();
  const by = shipBySql(db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres", {
    paidAt: sql`o.paid_at`,
    promised: sql`o.promised_ship_at`,
    hours: sql`s.ship_window_hours`,
  });
  await sql`insert into shop_daily_shipping (workspace_id, shop_id, date, shipped_on_time, shipped_late)
    select o.workspace_id, o.shop_id, o.paid_date, sum(case when o.shipped_at <= ${by} then 1 else 0 end), sum(case when o.shipped_at > ${by} then 1 else 0 end)
    from orders o join shops s on s.workspace_id = o.workspace_id and s.id = o.shop_id
    where o.paid_date is not null and o.shipped_at is not null group by o.workspace_id, o.shop_id, o.paid_date`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("orders_unshipped_idx").execute();
  await db.schema.dropTable("shop_daily_shipping").execute();
  await db.schema.alterTable("shops").dropColumn("ship_window_hours").execute();
  await db.schema.alterTable("orders").dropColumn("promised_ship_at").execute();
}
