// Order-import and dashboard benchmarks (docs/BENCHMARKS.md, "Shop data").
//   npm run bench -- orders [--lines 200000] [--orders 1000000] [--pg] [--only import|dashboard|platforms]
// 1. Import of a generated Shopify-format file (two line items per order on average) into a fresh
//    SQLite database through the real import path: rows per second and peak RSS, against
//    sqlite3's own `.import` of the same file into a bare table.
// 2. Dashboard queries (KPIs with series + previous period, breakdown) over a shop with N
//    generated orders: p50/p95 latency.
import pg from "pg";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../../src/core/actor.js";
import { newId } from "../../src/core/ids.js";
import { openDatabase, sqliteOf, type Database } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { AuthService } from "../../src/modules/auth/auth.service.js";
import { ImportService } from "../../src/modules/orders/import.service.js";
import { KpiService } from "../../src/modules/orders/kpi.service.js";
import { OrderRepository } from "../../src/modules/orders/order.repository.js";
import { StatsRepository } from "../../src/modules/orders/stats.repository.js";
import { RepeatPairsRepository } from "../../src/modules/orders/repeat-pairs.repository.js";
import { AttributionRepository } from "../../src/modules/orders/attribution.repository.js";
import { AttributedSales } from "../../src/modules/orders/attribution.service.js";
import { ShippingKpiService } from "../../src/modules/orders/shipping.service.js";
import type { OrdersTable } from "../../src/db/schema.js";
import { SHOPIFY_HEADERS } from "../../test/fixtures/orders/build.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

export function shopifyFile(lines: number): string {
  const idx = Object.fromEntries(SHOPIFY_HEADERS.map((h, i) => [h, i]));
  const out: string[] = [SHOPIFY_HEADERS.join(",")];
  let n = 0;
  let order = 1000;
  while (n < lines) {
    order++;
    const items = 1 + (order % 3 === 0 ? 2 : order % 2);
    const day = 1 + (order % 28);
    for (let k = 0; k < items && n < lines; k++, n++) {
      const row = new Array<string>(SHOPIFY_HEADERS.length).fill("");
      row[idx.Name!] = `#${order}`;
      row[idx.Email!] = `buyer${order % 5000}@example.com`;
      row[idx["Created at"]!] = `2026-10-${String(day).padStart(2, "0")} 10:00:00 +0000`;
      row[idx["Lineitem quantity"]!] = "1";
      row[idx["Lineitem name"]!] = `Product ${(order + k) % 200}`;
      row[idx["Lineitem price"]!] = "19.90";
      row[idx["Lineitem sku"]!] = `SKU-${(order + k) % 200}`;
      if (k === 0) {
        row[idx["Financial Status"]!] = "paid";
        row[idx["Paid at"]!] = `2026-10-${String(day).padStart(2, "0")} 10:01:00 +0000`;
        row[idx.Currency!] = "USD";
        row[idx.Subtotal!] = (19.9 * items).toFixed(2);
        row[idx.Total!] = (19.9 * items).toFixed(2);
        row[idx["Shipping City"]!] = "Paris";
        row[idx["Shipping Country"]!] = "FR";
      }
      out.push(row.join(","));
    }
  }
  return out.join("\n") + "\n";
}

async function workspace(database: Database) {
  const auth = new AuthService({ db: database.db, clock: systemClock });
  const s = await auth.signup({
    workspaceName: "Bench",
    name: "Owner",
    email: `bench-${Date.now()}@example.com`,
    password: "bench-password",
  });
  const ctx = (await auth.resolveSession(s.token))!;
  return {
    userId: ctx.user.id,
    memberId: ctx.member.id,
    workspaceId: ctx.workspace.id,
    role: "owner" as const,
    departmentId: null,
    via: "system" as const,
  };
}

