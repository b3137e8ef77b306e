// Issue 10, findings 14–16, as a planner sees them: an effort change makes a task late and the
// 未排上与警告 tab lists it with its deadline and slip (the header's count agrees); the grid names
// who the engine gave a task to; a task whose skill nobody has is unscheduled with its reason
// instead of staying on whoever was free; a 双11 plan 2.5 months out starts at launch − its lead.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { WorkCalendar } from "../../src/core/calendar/calendar.js";
import { CN_HOLIDAY_YEARS, cnHolidaysForYears } from "../../src/core/calendar/cn-holidays.js";
import { launchChromium, UI_TIMEOUT } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { call, login, type ApiSession } from "./pages/plans.fixtures.js";
import { PlanPage, PlansPage } from "./pages/plans.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const OWNER = { email: "owner@signals.test", password: "owner-pass-1" };
const poll = { timeout: UI_TIMEOUT };

/** A shop on the e-commerce template: a lead and a member per department, with its skills at level 3. */
async function shopTeam(base: string) {
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
  if (!res.ok) throw new Error(`signup → ${res.status} ${await res.text()}`);
  const s: ApiSession = await login(base, OWNER.email, OWNER.password);
  const departments = (
    await call<{ items: { id: string; name: string; version: number }[] }>(s, "GET", "/departments")
  ).items;
  const skills = (
    await call<{ items: { id: string; departmentId: string | null }[] }>(s, "GET", "/skills")
  ).items;
  const names = new Map<string, string>();
  let n = 0;
  for (const dep of departments) {
    for (const role of ["lead", "member"] as const) {
      const name = `${dep.name}${role === "lead" ? "主管" : "专员"}`;
      const m = await call<{ id: string }>(s, "POST", "/members", {
        name,
        email: `m${n++}@signals.test`,
        password: "member-pass-1",
        role,
        departmentId: dep.id,
        skills: skills
          .filter((k) => k.departmentId === dep.id)
          .map((k) => ({ skillId: k.id, level: 3 })),
      });
      names.set(m.id, name);
    }
  }
  return { s, names };
}

describe("signals that agree", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shot = (name: string) => screenshot(page, SCREENSHOTS, `signals-zh-${name}`);

  beforeAll(async () => {
    // Monday 30 November 2026, 10:00 in Shanghai. (The session cookie's life is a Max-Age counted
    // on the browser's clock, so any frozen day works.)
    server = await startServer({ clock: testClock("2026-11-30T02:00:00Z") });
    browser = await launchChromium({ width: 1440, height: 900 });
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "lists the late task, names the engine's assignee, unschedules a task nobody can do, places a template plan back from its launch",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/signals-zh-FAILED.png`, fullPage: true });
      });
      const { s, names } = await shopTeam(server.url);
      await call(s, "POST", "/skills", { name: "直播带货" });
      const plan = await call<{ id: string }>(s, "POST", "/plans", { name: "信号检查" });
      const placed = await call<{ task: { id: string } }>(s, "POST", `/plans/${plan.id}/tasks`, {
        name: "新任务",
        effortHours: 40,
      });
      await call(s, "POST", `/plans/${plan.id}/tasks`, {
        name: "详情页",
        effortHours: 8,
        deadline: "2026-12-01",
      });
      const schedule = await call<{ tasks: { id: string; assignee: string | null }[] }>(
        s,
        "GET",
        `/plans/${plan.id}/schedule`,
      );
      const engineName =
        names.get(schedule.tasks.find((t) => t.id === placed.task.id)!.assignee ?? "") ?? "周店长";

      await new LoginPage(page).goto(server.url);
      await new LoginPage(page).signIn(OWNER.email, OWNER.password);
      const shell = new AppShell(page);
      await shell.navigate("计划", "/plans");
      await page.getByTestId("plan-link").filter({ hasText: "信号检查" }).click();
      await page.waitForURL(`**/plans/${plan.id}`);
      const p = new PlanPage(page);
      await expect.poll(() => p.rows().count(), poll).toBe(2);
      // The grid says who got the task, not 由引擎分配.
      await expect
        .poll(() => p.row("新任务").locator("[data-col=assignee]").innerText(), poll)
        .toBe(engineName);
      await shot("01-grid-assignee");

      // An effort change makes 详情页 late: the header counts it and the warnings tab lists it.
      await p.editCell("详情页", "effort", "40");
      await expect
        .poll(() => page.getByTestId("plan-late-count").innerText(), poll)
        .toBe("1 项延期");
      // The task nobody can do: its skill set in the grid to one no member has.
      await p.row("新任务").locator("[data-col=skill]").click();
      await page.getByTestId("edit-skill").selectOption({ label: "直播带货" });
      await page.getByTestId("edit-skill").press("Tab");
      await expect
        .poll(() => p.row("新任务").locator("[data-col=skill]").innerText(), poll)
        .toBe("直播带货");
      await expect
        .poll(() => p.row("新任务").locator("[data-col=assignee]").innerText(), poll)
        .toBe("由引擎分配");

      await p.tab("未排上与警告");
      const late = page.getByTestId("late-item");
      await expect.poll(() => late.count(), poll).toBe(1);
      expect(await late.innerText()).toMatch(
        /详情页[\s\S]*截止 2026-12-01 · 预计 2026-12-04 完成 · 晚 3 个工作日/,
      );
      const unscheduled = page.getByTestId("unscheduled-item");
      await expect.poll(() => unscheduled.count(), poll).toBe(1);
      expect(await unscheduled.innerText()).toMatch(
        /新任务[\s\S]*没有在职成员具备技能“直播带货”（等级 ≥ 1）/,
      );
      expect(await page.getByTestId("late-list").innerText()).not.toContain("没有延期的任务");
      await shot("02-warnings-1440");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId("late-item").waitFor({ timeout: UI_TIMEOUT });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot("03-warnings-390");
      await page.setViewportSize({ width: 1440, height: 900 });

      // A 双11 plan 2.5 months out: the work starts 31 workdays (the playbook's lead) before the
      // launch, on the workspace's calendar (China's holidays: 元旦 and 春节 fall in between).
      const days = cnHolidaysForYears([...CN_HOLIDAY_YEARS]);
      const cal = new WorkCalendar({
        holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
        extraWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
      });
      const start = cal.subtractWorkdays("2027-02-12", 31);
      expect(start > "2026-11-30").toBe(true);
      await shell.navigate("计划", "/plans");
      const plans = new PlansPage(page);
      await plans.fromTemplate("2027-02-12", "春节大促");
      await expect.poll(() => plans.created().innerText(), poll).toContain(`工作从 ${start} 开始`);
      await shot("04-template-created");
      await plans.openCreated();
      await expect.poll(() => p.rows().count(), poll).toBeGreaterThan(10);
      const goal = p.row("确定活动目标与预算");
      expect(await goal.locator("[data-col=earliestStart]").innerText()).toBe(start);
      await expect
        .poll(() => goal.getByTestId("task-scheduled").innerText(), poll)
        .toMatch(new RegExp(`^${start.slice(5)} → `));
      await shot("05-template-grid");
    },
  );
});
