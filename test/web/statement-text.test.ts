import { describe, expect, it } from "vitest";
import { statementTextZh } from "../../web/src/pages/pay/statementText.js";

describe("statement formulas and sources in Chinese", () => {
  it.each([
    [
      "KPI GMV 2026-10-01…2026-10-31, 2 shop(s), 1234 paid orders",
      "店铺数据 GMV 2026-10-01…2026-10-31，2 个店铺，1234 个付款订单",
    ],
    [
      "sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 586 paid orders",
      "归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：586 个付款订单",
    ],
    [
      "sales attributed to department 客服 (with its sub-departments) 2026-10-01…2026-10-31, 1 shop(s): 9 paid orders",
      "部门 客服（含下级部门）的归属销售额 2026-10-01…2026-10-31，1 个店铺：9 个付款订单",
    ],
    [
      "unattributed sales 2026-10-01…2026-10-31, all shops: 498 paid orders without an owner",
      "未归属的销售额 2026-10-01…2026-10-31，全部店铺：498 个无归属的付款订单",
    ],
    [
      "entered 2000.00 (instead of the shop data: 1488.00, sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 2 paid orders)",
      "手工录入 2000.00（代替店铺数据 1488.00：归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：2 个付款订单）",
    ],
    [
      "询单转化率 Inquiry conversion (%): not entered (0)",
      "询单转化率 Inquiry conversion (%): 未录入（0）",
    ],
    ['pay plan "客服 · 个人业绩"', "薪酬方案“客服 · 个人业绩”"],
    [
      "Marginal tiers (超额累进) on 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
      "超额累进，基数 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
    ],
    [
      "30,000.00 is below the gate 80% × 50,000.00: nothing paid",
      "30,000.00 低于门槛 80% × 50,000.00：不计发",
    ],
    ["score 20 is below the gate 60: nothing paid", "得分 20 低于门槛 60：不计发"],
    [
      "pool 127,251.20 × 1% = 1,272.51, shared by 3: 424.17",
      "公共池 127,251.20 × 1% = 1,272.51，3 人平分：424.17",
    ],
    ["none this period → 100.00", "本期无 → 100.00"],
    [
      "min(1,200 units × 0.20 = 240.00, cap 2,000.00) = 240.00",
      "min(1,200 件 × 0.20 = 240.00，封顶 2,000.00) = 240.00",
    ],
    ["1,488.00 × 1% = 14.88", "1,488.00 × 1% = 14.88"],
    [
      "首次响应 First response (s): CS data 2026-10-01…2026-10-31: 1,277 inquirers, 792 paid (days weighted by inquirers)",
      "首次响应 First response (s): 客服数据 2026-10-01…2026-10-31：询单 1,277 人，付款 792 人（各天按询单人数加权）",
    ],
    ["62.02 → 80 points", "62.02 → 80 分"],
    [
      "shipping 2026-10-01…2026-10-31, all shops: 1 shipped late, 0 overdue of 2 due",
      "发货数据 2026-10-01…2026-10-31，全部店铺：应发 2 单，迟发 1 单，逾期未发 0 单",
    ],
    [
      "projected at the same share of the shop: 1488.00 × 10000.00 ÷ 1576.00 (sales attributed to 刘婷 2026-10-01…2026-10-25, all shops: 2 paid orders)",
      "按占店铺销售额的同等比例预测：1488.00 × 10000.00 ÷ 1576.00（归属 刘婷 的销售额 2026-10-01…2026-10-25，全部店铺：2 个付款订单）",
    ],
    ["not entered → 0 points", "未录入 → 0 分"],
    ["score ≥ 60", "得分 ≥ 60"],
    ["80% of target", "80% × 目标"],
  ])("%s", (en, zh) => expect(statementTextZh(en)).toBe(zh));
});
