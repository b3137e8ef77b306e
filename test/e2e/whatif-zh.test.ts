// Issue 12, corrective actions as a lead meets them: a late plan's Progress tab lists the options
// with their new finish, the best combination meets the deadline, applying it moves the engine's
// forecast to the predicted day, and undoing it moves the forecast back. Chinese, desktop.
//
// Monday 2026-11-30: 主图设计 16 h then 详情页 16 h (FS) for 设计专员, deadline Tue 12-01 → Mon–Thu,
// finish Thu 12-03. Giving 详情页 to 设计主管 and overlapping it with 主图设计 finishes Tue 12-01.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium, UI_TIMEOUT } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { call, login } from "./pages/plans.fixtures.js";
import { WhatIfPanel } from "./pages/whatif.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const OWNER = { email: "owner@whatif.test", password: "owner-pass-1" };
const LEAD = { email: "lead@whatif.test", password: "lead-pass-1" };

describe("corrective actions (纠偏)", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-30T02:00:00Z") });
    browser = await launchChromium({ width: 1440, height: 900 }, "zh-CN");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "compares the options of a late plan, applies the best and meets the deadline, then undoes it",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/whatif-zh-FAILED.png`, fullPage: true });
      });
      const base = server.url;
      const res = await fetch(`${base}/api/v1/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({
          workspaceName: "花间服饰",
          name: "周店长",
          email: OWNER.email,
          password: OWNER.password,
          template: "ecommerce",
        }),
      });
      expect(res.ok).toBe(true);
      const s = await login(base, OWNER.email, OWNER.password);
      const design = (
        await call<{ items: { id: string; name: string }[] }>(s, "GET", "/departments")
      ).items.find((d) => d.name === "设计")!;
      const skill = (
        await call<{ items: { id: string; departmentId: string | null }[] }>(s, "GET", "/skills")
      ).items.find((k) => k.departmentId === design.id)!;
      const member = (name: string, email: string, password: string, role: "lead" | "member") =>
        call<{ id: string }>(s, "POST", "/members", {
          name,
          email,
          password,
          role,
          departmentId: design.id,
          skills: [{ skillId: skill.id, level: 3 }],
        });
      const designer = await member("设计专员", "m@whatif.test", "member-pass-1", "member");
      await member("设计主管", LEAD.email, LEAD.password, "lead");
      const plan = await call<{ id: string }>(s, "POST", "/plans", {
        name: "上新",
        startDate: "2026-11-30",
        launchDate: "2026-12-01",
      });
      const t1 = await call<{ task: { id: string } }>(s, "POST", `/plans/${plan.id}/tasks`, {
        name: "主图设计",
        effortHours: 16,
        skillId: skill.id,
        assigneeMemberId: designer.id,
      });
      await call(s, "POST", `/plans/${plan.id}/tasks`, {
        name: "详情页",
        effortHours: 16,
        skillId: skill.id,
        assigneeMemberId: designer.id,
        dependsOn: [{ taskId: t1.task.id }],
      });
      await call(s, "POST", `/plans/${plan.id}/baseline`, {});

      await new LoginPage(page).goto(base);
      await new LoginPage(page).signIn(LEAD.email, LEAD.password);
      const w = new WhatIfPanel(page);
      await w.open(base, plan.id);
      expect(await w.engineForecast().innerText()).toContain("2026-12-03");
      expect(await w.panel().innerText()).toContain("晚 2 个工作日");
      const texts = await w.options().allInnerTexts();
      expect(texts.some((x) => x.includes("把“详情页”交给设计主管"))).toBe(true);
      expect(texts.some((x) => x.includes("快速跟进") && x.includes("返工"))).toBe(true);
      // Overtime can be applied now (it is kept as the person's extra hours).
      expect(texts.some((x) => x.includes("加班") && !x.includes("仅试算"))).toBe(true);
      expect(await w.best().innerText()).toContain("完成 2026-12-01");
      await screenshot(page, SCREENSHOTS, "whatif-zh-01-options");
      await w.applyBest();
      expect(await w.applied().innerText()).toContain("2026-12-01");
      await expect
        .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
        .toContain("2026-12-01");
      expect(await w.applied().innerText()).toContain("撤销后计划恢复原样（完成日 2026-12-03）");
      await screenshot(page, SCREENSHOTS, "whatif-zh-02-applied");
      // Read again later, the page still offers to undo it.
      await page.reload();
      await w.last().waitFor();
      expect(await w.last().innerText()).toContain(
        "2026-11-30 应用的纠偏方案：计划于 2026-12-01 完成",
      );
      await screenshot(page, SCREENSHOTS, "whatif-zh-03-later-visit");
      await w.undoLast();
      expect(await w.undone().innerText()).toContain("已撤销：计划恢复为 2026-12-03 完成");
      await expect
        .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
        .toContain("2026-12-03");
      await screenshot(page, SCREENSHOTS, "whatif-zh-04-undone");

      // The lead marks 详情页 optional in the task grid; it stays ticked when the page is read again.
      const optional = () =>
        page.getByTestId("task-row").filter({ hasText: "详情页" }).getByTestId("task-optional");
      await page.goto(`${base}/plans/${plan.id}?tab=tasks`);
      await optional().click();
      await expect.poll(() => optional().isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
      await page.reload();
      await expect.poll(() => optional().isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
      const row = page.getByTestId("task-row").filter({ hasText: "详情页" });
      expect(await row.getByTestId("task-optional-tag").innerText()).toBe("可选");
      await screenshot(page, SCREENSHOTS, "whatif-zh-05-optional");
      // (the checkbox sits with the row's buttons at the grid's right end)
      await page.getByTestId("task-grid").evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await screenshot(page, SCREENSHOTS, "whatif-zh-06-optional-checkbox");
    },
  );
});
