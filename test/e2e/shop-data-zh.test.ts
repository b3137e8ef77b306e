// Shop data in the browser (issue 5), on the demo shop: the owner adds a Taobao shop, uploads a
// broken Taobao order report (GBK) and sees the problem with its row and column and the commit
// refused (nothing stored), then the real two-file Taobao export (order report + item report,
// GBK, ="…" ids): the preview names the platform and shows the first orders; commits it, sees it
// in the history, and the dashboard's October numbers grow by exactly those orders; rolls it back
// and they return. The dashboard shows KPI cards with their definitions and the trend against the
// previous period; then the dashboard in English at phone width.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { openDemo } from "./pages/plans.fixtures.js";
import { SalesDashboardPage, ShopDataPage } from "./pages/shop-data.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "orders");
const fixture = (name: string) => ({ name, buffer: readFileSync(join(FIXTURES, name)) });
const SHOP = "日清服饰 淘宝C店";
const count = (s: string) => Number(s.replace(/,/g, ""));
const grouped = (n: number) => n.toLocaleString("en-US");

/** The Taobao order report with one amount broken, still in GBK as the platform writes it. */
function brokenTaobaoReport(): { name: string; buffer: Buffer } {
  const text = iconv.decode(readFileSync(join(FIXTURES, "ExportOrderList202610.csv")), "gb18030");
  const lines = text.split("\n");
  lines[1] = lines[1]!.replace(",189.00,", ",18.9.0,");
  return { name: "ExportOrderList202610.csv", buffer: iconv.encode(lines.join("\n"), "gb18030") };
}

