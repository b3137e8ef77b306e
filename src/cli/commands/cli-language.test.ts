// What the CLI's own commands (kpi, remind, migrate, backup, serve) say, as a user reads it in
// each language: real processes on a real database, SQLite and PostgreSQL. The language is
// --lang, else LC_ALL/LC_MESSAGES/LANG.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { systemClock } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { LIMITS } from "../../core/limits.js";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../../../test/helpers/db.js";
import { buildMember, buildWorkspace, services } from "../../../test/helpers/factories.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const fixtures = join(import.meta.dirname, "../../../test/fixtures/orders");
const EN = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
const ZH = { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" };

/** A fixed-offset zone where it is now between 12:00 and 13:00, so reminders are due whenever the test runs. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

for (const dialect of DIALECTS) {
  describe(`the CLI's own commands in the reader's language (${dialect})`, () => {
    let tdb: TestDatabase;
    /** --db for SQLite; DATABASE_URL for PostgreSQL. */
    let where: { args: string[]; env: Record<string, string>; description: string };
    let cycleName: string;
    let s: ReturnType<typeof services>;
    let owner: Awaited<ReturnType<typeof buildWorkspace>>["owner"];
    /** The workspace's time zone (the KPI days are the workspace's days). */
    const setZone = async (timeZone: string) =>
      s.workspaces.update(owner, { version: (await s.workspaces.get(owner)).version, timeZone });

    const dayclear = (args: string[], env: Record<string, string>) =>
      run(process.execPath, [bin, ...args, ...where.args], {
        env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", ...where.env, ...env },
        timeout: 120_000,
        killSignal: "SIGKILL",
      });
    const refused = async (args: string[], env: Record<string, string>) => {
      try {
        await dayclear(args, env);
      } catch (e) {
        return e as { code: number; stdout: string; stderr: string };
      }
      throw new Error("expected a non-zero exit");
    };

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      where =
        dialect === "sqlite"
          ? {
              args: ["--db", tdb.file!],
              env: { DATABASE_URL: "" },
              description: `SQLite ${tdb.file}`,
            }
          : { args: [], env: { DATABASE_URL: tdb.url! }, description: `PostgreSQL ${tdb.url}` };
      // One workspace whose clock reads about noon, with a member who has goals to set.
      s = services(tdb.database, systemClock);
      ({ owner } = await buildWorkspace(s, { name: "语言测试店" }));
      await buildMember(s, owner, { name: "设计专员" });
      await setZone(zoneAtNoon());
      const today = new Date().toISOString().slice(0, 10);
      cycleName = "本月目标";
      await s.goals.createCycle(owner, {
        name: cycleName,
        kind: "custom",
        from: addDays(today, -20),
        to: addDays(today, 20),
      });
    }, 120_000);
    afterAll(async () => tdb?.cleanup());

    // What a command says is the same code on either database: the language is checked on SQLite;
    // on PostgreSQL the messages that differ (migrate's database, backup pointing to pg_dump) are.
    // The commands' data access on PostgreSQL is covered by their own tests (kpi, remind, serve).
    if (dialect === "sqlite") {
      it("kpi: the table and its refusals in Chinese and in English", async () => {
        // The orders' days are read in the workspace's zone: the shop's own (Shanghai) for this
        // check, whatever the hour the suite runs at; the reminders' noon zone comes back after.
        await setZone("Asia/Shanghai");
        onTestFinished(() => setZone(zoneAtNoon()).then(() => undefined));
        await dayclear(
          [
            "import",
            "orders",
            join(fixtures, "ExportOrderList202610.csv"),
            join(fixtures, "ExportOrderDetailList202610.csv"),
            "--shop",
            "天猫店",
          ],
          EN,
        );
        const range = ["--shop", "天猫店", "--from", "2026-10-01", "--to", "2026-10-07"];
        const zh = await dayclear(["kpi", ...range], ZH);
        expect(zh.stdout).toBe(
          [
            "天猫店，2026-10-01 至 2026-10-07（CNY）",
            "  GMV         1576.00（扣除退款后 1488.00）",
            "  付款订单    3",
            "  客单价      525.33",
            "  退款率      按订单 33.33%，按金额 5.58%",
            "  支付转化率  —（未导入访客数）",
            "  复购率      50.00%；新客 2 位，老客 0 位",
            "",
          ].join("\n"),
        );
        const en = await dayclear(["kpi", ...range, "--lang", "en"], ZH);
        expect(en.stdout).toBe(
          [
            "天猫店, 2026-10-01 – 2026-10-07 (CNY)",
            "  GMV          1576.00   (net of refunds 1488.00)",
            "  Paid orders  3",
            "  AOV          525.33",
            "  Refund rate  33.33% of orders, 5.58% of GMV",
            "  Conversion   — (no visitor counts imported)",
            "  Repurchase   50.00%; 2 new, 0 returning customers",
            "",
          ].join("\n"),
        );
        // --lang wins over LANG for a refusal too; exit 1, nothing on stdout.
        const badDate = await refused(
          [
            "kpi",
            "--shop",
            "天猫店",
            "--from",
            "2026-13-01",
            "--to",
            "2026-10-07",
            "--lang",
            "zh-CN",
          ],
          EN,
        );
        expect(badDate).toMatchObject({
          code: 1,
          stdout: "",
          stderr: `dayclear: --from 应为 ${LIMITS.dateMin} 至 ${LIMITS.dateMax} 之间的日期（YYYY-MM-DD），收到的是 "2026-13-01"\n`,
        });
        const noShop = await refused(["kpi", "--shop", "京东店", ...range.slice(2)], EN);
        expect(noShop).toMatchObject({
          code: 1,
          stderr: 'dayclear: No shop named "京东店" in this workspace\n',
        });
        expect((await refused(["kpi", "--shop", "京东店", ...range.slice(2)], ZH)).stderr).toBe(
          "dayclear: 这个工作区没有名为“京东店”的店铺\n",
        );
      }, 400_000);

      it("remind: how many reminders went out, in Chinese and in English", async () => {
        expect((await dayclear(["remind"], ZH)).stdout).toBe("已发送 1 条目标提醒。\n");
        expect((await dayclear(["remind"], EN)).stdout).toBe("Sent 0 goal reminders.\n");
        expect((await dayclear(["remind", "--lang", "zh-CN"], EN)).stdout).toBe(
          "已发送 0 条目标提醒。\n",
        );
      }, 300_000);

      it("serve: where it runs, in the reader's language", async () => {
        for (const [env, said] of [
          [ZH, `日清已启动，数据库：${where.description}`],
          [{ ...EN, LANG: "zh_CN.UTF-8" }, null],
        ] as const) {
          const args = [bin, "serve", "--port", "0", "--host", "127.0.0.1", ...where.args];
          if (said === null) args.push("--lang", "en");
          const child = spawn(process.execPath, args, {
            env: {
              ...process.env,
              DAYCLEAR_FROM_SOURCE: "1",
              DAYCLEAR_REMINDERS: "off",
              ...where.env,
              ...env,
            },
          });
          try {
            const out = await new Promise<string>((resolve, reject) => {
              let text = "";
              const timer = setTimeout(() => reject(new Error(`no address in: ${text}`)), 150_000);
              child.stdout.on("data", (chunk: Buffer) => {
                text += chunk.toString();
                if (/➜ {2}http:\/\/localhost:\d+\n/.test(text)) {
                  clearTimeout(timer);
                  resolve(text);
                }
              });
              child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${text}`)));
            });
            const expected = said ?? `Dayclear is running on ${where.description}`;
            // (the server's own JSON log lines may come first)
            expect(out).toContain(`\n${expected}\n  ➜  http://localhost:`);
          } finally {
            const exited = new Promise((resolve) => child.once("exit", resolve));
            child.kill("SIGTERM");
            await exited;
          }
        }
      }, 400_000);
    }

    it("migrate and backup say what they did in the reader's language", async () => {
      expect((await dayclear(["migrate"], ZH)).stdout).toBe(
        `${where.description} 已是最新结构。\n`,
      );
      expect((await dayclear(["migrate"], EN)).stdout).toBe(
        `${where.description} is up to date.\n`,
      );
      if (dialect === "sqlite") {
        const dir = mkdtempSync(join(tmpdir(), "dayclear-backup-lang-"));
        const target = join(dir, "copy.db");
        const zh = await dayclear(["backup", target], ZH);
        expect(zh.stdout).toMatch(
          new RegExp(`^已把 SQLite .+ 备份到 ${target.replace(/[.]/g, "\\.")}（\\d+ KiB）\\n$`),
        );
        expect(existsSync(target)).toBe(true);
        // The same file again is refused, in English this time, and left as it was.
        expect(await refused(["backup", target], EN)).toMatchObject({
          code: 1,
          stderr: `dayclear: ${target} exists; choose another file\n`,
        });
      } else {
        // PostgreSQL is backed up with pg_dump: the CLI says so (exit 2) instead of copying.
        const zh = await refused(["backup"], ZH);
        expect(zh.code).toBe(2);
        expect(zh.stderr).toMatch(
          /^这个实例使用 PostgreSQL：请用 pg_dump 备份，例如：\n {2}pg_dump /,
        );
        const en = await refused(["backup"], EN);
        expect(en.stderr).toMatch(
          /^This instance uses PostgreSQL: back it up with pg_dump, e\.g\./,
        );
      }
    }, 300_000);
  });
}
