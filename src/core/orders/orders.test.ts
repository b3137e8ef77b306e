import { describe, expect, it } from "vitest";
import * as fx from "../../../test/fixtures/orders/build.js";
import {
  cleanCell,
  findProvince,
  mapStatus,
  normalizeHeader,
  parseImport,
  parseLocalTime,
  problemText,
  readCsvBytes,
  splitAddress,
  type SourceTable,
} from "./index.js";
import { decodeBytes, encodeText } from "./decode.js";
import { mapRefundStatus, shopifyStatus } from "./status.js";
import { neutralizeFormula, parsePacked, stripTrackingPrefix } from "./text.js";

const table = (file: string, bytes: Uint8Array): SourceTable => {
  const r = readCsvBytes(file, bytes);
  if ("problem" in r) throw new Error(r.problem.code);
  return r.table;
};

describe("order parsing: quirks", () => {
  it("normalises headers: NFKC, brackets, spaces, BOM", () => {
    expect(normalizeHeader("\uFEFF商品总价（元） ")).toBe(normalizeHeader("商品总价(元)"));
    expect(normalizeHeader("【收货地址】")).toBe("(收货地址)");
    expect(normalizeHeader("Lineitem Name")).toBe("lineitemname");
  });

  it("strips ='…', leading ', tabs, No: and Douyin's -", () => {
    expect(cleanCell('="3515313147329357901"')).toBe("3515313147329357901");
    expect(cleanCell('=""')).toBe("");
    expect(cleanCell("'75008")).toBe("75008");
    expect(cleanCell("\t6917541234567890001")).toBe("6917541234567890001");
    expect(cleanCell("-")).toBe("");
    expect(cleanCell("-", false)).toBe("-");
    expect(stripTrackingPrefix("No:SF1234567890")).toBe("SF1234567890");
    expect(parsePacked("name:Mug|sku:MUG-1|quantity:2|total:20.00")).toEqual({
      name: "Mug",
      sku: "MUG-1",
      quantity: "2",
      total: "20.00",
    });
  });

  it("neutralises formula-like cells in exports", () => {
    expect(
      ["=1+1", "+86 138", "-3+2", "@SUM(A1)", "\tx", "ok", "-5.00", "12"].map(neutralizeFormula),
    ).toEqual(["'=1+1", "'+86 138", "'-3+2", "'@SUM(A1)", "'\tx", "ok", "-5.00", "12"]);
  });

  it("detects encodings: UTF-8 BOM, UTF-8, GB18030", () => {
    expect(decodeBytes(encodeText("订单", "utf-8-bom"))).toEqual({
      text: "订单",
      encoding: "utf-8-bom",
    });
    expect(decodeBytes(encodeText("订单", "utf-8"))).toEqual({ text: "订单", encoding: "utf-8" });
    expect(decodeBytes(encodeText("订单编号,买家会员名", "gb18030"))).toEqual({
      text: "订单编号,买家会员名",
      encoding: "gb18030",
    });
  });

  it("normalises provinces to GB/T 2260 codes from full, bare and one-character names", () => {
    expect(
      [
        "浙江省",
        "浙江",
        "浙",
        "广西壮族自治区",
        "新疆维吾尔自治区",
        "内蒙古自治区",
        "香港特别行政区",
        "上海市",
        "沪",
        "440000",
        "44",
      ].map((n) => findProvince(n)?.code),
    ).toEqual([
      "330000",
      "330000",
      "330000",
      "450000",
      "650000",
      "150000",
      "810000",
      "310000",
      "310000",
      "440000",
      "440000",
    ]);
    expect(findProvince("Atlantis")).toBeNull();
    expect(splitAddress("浙江省 杭州市 西湖区 文三路90号(310012)")).toMatchObject({
      provinceText: "浙江省",
      city: "杭州市",
      district: "西湖区",
      detail: "文三路90号",
      zip: "310012",
    });
    expect(splitAddress("北京北京市朝阳区建国路88号").province?.code).toBe("110000");
  });

  it("maps statuses to the canonical set", () => {
    expect(
      [
        "等待买家付款",
        "买家已付款，等待卖家发货",
        "卖家已发货，等待买家确认",
        "交易成功",
        "交易关闭",
        "等待出库",
        "完成",
        "已发货，待收货",
        "已签收",
        "已取消",
        "未发货，退款成功",
        "processing",
        "on-hold",
        "refunded",
      ].map(mapStatus),
    ).toEqual([
      "unpaid",
      "paid",
      "shipped",
      "completed",
      "cancelled",
      "paid",
      "completed",
      "shipped",
      "completed",
      "cancelled",
      "refunded",
      "paid",
      "unpaid",
      "refunded",
    ]);
    expect(mapStatus("火星状态")).toBeNull();
    expect([
      shopifyStatus("paid", "fulfilled", ""),
      shopifyStatus("paid", "", ""),
      shopifyStatus("pending", "", ""),
      shopifyStatus("refunded", "", ""),
      shopifyStatus("paid", "", "2026-01-01"),
    ]).toEqual(["shipped", "paid", "unpaid", "refunded", "cancelled"]);
    expect(["退款成功", "退款关闭", "买家已经申请退款，等待卖家同意"].map(mapRefundStatus)).toEqual(
      ["succeeded", "closed", "pending"],
    );
  });

  it("reads platform local time as UTC", () => {
    expect(parseLocalTime("2026-10-01 23:30:00")).toEqual({
      ok: true,
      iso: "2026-10-01T15:30:00.000Z",
    });
    expect(parseLocalTime("2026/10/3 9:00")).toEqual({ ok: true, iso: "2026-10-03T01:00:00.000Z" });
    expect(parseLocalTime("2025-12-07 19:08:25 +0000")).toEqual({
      ok: true,
      iso: "2025-12-07T19:08:25.000Z",
    });
    expect(parseLocalTime("2026-02-30 10:00:00").ok).toBe(false);
    expect(parseLocalTime("yesterday").ok).toBe(false);
  });
});

