// The repurchase rate from its rollup (shop_repeat_pairs) gives exactly what counting the range's
// orders per customer gives, on generated imports, re-imports that move orders between days and
// customers, and roll-backs (issue 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeText } from "../../core/orders/decode.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import { SHOPIFY_HEADERS } from "../../../test/fixtures/orders/build.js";
import { RepeatPairsRepository } from "./repeat-pairs.repository.js";
import { StatsRepository } from "./stats.repository.js";

/** A seeded generator, so a failure repeats. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

interface Gen {
  id: number;
  customer: number;
  day: number; // days after 2026-09-01; −1 unpaid
  hour: number;
}

const csvCell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const shopify = (orders: Gen[]) => {
  const row = (v: Partial<Record<string, string>>) =>
    SHOPIFY_HEADERS.map((k) => csvCell(v[k] ?? "")).join(",");
  const lines = orders.map((o) => {
    const paid =
      o.day < 0
        ? ""
        : `${new Date(Date.UTC(2026, 8, 1 + o.day, o.hour)).toISOString().slice(0, 19).replace("T", " ")} +0000`;
    return row({
      Name: `#${o.id}`,
      Id: String(9_000_000 + o.id),
      Email: `c${o.customer}@example.com`,
      "Financial Status": paid ? "paid" : "pending",
      "Paid at": paid,
      Currency: "USD",
      Subtotal: "20.00",
      Shipping: "0.00",
      Total: "20.00",
      "Discount Amount": "0.00",
      "Created at": "2026-08-31 10:00:00 +0000",
      "Lineitem quantity": "1",
      "Lineitem name": "Tee",
      "Lineitem price": "20.00",
      "Lineitem sku": "T-1",
    });
  });
  return encodeText([SHOPIFY_HEADERS.join(","), ...lines].join("\r\n") + "\r\n", "utf-8");
};

for (const dialect of DIALECTS) {
  describe(`the repurchase rollup on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("counts the customers and repeat customers of any range as a count of the orders does", async () => {
      const { owner, workspaceId } = await buildWorkspace(s);
      const rnd = random(13);
      const gen = (n: number, from: number): Gen[] =>
        Array.from({ length: n }, (_, i) => ({
          id: from + i,
          // A few heavy buyers, many occasional ones: several orders on one day too.
          customer: rnd() < 0.3 ? Math.floor(rnd() * 4) : Math.floor(rnd() * 60),
          day: rnd() < 0.05 ? -1 : Math.floor(rnd() * 61),
          hour: Math.floor(rnd() * 24),
        }));
      const a = gen(400, 1000);
      const b = gen(150, 5000);
      await s.imports.importFiles(owner, { shopName: "A" }, [{ file: "a.csv", bytes: shopify(a) }]);
      await s.imports.importFiles(owner, { shopName: "B" }, [{ file: "b.csv", bytes: shopify(b) }]);
      const shopIds = (await s.shops.list(owner)).items.map((x) => x.id);
      const stats = new StatsRepository(tdb.database.db);
      const ranges: [string, string][] = [];
      for (let i = 0; i < 40; i++) {
        const x = Math.floor(rnd() * 65) - 2;
        const y = x + Math.floor(rnd() * 30);
        const d = (k: number) => new Date(Date.UTC(2026, 8, 1 + k)).toISOString().slice(0, 10);
        ranges.push([d(x), d(y)]);
      }
      ranges.push(["2026-09-01", "2026-10-31"], ["2026-09-10", "2026-09-10"]);
      const agree = async () => {
        for (const ids of [shopIds, shopIds.slice(0, 1), shopIds.slice(1)])
          for (const [from, to] of ranges)
            expect([from, to, await stats.repeatCustomers(workspaceId, ids, from, to)]).toEqual([
              from,
              to,
              await stats.repeatCustomersByCount(workspaceId, ids, from, to),
            ]);
      };
      const rollupRows = () =>
        tdb.database.db
          .selectFrom("shopRepeatPairs")
          .select(["shopId", "lag", "earlierDate", "laterDate", "orders"])
          .where("workspaceId", "=", workspaceId)
          .orderBy("shopId")
          .orderBy("lag")
          .orderBy("earlierDate")
          .orderBy("laterDate")
          .execute();
      const sameAsRebuilt = async () => {
        const kept = await rollupRows();
        for (const id of shopIds)
          await new RepeatPairsRepository(tdb.database.db).rebuildShop(workspaceId, id);
        expect(kept).toEqual(await rollupRows());
      };
      await agree();
      const whole = await stats.repeatCustomersByCount(
        workspaceId,
        shopIds,
        "2026-09-01",
        "2026-10-31",
      );
      expect(whole.repeaters).toBeGreaterThan(20);
      const k = await s.kpis.compute(workspaceId, {
        from: "2026-09-01",
        to: "2026-10-31",
        repurchase: true,
      });
      expect(k.totals.customers).toBe(whole.customers);
      expect(k.totals.repurchaseRate).toBeCloseTo(whole.repeaters / whole.customers, 5);

      // A re-import moves orders to other days and other customers, pays some, adds new ones.
      const moved = a.map((o, i) =>
        i % 5 === 0
          ? { ...o, day: Math.floor(rnd() * 61) }
          : i % 7 === 0
            ? { ...o, customer: 99 }
            : o,
      );
      const again = await s.imports.importFiles(owner, { shopName: "A" }, [
        { file: "a2.csv", bytes: shopify([...moved, ...gen(50, 8000)]) },
      ]);
      expect(again.updated).toBeGreaterThan(50);
      await agree();
      await sameAsRebuilt();

      // Rolled back, the first import's counts come back.
      await s.imports.rollback(owner, again.import!.id);
      await agree();
      await sameAsRebuilt();
    });
  });
}
