// The benchmarks' throwaway databases (shared by bench/cases, bench/customers, bench/queue and
// bench/scan): a migrated SQLite file in a temporary directory, or a migrated PostgreSQL database
// created beside DAYCLEAR_TEST_PG's, each with the `drop` that removes it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";

export type Dialect = "sqlite" | "postgres";
export const PG_BASE = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether PostgreSQL answers at PG_BASE within 2 s. */
export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * A fresh migrated database of the dialect: a SQLite file in a new temporary directory
 * (dayclear-bench-<tag>-…), or the PostgreSQL database dc_bench_<tag>_<time>.
 */
export async function freshDatabase(
  dialect: Dialect,
  tag: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `dayclear-bench-${tag}-`));
    const database = openDatabase({ file: join(dir, "bench.db") });
    await migrateToLatest(database);
    return {
      database,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `dc_bench_${tag}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString() });
  await migrateToLatest(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
