// Import problems and warnings in the page's language: the web renders the codes the server sends
// (the server's own catalogs), so a Chinese reader reads Chinese and an English reader English;
// the file's headers, values, rows and order ids stay exactly as they are. No phrase is replaced.
import { describe, expect, it } from "vitest";
import {
  formatLabel,
  noteLine,
  problemLine,
} from "../../web/src/pages/shop-data/importMessages.js";

const p = (code: string, params: Record<string, unknown>) => ({ code, params, message: "server" });

describe("import problems in the page's language", () => {
  it.each([
    [
      p("shop.cell.not_amount", { column: "买家实际支付金额", value: "18.9.0" }),
      "买家实际支付金额：“18.9.0”不是金额。",
      "买家实际支付金额: “18.9.0” is not an amount.",
    ],
    [p("shop.cell.empty", { column: "订单编号" }), "订单编号 为空。", "订单编号 is empty."],
    [
      p("shop.row.duplicate", { row: 5, first: 3 }),
      "第 5 行与第 3 行完全相同（重复行）。",
      "Row 5 repeats row 3 exactly (a duplicate row).",
    ],
    [
      p("shop.order.twice", { order: "3515313147329357901", first: 2 }),
      "订单 3515313147329357901 出现了两次（第一次在第 2 行）。",
      "Order 3515313147329357901 appears twice (first at row 2).",
    ],
    [
      p("shop.import.format_columns_missing", {
        column: "买家实际支付金额",
        format: { code: "shop.format.taobao-orders" },
        others: ["订单状态"],
      }),
      "淘宝/天猫订单报表文件缺少必需列 买家实际支付金额（还缺：订单状态）。",
      "The Taobao/Tmall order report (订单报表) file lacks its required column 买家实际支付金额 (and also: 订单状态).",
    ],
    [
      p("shop.column.required", { column: "订单号" }),
      "缺少必需列 订单号。",
      "The required column 订单号 is missing.",
    ],
    [p("upload.empty", { file: "a.csv" }), "a.csv 是空文件。", "a.csv is empty."],
    [
      p("shop.cell.invalid_datetime", { column: "支付时间", value: "2026-13-01 10:00:00" }),
      "支付时间：“2026-13-01 10:00:00”不是有效的日期时间。",
      "支付时间: “2026-13-01 10:00:00” is not a valid date and time.",
    ],
    [
      p("shop.csv.stray_quote", { row: 7, line: 9 }),
      "第 7 行（文本第 9 行）不是有效的 CSV：字段里的引号没有转义。",
      "Not valid CSV at row 7 (line 9): a quote inside a field is not escaped (broken quotes).",
    ],
  ])("%o", (problem, zh, en) => {
    expect(problemLine(problem, "zh-CN")).toBe(zh);
    expect(problemLine(problem, "en")).toBe(en);
  });

  it("shows the server's text for a code this page does not know (a newer server)", () => {
    expect(problemLine(p("shop.something_new", { x: 1 }), "zh-CN")).toBe("server");
  });

  it.each([
    [
      {
        file: "orders.csv",
        ...p("shop.warning.unknown_status_unpaid", { order: "1001", status: "待成团" }),
      },
      "orders.csv：订单 1001：不认识的状态“待成团”，按未付款处理。",
      "orders.csv: Order 1001: unknown status “待成团”, read as unpaid.",
    ],
    [
      {
        file: "jd.csv",
        ...p("shop.warning.total_differs", {
          order: "88",
          column: "订单金额",
          values: ["100.00", "90.00"],
        }),
      },
      "jd.csv：订单 88：订单金额 在各行不一致（100.00、90.00），采用第一行的。",
      "jd.csv: Order 88: 订单金额 differs between its rows (100.00, 90.00); the first is used.",
    ],
    [
      { file: "items.csv", ...p("shop.warning.item_order_missing", { order: "35" }) },
      "items.csv：宝贝报表：订单 35 不在订单报表中，这些商品行已忽略。",
      "items.csv: Item report: order 35 is not in the order report; its lines are ignored.",
    ],
    [
      // An import recorded before codes existed: its English note is shown as it was written.
      p("legacy.text", { text: 'orders.csv: Order 7: unknown status "x", read as paid' }),
      'orders.csv: Order 7: unknown status "x", read as paid',
      'orders.csv: Order 7: unknown status "x", read as paid',
    ],
  ])("warning %o", (warning, zh, en) => {
    expect(noteLine(warning, "zh-CN")).toBe(zh);
    expect(noteLine(warning, "en")).toBe(en);
  });

  it("names a detected format in the page's language", () => {
    expect(formatLabel({ profile: "visitors", label: "x" }, "zh-CN")).toBe("每日访客数");
    expect(formatLabel({ profile: "visitors", label: "x" }, "en")).toBe("visitors per day");
    expect(formatLabel({ profile: "mapping:ERP", label: "x" }, "zh-CN")).toBe("列映射“ERP”");
    expect(formatLabel({ label: "淘宝/天猫 订单报表" }, "en")).toBe("淘宝/天猫 订单报表");
  });
});
