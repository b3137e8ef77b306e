import BetterSqlite3 from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Transaction,
  type TransactionBuilder,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

export type DialectName = "sqlite" | "postgres";
export type Executor = Kysely<DB> | Transaction<DB>;

/** The dialect behind a connection or transaction, for the rare query that must differ (date arithmetic). */
export const dialectOf = (db: Executor): DialectName =>
  db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres";

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
  /**
   * The root handle refuses work while one of its transactions is open in the same unit of work
   * (docs/ARCHITECTURE.md, "One database handle per unit of work"). Always on for SQLite, where
   * such a query would wait for its own transaction forever; off by default on PostgreSQL, where
   * it "only" reads outside the transaction. The test databases turn it on for both.
   */
  guardTransactions?: boolean;
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
    pool.on("connect", runNamedStatements);
    const db = guardedKysely(new PostgresDialect({ pool }), config.guardTransactions ?? false);
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const file = config.file ?? "./data/dayclear.db";
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = guardedKysely(new SqliteDialect({ database: withStatementCache(sqlite) }), true);
  handles.set(db, sqlite);
  return {
    db,
    dialect: "sqlite",
    sqlite,
    sqliteFile: file === ":memory:" ? "" : file,
    close: () => db.destroy(),
  };
}

/** SQL texts that run as named prepared statements on PostgreSQL, and their names. */
const namedStatements = new Map<string, string>();

/**
 * Marks a query's SQL to run as a named prepared statement on PostgreSQL (preparedQuery does, for
 * the queries of every request). Each connection then parses and plans it once and re-executes the
 * plan: the session lookup joins four tables, and planning that join anew was most of
 * PostgreSQL's CPU per request (docs/BENCHMARKS.md, "HTTP"). Only a few fixed texts are named, so
 * the statements a connection keeps stay bounded (Kysely's other queries vary with their input).
 */
export function nameStatement(sql: string): void {
  if (!namedStatements.has(sql))
    namedStatements.set(sql, `dc_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`);
}

/** Routes a pooled client's queries whose text was named through pg's named statements. */
function runNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const [text, values] = args;
    const name = typeof text === "string" ? namedStatements.get(text) : undefined;
    return name && Array.isArray(values) ? query({ name, text, values }) : query(...args);
  };
}

export const ROOT_HANDLE_IN_TRANSACTION = "root handle used inside an open transaction";

/** A transaction whose callback is running; `violation` is the first root-handle use inside it. */
interface OpenTransaction {
  violation?: Error;
}
let databases = 0;
let transactions = 0;

/**
 * One database handle per unit of work: while a transaction's callback runs, a query through the
 * root handle from that callback (or anything it awaits) throws at once instead of queueing behind
 * the transaction — on SQLite's single connection it would wait for itself forever and freeze every
 * request of the instance. The transaction then rolls back with that error even if it was caught.
 *
 * The callback runs inside a function named after the transaction; a root query made while any
 * transaction is open looks for such a name in its (async) stack — `await` chains and Promise.all
 * are followed, `.then` callbacks are not. Other requests are not in that stack and wait their turn
 * as before. While no transaction is open the check costs one comparison.
 */
function guardedKysely(dialect: Dialect, guard: boolean): Kysely<DB> {
  if (!guard) return new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
  const prefix = `dayclearTransaction${++databases}_`;
  const open = new Map<string, OpenTransaction>();
  const guardedDialect: Dialect = {
    createDriver: () => guardedDriver(dialect.createDriver(), open),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
  const runGuarded = <T>(work: () => Promise<T>): Promise<T> => {
    const name = `${prefix}${++transactions}`;
    const state: OpenTransaction = {};
    open.set(name, state);
    const marked = {
      [name]: async () => {
        try {
          const result = await work();
          if (state.violation) throw state.violation;
          return result;
        } finally {
          open.delete(name);
        }
      },
    }[name]!;
    return marked();
  };
  const guardBuilder = (builder: TransactionBuilder<DB>): TransactionBuilder<DB> => {
    const guarded = Object.create(builder) as TransactionBuilder<DB>;
    guarded.execute = (callback) => builder.execute((trx) => runGuarded(() => callback(trx)));
    guarded.setAccessMode = (mode) => guardBuilder(builder.setAccessMode(mode));
    guarded.setIsolationLevel = (level) => guardBuilder(builder.setIsolationLevel(level));
    return guarded;
  };
  return new (class GuardedKysely extends Kysely<DB> {
    override transaction(): TransactionBuilder<DB> {
      return guardBuilder(super.transaction());
    }
  })({ dialect: guardedDialect, plugins: [new CamelCasePlugin()] });
}

/** The open transaction whose callback the current code runs in, found by name in the async stack. */
function enclosingTransaction(open: Map<string, OpenTransaction>): OpenTransaction | undefined {
  const { stackTraceLimit, prepareStackTrace } = Error;
  Error.stackTraceLimit = Infinity;
  Error.prepareStackTrace = (_error, sites) => sites;
  try {
    const sites = new Error().stack as unknown as NodeJS.CallSite[];
    for (const site of sites) {
      const state = open.get(site.getFunctionName() ?? "");
      if (state) return state;
    }
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = prepareStackTrace;
  }
}

function guardedDriver(driver: Driver, open: Map<string, OpenTransaction>): Driver {
  return {
    init: () => driver.init(),
    acquireConnection: () => {
      const inside = open.size ? enclosingTransaction(open) : undefined;
      if (!inside) return driver.acquireConnection();
      inside.violation ??= new Error(
        `${ROOT_HANDLE_IN_TRANSACTION}: pass the transaction to everything the unit of work calls (docs/ARCHITECTURE.md)`,
      );
      return Promise.reject(inside.violation);
    },
    beginTransaction: (c: DatabaseConnection, settings: TransactionSettings) =>
      driver.beginTransaction(c, settings),
    commitTransaction: (c) => driver.commitTransaction(c),
    rollbackTransaction: (c) => driver.rollbackTransaction(c),
    savepoint: driver.savepoint?.bind(driver),
    rollbackToSavepoint: driver.rollbackToSavepoint?.bind(driver),
    releaseSavepoint: driver.releaseSavepoint?.bind(driver),
    releaseConnection: (c) => driver.releaseConnection(c),
    destroy: () => driver.destroy(),
  };
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
        return typeof value === "function"
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
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
export function databaseConfigFromEnv(
  flags: { db?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): DatabaseConfig {
  if (flags.db) return { file: flags.db };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { file: env.DAYCLEAR_DB ?? "./data/dayclear.db" };
}

export const describeDatabase = (config: DatabaseConfig): string =>
  config.url
    ? `PostgreSQL ${config.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`
    : `SQLite ${config.file}`;
