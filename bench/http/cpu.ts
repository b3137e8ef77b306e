// CPU per request of GET /api/v1/me, less sensitive to a shared machine's load than req/s: the
// server process's and PostgreSQL backends' CPU time (from /proc, 100 Hz ticks) and autocannon's
// own, around a fixed number of requests (after a warm-up), by cookie and by API token, for one or
// more source trees started alternately in the same run (before/after a change):
//   npx tsx bench/http/cpu.ts before=/tmp/tree-at-old-commit after=.
// Env: N (requests per row, 20,000), ROUNDS (2), DBS (sqlite,postgres), LOG (LOG_LEVEL, warn),
// DAYCLEAR_TEST_PG (the PostgreSQL server). Linux only (/proc). See docs/BENCHMARKS.md, "HTTP".
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const PG_BASE = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const N = Number(process.env.N ?? 20000);
const roots = process.argv.slice(2).map((a) => {
  const [label, root] = a.split("=");
  return { label: label!, root: root! };
});
const dbs = (process.env.DBS ?? "sqlite,postgres").split(",");
const LOG = process.env.LOG ?? "warn";
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0; /* the process has ended */
  }
};
const descendants = (pid: number): number[] => {
  const out = [pid];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (out.includes(ppid)) out.push(Number(d));
    } catch {
      /* gone while listed */
    }
  }
  return out;
};

async function start(root: string, env: Record<string, string>, port: number) {
  const child = spawn(
    process.execPath,
    [join(root, "bin", "dayclear.js"), "serve", "--port", String(port), "--host", "127.0.0.1"],
    {
      env: {
        ...process.env,
        LOG_LEVEL: LOG,
        DAYCLEAR_REMINDERS: "off",
        DAYCLEAR_SLA_SWEEP: "off",
        ...env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((res, rej) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("http://localhost")) res();
    });
    child.once("exit", (c) => rej(new Error(`exit ${c}`)));
  });
  child.stdout!.resume();
  return child;
}
async function setup(base: string) {
  const res = await fetch(`${base}/api/v1/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({
      workspaceName: "Bench shop",
      name: "Bench",
      email: `b-${Date.now()}@example.com`,
      password: "bench-pass-long-1",
      template: "ecommerce",
    }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const t = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  const token = ((await t.json()) as { token: string }).token;
  return { cookie: { cookie }, token: { authorization: `Bearer ${token}` } };
}
const admin = new pg.Client({ connectionString: PG_BASE });
await admin.connect();
const backends = async (name: string) =>
  (await admin.query("select pid from pg_stat_activity where datname = $1", [name])).rows.map(
    (r: { pid: number }) => r.pid,
  );
const rows: string[] = [];
let port = 3900;
for (let round = 0; round < ROUNDS; round++)
  for (const db of dbs)
    for (const { label, root } of roots) {
      let env: Record<string, string>,
        pgName = "";
      if (db === "postgres") {
        pgName = `dc_cpu_${Date.now()}`;
        await admin.query(`create database ${pgName}`);
        const u = new URL(PG_BASE);
        u.pathname = `/${pgName}`;
        env = { DATABASE_URL: u.toString() };
      } else
        env = {
          DAYCLEAR_DB: join(mkdtempSync(join(tmpdir(), "dc-cpu-")), "b.db"),
          DATABASE_URL: "",
        };
      const child = await start(root, env, ++port);
      const base = `http://127.0.0.1:${port}`;
      try {
        const h = await setup(base);
        for (const via of ["cookie", "token"] as const) {
          await autocannon({
            url: `${base}/api/v1/me`,
            connections: 32,
            amount: 3000,
            headers: h[via],
          });
          const procs = descendants(child.pid!);
          const pgs = pgName ? await backends(pgName) : [];
          const c0 = process.cpuUsage();
          const s0 = procs.reduce((a, p) => a + ticks(p), 0),
            p0 = pgs.reduce((a, p) => a + ticks(p), 0),
            l0 = loadavg()[0]!;
          const r = await autocannon({
            url: `${base}/api/v1/me`,
            connections: 32,
            amount: N,
            headers: h[via],
          });
          const cu = process.cpuUsage(c0);
          const s = procs.reduce((a, p) => a + ticks(p), 0) - s0,
            p = pgs.reduce((a, q) => a + ticks(q), 0) - p0;
          const us = (t: number) => ((t * 10_000) / N).toFixed(0);
          rows.push(
            `| ${round + 1} | ${db} | ${label} | ${via} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} | ${us(s)} | ${pgName ? us(p) : "—"} | ${us(s + p)} | ${((cu.user + cu.system) / N).toFixed(0)} | ${l0.toFixed(1)} |`,
          );
          console.log(rows.at(-1));
        }
      } finally {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
        if (pgName) await admin.query(`drop database if exists ${pgName} with (force)`);
      }
    }
await admin.end();
console.log(
  `\nGET /api/v1/me, ${N} requests per row after 3,000 warm-up, 32 connections, LOG_LEVEL=${LOG}; CPU in µs per request (100 Hz ticks)`,
);
console.log(
  "| round | db | tree | via | req/s | p50 ms | p99 ms | errors | server CPU µs | PG CPU µs | server+PG µs | autocannon µs | load |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
);
for (const r of rows) console.log(r);
