// Taobao's 订单报表 (ids written as ="…") streamed from disk, as the CLI reads a large one, stores
// exactly what the same file read whole stores: orders, line items and daily rollups.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { csvRecords } from "./csv-file.js";

/** The sample 订单报表 copied under new order ids until it spans several read chunks (64 KB). */
function bigTaobaoReport(copies: number): Buffer {
  const text = iconv.decode(Buffer.from(fx.taobaoOrders()), "gb18030");
  const [header, ...body] = text.split("\r\n").filter((l) => l !== "");
  const lines = [header!];
  for (let c = 1; c <= copies; c++)
    for (const l of body) lines.push(l.replace(/^="(\d+)"/, (_, id: string) => `="${id}${c}"`));
  return iconv.encode(lines.join("\r\n") + "\r\n", "gb18030");
}

for (const dialect of DIALECTS) {
  describe(`a streamed Taobao order report on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    const stored = async (workspaceId: string) => {
      const db = tdb.database.db;
      const orders = await db
        .selectFrom("orders")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .orderBy("orderKey")
        .execute();
      const items = await db
        .selectFrom("orderItems")
        .innerJoin("orders", "orders.id", "orderItems.orderId")
        .select(["orders.orderKey", "orderItems.lineNo", "orderItems.title", "orderItems.sku"])
        .select(["orderItems.quantity", "orderItems.unitPriceFen", "orderItems.totalFen"])
        .where("orderItems.workspaceId", "=", workspaceId)
        .orderBy("orders.orderKey")
        .orderBy("orderItems.lineNo")
        .execute();
      const days = await db
        .selectFrom("shopDailyStats")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .orderBy("date")
        .execute();
      const own = ["workspaceId", "id", "shopId", "importId", "createdAt", "updatedAt"];
      const strip = <T extends object>(r: T) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !own.includes(k)));
      return { orders: orders.map(strip), items, days: days.map(strip) };
    };

    it("stores the same orders, line items and daily figures as the file read whole", async () => {
      const bytes = bigTaobaoReport(400);
      expect(bytes.length).toBeGreaterThan(3 * 65536);
      const path = join(mkdtempSync(join(tmpdir(), "dayclear-taobao-")), "ExportOrderList.csv");
      writeFileSync(path, bytes);

      const a = await buildWorkspace(s);
      const whole = await s.imports.importFiles(
        a.owner,
        { shopName: "天猫店" },
        [{ file: "ExportOrderList.csv", bytes: new Uint8Array(bytes) }],
        { limits: { fileMax: 200 * 1048576 } },
      );
      const b = await buildWorkspace(s);
      const how = { encoding: "gb18030", delimiter: ",", equalsCells: true } as const;
      const streamed = await s.imports.importSources(b.owner, { shopName: "天猫店" }, [
        { file: "ExportOrderList.csv", records: csvRecords(path, how) },
      ]);
      expect(streamed).toMatchObject({
        orders: whole.orders,
        lineItems: whole.lineItems,
        created: whole.created,
        errors: [],
      });
      expect(streamed.orders).toBe(1600);
      const [x, y] = [await stored(a.workspaceId), await stored(b.workspaceId)];
      expect(y.orders).toHaveLength(1600);
      expect(y.orders[0]).toMatchObject({ platformOrderId: expect.stringMatching(/^\d+$/) });
      expect(y).toEqual(x);

      // Read by the worker thread (the CLI's files of 8 MB or more): the same again.
      const c = await buildWorkspace(s);
      await s.imports.importSources(c.owner, { shopName: "天猫店" }, [
        { file: "ExportOrderList.csv", path, how },
      ]);
      expect(await stored(c.workspaceId)).toEqual(x);
    }, 120_000);
  });
}
