// Imported waybills on both databases: the e-waybill software's GBK CSV and a carrier's XLSX in
// English, a layout read through a saved mapping, re-imports that update, dry runs, and refusals
// with row and column that store nothing (unknown orders and carriers, bad weights, a waybill on two
// orders, refunded and cancelled orders, a waybill another parcel holds, a parcel packed with another).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import { placedProblem } from "../../core/orders/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import {
  brokenSheet,
  carrierSheetEn,
  customSheet,
  ewaybillSheet,
  sheetCsv,
  sheetXlsx,
} from "../../../test/fixtures/logistics/build.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import type { TrackingImportRejected } from "./tracking.service.js";

const SHOP = "拼多多旗舰店";

for (const dialect of DIALECTS) {
  describe(`tracking imports on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-11-02T04:00:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await packTeam(s, tdb.database);
      const parcels = () =>
        tdb.database.db
          .selectFrom("parcels as p")
          .innerJoin("parcelOrders as po", (j) =>
            j.onRef("po.workspaceId", "=", "p.workspaceId").onRef("po.parcelId", "=", "p.id"),
          )
          .innerJoin("orders as o", (j) =>
            j.onRef("o.workspaceId", "=", "po.workspaceId").onRef("o.id", "=", "po.orderId"),
          )
          .innerJoin("carriers as c", (j) =>
            j.onRef("c.workspaceId", "=", "p.workspaceId").onRef("c.id", "=", "p.carrierId"),
          )
          .select([
            "o.platformOrderId as order",
            "c.code as carrier",
            "p.waybillNo",
            "p.weightG",
            "p.status",
            "p.waybillSource",
            "p.shippedAt",
          ])
          .where("p.workspaceId", "=", t.workspaceId)
          .orderBy("o.platformOrderId")
          .execute();
      return { ...t, parcels };
    };
    const rejected = async (p: Promise<unknown>) => {
      const e = await failure(p);
      if (!e) throw new Error("expected the import to be refused");
      return e as TrackingImportRejected;
    };

    it("imports the e-waybill software's GBK CSV: a parcel per order with carrier, waybill and weight, shipped", async () => {
      const t = await team();
      const r = await s.tracking.importFiles(t.packer, SHOP, [
        { file: "ewaybill-20261102.csv", bytes: sheetCsv(ewaybillSheet(), "gb18030") },
      ]);
      expect(r).toMatchObject({
        rows: 3,
        parcelsCreated: 3,
        updated: 3,
        unchanged: 0,
        errors: [],
        files: [{ file: "ewaybill-20261102.csv", encoding: "gb18030", rows: 3 }],
      });
      expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
        ["tracking.warning.unused_columns", { columns: ["收件人", "打印时间"] }],
      ]);
      expect(await t.parcels()).toEqual([
        {
          order: "261101-000000001",
          carrier: "ZTO",
          waybillNo: "ZT7100000001",
          weightG: 520,
          status: "shipped",
          waybillSource: "import",
          shippedAt: "2026-11-02T04:00:00.000Z",
        },
        {
          order: "261101-000000002",
          carrier: "SF",
          waybillNo: "SF1400000000002",
          weightG: 1200,
          status: "shipped",
          waybillSource: "import",
          shippedAt: "2026-11-02T04:00:00.000Z",
        },
        {
          order: "261101-000000003",
          carrier: "YTO",
          waybillNo: "YT8800000000003",
          weightG: null,
          status: "shipped",
          waybillSource: "import",
          shippedAt: "2026-11-02T04:00:00.000Z",
        },
      ]);
      // The platform's state stays the platform's: the orders are still paid until its next export.
      expect((await t.order("261101-000000001")).status).toBe("paid");
      const audit = await tdb.database.db
        .selectFrom("auditLog")
        .select("summary")
        .where("workspaceId", "=", t.workspaceId)
        .where("action", "=", "logistics.tracking.import")
        .execute();
      expect(audit).toHaveLength(1);
      expect(renderMessage("zh-CN", JSON.parse(audit[0]!.summary))).toBe(
        "物流专员 为 拼多多旗舰店 从 ewaybill-20261102.csv 导入了运单：3 行，新建 3 个包裹，更新 3 个",
      );
    });

    it("re-imports update (a carrier's XLSX in English), and the same file again changes nothing", async () => {
      const t = await team();
      const gbk = { file: "ewaybill-20261102.csv", bytes: sheetCsv(ewaybillSheet(), "gb18030") };
      await s.tracking.importFiles(t.packer, SHOP, [gbk]);
      const again = await s.tracking.importFiles(t.lead, SHOP, [gbk]);
      expect(again).toMatchObject({ rows: 3, parcelsCreated: 0, updated: 0, unchanged: 3 });
      const xlsx = await s.tracking.importFiles(t.lead, t.shop.id, [
        { file: "carrier-20261102.xlsx", bytes: await sheetXlsx(carrierSheetEn()) },
      ]);
      expect(xlsx).toMatchObject({
        rows: 2,
        parcelsCreated: 0,
        updated: 2,
        unchanged: 0,
        files: [{ encoding: "xlsx" }],
      });
      const rows = await t.parcels();
      expect(rows.map((p) => [p.order, p.weightG, p.shippedAt])).toEqual([
        ["261101-000000001", 500, "2026-11-02T04:00:00.000Z"],
        ["261101-000000002", 1250, "2026-11-02T04:00:00.000Z"],
        ["261101-000000003", null, "2026-11-02T04:00:00.000Z"],
      ]);
    });

    it("takes several files as one import: an order in two files with one waybill makes one parcel, the later file's weight", async () => {
      const t = await team();
      const r = await s.tracking.importFiles(t.packer, SHOP, [
        { file: "ewaybill-20261102.csv", bytes: sheetCsv(ewaybillSheet(), "gb18030") },
        { file: "carrier-20261102.xlsx", bytes: await sheetXlsx(carrierSheetEn()) },
      ]);
      expect(r).toMatchObject({ rows: 3, parcelsCreated: 3 });
      expect(r.warnings.filter((w) => w.code === "tracking.warning.in_other_file")).toHaveLength(2);
      expect((await t.parcels()).map((p) => [p.order, p.weightG])).toEqual([
        ["261101-000000001", 500],
        ["261101-000000002", 1250],
        ["261101-000000003", null],
      ]);
    });

    it("gives the waybill to the parcel the queue made, and reads another layout through a saved mapping", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000001");
      const file = { file: "tracking-custom.csv", bytes: sheetCsv(customSheet(), "utf-8") };
      const unmapped = await rejected(s.tracking.importFiles(t.packer, SHOP, [file]));
      expect(unmapped.summary.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [1, "订单号", "shop.column.required"],
        [1, "运单号", "shop.column.required"],
      ]);
      await s.tracking.mappings.create(t.packer, {
        kind: "tracking",
        name: "仓库导出",
        mapping: {
          columns: { order: "平台单号", carrier: "承运商", waybill: "单号", weight: "计费重" },
        },
      });
      const r = await s.tracking.importFiles(t.packer, SHOP, [file], { mapping: "仓库导出" });
      expect(r).toMatchObject({ rows: 2, parcelsCreated: 1, updated: 2 });
      expect((await t.parcelRow(id)).waybillNo).toBe("ZT7100000001");
      expect((await t.parcels()).map((p) => [p.order, p.carrier, p.weightG])).toEqual([
        ["261101-000000001", "ZTO", 600],
        ["261101-000000002", "SF", 1300],
      ]);
      const missing = await failure(
        s.tracking.importFiles(t.packer, SHOP, [file], { mapping: "没有" }),
      );
      expect(missing).toMatchObject({
        kind: "not_found",
        coded: { code: "tracking.mapping_not_found" },
      });
    });

    it("refuses a broken file with every problem's row and column, storing nothing", async () => {
      const t = await team();
      const e = await rejected(
        s.tracking.importFiles(t.packer, SHOP, [
          { file: "tracking-broken.csv", bytes: sheetCsv(brokenSheet(), "gb18030") },
        ]),
      );
      expect(e.kind).toBe("invalid");
      expect(e.summary.errors.map((p) => [p.row, p.column, p.code])).toEqual([
        [3, "订单号", "tracking.order_unknown"],
        [4, "快递单号", "tracking.cell.not_waybill"],
        [4, "物流公司", "tracking.cell.carrier_unknown"],
        [5, "重量", "tracking.cell.not_weight"],
        [6, "快递单号", "tracking.row.waybill_twice"],
        [7, "快递单号", "shop.cell.empty"],
      ]);
      expect(renderMessage("zh-CN", placedProblem(e.summary.errors[4]!))).toBe(
        "tracking-broken.csv 第 6 行：快递单号：运单 ZT7100000001 已在第 2 行用于订单 261101-000000001。",
      );
      expect(await t.parcels()).toEqual([]);
    });

    it("refuses refunded, cancelled and unpaid orders and a waybill another parcel holds; warns when the platform shows another waybill", async () => {
      const t = await team();
      const other = await t.parcel("261101-000000003");
      await s.packStation.scanWaybill(t.packer, { slip: other, waybill: "SF1400000000777" });
      const sheet = [
        ["订单号", "快递公司", "快递单号"],
        ["261101-000000004", "顺丰速运", "SF1400000000004"],
        ["261101-000000005", "顺丰速运", "SF1400000000005"],
        ["261101-000000007", "顺丰速运", "SF1400000000007"],
        ["261101-000000001", "顺丰速运", "SF1400000000777"],
        ["261101-000000003", "顺丰速运", "SF1400000000333"],
      ];
      const e = await rejected(
        s.tracking.importFiles(t.packer, SHOP, [
          { file: "t.csv", bytes: sheetCsv(sheet, "utf-8") },
        ]),
      );
      expect(e.summary.errors.map((p) => [p.row, p.column, p.code])).toEqual([
        [2, "订单号", "tracking.order_refunded"],
        [3, "订单号", "tracking.order_cancelled"],
        [4, "订单号", "tracking.order_unpaid"],
        [5, "快递单号", "tracking.waybill_used"],
        [6, "快递单号", "tracking.parcel_scanned_other"],
      ]);
      const shipped = [
        ["订单号", "快递公司", "快递单号"],
        ["261101-000000006", "中通快递", "ZT7100000066"],
      ];
      const r = await s.tracking.importFiles(t.packer, SHOP, [
        { file: "s.csv", bytes: sheetCsv(shipped, "utf-8") },
      ]);
      expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
        [
          "tracking.warning.platform_other",
          { row: 2, order: "261101-000000006", platform: "ZT7000000066", waybill: "ZT7100000066" },
        ],
      ]);
    });

    it("refuses an order split into parcels and a mapping whose column the file lacks", async () => {
      const t = await team();
      await t.parcel("261101-000000001");
      await t.parcel("261101-000000001");
      const e = await rejected(
        s.tracking.importFiles(t.packer, SHOP, [
          { file: "e.csv", bytes: sheetCsv(ewaybillSheet(), "gb18030") },
        ]),
      );
      expect(e.summary.errors.map((p) => [p.row, p.column, p.code, p.params.count])).toEqual([
        [2, "订单编号", "tracking.order_split", 2],
      ]);
      await s.tracking.mappings.create(t.lead, {
        kind: "tracking",
        name: "旧格式",
        mapping: { columns: { order: "单据号", waybill: "运单号" } },
      });
      const m = await rejected(
        s.tracking.importFiles(
          t.packer,
          SHOP,
          [{ file: "e.csv", bytes: sheetCsv(ewaybillSheet()) }],
          {
            mapping: "旧格式",
          },
        ),
      );
      expect(m.summary.errors.map((p) => [p.row, p.code, p.params.column])).toEqual([
        [1, "tracking.mapping_column_missing", "单据号"],
      ]);
      expect(await t.parcels()).toEqual([]);
    });

    it("checks without storing on a dry run; only the logistics people import", async () => {
      const t = await team();
      const file = { file: "ewaybill-20261102.csv", bytes: sheetCsv(ewaybillSheet(), "gb18030") };
      const dry = await s.tracking.importFiles(t.packer, SHOP, [file], { dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, rows: 3, parcelsCreated: 3, updated: 3 });
      expect(await t.parcels()).toEqual([]);
      const refused = await failure(s.tracking.importFiles(t.outsider, SHOP, [file]));
      expect(refused).toMatchObject({
        kind: "forbidden",
        coded: { code: "logistics.pack_forbidden" },
      });
      const mapping = await failure(
        s.tracking.mappings.create(t.outsider, {
          kind: "tracking",
          name: "x",
          mapping: { columns: { order: "a", waybill: "b" } },
        }),
      );
      expect(mapping?.kind).toBe("forbidden");
      expect(await t.parcels()).toEqual([]);
    });
  });
}
