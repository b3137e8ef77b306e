import { describe, expect, it } from "vitest";
import { fieldError } from "../errors.js";
import { msg, renderMessage, type Message } from "../messages/index.js";
import { roundMicro } from "./exact.js";
import { compilePlan, PAY_PLAN_FORMAT, type CompiledPlan, type PayPlanDefinition } from "./plan.js";
import {
  computeRun,
  computeStatement,
  inputKey,
  splitPool,
  type Inputs,
  type PayLine,
  type Statement,
} from "./statement.js";
import { PAY_PLAN_TEMPLATES } from "./templates.js";
import { applyTiers, compileTiers, type BandDef } from "./tiers.js";

const FORMATS_BANDS: BandDef[] = [
  { from: "0", to: "10000", ratePct: 5 },
  { from: "10000", to: "50000", ratePct: 8 },
  { from: "50000", to: null, ratePct: 12 },
];
const table = (kind: "whole" | "marginal", bands = FORMATS_BANDS) => {
  const r = compileTiers(kind, bands, "money");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.table;
};
const compiled = (def: PayPlanDefinition): CompiledPlan => {
  const r = compilePlan(def);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};
const template = (id: string) => compiled(PAY_PLAN_TEMPLATES.find((t) => t.id === id)!.plan);
const plan = (over: Partial<PayPlanDefinition>): PayPlanDefinition => ({
  format: PAY_PLAN_FORMAT,
  name: "p",
  baseSalary: "0",
  commissions: [],
  bonuses: [],
  events: [],
  pools: [],
  ...over,
});
const v = (value: number, source = "test") => ({
  value,
  source: msg("pay.text", { text: source }),
});
const line = (s: Statement, code: string) => s.lines.find((l) => l.code === code)!;
const en = (m: Message) => renderMessage("en", m);
const zh = (m: Message) => renderMessage("zh-CN", m);
/** A line's inputs as the reader sees them: label → value, in a language. */
const inputsIn = (l: PayLine, t: (m: Message) => string) =>
  Object.fromEntries(l.inputs.map((i) => [t(i.label), t(i.value)]));

describe("tiers", () => {
  it("gives the formats.md example exactly: 80,000 on marginal tiers → 7,300.00, on whole tiers → 9,600.00", () => {
    expect(roundMicro(applyTiers(table("marginal"), 8_000_000).micro)).toBe(730_000);
    expect(roundMicro(applyTiers(table("whole"), 8_000_000).micro)).toBe(960_000);
  });

  it("puts a base on a band boundary into the band that starts there", () => {
    expect(roundMicro(applyTiers(table("whole"), 1_000_000).micro)).toBe(80_000);
    expect(roundMicro(applyTiers(table("whole"), 999_999).micro)).toBe(50_000); // 9,999.99 × 5 % = 499.9995 → 500.00
  });

  it.each([
    [
      [
        { from: "0", to: "10000", ratePct: 5 },
        { from: "12000", to: null, ratePct: 8 },
      ],
      "bands.1.from",
      /gap/,
    ],
    [
      [
        { from: "0", to: "10000", ratePct: 5 },
        { from: "9000", to: null, ratePct: 8 },
      ],
      "bands.1.from",
      /overlaps/,
    ],
    [
      [
        { from: "0", to: "10000", ratePct: -5 },
        { from: "10000", to: null, ratePct: 8 },
      ],
      "bands.0.ratePct",
      /negative/,
    ],
    [
      [
        { from: "0", to: "10000", ratePct: 5 },
        { from: "10000", to: "20000", ratePct: 8 },
      ],
      "bands.1.to",
      /open-ended/,
    ],
    [[{ from: "100", to: null, ratePct: 5 }], "bands.0.from", /starts at 0/],
    [
      [
        { from: "0", to: null, ratePct: 5 },
        { from: "10000", to: null, ratePct: 8 },
      ],
      "bands.0.to",
      /only the last/,
    ],
    [
      [
        { from: "0", to: "0", ratePct: 5 },
        { from: "0", to: null, ratePct: 8 },
      ],
      "bands.0.to",
      /above from/,
    ],
  ] as [BandDef[], string, RegExp][])(
    "refuses a bad table, naming the field (%#)",
    (bands, field, message) => {
      const r = compileTiers("marginal", bands, "money");
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(
          r.errors.filter((e) => e.field === field).map((e) => en({ code: e.code!, ...e })),
        ).toContainEqual(expect.stringMatching(new RegExp(message.source, "i")));
    },
  );
});

