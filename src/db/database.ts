import BetterSqlite3 from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

export type DialectName = "sqlite" | "postgres";
export type Executor = Kysely<DB> | Transaction<DB>;

/** The dialect behind a connection or transaction, for the rare query that must differ (date arithmetic). */
export const dialectOf = (db: Executor): DialectName => (db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres");

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The SQLite file ("" for in-memory), for backups; undefined on PostgreSQL. */
  sqliteFile?: string;
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… — when set, PostgreSQL is used. */
  url?: string;
  /** SQLite file path, or ":memory:". */
  file?: string;
  poolSize?: number;
}

const handles = new WeakMap<Kysely<DB>, BetterSqlite3.Database>();

/**
 * The better-sqlite3 handle behind a SQLite Kysely instance (undefined on PostgreSQL), for the
 * few bulk paths where building a query per row costs more than the row: statements run on it
 * inside a Kysely transaction are part of that transaction (SQLite has one connection).
 */
export const sqliteOf = (db: Kysely<DB>): BetterSqlite3.Database | undefined => handles.get(db);

// COUNT(*) and BIGINT come back from pg as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(config: DatabaseConfig): Database {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on("error", (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const file = config.file ?? "./data/dayclear.db";
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  handles.set(db, sqlite);
  return { db, dialect: "sqlite", sqlite, sqliteFile: file === ":memory:" ? "" : file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing is the largest single cost of a small query on
 * better-sqlite3. Statements are reused by SQL text (Kysely runs them synchronously, one at a
 * time, so sharing is safe); the cache is bounded and simply cleared when full.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== "prepare") {
        const value = Reflect.get(target, prop, receiver) as unknown;
        // Native methods must be called on the real database object, not on the proxy.
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (!stmt) {
          if (cache.size >= 1000) cache.clear();
          stmt = prepare(sql);
          cache.set(sql, stmt);
        }
        return stmt;
      };
    },
  });
}

/** Resolves the database from flags and environment: --db / DAYCLEAR_DB (SQLite) or DATABASE_URL. */
export function databaseConfigFromEnv(flags: { db?: string } = {}, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (flags.db) return { file: flags.db };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { file: env.DAYCLEAR_DB ?? "./data/dayclear.db" };
}

export const describeDatabase = (config: DatabaseConfig): string =>
  config.url ? `PostgreSQL ${config.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}` : `SQLite ${config.file}`;
