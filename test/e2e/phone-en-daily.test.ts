// The daily loop in English on a phone (390×844): Today, check off, log unplanned work, the drafted
// report with a reason, submit; the plan as a list (no Gantt at phone width); nothing overflows.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { dailyFixture, type DailyFixture } from "./pages/plans.fixtures.js";
import { ReportPage, TodayPage } from "./pages/plans.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

describe("Today and the daily report in English at phone width", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let fx: DailyFixture;
  const shot = async (name: string) => {
    await screenshot(page, SCREENSHOTS, `phone-en-daily-${name}`);
    expect(await horizontalOverflow(page), `${name} overflows sideways`).toBeLessThanOrEqual(0);
  };

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    fx = await dailyFixture(server.url, {
      locale: "en",
      today: "2026-11-26",
      tasks: [
        { name: "Retouch hero images", hours: 3 },
        { name: "Lay out the product page", hours: 16 },
      ],
    });
    browser = await launchChromium({ width: 390, height: 844 }, "en-US");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("checks work off and submits the report on a phone", { timeout: 150_000 }, async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/phone-en-daily-FAILED.png`, fullPage: true });
    });
    await new LoginPage(page).goto(server.url);
    await new LoginPage(page).signIn(fx.member.email, fx.member.password);
    const today = new TodayPage(page);
    await expect.poll(() => today.tasks().count()).toBe(2);
    expect(await today.task("Retouch hero images").innerText()).toContain("Spring launch");
    await shot("01-today");
    await today.checkOff("Retouch hero images");
    await expect
      .poll(() => today.task("Retouch hero images").getAttribute("data-status"))
      .toBe("done");
    await today.addUnplanned("Answer a bad review", 1);
    await shot("02-today-done");
    await page.getByTestId("today-view").getByText("My week", { exact: true }).click();
    await expect
      .poll(() => page.getByTestId("week-view").innerText())
      .toContain("Lay out the product page");
    await shot("03-week");

    await new AppShell(page).navigate("Daily reports", "/reports");
    const report = new ReportPage(page);
    await expect
      .poll(() => page.getByTestId("report-done").innerText())
      .toContain("Retouch hero images");
    await report.fillReason("Lay out the product page", "Waiting for prices from operations");
    await page.getByTestId("report-form").locator("#blockers").fill("Prices not confirmed");
    await shot("04-report");
    await report.submit();
    await expect.poll(() => report.status().innerText()).toBe("Submitted");
    await shot("05-submitted");

    await new AppShell(page).navigate("Plans", "/plans");
    await page.getByTestId("plan-link").first().click();
    await page.getByRole("tab", { name: "Gantt" }).click();
    await expect
      .poll(() => page.getByTestId("gantt-list").innerText())
      .toContain("Lay out the product page");
    await shot("06-plan-list");
    await new AppShell(page).navigate("My profile", "/profile");
    await page.getByTestId("calendar-feed-create").click();
    await expect
      .poll(() => page.getByTestId("calendar-feed-url").inputValue())
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+/);
    await shot("07-profile-feed");
  });
});
