// `npm run bench -- orders --only platforms [--lines 1000000] [--platforms shopify,taobao] [--pg]`
// Issue 13's import target, per platform profile: `dayclear import orders FILE` as a user runs it
// (a whole process, through bin/dayclear.js) into a fresh database, against `sqlite3 .import` of
// the same file into a bare table measured in the same run (with --pg: into PostgreSQL, against
// psql's `\copy` of the file). Prints wall time, CPU time (user + system), peak RSS, and each ratio
// against its target: ≤ 3× the reference, peak RSS < 1 GB.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PLATFORM_FILES, writePlatformFile } from "./platform-files.js";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/dayclear.js");
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 1024;

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  out: string;
  ok: boolean;
}

/** Runs a command under /usr/bin/time: wall and CPU seconds, peak RSS. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "TIMED %e %U %S %M", cmd, ...args], {
    env,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const m = /TIMED ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  if (!m) throw new Error(`${cmd} did not run: ${r.stderr}`);
  return {
    wall: Number(m[1]),
    cpu: Number(m[2]) + Number(m[3]),
    rssMb: Number(m[4]) / 1024,
    out: `${r.stdout}${r.stderr.replace(/TIMED .*\n?/, "")}`,
    ok: r.status === 0,
  };
}

const s = (x: number) => `${x.toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");

async function pgScratch(base: string) {
  const name = `dc_bench_platform_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function platformsBench(args: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const lines = Number(arg("lines") ?? 1_000_000);
  const wanted = (arg("platforms") ?? PLATFORM_FILES.map((p) => p.platform).join(",")).split(",");
  const usePg = args.includes("--pg");
  const pgBase = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
  const { shopifyFile } = await import("./index.js");
  console.log(
    `platform files of ${lines} lines; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the start; targets: ≤ ${TARGET_RATIO}× the reference, peak RSS < 1 GB`,
  );
  for (const p of PLATFORM_FILES.filter((x) => wanted.includes(x.platform))) {
    const dir = mkdtempSync(join(tmpdir(), `dayclear-bench-${p.platform}-`));
    try {
      const file = join(dir, p.name);
      await writePlatformFile(p, file, lines, shopifyFile);
      const mb = statSync(file).size / 1048576;
      // The reference: sqlite3's own CSV import of the same file into a bare table.
      const gbk = p.platform === "taobao" || p.platform === "jd";
      const ref = timed("sqlite3", [join(dir, "bare.db"), ".mode csv", `.import ${file} bare`]);
      const db = join(dir, "shop.db");
      const env = { ...process.env, DATABASE_URL: "", LANG: "en_US.UTF-8", LC_ALL: "" };
      execFileSync(
        process.execPath,
        [
          bin,
          "user",
          "create",
          "--db",
          db,
          "--email",
          "b@example.com",
          "--name",
          "Boss",
          "--password",
          "bench-pass-1",
          "--workspace",
          "Bench",
        ],
        { env },
      );
      const ours = timed(
        process.execPath,
        [bin, "import", "orders", file, "--shop", p.platform, "--db", db, "--json"],
        env,
      );
      const summary = ours.ok
        ? (JSON.parse(ours.out.trim().split("\n").pop()!) as { orders: number; lineItems: number })
        : null;
      const ratio = ours.wall / ref.wall;
      console.log(
        `${p.platform.padEnd(11)} ${mb.toFixed(0)} MB${gbk ? " (GBK)" : ""}: ` +
          (summary
            ? `${summary.orders} orders, ${summary.lineItems} lines — dayclear ${s(ours.wall)} (CPU ${s(ours.cpu)}), sqlite3 .import ${s(ref.wall)} (CPU ${s(ref.cpu)}) → ${ratio.toFixed(1)}× ${mark(ratio <= TARGET_RATIO)} (CPU ${(ours.cpu / ref.cpu).toFixed(1)}×); peak RSS ${ours.rssMb.toFixed(0)} MB ${mark(ours.rssMb < TARGET_RSS_MB)}`
            : `refused or failed after ${s(ours.wall)}: ${ours.out.slice(0, 400).replace(/\s+/g, " ")}`),
      );
      if (usePg && summary) {
        const scratch = await pgScratch(pgBase);
        try {
          // The reference: psql's \copy of the same file into a bare table of text columns.
          const header = execFileSync(
            "sqlite3",
            [join(dir, "bare.db"), "select count(*) from pragma_table_info('bare')"],
            { encoding: "utf8" },
          );
          const cols = Array.from({ length: Number(header.trim()) }, (_, i) => `c${i} text`).join(
            ", ",
          );
          execFileSync("psql", [scratch.url, "-qc", `create table bare (${cols})`]);
          const copy = timed("psql", [
            scratch.url,
            "-qc",
            `\\copy bare from '${file}' with (format csv, header true${gbk ? ", encoding 'GB18030'" : ""})`,
          ]);
          const pgEnv = { ...env, DATABASE_URL: scratch.url };
          execFileSync(
            process.execPath,
            [
              bin,
              "user",
              "create",
              "--email",
              "b@example.com",
              "--name",
              "Boss",
              "--password",
              "bench-pass-1",
              "--workspace",
              "Bench",
            ],
            { env: pgEnv },
          );
          const onPg = timed(
            process.execPath,
            [bin, "import", "orders", file, "--shop", p.platform, "--json"],
            pgEnv,
          );
          const r = onPg.wall / copy.wall;
          console.log(
            `${"".padEnd(11)} PostgreSQL: dayclear ${s(onPg.wall)} (CPU ${s(onPg.cpu)}), psql \\copy ${s(copy.wall)} → ${r.toFixed(1)}× ${mark(r <= TARGET_RATIO)}; peak RSS ${onPg.rssMb.toFixed(0)} MB ${mark(onPg.rssMb < TARGET_RSS_MB)}${onPg.ok ? "" : " (failed)"}`,
          );
        } finally {
          await scratch.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end`,
  );
}
