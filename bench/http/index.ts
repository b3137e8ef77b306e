// HTTP benchmark: GET /api/v1/me and GET /api/v1/members with a valid session, on SQLite and on
// PostgreSQL, one server process, loopback only, bounded in time. Target: ≥ 5,000 req/s and
// p99 ≤ 20 ms for /api/v1/me.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const ROOT = join(import.meta.dirname, "..", "..");
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PG_BASE = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin", "dayclear.js"), "serve", "--port", String(port), "--host", "127.0.0.1"],
    {
      env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("http://localhost")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function signup(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({
      workspaceName: "Bench shop",
      name: "Bench",
      email: `bench-${Date.now()}@example.com`,
      password: "bench-pass",
      template: "ecommerce",
    }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  for (let i = 0; i < 10; i++) {
    await fetch(`${base}/api/v1/members`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({
        name: `成员${i}`,
        email: `bench-m${i}-${Date.now()}@example.com`,
        password: "bench-pass",
      }),
    });
  }
  return cookie;
}

/** An API token of the signed-in member, for the token half of /api/v1/me. */
async function apiToken(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  if (res.status !== 201) throw new Error(`token failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function load(url: string, headers: Record<string, string>, connections = 32) {
  const r = await autocannon({ url, connections, pipelining: 1, duration: DURATION, headers });
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

export async function runHttpBench(_args: string[]): Promise<void> {
  const rows: {
    db: string;
    route: string;
    reqPerSec: number;
    p50: number;
    p99: number;
    errors: number;
  }[] = [];
  const dir = mkdtempSync(join(tmpdir(), "dayclear-bench-"));
  const targets: { db: string; env: Record<string, string>; cleanup?: () => Promise<void> }[] = [
    { db: "sqlite", env: { DAYCLEAR_DB: join(dir, "bench.db"), DATABASE_URL: "" } },
  ];
  const admin = new pg.Client({ connectionString: PG_BASE });
  try {
    await admin.connect();
    const name = `dc_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_BASE);
    url.pathname = `/${name}`;
    targets.push({
      db: "postgres",
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    });
  } catch {
    console.log(`PostgreSQL at ${PG_BASE} is not reachable: PostgreSQL half skipped`);
  }
  let port = 3700;
  for (const t of targets) {
    const server = await startServer(t.env, ++port);
    try {
      const base = `http://127.0.0.1:${port}`;
      const cookie = await signup(base);
      const bearer = { authorization: `Bearer ${await apiToken(base, cookie)}` };
      // /api/v1/me by session cookie and by API token, one connection and 32: a token must cost
      // about what a cookie does (docs/BENCHMARKS.md).
      const runs: {
        route: string;
        label: string;
        headers: Record<string, string>;
        connections?: number;
      }[] = [
        { route: "/api/v1/me", label: "/api/v1/me", headers: { cookie } },
        { route: "/api/v1/me", label: "/api/v1/me (token)", headers: bearer },
        {
          route: "/api/v1/me",
          label: "/api/v1/me (1 connection)",
          headers: { cookie },
          connections: 1,
        },
        {
          route: "/api/v1/me",
          label: "/api/v1/me (token, 1 connection)",
          headers: bearer,
          connections: 1,
        },
        { route: "/api/v1/members", label: "/api/v1/members", headers: { cookie } },
      ];
      for (const run of runs) {
        await load(`${base}${run.route}`, run.headers, run.connections).then(() => undefined); // warm-up run, discarded
        rows.push({
          db: t.db,
          route: run.label,
          ...(await load(`${base}${run.route}`, run.headers, run.connections)),
        });
      }
    } finally {
      // The server first ends its own connections: the database is dropped WITH (FORCE) after,
      // which otherwise cut its pool's connections under it (an unhandled 57P01 / ECONNRESET).
      const exited =
        server.exitCode === null && server.signalCode === null
          ? new Promise((resolve) => server.once("exit", resolve))
          : Promise.resolve();
      server.kill("SIGTERM");
      await exited;
      await t.cleanup?.();
    }
  }
  await admin.end().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nHTTP, 32 connections unless said, ${DURATION} s per run after a warm-up, one server process (LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? "warn"})`,
  );
  console.log(
    "| database | route | req/s | p50 ms | p99 ms | errors | target (/me: ≥ 5,000 req/s, p99 ≤ 20 ms) |",
  );
  console.log("|---|---|---:|---:|---:|---:|---|");
  for (const r of rows) {
    const verdict =
      r.route === "/api/v1/me"
        ? r.reqPerSec >= 5000 && r.p99 <= 20
          ? "met"
          : `not met (${(r.reqPerSec / 5000).toFixed(2)}× req/s)`
        : "—";
    console.log(
      `| ${r.db} | ${r.route} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${verdict} |`,
    );
  }
  for (const db of new Set(rows.map((r) => r.db))) {
    const rate = (route: string) =>
      rows.find((r) => r.db === db && r.route === route)?.reqPerSec ?? NaN;
    const ratio = (cookie: string, token: string) => (rate(cookie) / rate(token)).toFixed(2);
    console.log(
      `${db}: a token request costs ${ratio("/api/v1/me", "/api/v1/me (token)")}× a cookie request with 32 connections, ${ratio("/api/v1/me (1 connection)", "/api/v1/me (token, 1 connection)")}× one at a time (≈1 is the goal)`,
    );
  }
}
