// A large import into SQLite builds the orders' secondary indexes after its rows instead of
// updating each of them per row (docs/BENCHMARKS.md "Shop data": seven indexes led by two UUIDs,
// most of the writer's time at 1,000,000 lines). SQLite's DDL is transactional: the indexes are
// dropped and created again inside the import's own transaction, so a refused, failed or
// interrupted import leaves them — and every row — as they were, and other connections keep
// reading the committed schema meanwhile.
import type BetterSqlite3 from "better-sqlite3";

/** The tables whose secondary indexes wait for the rows (their keys and unique constraints stay). */
const TABLES = ["orders", "order_import_changes"];

/** Bytes of an order export per order, low for every platform's files: Taobao ≈ 250, Shopify ≈ 320. */
const BYTES_PER_ORDER = 200;

/** The orders an import of `bytes` bytes brings at most, roughly (see BYTES_PER_ORDER). */
export const ordersIn = (bytes: number): number => Math.ceil(bytes / BYTES_PER_ORDER);

/**
 * Drops the secondary indexes of TABLES when the import brings at least as many orders as the
 * database holds (one sort per index afterwards is then cheaper than a B-tree update per row), and
 * gives back what rebuilds them; null when they stay. Runs inside the import's transaction.
 */
export function deferIndexes(
  sqlite: BetterSqlite3.Database,
  expectedOrders: number,
): { rebuild: () => void } | null {
  const { n } = sqlite.prepare("select count(*) as n from orders").get() as { n: number };
  if (expectedOrders < Math.max(n, 1)) return null;
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in (${TABLES.map(() => "?").join(", ")}) order by name`,
    )
    .all(...TABLES) as { name: string; sql: string }[];
  for (const ix of indexes) sqlite.exec(`drop index "${ix.name.replace(/"/g, '""')}"`);
  return {
    rebuild: () => {
      // Each build sorts the table's keys: in memory up to the page cache (128 MB here), in
      // temporary files beyond it.
      const cache = sqlite.pragma("cache_size", { simple: true }) as number;
      sqlite.pragma("cache_size = -131072");
      try {
        for (const ix of indexes) sqlite.exec(ix.sql);
      } finally {
        sqlite.pragma(`cache_size = ${cache}`);
      }
    },
  };
}
