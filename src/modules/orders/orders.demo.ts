// The demo shop's sales: three months of Taobao and Douyin orders ending today, with refunds and
// daily visitors, from a seeded generator (the same numbers for the same day), bulk-inserted. Each
// shop's orders arrive as what they are, one committed order import with the change records the
// after-sales order sync reads (each refund record, each order with one), so the demo's refunds
// become after-sales cases the way a real shop's do (the sync reads it in seedDemoAftersales).
import { seededRandom } from "../../core/seeded-random.js";
import { newId } from "../../core/ids.js";
import { PROVINCES } from "../../core/orders/provinces.js";
import { workspaceToday } from "../../core/calendar/today.js";
import type { Executor } from "../../db/database.js";
import type { OrderItemsTable, OrdersTable, RefundsTable } from "../../db/schema.js";
import { OrderRepository } from "./order.repository.js";
import { ShopRepository } from "./shop.repository.js";
import { StatsRepository } from "./stats.repository.js";
import { addDays } from "../../core/calendar/date.js";
import {
  attribute,
  normalizeRulePattern,
  type AttributionRule,
} from "../../core/orders/attribution.js";
import { AttributionRepository, memberNames } from "./attribution.repository.js";
import { holdDemoShipments } from "../logistics/logistics.demo.js";

const PRODUCTS = [
  { sku: "QD-001", title: "秋季法式连衣裙", fen: 19900 },
  { sku: "CS-002", title: "牛津纺长袖衬衫", fen: 15900 },
  { sku: "KZ-003", title: "直筒休闲裤", fen: 16900 },
  { sku: "WY-004", title: "羊毛针织开衫", fen: 29900 },
  { sku: "YRF-005", title: "轻薄羽绒服", fen: 45900 },
  { sku: "WJ-006", title: "羊绒围巾", fen: 8800 },
  { sku: "TX-007", title: "纯棉圆领T恤", fen: 5900 },
  { sku: "WZ-008", title: "保暖袜三双装", fen: 2990 },
  { sku: "MZ-009", title: "针织毛线帽", fen: 3900 },
];
const REASONS = [
  "尺码不合适",
  "不喜欢/效果不好",
  "质量问题",
  "七天无理由退货",
  "发错货",
  "物流太慢",
];
// Where the buyers are, roughly by population and online spending.
const PROVINCE_WEIGHTS: [string, number][] = [
  ["广东", 14],
  ["浙江", 10],
  ["江苏", 10],
  ["上海", 7],
  ["北京", 7],
  ["山东", 7],
  ["四川", 6],
  ["福建", 5],
  ["河南", 5],
  ["湖北", 5],
  ["湖南", 4],
  ["安徽", 4],
  ["河北", 4],
  ["陕西", 3],
  ["重庆", 3],
  ["辽宁", 3],
  ["广西", 2],
  ["云南", 2],
  ["天津", 2],
  ["江西", 2],
  ["新疆", 1],
  ["黑龙江", 1],
];

// Sales attribution: 客服 write their name in the seller's memo of the orders they closed; a 抖音
// 达人 brings orders that 黄雨桐 (社群运营) manages. The rules the demo shop starts with say so.
const DEMO_MEMOS: [string, number][] = [
  ["客服:刘婷", 0.4],
  ["客服:赵磊", 0.15],
  ["客服:王芳", 0.1],
];
const DEMO_CREATOR = "日清穿搭日记";
const DEMO_RULES: { kind: "memo" | "salesRef"; pattern: string; member: string }[] = [
  { kind: "memo", pattern: "刘婷", member: "刘婷" },
  { kind: "memo", pattern: "赵磊", member: "赵磊" },
  { kind: "memo", pattern: "王芳", member: "王芳" },
  { kind: "salesRef", pattern: DEMO_CREATOR, member: "黄雨桐" },
];

