// The 待发货 queue's benchmarks (docs/BENCHMARKS.md, "Logistics queue").
//   npm run bench -- queue [--orders 100000] [--merge 20000] [--parcels 2000] [--only queue|merge|print] [--no-pg] [--no-build]
// 1. Queue, first page: 100,000 unshipped orders (and 50,000 shipped) over 5 shops with different
//    dispatch windows, a third with a promised time; p50/p95 of the first page (50 orders, with
//    their lines and parcels) unfiltered, overdue only, by province, by memo text; the summary
//    counts beside it. SQLite and PostgreSQL. Goal: first page p95 ≤ 50 ms on both.
// 2. Merge proposals over 20,000 unshipped orders (one in five shares a recipient). Goal ≤ 1 s.
// 3. A 2,000-parcel batch: pick list and slips ready to print in Chromium (print.ts). Goal ≤ 3 s.
import { sql } from "kysely";
import { systemClock, type Actor } from "../../src/core/actor.js";
import { sqliteOf, type Database } from "../../src/db/database.js";
import { AuthService } from "../../src/modules/auth/auth.service.js";
import { OrderRepository } from "../../src/modules/orders/order.repository.js";
import { ShipQueueService } from "../../src/modules/logistics/queue.service.js";
import { queueOrderRows, type QueueOrderSpec } from "../../test/helpers/queue-orders.js";
import { freshDatabase, pgReachable } from "../db.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const only = (() => {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? process.argv[i + 1] : undefined;
})();

const PROVINCES = ["浙江", "广东", "江苏", "上海", "北京", "四川", "湖北", "新疆"];

export async function benchOwner(database: Database): Promise<Actor> {
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
    role: "owner",
    departmentId: null,
    via: "session",
  };
}

/** `n` orders of one shop: paid over the last 5 days, some with promised times, some recipients repeating. */
export function specs(
  n: number,
  prefix: string,
  opts: { shippedEvery?: number; repeatEvery?: number } = {},
) {
  const now = Date.now();
  const out: QueueOrderSpec[] = [];
  for (let i = 0; i < n; i++) {
    const paid = now - ((i * 7919) % (5 * 24 * 3600)) * 1000;
    const shipped = opts.shippedEvery !== undefined && i % opts.shippedEvery === 0;
    const who = opts.repeatEvery !== undefined && i % opts.repeatEvery === 1 ? i - 1 : i;
    const province = PROVINCES[who % PROVINCES.length]!;
    out.push({
      no: `${prefix}${i}`,
      paidAt: new Date(paid).toISOString(),
      promisedShipAt: i % 3 === 0 ? new Date(paid + 36 * 3600_000).toISOString() : null,
      shippedAt: shipped ? new Date(paid + 3600_000).toISOString() : null,
      status: shipped ? "shipped" : "paid",
      buyerRef: `buyer${who}`,
      recipient: `收件人${who}`,
      phone: `138${String(who).padStart(8, "0")}`,
      province,
      city: `${province}市`,
      district: "中心区",
      address: `人民路 ${who % 997} 号`,
      buyerMemo: i % 50 === 0 ? "请用顺丰" : null,
      items: [
        {
          title: `商品 ${i % 300}`,
          sku: `SKU-${i % 300}`,
          quantity: 1 + (i % 3),
          unitPriceFen: 4990,
        },
        ...(i % 4 === 0 ? [{ title: "小礼品", sku: "GIFT", quantity: 1, unitPriceFen: 0 }] : []),
      ],
    });
  }
  return out;
}

/** Writes orders in bulk (the import's own fast path on SQLite). */
export async function writeOrders(
  database: Database,
  ws: string,
  shopId: string,
  platform: string,
  list: QueueOrderSpec[],
) {
  const repo = new OrderRepository(database.db, sqliteOf(database.db));
  for (let i = 0; i < list.length; i += 5000) {
    const { orders, items } = queueOrderRows(ws, shopId, platform, list.slice(i, i + 5000));
    await repo.insertOrders(orders);
    await repo.insertItems(items);
  }
}

async function shopsOf(database: Database, owner: Actor, n: number) {
  const { ShopService } = await import("../../src/modules/orders/shop.service.js");
  const shops = new ShopService({ db: database.db, clock: systemClock });
  const out: { id: string; platform: string }[] = [];
  const platforms = ["taobao", "pdd", "douyin", "jd", "shopify"];
  for (let i = 0; i < n; i++) {
    const platform = platforms[i % platforms.length]!;
    const s = await shops.create(owner, {
      name: `店铺${i}`,
      platform,
      shipWindowHours: [24, 48, 72][i % 3],
    });
    out.push({ id: s.id, platform });
  }
  return out;
}