async function importBench(lines: number) {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-bench-orders-"));
  const file = join(dir, "orders_export.csv");
  writeFileSync(file, shopifyFile(lines));
  const size = statSync(file).size;
  const database = openDatabase({ file: join(dir, "bench.db") });
  await migrateToLatest(database);
  const actor = await workspace(database);
  const bytes = new Uint8Array(execFileSync("cat", [file], { maxBuffer: 2 ** 31 }));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const r = await new ImportService({ db: database.db, clock: systemClock }).importFiles(
    actor,
    { shopName: "Shopify" },
    [{ file: "orders_export.csv", bytes }],
    { limits: { fileMax: 2 ** 31 } },
  );
  const ms = performance.now() - t0;
  clearInterval(timer);
  await database.close();
  // The same file streamed (the CLI's path for files of 16 MB or more), into a fresh database.
  const database2 = openDatabase({ file: join(dir, "bench-stream.db") });
  await migrateToLatest(database2);
  const actor2 = await workspace(database2);
  const { parse } = await import("csv-parse");
  const { createReadStream } = await import("node:fs");
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak2 = base;
  const timer2 = setInterval(() => {
    peak2 = Math.max(peak2, process.memoryUsage().rss);
  }, 20);
  const t2 = performance.now();
  const records = createReadStream(file).pipe(
    parse({ relax_column_count: true, bom: true }),
  ) as AsyncIterable<string[]>;
  const r2 = await new ImportService({ db: database2.db, clock: systemClock }).importStream(
    actor2,
    { shopName: "Shopify" },
    "orders_export.csv",
    records,
  );
  const ms2 = performance.now() - t2;
  clearInterval(timer2);
  await database2.close();
  let sqliteMs: number | null = null;
  try {
    const t1 = performance.now();
    execFileSync("sqlite3", [join(dir, "bare.db")], { input: `.mode csv\n.import ${file} bare\n` });
    sqliteMs = performance.now() - t1;
  } catch {
    /* sqlite3 not installed */
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `import: ${lines} lines (${(size / 1048576).toFixed(1)} MB, ${r.orders} orders) in ${(ms / 1000).toFixed(2)} s = ${Math.round(lines / (ms / 1000))} lines/s; peak RSS ${(peak / 1048576).toFixed(0)} MB`,
  );
  console.log(
    `        streamed: ${r2.orders} orders in ${(ms2 / 1000).toFixed(2)} s = ${Math.round(lines / (ms2 / 1000))} lines/s; peak RSS ${(peak2 / 1048576).toFixed(0)} MB (${((peak2 - base) / 1048576).toFixed(0)} MB above the process before it)`,
  );
  if (sqliteMs !== null)
    console.log(
      `        sqlite3 .import of the same file: ${(sqliteMs / 1000).toFixed(2)} s → Dayclear takes ${(ms / sqliteMs).toFixed(1)}× as long`,
    );
}

