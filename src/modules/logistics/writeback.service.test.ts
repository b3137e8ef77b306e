// Write-back files on both databases: each platform's layout and encoding (Pinduoduo XLSX, Taobao
// GBK CSV, Shopify and WooCommerce UTF-8 CSV) with the carrier as that platform names it, a shop's
// template renaming columns, the parcels marked exported, the refusals (nothing shipped, a range too
// long, a template by someone who may not manage), and the check of the platform's next export.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { PACK_DAY, pddExport } from "../../../test/fixtures/logistics/build.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { readXlsxRecords } from "../orders/xlsx-reader.js";

const SHOP = "拼多多旗舰店";
const DAY = { from: "2026-11-02", to: "2026-11-02" };
const csvRows = (text: string) =>
  text
    .trim()
    .split("\r\n")
    .map((l) => l.split(","));

for (const dialect of DIALECTS) {
  describe(`write-back files on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T02:15:00.000Z");
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    /** Orders 1 and 2 packed at the pack station (ZTO and SF), order 3 shipped by an imported waybill. */
    async function shippedDay() {
      clock.set("2026-11-02T02:15:00.000Z");
      const t = await packTeam(s, tdb.database);
      const a = await t.parcel("261101-000000001");
      const b = await t.parcel("261101-000000002");
      await s.packStation.scanWaybill(t.packer, {
        slip: a,
        waybill: "ZT7100000001",
        carrierCode: "ZTO",
      });
      await s.packStation.scanWaybill(t.packer, { slip: b, waybill: "SF1400000000002" });
      await s.packStation.typeWaybill(t.lead, await t.parcel("261101-000000003"), {
        waybill: "YT8800000000003",
        carrierCode: "YTO",
      });
      return { ...t, a, b };
    }

    it("writes Pinduoduo's XLSX: order number, carrier as Pinduoduo names it, waybill; parcels marked exported", async () => {
      const t = await shippedDay();
      const { file, rendered } = await s.writeback.create(t.packer, {
        shop: SHOP,
        platform: "pdd",
        ...DAY,
      });
      expect(file).toMatchObject({
        platform: "pdd",
        format: "xlsx",
        lines: 3,
        from: "2026-11-02",
        to: "2026-11-02",
      });
      expect(rendered.fileName).toMatch(/^pdd-批量发货-20261102-\w{6}\.xlsx$/);
      expect(await readXlsxRecords(rendered.bytes)).toEqual([
        ["订单号", "快递公司", "快递单号"],
        ["261101-000000001", "中通快递", "ZT7100000001"],
        ["261101-000000002", "顺丰快递", "SF1400000000002"],
        ["261101-000000003", "圆通快递", "YT8800000000003"],
      ]);
      const exported = await tdb.database.db
        .selectFrom("parcels")
        .select(["exportedAt"])
        .where("workspaceId", "=", t.workspaceId)
        .execute();
      expect(exported.map((p) => p.exportedAt)).toEqual(Array(3).fill("2026-11-02T02:15:00.000Z"));
      // Downloaded again later: the same bytes' content.
      const again = await s.writeback.download(t.lead, file.id);
      expect(await readXlsxRecords(again.bytes)).toEqual(await readXlsxRecords(rendered.bytes));
      expect((await s.writeback.list(t.outsider, { limit: 10 })).map((f) => f.id)).toEqual([
        file.id,
      ]);
    });

    it("writes Taobao's GBK CSV, Shopify's and WooCommerce's UTF-8 CSV in their columns", async () => {
      const t = await shippedDay();
      const tb = await s.writeback.create(t.packer, { shop: SHOP, platform: "taobao", ...DAY });
      expect(tb.file.format).toBe("csv-gbk");
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(tb.rendered.bytes)).toThrow();
      expect(csvRows(iconv.decode(Buffer.from(tb.rendered.bytes), "gb18030"))).toEqual([
        ["订单编号", "物流公司", "运单号"],
        ["261101-000000001", "中通快递", "ZT7100000001"],
        ["261101-000000002", "顺丰速运", "SF1400000000002"],
        ["261101-000000003", "圆通速递", "YT8800000000003"],
      ]);
      const sh = await s.writeback.create(t.packer, { shop: SHOP, platform: "shopify", ...DAY });
      expect(csvRows(new TextDecoder().decode(sh.rendered.bytes)).slice(0, 2)).toEqual([
        [
          "Name",
          "Command",
          "Fulfillment: Status",
          "Fulfillment: Tracking Company",
          "Fulfillment: Tracking Number",
          "Fulfillment: Send Receipt",
        ],
        ["261101-000000001", "UPDATE", "success", "ZTO Express", "ZT7100000001", "FALSE"],
      ]);
      const wc = await s.writeback.create(t.packer, {
        shop: SHOP,
        platform: "woocommerce",
        ...DAY,
      });
      expect(csvRows(new TextDecoder().decode(wc.rendered.bytes)).slice(0, 2)).toEqual([
        ["order_id", "tracking_provider", "tracking_number", "date_shipped", "status_shipped"],
        ["261101-000000001", "ZTO Express", "ZT7100000001", "02-11-2026", "1"],
      ]);
    });

    it("names a WooCommerce order by its order ID (what the tracking plugins look it up by), not its number", async () => {
      const t = await shippedDay();
      const header =
        "order_id,order_number,date,status,shipping_total,order_total,order_currency,paid_date,billing_email,shipping_first_name,shipping_city,shipping_country,line_item_1";
      const row =
        '4711,WC-1001,2026-11-01 10:00:00,processing,5.00,65.00,EUR,2026-11-01 10:01:00,max@example.de,Max,Berlin,DE,"name:Shirt|product_id:12|sku:S-1|quantity:1|total:60.00"';
      const r = await s.imports.importFiles(t.owner, { shopName: "Woo店" }, [
        { file: "woo-orders.csv", bytes: new TextEncoder().encode(`${header}\r\n${row}\r\n`) },
      ]);
      expect(r.errors).toEqual([]);
      const shipped = await s.packStation.scanWaybill(t.packer, {
        slip: "WC-1001",
        waybill: "73100000004711",
        carrierCode: "ZTO",
      });
      expect(shipped.outcome).toBe("ok");
      const wc = await s.writeback.create(t.packer, {
        shop: "Woo店",
        platform: "woocommerce",
        ...DAY,
      });
      expect(csvRows(new TextDecoder().decode(wc.rendered.bytes))[1]).toEqual([
        "4711",
        "ZTO Express",
        "73100000004711",
        "02-11-2026",
        "1",
      ]);
    });

    it("takes the shop's template (columns renamed, another format); only a lead holding logistics saves one", async () => {
      const t = await shippedDay();
      const body = {
        kind: "writeback" as const,
        name: "拼多多新模板",
        shopId: t.shop.id,
        platform: "pdd" as const,
        mapping: { headers: { order: "订单编号", waybill: "运单号" }, format: "csv-gbk" as const },
      };
      expect((await failure(s.tracking.mappings.create(t.packer, body)))?.kind).toBe("forbidden");
      await s.tracking.mappings.create(t.lead, body);
      const { rendered, file } = await s.writeback.create(t.packer, {
        shop: SHOP,
        platform: "pdd",
        ...DAY,
      });
      expect(file.format).toBe("csv-gbk");
      expect(csvRows(iconv.decode(Buffer.from(rendered.bytes), "gb18030"))[0]).toEqual([
        "订单编号",
        "快递公司",
        "运单号",
      ]);
      const bad = await failure(
        s.tracking.mappings.create(t.lead, {
          ...body,
          name: "坏",
          mapping: { headers: { foo: "x" } },
        } as never),
      );
      expect(bad?.fields.map((f) => [f.field, f.code])).toEqual([
        ["mapping.headers.foo", "field.unknown"],
      ]);
    });

    it("refuses a range with nothing shipped, a range too long, and no scope", async () => {
      const t = await shippedDay();
      const none = await failure(
        s.writeback.create(t.packer, {
          shop: SHOP,
          platform: "jd",
          from: "2026-10-01",
          to: "2026-10-31",
        }),
      );
      expect(none).toMatchObject({ kind: "invalid", coded: { code: "writeback.nothing" } });
      expect(renderMessage("zh-CN", none!.coded!)).toBe(
        "拼多多旗舰店 在 2026-10-01 至 2026-10-31 没有带运单号的已发货包裹：没有可回传的内容。",
      );
      const long = await failure(
        s.writeback.create(t.packer, {
          shop: SHOP,
          platform: "jd",
          from: "2026-01-01",
          to: "2026-11-02",
        }),
      );
      expect(long?.fields[0]).toMatchObject({ field: "to", code: "range.too_long" });
      const scope = await failure(s.writeback.create(t.packer, { shop: SHOP, platform: "jd" }));
      expect(scope?.fields[0]).toMatchObject({ code: "writeback.scope_required" });
      const outsider = await failure(
        s.writeback.create(t.outsider, { shop: SHOP, platform: "jd", ...DAY }),
      );
      expect(outsider?.kind).toBe("forbidden");
      const lines = await tdb.database.db
        .selectFrom("writebackFiles")
        .select("id")
        .where("workspaceId", "=", t.workspaceId)
        .execute();
      expect(lines).toEqual([]);
    });

    it("checks the platform's next export against what was sent, listing each mismatch", async () => {
      const t = await shippedDay();
      await s.writeback.create(t.packer, { shop: SHOP, platform: "pdd", ...DAY });
      const before = await s.writeback.check(t.packer, SHOP);
      expect(before).toMatchObject({ orders: 3, agree: 0, pending: 3, mismatches: [] });
      clock.set("2026-11-02T08:00:00.000Z");
      const next = PACK_DAY.map((o) =>
        o.no === "261101-000000001"
          ? { ...o, status: "已发货，待收货", tracking: "ZT7100000001", carrier: "中通快递" }
          : o.no === "261101-000000003"
            ? { ...o, status: "已发货，待收货", tracking: "YT8800000009999", carrier: "圆通快递" }
            : o,
      );
      await s.imports.importFiles(t.owner, { shopName: SHOP }, [
        { file: "pdd-orders-20261102.csv", bytes: pddExport(next) },
      ]);
      const after = await s.writeback.check(t.outsider, SHOP);
      expect(after).toMatchObject({
        orders: 3,
        agree: 1,
        pending: 0,
        lastImportAt: "2026-11-02T08:00:00.000Z",
      });
      expect(
        after.mismatches.map((m) => [
          m.platformOrderId,
          m.reason.code,
          m.sent.waybills,
          m.platform.trackingNo,
          m.platform.status,
        ]),
      ).toEqual([
        ["261101-000000002", "writeback.check.not_shipped", ["SF1400000000002"], null, "paid"],
        [
          "261101-000000003",
          "writeback.check.other_waybill",
          ["YT8800000000003"],
          "YT8800000009999",
          "shipped",
        ],
      ]);
      expect(renderMessage("zh-CN", after.mismatches[1]!.reason)).toBe(
        "订单 261101-000000003：我们回传了 YT8800000000003，平台显示 YT8800000009999。",
      );
    });
  });
}