describe("the rounding rule: half away from zero to the fen, once per line", () => {
  it("rounds exact halves away from zero and keeps everything else exact", () => {
    expect([
      roundMicro(500_000n),
      roundMicro(-500_000n),
      roundMicro(499_999n),
      roundMicro(1_499_999n),
      roundMicro(-1_500_000n),
    ]).toEqual([1, -1, 0, 1, -2]);
    const p = compiled(
      plan({ commissions: [{ code: "c", label: "c", base: "gmv", scope: "shop", ratePct: 3.33 }] }),
    );
    // 100.15 × 3.33 % = 3.334995 → 3.33
    expect(
      line(computeStatement(p, "m", { [inputKey.commission("c")]: v(10_015) }), "c").amountFen,
    ).toBe(333);
  });

  it("rounds a marginal line once, not per slice", () => {
    const t = table("marginal", [
      { from: "0", to: "0.10", ratePct: 5 },
      { from: "0.10", to: null, ratePct: 5 },
    ]);
    // two slices of 0.5 fen each: per-slice rounding would give 2 fen, the exact line is 1 fen
    expect(roundMicro(applyTiers(t, 20).micro)).toBe(1);
  });
});

describe("commission lines", () => {
  const gmv = (extra: Partial<PayPlanDefinition["commissions"][number]>) =>
    compiled(
      plan({
        commissions: [
          {
            code: "c",
            label: "Shop GMV",
            base: "gmv",
            scope: "shop",
            tiers: { kind: "marginal", bands: FORMATS_BANDS },
            ...extra,
          },
        ],
      }),
    );

  it("prints formula, inputs and sources as messages, numbers as parameters", () => {
    const s = computeStatement(gmv({}), "m", { "commission.c": v(8_000_000, "KPI GMV 2026-11") });
    const c = line(s, "c");
    expect(c.formula).toMatchObject({ code: "pay.f.equals", params: { amount: 730_000 } });
    expect(en(c.formula)).toBe(
      "Marginal tiers on 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
    );
    expect(zh(c.formula)).toBe(
      "超额累进，基数 80,000.00: 10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12% = 7,300.00",
    );
    expect(inputsIn(c, en)).toEqual({
      Base: "80,000.00",
      Scope: "the whole shop",
      Basis: "GMV (buyer-paid amount of paid orders)",
    });
    expect(inputsIn(c, zh)).toEqual({
      基数: "80,000.00",
      范围: "整店",
      口径: "销售额 GMV（已付款订单的买家实付）",
    });
    expect(c.inputs.map((i) => i.key)).toEqual(["base", "scope", "basis"]);
    expect(c.sources.map(en)).toEqual(["KPI GMV 2026-11"]);
    expect(en(c.label)).toBe("Shop GMV");
  });

  it("pays nothing below the gate and caps the line", () => {
    const p = gmv({ gate: { minAchievementPct: 80, target: "100000" }, cap: "5000" });
    const below = line(computeStatement(p, "m", { "commission.c": v(7_999_999) }), "c");
    expect(below.amountFen).toBe(0);
    expect(en(below.formula)).toBe("79,999.99 is below the gate 80% × 100,000.00: nothing paid");
    expect(zh(below.formula)).toBe("79,999.99 低于门槛 80% × 100,000.00：不计发");
    const capped = line(computeStatement(p, "m", { "commission.c": v(8_000_000) }), "c");
    expect(capped.amountFen).toBe(500_000);
    expect(en(capped.formula)).toContain("cap 5,000.00) = 5,000.00");
    expect(zh(capped.formula)).toContain("封顶 5,000.00) = 5,000.00");
  });

  it("splits by percentages that must add up to 100", () => {
    const p = gmv({
      attribution: {
        kind: "split",
        splits: [
          { memberId: "a", pct: 60 },
          { memberId: "b", pct: 40 },
        ],
      },
    });
    const inputs = { "commission.c": v(8_000_000) };
    expect([
      line(computeStatement(p, "a", inputs), "c").amountFen,
      line(computeStatement(p, "b", inputs), "c").amountFen,
      line(computeStatement(p, "z", inputs), "c").amountFen,
    ]).toEqual([438_000, 292_000, 0]);
    const bad = compilePlan(
      plan({
        commissions: [
          {
            code: "c",
            label: "c",
            base: "gmv",
            scope: "shop",
            ratePct: 1,
            attribution: {
              kind: "split",
              splits: [
                { memberId: "a", pct: 60 },
                { memberId: "b", pct: 30 },
              ],
            },
          },
        ],
      }),
    );
    expect(bad.ok ? [] : bad.errors).toContainEqual(
      fieldError("commissions.0.attribution.splits", "pay.field.splits_sum", { sum: 90 }),
    );
    expect(en(msg("pay.field.splits_sum", { sum: 90 }))).toBe(
      "Percentages must add up to 100 (they add up to 90).",
    );
  });

  it("refuses negative rates, a percentage on a quantity base and duplicate codes", () => {
    const r = compilePlan(
      plan({
        commissions: [
          { code: "c", label: "c", base: "gmv", scope: "shop", ratePct: -1 },
          { code: "c", label: "q", base: "quantity", scope: "person", ratePct: 1 },
        ],
      }),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        "commissions.0.ratePct",
        "commissions.1.code",
        "commissions.1.ratePct",
      ]),
    );
  });

  it("takes a base from the data, entered or the parcels packed, and nothing else", () => {
    const src = (source: string) =>
      compilePlan(
        plan({
          commissions: [
            {
              code: "p",
              label: "p",
              base: "quantity",
              scope: "person",
              perUnit: "0.20",
              source: source as "entered",
            },
          ],
        }),
      );
    expect(src("entered").ok).toBe(true);
    expect(src("parcels").ok).toBe(true);
    const bad = src("warehouse");
    const options = ["data", "entered", "parcels"];
    expect(bad.ok ? [] : bad.errors).toContainEqual(
      fieldError("commissions.0.source", "pay.field.one_of", { options }),
    );
    expect(zh(msg("pay.field.one_of", { options }))).toBe("只能是 data、entered、parcels 之一。");
    // Parcels packed are a count: on a money base they are refused.
    const money = compilePlan(
      plan({
        commissions: [
          { code: "p", label: "p", base: "gmv", scope: "person", ratePct: 1, source: "parcels" },
        ],
      }),
    );
    expect(money.ok ? [] : money.errors).toContainEqual(
      fieldError("commissions.0.base", "logistics.people.field.parcels_quantity"),
    );
  });
});

