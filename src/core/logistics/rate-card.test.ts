// The rate-card arithmetic pinned to the fen on hand-worked cases (each comment shows the sum done
// by hand), the validation with row and column, and the file forms (CSV rows and JSON) both ways.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import { encodeText, readCsvBytes } from "../orders/index.js";
import {
  cardV1,
  compileRateCard,
  DEFAULT_SETTINGS,
  formatKg,
  parseKg,
  RATE_CARD_FORMAT,
  type RateCard,
  type RateCardV1,
  type RateSettingsV1,
  type RateZoneV1,
} from "./rate-card.js";
import {
  rateCardRows,
  readRateCardJson,
  readRateCardRecords,
  withOptions,
} from "./rate-card-file.js";
import { quoteCard, type QuoteInput } from "./rate-quote.js";

// 一区: 0–3 kg flat ¥3.40, over 3 kg first 1 kg ¥5.00 + ¥1.50 per kg.
// 二区: first 1 kg ¥8.00 + ¥2.00 per 0.5 kg, no upper bound.
// 偏远: first 1 kg ¥12.00 + ¥4.00 per kg.
const ZONES: RateZoneV1[] = [
  {
    name: "一区",
    provinces: ["浙江", "上海市", "苏"],
    bands: [
      { fromKg: "0", toKg: "3", mode: "flat", price: "3.40" },
      {
        fromKg: "3",
        toKg: null,
        mode: "first_additional",
        firstKg: "1",
        firstFee: "5.00",
        stepKg: "1",
        stepFee: "1.50",
      },
    ],
  },
  {
    name: "二区",
    provinces: ["广东省", "北京"],
    bands: [
      {
        fromKg: "0",
        toKg: null,
        mode: "first_additional",
        firstKg: "1",
        firstFee: "8",
        stepKg: "0.5",
        stepFee: "2",
      },
    ],
  },
  {
    name: "偏远",
    provinces: ["新疆维吾尔自治区", "西藏"],
    bands: [
      {
        fromKg: "0",
        toKg: null,
        mode: "first_additional",
        firstKg: "1",
        firstFee: "12",
        stepKg: "1",
        stepFee: "4",
      },
    ],
  },
];

function card(settings: Partial<RateSettingsV1> = {}, zones = ZONES): RateCard {
  const c = compileRateCard("card.json", {
    format: RATE_CARD_FORMAT,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    zones,
  });
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.card;
}

function fee(c: RateCard, input: QuoteInput) {
  const q = quoteCard(c, input);
  if (!q.ok) throw new Error(JSON.stringify(q.reason));
  return { kg: formatKg(q.chargeableG), fen: q.feeFen };
}
const box = (l: number, w: number, h: number) => ({ lengthMm: l, widthMm: w, heightMm: h });

describe("weights as exact decimals", () => {
  it("reads kg texts to grams digit by digit and writes them back", () => {
    expect(parseKg("3")).toBe(3000);
    expect(parseKg("3.01")).toBe(3010);
    expect(parseKg("0.5kg")).toBe(500);
    expect(parseKg("２.５公斤")).toBe(2500);
    expect(parseKg("0.1234")).toBeNull();
    expect(parseKg("0.1230")).toBe(123);
    expect(parseKg("-1")).toBeNull();
    expect(parseKg("1001")).toBeNull();
    expect(formatKg(3010)).toBe("3.01");
    expect(formatKg(500)).toBe("0.5");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (g) => parseKg(formatKg(g)) === g),
    );
  });
});

describe("band edges (from, to]", () => {
  const c = card();
  it("puts exactly 3.00 kg in 0–3 kg and 3.01 kg in the band over 3 kg", () => {
    // 3.000 kg → 3 kg → 0–3 kg flat 3.40
    expect(fee(c, { weightG: 3000, province: "浙江" })).toEqual({ kg: "3", fen: 340 });
    // 3.01 kg → rounded up to 4 kg → 5.00 + ⌈(4 − 1) ÷ 1⌉ × 1.50 = 9.50
    expect(fee(c, { weightG: 3010, province: "浙江" })).toEqual({ kg: "4", fen: 950 });
    // 0.2 kg → 1 kg → 3.40; 10 kg → 5.00 + 9 × 1.50 = 18.50
    expect(fee(c, { weightG: 200, province: "上海" })).toEqual({ kg: "1", fen: 340 });
    expect(fee(c, { weightG: 10_000, province: "江苏" })).toEqual({ kg: "10", fen: 1850 });
  });

  it("rounds 2.001 kg up to 3 kg (still in 0–3 kg), never down", () => {
    expect(fee(c, { weightG: 2001, province: "浙江" })).toEqual({ kg: "3", fen: 340 });
  });
});

