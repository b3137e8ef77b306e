// A newcomer, in Chinese on a laptop: empty instance → sign up → e-commerce template → add a member
// with skills and an initial password → sign out → sign in as that member and see the org.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell, DepartmentsPage, MembersPage } from "./pages/app.pages.js";
import { LoginPage, OnboardingPage, SignupPage, WelcomePage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { SCREENSHOTS, startServer, type RunningServer } from "./server.js";

describe("newcomer journey in zh-CN (desktop)", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shot = (name: string) => screenshot(page, SCREENSHOTS, `zh-${name}`);
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium({ width: 1280, height: 800 }, "zh-CN");
    page = await browser.context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "signs up, applies the e-commerce template, adds a member, and the member signs in",
    { timeout: 120_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/zh-FAILED.png`, fullPage: true });
      });
      await page.goto(server.url);
      await page.waitForURL("**/welcome");
      await expect.poll(() => page.getByText("打开演示店铺").first().isVisible()).toBe(true);
      await shot("01-welcome");

      await new WelcomePage(page).createWorkspace();
      await new SignupPage(page).signUp({
        workspaceName: "小花服饰旗舰店",
        name: "王店长",
        email: "owner@example.com",
        password: "correct horse 1",
      });

      const onboarding = new OnboardingPage(page);
      await onboarding.choose("ecommerce");
      for (const d of ["运营", "设计", "客服", "物流"])
        await expect
          .poll(() => onboarding.preview().getByText(d, { exact: true }).isVisible())
          .toBe(true);
      await shot("02-onboarding-template");
      await onboarding.apply();

      const shell = new AppShell(page);
      expect(await shell.workspaceName().innerText()).toContain("小花服饰旗舰店");
      const departments = new DepartmentsPage(page);
      await expect.poll(() => departments.nodes().count()).toBe(4);
      expect(await page.getByTestId("department-tree").innerText()).toMatch(
        /运营[\s\S]*设计[\s\S]*客服[\s\S]*物流/,
      );
      await shot("03-departments");

      await shell.navigate("成员", "/members");
      const members = new MembersPage(page);
      await members.addMember({
        name: "李客服",
        email: "li@example.com",
        password: "initial-pass-1",
        department: "客服",
        title: "售前客服",
        skills: [
          { name: "售前接待", level: 4 },
          { name: "售后处理", level: 2 },
        ],
      });
      const skills = page.getByTestId("member-skills");
      await expect.poll(() => skills.innerText()).toContain("售前接待 · 等级 4");
      expect(await skills.innerText()).toContain("售后处理 · 等级 2");
      await shot("04-member-detail");

      await shell.navigate("成员", "/members");
      await expect.poll(() => members.row("李客服").count()).toBe(1);
      const row = await members.row("李客服").innerText();
      expect(row).toContain("客服");
      expect(row).toContain("售前接待 · 4");
      await shot("05-members");

      await shell.signOut("退出登录");
      await new LoginPage(page).signIn("li@example.com", "initial-pass-1");
      await expect.poll(() => page.getByTestId("today-hello").innerText()).toContain("李客服");
      expect(await shell.workspaceName().innerText()).toContain("小花服饰旗舰店");

      await shell.navigate("成员", "/members");
      await expect.poll(() => members.rows().count()).toBe(2);
      expect(await members.addButton().count()).toBe(0); // a member cannot add people
      await shot("06-member-sees-org");
      await shell.navigate("部门", "/departments");
      await expect.poll(() => departments.nodes().count()).toBe(4);
      expect(await page.getByTestId("department-new").count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    },
  );
});
