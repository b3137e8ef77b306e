// `dayclear ship tracking` and `dayclear ship export` as a user runs them: a real process, a real
// SQLite file, the files in test/fixtures/logistics (written by its build.ts).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readXlsxRecords } from "../../modules/orders/xlsx-reader.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const fixtures = join(import.meta.dirname, "../../../test/fixtures/logistics");
const env = (extra: Record<string, string>) => ({
  ...process.env,
  DAYCLEAR_FROM_SOURCE: "1",
  DATABASE_URL: "",
  LC_ALL: "",
  LC_MESSAGES: "",
  LANG: "en_US.UTF-8",
  ...extra,
});
const dayclear = (args: string[], extra: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], {
    env: env(extra),
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
const raw = (args: string[]) =>
  run(process.execPath, [bin, ...args], {
    env: env({}),
    encoding: "buffer",
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
const fail = async (args: string[], extra: Record<string, string> = {}) => {
  try {
    await dayclear(args, extra);
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
};
const SHOP = "拼多多旗舰店";

describe("dayclear ship tracking / ship export", () => {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-ship-"));
  const db = join(dir, "shop.db");
  const count = (sql: string) => {
    const s = new BetterSqlite3(db, { readonly: true });
    try {
      return (s.prepare(sql).get() as { n: number }).n;
    } finally {
      s.close();
    }
  };

  it("refuses a broken tracking file whole, imports GBK CSV and XLSX, reads a layout through a saved mapping, exports each platform's file", async () => {
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
      "CLI Shop",
    ]);
    await dayclear([
      "import",
      "orders",
      join(fixtures, "pdd-orders-20261101.csv"),
      "--shop",
      SHOP,
      "--db",
      db,
    ]);

    const help = await dayclear(["ship", "tracking", "--help"]);
    expect(help.stdout).toContain("订单号/订单编号/平台订单号/Order number");
    expect(help.stdout).toContain("--mapping NAME");

    const broken = await fail([
      "ship",
      "tracking",
      join(fixtures, "tracking-broken.csv"),
      "--shop",
      SHOP,
      "--db",
      db,
      "--json",
    ]);
    expect(broken.code).toBe(1);
    const refused = JSON.parse(broken.stdout) as {
      parcelsCreated: number;
      errors: { row: number; column: string; code: string }[];
    };
    expect(refused.parcelsCreated).toBe(0);
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "订单号", "tracking.order_unknown"],
      [4, "快递单号", "tracking.cell.not_waybill"],
      [4, "物流公司", "tracking.cell.carrier_unknown"],
      [5, "重量", "tracking.cell.not_weight"],
      [6, "快递单号", "tracking.row.waybill_twice"],
      [7, "快递单号", "shop.cell.empty"],
    ]);
    const zh = await fail(
      ["ship", "tracking", join(fixtures, "tracking-broken.csv"), "--shop", SHOP, "--db", db],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(zh.stderr).toContain("tracking-broken.csv 第 5 行：重量：“半斤”不是重量");
    expect(count("select count(*) n from parcels")).toBe(0);

    const dry = await dayclear([
      "ship",
      "tracking",
      join(fixtures, "ewaybill-20261102.csv"),
      "--shop",
      SHOP,
      "--db",
      db,
      "--dry-run",
    ]);
    expect(dry.stdout).toContain("would make 3 parcel(s)");
    expect(count("select count(*) n from parcels")).toBe(0);

    const ok = await dayclear([
      "ship",
      "tracking",
      join(fixtures, "ewaybill-20261102.csv"),
      join(fixtures, "carrier-20261102.xlsx"),
      "--shop",
      SHOP,
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      rows: 3,
      parcelsCreated: 3,
      files: [
        { file: "ewaybill-20261102.csv", encoding: "gb18030", rows: 3 },
        { file: "carrier-20261102.xlsx", encoding: "xlsx", rows: 2 },
      ],
    });
    expect(
      count("select count(*) n from parcels where status = 'shipped' and weight_g = 1250"),
    ).toBe(1);

    // A layout no alias knows, through a mapping saved in the web app (stored here directly).
    const s = new BetterSqlite3(db);
    const ws = (s.prepare("select id from workspaces").get() as { id: string }).id;
    s.prepare(
      "insert into logistics_mappings (workspace_id, id, kind, shop_id, platform, name, mapping, version, created_at, updated_at) values (?, ?, 'tracking', null, null, ?, ?, 1, ?, ?)",
    ).run(
      ws,
      "m-1",
      "仓库导出",
      JSON.stringify({
        columns: { order: "平台单号", carrier: "承运商", waybill: "单号", weight: "计费重" },
      }),
      "2026-11-02T00:00:00Z",
      "2026-11-02T00:00:00Z",
    );
    s.close();
    const unmapped = await fail([
      "ship",
      "tracking",
      join(fixtures, "tracking-custom.csv"),
      "--shop",
      SHOP,
      "--db",
      db,
    ]);
    expect(unmapped.stderr).toContain("The required column 订单号");
    const mapped = await dayclear([
      "ship",
      "tracking",
      join(fixtures, "tracking-custom.csv"),
      "--shop",
      SHOP,
      "--db",
      db,
      "--mapping",
      "仓库导出",
    ]);
    expect(mapped.stdout).toContain(
      "Imported 2 waybill row(s) for 拼多多旗舰店: 0 parcel(s) made, 2 updated",
    );

    const today = new Date();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const range = [
      "--from",
      day(new Date(today.getTime() - 86_400_000)),
      "--to",
      day(new Date(today.getTime() + 86_400_000)),
    ];
    const out = join(dir, "pdd.xlsx");
    const pdd = await dayclear([
      "ship",
      "export",
      "--shop",
      SHOP,
      "--platform",
      "pdd",
      ...range,
      "--out",
      out,
      "--db",
      db,
    ]);
    expect(pdd.stdout).toMatch(/Wrote 3 order\(s\) for pdd \(xlsx\) to .*pdd\.xlsx/);
    expect(await readXlsxRecords(new Uint8Array(readFileSync(out)))).toEqual([
      ["订单号", "快递公司", "快递单号"],
      ["261101-000000001", "中通快递", "ZT7100000001"],
      ["261101-000000002", "顺丰快递", "SF1400000000002"],
      ["261101-000000003", "圆通快递", "YT8800000000003"],
    ]);
    const taobao = await raw([
      "ship",
      "export",
      "--shop",
      SHOP,
      "--platform",
      "taobao",
      ...range,
      "--db",
      db,
    ]);
    expect(iconv.decode(taobao.stdout, "gb18030").split("\r\n").slice(0, 2)).toEqual([
      "订单编号,物流公司,运单号",
      "261101-000000001,中通快递,ZT7100000001",
    ]);
    expect(count("select count(*) n from parcels where exported_at is not null")).toBe(3);
    expect(count("select count(*) n from writeback_files")).toBe(2);

    const nothing = await fail(
      [
        "ship",
        "export",
        "--shop",
        SHOP,
        "--platform",
        "jd",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
        "--db",
        db,
      ],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(nothing.stderr).toContain("没有可回传的内容");
    const both = await fail([
      "ship",
      "export",
      "--shop",
      SHOP,
      "--platform",
      "jd",
      "--batch",
      "B1",
      "--from",
      "2026-01-01",
      "--db",
      db,
    ]);
    expect(both.stderr).toContain("Give either --batch ID, or --from DATE");
  }, 300_000);
});
