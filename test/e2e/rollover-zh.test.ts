// Roll-over: a task due today is left unfinished (2 of 6 hours logged). When the clock moves to the
// next working day, the member's Today shows it again with the remaining effort, it is late, and the
// lead of the member's department gets the slip notification at once, linking to the plans.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { dailyFixture, type DailyFixture } from "./pages/plans.fixtures.js";
import { Notifications, TodayPage } from "./pages/plans.pages.js";
import {
  SCREENSHOTS,
  startServer,
  testClock,
  type RunningServer,
  type TestClock,
} from "./server.js";

describe("roll-over to the next working day", () => {
  let server: RunningServer;
  let clock: TestClock;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let leadBrowser: { context: BrowserContext; close: () => Promise<void> };
  let member: Page;
  let lead: Page;
  let fx: DailyFixture;

  beforeAll(async () => {
    clock = testClock("2026-11-27T02:00:00Z"); // Friday 10:00 in Shanghai; the next working day is Monday
    server = await startServer({ clock });
    fx = await dailyFixture(server.url, {
      today: "2026-11-27",
      tasks: [{ name: "活动页上线", hours: 6, deadline: "2026-11-27" }],
    });
    browser = await launchChromium({ width: 1280, height: 860 });
    leadBrowser = await launchChromium({ width: 1280, height: 860 });
    member = await browser.context.newPage();
    lead = await leadBrowser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await leadBrowser?.close();
    await server?.close();
  });

  it("moves unfinished work to Monday and tells the lead", { timeout: 150_000 }, async () => {
    onTestFailed(async () => {
      await member.screenshot({
        path: `${SCREENSHOTS}/rollover-zh-FAILED-member.png`,
        fullPage: true,
      });
      await lead.screenshot({ path: `${SCREENSHOTS}/rollover-zh-FAILED-lead.png`, fullPage: true });
    });
    await new LoginPage(member).goto(server.url);
    await new LoginPage(member).signIn(fx.member.email, fx.member.password);
    const today = new TodayPage(member);
    await expect.poll(() => today.tasks().count()).toBe(1);
    expect(await today.task("活动页上线").innerText()).toContain("6 h");
    await today.task("活动页上线").getByTestId("today-log").click();
    await member
      .locator("input[data-testid=today-log-input], [data-testid=today-log-input] input")
      .first()
      .fill("2");
    await member.getByTestId("today-log-ok").click();
    await expect.poll(() => today.task("活动页上线").innerText()).toContain("已记录 2 h");
    await screenshot(member, SCREENSHOTS, "rollover-zh-01-friday");

    await new LoginPage(lead).goto(server.url);
    await new LoginPage(lead).signIn(fx.lead.email, fx.lead.password);
    const bell = new Notifications(lead);
    expect(await lead.getByTestId("notification-count").innerText()).toBe("");

    // The weekend passes.
    clock.set("2026-11-30T01:30:00Z");
    await member.reload();
    await expect.poll(() => member.getByTestId("today-date").innerText()).toContain("2026-11-30");
    await expect.poll(() => today.tasks().count()).toBe(1);
    const task = await today.task("活动页上线").innerText();
    expect(task).toContain("延期");
    expect(task).toContain("4 h"); // 6 h less the 2 logged on Friday
    await screenshot(member, SCREENSHOTS, "rollover-zh-02-monday");

    // The lead's open page hears of it without a reload.
    await expect.poll(() => bell.count().innerText()).toBe("1");
    await bell.open();
    expect(await bell.items().first().innerText()).toContain("活动页上线");
    await screenshot(lead, SCREENSHOTS, "rollover-zh-03-lead-alert");
    await bell.items().first().click();
    await lead.waitForURL("**/plans**");
    await expect.poll(() => lead.getByTestId("notification-count").innerText()).toBe("");
  });
});
