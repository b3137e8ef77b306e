// A member's day: Today shows the engine's work with hours and plan name; they check one task off,
// add unplanned work (计划外), open the drafted report, are asked for a reason for the unfinished
// task, give it and submit. Their lead sees them as submitted and comments (点评); the member's open
// report shows the comment without a reload (live updates) and the bell counts it.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { dailyFixture, type DailyFixture } from "./pages/plans.fixtures.js";
import { Notifications, ReportPage, TodayPage } from "./pages/plans.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

describe("the daily loop: Today → report → the lead's comment", () => {
  let server: RunningServer;
  let memberBrowser: { context: BrowserContext; close: () => Promise<void> };
  let leadBrowser: { context: BrowserContext; close: () => Promise<void> };
  let member: Page;
  let lead: Page;
  let fx: DailyFixture;

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") }); // Thursday 10:00 in Shanghai
    fx = await dailyFixture(server.url, {
      today: "2026-11-26",
      tasks: [
        { name: "主图精修", hours: 3 },
        { name: "详情页排版", hours: 16 },
      ],
    });
    memberBrowser = await launchChromium({ width: 1280, height: 860 });
    leadBrowser = await launchChromium({ width: 1280, height: 860 });
    member = await memberBrowser.context.newPage();
    lead = await leadBrowser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await memberBrowser?.close();
    await leadBrowser?.close();
    await server?.close();
  });

  it("runs from Today to a commented report", { timeout: 150_000 }, async () => {
    onTestFailed(async () => {
      await member.screenshot({
        path: `${SCREENSHOTS}/daily-loop-zh-FAILED-member.png`,
        fullPage: true,
      });
      await lead.screenshot({
        path: `${SCREENSHOTS}/daily-loop-zh-FAILED-lead.png`,
        fullPage: true,
      });
    });
    await new LoginPage(member).goto(server.url);
    await new LoginPage(member).signIn(fx.member.email, fx.member.password);
    const today = new TodayPage(member);
    await expect.poll(() => today.tasks().count()).toBe(2);
    expect(await today.task("主图精修").innerText()).toContain("春季上新");
    expect(await today.task("主图精修").innerText()).toContain("3 h");
    expect(await member.getByTestId("today-date").innerText()).toContain("2026-11-26");
    await screenshot(member, SCREENSHOTS, "daily-loop-zh-01-today");

    await today.checkOff("主图精修");
    await expect.poll(() => today.task("主图精修").getAttribute("data-status")).toBe("done");
    await today.addUnplanned("回复差评客户", 1.5);
    await member.getByTestId("inbox-title").fill("问运营要新品价格");
    await member.getByTestId("inbox-add").click();
    await member.getByTestId("inbox-card").getByText("问运营要新品价格").waitFor();
    await screenshot(member, SCREENSHOTS, "daily-loop-zh-02-today-done");

    await member.getByTestId("open-report").click();
    await member.waitForURL("**/reports");
    const report = new ReportPage(member);
    await expect.poll(() => member.getByTestId("report-done").innerText()).toContain("主图精修");
    expect(await member.getByTestId("report-unplanned").innerText()).toContain("回复差评客户");
    expect(await member.getByTestId("report-hours").innerText()).toMatch(
      /计划 \d+(\.\d+)? 小时 · 实际 \d/,
    );
    await expect.poll(() => report.reasons().count()).toBe(1);
    // Submitting without a reason is refused, with the field marked.
    await report.submit();
    await expect
      .poll(() => member.locator(".ant-form-item-explain-error").first().innerText())
      .toContain("请为每项未完成任务填写原因");
    await screenshot(member, SCREENSHOTS, "daily-loop-zh-03-reason-required");
    await report.fillReason("详情页排版", "等运营确认价格，明天继续");
    await report.submit();
    await expect.poll(() => report.status().innerText()).toBe("已提交");
    await screenshot(member, SCREENSHOTS, "daily-loop-zh-04-submitted");

    // The lead: who has submitted today, then a comment.
    await new LoginPage(lead).goto(server.url);
    await new LoginPage(lead).signIn(fx.lead.email, fx.lead.password);
    await new AppShell(lead).navigate("日报", "/reports");
    await lead.getByRole("tab", { name: "团队日报" }).click();
    const leadReports = new ReportPage(lead);
    await expect
      .poll(() => leadReports.teamRow("郑小雅").getByTestId("team-report-status").innerText())
      .toBe("已提交");
    await screenshot(lead, SCREENSHOTS, "daily-loop-zh-05-lead-status");
    await leadReports.teamRow("郑小雅").getByTestId("report-open").click();
    await lead.waitForURL(/\/reports\/[^/]+\/2026-11-26$/);
    await expect
      .poll(() => lead.getByTestId("report-view").innerText())
      .toContain("等运营确认价格，明天继续");
    await leadReports.comment("主图很好，详情页明天上午先给我看一版。");
    await expect.poll(() => leadReports.comments().count()).toBe(1);
    await lead.getByTestId("report-ack").click();
    await expect.poll(() => lead.getByTestId("report-comments").innerText()).toContain("已阅");
    await screenshot(lead, SCREENSHOTS, "daily-loop-zh-06-lead-comment");

    // The member's open page updates by itself.
    await expect.poll(() => report.comments().count()).toBe(1);
    expect(await report.comments().first().innerText()).toContain("主图很好");
    const bell = new Notifications(member);
    await expect.poll(() => bell.count().innerText()).toBe("1");
    await bell.open();
    expect(await bell.items().first().innerText()).toContain("日报有新点评");
    await screenshot(member, SCREENSHOTS, "daily-loop-zh-07-member-sees-comment");
    expect(await horizontalOverflow(member)).toBeLessThanOrEqual(0);
  });
});
