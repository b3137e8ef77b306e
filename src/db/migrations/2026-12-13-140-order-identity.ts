import { sql, SqliteAdapter, type Kysely } from "kysely";
import { cleanCell, normalizeHeader } from "../../core/orders/text.js";

// Issue 13: an order is its platform's own id where the export has one (Shopify `Id`, WooCommerce
// `Order ID`), not its number — Shopify numbers every store's orders #1001, #1002 …, so one owner's
// stores share numbers. Orders gain `order_key`, unique per shop in place of the order number
// (which stays, as the number people see and search for).
//
// Existing orders keep their identity: their key is their number, except Shopify and WooCommerce
// orders whose stored source rows (`raw`) carry the id — those take it, so the same export
// imported again finds them. Should two of a shop's orders come out with one key (two
// WooCommerce stores imported into one shop: their ids collide), both keep their number. The
// import records (`order_import_changes`) name orders by key, so a roll-back finds them.
//
// SQLite cannot drop a table constraint: the table is rebuilt from its own CREATE statement with
// the new constraint, its rows copied and its indexes created again, in one transaction.

/** The headers of the platform's own order id (as normalizeHeader writes them), by platform. */
const KEY_HEADERS: Record<string, string[]> = {
  shopify: ["id"],
  woocommerce: ["orderid", "order_id"],
};

/** The id in an order's stored source rows, or null. */
export function keyFromRaw(platform: string, raw: string): string | null {
  const headers = KEY_HEADERS[platform];
  if (!headers) return null;
  let rows: unknown;
  try {
    rows = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(rows)) return null;
  for (const row of rows) {
    if (typeof row !== "object" || row === null) continue;
    for (const [h, v] of Object.entries(row as Record<string, unknown>)) {
      if (typeof v !== "string" || !headers.includes(normalizeHeader(h))) continue;
      const key = cleanCell(v, false);
      if (key) return key;
    }
  }
  return null;
}

type Db = Kysely<unknown>;

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Sets order_key from the stored rows where they carry the id, a thousand orders at a time. */
async function backfill(db: Db): Promise<void> {
  await sql`update orders set order_key = platform_order_id`.execute(db);
  let ws = "",
    id = "";
  for (;;) {
    // Result columns come back camelCased (the CamelCasePlugin reads raw queries' rows too).
    const { rows } = await sql<{
      workspaceId: string;
      id: string;
      platform: string;
      platformOrderId: string;
      raw: string;
    }>`
      select workspace_id, id, platform, platform_order_id, raw from orders
      where platform in ('shopify', 'woocommerce')
        and (workspace_id > ${ws} or (workspace_id = ${ws} and id > ${id}))
      order by workspace_id, id limit 1000`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      const key = keyFromRaw(r.platform, r.raw);
      if (key && key !== r.platformOrderId)
        await sql`update orders set order_key = ${key}
          where workspace_id = ${r.workspaceId} and id = ${r.id}`.execute(db);
    }
    ws = rows[rows.length - 1]!.workspaceId;
    id = rows[rows.length - 1]!.id;
  }
  // Keys two orders of a shop would share: those orders keep their numbers (unique before). A
  // number may in turn be another order's new key, so this runs until no key is shared.
  for (;;) {
    const { rows } = await sql<{ workspaceId: string; shopId: string; orderKey: string }>`
      select workspace_id, shop_id, order_key from orders
      group by workspace_id, shop_id, order_key having count(*) > 1 limit 1000`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows)
      await sql`update orders set order_key = platform_order_id
        where workspace_id = ${r.workspaceId} and shop_id = ${r.shopId}
          and order_key = ${r.orderKey} and order_key <> platform_order_id`.execute(db);
  }
  // The import records of the orders whose key is not their number.
  await sql`
    update order_import_changes set entity_key = (
      select o.order_key from orders o, order_imports i
      where i.workspace_id = order_import_changes.workspace_id
        and i.id = order_import_changes.import_id
        and o.workspace_id = i.workspace_id and o.shop_id = i.shop_id
        and o.platform_order_id = order_import_changes.entity_key)
    where entity = 'order' and exists (
      select 1 from orders o, order_imports i
      where i.workspace_id = order_import_changes.workspace_id
        and i.id = order_import_changes.import_id
        and o.workspace_id = i.workspace_id and o.shop_id = i.shop_id
        and o.platform_order_id = order_import_changes.entity_key
        and o.order_key <> o.platform_order_id)`.execute(db);
}

