import { describe, expect, it } from "vitest";
import { problemTextZh, warningTextZh } from "../../web/src/pages/shop-data/problemText.js";

describe("import problems in Chinese", () => {
  it.each([
    ['买家实际支付金额: "18.9.0" is not an amount', "买家实际支付金额: “18.9.0”不是金额"],
    ["订单编号 is empty", "订单编号 为空"],
    ["Row 5 repeats row 3 exactly (duplicate row)", "第 5 行与第 3 行完全相同（重复行）"],
    [
      "Order 3515313147329357901 appears twice (first at row 2)",
      "订单 3515313147329357901 出现了两次（第一次在第 2 行）",
    ],
    [
      "Required column 买家实际支付金额 of 淘宝/天猫 订单报表 is missing (also: 订单状态)",
      "缺少淘宝/天猫 订单报表的必需列 买家实际支付金额（还缺：订单状态）",
    ],
    ["Required column 订单号 is missing", "缺少必需列 订单号"],
    ["The file is empty", "文件是空的"],
    [
      '支付时间: "2026-13-01 10:00:00" is not a valid date and time',
      "支付时间: “2026-13-01 10:00:00”不是有效的日期时间",
    ],
    [
      "Not valid CSV at row 7 (line 9): Invalid Closing Quote",
      "第 7 行（第 9 行文本）不是有效的 CSV：Invalid Closing Quote",
    ],
    ["Something new the reader says", "Something new the reader says"],
  ])("%s", (en, zh) => expect(problemTextZh(en)).toBe(zh));

  it.each([
    [
      'orders.csv: Order 1001: unknown status "待成团", read as unpaid',
      "orders.csv: 订单 1001：不认识的状态“待成团”，按未付款处理",
    ],
    [
      "jd.csv: Order 88: 订单金额 differs between its rows (100.00 / 90.00); the first is used",
      "jd.csv: 订单 88：订单金额 在各行不一致（100.00 / 90.00），采用第一行的",
    ],
    [
      "items.csv: Item report: order 35 is not in the order report; its lines are ignored",
      "items.csv: 宝贝报表：订单 35 不在订单报表中，这些商品行已忽略",
    ],
  ])("warning %s", (en, zh) => expect(warningTextZh(en)).toBe(zh));
});