const PG_BASE = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** A throwaway PostgreSQL database next to DAYCLEAR_TEST_PG's, dropped afterwards. */
async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dc_bench_orders_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function dashboardBench(orders: number, usePg: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-bench-dash-"));
  const throwaway = usePg ? await pgDatabase() : null;
  const pgUrl = throwaway?.url;
  const database = pgUrl
    ? openDatabase({ url: pgUrl })
    : openDatabase({ file: join(dir, "dash.db") });
  await migrateToLatest(database);
  const actor = await workspace(database);
  const shopId = newId();
  const at = new Date().toISOString();
  await database.db
    .insertInto("shops")
    .values({
      workspaceId: actor.workspaceId,
      id: shopId,
      platform: "taobao",
      name: "Big shop",
      currency: "CNY",
      customerIdentity: "buyer_id",
      shipWindowHours: 48,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  const days = 365;
  const start = Date.parse("2025-11-01T00:00:00Z");
  const t0 = performance.now();
  const batch = 20_000;
  for (let i = 0; i < orders; i += batch) {
    const rows: OrdersTable[] = [];
    for (let j = i; j < Math.min(orders, i + batch); j++) {
      const d = new Date(start + (j % days) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        workspaceId: actor.workspaceId,
        id: newId(),
        shopId,
        platform: "taobao",
        platformOrderId: String(j),
        orderKey: String(j),
        status: "completed",
        rawStatus: "交易成功",
        placedAt: null,
        paidAt: `${d}T02:00:00.000Z`,
        paidDate: d,
        shippedAt: new Date(
          Date.parse(`${d}T02:00:00.000Z`) + (j % 25 === 0 ? 56 : 20) * 3_600_000,
        ).toISOString(),
        completedAt: null,
        cancelledAt: null,
        currency: "CNY",
        totalFen: 10000 + (j % 50) * 100,
        goodsFen: 0,
        shippingFen: 0,
        discountFen: 0,
        refundFen: j % 20 === 0 ? 5000 : 0,
        ownRefundFen: 0,
        itemCount: 1,
        customerKey: `buyer:${j % 400_000}`,
        buyerRef: null,
        buyerName: null,
        email: null,
        phone: null,
        recipient: null,
        country: null,
        province: ["广东", "浙江", "江苏"][j % 3]!,
        provinceCode: null,
        city: null,
        district: null,
        address: null,
        zip: null,
        trackingNo: null,
        carrier: null,
        sellerMemo: j % 4 === 0 ? "客服:小美" : j % 4 === 1 ? "客服:阿杰" : null,
        salesRef: null,
        promisedShipAt: null,
        ownerMemberId: null,
        ownerSource: null,
        raw: "[]",
        contentHash: "",
        importId: "bench",
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    // On SQLite through the raw prepared-statement path the import uses; PostgreSQL through Kysely.
    await database.db
      .transaction()
      .execute(async (trx) => new OrderRepository(trx, sqliteOf(database.db)).insertOrders(rows));
  }
  const seeded = performance.now();
  const stats = new StatsRepository(database.db);
  const dates = Array.from({ length: days }, (_, k) =>
    new Date(start + k * 86_400_000).toISOString().slice(0, 10),
  );
  await stats.rebuildDays(actor.workspaceId, shopId, dates);
  // The repurchase rollup (migration 480) in one set-based statement, as the migration builds it.
  const p0 = performance.now();
  await new RepeatPairsRepository(database.db).rebuildShop(actor.workspaceId, shopId);
  const pairRows = await database.db
    .selectFrom("shopRepeatPairs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const built = ((performance.now() - p0) / 1000).toFixed(1);
  const [fast, counted] = await Promise.all([
    stats.repeatCustomers(actor.workspaceId, [shopId], "2026-09-01", "2026-09-30"),
    stats.repeatCustomersByCount(actor.workspaceId, [shopId], "2026-09-01", "2026-09-30"),
  ]);
  console.log(
    `  repurchase rollup: ${Number(pairRows.n)} day-pair rows built in ${built} s; 30 days: ${JSON.stringify(fast)} (counted over the orders: ${JSON.stringify(counted)})`,
  );
  // The orders carry no line items (generating 2 × N of them doubles the time); the product rollup
  // is seeded directly instead: 200 products on each day, what a shop's line items roll up to.
  const products = dates.flatMap((date) =>
    Array.from({ length: 200 }, (_, p) => ({
      workspaceId: actor.workspaceId,
      shopId,
      date,
      productKey: `SKU-${p}`,
      title: `Product ${p}`,
      quantity: 10 + (p % 7),
      salesFen: (10 + (p % 7)) * 9900,
    })),
  );
  for (let i = 0; i < products.length; i += 2000)
    await database.db
      .insertInto("shopDailyProducts")
      .values(products.slice(i, i + 2000))
      .execute();
  console.log(
    `dashboard: ${orders} orders generated in ${((seeded - t0) / 1000).toFixed(1)} s, rolled up in ${((performance.now() - seeded) / 1000).toFixed(1)} s (${pgUrl ? "PostgreSQL" : "SQLite"}); ${products.length} product rollup rows seeded`,
  );
  const kpis = new KpiService({ db: database.db, clock: systemClock });
  const shipping = new ShippingKpiService({ db: database.db, clock: systemClock });
  // A rule change re-attributes every order outside locked months, in one transaction.
  const rules = new AttributionRepository(database.db);
  for (const [i, pattern] of ["小美", "阿杰"].entries()) {
    await rules.insertRule({
      workspaceId: actor.workspaceId,
      id: newId(),
      kind: "memo",
      pattern,
      shopId: null,
      memberId: actor.memberId,
      position: i + 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  const r0 = performance.now();
  const changed = await database.db
    .transaction()
    .execute((trx) => new AttributionRepository(trx).reattribute(actor.workspaceId));
  console.log(
    `  re-attribution after a rule change: ${changed} of ${orders} orders changed owner in ${((performance.now() - r0) / 1000).toFixed(1)} s`,
  );
  for (const [label, fn] of [
    [
      "KPIs 30 days (totals, daily series, previous period)",
      () => kpis.compute(actor.workspaceId, { from: "2026-09-01", to: "2026-09-30" }),
    ],
    [
      "KPIs 90 days",
      () => kpis.compute(actor.workspaceId, { from: "2026-07-01", to: "2026-09-28" }),
    ],
    [
      "KPIs 30 days with the repurchase rate (from the day-pair rollup)",
      () =>
        kpis.compute(actor.workspaceId, { from: "2026-09-01", to: "2026-09-30", repurchase: true }),
    ],
    [
      "  reference: the repurchase count over the range's orders (before migration 480)",
      () => stats.repeatCustomersByCount(actor.workspaceId, [shopId], "2026-09-01", "2026-09-30"),
    ],
    ["breakdown 30 days", () => kpis.breakdown(actor, { from: "2026-09-01", to: "2026-09-30" })],
    [
      "ship-on-time rate 30 days (daily rollup + unshipped orders)",
      () => shipping.compute(actor.workspaceId, { from: "2026-09-01", to: "2026-09-30" }),
    ],
    [
      "attributed sales 30 days (per-owner rollup)",
      () =>
        AttributedSales.load(database.db, actor.workspaceId, {
          from: "2026-09-01",
          to: "2026-09-30",
        }),
    ],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < 30; k++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await fn();
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // CPU is this process's (all of SQLite's work; on PostgreSQL the server's is not in it).
    console.log(
      `  ${label}: p50 ${times[14]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms (CPU p50 ${cpu[14]!.toFixed(1)} / p95 ${cpu[28]!.toFixed(1)} ms; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")})`,
    );
  }
  await database.close();
  await throwaway?.drop();
  rmSync(dir, { recursive: true, force: true });
}

export async function runOrdersBench(args: string[]): Promise<void> {
  void args;
  const only = process.argv.includes("--only")
    ? process.argv[process.argv.indexOf("--only") + 1]
    : undefined;
  if (!only || only === "import") await importBench(arg("lines", 200_000));
  if (!only || only === "dashboard")
    await dashboardBench(arg("orders", 1_000_000), process.argv.includes("--pg"));
  // Issue 13: every platform's 1,000,000-line export through the CLI against sqlite3 .import.
  if (!only || only === "platforms")
    await (await import("./platforms.js")).platformsBench(process.argv.slice(2));
}
