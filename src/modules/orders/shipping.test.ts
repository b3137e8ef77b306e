// Ship-on-time rate on both databases: promised times from the exports, the shop's window
// otherwise, a window change taking effect at once, and goals bound to the rate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { outcomeKind } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import fc from "fast-check";
import { newId } from "../../core/ids.js";
import { shipOnTime } from "../../core/kpi/shipping.js";
import type { OrdersTable } from "../../db/schema.js";
import { OrderRepository } from "./order.repository.js";
import { StatsRepository } from "./stats.repository.js";

const f = (file: string, bytes: Uint8Array) => ({ file, bytes });

for (const dialect of DIALECTS) {
  describe(`ship-on-time rate on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-11-02T01:00:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    it("measures shipping against the promised time or the shop's window, and goals read it", async () => {
      const t = await buildShopTeam(s);
      await s.imports.importFiles(t.owner, { shopName: "天猫" }, [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      await s.imports.importFiles(t.owner, { shopName: "拼多多" }, [
        f("pdd_orders_export_202610.csv", fx.pddOrders()),
      ]);
      const pdd = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platform === "pdd" && o.paidAt,
      )!;
      expect(pdd.promisedShipAt).toBe("2026-10-05T04:00:00.000Z"); // 12:00 in Shanghai
      // Taobao: 901 shipped 24 h after payment, 902 after 9.5 h (48-hour window); 904 refunded before shipping; PDD shipped before its promise.
      expect(
        await s.shipping.compute(t.workspaceId, { from: "2026-10-01", to: "2026-10-31" }),
      ).toMatchObject({ due: 3, onTime: 3, late: 0, overdue: 0, rate: 1 });
      // A 12-hour dispatch window for the Taobao shop makes 901 late; PDD keeps its promised time.
      const tb = (await s.shops.list(t.owner)).items.find((x) => x.name === "天猫")!;
      expect(tb.shipWindowHours).toBe(48);
      await s.shops.update(t.owner, tb.id, { version: tb.version, shipWindowHours: 12 });
      const r = await s.shipping.compute(t.workspaceId, { from: "2026-10-01", to: "2026-10-31" });
      expect(r).toMatchObject({ due: 3, onTime: 2, late: 1, overdue: 0 });
      expect(r.rate).toBeCloseTo(2 / 3, 9);
      expect(
        await s.shipping.compute(t.workspaceId, {
          from: "2026-10-01",
          to: "2026-10-31",
          shopIds: [tb.id],
        }),
      ).toMatchObject({ due: 2, onTime: 1, rate: 0.5 });
      expect(
        await outcomeKind(
          s.shipping.compute(t.workspaceId, { from: "2026-10-31", to: "2026-10-01" }),
        ),
      ).toBe("invalid");
      expect(
        await outcomeKind(
          s.shipping.compute(t.workspaceId, {
            from: "2026-10-01",
            to: "2026-10-31",
            shopIds: ["nope"],
          }),
        ),
      ).toBe("invalid");

      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      const packer = t.people.find((p) => p.name === "物流专员")!;
      const goal = await s.goals.createGoal(t.owner, {
        cycleId: cycle.id,
        memberId: packer.memberId,
        title: "发货及时率",
        weight: 100,
        target: "98",
        metric: { kind: "kpi", kpi: "shipOnTimeRate" },
      });
      expect(goal).toMatchObject({ actual: "66.67", unit: "unit.percent", actualSource: "kpi" });
      expect(goal.achievement).toBeCloseTo(66.67 / 98, 4);
    });

    it("counts in the database exactly what the core definition counts", async () => {
      const t = await buildShopTeam(s);
      const NOW = Date.parse("2026-11-02T01:00:00.000Z"); // the services' frozen clock
      const order = fc.record({
        paidMin: fc.integer({ min: 0, max: 60 * 24 * 40 }), // paid within 40 days before the clock
        shippedAfterMin: fc.option(fc.integer({ min: 0, max: 60 * 24 * 5 }), { nil: null }),
        promisedAfterMin: fc.option(fc.integer({ min: 60, max: 60 * 24 * 4 }), { nil: null }),
        status: fc.constantFrom("paid", "shipped", "completed", "cancelled", "refunded"),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(order, { minLength: 1, maxLength: 25 }),
          fc.integer({ min: 1, max: 96 }),
          async (list, windowHours) => {
            const shop = await s.shops.create(t.owner, {
              name: `店${newId()}`,
              platform: "custom",
              shipWindowHours: windowHours,
            });
            const iso = (ms: number) => new Date(ms).toISOString();
            const rows: OrdersTable[] = list.map((o, i) => {
              const paid = NOW - o.paidMin * 60_000;
              return {
                workspaceId: t.workspaceId,
                id: newId(),
                shopId: shop.id,
                platform: "custom",
                platformOrderId: `P${i}`,
                orderKey: `P${i}`,
                status: o.status,
                rawStatus: o.status,
                placedAt: null,
                paidAt: iso(paid),
                paidDate: iso(paid).slice(0, 10),
                shippedAt:
                  o.shippedAfterMin === null ? null : iso(paid + o.shippedAfterMin * 60_000),
                completedAt: null,
                cancelledAt: null,
                currency: "CNY",
                totalFen: 100,
                goodsFen: 100,
                shippingFen: 0,
                discountFen: 0,
                refundFen: 0,
                ownRefundFen: 0,
                itemCount: 1,
                customerKey: null,
                buyerRef: null,
                buyerName: null,
                email: null,
                phone: null,
                recipient: null,
                country: null,
                province: null,
                provinceCode: null,
                city: null,
                district: null,
                address: null,
                zip: null,
                trackingNo: null,
                carrier: null,
                sellerMemo: null,
                salesRef: null,
                promisedShipAt:
                  o.promisedAfterMin === null ? null : iso(paid + o.promisedAfterMin * 60_000),
                ownerMemberId: null,
                ownerSource: null,
                raw: "[]",
                contentHash: "",
                importId: "test",
                version: 1,
                createdAt: iso(NOW),
                updatedAt: iso(NOW),
              };
            });
            await new OrderRepository(tdb.database.db).insertOrders(rows);
            await new StatsRepository(tdb.database.db).rebuildDays(t.workspaceId, shop.id, [
              ...new Set(rows.map((r) => r.paidDate!)),
            ]);
            const got = await s.shipping.compute(t.workspaceId, {
              from: "2026-09-01",
              to: "2026-11-30",
              shopIds: [shop.id],
            });
            const want = shipOnTime(
              rows.map((r) => ({
                paidAt: r.paidAt!,
                shippedAt: r.shippedAt,
                promisedShipAt: r.promisedShipAt,
                status: r.status,
                windowHours,
              })),
              NOW,
            );
            expect({
              due: got.due,
              onTime: got.onTime,
              late: got.late,
              overdue: got.overdue,
            }).toEqual({
              due: want.due,
              onTime: want.onTime,
              late: want.late,
              overdue: want.overdue,
            });
          },
        ),
        { numRuns: 25 },
      );
    });
  });
}