async function demoRules(
  trx: Executor,
  workspaceId: string,
  at: string,
): Promise<AttributionRule[]> {
  const members = [...(await memberNames(trx, workspaceId))].map(([id, name]) => ({ id, name }));
  const rules: AttributionRule[] = [];
  for (const [i, r] of DEMO_RULES.entries()) {
    const m = members.find((x) => x.name === r.member);
    if (!m) continue;
    const row = {
      workspaceId,
      id: newId(),
      kind: r.kind,
      pattern: normalizeRulePattern(r.kind, r.pattern),
      shopId: null,
      memberId: m.id,
      position: i + 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await new AttributionRepository(trx).insertRule(row);
    rules.push(row);
  }
  return rules;
}

export async function seedDemoOrders(
  trx: Executor,
  workspaceId: string,
  at: string,
): Promise<void> {
  const rules = await demoRules(trx, workspaceId, at);
  const today = workspaceToday(new Date(at), "Asia/Shanghai");
  const start = addDays(today, -91);
  const shops = [
    { platform: "taobao", name: "日清服饰 天猫旗舰店", base: 22, visitorsPerOrder: 38, seed: 11 },
    { platform: "douyin", name: "日清服饰 抖音小店", base: 14, visitorsPerOrder: 55, seed: 29 },
  ];
  const shopRepo = new ShopRepository(trx);
  const repo = new OrderRepository(trx);
  const stats = new StatsRepository(trx);
  const totalWeight = PROVINCE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (const s of shops) {
    const shopId = newId();
    const importId = newId();
    await shopRepo.create({
      workspaceId,
      id: shopId,
      platform: s.platform,
      name: s.name,
      currency: "CNY",
      customerIdentity: "buyer_id",
      shipWindowHours: 48,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    const rand = seededRandom(s.seed);
    const pickMemo = seededRandom(s.seed + 1000); // a separate stream: the orders' numbers stay what they were
    const orders: OrdersTable[] = [];
    const items: OrderItemsTable[] = [];
    const refunds: RefundsTable[] = [];
    const visitors: { date: string; visitors: number }[] = [];
    const buyers = Array.from(
      { length: 4000 },
      (_, i) => `${s.platform === "taobao" ? "tb" : "dy"}_buyer${String(i + 1).padStart(4, "0")}`,
    );
    let serial = 0;
    for (let d = start; d <= today; d = addDays(d, 1)) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      const weekend = dow === 0 || dow === 6 ? 1.25 : 1;
      const trend =
        1 +
        0.4 * ((Date.parse(d) - Date.parse(start)) / (Date.parse(today) - Date.parse(start) || 1));
      const promo = d.endsWith("-11") ? 2.2 : 1; // the 11th of each month is a small campaign day
      const n = Math.round(s.base * weekend * trend * promo * (0.8 + rand() * 0.4));
      visitors.push({
        date: d,
        visitors: Math.round(n * s.visitorsPerOrder * (0.9 + rand() * 0.2)),
      });
      for (let k = 0; k < n; k++) {
        serial++;
        const id = newId();
        const platformOrderId =
          s.platform === "taobao"
            ? `35153${String(Date.parse(d) / 1000).slice(0, 8)}${String(serial).padStart(6, "0")}`
            : `6917${String(Date.parse(d) / 1000).slice(0, 8)}${String(serial).padStart(7, "0")}`;
        const minutes = Math.floor(8 * 60 + rand() * 15.5 * 60);
        const paidAt = new Date(Date.parse(`${d}T00:00:00+08:00`) + minutes * 60_000).toISOString();
        const lines = rand() < 0.75 ? 1 : rand() < 0.8 ? 2 : 3;
        let goods = 0;
        let count = 0;
        for (let l = 1; l <= lines; l++) {
          const p = PRODUCTS[Math.floor(Math.pow(rand(), 1.6) * PRODUCTS.length)]!;
          const q = rand() < 0.85 ? 1 : 2;
          goods += p.fen * q;
          count += q;
          items.push({
            workspaceId,
            orderId: id,
            lineNo: l,
            subOrderId: null,
            title: p.title,
            sku: p.sku,
            productId: null,
            variant: null,
            quantity: q,
            unitPriceFen: p.fen,
            totalFen: p.fen * q,
          });
        }
        const discount = goods >= 30000 ? 3000 : rand() < 0.3 ? 500 : 0;
        const total = goods - discount;
        let r = rand() * totalWeight;
        let province = PROVINCE_WEIGHTS[0]![0];
        for (const [name, w] of PROVINCE_WEIGHTS) {
          r -= w;
          if (r <= 0) {
            province = name;
            break;
          }
        }
        const code = PROVINCES.find((p) => p.name === province)!.code;
        const age = (Date.parse(today) - Date.parse(d)) / 86_400_000;
        const refunded = rand() < (s.platform === "douyin" ? 0.09 : 0.05);
        const status = refunded ? "refunded" : age < 1 ? "paid" : age < 5 ? "shipped" : "completed";
        // Returning buyers: a small pool buys again now and then.
        const buyer =
          rand() < 0.15
            ? buyers[Math.floor(rand() * 150)]!
            : buyers[Math.floor(rand() * buyers.length)]!;
        let memo: string | null = null;
        let roll = pickMemo();
        for (const [text, share] of DEMO_MEMOS) {
          if (roll < share) {
            memo = text;
            break;
          }
          roll -= share;
        }
        const salesRef = s.platform === "douyin" && pickMemo() < 0.3 ? DEMO_CREATOR : null;
        const owner = attribute(rules, { shopId, sellerMemo: memo, salesRef, skus: [] });
        // The warehouse ships most orders the next morning; a few slip past the 48-hour window.
        const shipAfterHours = pickMemo() < 0.04 ? 56 : 20;
        const shippedAt =
          age >= 1 && Date.parse(paidAt) + shipAfterHours * 3600_000 <= Date.parse(at)
            ? new Date(Date.parse(paidAt) + shipAfterHours * 3600_000).toISOString()
            : null;
        orders.push({
          workspaceId,
          id,
          shopId,
          platform: s.platform,
          platformOrderId,
          orderKey: platformOrderId,
          status,
          rawStatus: {
            paid: "买家已付款，等待卖家发货",
            shipped: "卖家已发货，等待买家确认",
            completed: "交易成功",
            refunded: "交易关闭",
          }[status]!,
          placedAt: new Date(Date.parse(paidAt) - 60_000).toISOString(),
          paidAt,
          paidDate: d,
          shippedAt,
          completedAt:
            status === "completed"
              ? new Date(Date.parse(paidAt) + 5 * 86_400_000).toISOString()
              : null,
          cancelledAt: null,
          currency: "CNY",
          totalFen: total,
          goodsFen: goods,
          shippingFen: 0,
          discountFen: discount,
          refundFen: refunded ? total : 0,
          ownRefundFen: 0,
          itemCount: count,
          customerKey: `buyer:${buyer}`,
          buyerRef: buyer,
          buyerName: null,
          email: null,
          phone: `1${Math.floor(rand() * 9 + 3)}*******${String(Math.floor(rand() * 10000)).padStart(4, "0")}`,
          recipient: "*",
          country: "CN",
          province,
          provinceCode: code,
          city: null,
          district: null,
          address: `${province} ***`,
          zip: null,
          trackingNo: null,
          carrier: null,
          sellerMemo: memo,
          salesRef,
          promisedShipAt:
            s.platform === "douyin"
              ? new Date(Date.parse(paidAt) + 48 * 3600_000).toISOString()
              : null,
          ownerMemberId: owner?.memberId ?? null,
          ownerSource: owner ? "rule" : null,
          raw: "[]",
          contentHash: "demo",
          importId,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        if (refunded) {
          refunds.push({
            workspaceId,
            id: newId(),
            shopId,
            platformRefundId: `R${platformOrderId}`,
            platformOrderId,
            status: "succeeded",
            rawStatus: "退款成功",
            amountFen: total,
            reason: REASONS[Math.floor(Math.pow(rand(), 1.4) * REASONS.length)]!,
            kind: "退货退款",
            requestedAt: new Date(Date.parse(paidAt) + 2 * 86_400_000).toISOString(),
            completedAt: new Date(Date.parse(paidAt) + 4 * 86_400_000).toISOString(),
            raw: "{}",
            importId,
            createdAt: at,
            updatedAt: at,
          });
        }
      }
    }
    // Shipping in the warehouse's daily waves, and what is still to ship (logistics demo).
    holdDemoShipments(orders, {
      today,
      at,
      waveHour: s.platform === "taobao" ? 9 : 14,
      merge: s.platform === "taobao",
    });
    await repo.insertOrders(orders);
    await repo.insertItems(items);
    await repo.insertRefunds(refunds);
    await recordDemoImport(
      repo,
      { workspaceId, importId, shopId, platform: s.platform, at },
      {
        orders,
        items,
        refunds,
      },
    );
    await shopRepo.setVisitors(workspaceId, shopId, visitors, at);
    await stats.rebuildCustomers(workspaceId, shopId, [
      ...new Set(orders.map((o) => o.customerKey!)),
    ]);
    await stats.rebuildDays(
      workspaceId,
      shopId,
      visitors.map((v) => v.date),
    );
  }
}

/**
 * The shop's orders as one committed order import (format "demo", no files): what the after-sales
 * order sync reads — entity 'refund' for each refund record, entity 'order' for each order with
 * one (created by the import: no state before it).
 */
async function recordDemoImport(
  repo: OrderRepository,
  imp: { workspaceId: string; importId: string; shopId: string; platform: string; at: string },
  rows: { orders: OrdersTable[]; items: OrderItemsTable[]; refunds: RefundsTable[] },
): Promise<void> {
  const { workspaceId, importId, at } = imp;
  await repo.createImport({
    workspaceId,
    id: importId,
    shopId: imp.shopId,
    platform: imp.platform,
    format: "demo",
    files: "[]",
    status: "committed",
    orders: rows.orders.length,
    lineItems: rows.items.length,
    created: rows.orders.length,
    updated: 0,
    skipped: 0,
    refunds: rows.refunds.length,
    visitorDays: 0,
    warnings: "[]",
    createdBy: null,
    createdAt: at,
    rolledBackAt: null,
    rolledBackBy: null,
  });
  const refunded = new Set(rows.refunds.map((r) => r.platformOrderId));
  await repo.recordChanges([
    ...rows.orders
      .filter((o) => refunded.has(o.platformOrderId))
      .map((o) => ({
        workspaceId,
        importId,
        entity: "order" as const,
        entityKey: o.orderKey,
        before: null,
      })),
    ...rows.refunds.map((r) => ({
      workspaceId,
      importId,
      entity: "refund" as const,
      entityKey: r.platformRefundId,
      before: null,
    })),
  ]);
}
