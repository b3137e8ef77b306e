// A statement's formulas, sources and input values as the pay engine writes them — messages with
// the numbers as parameters — read in Chinese and in English from one catalog per language (no
// phrase replacing). Each case is a text the engine writes, built the way the engine builds it.
import { describe, expect, it } from "vitest";
import { msg, renderMessage, type Message } from "../../src/core/messages/index.js";
import { planText } from "../../src/core/pay/labels.js";
import { showBase, showRate, sumOf, V } from "../../src/core/pay/statement.js";

const shops = (n?: number) =>
  n === undefined ? msg("pay.src.shops_all") : msg("pay.src.shops_n", { count: n });
const oct = { from: "2026-10-01", to: "2026-10-31" };
const attributed = (orders: number, to = oct.to) =>
  msg("pay.src.attributed_member", {
    what: msg("pay.what.sales"),
    name: "刘婷",
    from: oct.from,
    to,
    shops: shops(),
    orders,
  });
const slices = sumOf([
  msg("pay.f.times", { a: V.money(1_000_000), b: V.pct(50_000) }),
  msg("pay.f.times", { a: V.money(4_000_000), b: V.pct(80_000) }),
  msg("pay.f.times", { a: V.money(3_000_000), b: V.pct(120_000) }),
]);

const CASES: [Message, string, string][] = [
  [
    msg("pay.src.kpi", { metric: msg("pay.metric.gmv"), ...oct, shops: 2, orders: 1234 }),
    "KPI GMV 2026-10-01…2026-10-31, 2 shop(s), 1234 paid orders",
    "店铺数据 GMV 2026-10-01…2026-10-31，2 个店铺，1234 个付款订单",
  ],
  [
    attributed(586),
    "sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 586 paid orders",
    "归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：586 个付款订单",
  ],
  [
    msg("pay.src.attributed_department", {
      what: msg("pay.what.sales"),
      department: "客服",
      ...oct,
      shops: shops(1),
      orders: 9,
    }),
    "sales attributed to department 客服 (with its sub-departments) 2026-10-01…2026-10-31, 1 shop(s): 9 paid orders",
    "部门 客服（含下级部门）的归属销售额 2026-10-01…2026-10-31，1 个店铺：9 个付款订单",
  ],
  [
    msg("pay.src.unattributed", {
      what: msg("pay.what.sales"),
      ...oct,
      shops: shops(),
      orders: 498,
    }),
    "unattributed sales 2026-10-01…2026-10-31, all shops: 498 paid orders without an owner",
    "未归属的销售额 2026-10-01…2026-10-31，全部店铺：498 个无归属的付款订单",
  ],
  [
    msg("pay.src.instead", {
      entered: msg("pay.src.entered", { value: "2000.00" }),
      data: V.money(148_800),
      source: attributed(2),
    }),
    "entered 2000.00 (instead of the shop data: 1,488.00, sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 2 paid orders)",
    "手工录入 2000.00（代替店铺数据 1,488.00：归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：2 个付款订单）",
  ],
  [
    // A template's metric label (stored bilingual before codes) reads in the reader's language.
    msg("pay.src.metric", {
      metric: planText("询单转化率 Inquiry conversion (%)"),
      source: msg("pay.src.not_entered"),
    }),
    "Inquiry conversion (%): not entered (0)",
    "询单转化率：未录入（0）",
  ],
  [
    msg("pay.src.plan", { name: "客服 · 个人业绩" }),
    'pay plan "客服 · 个人业绩"',
    "薪酬方案“客服 · 个人业绩”",
  ],
  [
    msg("pay.f.equals", {
      formula: msg("pay.f.tiers_marginal", { base: V.money(8_000_000), slices }),
      amount: 730_000,
    }),
    "Marginal tiers on 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
    "超额累进，基数 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
  ],
  [
    msg("pay.f.below_gate", { base: V.money(3_000_000), pct: 80, target: V.money(5_000_000) }),
    "30,000.00 is below the gate 80% × 50,000.00: nothing paid",
    "30,000.00 低于门槛 80% × 50,000.00：不计发",
  ],
  [
    msg("pay.f.score_below_gate", { score: 20, min: 60 }),
    "score 20 is below the gate 60: nothing paid",
    "得分 20 低于门槛 60：不计发",
  ],
  [
    msg("pay.f.pool", { base: 12_725_120, pct: 1, pool: 127_251, members: 3, share: 42_417 }),
    "pool 127,251.20 × 1% = 1,272.51, shared by 3: 424.17",
    "公共池 127,251.20 × 1% = 1,272.51，3 人平分：424.17",
  ],
  [msg("pay.f.if_none_none", { amount: 10_000 }), "none this period → 100.00", "本期无 → 100.00"],
  [
    msg("pay.f.equals", {
      formula: msg("pay.f.cap", {
        formula: msg("pay.f.times", {
          a: showBase(1200, "quantity"),
          b: showRate(20_000_000, "quantity"),
        }),
        cap: 200_000,
      }),
      amount: 200_000,
    }),
    "min(1200 units × 0.20/unit, cap 2,000.00) = 2,000.00",
    "min(1200 件 × 0.20/件，封顶 2,000.00) = 2,000.00",
  ],
  [
    msg("pay.f.equals", {
      formula: msg("pay.f.times", { a: V.money(148_800), b: V.pct(10_000) }),
      amount: 1_488,
    }),
    "1,488.00 × 1% = 14.88",
    "1,488.00 × 1% = 14.88",
  ],
  [
    msg("pay.src.metric", {
      metric: planText("首次响应 First response (s)"),
      source: msg("pay.src.cs_weighted", { ...oct, inquirers: 1277, paying: 792 }),
    }),
    "First response (s): CS data 2026-10-01…2026-10-31: 1277 inquirers, 792 paid (days weighted by inquirers)",
    "首次响应：客服数据 2026-10-01…2026-10-31：询单 1277 人，付款 792 人（各天按询单人数加权）",
  ],
  [msg("pay.in.points", { value: 62.02, score: 80 }), "62.02 → 80 points", "62.02 → 80 分"],
  [
    msg("pay.src.shipping", { ...oct, late: 1, overdue: 0, due: 2 }),
    "shipping 2026-10-01…2026-10-31, all shops: 1 shipped late, 0 overdue of 2 due",
    "发货数据 2026-10-01…2026-10-31，全部店铺：应发 2 单，迟发 1 单，逾期未发 0 单",
  ],
  [
    msg("pay.src.same_share", {
      value: 148_800,
      target: 1_000_000,
      shop: 157_600,
      source: attributed(2, "2026-10-25"),
    }),
    "projected at the same share of the shop: 1,488.00 × 10,000.00 ÷ 1,576.00 (sales attributed to 刘婷 2026-10-01…2026-10-25, all shops: 2 paid orders)",
    "按占店铺销售额的同等比例预测：1,488.00 × 10,000.00 ÷ 1,576.00（归属 刘婷 的销售额 2026-10-01…2026-10-25，全部店铺：2 个付款订单）",
  ],
  [msg("pay.in.not_entered_points"), "not entered → 0 points", "未录入 → 0 分"],
  [msg("pay.in.score_at_least", { min: 60 }), "score ≥ 60", "得分 ≥ 60"],
  [msg("pay.in.gate_of_target", { pct: 80 }), "80% of target", "目标的 80%"],
];

describe("statement formulas, sources and input values, from their codes", () => {
  it.each(CASES)("%#: %s", (m, en, zh) => {
    expect(renderMessage("en", m)).toBe(en);
    expect(renderMessage("zh-CN", m)).toBe(zh);
  });
});
