// Re-costing parcels after a rate-card change (docs/BENCHMARKS.md, "Logistics: re-costing parcels").
//   npm run bench -- rates [--parcels 1000000] [--pg] [--batch 5000]
// A workspace with N parcels of 中通 (weights 0.1–20 kg, a third with a size, every province, shipped
// over November 2026) and its first rate card; then a new 中通 card for the same day is imported
// through the real service (RateCardService.importCard: read, check, store, re-cost every parcel of
// the carrier in batches), with a progress bar — over parcels already costed under the first card.
// Target: 1,000,000 parcels in ≤ 20 s. The sum of the costs written is checked against the pure
// core's own sum over the same parcels.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { SingleBar, Presets } from "cli-progress";
import { systemClock, type Actor } from "../../src/core/actor.js";
import { compileRateCard, DEFAULT_SETTINGS } from "../../src/core/logistics/rate-card.js";
import { readRateCardRecords, withOptions } from "../../src/core/logistics/rate-card-file.js";
import { quoteCard } from "../../src/core/logistics/rate-quote.js";
import { PROVINCES, readCsvBytes } from "../../src/core/orders/index.js";
import { openDatabase, sqliteOf, type Database } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { AuthService } from "../../src/modules/auth/auth.service.js";
import { CarrierRepository } from "../../src/modules/logistics/carriers.repository.js";
import { ParcelCostRepository } from "../../src/modules/logistics/parcel-cost.repository.js";
import { RateCardService } from "../../src/modules/logistics/rates.service.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

const CARD = join(import.meta.dirname, "../../test/fixtures/logistics/zto-rates-202612.csv");
/** The second card: every price 10 % up (a new contract), same zones. */
function newerCard(): Uint8Array {
  const text = readFileSync(CARD).toString("latin1");
  return new Uint8Array(
    Buffer.from(
      text.replace(/(\d+)\.(\d\d)/g, (_m, a: string, b: string) => {
        const fen = Math.round((Number(a) * 100 + Number(b)) * 1.1);
        return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
      }),
      "latin1",
    ),
  );
}

interface Gen {
  id: string;
  weightG: number;
  dims: [number, number, number] | null;
  province: string;
  shippedAt: string;
}
/** Deterministic parcels (a small linear congruential generator: the same parcels every run). */
function* parcels(n: number): Generator<Gen> {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    const weightG = 100 + Math.floor(next() * 19_900);
    const sized = next() < 1 / 3;
    yield {
      id: `p${String(i).padStart(8, "0")}`,
      weightG,
      dims: sized
        ? [
            100 + Math.floor(next() * 500),
            100 + Math.floor(next() * 400),
            50 + Math.floor(next() * 300),
          ]
        : null,
      province: PROVINCES[Math.floor(next() * PROVINCES.length)]!.name,
      shippedAt: new Date(
        Date.UTC(2026, 10, 1) + Math.floor(next() * 29 * 86_400_000),
      ).toISOString(),
    };
  }
}

