import { describe, expect, it } from "vitest";
import {
  customCases,
  douyinCases,
  jdCases,
  shopifyCases,
  taobaoCases,
  taobaoCasesBroken,
  woocommerceCases,
} from "../../../test/fixtures/aftersales/build.js";
import { readCsvBytes } from "../orders/index.js";
import { parseCaseRecords, splitReturnInfo, type CaseFormat } from "./case-file.js";
import type { CasePlatform } from "./platform-codes.js";

function parse(
  bytes: Uint8Array,
  shopPlatform: CasePlatform | null,
  format: CaseFormat = "auto",
  mapping?: Parameters<typeof parseCaseRecords>[2]["mapping"],
) {
  const read = readCsvBytes("f.csv", bytes);
  if ("problem" in read) throw new Error(read.problem.code);
  return parseCaseRecords("f.csv", read.table.records, {
    format,
    shopPlatform,
    currency: "CNY",
    mapping,
  });
}

describe("after-sales exports", () => {
  it("reads Taobao's GBK refunds: ids unwrapped, local times in UTC, the return waybill split out", () => {
    const f = parse(taobaoCases(), "taobao");
    expect(f.problems).toEqual([]);
    expect(f.profile).toBe("taobao-cases");
    const [a, b] = f.cases;
    expect(a).toMatchObject({
      caseId: "R20261006002",
      orderNo: "3515313147329357901",
      type: "refund_only",
      platformType: "否",
      target: { state: "new" },
      platformState: "买家已经申请退款，等待卖家同意",
      goodsState: "买家已收到货",
      reason: "质量问题",
      requestedFen: 5000,
      openedAt: "2026-10-06T01:00:00.000Z",
      deadlineAt: "2026-10-08T01:00:00.000Z",
      lines: [{ title: "秋季连衣裙", sku: "QD-001-M", quantity: 1 }],
    });
    expect(b).toMatchObject({
      type: "return_refund",
      target: { state: "waiting_buyer" },
      returnCarrier: "圆通速递",
      returnWaybill: "YT5550001111",
      requestedFen: 90000,
    });
  });

  it("refuses a broken file with every problem's row and column", () => {
    const f = parse(taobaoCasesBroken(), "taobao");
    expect(f.cases.map((c) => c.caseId)).toEqual(["R20261006002"]);
    expect(f.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "退款状态", "case.cell.unknown_state"],
      [4, "买家退款金额", "shop.cell.not_amount"],
      [5, "退款编号", "shop.cell.empty"],
    ]);
    expect(f.problems[0]!.params).toMatchObject({ value: "等待平台仲裁" });
  });

  it("reads JD's service sheets by step name or code", () => {
    const f = parse(jdCases(), "jd");
    expect(f.problems).toEqual([]);
    expect(f.cases.map((c) => [c.caseId, c.type, c.target.state, c.returnWaybill])).toEqual([
      ["1830000001", "return_refund", "waiting_buyer", "JDVA00012345678"],
      ["1830000002", "exchange", "new", null],
    ]);
    expect(f.cases[0]!.reason).toBe("尺码偏小");
  });

  it("reads Douyin's BOM file with tab-prefixed ids and dashes for nothing", () => {
    const f = parse(douyinCases(), "douyin");
    expect(f.problems).toEqual([]);
    expect(
      f.cases.map((c) => [c.caseId, c.orderNo, c.type, c.target.state, c.returnWaybill]),
    ).toEqual([
      ["7100000000000000001", "6917541234567890001", "refund_after_shipping", "new", null],
      ["7100000000000000002", "6917541234567890001", "return_refund", "waiting_buyer", null],
    ]);
    expect(f.cases[0]!.lines[0]!.subOrderId).toBe("6917541234567890003");
  });

  it("reads Shopify returns and WooCommerce refunds, with their own offsets and currencies", () => {
    const s = parse(shopifyCases(), "shopify");
    expect(s.problems).toEqual([]);
    expect(s.cases[0]).toMatchObject({
      caseId: "#1001-R1",
      orderNo: "#1001",
      type: "return_refund",
      target: { state: "waiting_buyer" },
      openedAt: "2026-10-09T10:00:00.000Z",
      currency: "USD",
      returnWaybill: "1Z999AA10123456784",
    });
    const w = parse(woocommerceCases(), "woocommerce");
    expect(w.problems).toEqual([]);
    expect(w.cases[0]).toMatchObject({
      caseId: "9001",
      orderNo: "812",
      type: "refund_only",
      target: { state: "resolved", outcome: "refunded" },
      requestedFen: 2000,
      currency: "EUR",
      openedAt: "2026-10-09T08:00:00.000Z",
    });
  });

  it("names the platform a file is when another was asked for", () => {
    const f = parse(jdCases(), "taobao");
    expect(f.cases).toEqual([]);
    expect(f.problems[0]).toMatchObject({
      code: "case.import.other_platform",
      params: {
        detected: { code: "case.format.jd-cases" },
        platform: { code: "shop.platform.taobao" },
      },
    });
  });

  it("reads any layout through a saved mapping, with the shop's platform's codes", () => {
    const mapping = {
      name: "自有",
      mapping: {
        columns: {
          caseId: "售后号",
          orderId: "单号",
          type: "类别",
          state: "进度",
          requested: "金额",
          openedAt: "登记时间",
          reason: "问题",
        },
      },
    };
    const f = parse(customCases(), "taobao", "mapping:自有", mapping);
    expect(f.problems).toEqual([]);
    expect(f.cases[0]).toMatchObject({
      caseId: "K-1",
      type: "exchange",
      target: { state: "new" },
      openedAt: "2026-10-12T02:00:00.000Z",
    });
    const missing = parse(customCases(), "taobao", "mapping:自有", {
      ...mapping,
      mapping: { columns: { ...mapping.mapping.columns, reason: "原因" } },
    });
    expect(missing.problems[0]).toMatchObject({
      row: 1,
      column: "原因",
      code: "case.import.mapping_column_missing",
    });
  });

  it("splits a return's logistics text into carrier and waybill", () => {
    expect(splitReturnInfo("圆通速递,YT5550001111")).toEqual({
      carrier: "圆通速递",
      waybill: "YT5550001111",
    });
    expect(splitReturnInfo("SF1234567890 顺丰速运")).toEqual({
      carrier: "顺丰速运",
      waybill: "SF1234567890",
    });
    expect(splitReturnInfo("")).toEqual({ carrier: null, waybill: null });
  });
});
