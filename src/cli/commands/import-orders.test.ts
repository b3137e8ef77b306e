// `dayclear import orders` and `dayclear kpi` as a user runs them: a real process, real fixture files.
import { execFile } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const fixtures = join(import.meta.dirname, "../../../test/fixtures/orders");
// Every run is killed after 30 s, so a CLI that hangs (or streams a huge file) cannot outlive the test.
const dayclear = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], {
    env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", DATABASE_URL: "", ...env },
    timeout: 30_000,
    killSignal: "SIGKILL",
  });
const fail = async (args: string[]) => {
  try {
    await dayclear(args);
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
};

describe("dayclear import orders / kpi", () => {
  const db = join(mkdtempSync(join(tmpdir(), "dayclear-import-")), "shop.db");

  it("imports real fixture files with a JSON summary, refuses broken ones whole, and reports KPIs", async () => {
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
    const first = await dayclear([
      "import",
      "orders",
      join(fixtures, "ExportOrderList202610.csv"),
      join(fixtures, "ExportOrderDetailList202610.csv"),
      "--shop",
      "天猫店",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(first.stdout)).toEqual({
      orders: 4,
      lineItems: 5,
      created: 4,
      updated: 0,
      skipped: 0,
      errors: [],
    });
    const again = await dayclear([
      "import",
      "orders",
      join(fixtures, "ExportOrderList202610.csv"),
      join(fixtures, "ExportOrderDetailList202610.csv"),
      "--shop",
      "天猫店",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, skipped: 4 });

    const bad = await fail([
      "import",
      "orders",
      join(fixtures, "broken/bad-money.csv"),
      "--shop",
      "拼多多店",
      "--db",
      db,
      "--json",
    ]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      created: 0,
      errors: [{ row: 3, column: "用户实付金额(元)", message: expect.stringContaining("12.3.4") }],
    });
    const wrong = await fail([
      "import",
      "orders",
      join(fixtures, "fxg_export_202610.csv"),
      "--shop",
      "天猫店",
      "--format",
      "taobao",
      "--db",
      db,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/nothing was stored[\s\S]*not taobao/);
    const dry = await dayclear([
      "import",
      "orders",
      join(fixtures, "fxg_export_202610.csv"),
      "--shop",
      "抖店",
      "--dry-run",
      "--db",
      db,
    ]);
    expect(dry.stdout).toMatch(/Would import 2 orders/);

    const sqlite = new BetterSqlite3(db, { readonly: true });
    const shops = sqlite.prepare("select name from shops order by name").all() as {
      name: string;
    }[];
    const orders = sqlite.prepare("select count(*) n from orders").get() as { n: number };
    sqlite.close();
    expect(shops.map((s) => s.name)).toEqual(["天猫店"]);
    expect(orders.n).toBe(4);

    // A huge file that is not text is refused before it is read (a sparse file: no disk is used);
    // a huge CSV would be streamed instead.
    const huge = join(dirname(db), "orders_export_huge.csv");
    writeFileSync(huge, "");
    truncateSync(huge, 2 * 1024 ** 3);
    const big = await fail(["import", "orders", huge, "--shop", "天猫店", "--db", db, "--json"]);
    expect(big.code).toBe(1);
    expect(JSON.parse(big.stdout).errors[0].message).toMatch(/larger than 200 MB/);

    // Large files are streamed (here: every file, by lowering the threshold); same answers.
    const streamed = await dayclear(
      [
        "import",
        "orders",
        join(fixtures, "orders_export_1.csv"),
        "--shop",
        "Shopify",
        "--db",
        db,
        "--json",
      ],
      { DAYCLEAR_IMPORT_STREAM_BYTES: "0" },
    );
    expect(JSON.parse(streamed.stdout)).toEqual({
      orders: 2,
      lineItems: 3,
      created: 2,
      updated: 0,
      skipped: 0,
      errors: [],
    });
    const streamedBad = await fail([
      "import",
      "orders",
      join(fixtures, "broken/bad-money.csv"),
      "--shop",
      "拼多多店",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(streamedBad.stdout).errors[0]).toMatchObject({
      row: 3,
      column: "用户实付金额(元)",
    });

    const kpi = await dayclear([
      "kpi",
      "--shop",
      "天猫店",
      "--from",
      "2026-10-01",
      "--to",
      "2026-10-07",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(kpi.stdout)).toEqual({
      gmv: "1576.00",
      paidOrders: 3,
      aov: "525.33",
      refundRate: 0.333333,
      conversion: null,
      currency: "CNY",
    });
  }, 120_000);
});
