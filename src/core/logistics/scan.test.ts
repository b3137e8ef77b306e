// The scan part's pure rules: waybill numbers and the carrier their pattern names, weights in
// files, what stops a parcel, the write-back rows per layout and the platform check.
import { describe, expect, it } from "vitest";
import { CARRIER_SEEDS } from "./carriers.js";
import {
  carrierCodeFromWaybill,
  orderStop,
  parcelStop,
  waybillNumber,
  type OrderFacts,
} from "./scan.js";
import { parseWeightG } from "./tracking-file.js";
import { applyTemplate, checkAgainstPlatform, writebackRows } from "./writeback-file.js";

const order = (o: Partial<OrderFacts> = {}): OrderFacts => ({
  platformOrderId: "A1",
  status: "paid",
  totalFen: 5900,
  refundFen: 0,
  cancelledAt: null,
  shippedAt: null,
  trackingNo: null,
  carrier: null,
  ...o,
});
const open = { status: "open", waybillNo: null, packedAt: null, shippedAt: null };

describe("waybill numbers", () => {
  it("normalise what a scanner or a file gives, and refuse what cannot be a waybill", () => {
    expect(waybillNumber(" sf 1400 0000 0000 1 ")).toBe("SF1400000000001");
    expect(waybillNumber("No:YT9876543210")).toBe("YT9876543210");
    expect(waybillNumber("ＪＤＶＡ００００１２３４５６７")).toBe(
      "JDVA0000123456 7".replace(" ", ""),
    );
    expect(waybillNumber("XX1")).toBeNull();
    expect(waybillNumber("ABCDEFGHIJ")).toBeNull();
    expect(waybillNumber("你好123456789")).toBeNull();
  });
  it("name SF and JD by their pattern, and nothing for digits that several carriers use", () => {
    expect(carrierCodeFromWaybill("SF1400000000001")).toBe("SF");
    expect(carrierCodeFromWaybill("JDVA00000000002")).toBe("JD");
    expect(carrierCodeFromWaybill("JD0001234567890")).toBe("JD");
    expect(carrierCodeFromWaybill("73100000004711")).toBeNull();
    expect(carrierCodeFromWaybill("YT8800000000003")).toBeNull();
    expect(carrierCodeFromWaybill("SFX")).toBeNull();
  });
});

describe("weights in tracking files", () => {
  it("read kilograms and grams exactly, and refuse the rest", () => {
    expect(parseWeightG("0.52")).toBe(520);
    expect(parseWeightG("1.2kg")).toBe(1200);
    expect(parseWeightG("0.5千克")).toBe(500);
    expect(parseWeightG("520g")).toBe(520);
    expect(parseWeightG("520", "g")).toBe(520);
    expect(parseWeightG("0.1234")).toBeNull();
    expect(parseWeightG("0.1230")).toBe(123);
    expect(parseWeightG("520.5g")).toBeNull();
    expect(parseWeightG("1,2")).toBeNull();
    expect(parseWeightG("半斤")).toBeNull();
  });
});

describe("what stops a parcel", () => {
  it("refunded in full before cancelled; a partial refund passes", () => {
    expect(orderStop(order({ refundFen: 5900, status: "cancelled" }), open)?.outcome).toBe(
      "refunded",
    );
    expect(orderStop(order({ status: "refunded" }), open)?.outcome).toBe("refunded");
    expect(orderStop(order({ refundFen: 100 }), open)).toBeNull();
    expect(orderStop(order({ cancelledAt: "2026-11-01T00:00:00Z" }), open)?.outcome).toBe(
      "cancelled",
    );
    expect(orderStop(order({ status: "unpaid" }), open)?.outcome).toBe("unpaid");
  });
  it("shipped on the platform stops, unless the platform's waybill is the parcel's own", () => {
    const shipped = order({
      status: "shipped",
      trackingNo: "sf1400000000001",
      carrier: "顺丰速运",
    });
    expect(orderStop(shipped, open)?.message).toEqual({
      code: "scan.order_shipped",
      params: { order: "A1", waybill: "sf1400000000001", carrier: "顺丰速运" },
    });
    expect(orderStop(shipped, { ...open, waybillNo: "SF1400000000001" })).toBeNull();
    expect(orderStop(order({ status: "completed" }), open)?.message.code).toBe(
      "scan.order_shipped_plain",
    );
  });
  it("a parcel packed already, or cancelled; a parcel shipped by an import may still be packed", () => {
    const packed = {
      status: "shipped",
      waybillNo: "SF1",
      packedAt: "2026-11-02T02:15:00Z",
      shippedAt: "x",
      orders: ["A1"],
    };
    expect(parcelStop(packed, "物流专员")?.message.params).toMatchObject({
      packer: "物流专员",
      waybill: "SF1",
    });
    expect(parcelStop({ ...packed, packedAt: null }, null)).toBeNull();
    expect(parcelStop({ ...packed, status: "cancelled" }, null)?.outcome).toBe("cancelled");
  });
});

describe("write-back rows", () => {
  const line = {
    platformOrderId: "WC-1001",
    orderKey: "4711",
    carrierName: "ZTO Express",
    waybillNo: "731000",
    shippedDate: "2026-11-02",
  };
  it("follow each layout, a template renaming headers", () => {
    expect(writebackRows(applyTemplate("woocommerce"), [line])).toEqual([
      ["order_id", "tracking_provider", "tracking_number", "date_shipped", "status_shipped"],
      ["4711", "ZTO Express", "731000", "02-11-2026", "1"],
    ]);
    const pdd = applyTemplate("pdd", { headers: { order: "订单编号" }, format: "csv-gbk" });
    expect(pdd.format).toBe("csv-gbk");
    expect(writebackRows(pdd, [line])).toEqual([
      ["订单编号", "快递公司", "快递单号"],
      ["WC-1001", "ZTO Express", "731000"],
    ]);
  });
  it("agree, wait or disagree with the platform's next export", () => {
    const carriers = CARRIER_SEEDS.map((c, i) => ({ ...c, id: `c${i}` }));
    const zto = carriers.find((c) => c.code === "ZTO")!;
    const sent = { waybills: ["731000"], carrierIds: [zto.id], sentAt: "2026-11-02T10:00:00Z" };
    const says = (status: string, trackingNo: string | null, carrier: string | null = null) => ({
      sent,
      platform: { status, trackingNo, carrier },
    });
    expect(checkAgainstPlatform(says("paid", null), "2026-11-02T09:00:00Z", carriers)).toEqual({
      state: "pending",
    });
    const after = "2026-11-03T00:00:00Z";
    expect(checkAgainstPlatform(says("shipped", "731000", "中通快递"), after, carriers).state).toBe(
      "agree",
    );
    expect(checkAgainstPlatform(says("shipped", null), after, carriers).state).toBe("agree");
    expect(checkAgainstPlatform(says("paid", null), after, carriers)).toEqual({
      state: "mismatch",
      reason: "writeback.check.not_shipped",
    });
    expect(checkAgainstPlatform(says("shipped", "999"), after, carriers)).toEqual({
      state: "mismatch",
      reason: "writeback.check.other_waybill",
    });
    expect(checkAgainstPlatform(says("shipped", "731000", "顺丰速运"), after, carriers)).toEqual({
      state: "mismatch",
      reason: "writeback.check.other_carrier",
    });
    expect(checkAgainstPlatform(says("refunded", null), after, carriers)).toEqual({
      state: "mismatch",
      reason: "writeback.check.refunded",
    });
  });
});