describe("0.5 kg steps", () => {
  it("rounds the weight to 0.5 kg and counts 续重 steps of 0.5 kg, rounded up", () => {
    const c = card({ stepRounding: "0.5" });
    // 1.2 kg → 1.5 kg → 8.00 + ⌈0.5 ÷ 0.5⌉ × 2.00 = 10.00
    expect(fee(c, { weightG: 1200, province: "广东" })).toEqual({ kg: "1.5", fen: 1000 });
    // 1.5 kg → 1.5 kg → 10.00; 1.51 kg → 2 kg → 8.00 + 2 × 2.00 = 12.00
    expect(fee(c, { weightG: 1500, province: "广东" })).toEqual({ kg: "1.5", fen: 1000 });
    expect(fee(c, { weightG: 1510, province: "广东" })).toEqual({ kg: "2", fen: 1200 });
    // 0.3 kg → 0.5 kg: under the first weight, the first fee alone = 8.00
    expect(fee(c, { weightG: 300, province: "北京" })).toEqual({ kg: "0.5", fen: 800 });
    // a 1 kg step on a 0.5 kg weight: 2.5 kg in 偏远 → 12.00 + ⌈1.5 ÷ 1⌉ × 4.00 = 20.00
    expect(fee(c, { weightG: 2300, province: "西藏" })).toEqual({ kg: "2.5", fen: 2000 });
  });

  it("counts at least the first weight when the contract says so", () => {
    const c = card({ stepRounding: "0.5", firstWeightMinimum: true });
    const q = quoteCard(c, { weightG: 300, province: "北京" });
    expect(q.ok && [q.chargeableG, q.feeFen]).toEqual([1000, 800]);
    expect(q.ok && renderMessage("en", q.formula)).toBe(
      "actual 0.3 kg, rounded up to 0.5 kg, at least the first weight 1 kg → 1 kg chargeable; 二区 over 0 kg: first 1 kg 8.00 + 0 × 2.00 per 0.5 kg = 8.00",
    );
  });
});

