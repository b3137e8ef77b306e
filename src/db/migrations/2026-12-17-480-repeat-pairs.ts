import { sql, SqliteAdapter, type Kysely } from "kysely";

// The repurchase rate without counting a range's orders per customer (issue 13, docs/BENCHMARKS.md
// "Shop data"). For each customer's paid orders in date order, shop_repeat_pairs counts per shop
// and pair of days: lag 0 an order on its day, lag 1 an order and the one before it, lag 2 an
// order and the one two before. A customer with k orders in a range has k of the first, k − 1 of
// the second and k − 2 of the third inside it (their orders in a range follow each other), so
// customers = A − B and repeaters = B − T, each a sum over the range's day pairs (O(days²) rows,
// not O(orders)). customers.paid_dates keeps each customer's paid dates, so a rebuild of a
// customer can take back exactly what they counted before.
// Numbered 480, after the 470 of 2026-12-17.
const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("customers").addColumn("paid_dates", "text").execute();
  await db.schema
    .createTable("shop_repeat_pairs")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("lag", "integer", (c) => c.notNull())
    .addColumn("earlier_date", "text", (c) => c.notNull())
    .addColumn("later_date", "text", (c) => c.notNull())
    .addColumn("orders", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_repeat_pairs_pk", [
      "workspace_id",
      "shop_id",
      "lag",
      "earlier_date",
      "later_date",
    ])
    .execute();
  const agg = isSqlite(db)
    ? sql.raw("group_concat(o.paid_date, ',')")
    : sql.raw("string_agg(o.paid_date, ',')");
  await sql`update customers set paid_dates = (select ${agg} from orders o
    where o.workspace_id = customers.workspace_id and o.shop_id = customers.shop_id
      and o.customer_key = customers.customer_key and o.paid_date is not null)`.execute(db);
  await sql`insert into shop_repeat_pairs
      (workspace_id, shop_id, lag, earlier_date, later_date, orders)
    with w as (
      select workspace_id, shop_id, paid_date,
        lag(paid_date, 1) over (partition by workspace_id, shop_id, customer_key order by paid_date) as p1,
        lag(paid_date, 2) over (partition by workspace_id, shop_id, customer_key order by paid_date) as p2
      from orders where customer_key is not null and paid_date is not null)
    select workspace_id, shop_id, lag, earlier_date, later_date, count(*) from (
      select workspace_id, shop_id, 0 as lag, paid_date as earlier_date, paid_date as later_date from w
      union all
      select workspace_id, shop_id, 1, p1, paid_date from w where p1 is not null
      union all
      select workspace_id, shop_id, 2, p2, paid_date from w where p2 is not null) x
    group by workspace_id, shop_id, lag, earlier_date, later_date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("shop_repeat_pairs").execute();
  await db.schema.alterTable("customers").dropColumn("paid_dates").execute();
}
