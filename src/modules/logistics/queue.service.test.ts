// The 待发货 queue and merge proposals on both databases: what a packer sees, in what order, with
// which filters, and which orders are proposed to ship together and why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import { renderMessage, type Message } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { addQueueOrders } from "../../../test/helpers/queue-orders.js";

const NOW = "2026-12-01T01:00:00.000Z";
const kindOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return `${e.kind}:${e.coded?.code ?? ""}`;
    throw e;
  }
};

for (const dialect of DIALECTS) {
  describe(`the ship queue on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let owner: Actor;
    let ops: Actor;
    let packer: Actor;
    let shopA: string;
    let shopB: string;
    let ids: Map<string, string>;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      const team = await buildShopTeam(s);
      owner = team.owner;
      ops = team.people.find((p) => p.department === "运营" && p.name.endsWith("专员"))!.actor;
      packer = team.people.find((p) => p.department === "物流" && p.name.endsWith("专员"))!.actor;
      shopA = (await s.shops.create(owner, { name: "天猫店", platform: "taobao" })).id;
      shopB = (
        await s.shops.create(owner, { name: "拼多多店", platform: "pdd", shipWindowHours: 24 })
      ).id;
      const db = tdb.database.db;
      ids = await addQueueOrders(db, owner.workspaceId, shopA, "taobao", [
        // ship-by 11-30 10:00 (48 h window): overdue at NOW
        {
          no: "A1",
          paidAt: "2026-11-28T10:00:00.000Z",
          province: "浙江",
          provinceCode: "330000",
          buyerMemo: "请发顺丰",
          items: [{ title: "羽绒服", sku: "YRF-L", quantity: 1, unitPriceFen: 19900 }],
        },
        { no: "A2", paidAt: "2026-11-30T12:00:00.000Z", province: "广东", provinceCode: "440000" },
        // partly refunded: still ships
        { no: "A3", paidAt: "2026-11-29T23:00:00.000Z", refundFen: 100, sellerMemo: "加急" },
        // not in the queue
        {
          no: "A-shipped",
          paidAt: "2026-11-28T00:00:00.000Z",
          status: "shipped",
          shippedAt: "2026-11-29T00:00:00.000Z",
        },
        {
          no: "A-cancelled",
          paidAt: "2026-11-28T00:00:00.000Z",
          status: "cancelled",
          cancelledAt: "2026-11-28T01:00:00.000Z",
        },
        { no: "A-refunded", paidAt: "2026-11-28T00:00:00.000Z", refundFen: 4990 },
        { no: "A-unpaid", paidAt: "2026-11-28T00:00:00.000Z", status: "unpaid" },
      ]);
      const more = await addQueueOrders(db, owner.workspaceId, shopB, "pdd", [
        // promised 12-01 08:00 although paid later than B2
        {
          no: "B1",
          paidAt: "2026-11-30T20:00:00.000Z",
          promisedShipAt: "2026-12-01T08:00:00.000Z",
        },
        // ship-by = paid + 24 h = 12-01 03:00
        { no: "B2", paidAt: "2026-11-30T03:00:00.000Z" },
      ]);
      for (const [k, v] of more) ids.set(k, v);
    });
    afterAll(async () => tdb.cleanup());

    const numbers = (page: { items: { platformOrderId: string }[] }) =>
      page.items.map((i) => i.platformOrderId);

    it("lists what must ship, earliest ship-by first across shops, with the countdown", async () => {
      const page = await s.shipQueue.page(ops, {});
      expect(numbers(page)).toEqual(["A1", "B2", "B1", "A3", "A2"]);
      const a1 = page.items[0]!;
      expect(a1).toMatchObject({
        shopName: "天猫店",
        shipBy: "2026-11-30T10:00:00.000Z",
        promised: false,
        overdue: true,
        secondsLeft: -15 * 3600,
        buyerMemo: "请发顺丰",
        items: [{ title: "羽绒服", sku: "YRF-L", quantity: 1 }],
        parcels: [],
      });
      expect(page.items[2]).toMatchObject({
        platformOrderId: "B1",
        promised: true,
        overdue: false,
      });
      expect(page.items[1]).toMatchObject({
        shipBy: "2026-12-01T03:00:00.000Z",
        secondsLeft: 7200,
      });
    });

    it("pages by cursor without losing or repeating an order", async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = await s.shipQueue.page(owner, { limit: 2, cursor });
        seen.push(...numbers(page));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(["A1", "B2", "B1", "A3", "A2"]);
      expect(await kindOf(s.shipQueue.page(owner, { cursor: "not-a-cursor" }))).toBe(
        "invalid:logistics.queue.cursor_invalid",
      );
    });

    it("filters by shop, platform, province, SKU, memo and overdue", async () => {
      expect(numbers(await s.shipQueue.page(owner, { shopId: shopB }))).toEqual(["B2", "B1"]);
      expect(numbers(await s.shipQueue.page(owner, { platform: "taobao" }))).toEqual([
        "A1",
        "A3",
        "A2",
      ]);
      expect(numbers(await s.shipQueue.page(owner, { province: "浙江省" }))).toEqual(["A1"]);
      expect(numbers(await s.shipQueue.page(owner, { province: "粤" }))).toEqual(["A2"]);
      expect(numbers(await s.shipQueue.page(owner, { sku: "YRF" }))).toEqual(["A1"]);
      expect(numbers(await s.shipQueue.page(owner, { memo: "顺丰" }))).toEqual(["A1"]);
      expect(numbers(await s.shipQueue.page(owner, { memo: "加急" }))).toEqual(["A3"]);
      expect(numbers(await s.shipQueue.page(owner, { memo: "%" }))).toEqual([]);
      expect(numbers(await s.shipQueue.page(owner, { overdue: true }))).toEqual(["A1"]);
      expect(numbers(await s.shipQueue.page(owner, { overdue: false }))).toHaveLength(4);
      expect(await kindOf(s.shipQueue.page(owner, { province: "火星" }))).toBe(
        "invalid:logistics.queue.unknown_province",
      );
    });

    it("counts the queue per shop: overdue and due within 24 hours", async () => {
      const sum = await s.shipQueue.summary(ops);
      expect({ orders: sum.orders, overdue: sum.overdue, dueToday: sum.dueToday }).toEqual({
        orders: 5,
        overdue: 1,
        dueToday: 3,
      });
      expect(sum.shops.find((x) => x.id === shopB)).toMatchObject({ orders: 2, overdue: 0 });
      expect(sum.carriers.map((c) => c.code)).toContain("SF");
    });

    it("proposes merges for one shop's orders to the same recipient, and says why", async () => {
      const db = tdb.database.db;
      const ws = owner.workspaceId;
      const addr = {
        province: "浙江",
        city: "杭州市",
        district: "西湖区",
        address: "文三路 90 号",
      };
      const m = await addQueueOrders(db, ws, shopA, "taobao", [
        { no: "M1", paidAt: "2026-11-30T01:00:00.000Z", buyerRef: "tb_小明", ...addr },
        { no: "M2", paidAt: "2026-11-30T02:00:00.000Z", buyerRef: "tb_小明", ...addr },
        // the same buyer to another address: not with M1/M2
        {
          no: "M3",
          paidAt: "2026-11-30T02:00:00.000Z",
          buyerRef: "tb_小明",
          ...addr,
          address: "莫干山路 1 号",
        },
        // refunded in part: never proposed
        {
          no: "M4",
          paidAt: "2026-11-30T02:00:00.000Z",
          buyerRef: "tb_小明",
          ...addr,
          refundFen: 10,
        },
      ]);
      const masked = { recipient: "周*", phone: "1******6198", ...addr };
      const p = await addQueueOrders(db, ws, shopB, "pdd", [
        { no: "P1", paidAt: "2026-11-30T05:00:00.000Z", ...masked },
        { no: "P2", paidAt: "2026-11-30T04:00:00.000Z", ...masked },
        { no: "P3", paidAt: "2026-11-30T04:00:00.000Z", ...masked, phone: "1******0001" },
      ]);
      // the same masked recipient in the other shop: never merged across shops
      await addQueueOrders(db, ws, shopA, "taobao", [
        { no: "X1", paidAt: "2026-11-30T04:00:00.000Z", ...masked },
      ]);
      const r = await s.shipQueue.proposals(ops, {});
      const groups = r.items.map((g) => g.orders.map((o) => o.platformOrderId));
      expect(groups).toEqual([
        ["P2", "P1"],
        ["M1", "M2"],
      ]);
      const text = (m: Message) => renderMessage("zh-CN", m);
      expect(text(r.items[0]!.reason as Message)).toBe(
        "收件人、电话、地址相同：周*，1******6198（2 单）",
      );
      expect(text(r.items[1]!.reason as Message)).toBe("同一买家 tb_小明、同一地址（2 单）");
      expect(renderMessage("en", r.items[1]!.reason as Message)).toBe(
        "Same buyer tb_小明 and address (2 orders)",
      );
      // a 运营 member reads but does not pack; merging takes them out of the proposals
      expect(
        await kindOf(
          s.parcels.create(ops, { orderIds: [m.get("M1")!, m.get("M2")!], merge: true }),
        ),
      ).toBe("forbidden:logistics.pack_forbidden");
      await s.parcels.create(packer, { orderIds: [m.get("M1")!, m.get("M2")!], merge: true });
      const after = await s.shipQueue.proposals(ops, { shopId: shopA });
      expect(after.items).toEqual([]);
      expect(p.size).toBe(3);
    });
  });
}
