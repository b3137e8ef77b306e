// One suite, every dialect: a fresh migrated SQLite file per call, and a fresh PostgreSQL
// database per call (CREATE DATABASE … TEMPLATE / DROP DATABASE) on DAYCLEAR_TEST_PG. Migrating
// takes ~0.9 s on PostgreSQL and the suite makes a few hundred databases, so each dialect is
// migrated once — PostgreSQL into a template database named after the migrations' contents
// (shared by every worker and run until a migration changes), SQLite into a file per worker —
// and each call copies it.
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type DialectName } from "../../src/db/database.js";
import { MIGRATION_NAMES, migrateToLatest } from "../../src/db/migrate.js";

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
  /** How a process reaches it: the PostgreSQL URL (for DATABASE_URL), or the SQLite file (for --db). */
  url?: string;
  file?: string;
  cleanup(): Promise<void>;
}

const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "src", "db");

/** A short hash of every migration's source and the list that registers them. */
function migrationsKey(): string {
  const hash = createHash("sha256");
  // The migrations this process loaded, besides the files on disk: in a tree being edited, a
  // worker that loaded migrate.ts before a migration was added would otherwise build, under the
  // new files' key, a template without it (and every later run would copy that template).
  hash.update(MIGRATION_NAMES.join("\n"));
  const dir = join(MIGRATIONS_DIR, "migrations");
  for (const f of readdirSync(dir).sort())
    if (!f.endsWith(".test.ts")) hash.update(f).update(readFileSync(join(dir, f)));
  hash.update(readFileSync(join(MIGRATIONS_DIR, "migrate.ts")));
  return hash.digest("hex").slice(0, 12);
}

let sqliteTemplate: Promise<string> | undefined;

/** This worker's migrated SQLite file, made on first use (closed, so the file holds everything). */
function sqliteTemplateFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "dayclear-template-"));
    const file = join(dir, "template.db");
    const database = openDatabase({ file });
    await migrateToLatest(database);
    await database.close();
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return file;
  })();
  return sqliteTemplate;
}

let pgTemplate: Promise<string> | undefined;

/**
 * The migrated PostgreSQL template for the current migrations. Workers may ask at once: an
 * advisory lock lets one build it (under a temporary name, renamed when complete, so nobody copies
 * a half-migrated database) while the others wait; templates of older migrations are dropped.
 */
function pgTemplateName(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `dc_tpl_${migrationsKey()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_advisory_lock(727274)");
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) {
        // Templates of other migration sets (older edits, another checkout) are kept unless they
        // pile up: a run on another checkout may be copying one right now.
        const old = await admin.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'dc\\_tpl\\_%' ORDER BY oid",
        );
        for (const { datname } of old.rows.slice(0, Math.max(0, old.rows.length - 6)))
          await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
        const building = `${name}_building`;
        await admin.query(`CREATE DATABASE ${building}`);
        await admin.query(`ALTER DATABASE ${building} SET synchronous_commit = off`);
        const url = new URL(PG_URL);
        url.pathname = `/${building}`;
        const database = openDatabase({ url: url.toString(), poolSize: 1 });
        await migrateToLatest(database);
        await database.close();
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
      await admin.end();
    }
  })();
  return pgTemplate;
}

/** CREATE DATABASE … TEMPLATE, retried while another copy of the template is being started. */
async function createFromTemplate(admin: pg.Client, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const template = await sqliteTemplateFile();
    const dir = mkdtempSync(join(tmpdir(), "dayclear-test-"));
    const file = join(dir, "test.db");
    copyFileSync(template, file);
    const database = openDatabase({ file });
    return {
      database,
      file,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = await pgTemplateName();
  const name = `dc_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await createFromTemplate(admin, name, template);
    // A test database is thrown away: its commits need not wait for the disk (each session of
    // it starts with this; a crash loses nothing a test needs). Commits are most of a PostgreSQL
    // test's waiting on a busy 2-core machine.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), poolSize: 4, guardTransactions: true });
  return {
    database,
    url: url.toString(),
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