/**
 * SQLite: the orders table again from its own CREATE statement with `edit` applied (the column
 * list and the constraints), its rows copied, its indexes created again.
 */
async function rebuildSqlite(db: Db, edit: (create: string) => string): Promise<void> {
  const { rows } = await sql<{ type: string; sql: string }>`
    select type, sql from sqlite_master where tbl_name = 'orders' and sql is not null`.execute(db);
  const table = rows.find((r) => r.type === "table")!.sql;
  const indexes = rows.filter((r) => r.type === "index").map((r) => r.sql);
  const create = edit(table).replace(/^CREATE TABLE "orders"/, 'CREATE TABLE "orders_rebuilt"');
  if (!create.startsWith('CREATE TABLE "orders_rebuilt"'))
    throw new Error("order identity migration: unexpected orders table");
  await sql.raw(create).execute(db);
  const { rows: cols } = await sql<{ name: string }>`
    select name from pragma_table_info('orders_rebuilt')`.execute(db);
  const list = cols.map((c) => `"${c.name}"`).join(", ");
  await sql.raw(`insert into orders_rebuilt (${list}) select ${list} from orders`).execute(db);
  await sql`drop table orders`.execute(db);
  await sql`alter table orders_rebuilt rename to orders`.execute(db);
  for (const ix of indexes) await sql.raw(ix).execute(db);
}

const OLD_UNIQUE =
  'constraint "orders_platform_uq" unique ("workspace_id", "shop_id", "platform_order_id")';
const NEW_UNIQUE = 'constraint "orders_key_uq" unique ("workspace_id", "shop_id", "order_key")';

function replaceOnce(s: string, from: string, to: string): string {
  if (s.split(from).length !== 2)
    throw new Error(`order identity migration: expected ${from} once in the orders table`);
  return s.replace(from, to);
}

export async function up(db: Db): Promise<void> {
  if (!isSqlite(db)) {
    await db.schema.alterTable("orders").addColumn("order_key", "text").execute();
    await backfill(db);
    await sql`alter table orders alter column order_key set not null`.execute(db);
    await sql`alter table orders drop constraint orders_platform_uq`.execute(db);
    await sql`alter table orders add constraint orders_key_uq
      unique (workspace_id, shop_id, order_key)`.execute(db);
    return;
  }
  // Migrations on SQLite run outside a transaction: this one is one.
  await db.transaction().execute(async (trx) => {
    await trx.schema.alterTable("orders").addColumn("order_key", "text").execute();
    await backfill(trx);
    await rebuildSqlite(trx, (create) =>
      replaceOnce(
        replaceOnce(create, '"order_key" text', '"order_key" text not null'),
        OLD_UNIQUE,
        NEW_UNIQUE,
      ),
    );
  });
}

export async function down(db: Db): Promise<void> {
  // Import records name orders by number again; two orders of one number in a shop refuse this.
  const restore = sql`
    update order_import_changes set entity_key = (
      select o.platform_order_id from orders o, order_imports i
      where i.workspace_id = order_import_changes.workspace_id
        and i.id = order_import_changes.import_id
        and o.workspace_id = i.workspace_id and o.shop_id = i.shop_id
        and o.order_key = order_import_changes.entity_key)
    where entity = 'order' and exists (
      select 1 from orders o, order_imports i
      where i.workspace_id = order_import_changes.workspace_id
        and i.id = order_import_changes.import_id
        and o.workspace_id = i.workspace_id and o.shop_id = i.shop_id
        and o.order_key = order_import_changes.entity_key
        and o.order_key <> o.platform_order_id)`;
  if (!isSqlite(db)) {
    await restore.execute(db);
    await sql`alter table orders drop constraint orders_key_uq`.execute(db);
    await sql`alter table orders add constraint orders_platform_uq
      unique (workspace_id, shop_id, platform_order_id)`.execute(db);
    await db.schema.alterTable("orders").dropColumn("order_key").execute();
    return;
  }
  await db.transaction().execute(async (trx) => {
    await restore.execute(trx);
    await rebuildSqlite(trx, (create) =>
      replaceOnce(replaceOnce(create, '"order_key" text not null, ', ""), NEW_UNIQUE, OLD_UNIQUE),
    );
  });
}