describe("shop data: import preview → refused broken file → commit → history → roll-back, and the dashboard (zh-CN; en on a phone)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let owner: Page;
  let phone: Page;
  let demo: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    demo = await openDemo(server.url);
    browsers.push(
      await launchChromium({ width: 1280, height: 900 }, "zh-CN"),
      await launchChromium({ width: 390, height: 844 }, "en"),
    );
    // The browsers' "today" is the server's (the dashboard's default range ends today).
    for (const b of browsers) await b.context.clock.setFixedTime(new Date("2026-11-26T02:00:00Z"));
    owner = await browsers[0]!.context.newPage();
    phone = await browsers[1]!.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it(
    "imports a real Taobao export after refusing a broken one, and the dashboard follows",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await owner.screenshot({
          path: `${SCREENSHOTS}/shop-data-zh-FAILED-owner.png`,
          fullPage: true,
        });
        await phone.screenshot({
          path: `${SCREENSHOTS}/shop-data-en-FAILED-phone.png`,
          fullPage: true,
        });
      });
      await new LoginPage(owner).goto(server.url);
      await new LoginPage(owner).signIn(demo.email, demo.password);
      const shell = new AppShell(owner);

      // The dashboard: KPI cards with definitions, the trend against the previous period.
      await shell.navigate("数据看板", "/dashboard");
      const dash = new SalesDashboardPage(owner);
      await expect.poll(() => dash.value("gmv").innerText()).toMatch(/^¥[\d,]+\.\d\d$/);
      expect(await dash.card("gmv").innerText()).toContain("较上一周期");
      expect(await dash.definition("gmv", "GMV = ")).toContain(
        "GMV = 已付款订单的买家实付金额之和",
      );
      expect(await dash.definition("refundRate", "退款率 = ")).toMatch(/^退款率 = /);
      await dash.trend().locator("canvas").first().waitFor();
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-01-dashboard");
      const last30 = await dash.value("gmv").innerText();
      await dash.setRange("2026-10-01", "2026-10-31");
      await expect.poll(() => dash.value("gmv").innerText()).not.toBe(last30);
      const octoberBefore = {
        gmv: await dash.value("gmv").innerText(),
        orders: count(await dash.value("paidOrders").innerText()),
      };
      expect(octoberBefore.orders).toBeGreaterThan(0);

      // A new Taobao shop; a broken export is previewed with its problem and cannot be committed.
      await shell.navigate("订单导入", "/shop-data");
      const data = new ShopDataPage(owner);
      await data.addShop(SHOP, "淘宝/天猫");
      await expect.poll(() => data.shopSelect().innerText()).toContain(`${SHOP} · 淘宝/天猫 (0)`);
      await data.upload([brokenTaobaoReport()]);
      await expect.poll(() => data.problems().count()).toBeGreaterThan(0);
      const problem = await data.problems().first().innerText();
      expect(problem).toMatch(/行\s*2/);
      expect(problem).toContain("列 买家实际支付金额");
      expect(problem).toContain("18.9.0");
      expect(await data.commitButton().isDisabled()).toBe(true);
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-02-broken-refused");
      expect(await data.history().count()).toBe(0);
      expect(await data.shopSelect().innerText()).toContain("(0)");

      // The real export: order report and item report together, GBK with ="…" ids.
      await data.startOver();
      await data.upload([
        fixture("ExportOrderList202610.csv"),
        fixture("ExportOrderDetailList202610.csv"),
      ]);
      await expect.poll(() => data.sampleRows().count()).toBe(4);
      const detected = await data.preview().innerText();
      expect(detected).toContain("识别为");
      expect(detected).toMatch(/ExportOrderList202610\.csv: [^\n]*gb18030/i);
      expect(detected).toContain("4 个订单、5 个商品行：新增 4");
      expect(await data.sampleRows().first().innerText()).toContain("3515313147329357901");
      expect(await data.commitButton().isEnabled()).toBe(true);
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-03-preview");
      await data.commitButton().click();
      await expect.poll(() => data.history().count()).toBe(1);
      expect(await data.history().first().innerText()).toMatch(
        /已导入[\s\S]*ExportOrderList202610\.csv, ExportOrderDetailList202610\.csv[\s\S]*4 个订单：新增 4/,
      );
      await expect.poll(() => data.shopSelect().innerText()).toContain("(4)");
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-04-history");

      // October on the dashboard now includes the shop's paid orders.
      await shell.navigate("数据看板", "/dashboard");
      await dash.setRange("2026-10-01", "2026-10-31");
      await expect
        .poll(() => dash.value("paidOrders").innerText())
        .toBe(grouped(octoberBefore.orders + 3));
      const gmvAfter = await dash.value("gmv").innerText();
      const fen = (s: string) => Math.round(Number(s.replace(/[¥,]/g, "")) * 100);
      expect(fen(gmvAfter) - fen(octoberBefore.gmv)).toBe(157_600); // the three paid orders: ¥1,576.00
      await dash.chooseShop(`${SHOP} · 淘宝/天猫`);
      await expect.poll(() => dash.value("paidOrders").innerText()).toBe("3");
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-05-dashboard-after-import");

      // Roll back: the import is marked, the shop is empty again and October is as before.
      await shell.navigate("订单导入", "/shop-data");
      await data.chooseShop(`${SHOP} · 淘宝/天猫 (4)`);
      await expect.poll(() => data.history().count()).toBe(1);
      await data.rollBack(0);
      await expect.poll(() => data.history().first().innerText()).toContain("已撤销");
      await expect.poll(() => data.shopSelect().innerText()).toContain("(0)");
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-06-rolled-back");
      await shell.navigate("数据看板", "/dashboard");
      await dash.setRange("2026-10-01", "2026-10-31");
      await expect
        .poll(() => dash.value("paidOrders").innerText())
        .toBe(grouped(octoberBefore.orders));
      expect(await dash.value("gmv").innerText()).toBe(octoberBefore.gmv);

      // The dashboard in English at phone width: cards, definitions, nothing wider than the screen.
      await new LoginPage(phone).goto(server.url);
      await new LoginPage(phone).signIn(demo.email, demo.password);
      const phoneShell = new AppShell(phone);
      await phoneShell.switchLanguage("English");
      await phoneShell.navigate("Dashboard", "/dashboard");
      const phoneDash = new SalesDashboardPage(phone);
      await expect.poll(() => phoneDash.value("gmv").innerText()).toMatch(/^¥[\d,]+\.\d\d$/);
      expect(await phoneDash.card("gmv").innerText()).toContain("vs previous period");
      await phoneDash.trend().locator("canvas").first().waitFor();
      await screenshot(phone, SCREENSHOTS, "shop-data-en-07-phone-dashboard");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    },
  );

  it(
    "imports a folder of seventeen Shopify exports of three stores at once: 496 orders, merged and said (issue 13)",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await owner.screenshot({
          path: `${SCREENSHOTS}/shop-data-zh-FAILED-folder.png`,
          fullPage: true,
        });
      });
      const shell = new AppShell(owner);
      await shell.navigate("订单导入", "/shop-data");
      const data = new ShopDataPage(owner);
      const name = "Shopify 三店";
      await data.addShop(name, "Shopify");
      await expect.poll(() => data.shopSelect().innerText()).toContain(`${name} · Shopify (0)`);
      // The folder as downloaded: 17 CSV files (and the generator beside them, which is not an export).
      await data.uploadFolder(join(FIXTURES, "shopify-multistore"));
      await expect
        .poll(() => data.preview().innerText(), { timeout: 60_000 })
        .toContain("496 个订单、863 个商品行：新增 496，更新 0，未变 0");
      const preview = await data.preview().innerText();
      expect(preview).toContain("188 个订单出现在多个文件中（多出 188 份）");
      expect(preview).toMatch(/70 个订单号（如 #\d+）对应不同的订单/);
      expect(preview).toContain("请把每个店铺导入各自的店铺");
      expect(await data.problems().count()).toBe(0);
      // Columns Dayclear does not use are named once, not once per file.
      expect(preview.match(/Tax 1 Name/g)).toHaveLength(1);
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-08-folder-preview");
      await data.commitButton().click();
      await expect.poll(() => data.history().count()).toBe(1);
      const history = await data.history().first().innerText();
      expect(history).toContain("orders_export__16_.csv");
      expect(history).toContain("496 个订单：新增 496");
      await expect.poll(() => data.shopSelect().innerText()).toContain("(496)");
      await screenshot(owner, SCREENSHOTS, "shop-data-zh-09-folder-imported");
    },
  );
});
