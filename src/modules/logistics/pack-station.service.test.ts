// The pack station on both databases: the happy path (slip, then waybill: the parcel shipped with
// carrier, weight, packer and time; the order's own state untouched), and every refusal that stops
// the packer — refunded in full, cancelled, unpaid, shipped on the platform, packed already, the
// wrong parcel (a waybill of another parcel, another parcel's slip, a pre-assigned waybill that
// differs), an unknown code — each writing nothing but its scan event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { PACK_DAY, pddExport, sheetCsv } from "../../../test/fixtures/logistics/build.js";
import { CarrierRepository } from "./carriers.repository.js";

for (const dialect of DIALECTS) {
  describe(`pack station on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T02:15:00.000Z");
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());
    const team = () => packTeam(s, tdb.database);

    it("ships a parcel: slip, then waybill; carrier, weight, packer and time on the parcel, the order untouched", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000001");
      const slip = await s.packStation.scanSlip(t.packer, id);
      expect(slip).toMatchObject({
        step: "slip",
        outcome: "ok",
        stop: false,
        message: {
          code: "scan.slip_ok",
          params: { orders: ["261101-000000001"], recipient: "李*" },
        },
        parcel: {
          id,
          status: "open",
          orders: [{ platformOrderId: "261101-000000001", status: "paid" }],
          lines: [{ title: "纯棉T恤", sku: "TX-W-XL", quantity: 1 }],
        },
      });
      const shipped = await s.packStation.scanWaybill(t.packer, {
        slip: id,
        waybill: " zt7100000001 ",
        carrierCode: "ZTO",
        weightG: 520,
        weightSource: "scale",
      });
      expect(shipped).toMatchObject({
        step: "waybill",
        outcome: "ok",
        stop: false,
        message: { code: "scan.shipped_weight", params: { waybill: "ZT7100000001", kg: "0.520" } },
        parcel: { id, status: "shipped", waybillNo: "ZT7100000001", carrier: { code: "ZTO" } },
      });
      expect(renderMessage("zh-CN", shipped.message)).toBe(
        "已发货：订单 261101-000000001，中通快递 ZT7100000001，0.520 千克。",
      );
      expect(await t.parcelRow(id)).toMatchObject({
        status: "shipped",
        waybillNo: "ZT7100000001",
        waybillSource: "scan",
        weightG: 520,
        weightSource: "scale",
        packedBy: t.packer.memberId,
        packedAt: "2026-11-02T02:15:00.000Z",
        shippedAt: "2026-11-02T02:15:00.000Z",
        version: 2,
      });
      // The order keeps the platform's state until the platform's next export says otherwise.
      expect(await t.order("261101-000000001")).toMatchObject({ status: "paid", trackingNo: null });
      expect((await t.scans()).map((e) => [e.step, e.outcome, e.parcelId])).toEqual([
        ["slip", "ok", id],
        ["waybill", "ok", id],
      ]);
    });

    it("tells SF and JD by the number, takes the packer's carrier for digits, else the parcel's, else asks", async () => {
      const t = await team();
      const sf = await t.parcel("261101-000000001");
      const r1 = await s.packStation.scanWaybill(t.packer, {
        slip: sf,
        waybill: "SF1400000000001",
        carrierCode: "ZTO",
      });
      expect(r1.parcel?.carrier?.code).toBe("SF");
      const jd = await t.parcel("261101-000000002");
      const r2 = await s.packStation.scanWaybill(t.packer, {
        slip: jd,
        waybill: "JDVA00000000002",
      });
      expect([r2.outcome, r2.parcel?.carrier?.code]).toEqual(["ok", "JD"]);
      const digits = await t.parcel("261101-000000003");
      const asked = await s.packStation.scanWaybill(t.packer, {
        slip: digits,
        waybill: "78800000000003",
      });
      expect(asked).toMatchObject({
        outcome: "carrier_needed",
        stop: false,
        message: { code: "scan.carrier_needed" },
      });
      expect((await t.parcelRow(digits)).status).toBe("open");
      const chosen = await s.packStation.scanWaybill(t.packer, {
        slip: digits,
        waybill: "78800000000003",
        carrierCode: "yto",
      });
      expect([chosen.outcome, chosen.parcel?.carrier?.code]).toEqual(["ok", "YTO"]);
      const bad = await failure(
        s.packStation.scanWaybill(t.packer, { slip: digits, waybill: "1", carrierCode: "NOPE" }),
      );
      expect(bad?.kind).toBe("invalid");
      expect(bad?.fields[0]).toMatchObject({ field: "carrierCode", code: "scan.carrier_unknown" });
    });

    it("uses the parcel's carrier when the number names none", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000002");
      const all = await new CarrierRepository(tdb.database.db).list(
        t.workspaceId,
        "2026-11-02T00:00:00.000Z",
      );
      const yunda = all.find((c) => c.code === "YUNDA")!;
      await tdb.database.db
        .updateTable("parcels")
        .set({ carrierId: yunda.id })
        .where("workspaceId", "=", t.workspaceId)
        .where("id", "=", id)
        .execute();
      const r = await s.packStation.scanWaybill(t.packer, { slip: id, waybill: "4312345678901" });
      expect([r.outcome, r.parcel?.carrier?.code]).toEqual(["ok", "YUNDA"]);
    });

    it("accepts an order number as the slip, making the parcel of an order that has none", async () => {
      const t = await team();
      const slip = await s.packStation.scanSlip(t.packer, "261101-000000003");
      expect(slip).toMatchObject({
        outcome: "ok",
        parcel: { id: null, orders: [{ platformOrderId: "261101-000000003" }] },
      });
      const r = await s.packStation.scanWaybill(t.packer, {
        slip: "261101-000000003",
        waybill: "SF1400000000003",
        weightG: 1200,
        weightSource: "typed",
      });
      expect(r.outcome).toBe("ok");
      const id = r.parcel!.id!;
      expect(await t.parcelRow(id)).toMatchObject({
        shopId: t.shop.id,
        status: "shipped",
        waybillNo: "SF1400000000003",
        weightG: 1200,
        weightSource: "typed",
      });
      // Now the order has its parcel: its number finds the same parcel.
      expect((await s.packStation.scanSlip(t.packer, "261101-000000003")).outcome).toBe(
        "already_shipped",
      );
    });

    it("stops the packer at a fully refunded order and writes nothing but the scan", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000004");
      const slip = await s.packStation.scanSlip(t.packer, id);
      expect(slip).toMatchObject({
        outcome: "refunded",
        stop: true,
        message: {
          code: "scan.order_refunded",
          params: { order: "261101-000000004", refund: 3990 },
        },
      });
      expect(renderMessage("zh-CN", slip.message)).toBe(
        "已退款：订单 261101-000000004 已全额退款（39.90 元）。请勿发货，把包裹放到一边！",
      );
      const r = await s.packStation.scanWaybill(t.packer, {
        slip: id,
        waybill: "SF1400000000004",
        weightG: 300,
      });
      expect([r.outcome, r.stop]).toEqual(["refunded", true]);
      expect(await t.parcelRow(id)).toMatchObject({
        status: "open",
        waybillNo: null,
        weightG: null,
        packedBy: null,
        version: 1,
      });
      expect((await t.scans()).map((e) => [e.step, e.outcome, e.code])).toEqual([
        ["slip", "refunded", id],
        ["waybill", "refunded", "SF1400000000004"],
      ]);
      // A partial refund does not stop the parcel.
      const partial = await t.parcel("261101-000000008");
      expect((await s.packStation.scanSlip(t.packer, partial)).outcome).toBe("ok");
    });

    it("stops the packer at a cancelled, an unpaid and a platform-shipped order", async () => {
      const t = await team();
      const cancelled = await t.parcel("261101-000000005");
      const unpaid = await t.parcel("261101-000000007");
      const shipped = await t.parcel("261101-000000006");
      const c = await s.packStation.scanWaybill(t.packer, {
        slip: cancelled,
        waybill: "SF1400000000005",
      });
      expect(c).toMatchObject({
        outcome: "cancelled",
        stop: true,
        message: { code: "scan.order_cancelled" },
      });
      const u = await s.packStation.scanSlip(t.packer, unpaid);
      expect(u).toMatchObject({
        outcome: "unpaid",
        stop: true,
        message: { code: "scan.order_unpaid" },
      });
      const sh = await s.packStation.scanWaybill(t.packer, {
        slip: shipped,
        waybill: "SF1400000000006",
      });
      expect(sh).toMatchObject({
        outcome: "already_shipped",
        stop: true,
        message: {
          code: "scan.order_shipped",
          params: { order: "261101-000000006", waybill: "ZT7000000066", carrier: "中通快递" },
        },
      });
      for (const id of [cancelled, unpaid, shipped])
        expect(await t.parcelRow(id)).toMatchObject({ status: "open", waybillNo: null });
    });

    it("stops a second scan of a parcel already packed, naming the packer and the local time", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000001");
      await s.packStation.scanWaybill(t.packer, {
        slip: id,
        waybill: "SF1400000000001",
        weightG: 500,
      });
      const again = await s.packStation.scanSlip(t.lead, id);
      expect(again).toMatchObject({
        outcome: "already_shipped",
        stop: true,
        message: {
          code: "scan.parcel_shipped",
          params: { waybill: "SF1400000000001", at: "2026-11-02 10:15", packer: "物流专员" },
        },
      });
      const twice = await s.packStation.scanWaybill(t.lead, {
        slip: id,
        waybill: "SF1400000000099",
      });
      expect(twice.outcome).toBe("already_shipped");
      expect(await t.parcelRow(id)).toMatchObject({
        waybillNo: "SF1400000000001",
        packedBy: t.packer.memberId,
        version: 2,
      });
    });

    it("stops the wrong parcel: a waybill of another parcel, another parcel's slip, a pre-assigned waybill that differs", async () => {
      const t = await team();
      const a = await t.parcel("261101-000000001");
      const b = await t.parcel("261101-000000002");
      await s.packStation.scanWaybill(t.packer, { slip: a, waybill: "SF1400000000001" });
      const used = await s.packStation.scanWaybill(t.packer, {
        slip: b,
        waybill: "SF1400000000001",
      });
      expect(used).toMatchObject({
        outcome: "wrong_parcel",
        stop: true,
        message: {
          code: "scan.waybill_used",
          params: {
            waybill: "SF1400000000001",
            orders: ["261101-000000001"],
            mine: ["261101-000000002"],
          },
        },
      });
      const otherSlip = await s.packStation.scanWaybill(t.packer, {
        slip: b,
        waybill: "261101-000000003",
      });
      expect(otherSlip).toMatchObject({
        outcome: "wrong_parcel",
        message: { code: "scan.waybill_is_slip", params: { orders: ["261101-000000003"] } },
      });
      const ownSlip = await s.packStation.scanWaybill(t.packer, { slip: b, waybill: b });
      expect(ownSlip).toMatchObject({
        outcome: "invalid",
        stop: false,
        message: { code: "scan.waybill_is_own_slip" },
      });
      const notWaybill = await s.packStation.scanWaybill(t.packer, { slip: b, waybill: "你好" });
      expect(notWaybill).toMatchObject({
        outcome: "invalid",
        stop: false,
        message: { code: "scan.waybill_invalid" },
      });
      expect(await t.parcelRow(b)).toMatchObject({ status: "open", waybillNo: null, version: 1 });

      // A parcel whose waybill came from the e-waybill export must get that very label.
      const c = await t.parcel("261101-000000003");
      await s.tracking.importFiles(t.packer, t.shop.id, [
        {
          file: "ewaybill.csv",
          bytes: sheetCsv([
            ["订单编号", "快递公司", "运单号"],
            ["261101-000000003", "顺丰速运", "SF1400000000033"],
          ]),
        },
      ]);
      const wrong = await s.packStation.scanWaybill(t.packer, {
        slip: c,
        waybill: "SF1400000000034",
      });
      expect(wrong).toMatchObject({
        outcome: "wrong_parcel",
        message: {
          code: "scan.waybill_expected",
          params: { expected: "SF1400000000033", waybill: "SF1400000000034" },
        },
      });
      const right = await s.packStation.scanWaybill(t.packer, {
        slip: c,
        waybill: "sf1400000000033",
        weightG: 800,
      });
      expect(right.outcome).toBe("ok");
      expect(await t.parcelRow(c)).toMatchObject({
        waybillNo: "SF1400000000033",
        waybillSource: "import",
        packedBy: t.packer.memberId,
        shippedAt: "2026-11-02T02:15:00.000Z",
        weightG: 800,
      });
      const outcomes = (await t.scans()).filter((e) => e.outcome === "wrong_parcel").length;
      expect(outcomes).toBe(3);
    });

    it("stops an unknown code, and asks for the parcel barcode when an order is split", async () => {
      const t = await team();
      const unknown = await s.packStation.scanSlip(t.packer, "NOT-A-PARCEL-1");
      expect(unknown).toMatchObject({
        outcome: "unknown",
        stop: true,
        parcel: null,
        message: { code: "scan.unknown" },
      });
      await t.parcel("261101-000000002");
      await t.parcel("261101-000000002");
      const split = await s.packStation.scanSlip(t.packer, "261101-000000002");
      expect(split).toMatchObject({
        outcome: "ambiguous",
        stop: false,
        message: { code: "scan.order_in_parcels", params: { count: 2 } },
      });
    });

    it("stops a cancelled parcel (a merge or split undone), and asks for the parcel barcode when an order number is in two shops", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000001");
      await tdb.database.db
        .updateTable("parcels")
        .set({ status: "cancelled" })
        .where("workspaceId", "=", t.workspaceId)
        .where("id", "=", id)
        .execute();
      const r = await s.packStation.scanSlip(t.packer, id);
      expect(r).toMatchObject({
        outcome: "cancelled",
        stop: true,
        message: { code: "scan.parcel_cancelled", params: { orders: ["261101-000000001"] } },
      });
      await s.imports.importFiles(t.owner, { shopName: "拼多多二店" }, [
        { file: "pdd2.csv", bytes: pddExport([PACK_DAY[1]!]) },
      ]);
      const twice = await s.packStation.scanSlip(t.packer, "261101-000000002");
      expect(twice).toMatchObject({
        outcome: "ambiguous",
        stop: false,
        message: { code: "scan.order_in_shops", params: { count: 2 } },
      });
    });

    it("types a waybill by hand with the same checks, audited, refusing a stale version", async () => {
      const t = await team();
      const refunded = await t.parcel("261101-000000004");
      const r = await s.packStation.typeWaybill(t.lead, refunded, { waybill: "SF1400000000004" });
      expect([r.step, r.outcome, r.stop]).toEqual(["typed", "refunded", true]);
      expect((await t.parcelRow(refunded)).waybillNo).toBeNull();
      const id = await t.parcel("261101-000000001");
      const stale = await failure(
        s.packStation.typeWaybill(t.lead, id, { waybill: "SF1400000000001", version: 7 }),
      );
      expect(stale?.kind).toBe("conflict");
      const ok = await s.packStation.typeWaybill(t.lead, id, {
        waybill: "SF1400000000001",
        weightG: 2500,
        version: 1,
      });
      expect(ok).toMatchObject({
        step: "typed",
        outcome: "ok",
        parcel: { waybillNo: "SF1400000000001", weightG: 2500 },
      });
      expect(await t.parcelRow(id)).toMatchObject({
        waybillSource: "typed",
        weightSource: "typed",
        packedBy: t.lead.memberId,
      });
      const entries = await tdb.database.db
        .selectFrom("auditLog")
        .select(["action", "entityId", "summary"])
        .where("workspaceId", "=", t.workspaceId)
        .where("action", "=", "logistics.waybill.typed")
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.entityId).toBe(id);
      expect(JSON.parse(entries[0]!.summary)).toMatchObject({
        code: "audit.logistics.waybill_typed",
        params: { waybill: "SF1400000000001", carrier: "顺丰速运", actor: "物流主管" },
      });
      expect((await t.scans()).map((e) => [e.step, e.outcome])).toEqual([
        ["typed", "refunded"],
        ["typed", "ok"],
      ]);
    });

    it("lets only the logistics department, its lead and the owner pack", async () => {
      const t = await team();
      const id = await t.parcel("261101-000000001");
      const refused = await failure(s.packStation.scanSlip(t.outsider, id));
      expect(refused).toMatchObject({
        kind: "forbidden",
        coded: { code: "logistics.pack_forbidden" },
      });
      const typed = await failure(
        s.packStation.typeWaybill(t.outsider, id, { waybill: "SF1400000000001" }),
      );
      expect(typed?.kind).toBe("forbidden");
      expect(await t.scans()).toHaveLength(0);
      expect((await s.packStation.scanSlip(t.owner, id)).outcome).toBe("ok");
      expect((await s.packStation.scanSlip(t.lead, id)).outcome).toBe("ok");
    });
  });
}
