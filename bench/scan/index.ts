// The scan part's benchmarks (docs/BENCHMARKS.md, "Logistics: tracking import").
//   npm run bench -- scan [--lines 100000] [--scans 300] [--no-pg]
// 1. A 100,000-line tracking file (the e-waybill software's GBK CSV: 订单编号, 快递公司, 运单号, 重量(kg)),
//    one line per unshipped order of a shop with no parcels yet: read, checked against the shop's
//    orders and parcels, 100,000 parcels made and shipped, in one transaction. Goal ≤ 10 s, on SQLite
//    and on PostgreSQL. The same file imported again (every row unchanged) is timed too.
// 2. The pack station: p50/p95 of a slip scan and of a waybill scan (which ships the parcel) among
//    those 100,000 shipped parcels.
import { sql } from "kysely";
import { systemClock, type Actor } from "../../src/core/actor.js";
import { encodeText } from "../../src/core/orders/decode.js";
import { sqliteOf, type Database } from "../../src/db/database.js";
import { AuthService } from "../../src/modules/auth/auth.service.js";
import { PackStationService } from "../../src/modules/logistics/pack-station.service.js";
import { ScanRepository } from "../../src/modules/logistics/scan.repository.js";
import { TrackingImportService } from "../../src/modules/logistics/tracking.service.js";
import { OrderRepository } from "../../src/modules/orders/order.repository.js";
import { ShopService } from "../../src/modules/orders/shop.service.js";
import { queueOrderRows, type QueueOrderSpec } from "../../test/helpers/queue-orders.js";
import { freshDatabase, PG_BASE, pgReachable } from "../db.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const CARRIERS = [
  ["中通快递", (i: number) => `7310${String(i).padStart(10, "0")}`],
  ["顺丰速运", (i: number) => `SF14${String(i).padStart(11, "0")}`],
  ["圆通速递", (i: number) => `YT88${String(i).padStart(11, "0")}`],
  ["韵达快递", (i: number) => `4312${String(i).padStart(10, "0")}`],
] as const;

async function owner(database: Database): Promise<Actor> {
  const auth = new AuthService({ db: database.db, clock: systemClock });
  const s = await auth.signup({
    workspaceName: "Bench",
    name: "Owner",
    email: `bench-scan-${Date.now()}@example.com`,
    password: "bench-password",
  });
  const ctx = (await auth.resolveSession(s.token))!;
  return {
    userId: ctx.user.id,
    memberId: ctx.member.id,
    workspaceId: ctx.workspace.id,
    role: "owner",
    departmentId: null,
    via: "session",
  };
}

/** The tracking file: a header and one line per order, GBK like the e-waybill software writes it. */
export function trackingFile(lines: number): Uint8Array {
  const out = ["订单编号,快递公司,运单号,重量(kg)"];
  for (let i = 0; i < lines; i++) {
    const [carrier, number] = CARRIERS[i % CARRIERS.length]!;
    out.push(`T${i},${carrier},${number(i)},${(0.2 + (i % 50) / 10).toFixed(2)}`);
  }
  return encodeText(out.join("\r\n") + "\r\n", "gb18030");
}

const stats = (times: number[]) => {
  const t = [...times].sort((a, b) => a - b);
  const at = (p: number) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
};

async function run(dialect: "sqlite" | "postgres", lines: number, scans: number) {
  const { database, drop } = await freshDatabase(dialect, "scan");
  try {
    const actor = await owner(database);
    const shop = await new ShopService({ db: database.db, clock: systemClock }).create(actor, {
      name: "拼多多旗舰店",
      platform: "pdd",
      shipWindowHours: 48,
    });
    const paidAt = new Date(Date.now() - 3600_000).toISOString();
    const specs: QueueOrderSpec[] = [];
    for (let i = 0; i < lines + scans; i++) specs.push({ no: `T${i}`, paidAt, province: "浙江" });
    const repo = new OrderRepository(database.db, sqliteOf(database.db));
    for (let i = 0; i < specs.length; i += 5000) {
      const { orders, items } = queueOrderRows(
        actor.workspaceId,
        shop.id,
        "pdd",
        specs.slice(i, i + 5000),
      );
      await repo.insertOrders(orders);
      await repo.insertItems(items);
    }
    if (dialect === "postgres") await sql`analyze`.execute(database.db);
    const bytes = trackingFile(lines);
    const tracking = new TrackingImportService({ db: database.db, clock: systemClock });
    const t0 = performance.now();
    const r = await tracking.importFiles(actor, shop.id, [{ file: "ewaybill.csv", bytes }], {
      maxBytes: 200 * 1024 * 1024,
    });
    const s1 = (performance.now() - t0) / 1000;
    if (r.parcelsCreated !== lines) throw new Error(`made ${r.parcelsCreated} parcels`);
    console.log(
      `  ${dialect}: ${lines.toLocaleString("en-US")}-line tracking file (${(bytes.length / 1048576).toFixed(1)} MB GBK) imported in ${s1.toFixed(2)} s — ${r.parcelsCreated.toLocaleString("en-US")} parcels made and shipped ${s1 <= 10 ? "✓ ≤ 10 s" : "✗ goal 10 s"}`,
    );
    // What autovacuum does within a minute of 100,000 new parcels (SQLite keeps no statistics).
    if (dialect === "postgres") await sql`analyze`.execute(database.db);
    const t1 = performance.now();
    const again = await tracking.importFiles(actor, shop.id, [{ file: "ewaybill.csv", bytes }], {
      maxBytes: 200 * 1024 * 1024,
    });
    console.log(
      `  ${dialect}: the same file again (${again.unchanged.toLocaleString("en-US")} unchanged) in ${((performance.now() - t1) / 1000).toFixed(2)} s`,
    );

    // The pack station among them: parcels for the last `scans` orders, each scanned slip then waybill.
    const scan = new ScanRepository(database.db);
    const ids: string[] = [];
    for (let i = lines; i < lines + scans; i++) {
      const [order] = await scan.ordersByNumber(actor.workspaceId, `T${i}`);
      ids.push(
        await scan.createParcel({
          workspaceId: actor.workspaceId,
          shopId: shop.id,
          orderIds: [order!.id],
          province: "浙江",
          at: paidAt,
        }),
      );
    }
    const station = new PackStationService({ db: database.db, clock: systemClock });
    const slip: number[] = [];
    const ship: number[] = [];
    for (const [n, id] of ids.entries()) {
      let t = performance.now();
      const a = await station.scanSlip(actor, id);
      slip.push(performance.now() - t);
      t = performance.now();
      const b = await station.scanWaybill(actor, {
        slip: id,
        waybill: `SF15${String(n).padStart(11, "0")}`,
        weightG: 500,
        weightSource: "scale",
      });
      ship.push(performance.now() - t);
      if (a.outcome !== "ok" || b.outcome !== "ok")
        throw new Error(`scan ${a.outcome} / ${b.outcome}`);
    }
    const a = stats(slip);
    const b = stats(ship);
    console.log(
      `  ${dialect}: pack station (${scans} parcels among ${lines.toLocaleString("en-US")} shipped) slip p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms; waybill (ships) p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms`,
    );
  } finally {
    await drop();
  }
}

export async function runScanBench(_args: string[]): Promise<void> {
  const lines = arg("lines", 100_000);
  const scans = arg("scans", 300);
  await run("sqlite", lines, scans);
  if (process.argv.includes("--no-pg")) return;
  if (await pgReachable()) await run("postgres", lines, scans);
  else console.log(`  postgres: not reachable at ${PG_BASE}; skipped`);
}
