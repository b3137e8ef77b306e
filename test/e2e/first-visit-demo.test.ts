// The first visit to an empty instance offers to create a workspace or open the demo shop; the demo opens.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell, MembersPage } from "./pages/app.pages.js";
import { WelcomePage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { SCREENSHOTS, startServer, type RunningServer } from "./server.js";

describe("first visit to an empty instance", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium({ width: 1280, height: 800 }, "zh-CN");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows onboarding with both choices, and the demo shop opens signed in", { timeout: 120_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/demo-FAILED.png`, fullPage: true });
    });
    await page.goto(server.url);
    await page.waitForURL("**/welcome");
    const welcome = new WelcomePage(page);
    await expect.poll(() => welcome.createButton().innerText()).toContain("创建你的工作区");
    expect(await welcome.demoButton().innerText()).toContain("打开演示店铺");
    expect(await welcome.demoButton().isEnabled()).toBe(true);

    await welcome.openDemo();
    await screenshot(page, SCREENSHOTS, "demo-01-today");
    const shell = new AppShell(page);
    expect((await shell.workspaceName().innerText()).length).toBeGreaterThan(0);

    await shell.navigate("成员", "/members");
    const members = new MembersPage(page);
    await expect.poll(() => members.rows().count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, SCREENSHOTS, "demo-02-members");
    await shell.navigate("部门", "/departments");
    await expect.poll(() => page.getByTestId("department-node").count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, SCREENSHOTS, "demo-03-departments");
  });
});