describe("volumetric weight", () => {
  // 40 × 30 × 20 cm = 24,000 cm³: ÷ 6000 = 4 kg, ÷ 8000 = 3 kg, ÷ 12000 = 2 kg.
  const dims = box(400, 300, 200);
  it("counts in full (计全抛) with each divisor", () => {
    // max(1.2, 4) = 4 kg → 5.00 + 3 × 1.50 = 9.50
    expect(
      fee(card({ divisor: 6000, volumetric: "full" }), { weightG: 1200, dims, province: "浙江" }),
    ).toEqual({ kg: "4", fen: 950 });
    // max(1.2, 3) = 3 kg → 3.40
    expect(
      fee(card({ divisor: 8000, volumetric: "full" }), { weightG: 1200, dims, province: "浙江" }),
    ).toEqual({ kg: "3", fen: 340 });
    // max(1.2, 2) = 2 kg → 3.40
    expect(
      fee(card({ divisor: 12000, volumetric: "full" }), { weightG: 1200, dims, province: "浙江" }),
    ).toEqual({ kg: "2", fen: 340 });
    // without a size the actual weight counts: 1.2 → 2 kg
    expect(
      fee(card({ divisor: 6000, volumetric: "full" }), { weightG: 1200, province: "浙江" }),
    ).toEqual({ kg: "2", fen: 340 });
    // heavier than its size: max(5, 0.167) = 5 kg → 5.00 + 4 × 1.50 = 11.00
    expect(
      fee(card({ divisor: 6000, volumetric: "full" }), {
        weightG: 5000,
        dims: box(100, 100, 100),
        province: "浙江",
      }),
    ).toEqual({ kg: "5", fen: 1100 });
  });

  it("counts half (计半抛): actual + (volumetric − actual) × pct", () => {
    // 1.2 + (4 − 1.2) × 50% = 2.6 → 3 kg → 3.40
    expect(
      fee(card({ divisor: 6000, volumetric: "half", volumetricPct: 50 }), {
        weightG: 1200,
        dims,
        province: "浙江",
      }),
    ).toEqual({ kg: "3", fen: 340 });
    // 1.2 + (4 − 1.2) × 80% = 3.44 → 4 kg → 9.50
    expect(
      fee(card({ divisor: 6000, volumetric: "half", volumetricPct: 80 }), {
        weightG: 1200,
        dims,
        province: "浙江",
      }),
    ).toEqual({ kg: "4", fen: 950 });
    // 8000: 1.2 + (3 − 1.2) × 50% = 2.1 → 3 kg; with 0.5 kg rounding 2.5 kg in 二区 → 8.00 + 3 × 2.00 = 14.00
    expect(
      fee(card({ divisor: 8000, volumetric: "half", volumetricPct: 50, stepRounding: "0.5" }), {
        weightG: 1200,
        dims,
        province: "广东",
      }),
    ).toEqual({ kg: "2.5", fen: 1400 });
    // volumetric below actual: the actual weight, 5 kg → 11.00
    expect(
      fee(card({ divisor: 6000, volumetric: "half", volumetricPct: 50 }), {
        weightG: 5000,
        dims: box(100, 100, 100),
        province: "浙江",
      }),
    ).toEqual({ kg: "5", fen: 1100 });
  });

  it("lands exactly on a step where floating point would not", () => {
    // 30 × 20 × 10 cm ÷ 6000 = exactly 1 kg: 1 kg, not 1.5 kg.
    expect(
      fee(card({ divisor: 6000, volumetric: "full", stepRounding: "0.5" }), {
        weightG: 100,
        dims: box(300, 200, 100),
        province: "广东",
      }),
    ).toEqual({ kg: "1", fen: 800 });
    // 1 + (3 − 1) × 50% = exactly 2 kg (30 × 30 × 20 cm ÷ 6000 = 3 kg): 2 kg, not 2.5 kg.
    expect(
      fee(card({ divisor: 6000, volumetric: "half", volumetricPct: 50, stepRounding: "0.5" }), {
        weightG: 1000,
        dims: box(300, 300, 200),
        province: "广东",
      }),
    ).toEqual({ kg: "2", fen: 1200 });
    // 0.1 + (0.7 − 0.1) × 30% = 0.28 exactly; 0.5 kg (with 0.1 + 0.2 ≠ 0.3 in floats, a float sum drifts)
    expect(
      fee(card({ divisor: 6000, volumetric: "half", volumetricPct: 30, stepRounding: "0.5" }), {
        weightG: 100,
        dims: box(200, 210, 100),
        province: "广东",
      }),
    ).toEqual({ kg: "0.5", fen: 800 });
  });

  it("shows the volumetric sum in the formula", () => {
    const q = quoteCard(card({ divisor: 6000, volumetric: "half", volumetricPct: 50 }), {
      weightG: 1200,
      dims,
      province: "浙江",
    });
    expect(q.ok && renderMessage("zh-CN", q.formula)).toBe(
      "计半抛：实重 1.2 kg + (体积重 40×30×20 cm ÷ 6000 = 4 kg − 1.2 kg) × 50% = 2.6 kg，按 1 kg 进位 → 计费重 3 kg；一区 0–3 kg 一口价 3.40 = 3.40",
    );
    expect(q.ok && q.inputs).toEqual({
      weightG: 1200,
      dims,
      volumetricG: 4000,
      province: "330000",
      declaredFen: null,
    });
  });
});

