// Customer-service pay from orders to statement (issue 6), on the demo shop: the owner sets the
// 客服 pay plan from its template and assigns it, imports a Taobao export whose seller's memo
// says "客服:刘婷", computes October's run — 刘婷's commission is 1 % of exactly the sales attributed
// to her, the import's two orders included — approves and locks it, downloads the XLSX whose
// figures match the statement; then 刘婷 signs in (English) and sees her own statement only.
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import * as fx from "../fixtures/orders/build.js";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { call, login, openDemo } from "./pages/plans.fixtures.js";
import {
  MyPayPage,
  PayPlanPage,
  PayPlansPage,
  PayRunPage,
  PayRunsPage,
  StatementPage,
} from "./pages/pay.pages.js";
import { ShopDataPage } from "./pages/shop-data.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const SHOP = "日清服饰 淘宝C店";
const fen = (s: string) => Math.round(Number(s.replace(/[¥,\s]/g, "")) * 100);
const yuan = (f: number) => (f / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
type Summary = { members: { name: string; gmv: string; paidOrders: number }[] };

describe("客服 pay: plan → import → run → lock → XLSX, and the agent's own statement (zh-CN; en)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let owner: Page;
  let agent: Page;
  let demo: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    demo = await openDemo(server.url);
    browsers.push(
      await launchChromium({ width: 1280, height: 860 }, "zh-CN"),
      await launchChromium({ width: 1280, height: 860 }, "en"),
    );
    owner = await browsers[0]!.context.newPage();
    agent = await browsers[1]!.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it(
    "pays 刘婷 1 % of the sales attributed to her, to the fen, and shows her only her statement",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await owner.screenshot({
          path: `${SCREENSHOTS}/pay-cs-zh-FAILED-owner.png`,
          fullPage: true,
        });
        await agent.screenshot({
          path: `${SCREENSHOTS}/pay-cs-en-FAILED-agent.png`,
          fullPage: true,
        });
      });
      const api = await login(server.url, demo.email, demo.password);
      const attributedTo = async (name: string) =>
        (
          await call<Summary>(api, "GET", "/attribution/summary?from=2026-10-01&to=2026-10-31")
        ).members.find((m) => m.name === name)!;
      const before = await attributedTo("刘婷");
      expect(before.paidOrders).toBeGreaterThan(0); // the demo's 客服 mark their orders in the memo

      // The owner: the 客服 plan from its template, for the 客服 department from October.
      await new LoginPage(owner).goto(server.url);
      await new LoginPage(owner).signIn(demo.email, demo.password);
      const shell = new AppShell(owner);
      await shell.navigate("薪酬方案", "/pay/plans");
      await new PayPlansPage(owner).createFromTemplate(
        "2026-10-01",
        "客服 · 客服 · 个人业绩 + 公共池 + 考核奖金",
      );
      const plan = new PayPlanPage(owner);
      await expect
        .poll(() => owner.getByTestId("pay-plan-name").innerText())
        .toBe("客服 · 个人业绩 + 公共池 + 考核奖金");
      expect(await plan.rules().innerText()).toContain("询单转化率");
      await plan.assignDepartment("客服", "2026-10-01");
      await expect.poll(() => plan.assignments().innerText()).toContain("客服");
      await screenshot(owner, SCREENSHOTS, "pay-cs-zh-01-plan");

      // Orders: a Taobao export where 刘婷 closed two sales (189.00 and 1,299.00, paid 2026-10-01).
      await shell.navigate("订单导入", "/shop-data");
      const data = new ShopDataPage(owner);
      await data.addShop(SHOP, "淘宝/天猫");
      await expect.poll(() => data.shopSelect().innerText()).toContain(`${SHOP} · 淘宝/天猫 (0)`);
      const memos = {
        "3515313147329357901": "客服:刘婷",
        "3515313147329357902": "客服：刘婷 已核对地址",
      };
      await data.upload([
        { name: "ExportOrderList202610.csv", buffer: Buffer.from(fx.taobaoOrders(memos)) },
        { name: "ExportOrderDetailList202610.csv", buffer: Buffer.from(fx.taobaoItems()) },
      ]);
      await expect.poll(() => data.sampleRows().count()).toBe(4);
      await data.commitButton().click();
      await expect.poll(() => data.history().count()).toBe(1);
      await screenshot(owner, SCREENSHOTS, "pay-cs-zh-02-imported");
      const after = await attributedTo("刘婷");
      expect(fen(after.gmv) - fen(before.gmv)).toBe(148_800);
      expect(after.paidOrders - before.paidOrders).toBe(2);

      // October's run: 客服 ×3; 刘婷's commission is 1 % of her attributed sales, with its source.
      await shell.navigate("工资核算", "/pay/runs");
      await new PayRunsPage(owner).compute("2026-10");
      await owner.waitForURL(/\/pay\/runs\/[^/]+$/);
      const run = new PayRunPage(owner);
      await expect.poll(() => run.rows().count()).toBe(3);
      const runUrl = owner.url();
      await run.statementLink("刘婷").click();
      await owner.waitForURL(/\/statements\//);
      const statement = new StatementPage(owner);
      await expect.poll(() => statement.title().innerText()).toContain("刘婷");
      const commission = statement.line("commission");
      const expected = Math.round(fen(after.gmv) / 100); // 1 %, half away from zero (amounts are positive)
      expect(await commission.getByTestId("line-formula").innerText()).toBe(
        `${yuan(fen(after.gmv))} × 1% = ${yuan(expected)}`,
      );
      expect(await commission.getByTestId("line-amount").innerText()).toBe(`¥${yuan(expected)}`);
      expect(await commission.getByTestId("line-sources").innerText()).toContain(
        `归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：${after.paidOrders} 个付款订单`,
      );
      const total = await statement.total().innerText();
      await screenshot(owner, SCREENSHOTS, "pay-cs-zh-03-statement");

      // Approve and lock; the XLSX carries the same lines and total.
      await owner.goto(runUrl);
      await run.lock();
      await expect.poll(() => run.status().innerText()).toBe("已锁定");
      await screenshot(owner, SCREENSHOTS, "pay-cs-zh-04-locked");
      const href = (await owner.getByTestId("run-export-xlsx").getAttribute("href"))!;
      const file = await owner.context().request.get(new URL(href, server.url).toString());
      expect(file.status()).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await file.body()) as unknown as ArrayBuffer);
      const rows = book.worksheets[0]!.getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? "")));
      expect(rows).toContainEqual(
        expect.arrayContaining([
          "2026-10",
          "刘婷",
          "commission",
          "attributed",
          expect.any(String),
          yuan(expected).replace(/,/g, ""),
        ]),
      );
      expect(rows.find((r) => r[1] === "刘婷" && r[2] === "total")![5]).toBe(
        total.replace(/[¥,]/g, ""),
      );

      // 刘婷 in English: My pay lists the locked statement; it is hers, with the same commission;
      // 赵磊's statement is not hers to read.
      await new LoginPage(agent).goto(server.url);
      await new LoginPage(agent).signIn("liu.ting@demo.dayclear.local", demo.password);
      const agentShell = new AppShell(agent);
      await agentShell.workspaceName().waitFor();
      await agentShell.switchLanguage("English");
      await agentShell.navigate("My pay", "/pay/me");
      const myPay = new MyPayPage(agent);
      await expect.poll(() => myPay.statements().count()).toBe(1);
      await agent.getByTestId("my-statement-open").click();
      const own = new StatementPage(agent);
      await expect.poll(() => own.title().innerText()).toContain("刘婷");
      expect(await own.line("commission").getByTestId("line-amount").innerText()).toBe(
        `¥${yuan(expected)}`,
      );
      expect(await own.total().innerText()).toBe(total);
      // In English the engine's own words: the source names her sales.
      expect(await own.line("commission").getByTestId("line-sources").innerText()).toContain(
        `sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: ${after.paidOrders} paid orders`,
      );
      await screenshot(agent, SCREENSHOTS, "pay-cs-en-05-agent-statement");
      const members = await call<{ items: { id: string; name: string }[] }>(
        api,
        "GET",
        "/members?limit=100",
      );
      await agent.goto(`${runUrl}/statements/${members.items.find((m) => m.name === "赵磊")!.id}`);
      await expect.poll(() => own.notAllowed().innerText()).toMatch(/not allowed|permission/i);
      await screenshot(agent, SCREENSHOTS, "pay-cs-en-06-not-allowed");
    },
  );
});