const stats = (times: number[]) => {
  const t = [...times].sort((a, b) => a - b);
  const at = (p: number) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: t.at(-1)! };
};

async function timeIt(label: string, runs: number, fn: () => Promise<unknown>, goalMs?: number) {
  // Warm the statement cache and the pages the bulk load left cold (a live queue is read all day).
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const s = stats(times);
  const verdict =
    goalMs === undefined ? "" : s.p95 <= goalMs ? `  ✓ ≤ ${goalMs} ms` : `  ✗ goal ${goalMs} ms`;
  console.log(
    `  ${label.padEnd(34)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms${verdict}`,
  );
  return s;
}

async function queueBench(dialect: "sqlite" | "postgres", orders: number) {
  const { database, drop } = await freshDatabase(dialect, "queue");
  try {
    const owner = await benchOwner(database);
    const shops = await shopsOf(database, owner, 5);
    const t0 = performance.now();
    const per = Math.ceil(orders / shops.length);
    for (const [i, shop] of shops.entries())
      // one order in three shipped: `per` unshipped plus half as many shipped
      await writeOrders(
        database,
        owner.workspaceId,
        shop.id,
        shop.platform,
        specs(Math.ceil(per * 1.5), `S${i}-`, { shippedEvery: 3 }),
      );
    if (dialect === "postgres") await sql`analyze`.execute(database.db);
    console.log(
      `  ${dialect}: ${orders.toLocaleString("en-US")} unshipped orders written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const queue = new ShipQueueService({ db: database.db, clock: systemClock });
    const first = await queue.page(owner, {});
    if (first.items.length !== 50) throw new Error(`first page has ${first.items.length} orders`);
    const r = await timeIt(`${dialect} first page (50)`, 200, () => queue.page(owner, {}), 50);
    await timeIt(`${dialect} second page`, 50, () =>
      queue.page(owner, { cursor: first.nextCursor! }),
    );
    await timeIt(`${dialect} overdue only`, 50, () => queue.page(owner, { overdue: true }));
    await timeIt(`${dialect} one shop, one province`, 50, () =>
      queue.page(owner, { shopId: shops[1]!.id, province: "广东" }),
    );
    await timeIt(`${dialect} memo text (1 in 50)`, 20, () => queue.page(owner, { memo: "顺丰" }));
    await timeIt(`${dialect} summary counts`, 20, () => queue.summary(owner));
    return r;
  } finally {
    await drop();
  }
}

async function mergeBench(dialect: "sqlite" | "postgres", orders: number) {
  const { database, drop } = await freshDatabase(dialect, "queue");
  try {
    const owner = await benchOwner(database);
    const shops = await shopsOf(database, owner, 2);
    for (const [i, shop] of shops.entries())
      await writeOrders(
        database,
        owner.workspaceId,
        shop.id,
        shop.platform,
        specs(orders / shops.length, `M${i}-`, { repeatEvery: 5 }),
      );
    const queue = new ShipQueueService({ db: database.db, clock: systemClock });
    const r = await queue.proposals(owner, {});
    console.log(
      `  ${dialect}: ${r.considered.toLocaleString("en-US")} orders considered, ${r.items.length.toLocaleString("en-US")} proposals`,
    );
    return await timeIt(`${dialect} merge proposals`, 10, () => queue.proposals(owner, {}), 1000);
  } finally {
    await drop();
  }
}

export async function runQueueBench(_args: string[]): Promise<void> {
  const dialects: ("sqlite" | "postgres")[] = ["sqlite"];
  if (!process.argv.includes("--no-pg") && (await pgReachable())) dialects.push("postgres");
  else console.log("  (PostgreSQL not reachable or --no-pg: SQLite only)");
  if (!only || only === "queue") {
    console.log(
      `\nQueue, first page over ${arg("orders", 100_000).toLocaleString("en-US")} unshipped orders`,
    );
    for (const d of dialects) await queueBench(d, arg("orders", 100_000));
  }
  if (!only || only === "merge") {
    console.log(
      `\nMerge proposals over ${arg("merge", 20_000).toLocaleString("en-US")} unshipped orders`,
    );
    for (const d of dialects) await mergeBench(d, arg("merge", 20_000));
  }
  if (!only || only === "print") {
    const { printBench } = await import("./print.js");
    await printBench(arg("parcels", 2000), !process.argv.includes("--no-build"));
  }
}
