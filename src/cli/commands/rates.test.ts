// `dayclear rates import` and `dayclear rates quote` as a user runs them: a real process, the real
// card files of test/fixtures/logistics (GBK CSV, XLSX, JSON, a broken GBK CSV).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const fixtures = join(import.meta.dirname, "../../../test/fixtures/logistics");
const dayclear = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      DAYCLEAR_FROM_SOURCE: "1",
      DATABASE_URL: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "en_US.UTF-8",
      ...env,
    },
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
const failed = async (args: string[], env: Record<string, string> = {}) => {
  try {
    await dayclear(args, env);
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
};

describe("dayclear rates import / quote", () => {
  const db = join(mkdtempSync(join(tmpdir(), "dayclear-rates-")), "shop.db");

  it("imports card files, refuses a broken one whole with rows and columns, and quotes", async () => {
    await dayclear([
      "user",
      "create",
      "--db",
      db,
      "--email",
      "boss@example.com",
      "--name",
      "Boss",
      "--password",
      "boss-pass-1",
      "--workspace",
      "Rates Shop",
    ]);
    // A broken card first: every problem with its row and column, in Chinese; nothing stored.
    const broken = await failed(
      ["rates", "import", join(fixtures, "zto-rates-broken.csv"), "--carrier", "ZTO", "--db", db],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr.split("\n").filter(Boolean)).toEqual([
      "dayclear: 价目表未导入：共 4 个问题，第一个：zto-rates-broken.csv 第 3 行“起始重量”列：区域“一区”有断档：超过 3 kg 至 4 kg 的重量没有重量段。",
      "  zto-rates-broken.csv 第 3 行“起始重量”列：区域“一区”有断档：超过 3 kg 至 4 kg 的重量没有重量段。",
      "  zto-rates-broken.csv 第 4 行“省份”列：江苏 同时在区域“二区”和“一区”中：一个省份只能属于一个区域。",
      "  zto-rates-broken.csv 第 4 行“省份”列：“火星”不是省份（34 个省级行政区的全称、简称或 GB/T 2260 代码）。",
      "  zto-rates-broken.csv 第 5 行“续重单位”列：续重单位为 2 kg，只能是 1 或 0.5 kg。",
    ]);
    const json = await failed([
      "rates",
      "import",
      join(fixtures, "zto-rates-broken.csv"),
      "--carrier",
      "ZTO",
      "--db",
      db,
      "--json",
    ]);
    expect(
      (
        JSON.parse(json.stdout) as {
          errors: { row: number; column: string; code: string; message: string }[];
        }
      ).errors[0],
    ).toMatchObject({
      row: 3,
      column: "起始重量",
      code: "rates.band.gap",
      message: "Gap in zone 一区: weights over 3 up to 4 kg have no band.",
    });
    const none = await failed([
      "rates",
      "quote",
      "--carrier",
      "ZTO",
      "--province",
      "浙江",
      "--weight",
      "1",
      "--on",
      "2026-12-02",
      "--db",
      db,
      "--json",
    ]);
    expect(none.stderr).toContain("Left out: ZTO: no rate card valid on 2026-12-02");

    // The GBK CSV and the XLSX with options, then the JSON with its own settings.
    const zto = await dayclear([
      "rates",
      "import",
      join(fixtures, "zto-rates-202612.csv"),
      "--carrier",
      "zto",
      "--valid-from",
      "2026-12-01",
      "--db",
      db,
    ]);
    expect(zto.stdout).toBe(
      "Imported the 中通快递 rate card valid from 2026-12-01: 4 zone(s), 6 band(s).\nProvinces not covered: 台湾, 香港, 澳门\nParcels re-costed: 0.\n",
    );
    const sf = await dayclear([
      "rates",
      "import",
      join(fixtures, "sf-rates-202612.xlsx"),
      "--carrier",
      "SF",
      "--valid-from",
      "2026-12-01",
      "--divisor",
      "6000",
      "--volumetric",
      "full",
      "--step-rounding",
      "0.5",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(sf.stdout)).toMatchObject({
      carrier: "SF",
      validFrom: "2026-12-01",
      zones: 3,
      bands: 3,
      replaced: false,
      notCovered: ["台湾", "香港", "澳门"],
      card: {
        format: "dayclear.rate-card/v1",
        settings: { divisor: 6000, volumetric: "full", stepRounding: "0.5" },
      },
    });
    await dayclear([
      "rates",
      "import",
      join(fixtures, "jd-rate-card.json"),
      "--carrier",
      "JD",
      "--db",
      db,
    ]);

    // 广东 1.2 kg, 30×20×10 cm on 12-02: 中通 4.00, 京东 7.00, 顺丰 14.00.
    const all = await dayclear([
      "rates",
      "quote",
      "--all",
      "--province",
      "广东省",
      "--weight",
      "1.2",
      "--dims",
      "30x20x10",
      "--on",
      "2026-12-02",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(all.stdout)).toEqual([
      {
        carrier: "ZTO",
        chargeableKg: "2",
        fee: "4.00",
        formula:
          "actual 1.2 kg, rounded up to 1 kg → 2 kg chargeable; 二区 0–3 kg flat 4.00 = 4.00",
      },
      {
        carrier: "JD",
        chargeableKg: "1.5",
        fee: "7.00",
        formula:
          "max(actual 1.2 kg, volumetric 30×20×10 cm ÷ 8000 = 0.75 kg), rounded up to 0.5 kg → 1.5 kg chargeable; 全国 over 1 kg: first 1 kg 6.00 + 1 × 1.00 per 0.5 kg = 7.00",
      },
      {
        carrier: "SF",
        chargeableKg: "1.5",
        fee: "14.00",
        formula:
          "max(actual 1.2 kg, volumetric 30×20×10 cm ÷ 6000 = 1 kg), rounded up to 0.5 kg → 1.5 kg chargeable; 同城 over 0 kg: first 1 kg 12.00 + 1 × 2.00 per 0.5 kg = 14.00",
      },
    ]);
    const one = await dayclear(
      [
        "rates",
        "quote",
        "--carrier",
        "SF",
        "--province",
        "粤",
        "--weight",
        "3.01",
        "--on",
        "2026-12-02",
        "--db",
        db,
        "--json",
      ],
      { LANG: "zh_CN.UTF-8" },
    );
    // 3.01 kg → 3.5 kg: 12.00 + ⌈2.5 ÷ 0.5⌉ × 2.00 = 22.00
    expect(JSON.parse(one.stdout)).toEqual({
      carrier: "SF",
      chargeableKg: "3.5",
      fee: "22.00",
      formula:
        "实重 3.01 kg，按 0.5 kg 进位 → 计费重 3.5 kg；同城 0 kg 以上：首重 1 kg 12.00 + 续重 5 × 2.00（每 0.5 kg） = 22.00",
    });
    const text = await dayclear([
      "rates",
      "quote",
      "--carrier",
      "ZTO",
      "--province",
      "新疆",
      "--weight",
      "2.2",
      "--on",
      "2026-12-02",
      "--db",
      db,
    ]);
    // 偏远: 2.2 → 3 kg, 15.00 + ⌈2 ÷ 0.5⌉ × 6.00 = 39.00
    expect(text.stdout).toContain("ZTO\t中通快递\t3 kg\t39.00\t");
    const bad = await failed(["rates", "quote", "--province", "浙江", "--weight", "1", "--db", db]);
    expect(bad.stderr).toContain("Give --carrier CODE or --all.");
    const badWeight = await failed([
      "rates",
      "quote",
      "--all",
      "--province",
      "浙江",
      "--weight",
      "abc",
      "--db",
      db,
    ]);
    expect(badWeight.stderr).toContain("weightKg: The weight must be more than 0");
  }, 300_000);
});
