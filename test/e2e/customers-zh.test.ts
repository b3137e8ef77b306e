// Customers in the browser (issue 11), on the demo shop, on both databases. The owner at 1440 px in
// Chinese opens 客户 from the menu, reads the RFM map (the grid's cells add up to the customers
// scored, the segment lines agree with the grid), keeps one segment in the list (every row carries
// it), opens a customer whose page says how their scores were found, and exports the dormant
// customers: the CSV's rows are the list's, headed in Chinese. On a 390 px phone the list and the
// map fit the screen. A 物流 member has no 客户 entry and the API refuses them.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { pdfPagePng, pdfPagesText } from "./pages/logistics.pages.js";
import { signedInPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { CustomerDetailPage, CustomersPage } from "./pages/customers.pages.js";
import { call, login, openDemo } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const OWNER = "owner@demo.dayclear.local";
const PACKER = "he.jun@demo.dayclear.local";

for (const dialect of DIALECTS) {
  describe(`客户 on the demo shop (zh-CN, ${dialect})`, () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let password: string;
    const name = (step: string) => `customers-${dialect}-${step}`;
    const open = async (viewport: { width: number; height: number }, email: string) => {
      const context = await browser.newContext({
        viewport,
        locale: "zh-CN",
        reducedMotion: "reduce",
        deviceScaleFactor: 1,
        acceptDownloads: true,
      });
      contexts.push(context);
      return signedInPage(context, server.url, email, password, name);
    };
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);

    beforeAll(async () => {
      server = await startServer({ clock: testClock(NOW), dialect });
      ({ password } = await openDemo(server.url));
      browser = await launchSharedChromium();
    }, 180_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    it(
      "the owner reads the RFM map, filters a segment, opens a customer and exports the dormant ones",
      { timeout: 180_000 },
      async () => {
        const page = await open({ width: 1440, height: 900 }, OWNER);
        await new AppShell(page).navigate("客户", "/customers");
        const customers = new CustomersPage(page);
        await expect.poll(() => customers.rows().count()).toBeGreaterThan(0);

        await customers.tab("RFM 分层");
        await expect.poll(() => page.getByTestId("rfm-cell").count()).toBe(25);
        const summary = await page.getByTestId("rfm-summary").innerText();
        const scored = Number(/客户 (\d+) 位/.exec(summary)![1]);
        expect(scored).toBeGreaterThan(100);
        const grid = await customers.gridCounts();
        expect(grid.reduce((a, b) => a + b, 0)).toBe(scored);
        const segments = await customers.segmentCounts();
        expect(Object.values(segments).reduce((a, b) => a + b, 0)).toBe(scored);
        // The demo's orders fill most segments: champions, loyal, at risk and lost among them.
        for (const s of ["champions", "loyal", "at_risk", "lost", "hibernating"])
          expect(segments[s], s).toBeGreaterThan(0);
        await expect.poll(() => page.getByTestId("rfm-cutoffs").innerText()).toContain("≥");
        await shot(page, "owner-1440-rfm");

        await customers.tab("客户列表");
        await customers.filterSegment("冠军客户");
        await expect
          .poll(() => customers.total().innerText())
          .toBe(`共 ${segments.champions} 位客户`);
        await expect
          .poll(async () => new Set(await customers.segmentsShown()))
          .toEqual(new Set(["冠军客户"]));
        await customers.rows().first().click();
        const detail = new CustomerDetailPage(page);
        await expect.poll(() => detail.rfmLines().count()).toBe(5);
        expect(await detail.segment().innerText()).toBe("冠军客户");
        expect(await detail.rfmLines().first().innerText()).toMatch(/^R 5：/);
        await shot(page, "owner-1440-customer");
        // Printed (A4), the card starts on the first sheet with the customer and their RFM, without
        // the app's header and menu.
        const pdf = `${SCREENSHOTS}/${name("owner-customer")}.pdf`;
        await page.pdf({ path: pdf, format: "A4", printBackground: true });
        const sheets = pdfPagesText(pdf);
        expect(sheets[0]).toContain(await detail.segment().innerText());
        expect(sheets[0]).toContain("RFM");
        expect(sheets.join("\n")).not.toContain("工资核算");
        pdfPagePng(pdf, 1);

        await page.goBack();
        await customers.tab("沉睡客户");
        const definition = await page.getByTestId("dormant-definition").innerText();
        const total = Number(/共 (\d+) 位客户/.exec(definition)![1]);
        expect(total).toBeGreaterThan(0);
        const download = await customers.exportDormant();
        const lines = readFileSync(await download.path(), "utf8")
          .replace(/^\uFEFF/, "")
          .trim()
          .split("\r\n");
        expect(lines[0]).toBe("客户,买家（平台显示）,最后下单,距今天数,订单数,消费金额,退款金额");
        expect(lines).toHaveLength(total + 1);
        // 90 days or more since each one's last order.
        expect(lines.slice(1).every((l) => Number(l.split(",")[3]) >= 90)).toBe(true);
      },
    );

    it(
      "fits a phone; a 物流 member has no 客户 entry and is refused",
      { timeout: 150_000 },
      async () => {
        const page = await open({ width: 390, height: 844 }, OWNER);
        await new AppShell(page).navigate("客户", "/customers");
        const customers = new CustomersPage(page);
        await expect.poll(() => customers.rows().count()).toBeGreaterThan(0);
        await shot(page, "owner-390-list");
        // A customer's card on the phone: the orders' cells each on one line (status, date and
        // amounts), the table scrolling inside its card rather than breaking words.
        await customers.rows().first().click();
        const detail = new CustomerDetailPage(page);
        await expect.poll(() => detail.rfmLines().count()).toBe(5);
        const cellHeights = await page
          .getByTestId("customer-orders")
          .locator("tbody td")
          .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
        expect(cellHeights.length).toBeGreaterThan(0);
        expect(Math.max(...cellHeights), "an order cell wraps onto several lines").toBeLessThan(48);
        await shot(page, "owner-390-customer");
        await page.goBack();
        await customers.tab("RFM 分层");
        await expect.poll(() => page.getByTestId("rfm-cell").count()).toBe(25);
        await shot(page, "owner-390-rfm");

        const packer = await open({ width: 390, height: 844 }, PACKER);
        await packer.getByTestId("workspace-name").waitFor();
        const menu = packer.getByTestId("menu-button");
        if (await menu.isVisible()) await menu.click();
        await packer.getByTestId("nav").last().getByText("今日", { exact: true }).waitFor();
        expect(
          await packer.getByTestId("nav").last().getByText("客户", { exact: true }).count(),
        ).toBe(0);
        // Following a link to the customers anyway, he reads that they are not his to see (in his
        // language), not an empty list as if the shop had no customers.
        await packer.goto(`${server.url}/customers`);
        await expect
          .poll(() => packer.getByTestId("customers-error").textContent())
          .toMatch(/[\u4e00-\u9fff]/);
        expect(await packer.getByText("暂无客户").count()).toBe(0);
        const api = await login(server.url, PACKER, password);
        const shops = await call<{ items: { id: string }[] }>(api, "GET", "/shops");
        const refused = await fetch(
          `${server.url}/api/v1/customers/rfm?shop=${shops.items[0]!.id}`,
          {
            headers: { cookie: api.cookie },
          },
        );
        expect(refused.status).toBe(403);
      },
    );
  });
}
