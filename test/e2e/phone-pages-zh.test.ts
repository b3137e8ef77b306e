// The demo shop's owner on a phone in Chinese: departments, member calendar and days off, settings
// with holidays and make-up workdays, audit log and API tokens, and the demo plan's progress
// against its baseline all work at 390 px.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell, MemberDetailPage, SettingsPage } from "./pages/app.pages.js";
import { WelcomePage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { PlansPage } from "./pages/plans.pages.js";
import { SCREENSHOTS, startServer, type RunningServer } from "./server.js";

describe("owner pages at phone width (zh-CN, demo shop)", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shot = async (name: string) => {
    await screenshot(page, SCREENSHOTS, `phone-zh-${name}`);
    expect(await horizontalOverflow(page), `${name} overflows sideways`).toBeLessThanOrEqual(0);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium({ width: 390, height: 844 }, "zh-CN");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "edits departments, days off, holidays, and reads the audit log and tokens",
    { timeout: 120_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/phone-zh-FAILED.png`, fullPage: true });
      });
      await page.goto(server.url);
      await page.waitForURL("**/welcome");
      await shot("01-welcome");
      await new WelcomePage(page).openDemo();
      const shell = new AppShell(page);
      await shot("02-today");

      // Rename a department through its edit dialog.
      await shell.navigate("部门", "/departments");
      const ops = page.getByTestId("department-node").filter({ hasText: "运营" }).first();
      await ops.getByRole("button", { name: "编辑" }).click();
      const form = page.getByTestId("department-form");
      await form.locator("#name").fill("运营推广");
      await shot("03-department-edit");
      await page.getByTestId("department-save").click();
      await expect
        .poll(() => page.getByTestId("department-tree").innerText())
        .toContain("运营推广");
      await shot("04-departments");

      // Own calendar: add days off.
      await shell.navigate("个人资料", "/profile");
      await page.getByRole("link", { name: "工作日历" }).click();
      await page.waitForURL(/\/members\/[^/]+$/);
      const detail = new MemberDetailPage(page);
      await detail.addDaysOff("2026-10-08", "2026-10-09", "添加休假");
      await expect.poll(() => detail.leaves().innerText()).toContain("2026-10-08 → 2026-10-09");
      await shot("05-member-calendar");

      // Holidays and make-up workdays.
      await shell.navigate("设置", "/settings");
      const settings = new SettingsPage(page);
      await expect.poll(() => settings.holidays().innerText()).toContain("春节");
      // The card opens on the current year.
      await settings.addCalendarDay(`${new Date().getFullYear()}-06-01`, "放假", "店庆");
      await expect.poll(() => settings.holidays().innerText()).toContain("店庆");
      await shot("06-settings");

      await shell.navigate("审计日志", "/audit");
      await expect.poll(() => page.getByTestId("audit-list").innerText()).toContain("运营推广");
      await shot("07-audit");

      await shell.navigate("个人资料", "/profile");
      const tokens = page.getByTestId("tokens-card");
      await tokens.locator("input").first().fill("导出脚本");
      await tokens.getByRole("button", { name: /创\s*建/ }).click();
      await expect.poll(() => tokens.innerText()).toContain("请立即复制此令牌");
      await shot("08-profile-tokens");
    },
  );

  it(
    "reads the demo plan's progress against its baseline: its lights, forecasts, curves and people",
    { timeout: 90_000 },
    async () => {
      const shell = new AppShell(page);
      await shell.navigate("计划", "/plans");
      await new PlansPage(page).cards().first().getByTestId("plan-link").click();
      await page.waitForURL(/\/plans\/[^/?]+$/);
      // (at 390 px the tab sits behind the tab bar's "more" menu: opened by its address)
      await page.goto(`${page.url()}?tab=progress`);
      const tab = page.getByTestId("progress-tab");
      await tab.waitFor();
      // The demo followed its baseline for a week, with two tasks slipping: SPI is a ratio with a
      // light, CPI too, each forecast a date, and the measures never read NaN or Infinity.
      for (const id of ["progress-spi", "progress-cpi"])
        expect(await page.getByTestId(id).innerText()).toMatch(/\d\.\d\d[\s\S]*(正常|关注|落后)/);
      for (const id of ["forecast-baseline", "forecast-es", "forecast-engine", "forecast-deadline"])
        expect(await page.getByTestId(id).innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await tab.innerText()).not.toMatch(/NaN|Infinity/);
      await page.getByTestId("progress-s-curve").locator("canvas").first().waitFor();
      await page.getByTestId("progress-trend").locator("canvas").first().waitFor();
      // Everyone who worked on it, and the four departments (运营 renamed above).
      await expect
        .poll(() => page.getByTestId("progress-people").locator("tbody tr").count())
        .toBeGreaterThanOrEqual(8);
      const departments = await page.getByTestId("progress-departments").innerText();
      for (const name of ["运营推广", "设计", "客服", "物流"]) expect(departments).toContain(name);
      await shot("09-plan-progress");
    },
  );
});
