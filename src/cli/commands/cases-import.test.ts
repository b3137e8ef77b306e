// `dayclear cases import` as a user runs it, on SQLite and PostgreSQL: real processes, the real
// fixture exports of test/fixtures/aftersales. A broken file is refused whole with row and column
// and stores nothing; a good one makes cases linked to the shop's orders; a dry run stores nothing;
// importing again changes nothing; the messages read in the reader's language.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { systemClock } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";

const exec = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const orders = join(import.meta.dirname, "../../../test/fixtures/orders");
const cases = join(import.meta.dirname, "../../../test/fixtures/aftersales");
const EN = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
const ZH = { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" };

for (const dialect of DIALECTS) {
  describe(`dayclear cases import (${dialect})`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let owner: Actor;
    let where: { args: string[]; env: Record<string, string> };

    const dayclear = (args: string[], env: Record<string, string> = EN) =>
      exec(process.execPath, [bin, ...args, ...where.args], {
        env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", ...where.env, ...env },
        timeout: 120_000,
        killSignal: "SIGKILL",
      });
    const refused = async (args: string[], env: Record<string, string> = EN) => {
      try {
        await dayclear(args, env);
      } catch (e) {
        return e as { code: number; stdout: string; stderr: string };
      }
      throw new Error("expected a non-zero exit");
    };
    /** The cases an after-sales file made (the order exports' own refunds are cases too). */
    const imported = async () =>
      (await s.cases.list(owner, { limit: 200 })).items
        .filter((c) => c.source === "import")
        .map((c) => c.caseKey)
        .sort();

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      where =
        dialect === "sqlite"
          ? { args: ["--db", tdb.file!], env: { DATABASE_URL: "" } }
          : { args: [], env: { DATABASE_URL: tdb.url! } };
      s = services(tdb.database, systemClock);
      ({ owner } = await buildWorkspace(s, { name: "售后店" }));
      await dayclear([
        "import",
        "orders",
        join(orders, "ExportOrderList202610.csv"),
        join(orders, "ExportOrderDetailList202610.csv"),
        "--shop",
        "淘宝店",
      ]);
    }, 120_000);
    afterAll(async () => tdb?.cleanup());

    // What the command says is the same code on either database: the refusals and their language
    // are checked on SQLite; on PostgreSQL the import itself (the case service has its own tests on
    // both databases). Each run of the command is a process, so this keeps the suite's time down.
    const sqliteOnly = dialect === "sqlite" ? it : it.skip;

    sqliteOnly(
      "refuses the broken export whole with file, row and column, in each language, and stores nothing",
      async () => {
        const bad = await refused([
          "cases",
          "import",
          join(cases, "taobao-refunds-broken.csv"),
          "--shop",
          "淘宝店",
          "--json",
        ]);
        expect(bad.code).toBe(1);
        const out = JSON.parse(bad.stdout) as {
          created: number;
          errors: { file: string; row: number; column: string; code: string; message: string }[];
        };
        expect(out.created).toBe(0);
        expect(out.errors.map((e) => [e.file, e.row, e.column, e.code])).toEqual([
          ["taobao-refunds-broken.csv", 3, "退款状态", "case.cell.unknown_state"],
          ["taobao-refunds-broken.csv", 4, "买家退款金额", "shop.cell.not_amount"],
          ["taobao-refunds-broken.csv", 5, "退款编号", "shop.cell.empty"],
        ]);
        expect(out.errors[1]!.message).toBe("买家退款金额: “五十元” is not an amount.");

        const zh = await refused(
          ["cases", "import", join(cases, "taobao-refunds-broken.csv"), "--shop", "淘宝店"],
          ZH,
        );
        expect(zh.stderr).toContain(
          "taobao-refunds-broken.csv 第 3 行：退款状态：“等待平台仲裁”不是日清认识的淘宝/天猫售后状态",
        );
        expect(zh.stderr).toContain(
          "taobao-refunds-broken.csv 第 4 行：买家退款金额：“五十元”不是金额。",
        );
        const en = await refused([
          "cases",
          "import",
          join(cases, "taobao-refunds-broken.csv"),
          "--shop",
          "淘宝店",
          "--lang",
          "en",
        ]);
        expect(en.stderr).toMatch(/^Refused: nothing was stored\. 3 problem\(s\):/);
        expect(en.stderr).toContain(
          "taobao-refunds-broken.csv row 4: 买家退款金额: “五十元” is not an amount.",
        );
        // the good first row of the broken file was not stored either
        expect(await imported()).toEqual([]);
      },
      240_000,
    );

    it("a dry run stores nothing; the good export makes its cases once; again, it changes nothing", async () => {
      const file = join(cases, "taobao-refunds-202610.csv");
      const dry = await dayclear(["cases", "import", file, "--shop", "淘宝店", "--dry-run"], ZH);
      expect(dry.stdout).toContain("试运行，未保存：淘宝店 的 2 行将新建 2 个售后单");
      expect(await imported()).toEqual([]);

      const first = await dayclear(["cases", "import", file, "--shop", "淘宝店", "--json"]);
      expect(JSON.parse(first.stdout)).toMatchObject({
        dryRun: false,
        rows: 2,
        cases: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        errors: [],
        files: [{ file: "taobao-refunds-202610.csv", encoding: "gb18030", format: "taobao-cases" }],
      });
      expect(await imported()).toEqual(["R20261006002", "R20261008004"]);

      const again = await dayclear(["cases", "import", file, "--shop", "淘宝店"]);
      // read again, the same cases: none created (what it updates is the service's test)
      expect(again.stdout).toMatch(/^Imported 2 row\(s\) into 淘宝店: 0 case\(s\) created, /);
      expect(await imported()).toEqual(["R20261006002", "R20261008004"]);
    }, 240_000);

    sqliteOnly(
      "says an unknown shop and a bad format in the reader's language",
      async () => {
        const file = join(cases, "taobao-refunds-202610.csv");
        const noShop = await refused(["cases", "import", file, "--shop", "没有的店"], ZH);
        expect(noShop.code).toBe(1);
        expect(noShop.stderr).toMatch(/^dayclear: .*店铺/);
        const badFormat = await refused(
          ["cases", "import", file, "--shop", "淘宝店", "--format", "ebay", "--lang", "en"],
          ZH,
        );
        expect(badFormat.stderr).toContain("ebay");
      },
      240_000,
    );
  });
}