async function insertParcels(database: Database, ws: string, carrierId: string, n: number) {
  const at = "2026-11-01T00:00:00.000Z";
  const sqlite = sqliteOf(database.db);
  if (sqlite) {
    const stmt = sqlite.prepare(
      `INSERT INTO parcels (workspace_id, id, shop_id, status, carrier_id, weight_g, weight_source,
         length_mm, width_mm, height_mm, province, shipped_at, version, created_at, updated_at)
       VALUES (?, ?, 'bench-shop', 'shipped', ?, ?, 'scale', ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (const p of parcels(n))
        stmt.run(
          ws,
          p.id,
          carrierId,
          p.weightG,
          p.dims?.[0] ?? null,
          p.dims?.[1] ?? null,
          p.dims?.[2] ?? null,
          p.province,
          p.shippedAt,
          at,
          at,
        );
    })();
    return;
  }
  // PostgreSQL: COPY-free multi-row inserts of 2,000 rows.
  let rows: unknown[][] = [];
  const flush = async () => {
    if (!rows.length) return;
    await database.db
      .insertInto("parcels")
      .values(
        rows.map((r) => ({
          workspaceId: ws,
          id: r[0] as string,
          shopId: "bench-shop",
          status: "shipped" as const,
          carrierId,
          weightG: r[1] as number,
          weightSource: "scale" as const,
          lengthMm: r[2] as number | null,
          widthMm: r[3] as number | null,
          heightMm: r[4] as number | null,
          province: r[5] as string,
          shippedAt: r[6] as string,
          version: 1,
          createdAt: at,
          updatedAt: at,
          batchId: null,
          waybillNo: null,
          waybillSource: null,
          packedBy: null,
          packedAt: null,
          costFen: null,
          costCardId: null,
          costFormula: null,
          exportedAt: null,
        })),
      )
      .execute();
    rows = [];
  };
  for (const p of parcels(n)) {
    rows.push([
      p.id,
      p.weightG,
      p.dims?.[0] ?? null,
      p.dims?.[1] ?? null,
      p.dims?.[2] ?? null,
      p.province,
      p.shippedAt,
    ]);
    if (rows.length === 2000) await flush();
  }
  await flush();
}

/** What the core says the parcels cost under the newer card, summed (checks what was written). */
function expectedTotal(n: number): { costed: number; fen: number } {
  const r = readCsvBytes("card.csv", newerCard());
  if ("problem" in r) throw new Error(r.problem.code);
  const read = readRateCardRecords("card.csv", r.table.records, withOptions(DEFAULT_SETTINGS, {}));
  if (!read.ok) throw new Error("card");
  const c = compileRateCard("card.csv", read.card, read.locate);
  if (!c.ok) throw new Error("card");
  let costed = 0;
  let fen = 0;
  for (const p of parcels(n)) {
    const q = quoteCard(c.card, {
      weightG: p.weightG,
      dims: p.dims ? { lengthMm: p.dims[0], widthMm: p.dims[1], heightMm: p.dims[2] } : null,
      province: p.province,
    });
    if (q.ok) {
      costed++;
      fen += q.feeFen;
    }
  }
  return { costed, fen };
}

/**
 * CPU seconds (user + system) of the PostgreSQL backends serving this database — read from
 * /proc/PID/stat, the server being on this machine; null where it cannot be read. Backends that
 * appear in between count from 0.
 */
async function pgBackendCpu(database: Database): Promise<Map<number, number> | null> {
  if (sqliteOf(database.db)) return null;
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(database.db);
  const tick = 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, (Number(f[11]) + Number(f[12])) / tick);
    } catch {
      return null;
    }
  }
  return out;
}
const cpuSince = (a: Map<number, number> | null, b: Map<number, number> | null) =>
  a && b ? [...b].reduce((s, [pid, t]) => s + t - (a.get(pid) ?? 0), 0) : null;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function runOn(label: string, database: Database, n: number) {
  const auth = new AuthService({ db: database.db, clock: systemClock });
  const s = await auth.signup({
    workspaceName: "Bench",
    name: "Owner",
    email: `bench-${Date.now()}@example.com`,
    password: "bench-password",
  });
  const ctx = (await auth.resolveSession(s.token))!;
  const owner: Actor = {
    userId: ctx.user.id,
    memberId: ctx.member.id,
    workspaceId: ctx.workspace.id,
    role: "owner",
    departmentId: null,
    via: "system",
  };
  const ws = owner.workspaceId;
  const rates = new RateCardService({ db: database.db, clock: systemClock });
  await rates.importCard(owner, {
    carrier: "ZTO",
    fileName: "zto.csv",
    bytes: new Uint8Array(readFileSync(CARD)),
    validFrom: "2026-01-01",
  });
  const zto = (await new CarrierRepository(database.db).find(ws, "ZTO", new Date().toISOString()))!;
  let t = performance.now();
  await insertParcels(database, ws, zto.id, n);
  console.log(
    `${label}: ${n.toLocaleString("en-US")} parcels generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // The parcels are costed under the first card, as they would be when packed and shipped: the
  // timed run is then a change of card over parcels that have a cost (each row's formula replaced,
  // not added).
  t = performance.now();
  const first = await rates.recost(owner, zto.id);
  console.log(
    `${label}: first costing of ${first.count.toLocaleString("en-US")} parcels (untimed for the target) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const bar = new SingleBar(
    {
      format: `${label} re-cost {bar} {percentage}% | {value}/{total} parcels | {duration_formatted}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  const loadBefore = load();
  const pgBefore = await pgBackendCpu(database);
  const cpu = process.cpuUsage();
  t = performance.now();
  const r = await rates.importCard(owner, {
    carrier: "ZTO",
    fileName: "zto-new.csv",
    bytes: newerCard(),
    validFrom: "2026-01-01",
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  bar.stop();
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const pgCpu = cpuSince(pgBefore, await pgBackendCpu(database));
  const loadAfter = load();
  const written = await new ParcelCostRepository(database.db).totals(ws, [zto.id]);
  const want = expectedTotal(n);
  const ok = written.costed === want.costed && written.totalFen === want.fen;
  console.log(
    `${label}: card change + re-cost of ${r.recosted.toLocaleString("en-US")} parcels in ${seconds.toFixed(1)} s ` +
      `(${Math.round(r.recosted / seconds).toLocaleString("en-US")} parcels/s; target ≤ 20 s for 1,000,000: ${seconds <= 20 * (n / 1_000_000) ? "met" : "MISSED"}); ` +
      `${written.costed.toLocaleString("en-US")} costed, total ${(written.totalFen / 100).toFixed(2)} — ${ok ? "equal to the core's own sum" : `DIFFERS from the core's ${want.costed} / ${(want.fen / 100).toFixed(2)}`}`,
  );
  console.log(
    `${label}: CPU ${((used.user + used.system) / 1e6).toFixed(1)} s in this process` +
      (pgCpu === null ? "" : `, ${pgCpu.toFixed(1)} s in the PostgreSQL backends`) +
      `; load average ${loadBefore} → ${loadAfter}`,
  );
  if (!ok) process.exitCode = 1;
}

export async function runRatesBench(_args: string[]): Promise<void> {
  const n = arg("parcels", 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), "dayclear-bench-rates-"));
  const database = openDatabase({ file: join(dir, "bench.db") });
  try {
    await migrateToLatest(database);
    await runOn("sqlite", database, n);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.argv.includes("--pg")) {
    const url = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
    const name = `dc_bench_rates_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const pgdb = openDatabase({ url: u.toString() });
    try {
      await migrateToLatest(pgdb);
      await runOn("postgres", pgdb, n);
    } finally {
      await pgdb.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    }
  }
}