describe("order parsing: platforms", () => {
  it("detects platform and version from the headers", () => {
    const cases: [string, () => Uint8Array, string, string][] = [
      ["tb.csv", fx.taobaoOrders, "taobao", "orders"],
      ["items.csv", fx.taobaoItems, "taobao", "items"],
      ["r.csv", fx.taobaoRefunds, "taobao", "refunds"],
      ["jd.csv", fx.jdOrders, "jd", "orders"],
      ["pdd.csv", fx.pddOrders, "pdd", "orders"],
      ["fxg.csv", fx.douyinOrders, "douyin", "orders"],
      ["s.csv", fx.shopifyOrders, "shopify", "orders"],
      ["w.csv", fx.woocommerceOrders, "woocommerce", "orders"],
      ["v.csv", fx.visitorsCsv, "custom", "visitors"],
    ];
    for (const [name, make, platform, kind] of cases) {
      const p = parseImport([table(name, make())], { format: "auto" });
      // An item report alone is refused: it needs its order report in the same import.
      expect(p.problems.map((x) => x.code)).toEqual(
        kind === "items" ? ["shop.import.items_need_orders"] : [],
      );
      expect(p.files[0]).toMatchObject({ platform, kind });
    }
    const pdd = parseImport([table("pdd.csv", fx.pddOrders())], { format: "auto" });
    expect(pdd.files[0]!.version).toMatch(/订单成交时间/);
  });

  it("Shopify: groups continuation rows, totals from the first row, newlines inside fields", () => {
    const p = parseImport([table("s.csv", fx.shopifyOrders())], { format: "shopify" });
    const o = p.orders[0]!;
    expect(o).toMatchObject({
      platformOrderId: "#1001",
      totalFen: 11000,
      goodsFen: 10000,
      shippingFen: 1000,
      status: "shipped",
      zip: "75008",
      rows: [2, 3],
    });
    expect(o.items.map((i) => [i.title, i.quantity, i.totalFen])).toEqual([
      ["Linen Shirt - M", 2, 7000],
      ["Wool Scarf", 1, 3000],
    ]);
    expect(o.raw[0]!.Notes).toBe("Leave at the door,\nplease");
    expect(p.orders[1]).toMatchObject({ status: "refunded", refundFen: 4500 });
  });

  it("JD: order amounts repeated on every row are not summed", () => {
    const p = parseImport([table("jd.csv", fx.jdOrders())], { format: "jd" });
    expect(p.orders.map((o) => [o.platformOrderId, o.totalFen, o.items.length])).toEqual([
      ["280012345678", 35600, 2],
      ["280012345679", 5990, 1],
    ]);
  });

  it("Taobao: joins the item report into the order report", () => {
    const p = parseImport(
      [table("tb.csv", fx.taobaoOrders()), table("items.csv", fx.taobaoItems())],
      { format: "auto" },
    );
    expect(p.lineItems).toBe(5);
    const o = p.orders.find((x) => x.platformOrderId === "3515313147329357904")!;
    expect(o).toMatchObject({ status: "refunded", refundFen: 8800, trackingNo: null });
    expect(o.items[0]).toMatchObject({ title: "羊绒围巾", sku: "WJ-004", unitPriceFen: 8800 });
  });

  it("Douyin: tab-prefixed ids, masked phones, - for empty, tracking split from 快递信息", () => {
    const p = parseImport([table("fxg.csv", fx.douyinOrders())], { format: "douyin" });
    expect(p.orders[0]).toMatchObject({
      platformOrderId: "6917541234567890001",
      phone: "1******8888",
      trackingNo: "SF123456789",
      carrier: "顺丰速运",
      totalFen: 25800,
    });
    expect(p.orders[0]!.items.map((i) => i.subOrderId)).toEqual([
      "6917541234567890002",
      "6917541234567890003",
    ]);
    expect(p.orders[1]).toMatchObject({ status: "cancelled", paidAt: null });
  });

  it("WooCommerce: one row per line item with labelled columns, and the packed line_item_N format", () => {
    const csv =
      "Order Number,Order Status,Order Date,Paid Date,Order Currency,Order Total,Order Shipping,Billing Email,Shipping State,Shipping Country,Item Name,SKU,Quantity,Item Total\n" +
      "900,processing,2026-10-07 10:00:00,2026-10-07 10:01:00,EUR,30.00,5.00,Max@Example.de,BE,DE,Mug,MUG-1,1,10.00\n" +
      "900,,,,,,,,,,Tea,TEA-1,1,15.00\n";
    const p = parseImport([table("w.csv", encodeText(csv, "utf-8"))], { format: "woocommerce" });
    expect(p.problems).toEqual([]);
    expect(p.files[0]!.label).toMatch(/one row per line item/);
    expect(p.orders[0]).toMatchObject({
      platformOrderId: "900",
      status: "paid",
      totalFen: 3000,
      shippingFen: 500,
      currency: "EUR",
      email: "max@example.de",
    });
    expect(p.orders[0]!.items.map((i) => [i.sku, i.totalFen])).toEqual([
      ["MUG-1", 1000],
      ["TEA-1", 1500],
    ]);
    const packed = parseImport([table("w2.csv", fx.woocommerceOrders())], { format: "auto" });
    expect(packed.orders[0]!.items.map((i) => [i.title, i.quantity, i.totalFen])).toEqual([
      ["Mug", 2, 2000],
      ["Tea", 1, 4000],
    ]);
  });

  it("reports bad files with row and column", () => {
    const bad = parseImport([table("bad.csv", fx.BROKEN.badMoney())], { format: "auto" });
    expect(bad.problems).toEqual([
      {
        file: "bad.csv",
        row: 3,
        column: "用户实付金额(元)",
        code: "shop.cell.not_amount",
        params: { column: "用户实付金额(元)", value: "12.3.4" },
      },
    ]);
    // What a reader sees, in either language: the file's own header and value kept as they are.
    expect(problemText("en", bad.problems[0]!)).toBe(
      "用户实付金额(元): “12.3.4” is not an amount.",
    );
    expect(problemText("zh-CN", bad.problems[0]!)).toBe("用户实付金额(元)：“12.3.4”不是金额。");
    const dup = parseImport([table("d.csv", fx.BROKEN.duplicateRows())], { format: "auto" });
    expect(dup.problems[0]).toMatchObject({
      row: 3,
      code: "shop.row.duplicate",
      params: { row: 3, first: 2 },
    });
    expect(problemText("en", dup.problems[0]!)).toBe(
      "Row 3 repeats row 2 exactly (a duplicate row).",
    );
    expect(problemText("zh-CN", dup.problems[0]!)).toBe("第 3 行与第 2 行完全相同（重复行）。");
    const date = parseImport([table("d.csv", fx.BROKEN.badDate())], { format: "auto" });
    expect(date.problems[0]).toMatchObject({ row: 2, column: "支付时间" });
    expect(date.problems[0]!.code).toMatch(/^shop\.cell\.(not_datetime|invalid_date)/);
    expect(readCsvBytes("q.csv", fx.BROKEN.brokenQuotes())).toMatchObject({
      problem: { row: 2, column: "订单号", code: "shop.csv.stray_quote" },
    });
    expect(readCsvBytes("e.csv", fx.BROKEN.empty())).toMatchObject({
      problem: { row: 1, code: "upload.empty", params: { file: "e.csv" } },
    });
    expect(readCsvBytes("b.csv", fx.BROKEN.binary())).toMatchObject({
      problem: { code: "upload.encoding" },
    });
    const other = parseImport([table("fxg.csv", fx.douyinOrders())], { format: "pdd" });
    expect(other.problems[0]).toMatchObject({
      code: "shop.import.other_format",
      params: {
        detected: { code: "shop.format.douyin-orders" },
        chosen: { code: "shop.platform.pdd" },
      },
    });
    expect(problemText("en", other.problems[0]!)).toBe(
      "This looks like a Douyin shop orders file, not Pinduoduo; choose Douyin as the format, or detection from the headers.",
    );
    expect(problemText("zh-CN", other.problems[0]!)).toBe(
      "这看起来是抖店订单文件，而不是拼多多的；请把格式选为抖店，或改为按表头自动识别。",
    );
  });
});

describe("cleanCell's fast path", () => {
  it("returns plain cells as they are and still cleans every quirk", () => {
    for (const plain of ["abc", "12.30", "#1001", "秋季连衣裙", "浙江省 杭州市", "a b"])
      expect(cleanCell(plain)).toBe(plain);
    expect(cleanCell(' ="123" ')).toBe("123");
    expect(cleanCell("'138****1111")).toBe("138****1111");
    expect(cleanCell("\t6917541234567890001")).toBe("6917541234567890001");
    expect(cleanCell("\uFEFF订单号")).toBe("订单号");
    expect(cleanCell("连衣裙\u3000")).toBe("连衣裙");
    expect(cleanCell("\u00a0x")).toBe("x");
    expect(cleanCell("-")).toBe("");
    expect(cleanCell("NULL")).toBe("");
    expect(cleanCell("-", false)).toBe("-");
    expect(cleanCell("nike")).toBe("nike");
    expect(cleanCell("-12.00")).toBe("-12.00");
  });
});
