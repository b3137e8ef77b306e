// `dayclear ship cost` as a user runs it: a real process over a SQLite file holding cost-team's
// November (test/fixtures/logistics/cost-team.ts) and 中通's bill read from its real file
// (test/fixtures/logistics/zto-bill-202611.csv, GBK).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { costTeam, NOW } from "../../../test/fixtures/logistics/cost-team.js";

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
const fail = async (args: string[], env: Record<string, string> = {}) => {
  try {
    await dayclear(args, env);
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
};

describe("dayclear ship cost", () => {
  const db = join(mkdtempSync(join(tmpdir(), "dayclear-ship-cost-")), "shop.db");
  const november = ["ship", "cost", "--db", db, "--from", "2026-11-01", "--to", "2026-11-30"];

  beforeAll(async () => {
    const database = openDatabase({ file: db });
    try {
      await migrateToLatest(database);
      const s = services(database, frozenClock(NOW));
      const t = await costTeam(s, database);
      await s.carrierBills.importBill(t.owner, {
        carrierId: t.zto.id,
        fileName: "zto-bill-202611.csv",
        bytes: new Uint8Array(readFileSync(join(fixtures, "zto-bill-202611.csv"))),
      });
    } finally {
      await database.close();
    }
  }, 120_000);

  it("prints November's cost as JSON, money as decimal strings", async () => {
    const out = JSON.parse((await dayclear([...november, "--json"])).stdout);
    expect(out).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
      currency: "CNY",
      parcels: 5,
      costed: 4,
      notCosted: 1,
      cost: "17.10",
      costPerParcel: "4.28",
      sales: "450.00",
      costRate: 1710 / 45000,
      billed: { lines: 4, billed: "22.30", overcharged: "1.60", undercharged: "0.20" },
    });
    expect(out.byCarrier.map((c: { code: string; cost: string }) => [c.code, c.cost])).toEqual([
      ["ZTO", "12.90"],
      ["YTO", "4.20"],
    ]);
    expect(
      out.byProvince.map((p: { province: string; cost: string }) => [p.province, p.cost]),
    ).toEqual([
      ["浙江", "9.50"],
      ["广东", "7.60"],
      ["北京", "0.00"],
    ]);
    expect(out.byShop.map((p: { name: string; costRate: number }) => [p.name, p.costRate])).toEqual(
      [["天猫店", 1710 / 45000]],
    );
  }, 90_000);

  it("prints the tables in the reader's language", async () => {
    const zh = (await dayclear(november, { LANG: "zh_CN.UTF-8" })).stdout;
    expect(zh).toMatch(/物流成本（元）\s+17\.10/);
    expect(zh).toMatch(/物流成本率（%）\s+3\.80/);
    expect(zh).toContain("按快递公司");
    const en = (await dayclear([...november, "--lang", "en"])).stdout;
    expect(en).toMatch(/Cost per parcel \(yuan\)\s+4\.28/);
    expect(en).toMatch(/中通快递\s+4\s+3\s+1\s+12\.90\s+4\.30/);
  }, 90_000);

  it("refuses a date that is not one and a span too long, exiting 1", async () => {
    const bad = await fail([
      "ship",
      "cost",
      "--db",
      db,
      "--from",
      "2026-11-31",
      "--to",
      "2026-12-01",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("from");
    const long = await fail(
      ["ship", "cost", "--db", db, "--from", "2020-01-01", "--to", "2026-11-30"],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(long.code).toBe(1);
    expect(long.stderr).toContain("1100");
  }, 90_000);

  it("describes the formats in its help", async () => {
    const help = (await dayclear(["ship", "cost", "--help"])).stdout;
    expect(help).toContain("--from <date>");
    expect(help).toContain("decimal strings");
  }, 60_000);
});
