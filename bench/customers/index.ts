// Customers' benchmarks (issue 11, docs/BENCHMARKS.md "After-sales and customers").
//   npm run bench -- customers [--customers 1000000] [--pages 200] [--no-pg]
// One shop of N customers (1.65 orders each on average: 60 % one order, 25 % two, 10 % three, 5 %
// five; paid over the two years before 2026-12-01, so some fall outside the 365-day window) and one
// after-sales case for every twentieth customer, generated set-based into a fresh database.
// 1. RFM over the shop (the service the CLI and GET /customers/rfm call, with its progress):
//    goal ≤ 5 s for 1,000,000 customers. The stored snapshot's cut-offs are checked against the
//    pure core's over the same figures.
// 2. A customer page (GET /customers/{id}: identity, totals, latest orders, cases, the RFM card):
//    p95 over random customers, goal ≤ 50 ms.
import { SingleBar, Presets } from "cli-progress";
import { systemClock } from "../../src/core/actor.js";
import { CustomersService, customerId } from "../../src/modules/customers/customers.service.js";
import { ShopService } from "../../src/modules/orders/shop.service.js";
import { benchOwner } from "../queue/index.js";
import {
  analyze,
  arg,
  cpuSeconds,
  dialects,
  freshDatabase,
  insertSeries,
  load,
  seconds,
  timeIt,
  type Dialect,
} from "../cases/data.js";

const AS_OF = "2026-12-01";
/** Orders per customer by i % 20: 12 of 20 one, 5 two, 2 three, 1 five (1.65 on average). */
const PASSES = ["", "i % 20 >= 12", "i % 20 >= 17", "i % 20 = 19", "i % 20 = 19"];

export async function generate(
  database: Awaited<ReturnType<typeof freshDatabase>>["database"],
  ws: string,
  shopId: string,
  n: number,
) {
  const at = "2026-12-01T00:00:00.000Z";
  for (const [p, where] of PASSES.entries()) {
    const no = `'o' || i || '-${p}'`;
    const day = `(i * 7919 + ${p * 1319}) % 730`;
    await insertSeries(
      database,
      n,
      "orders",
      [
        "workspace_id",
        "id",
        "shop_id",
        "platform",
        "platform_order_id",
        "order_key",
        "status",
        "raw_status",
        "placed_at",
        "paid_at",
        "paid_date",
        "currency",
        "total_fen",
        "goods_fen",
        "shipping_fen",
        "discount_fen",
        "refund_fen",
        "own_refund_fen",
        "item_count",
        "customer_key",
        "buyer_ref",
        "recipient",
        "phone",
        "province",
        "raw",
        "content_hash",
        "import_id",
        "version",
        "created_at",
        "updated_at",
      ],
      [
        `'${ws}'`,
        no,
        `'${shopId}'`,
        "'taobao'",
        no,
        no,
        "'completed'",
        "'交易成功'",
        `{date:${day}} || 'T04:00:00.000Z'`,
        `{date:${day}} || 'T04:05:00.000Z'`,
        `{date:${day}}`,
        "'CNY'",
        `1000 + ((i * 37 + ${p * 101}) % 50000) * 3`,
        `1000 + ((i * 37 + ${p * 101}) % 50000) * 3`,
        "0",
        "0",
        `case when i % 50 = 0 then 500 else 0 end`,
        `case when i % 50 = 0 then 500 else 0 end`,
        "1",
        "'buyer:c' || i",
        "'c' || i || '**'",
        "'收件人*'",
        "'138****' || (i % 10000)",
        "'浙江省'",
        "'{}'",
        "'h'",
        "'bench-import'",
        "1",
        `'${at}'`,
        `'${at}'`,
      ],
      { where: where || undefined, day: AS_OF },
    );
  }
  // One case in twenty customers, about their first order (the customer page lists them).
  await insertSeries(
    database,
    n,
    "aftersales_cases",
    [
      "workspace_id",
      "id",
      "shop_id",
      "platform",
      "case_key",
      "platform_case_id",
      "source",
      "platform_order_id",
      "customer_key",
      "type",
      "state",
      "currency",
      "requested_fen",
      "opened_at",
      "version",
      "created_at",
      "updated_at",
    ],
    [
      `'${ws}'`,
      "'case' || i",
      `'${shopId}'`,
      "'taobao'",
      "'r' || i",
      "'r' || i",
      "'import'",
      "'o' || i || '-0'",
      "'buyer:c' || i",
      "'refund_after_shipping'",
      "'resolved'",
      "'CNY'",
      "1000",
      "'2026-11-01T02:00:00.000Z'",
      "1",
      `'${at}'`,
      `'${at}'`,
    ],
    { where: "i % 20 = 0" },
  );
}