describe("minimum charge, remote provinces, insurance", () => {
  it("raises a fee below the minimum charge to it", () => {
    const c = card({ minimumCharge: "4.00" });
    expect(fee(c, { weightG: 1000, province: "浙江" })).toEqual({ kg: "1", fen: 400 });
    // above the minimum: unchanged (9.50)
    expect(fee(c, { weightG: 3010, province: "浙江" })).toEqual({ kg: "4", fen: 950 });
  });

  it("adds the remote-area surcharge for the remote provinces only", () => {
    const c = card({ remoteSurcharge: "5.00", remoteProvinces: ["新疆", "藏"] });
    // 新疆 2.2 kg → 3 kg → 12.00 + 2 × 4.00 + 5.00 = 25.00
    const q = quoteCard(c, { weightG: 2200, province: "新疆" });
    expect(q.ok && [q.chargeableG, q.feeFen]).toEqual([3000, 2500]);
    expect(q.ok && renderMessage("en", q.formula)).toBe(
      "actual 2.2 kg, rounded up to 1 kg → 3 kg chargeable; 偏远 over 0 kg: first 1 kg 12.00 + 2 × 4.00 per 1 kg + remote-area surcharge (新疆) 5.00 = 25.00",
    );
    expect(fee(c, { weightG: 2200, province: "浙江" })).toEqual({ kg: "3", fen: 340 });
  });

  it("charges insurance on the declared value, rounding the total once, half away from zero", () => {
    const c = card({ insuranceRate: "0.5" });
    // 3.40 + 1.00 × 0.5% = 3.405 → 3.41 (half away from zero)
    expect(fee(c, { weightG: 1000, province: "浙江", declaredFen: 100 })).toEqual({
      kg: "1",
      fen: 341,
    });
    // 3.40 + 333.33 × 0.5% = 3.40 + 1.66665 = 5.06665 → 5.07
    expect(fee(c, { weightG: 1000, province: "浙江", declaredFen: 33_333 })).toEqual({
      kg: "1",
      fen: 507,
    });
    // 3.40 + 99.00 × 0.5% = 3.895 → 3.90; minimum 4.00 first, then 4.00 + 0.495 = 4.495 → 4.50
    expect(fee(c, { weightG: 1000, province: "浙江", declaredFen: 9900 })).toEqual({
      kg: "1",
      fen: 390,
    });
    expect(
      fee(card({ insuranceRate: "0.5", minimumCharge: "4" }), {
        weightG: 1000,
        province: "浙江",
        declaredFen: 9900,
      }),
    ).toEqual({ kg: "1", fen: 450 });
    // nothing declared: nothing charged
    expect(fee(c, { weightG: 1000, province: "浙江" })).toEqual({ kg: "1", fen: 340 });
    const q = quoteCard(
      card({
        insuranceRate: "0.5",
        minimumCharge: "4",
        remoteSurcharge: "5",
        remoteProvinces: ["西藏"],
      }),
      { weightG: 1000, province: "西藏", declaredFen: 20_000 },
    );
    // 12.00 + 5.00 + 200.00 × 0.5% = 18.00
    expect(q.ok && renderMessage("zh-CN", q.formula)).toBe(
      "实重 1 kg，按 1 kg 进位 → 计费重 1 kg；偏远 0 kg 以上：首重 1 kg 12.00 + 续重 0 × 4.00（每 1 kg） + 偏远附加费（西藏）5.00 + 保价 200.00 × 0.5% = 18.00",
    );
  });

  it("says why a card cannot price a parcel", () => {
    const c = card();
    const out = quoteCard(c, { weightG: 1000, province: "青海" });
    expect(!out.ok && renderMessage("en", out.reason)).toBe("the card does not cover 青海");
    const zero = quoteCard(c, { weightG: 0, province: "浙江" });
    expect(!zero.ok && zero.reason.code).toBe("rates.quote.bad_weight");
    const bounded = card({}, [
      {
        name: "小件",
        provinces: ["浙江"],
        bands: [{ fromKg: "0", toKg: "3", mode: "flat", price: "3" }],
      },
    ]);
    const heavy = quoteCard(bounded, { weightG: 3500, province: "浙江" });
    expect(!heavy.ok && renderMessage("zh-CN", heavy.reason)).toBe(
      "区域“小件”没有包含 4 kg 的重量段",
    );
  });
});

