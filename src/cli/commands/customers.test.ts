// `dayclear customers rfm` and `dayclear customers dormant` as a user runs them: real processes over
// a SQLite file into which `dayclear import orders` read Taobao's order report and its item report
// (test/fixtures/orders, GBK). Two paying buyers: tb_小雨 (two orders, the last paid 2026-10-02)
// and tb_大海 (one order, paid 2026-10-01).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { rfmProgressBar } from "./customers.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const fixtures = join(import.meta.dirname, "../../../test/fixtures/orders");
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

interface Segment {
  segment: string;
  count: number;
  cells: { r: { score: number; atLeast?: number | null; lessThan?: number | null } }[];
}

describe("the RFM progress bar", () => {
  /** A stream that says it is a terminal and keeps what is written to it. */
  const terminal = (isTTY: boolean) => {
    const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
    stream.isTTY = isTTY;
    stream.columns = 100;
    let text = "";
    stream.on("data", (c: Buffer) => (text += c.toString("utf8")));
    return { stream, text: () => text };
  };

  it("draws on a terminal's stream and reaches 100 %", async () => {
    const t = terminal(true);
    const bar = await rfmProgressBar(t.stream, false, "scoring");
    expect(bar).not.toBeNull();
    bar!.onProgress(0, 1000);
    bar!.onProgress(450, 1000);
    bar!.onProgress(1000, 1000);
    bar!.stop();
    await new Promise((r) => setImmediate(r));
    expect(t.text()).toContain("100% | scoring");
  });

  it("stays quiet with --json or when the stream is not a terminal", async () => {
    expect(await rfmProgressBar(terminal(true).stream, true, "scoring")).toBeNull();
    expect(await rfmProgressBar(terminal(false).stream, false, "scoring")).toBeNull();
  });
});

describe("dayclear customers", () => {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-customers-"));
  const db = join(dir, "shop.db");
  const shop = ["--db", db, "--shop", "淘宝店"];

  beforeAll(async () => {
    await dayclear([
      "user",
      "create",
      "--db",
      db,
      "--email",
      "owner@example.com",
      "--name",
      "店主",
      "--password",
      "correct horse battery",
    ]);
    const imp = await dayclear([
      "import",
      "orders",
      join(fixtures, "ExportOrderList202610.csv"),
      join(fixtures, "ExportOrderDetailList202610.csv"),
      ...shop,
    ]);
    expect(imp.stdout).toContain("Imported 4 orders");
  }, 120_000);

  it("rfm --json prints one object per segment with its count and the cut-offs of its cells", async () => {
    const { stdout } = await dayclear([
      "customers",
      "rfm",
      ...shop,
      "--as-of",
      "2026-10-12",
      "--window-days",
      "30",
      "--json",
    ]);
    const segments = JSON.parse(stdout) as Segment[];
    expect(segments).toHaveLength(11);
    expect(segments.filter((s) => s.count > 0).map((s) => [s.segment, s.count])).toEqual([
      ["need_attention", 1],
      ["lost", 1],
    ]);
    // tb_大海's 11 days are the worst fifth: Lost is R 1, at least 11 days.
    expect(segments.find((s) => s.segment === "lost")!.cells).toEqual([
      { r: { score: 1, atLeast: 11, lessThan: null }, f: { score: 1, moreThan: null, atMost: 1 } },
    ]);
  }, 60_000);

  it("rfm prints the cut-offs and a line per segment in the reader's language", async () => {
    const { stdout, stderr } = await dayclear(
      ["customers", "rfm", ...shop, "--as-of", "2026-10-12", "--window-days", "30"],
      { LANG: "zh_CN.UTF-8" },
    );
    // Not a terminal: no progress bar, on stderr or anywhere else.
    expect(stderr).toBe("");
    expect(stdout).not.toContain("%");
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "淘宝店：2 位客户的 RFM，付款日期 2026-09-13…2026-10-12（30 天），截至 2026-10-12",
    );
    expect(lines[1]).toContain(
      "R（距最后一单天数）：11 / 11 / 10 / 10；F（订单数）：1 / 1 / 2 / 2",
    );
    expect(lines.find((l) => l.includes("已流失"))).toMatch(
      /已流失\s+1\s+R 1 \(≥11\) × F 1 \(≤1\)/,
    );
  }, 60_000);

  it("dormant lists and writes the customers with no order for N days, most valuable first", async () => {
    const asOf = ["--as-of", "2026-12-31"];
    const none = await dayclear(["customers", "dormant", ...shop, ...asOf, "--days", "120"]);
    expect(none.stdout.trim().split("\n")).toHaveLength(2);
    expect(none.stdout).toContain("0 dormant customers");
    const out = join(dir, "dormant.csv");
    const w = await dayclear(
      ["customers", "dormant", ...shop, ...asOf, "--days", "90", "--out", out],
      { LANG: "zh_CN.UTF-8" },
    );
    expect(w.stdout.trim()).toBe(`已将 2 位沉睡客户写入 ${out}`);
    expect(
      readFileSync(out, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "客户,买家（平台显示）,最后下单,距今天数,订单数,消费金额,退款金额",
      "buyer:tb_大海,tb_大海,2026-10-01,91,1,1299.00,0.00",
      "buyer:tb_小雨,tb_小雨,2026-10-02,90,2,277.00,88.00",
    ]);
  }, 60_000);

  it("refuses a bad number or an unknown shop in the reader's language, non-zero", async () => {
    const bad = await fail(["customers", "dormant", ...shop, "--days", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--days takes a whole number from 1 to 3660, got "0"');
    const noShop = await fail([
      "customers",
      "rfm",
      "--db",
      db,
      "--shop",
      "无此店",
      "--lang",
      "zh-CN",
    ]);
    expect(noShop.stderr).toContain("本工作区没有名为“无此店”的店铺");
  }, 60_000);
});