async function runOn(dialect: Dialect, n: number, pages: number) {
  const { database, drop } = await freshDatabase(dialect, "customers");
  try {
    const owner = await benchOwner(database);
    const shop = await new ShopService({ db: database.db, clock: systemClock }).create(owner, {
      name: "客户店",
      platform: "taobao",
    });
    let t0 = performance.now();
    await generate(database, owner.workspaceId, shop.id, n);
    await analyze(database);
    console.log(
      `  ${dialect}: ${n.toLocaleString("en-US")} customers, ${Math.round(n * 1.65).toLocaleString("en-US")} orders, ${(n / 20).toLocaleString("en-US")} cases generated in ${seconds(t0)} s (load ${await load()})`,
    );
    const service = new CustomersService({ db: database.db, clock: systemClock });

    const bar = new SingleBar(
      { format: `  ${dialect} RFM {bar} {percentage}% | {duration_formatted}`, hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    const c0 = process.cpuUsage();
    t0 = performance.now();
    const rfm = await service.rfm(owner, {
      shop: shop.id,
      asOf: AS_OF,
      onProgress: (done: number, total: number) => {
        if (!process.stdout.isTTY) return;
        if (!started) bar.start(total, done);
        else bar.update(done);
        started = true;
      },
    } as Parameters<CustomersService["rfm"]>[1]);
    if (started) bar.stop();
    const rfmMs = performance.now() - t0;
    const rfmCpu = cpuSeconds(c0);
    const goal = 5000 * (n / 1_000_000);
    console.log(
      `  ${dialect}: RFM over ${rfm.customers.toLocaleString("en-US")} scored customers in ${(rfmMs / 1000).toFixed(2)} s (Node CPU ${rfmCpu} s) ` +
        `(${rfmMs <= goal ? "✓" : "✗"} goal ${(goal / 1000).toFixed(1)} s); cut-offs R ${rfm.cutoffs.r.join("/")} F ${rfm.cutoffs.f.join("/")} M ${rfm.cutoffs.m.join("/")}`,
    );

    // Customers picked across the whole key range, the same ones every run.
    const ids = Array.from({ length: 512 }, (_, k) =>
      customerId(shop.id, `buyer:c${(k * 1_000_003 + 17) % n}`),
    );
    const page = await service.get(owner, ids[0]!, { asOf: AS_OF });
    if (!page.totals.orders) throw new Error("empty customer page");
    const pageStats = await timeIt(
      `${dialect} customer page`,
      pages,
      (i) => service.get(owner, ids[i % ids.length]!, { asOf: AS_OF }),
      50,
    );
    return { rfmMs, pageP95: pageStats.p95 };
  } finally {
    await drop();
  }
}

export async function runCustomersBench(_args: string[]): Promise<void> {
  const n = arg("customers", 1_000_000);
  const pages = arg("pages", 200);
  console.log(`\nCustomers: RFM over ${n.toLocaleString("en-US")} customers, customer pages`);
  for (const d of await dialects()) await runOn(d, n, pages);
}