describe("validation with row and column", () => {
  const v1 = (zones: RateZoneV1[], settings: Partial<RateSettingsV1> = {}): RateCardV1 => ({
    format: RATE_CARD_FORMAT,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    zones,
  });
  const flat = (fromKg: string, toKg: string | null, price = "3") => ({
    fromKg,
    toKg,
    mode: "flat" as const,
    price,
  });

  it("refuses a gap, an overlap, a first band not from 0 and a band after an open one", () => {
    const c = compileRateCard(
      "c.json",
      v1([
        { name: "A", provinces: ["浙江"], bands: [flat("0", "3"), flat("4", null)] },
        { name: "B", provinces: ["江苏"], bands: [flat("0", "3"), flat("2.5", null)] },
        { name: "C", provinces: ["安徽"], bands: [flat("1", null)] },
        { name: "D", provinces: ["福建"], bands: [flat("0", null), flat("5", "6")] },
      ]),
    );
    expect(
      !c.ok && c.problems.map((p) => [p.row, p.column, p.code, p.params.from, p.params.to]),
    ).toEqual([
      [3, "zones[0].bands[1].fromKg", "rates.band.gap", "3", "4"],
      [5, "zones[1].bands[1].fromKg", "rates.band.overlap", "2.5", "3"],
      [6, "zones[2].bands[0].fromKg", "rates.band.first_not_zero", "0", "1"],
      [8, "zones[3].bands[1].fromKg", "rates.band.after_open", "5", undefined],
    ]);
  });

  it("refuses a province in two zones, an unknown province and bad cells; lists what is not covered", () => {
    const c = compileRateCard(
      "c.json",
      v1([
        { name: "A", provinces: ["浙江", "江苏"], bands: [flat("0", null)] },
        {
          name: "B",
          provinces: ["浙", "火星"],
          bands: [{ fromKg: "0", toKg: "x", mode: "flat", price: "" }],
        },
      ]),
    );
    expect(!c.ok && c.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "zones[1].provinces", "rates.province.twice"],
      [3, "zones[1].provinces", "rates.province.unknown"],
      [3, "zones[1].bands[0].toKg", "rates.cell.bad_weight"],
      [3, "zones[1].bands[0].price", "rates.cell.required"],
    ]);
    expect(
      !c.ok && renderMessage("en", { code: c.problems[0]!.code, params: c.problems[0]!.params }),
    ).toBe("浙江 is in zone B and in zone A: a province belongs to one zone.");
    const ok = compileRateCard(
      "c.json",
      v1([{ name: "A", provinces: ["浙江", "江苏", "上海"], bands: [flat("0", null)] }]),
    );
    expect(ok.ok && ok.notCovered.length).toBe(31);
    expect(ok.ok && ok.notCovered.slice(0, 3)).toEqual(["北京", "天津", "河北"]);
  });

  it("refuses settings that do not fit", () => {
    const c = compileRateCard(
      "c.json",
      v1([{ name: "A", provinces: ["浙江"], bands: [flat("0", null)] }], {
        volumetric: "half",
        volumetricPct: 150,
        stepRounding: "0.3" as "1",
        remoteProvinces: ["月球"],
        platforms: ["ebay"],
      }),
    );
    expect(!c.ok && c.problems.map((p) => p.code)).toEqual([
      "rates.setting.divisor_required",
      "rates.setting.pct",
      "rates.setting.step_rounding",
      "rates.province.unknown",
      "rates.setting.platforms",
    ]);
  });

  it("refuses a 续重 step other than 1 or 0.5 kg and an empty band", () => {
    const c = compileRateCard(
      "c.json",
      v1([
        {
          name: "A",
          provinces: ["浙江"],
          bands: [
            { fromKg: "0", toKg: "0", mode: "flat", price: "1" },
            {
              fromKg: "0",
              toKg: null,
              mode: "first_additional",
              firstKg: "1",
              firstFee: "5",
              stepKg: "2",
              stepFee: "1",
            },
          ],
        },
      ]),
    );
    expect(!c.ok && c.problems.map((p) => [p.row, p.code])).toEqual([
      [2, "rates.band.empty"],
      [3, "rates.band.step"],
    ]);
  });
});

