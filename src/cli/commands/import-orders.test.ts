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
// English unless a test asks otherwise: the reader's language comes from LC_ALL/LC_MESSAGES/LANG.
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
    timeout: 30_000,
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
      warnings: [],
    });
    // Streamed (every file, by lowering the threshold), an order report still finds its item
    // report: with one in the import, both are read whole together.
    const viaWorker = { DAYCLEAR_IMPORT_STREAM_BYTES: "0", DAYCLEAR_IMPORT_WORKER_BYTES: "0" };
    const again = await dayclear(
      [
        "import",
        "orders",
        join(fixtures, "ExportOrderList202610.csv"),
        join(fixtures, "ExportOrderDetailList202610.csv"),
        "--shop",
        "天猫店",
        "--db",
        db,
        "--json",
      ],
      viaWorker,
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, skipped: 4, errors: [] });
    // Alone, the order report (its ids written as ="…") is streamed by the worker thread.
    const alone = await dayclear(
      [
        "import",
        "orders",
        join(fixtures, "ExportOrderList202610.csv"),
        "--shop",
        "天猫店",
        "--db",
        db,
        "--dry-run",
        "--json",
      ],
      viaWorker,
    );
    expect(JSON.parse(alone.stdout)).toMatchObject({ orders: 4, created: 0, errors: [] });

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
      errors: [
        {
          file: "bad-money.csv",
          row: 3,
          column: "用户实付金额(元)",
          code: "shop.cell.not_amount",
          params: { column: "用户实付金额(元)", value: "12.3.4" },
          message: "用户实付金额(元): “12.3.4” is not an amount.",
        },
      ],
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
    expect(wrong.stderr).toMatch(/nothing was stored[\s\S]*not Taobao\/Tmall/);
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
    expect(JSON.parse(big.stdout).errors[0]).toMatchObject({
      code: "upload.too_large",
      params: { maxMb: 200 },
      message: expect.stringMatching(/larger than 200 MB/),
    });

    // Large files are streamed (here: every file, by lowering the threshold), and the largest
    // are read by a worker thread while the main one writes (here: every streamed one); same answers.
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
      viaWorker,
    );
    expect(JSON.parse(streamed.stdout)).toEqual({
      orders: 2,
      lineItems: 3,
      created: 2,
      updated: 0,
      skipped: 0,
      errors: [],
      warnings: [],
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
    const workerBad = await fail(
      [
        "import",
        "orders",
        join(fixtures, "broken/bad-money.csv"),
        "--shop",
        "拼多多店",
        "--db",
        db,
        "--json",
      ],
      viaWorker,
    );
    expect(JSON.parse(workerBad.stdout)).toMatchObject({
      created: 0,
      errors: [{ row: 3, column: "用户实付金额(元)", code: "shop.cell.not_amount" }],
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
  }, 240_000);

  it("on a database with no workspace says there is none and how to make one, in the reader's language", async () => {
    const empty = join(mkdtempSync(join(tmpdir(), "dayclear-import-none-")), "empty.db");
    const args = ["import", "orders", join(fixtures, "orders_export_1.csv"), "--shop", "S"];
    const en = await fail([...args, "--db", empty]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      "dayclear: The database has no workspace yet: create one with `dayclear user create` or `dayclear demo`\n",
    );
    const zh = await fail([...args, "--db", empty], { LANG: "zh_CN.UTF-8" });
    expect(zh.stderr).toBe(
      "dayclear: 数据库里还没有工作区：请先用 `dayclear user create` 或 `dayclear demo` 创建\n",
    );
    const json = await fail([...args, "--db", empty, "--json"]);
    expect(json.stderr).not.toMatch(/several/);
    expect(json.stdout).toBe("");
  }, 60_000);

  it("says a broken file's problems in the reader's language: LANG, else --lang, also in --json", async () => {
    const dbZh = join(mkdtempSync(join(tmpdir(), "dayclear-import-zh-")), "shop.db");
    await dayclear([
      "user",
      "create",
      "--db",
      dbZh,
      "--email",
      "boss@example.com",
      "--name",
      "Boss",
      "--password",
      "boss-pass-1",
      "--workspace",
      "CLI Shop",
    ]);
    const args = ["import", "orders", join(fixtures, "broken/bad-money.csv"), "--shop", "拼多多店"];
    const zh = await fail([...args, "--db", dbZh], { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("已拒绝，没有保存任何数据。共 1 个问题：");
    expect(zh.stderr).toContain("bad-money.csv 第 3 行：用户实付金额(元)：“12.3.4”不是金额。");
    const en = await fail([...args, "--db", dbZh], { LANG: "en_US.UTF-8" });
    expect(en.stderr).toContain("Refused: nothing was stored. 1 problem(s):");
    expect(en.stderr).toContain(
      "bad-money.csv row 3: 用户实付金额(元): “12.3.4” is not an amount.",
    );
    // --lang wins over the environment; LC_ALL over LANG.
    const flag = await fail([...args, "--db", dbZh, "--lang", "en"], { LC_ALL: "zh_CN.UTF-8" });
    expect(flag.stderr).toContain("is not an amount");
    const lcAll = await fail([...args, "--db", dbZh], { LC_ALL: "zh_CN.UTF-8" });
    expect(lcAll.stderr).toContain("不是金额");
    // --json carries the code and parameters, and the text in the reader's language.
    const json = await fail([...args, "--db", dbZh, "--json", "--lang", "zh-CN"]);
    expect(JSON.parse(json.stdout).errors).toEqual([
      {
        file: "bad-money.csv",
        row: 3,
        column: "用户实付金额(元)",
        code: "shop.cell.not_amount",
        params: { column: "用户实付金额(元)", value: "12.3.4" },
        message: "用户实付金额(元)：“12.3.4”不是金额。",
      },
    ]);
    // A successful dry run says so in Chinese too.
    const dry = await dayclear(
      [
        "import",
        "orders",
        join(fixtures, "fxg_export_202610.csv"),
        "--shop",
        "抖店",
        "--dry-run",
        "--db",
        dbZh,
      ],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(dry.stdout).toMatch(/^将向“抖店”导入 2 个订单/);
  }, 120_000);
});
