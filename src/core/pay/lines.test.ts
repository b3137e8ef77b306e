// One statement as stored and read back: written by the engine as messages it renders in Chinese
// and in English from its codes (formulas, sources, input values); written before codes (English
// prose), it still shows — the same words and numbers — in either language.
import { describe, expect, it } from "vitest";
import { msg, renderMessage, type Locale } from "../messages/index.js";
import { storedLines, storeLines } from "./lines.js";
import { compilePlan } from "./plan.js";
import { computeRun, type PayLine } from "./statement.js";
import { PAY_PLAN_TEMPLATES } from "./templates.js";

const cs = (() => {
  const r = compilePlan(PAY_PLAN_TEMPLATES.find((t) => t.id === "customer-service")!.plan);
  if (!r.ok) throw new Error("template");
  return r.plan;
})();
const read = (l: PayLine, locale: Locale) => ({
  label: renderMessage(locale, l.label),
  formula: renderMessage(locale, l.formula),
  inputs: l.inputs.map(
    (i) => `${renderMessage(locale, i.label)}=${renderMessage(locale, i.value)}`,
  ),
  sources: l.sources.map((s) => renderMessage(locale, s)),
});

describe("a statement's lines from their codes", () => {
  const [statement] = computeRun([
    {
      memberId: "m",
      plan: cs,
      inputs: {
        "commission.attributed": {
          value: 123_456,
          source: msg("pay.src.attributed_member", {
            what: msg("pay.what.sales"),
            name: "刘婷",
            from: "2026-10-01",
            to: "2026-10-31",
            shops: msg("pay.src.shops_all"),
            orders: 2,
          }),
        },
        "bonus.scorecard.inquiry-conversion": {
          value: 66,
          source: msg("pay.src.cs", {
            from: "2026-10-01",
            to: "2026-10-31",
            inquirers: 50,
            paying: 33,
          }),
        },
      },
      adjustments: [{ amountFen: 12_000, reason: "双休日加班" }],
    },
  ]);
  const lines = storedLines(storeLines(statement!.lines));

  it("keeps every number and reads back the same lines", () => {
    expect(lines).toEqual(statement!.lines);
    expect(lines.map((l) => l.amountFen)).toEqual([400_000, 1_235, 0, 0, 0, 12_000]);
  });

  it("renders the commission in English and in Chinese", () => {
    const c = lines.find((l) => l.code === "attributed")!;
    expect(read(c, "en")).toEqual({
      label: "Attributed sales commission",
      formula: "1,234.56 × 1% = 12.35",
      inputs: [
        "Base=1,234.56",
        "Scope=the person's own sales",
        "Basis=GMV (buyer-paid amount of paid orders)",
      ],
      sources: ["sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 2 paid orders"],
    });
    expect(read(c, "zh-CN")).toEqual({
      label: "个人询单销售额提成",
      formula: "1,234.56 × 1% = 12.35",
      inputs: ["基数=1,234.56", "范围=本人业绩", "口径=销售额 GMV（已付款订单的买家实付）"],
      sources: ["归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：2 个付款订单"],
    });
  });

  it("renders the scorecard's metrics by their names, never their keys", () => {
    const b = lines.find((l) => l.code === "scorecard")!;
    expect(read(b, "en").inputs.slice(0, 3)).toEqual([
      "Bonus base=1,000.00",
      "Inquiry conversion (%)=66 → 100 points",
      "Payment rate (%)=not entered → 0 points",
    ]);
    expect(read(b, "zh-CN").inputs.slice(0, 3)).toEqual([
      "奖金基数=1,000.00",
      "询单转化率=66 → 100 分",
      "付款率=未录入 → 0 分",
    ]);
    expect(read(b, "zh-CN").sources[0]).toBe(
      "询单转化率：客服数据 2026-10-01…2026-10-31：询单 50 人，付款 33 人",
    );
    expect(read(b, "en").formula).toBe("score 40 is below the gate 60: nothing paid");
    expect(read(b, "zh-CN").formula).toBe("得分 40 低于门槛 60：不计发");
  });

  it("renders the base salary and an adjustment", () => {
    expect(read(lines[0]!, "zh-CN")).toEqual({
      label: "底薪",
      formula: "底薪 4,000.00",
      inputs: [],
      sources: ["薪酬方案“客服 · 个人业绩 + 公共池 + 考核奖金”"],
    });
    expect(read(lines.at(-1)!, "en")).toMatchObject({
      label: "Adjustment",
      formula: "adjustment 120.00: 双休日加班",
    });
  });
});

describe("a statement stored before codes (English prose)", () => {
  // As the engine wrote it until messages had codes; a locked statement is never rewritten.
  const legacy = JSON.stringify([
    {
      kind: "base",
      code: "base",
      label: "Base salary",
      amountFen: 400_000,
      formula: "base salary 4,000.00",
      inputs: {},
      sources: ['pay plan "客服 · 个人业绩 + 公共池 + 考核奖金"'],
    },
    {
      kind: "commission",
      code: "attributed",
      label: "个人询单销售额提成 Attributed sales commission",
      amountFen: 1_235,
      formula: "1,234.56 × 1% = 12.35",
      inputs: { base: "1,234.56", scope: "person", basis: "gmv" },
      sources: ["sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 2 paid orders"],
    },
    {
      kind: "bonus",
      code: "scorecard",
      label: "客服考核奖金 CS scorecard bonus",
      amountFen: 0,
      formula: "score 40 is below the gate 60: nothing paid",
      inputs: { bonusBase: "1,000.00", "inquiry-conversion": "66 → 100 points", score: "40" },
      sources: [
        "询单转化率 Inquiry conversion (%): CS data 2026-10-01…2026-10-31: 50 inquirers, 33 paid",
      ],
    },
    {
      kind: "event",
      code: "no-late-handover",
      label: "No late hand-over",
      amountFen: 0,
      formula: "count not entered: missing, nothing paid until it is entered",
      inputs: { amount: "100.00" },
      sources: [],
      missing: true,
    },
  ]);
  const lines = storedLines(legacy);

  it("keeps every amount and shows the words it was written with, in either language", () => {
    expect(lines.map((l) => l.amountFen)).toEqual([400_000, 1_235, 0, 0]);
    expect(lines[3]!.missing).toBe(true);
    for (const locale of ["en", "zh-CN"] as const) {
      expect(lines.map((l) => renderMessage(locale, l.formula))).toEqual([
        "base salary 4,000.00",
        "1,234.56 × 1% = 12.35",
        "score 40 is below the gate 60: nothing paid",
        "count not entered: missing, nothing paid until it is entered",
      ]);
      expect(renderMessage(locale, lines[1]!.sources[0]!)).toBe(
        "sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: 2 paid orders",
      );
      expect(lines[1]!.formula.code).toBe("legacy.text");
    }
  });

  it("gives what was never prose its code: the engine's line names, template labels, input names, scope and basis", () => {
    expect(read(lines[0]!, "zh-CN").label).toBe("底薪");
    expect(read(lines[1]!, "zh-CN")).toMatchObject({
      label: "个人询单销售额提成",
      inputs: ["基数=1,234.56", "范围=本人业绩", "口径=销售额 GMV（已付款订单的买家实付）"],
    });
    expect(read(lines[1]!, "en").label).toBe("Attributed sales commission");
    expect(read(lines[2]!, "zh-CN").inputs).toEqual([
      "奖金基数=1,000.00",
      "询单转化率=66 → 100 points",
      "得分=40",
    ]);
    expect(read(lines[3]!, "en").label).toBe("No late hand-over");
  });
});