describe("files: CSV rows and JSON", () => {
  const CSV = [
    "区域,省份,起始重量,截止重量,方式,价格,首重,首重费,续重单位,续重费",
    "江浙沪,浙江、江苏、上海,0,3,一口价,3.40,,,,",
    "江浙沪,,3,,首重续重,,1,5.00,1,1.50",
    '偏远,"新疆,西藏",0,,首重续重,,1,12,0.5,4',
  ].join("\r\n");

  const read = (text: string, encoding: "gb18030" | "utf-8" = "gb18030") => {
    const r = readCsvBytes("rates.csv", encodeText(text, encoding));
    if ("problem" in r) throw new Error(r.problem.code);
    return readRateCardRecords(
      "rates.csv",
      r.table.records,
      withOptions(DEFAULT_SETTINGS, { divisor: 8000 }),
    );
  };

  it("reads a GBK CSV with Chinese headers into zones and bands", () => {
    const r = read(CSV);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.card.settings.volumetric).toBe("full");
    expect(r.card.zones.map((z) => [z.name, z.provinces, z.bands.length])).toEqual([
      ["江浙沪", ["浙江", "江苏", "上海"], 2],
      ["偏远", ["新疆", "西藏"], 1],
    ]);
    const c = compileRateCard("rates.csv", r.card, r.locate);
    expect(c.ok && fee(c.card, { weightG: 3010, province: "沪" })).toEqual({ kg: "4", fen: 950 });
  });

  it("places a problem at the spreadsheet row and the column's header", () => {
    const broken = CSV.replace("江浙沪,,3,", "江浙沪,,3.5,").replace(
      '偏远,"新疆,西藏"',
      '偏远,"新疆,浙江,火星"',
    );
    const r = read(broken, "utf-8");
    if (!r.ok) throw new Error("read");
    const c = compileRateCard("rates.csv", r.card, r.locate);
    expect(!c.ok && c.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "起始重量", "rates.band.gap"],
      [4, "省份", "rates.province.twice"],
      [4, "省份", "rates.province.unknown"],
    ]);
  });

  it("reads English headers and a missing column is named", () => {
    const en = 'zone,provinces,from_kg,to_kg,mode,price\nA,"Zhejiang,浙",0,,flat,3\n';
    const r = read(en, "utf-8");
    expect(r.ok && r.card.zones[0]!.bands[0]).toEqual({
      fromKg: "0",
      toKg: null,
      mode: "flat",
      price: "3",
    });
    const bad = read("zone,provinces,price\nA,浙江,3\n", "utf-8");
    expect(!bad.ok && bad.problems.map((p) => [p.row, p.code, p.params.columns])).toEqual([
      [1, "rates.card.missing_columns", ["起始重量/from_kg", "截止重量/to_kg"]],
    ]);
  });

  it("writes a card back as rows and JSON that read back to the same card", () => {
    const compiled = card({
      divisor: 6000,
      volumetric: "half",
      volumetricPct: 60,
      remoteSurcharge: "5",
      remoteProvinces: ["新疆"],
      insuranceRate: "0.3",
    });
    const v1 = cardV1(compiled, { carrier: "ZTO", validFrom: "2026-12-01" });
    const json = readRateCardJson("c.json", JSON.stringify(v1));
    expect(json.ok && json.card).toEqual(v1);
    const rows = rateCardRows(v1, "en");
    expect(rows[0]).toEqual([
      "zone",
      "provinces",
      "from_kg",
      "to_kg",
      "mode",
      "price",
      "first_kg",
      "first_fee",
      "step_kg",
      "step_fee",
    ]);
    expect(rows[1]).toEqual(["一区", "浙江,上海,江苏", "0", "3", "flat", "3.40", "", "", "", ""]);
    const back = readRateCardRecords("c.csv", rows, v1.settings);
    const again = back.ok ? compileRateCard("c.csv", back.card, back.locate) : null;
    expect(again?.ok && cardV1(again.card, { carrier: "ZTO", validFrom: "2026-12-01" })).toEqual(
      v1,
    );
  });

  it("refuses JSON that is not a card", () => {
    const a = readRateCardJson("c.json", "{nope");
    expect(!a.ok && a.problems[0]!.code).toBe("rates.card.bad_json");
    const b = readRateCardJson("c.json", JSON.stringify({ format: "other" }));
    expect(!b.ok && [b.problems[0]!.column, b.problems[0]!.code]).toEqual([
      "format",
      "rates.card.bad_format",
    ]);
  });
});