describe("KPI bonus from score bands (the CS scorecard of formats.md)", () => {
  const cs = template("customer-service");
  const bonus = (firstResponse: number) =>
    line(
      computeStatement(cs, "m", {
        "bonus.scorecard.inquiry-conversion": v(66),
        "bonus.scorecard.payment-rate": v(85),
        "bonus.scorecard.first-response": v(firstResponse),
        "bonus.scorecard.average-response": v(40),
        "bonus.scorecard.other": v(75),
      }),
      "scorecard",
    );

  it.each([
    [15, 90_000],
    [18, 89_000],
    [22, 88_000],
    [30, 86_000],
    [31, 80_000],
  ])("first response %i s → bonus %i fen", (seconds, fen) => {
    // 40 %×100 + 25 %×80 + 10 %×(100|90|80|60|0) + 10 %×80 + 15 %×80 of 1,000.00
    expect(bonus(seconds).amountFen).toBe(fen);
  });

  it("scores a metric nobody entered 0 points, even where lower is better", () => {
    const all = {
      "bonus.scorecard.inquiry-conversion": v(66),
      "bonus.scorecard.payment-rate": v(95),
      "bonus.scorecard.average-response": v(20),
      "bonus.scorecard.other": v(95),
    };
    const s = line(computeStatement(cs, "m", all), "scorecard");
    // 40 %×100 + 25 %×100 + first response missing → 0 + 10 %×100 + 15 %×100 of 1,000.00 = 900.00, not 1,000.00
    expect(s.amountFen).toBe(90_000);
    // The metric is named by its label (the template's, in the reader's language), never its key.
    expect(inputsIn(s, en)["First response (s)"]).toBe("not entered → 0 points");
    expect(inputsIn(s, zh)["首次响应"]).toBe("未录入 → 0 分");
    expect(inputsIn(s, en)["Inquiry conversion (%)"]).toBe("66 → 100 points");
  });

  it("pays nothing below the score gate", () => {
    const s = computeStatement(cs, "m", { "bonus.scorecard.first-response": v(99) });
    expect(line(s, "scorecard").amountFen).toBe(0);
    expect(en(line(s, "scorecard").formula)).toBe("score 0 is below the gate 60: nothing paid");
    expect(zh(line(s, "scorecard").formula)).toBe("得分 0 低于门槛 60：不计发");
  });

  it("refuses weights that do not add up to 100 and bands out of order", () => {
    const r = compilePlan(
      plan({
        bonuses: [
          {
            code: "b",
            label: "b",
            bonusBase: "100",
            score: {
              kind: "bands",
              metrics: [
                {
                  code: "x",
                  label: "x",
                  weight: 50,
                  better: "lower",
                  bands: [
                    { threshold: 20, score: 90 },
                    { threshold: 15, score: 100 },
                  ],
                },
              ],
            },
          },
        ],
      }),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      fieldError("bonuses.0.score.metrics.0.bands.1.threshold", "pay.field.bands_up"),
      fieldError("bonuses.0.score.metrics", "pay.field.weights_sum", { sum: 50 }),
    ]);
  });
});

