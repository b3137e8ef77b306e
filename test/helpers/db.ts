// One suite, every dialect: a fresh migrated SQLite file per call, and a fresh PostgreSQL
// database per call (CREATE DATABASE … / DROP DATABASE) on DAYCLEAR_TEST_PG.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DialectName } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";

export const PG_URL = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_REQUIRED = process.env.DAYCLEAR_TEST_PG_REQUIRED === "1";

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (err) {
    if (PG_REQUIRED)
      throw new Error(
        `PostgreSQL is required (DAYCLEAR_TEST_PG_REQUIRED=1) but ${PG_URL} is not reachable: ${String(err)}`,
      );
    console.warn(
      `\n⚠ PostgreSQL at ${PG_URL} is not reachable: the PostgreSQL half of the database suites is SKIPPED.\n`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const PG_AVAILABLE = await pgReachable();
export const DIALECTS: readonly DialectName[] = PG_AVAILABLE ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase {
  database: Database;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dayclear-test-"));
    const database = openDatabase({ file: join(dir, "test.db") });
    await migrateToLatest(database);
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `dc_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), poolSize: 4, guardTransactions: true });
  await migrateToLatest(database);
  return {
    database,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
