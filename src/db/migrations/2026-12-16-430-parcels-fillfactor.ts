import { sql, SqliteAdapter, type Kysely } from "kysely";

// Room on each page of parcels for the row's next version (PostgreSQL only; SQLite rewrites rows
// in place). A re-cost after a rate-card change rewrites the three cost columns of every parcel of
// the carrier; none of them is indexed, so PostgreSQL can keep the new version on the same page (a
// HOT update) and add nothing to the table's seven indexes — but only if the page has room for it.
// At the default fill factor (100) a page is full, every re-costed row moves to another page and
// each index gains an entry: measured on 100,000 parcels, 164 MB of WAL and ≈ 100 % non-HOT; at
// fill factor 50, 51 MB and ≈ 95 % HOT (docs/BENCHMARKS.md, "re-costing parcels"). The heap is
// larger on a fresh table, about as large as the default's after one re-cost (its dead versions),
// and the indexes stay smaller. Pages written from now on get the room; existing ones keep theirs
// until rewritten (VACUUM FULL parcels, in a quiet hour).
const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`ALTER TABLE parcels SET (fillfactor = 50)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`ALTER TABLE parcels RESET (fillfactor)`.execute(db);
}