describe("golden statements for the four templates", () => {
  it("运营: base 6,000 + marginal GMV commission on 80,000 = 13,300.00; below 80 % of target only the base", () => {
    const p = template("operations");
    expect(computeStatement(p, "m", { "commission.shop-gmv": v(8_000_000) }).totalFen).toBe(
      1_330_000,
    );
    expect(computeStatement(p, "m", { "commission.shop-gmv": v(3_999_999) }).totalFen).toBe(
      600_000,
    );
  });

  it("客服: attributed commission, scorecard, reviews turned good and a pool share whose shares add up to the pool", () => {
    const p = template("customer-service");
    const inputs = (attributed: number): Inputs => ({
      "commission.attributed": v(attributed),
      "bonus.scorecard.inquiry-conversion": v(66),
      "bonus.scorecard.payment-rate": v(85),
      "bonus.scorecard.first-response": v(18),
      "bonus.scorecard.average-response": v(40),
      "bonus.scorecard.other": v(75),
      "event.review-turned-good": v(3),
      "pool.cs-unattributed": v(20_000_000, "entered: unattributed sales"),
    });
    const run = computeRun([
      { memberId: "b", plan: p, inputs: inputs(0) },
      { memberId: "a", plan: p, inputs: inputs(12_000_000) },
      { memberId: "c", plan: p, inputs: inputs(0) },
    ]);
    const a = run.find((s) => s.memberId === "a")!;
    expect(a.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ["base", 400_000],
      ["attributed", 120_000],
      ["scorecard", 89_000],
      ["review-turned-good", 1_500],
      ["cs-unattributed", 66_667],
    ]);
    expect(a.totalFen).toBe(677_167);
    expect(run.map((s) => line(s, "cs-unattributed").amountFen)).toEqual([66_667, 66_667, 66_666]);
    expect(en(line(a, "cs-unattributed").formula)).toBe(
      "pool 200,000.00 × 1% = 2,000.00, shared by 3: 666.67",
    );
    expect(zh(line(a, "cs-unattributed").formula)).toBe(
      "公共池 200,000.00 × 1% = 2,000.00，3 人平分：666.67",
    );
    expect(en(line(a, "scorecard").formula)).toBe(
      "1,000.00 × (40% × 100 + 25% × 80 + 10% × 90 + 10% × 80 + 15% × 80)/100 = 890.00",
    );
    // The template's labels are its catalog codes: each reader gets their language.
    expect(a.lines.map((l) => en(l.label))).toEqual([
      "Base salary",
      "Attributed sales commission",
      "CS scorecard bonus",
      "Bad review turned good",
      "Unattributed sales pool",
    ]);
    expect(a.lines.map((l) => zh(l.label))).toEqual([
      "底薪",
      "个人询单销售额提成",
      "客服考核奖金",
      "差评转好评",
      "静默下单公共池",
    ]);
  });

  it("设计: images on time (capped), goal score bonus, late images", () => {
    const p = template("design");
    const s = computeStatement(p, "m", {
      "commission.images": v(85),
      "bonus.goals.goal": v(87.5),
      "event.late-image": v(2),
    });
    expect(s.lines.map((l) => l.amountFen)).toEqual([700_000, 170_000, 131_250, -4_000]);
    expect(s.totalFen).toBe(997_250);
    expect(
      line(computeStatement(p, "m", { "commission.images": v(120) }), "images").amountFen,
    ).toBe(200_000);
  });

  it("物流: parcels on marginal per-unit tiers, wrong shipments and the month without a late hand-over", () => {
    const p = template("logistics");
    const s = computeStatement(p, "m", {
      "commission.parcels": v(3500),
      "event.wrong-shipment": v(2),
      "event.no-late-handover": v(0),
    });
    expect(s.lines.map((l) => l.amountFen)).toEqual([450_000, 75_000, -2_000, 10_000]);
    expect(en(line(s, "parcels").formula)).toBe(
      "Marginal tiers on 3500 units: 3000 × 0.20/unit + 500 × 0.30/unit = 750.00",
    );
    expect(zh(line(s, "parcels").formula)).toBe(
      "超额累进，基数 3500 件: 3000 × 0.20/件 + 500 × 0.30/件 = 750.00",
    );
    expect(en(line(s, "no-late-handover").formula)).toBe("none this period → 100.00");
    expect(zh(line(s, "wrong-shipment").formula)).toBe("2 × -10.00 = -20.00");
    expect(
      line(computeStatement(p, "m", { "event.no-late-handover": v(1) }), "no-late-handover")
        .amountFen,
    ).toBe(0);
  });

  it("every shipped template compiles", () => {
    for (const t of PAY_PLAN_TEMPLATES) expect(compilePlan(t.plan).ok).toBe(true);
  });
});

describe("pools", () => {
  it("splits by largest remainder in member-id order", () => {
    expect([...splitPool(100, ["c", "a", "b"])]).toEqual([
      ["a", 34],
      ["b", 33],
      ["c", 33],
    ]);
    expect([...splitPool(-100, ["a", "b", "c"])]).toEqual([
      ["a", -34],
      ["b", -33],
      ["c", -33],
    ]);
  });
});
