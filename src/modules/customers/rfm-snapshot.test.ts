// The stored RFM snapshot (docs/CUSTOMERS.md, "Stored RFM") on both databases: a customer page
// scores its customer against the stored cut-offs and centres, and that gives every customer of
// the shop the scores, segment and class the full computation gives them (the list computes the
// whole shop); the computation reports its progress to the end; an order import makes the stored
// snapshot out of date, so the next read counts the imported buyers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { OrderRepository } from "../orders/order.repository.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, frozenClock, services } from "../../../test/helpers/factories.js";
import { queueOrderRows, type QueueOrderSpec } from "../../../test/helpers/queue-orders.js";

const AS_OF = "2026-10-12";

/** 60 buyers with 1–4 paid orders over the 400 days before AS_OF (some outside the year). */
function orders(): QueueOrderSpec[] {
  const out: QueueOrderSpec[] = [];
  for (let b = 0; b < 60; b++)
    for (let k = 0; k <= b % 4; k++) {
      const daysAgo = (b * 37 + k * 101) % 400;
      const paid = new Date(Date.parse(`${AS_OF}T02:00:00Z`) - daysAgo * 86_400_000);
      out.push({
        no: `S${b}-${k}`,
        paidAt: paid.toISOString(),
        status: "completed",
        buyerRef: `buyer:b${b}`,
        totalFen: 1000 + ((b * 7919 + k * 131) % 90) * 500,
      });
    }
  return out;
}

for (const dialect of DIALECTS) {
  describe(`stored RFM snapshots on ${dialect}`, { timeout: 120_000 }, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-10-12T04:00:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    async function shop() {
      const ws = await buildWorkspace(s, { template: "ecommerce" });
      const sh = await s.shops.create(ws.owner, { name: "淘宝店", platform: "taobao" });
      const { orders: rows } = queueOrderRows(ws.owner.workspaceId, sh.id, "taobao", orders());
      await new OrderRepository(tdb.database.db).insertOrders(rows);
      return { owner: ws.owner, shopId: sh.id };
    }

    it("scores every customer on their page as the whole shop's computation does", async () => {
      const { owner, shopId } = await shop();
      const steps: [number, number][] = [];
      const rfm = await s.customers.rfm(owner, {
        shop: shopId,
        asOf: AS_OF,
        refresh: true,
        onProgress: (done, total) => steps.push([done, total]),
      });
      expect(rfm.customers).toBeGreaterThan(30);
      // The bar moves forward only and ends full.
      expect(steps.at(-1)).toEqual([1000, 1000]);
      for (let i = 1; i < steps.length; i++)
        expect(steps[i]![0]).toBeGreaterThanOrEqual(steps[i - 1]![0]);

      // The list scores the whole shop in one computation (no snapshot); each page reads the
      // stored cut-offs and scores one customer.
      const list = await s.customers.list(owner, { shop: shopId, asOf: AS_OF, limit: 200 });
      expect(list.total).toBe(60);
      const scored = list.items.filter((c) => c.segment !== null);
      expect(scored).toHaveLength(rfm.customers);
      expect(new Set(scored.map((c) => c.segment)).size).toBeGreaterThan(3);
      for (const c of list.items) {
        const page = await s.customers.get(owner, c.id, { asOf: AS_OF });
        if (c.segment === null) {
          expect(page.rfm, c.customerKey).toBeNull();
          continue;
        }
        expect(
          {
            r: page.rfm!.r.score,
            f: page.rfm!.f.score,
            m: page.rfm!.m.score,
            segment: page.rfm!.segment,
            cnClass: page.rfm!.cnClass,
          },
          c.customerKey,
        ).toEqual({ r: c.r, f: c.f, m: c.m, segment: c.segment, cnClass: c.cnClass });
        expect(page.rfm!.cutoffs).toEqual(rfm.cutoffs);
      }
    });

    it("reads the stored snapshot until an order import changes the shop, then computes again", async () => {
      const { owner, shopId } = await shop();
      const first = await s.customers.rfm(owner, { shop: shopId, asOf: AS_OF });
      let computed = false;
      const again = await s.customers.rfm(owner, {
        shop: shopId,
        asOf: AS_OF,
        onProgress: () => (computed = true),
      });
      expect(computed).toBe(false);
      expect(again).toEqual(first);

      const r = await s.imports.importFiles(owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const after = await s.customers.rfm(owner, {
        shop: shopId,
        asOf: AS_OF,
        onProgress: () => (computed = true),
      });
      expect(computed).toBe(true);
      // Taobao's two paying buyers (tb_小雨, tb_大海) are customers now.
      expect(after.customers).toBe(first.customers + 2);
    });
  });
}
