// The owner of the demo shop creates a plan from the 双11 playbook with a launch date, sees it
// scheduled at once (Gantt bars, the critical path in red, deadlines placed back from the launch),
// edits one critical task's effort in the table from the keyboard, and sees the forecast finish move.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { openDemo } from "./pages/plans.fixtures.js";
import { PlanPage, PlansPage } from "./pages/plans.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

describe("a plan from the 双11 template", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shot = (name: string) => screenshot(page, SCREENSHOTS, `plan-template-zh-${name}`);

  beforeAll(async () => {
    // A Thursday morning in Shanghai, so the demo's week and today's work are the same every run.
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    browser = await launchChromium({ width: 1440, height: 900 });
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is scheduled at once and re-plans when an effort changes", { timeout: 150_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/plan-template-zh-FAILED.png`, fullPage: true });
    });
    const login = await openDemo(server.url);
    await new LoginPage(page).goto(server.url);
    await new LoginPage(page).signIn(login.email, login.password);
    const shell = new AppShell(page);
    await shell.navigate("计划", "/plans");
    const plans = new PlansPage(page);
    await expect.poll(() => plans.cards().count()).toBeGreaterThanOrEqual(1);
    await shot("01-plans");

    await plans.fromTemplate("2027-01-20", "春节前大促");
    const notice = await plans.created().innerText();
    expect(notice).toContain("计划已创建并排程");
    expect(notice).toMatch(
      /已按上线日 2027-01-20 倒排截止日期：最早 \d{4}-\d{2}-\d{2}，最晚 2027-01-\d{2}/,
    );
    await expect.poll(() => plans.cards().count()).toBeGreaterThanOrEqual(2);
    await shot("02-created");
    await plans.openCreated();

    const plan = new PlanPage(page);
    await expect.poll(() => page.getByTestId("plan-name").innerText()).toBe("春节前大促");
    await expect.poll(() => plan.rows().count()).toBeGreaterThan(10);
    await shot("03-task-table");

    await plan.tab("甘特图");
    await expect.poll(() => plan.bars().count()).toBeGreaterThan(5);
    await expect.poll(() => plan.criticalBars().count()).toBeGreaterThan(0);
    expect(await page.getByTestId("gantt-summary").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("gantt-arrow").count()).toBeGreaterThan(0);
    // The Gantt marks its first frame on the animation frame after it renders: once, a moment later.
    await expect
      .poll(() => page.evaluate("performance.getEntriesByName('gantt-first-frame').length"))
      .toBe(1);
    await shot("04-gantt");

    // The last task on the critical path decides the finish: make it much longer.
    const critical = await plan
      .criticalBars()
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-task") ?? ""));
    const target = critical[critical.length - 1]!;
    const before = await plan.finish().innerText();
    await plan.tab("任务");
    const effortBefore = Number(await plan.row(target).locator("[data-col=effort]").innerText());
    await plan.editCell(target, "effort", String(effortBefore + 80));
    await expect
      .poll(() => plan.row(target).locator("[data-col=effort]").innerText())
      .toBe(String(effortBefore + 80));
    await expect.poll(() => plan.finish().innerText()).not.toBe(before);
    expect(await page.getByTestId("plan-rescheduled").innerText()).toMatch(/\d+ 毫秒内重新排程/);
    // Esc leaves a cell without saving.
    await plan.row(target).locator("[data-col=name]").click();
    await page.getByTestId("edit-name").fill("不该保存");
    await page.getByTestId("edit-name").press("Escape");
    expect(await plan.row(target).locator("[data-col=name]").innerText()).toContain(target);
    await shot("05-effort-edited");

    await plan.tab("甘特图");
    await expect.poll(() => plan.criticalBars().count()).toBeGreaterThan(0);
    await shot("06-gantt-after");
    await plan.tab("负荷");
    await expect.poll(() => page.getByTestId("workload-row").count()).toBeGreaterThan(3);
    await shot("07-workload");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
