import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildMember, buildWorkspace, services } from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { problemText } from "../../core/orders/index.js";
import { ImportRejected } from "./import.service.js";

const f = (file: string, bytes: Uint8Array) => ({ file, bytes });
const taobao = () => [
  f("ExportOrderList202610.csv", fx.taobaoOrders()),
  f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
];
const rejected = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportRejected) return e.summary;
    throw e;
  }
  throw new Error("expected the import to be refused");
};
const kind = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
};

for (const dialect of DIALECTS) {
  describe(`order imports and KPIs on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("imports the Taobao order report joined with its item report, creating the shop", async () => {
      const { owner } = await buildWorkspace(s);
      const r = await s.imports.importFiles(owner, { shopName: "天猫旗舰店" }, taobao());
      expect(r).toMatchObject({
        orders: 4,
        lineItems: 5,
        created: 4,
        updated: 0,
        skipped: 0,
        errors: [],
      });
      const shops = await s.shops.list(owner);
      expect(shops.items).toMatchObject([
        { name: "天猫旗舰店", platform: "taobao", currency: "CNY", orders: 4 },
      ]);
      const orders = await s.orders.list(owner, { limit: 50 });
      const o2 = orders.items.find((o) => o.platformOrderId === "3515313147329357902")!;
      expect(o2).toMatchObject({
        status: "shipped",
        rawStatus: "卖家已发货，等待买家确认",
        total: "1299.00",
        paidAt: "2026-10-01T15:30:00.000Z",
        paidDate: "2026-10-01",
        province: "广东",
        provinceCode: "440000",
        trackingNo: "YT9876543210",
        itemCount: 3,
      });
      expect(o2.items.map((i) => [i.title, i.quantity, i.unitPrice, i.total])).toEqual([
        ["牛津纺衬衫", 2, "399.00", "798.00"],
        ["直筒休闲裤", 1, "501.00", "501.00"],
      ]);
      const detail = await s.orders.get(owner, o2.id!);
      expect(detail.raw[0]!["订单编号"]).toBe("3515313147329357902");
    });

    it("computes KPIs that match the hand-computed numbers, by payment day in Shanghai time", async () => {
      const { owner, workspaceId } = await buildWorkspace(s);
      await s.imports.importFiles(owner, { shopName: "TB" }, [
        ...taobao(),
        f("visitors.csv", fx.visitorsCsv()),
      ]);
      const k = await s.kpis.compute(workspaceId, {
        from: "2026-10-01",
        to: "2026-10-02",
        granularity: "day",
        repurchase: true,
      });
      // Paid: 189.00 + 1299.00 (10-01) and 88.00 (paid 00:10 on 10-02 Shanghai = 10-01 16:10 UTC).
      expect(k.totals).toMatchObject({
        gmv: "1576.00",
        paidOrders: 3,
        aov: "525.33",
        refundedOrders: 1,
        refundAmount: "88.00",
        netGmv: "1488.00",
        visitors: 1500,
        items: 5,
      });
      expect(k.totals.refundRate).toBeCloseTo(1 / 3, 6);
      // Buyers per day: 10-01 tb_小雨, tb_大海; 10-02 tb_小雨 again → 3 ÷ 1,500 visitors.
      expect(k.totals.conversion).toBeCloseTo(3 / 1500, 6);
      expect(k.series.map((d) => [d.period, d.gmv, d.paidOrders])).toEqual([
        ["2026-10-01", "1488.00", 2],
        ["2026-10-02", "88.00", 1],
      ]);
      expect(k.totals).toMatchObject({ customers: 2, newCustomers: 2, returningCustomers: 0 });
      expect(k.totals.repurchaseRate).toBe(0.5);
      expect(k.currency).toBe("CNY");
      expect(k.previous).toMatchObject({
        from: "2026-09-29",
        to: "2026-09-30",
        totals: { paidOrders: 0, gmv: "0.00" },
      });
    });

    it("re-imports an overlapping file: updates changed orders, skips the rest, never duplicates", async () => {
      const { owner } = await buildWorkspace(s);
      await s.imports.importFiles(owner, { shopName: "TB" }, taobao());
      const again = await s.imports.importFiles(owner, { shopName: "TB" }, taobao());
      expect(again).toMatchObject({ orders: 4, created: 0, updated: 0, skipped: 4 });
      // The unpaid order was paid since: same id, new status. The order report alone (without the
      // item report) also changes the lines of the other orders, so they update too.
      const { encodeText, decodeBytes } = await import("../../core/orders/decode.js");
      const csv = decodeBytes(fx.taobaoOrders())
        .text.replace("等待买家付款", "买家已付款，等待卖家发货")
        .replace(/2026-10-02 08:00:00,,/, "2026-10-02 08:00:00,2026-10-02 08:05:00,");
      const r = await s.imports.importFiles(owner, { shopName: "TB" }, [
        ...taobao().slice(1),
        f("ExportOrderList-2.csv", encodeText(csv, "gb18030")),
      ]);
      expect(r).toMatchObject({ orders: 4, created: 0, updated: 1, skipped: 3 });
      const orders = await s.orders.list(owner, { limit: 50 });
      expect(orders.items).toHaveLength(4);
      expect(orders.items.find((o) => o.platformOrderId === "3515313147329357903")).toMatchObject({
        status: "paid",
        paidDate: "2026-10-02",
      });
    });

    it("refuses a broken file whole and reports row and column; nothing is stored", async () => {
      const { owner } = await buildWorkspace(s);
      const bad = await rejected(
        s.imports.importFiles(owner, { shopName: "PDD" }, [
          f("pdd_orders_export.csv", fx.pddOrders()),
          f("bad-money.csv", fx.BROKEN.badMoney()),
        ]),
      );
      expect(bad.errors).toEqual([
        {
          file: "bad-money.csv",
          row: 3,
          column: "用户实付金额(元)",
          code: "shop.cell.not_amount",
          params: { column: "用户实付金额(元)", value: "12.3.4" },
        },
      ]);
      expect(problemText("en", bad.errors[0]!)).toBe(
        "用户实付金额(元): “12.3.4” is not an amount.",
      );
      expect(problemText("zh-CN", bad.errors[0]!)).toBe("用户实付金额(元)：“12.3.4”不是金额。");
      expect((await s.shops.list(owner)).items).toHaveLength(0);
      const quotes = await rejected(
        s.imports.importFiles(owner, { shopName: "PDD" }, [f("q.csv", fx.BROKEN.brokenQuotes())]),
      );
      expect(quotes.errors[0]).toMatchObject({ row: 2, column: "订单号" });
      const missing = await rejected(
        s.imports.importFiles(owner, { shopName: "TB" }, [f("m.csv", fx.BROKEN.missingColumn())]),
      );
      expect(missing.errors[0]).toMatchObject({ row: 1, column: "买家实际支付金额" });
      for (const make of [
        fx.BROKEN.badDate,
        fx.BROKEN.duplicateRows,
        fx.BROKEN.empty,
        fx.BROKEN.binary,
      ]) {
        const r = await rejected(
          s.imports.importFiles(owner, { shopName: "X" }, [f("x.csv", make())]),
        );
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors[0]!.row).toBeGreaterThanOrEqual(1);
      }
      const wrongPlatform = await rejected(
        s.imports.importFiles(owner, { shopName: "X" }, [f("fxg.csv", fx.douyinOrders())], {
          format: "taobao",
        }),
      );
      expect(wrongPlatform.errors[0]).toMatchObject({
        code: "shop.import.other_format",
        params: { detected: { code: "shop.format.douyin-orders" } },
      });
      expect(problemText("en", wrongPlatform.errors[0]!)).toMatch(
        /^This looks like a Douyin shop orders file, not Taobao\/Tmall;/,
      );
      expect(problemText("zh-CN", wrongPlatform.errors[0]!)).toMatch(
        /^这看起来是抖店订单文件，而不是淘宝\/天猫的/,
      );
      expect((await s.orders.list(owner, { limit: 50 })).items).toHaveLength(0);
      // A Douyin file into an existing Taobao shop is refused too.
      await s.imports.importFiles(owner, { shopName: "TB" }, taobao());
      const intoTaobao = await rejected(
        s.imports.importFiles(owner, { shopName: "TB" }, [f("fxg.csv", fx.douyinOrders())]),
      );
      expect(intoTaobao.errors[0]).toMatchObject({
        code: "shop.import.shop_platform",
        params: { shop: "TB" },
      });
      expect(problemText("en", intoTaobao.errors[0]!)).toBe(
        "These are Douyin files, but the shop “TB” is a Taobao/Tmall shop.",
      );
      expect(problemText("zh-CN", intoTaobao.errors[0]!)).toBe(
        "这些是抖店的文件，但店铺“TB”是淘宝/天猫店铺。",
      );
    });

    it("imports every platform's fixture with its quirks", async () => {
      const { owner } = await buildWorkspace(s);
      const jd = await s.imports.importFiles(owner, { shopName: "JD" }, [
        f("jd.csv", fx.jdOrders()),
      ]);
      expect(jd).toMatchObject({ orders: 2, lineItems: 3, created: 2 });
      const pdd = await s.imports.importFiles(owner, { shopName: "PDD" }, [
        f("pdd.csv", fx.pddOrders()),
      ]);
      expect(pdd).toMatchObject({ orders: 2, created: 2 });
      const dy = await s.imports.importFiles(owner, { shopName: "DY" }, [
        f("fxg.csv", fx.douyinOrders()),
      ]);
      expect(dy).toMatchObject({ orders: 2, lineItems: 3 });
      const sh = await s.imports.importFiles(owner, { shopName: "Shopify" }, [
        f("orders_export_1.csv", fx.shopifyOrders()),
      ]);
      expect(sh).toMatchObject({ orders: 2, lineItems: 3 });
      const wc = await s.imports.importFiles(owner, { shopName: "Woo" }, [
        f("wc.csv", fx.woocommerceOrders()),
      ]);
      expect(wc).toMatchObject({ orders: 2, lineItems: 3 });
      const xl = await s.imports.importFiles(owner, { shopName: "TB" }, [
        f("tb.xlsx", await fx.taobaoOrdersXlsx()),
      ]);
      expect(xl).toMatchObject({ orders: 1, created: 1 });
      const all = (await s.orders.list(owner, { limit: 200 })).items;
      const jd1 = all.find((o) => o.platformOrderId === "280012345678")!;
      expect(jd1).toMatchObject({
        total: "356.00",
        province: "北京",
        provinceCode: "110000",
        status: "completed",
      });
      const dy1 = all.find((o) => o.platformOrderId === "6917541234567890001")!;
      expect(dy1).toMatchObject({
        total: "258.00",
        discount: "20.00",
        trackingNo: "SF123456789",
        carrier: "顺丰速运",
        province: "新疆",
        provinceCode: "650000",
        phone: "1******8888",
      });
      const sh1 = all.find((o) => o.platformOrderId === "#1001")!;
      expect(sh1).toMatchObject({
        total: "110.00",
        currency: "USD",
        zip: "75008",
        email: "ada@example.com",
        paidAt: "2026-10-05T19:08:25.000Z",
      });
      const tbx = all.find((o) => o.platformOrderId === "3515313147329359001")!;
      expect(tbx).toMatchObject({
        total: "120.00",
        paidAt: "2026-10-08T06:01:00.000Z",
        province: "江苏",
      });
      const shops = (await s.shops.list(owner)).items;
      expect(shops.find((x) => x.name === "Woo")).toMatchObject({
        platform: "woocommerce",
        currency: "EUR",
      });
      // All shops: those in the workspace's currency (CNY), the others named as left out; never summed across currencies.
      const allShops = await s.kpis.compute(owner.workspaceId, {
        from: "2026-10-01",
        to: "2026-10-31",
      });
      expect(allShops.currency).toBe("CNY");
      expect(allShops.excludedShopIds.sort()).toEqual(
        shops
          .filter((x) => x.currency !== "CNY")
          .map((x) => x.id)
          .sort(),
      );
      expect(
        await kind(
          s.kpis.compute(owner.workspaceId, {
            from: "2026-10-01",
            to: "2026-10-31",
            shopIds: shops.map((x) => x.id),
          }),
        ),
      ).toBe("invalid");
    });

    it("links refund exports to orders (CSV and XLSX) and rolls back imports in order", async () => {
      const { owner, workspaceId } = await buildWorkspace(s);
      await s.imports.importFiles(owner, { shopName: "TB" }, taobao());
      const refunds = await s.imports.importFiles(owner, { shopName: "TB" }, [
        f("refunds.csv", fx.taobaoRefunds()),
      ]);
      expect(refunds).toMatchObject({ refunds: 2, orders: 0 });
      let k = await s.kpis.compute(workspaceId, { from: "2026-10-01", to: "2026-10-02" });
      // 399.00 refunded on the 1,299.00 order; the 50.00 request is still pending.
      expect(k.totals).toMatchObject({ refundedOrders: 2, refundAmount: "487.00" });
      const o = (await s.orders.list(owner, { limit: 50 })).items.find(
        (x) => x.platformOrderId === "3515313147329357902",
      )!;
      expect(
        (await s.orders.get(owner, o.id!)).refunds.map((r) => [r.status, r.amount, r.reason]),
      ).toEqual([["succeeded", "399.00", "尺码不合适"]]);

      const history = await s.imports.history(owner, o.shopId!, { limit: 10 });
      expect(history.items.map((i) => i.status)).toEqual(["committed", "committed"]);
      const [refundImport, orderImport] = history.items;
      await s.imports.rollback(owner, refundImport!.id);
      k = await s.kpis.compute(workspaceId, { from: "2026-10-01", to: "2026-10-02" });
      expect(k.totals).toMatchObject({ refundedOrders: 1, refundAmount: "88.00" });
      await s.imports.rollback(owner, orderImport!.id);
      expect((await s.orders.list(owner, { limit: 50 })).items).toHaveLength(0);
      k = await s.kpis.compute(workspaceId, { from: "2026-10-01", to: "2026-10-02" });
      expect(k.totals).toMatchObject({ paidOrders: 0, gmv: "0.00" });
      expect(await kind(s.imports.rollback(owner, orderImport!.id))).toBe("conflict");

      await s.imports.importFiles(owner, { shopName: "PDD" }, [f("pdd.csv", fx.pddOrders())]);
      // An XLSX whose dimension record claims one cell is read by its rows all the same.
      const dir = join(import.meta.dirname, "../../../test/fixtures/orders/broken");
      const xr = await s.imports.importFiles(owner, { shopName: "PDD" }, [
        f("wrong-dimension.xlsx", new Uint8Array(readFileSync(join(dir, "wrong-dimension.xlsx")))),
      ]);
      expect(xr.refunds).toBe(1);
      const cut = await rejected(
        s.imports.importFiles(owner, { shopName: "PDD" }, [
          f("truncated.xlsx", new Uint8Array(readFileSync(join(dir, "truncated.xlsx")))),
        ]),
      );
      expect(cut.errors[0]).toMatchObject({
        row: 1,
        code: "upload.unreadable",
        params: { file: "truncated.xlsx" },
      });
      const same = await s.imports.importFiles(owner, { shopName: "PDD" }, [
        f("pdd-refunds.xlsx", await fx.pddRefundsXlsx()),
      ]);
      expect(same.refunds).toBe(1);
      const p = (await s.orders.list(owner, { limit: 50 })).items.find(
        (x) => x.platformOrderId === "251003-123456789",
      )!;
      expect(p.refund).toBe("71.80");
    });

    it("rolls back an update to the state before it", async () => {
      const { owner } = await buildWorkspace(s);
      await s.imports.importFiles(owner, { shopName: "PDD" }, [f("pdd.csv", fx.pddOrders())]);
      const { decodeBytes, encodeText } = await import("../../core/orders/decode.js");
      const shipped = decodeBytes(fx.pddOrders()).text.replace("已发货，待收货", "已签收");
      const r = await s.imports.importFiles(owner, { shopName: "PDD" }, [
        f("pdd2.csv", encodeText(shipped, "utf-8-bom")),
      ]);
      expect(r).toMatchObject({ updated: 1, skipped: 1 });
      const first = (await s.imports.history(owner, r.import!.shopId, { limit: 10 })).items[1]!;
      expect(await kind(s.imports.rollback(owner, first.id))).toBe("conflict");
      const find = async () =>
        (await s.orders.list(owner, { limit: 50 })).items.find(
          (x) => x.platformOrderId === "251003-123456789",
        )!;
      expect((await find()).status).toBe("completed");
      await s.imports.rollback(owner, r.import!.id);
      expect((await find()).status).toBe("shipped");
    });

    it("streams a large order export in batches, all or nothing", async () => {
      const { owner, workspaceId } = await buildWorkspace(s);
      async function* records(rows: string[][]) {
        for (const r of rows) yield r;
      }
      const header = [
        "Name",
        "Email",
        "Financial Status",
        "Paid at",
        "Currency",
        "Subtotal",
        "Total",
        "Created at",
        "Lineitem quantity",
        "Lineitem name",
        "Lineitem price",
        "Lineitem sku",
      ];
      const rows: string[][] = [header];
      for (let i = 1; i <= 2600; i++) {
        rows.push([
          `#${i}`,
          `b${i % 300}@example.com`,
          "paid",
          "2026-10-05 10:00:00 +0000",
          "USD",
          "20.00",
          "20.00",
          "2026-10-05 09:59:00 +0000",
          "1",
          "Mug",
          "12.00",
          "MUG",
        ]);
        rows.push([
          `#${i}`,
          `b${i % 300}@example.com`,
          "",
          "",
          "",
          "",
          "",
          "2026-10-05 09:59:00 +0000",
          "1",
          "Tea",
          "8.00",
          "TEA",
        ]);
      }
      const r = await s.imports.importStream(
        owner,
        { shopName: "Big Shopify" },
        "orders_export.csv",
        records(rows),
      );
      expect(r).toMatchObject({ orders: 2600, lineItems: 5200, created: 2600, errors: [] });
      const k = await s.kpis.compute(workspaceId, { from: "2026-10-05", to: "2026-10-05" });
      expect(k.excludedShopIds).toEqual([]);
      expect(k.totals).toMatchObject({
        paidOrders: 2600,
        gmv: "52000.00",
        items: 5200,
        buyers: 300,
      });
      const again = await s.imports.importStream(
        owner,
        { shopName: "Big Shopify" },
        "orders_export.csv",
        records(rows),
      );
      expect(again).toMatchObject({ created: 0, skipped: 2600 });
      // A bad amount near the end, after the first batches were written: nothing is stored.
      const bad = rows.map((x) => [...x]);
      bad[5001]![6] = "twenty";
      const other = await rejected(
        s.imports.importStream(owner, { shopName: "Another" }, "orders_export.csv", records(bad)),
      );
      expect(other.errors).toEqual([expect.objectContaining({ row: 5002, column: "Total" })]);
      expect((await s.shops.list(owner)).items.map((x) => x.name)).toEqual(["Big Shopify"]);
      const apart = [
        ...rows.slice(0, 5),
        ...rows.slice(5, 4500),
        rows[1]!.map((c, j) => (j === 10 ? "9.00" : c)),
      ];
      const split = await rejected(
        s.imports.importStream(owner, { shopName: "Another" }, "orders_export.csv", records(apart)),
      );
      expect(split.errors[0]).toMatchObject({
        code: "shop.order.apart",
        params: { order: "#1", row: 4501 },
      });
      expect(problemText("zh-CN", split.errors[0]!)).toMatch(/^订单 #1 在第 4501 行再次出现/);
      // A row repeated exactly, thousands of rows later (the reader keeps a fingerprint per row).
      const twice = await rejected(
        s.imports.importStream(
          owner,
          { shopName: "Another" },
          "orders_export.csv",
          records([...rows.slice(0, 4500), rows[3]!]),
        ),
      );
      expect(twice.errors[0]).toMatchObject({
        code: "shop.row.duplicate",
        params: { row: 4501, first: 4 },
      });
    });

    it("uses a saved column mapping for any file, and lets only the owner and 运营 leads import", async () => {
      const { owner } = await buildWorkspace(s, { template: "ecommerce" });
      const shop = await s.shops.create(owner, { name: "Own site", platform: "custom" });
      await s.shops.createMapping(owner, shop.id, {
        name: "erp",
        mapping: {
          fields: {
            orderId: "单号",
            orderTotal: "金额",
            paidAt: "付款时间",
            itemTitle: "商品",
            itemQuantity: "数量",
            status: "状态",
          },
          statuses: { 好了: "completed" },
        },
      });
      const { encodeText } = await import("../../core/orders/decode.js");
      const file = encodeText(
        '单号,金额,付款时间,商品,数量,状态\nE1,"1,000.50",2026/10/3 9:00,茶叶,2,好了\n',
        "gb18030",
      );
      const r = await s.imports.importFiles(owner, { shopId: shop.id }, [f("erp.csv", file)], {
        format: "mapping:erp",
      });
      expect(r).toMatchObject({ created: 1 });
      const o = (await s.orders.list(owner, { limit: 50, shopId: shop.id })).items[0]!;
      expect(o).toMatchObject({
        total: "1000.50",
        status: "completed",
        paidAt: "2026-10-03T01:00:00.000Z",
      });

      const deps = await s.departments.list(owner);
      const ops = deps.find((d) => d.name === "运营")!;
      const cs = deps.find((d) => d.name === "客服")!;
      const opsLead = await buildMember(s, owner, {
        name: "林可",
        role: "lead",
        departmentId: ops.id,
      });
      await s.departments.update(owner, ops.id, {
        version: ops.version,
        leadMemberId: opsLead.member.id,
      });
      const csLead = await buildMember(s, owner, {
        name: "王芳",
        role: "lead",
        departmentId: cs.id,
      });
      await s.departments.update(owner, cs.id, {
        version: cs.version,
        leadMemberId: csLead.member.id,
      });
      const member = await buildMember(s, owner, { name: "刘婷", departmentId: cs.id });
      expect(
        await kind(
          s.imports.importFiles(opsLead.actor, { shopId: shop.id }, [f("erp.csv", file)], {
            format: "mapping:erp",
          }),
        ),
      ).toBe("ok");
      expect(
        await kind(
          s.imports.importFiles(csLead.actor, { shopId: shop.id }, [f("erp.csv", file)], {
            format: "mapping:erp",
          }),
        ),
      ).toBe("forbidden");
      expect(
        await kind(
          s.imports.importFiles(member.actor, { shopId: shop.id }, [f("erp.csv", file)], {
            format: "mapping:erp",
          }),
        ),
      ).toBe("forbidden");
      expect(await kind(s.kpis.get(member.actor, { from: "2026-10-01", to: "2026-10-31" }))).toBe(
        "ok",
      );
      expect(await kind(s.orders.list(member.actor, { limit: 5 }))).toBe("ok");
    });
  });
}
