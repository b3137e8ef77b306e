// Shared by the after-sales and customers benchmarks (issue 11): a fresh database of either
// dialect (bench/db.ts), timing with p50/p95, and set-based data generation — one INSERT … SELECT
// over a sequence of numbers (PostgreSQL's generate_series, SQLite's recursive CTE), never a
// request per row.
import { sql } from "kysely";
import { dialectOf, type Database } from "../../src/db/database.js";
import { freshDatabase, pgReachable, type Dialect } from "../db.js";

export { freshDatabase, type Dialect };

export const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
export const flag = (name: string) => process.argv.includes(`--${name}`);
export const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

export async function dialects(): Promise<Dialect[]> {
  const out: Dialect[] = ["sqlite"];
  if (flag("no-pg")) return out;
  if (await pgReachable()) out.push("postgres");
  else console.log("  (PostgreSQL not reachable: SQLite only)");
  return out;
}

/**
 * `INSERT INTO table (columns) SELECT exprs FROM <0 … n-1 as i> [WHERE where]`: `exprs` may use `i`
 * and `{date:EXPR}` — the date EXPR days before `day` as YYYY-MM-DD in either dialect.
 */
export async function insertSeries(
  database: Database,
  n: number,
  table: string,
  columns: string[],
  exprs: string[],
  opts: { where?: string; day?: string } = {},
) {
  const pgDialect = dialectOf(database.db) === "postgres";
  const day = opts.day ?? "2026-12-01";
  const dated = (e: string) =>
    e.replace(/\{date:([^}]+)\}/g, (_m, d: string) =>
      pgDialect
        ? `to_char(date '${day}' - (${d})::int, 'YYYY-MM-DD')`
        : `date('${day}', (-(${d})) || ' days')`,
    );
  const select = `SELECT ${exprs.map(dated).join(", ")} FROM ${
    pgDialect ? `generate_series(0::bigint, ${n - 1}) AS s(i)` : "seq"
  }${opts.where ? ` WHERE ${opts.where}` : ""}`;
  const text = pgDialect
    ? `INSERT INTO ${table} (${columns.join(", ")}) ${select}`
    : `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1}) ` +
      `INSERT INTO ${table} (${columns.join(", ")}) ${select}`;
  await sql.raw(text).execute(database.db);
}

/**
 * Planner statistics after a bulk load (both dialects' ANALYZE); on PostgreSQL a VACUUM too, so
 * the bulk-loaded pages are marked all-visible as autovacuum would have them in a running shop
 * (else an index-only scan visits every row's table page: the lead's queue over 100,000 cases).
 */
export async function analyze(database: Database) {
  const pgDialect = dialectOf(database.db) === "postgres";
  await sql.raw(pgDialect ? "VACUUM ANALYZE" : "ANALYZE").execute(database.db);
}

export const stats = (times: number[]) => {
  const t = [...times].sort((a, b) => a - b);
  const at = (p: number) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: t.at(-1)! };
};

/** p50/p95 of `runs` calls after `warm` warm-up calls, printed next to the goal. */
export async function timeIt(
  label: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  goalMs?: number,
  warm = 10,
) {
  for (let i = 0; i < warm; i++) await fn(i);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(warm + i);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const s = stats(times);
  const c = stats(cpu);
  const verdict =
    goalMs === undefined ? "" : s.p95 <= goalMs ? `  ✓ ≤ ${goalMs} ms` : `  ✗ goal ${goalMs} ms`;
  // The process's CPU time beside the wall clock: on a loaded machine the wall clock waits for a
  // core, the CPU time does not (PostgreSQL's own work is in the wall clock only).
  console.log(
    `  ${label.padEnd(40)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (Node CPU p50 ${c.p50.toFixed(1)}, p95 ${c.p95.toFixed(1)} ms)${verdict}`,
  );
  return s;
}

export const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
/** Node's CPU seconds since `c0` (process.cpuUsage()). */
export const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) / 1e6).toFixed(2);
};
export const load = async () => {
  const { loadavg } = await import("node:os");
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
};
