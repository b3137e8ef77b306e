// Orders imported before orders had keys keep their identity: Shopify orders take the Id their
// stored rows carry (so the same export imported again finds them), others keep their number,
// and roll-backs of the imports made before still find their orders.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { down, keyFromRaw, up } from "./2026-12-13-140-order-identity.js";

describe("the id in an order's stored rows", () => {
  it("is Shopify's Id or WooCommerce's Order ID, on whichever row has it", () => {
    expect(keyFromRaw("shopify", JSON.stringify([{ Name: "#1", Id: "55" }]))).toBe("55");
    expect(keyFromRaw("shopify", JSON.stringify([{ Name: "#1" }, { Name: "#1", Id: " 56" }]))).toBe(
      "56",
    );
    expect(keyFromRaw("woocommerce", JSON.stringify([{ "Order ID": "4401" }]))).toBe("4401");
    expect(keyFromRaw("woocommerce", JSON.stringify([{ order_id: "12" }]))).toBe("12");
    expect(keyFromRaw("taobao", JSON.stringify([{ 订单编号: "351" }]))).toBeNull();
    expect(keyFromRaw("shopify", "not json")).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describe(`the order identity migration on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("keys stored Shopify orders by their Id and others by their number; re-imports and roll-backs find them", async () => {
      const { owner } = await buildWorkspace(s);
      const shopify = await s.imports.importFiles(owner, { shopName: "Shopify" }, [
        { file: "orders_export_1.csv", bytes: fx.shopifyOrders() },
      ]);
      const taobao = await s.imports.importFiles(owner, { shopName: "TB" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
      ]);
      const db = tdb.database.db;
      // Back to the tables as they were before the migration: orders keyed by their number.
      await down(db as never);
      const keys = async (platform: string) =>
        (
          await sql<{ platformOrderId: string; orderKey: string }>`
            select platform_order_id, order_key from orders where platform = ${platform}`.execute(
            db,
          )
        ).rows
          .map((r) => [r.platformOrderId, r.orderKey])
          .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
      await expect(keys("shopify")).rejects.toThrow();
      const changes = async () =>
        (
          await sql<{ entityKey: string }>`
            select entity_key from order_import_changes
            where entity = 'order' and import_id = ${shopify.import!.id} order by entity_key`.execute(
            db,
          )
        ).rows.map((r) => r.entityKey);
      expect(await changes()).toEqual(["#1001", "#1002"]);
      // A third Shopify order stored (from another store's file) whose Id collides with #1001's.
      const [row] = (
        await sql<
          Record<string, unknown>
        >`select * from orders where platform_order_id = '#1002'`.execute(db)
      ).rows;
      await db
        .insertInto("orders")
        .values({
          ...row,
          id: "copy-of-1002",
          platformOrderId: "#2001",
          raw: JSON.stringify([{ Name: "#2001", Id: "5550001" }]),
        } as never)
        .execute();

      await up(db as never);
      expect(await keys("shopify")).toEqual([
        ["#1001", "#1001"],
        ["#1002", "5550002"],
        ["#2001", "#2001"],
      ]);
      const tb = await keys("taobao");
      expect(tb).toHaveLength(taobao.orders);
      for (const [number, key] of tb) expect(key).toBe(number);
      expect(await changes()).toEqual(["#1001", "5550002"]);

      // Without the collider, #1001 takes its Id too, and the same export is found again.
      await sql`delete from orders where id = ${"copy-of-1002"}`.execute(db);
      await down(db as never);
      await up(db as never);
      expect(await keys("shopify")).toEqual([
        ["#1001", "5550001"],
        ["#1002", "5550002"],
      ]);
      expect(await changes()).toEqual(["5550001", "5550002"]);
      const again = await s.imports.importFiles(owner, { shopName: "Shopify" }, [
        { file: "orders_export_1.csv", bytes: fx.shopifyOrders() },
      ]);
      expect(again).toMatchObject({ created: 0, updated: 0, skipped: 2 });
      const tbAgain = await s.imports.importFiles(owner, { shopName: "TB" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
      ]);
      expect(tbAgain).toMatchObject({ created: 0, skipped: taobao.orders });
      // The imports made before the migration roll back whole.
      await s.imports.rollback(owner, shopify.import!.id);
      await s.imports.rollback(owner, taobao.import!.id);
      const { rows } = await sql<{ n: number }>`select count(*) as n from orders`.execute(db);
      expect(Number(rows[0]!.n)).toBe(0);
    });
  });
}
