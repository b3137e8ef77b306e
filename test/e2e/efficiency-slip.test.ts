// Issue 12 in the demo shop: the owner sets the workspace's efficiency by skill level in Settings
// (desktop, Chinese) and a member reads it on a 390 px phone (English, read-only); the demo plan's
// Progress tab says why its finish slipped — each task with its cause and days of effect — on the
// desktop in Chinese and on the phone in English, without the page scrolling sideways.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { WelcomePage, LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { SCREENSHOTS, startServer, type RunningServer } from "./server.js";

describe("efficiency by level and why the plan slipped (demo shop)", () => {
  let server: RunningServer;
  let desk: { context: BrowserContext; close: () => Promise<void> };
  let phone: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    desk = await launchChromium({ width: 1440, height: 900 }, "zh-CN");
    phone = await launchChromium({ width: 390, height: 844 }, "en-US");
    page = await desk.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.close();
  });

  it(
    "the owner sets level 5 to 1.25; a member reads it; the Progress tab lists the slip's causes",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/efficiency-FAILED.png`, fullPage: true });
      });
      await page.goto(server.url);
      await page.waitForURL("**/welcome");
      const welcome = new WelcomePage(page);
      await welcome.showDemo();
      const password = await welcome.demoPassword().innerText();
      await welcome.enterDemo();

      // Settings: every level at 1 until the owner changes it.
      await page.goto(`${server.url}/settings`);
      const card = page.getByTestId("efficiency-card");
      await expect.poll(() => card.innerText()).toContain("技能等级效率");
      expect(await page.getByTestId("efficiency-neutral").innerText()).toContain("各等级都是 1");
      const level5 = page.getByTestId("efficiency-level-5");
      await level5.fill("1.25");
      await expect
        .poll(() => page.getByTestId("efficiency-hours-5").innerText())
        .toBe("10 小时工作量：8 小时");
      expect(await page.getByTestId("efficiency-level-3").isDisabled()).toBe(true);
      await page.getByTestId("efficiency-save").click();
      await expect.poll(() => page.locator(".ant-message").innerText()).toContain("已保存");
      await expect.poll(() => page.getByTestId("efficiency-neutral").count()).toBe(0);
      const saved = (await page.evaluate(
        "fetch('/api/v1/workspace/efficiency').then((r) => r.json())",
      )) as { factors: Record<string, number>; version: number };
      expect(saved).toMatchObject({ factors: { "3": 1, "5": 1.25 }, version: 1 });
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, SCREENSHOTS, "efficiency-01-owner-zh-1440");

      // The demo plan's Progress tab: behind its baseline, with the reasons.
      const plans = (await page.evaluate("fetch('/api/v1/plans').then((r) => r.json())")) as {
        items: { id: string; name: string }[];
      };
      const planId = plans.items[0]!.id;
      await page.goto(`${server.url}/plans/${planId}?tab=progress`);
      const slip = page.getByTestId("progress-slip");
      await expect.poll(() => slip.innerText()).toContain("完成");
      const causes = await page.getByTestId("slip-cause").allInnerTexts();
      expect(causes.length).toBeGreaterThan(0);
      // Every cause says how many working days it moved the finish.
      for (const c of causes) expect(c).toMatch(/\d+\s*个工作日/);
      await slip.scrollIntoViewIfNeeded();
      await screenshot(page, SCREENSHOTS, "slip-01-progress-zh-1440");

      // A member on a phone, in English: the table read-only, the same reasons.
      const p2 = await phone.context.newPage();
      await new LoginPage(p2).goto(server.url);
      await new LoginPage(p2).signIn("wang.fang@demo.dayclear.local", password);
      await p2.goto(`${server.url}/settings`);
      const card2 = p2.getByTestId("efficiency-card");
      await expect.poll(() => card2.innerText()).toContain("Only the owner changes this table");
      expect(await card2.innerText()).toContain("Efficiency by skill level");
      expect(await p2.getByTestId("efficiency-level-5").inputValue()).toBe("1.25");
      expect(await p2.getByTestId("efficiency-level-5").isDisabled()).toBe(true);
      expect(await p2.getByTestId("efficiency-save").count()).toBe(0);
      expect(await horizontalOverflow(p2)).toBe(0);
      await card2.scrollIntoViewIfNeeded();
      await screenshot(p2, SCREENSHOTS, "efficiency-02-member-en-390");

      await p2.goto(`${server.url}/plans/${planId}?tab=progress`);
      const slip2 = p2.getByTestId("progress-slip");
      await expect.poll(() => slip2.innerText()).toContain("Why the finish moved");
      for (const c of await p2.getByTestId("slip-cause").allInnerTexts())
        expect(c).toMatch(/\d+ workday/);
      expect(await horizontalOverflow(p2)).toBe(0);
      await slip2.scrollIntoViewIfNeeded();
      await screenshot(p2, SCREENSHOTS, "slip-02-progress-en-390");
    },
  );
});
