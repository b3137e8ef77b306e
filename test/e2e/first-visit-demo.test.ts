// The first visit to an empty instance offers to create a workspace or open the demo shop; the demo
// opens with its accounts and shared password on the page, and the sign-in page says how to sign in.
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

  it(
    "shows onboarding with both choices, and the demo shop opens signed in",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/demo-FAILED.png`, fullPage: true });
      });
      await page.goto(server.url);
      await page.waitForURL("**/welcome");
      const welcome = new WelcomePage(page);
      await expect.poll(() => welcome.createButton().innerText()).toContain("创建你的工作区");
      expect(await welcome.demoButton().innerText()).toContain("打开演示店铺");
      expect(await welcome.demoButton().isEnabled()).toBe(true);

      await welcome.showDemo();
      // The accounts stay on the page: the owner, the lead and a member of each department, one password.
      expect(await welcome.demoAccountRows().count()).toBe(9);
      const password = await welcome.demoPassword().innerText();
      expect(password).toMatch(/^demo-\S{6,}$/);
      const accounts = await welcome.demoAccounts().innerText();
      for (const email of ["owner", "lin.ke", "chen.siyuan", "wang.fang", "he.jun"])
        expect(accounts).toContain(`${email}@demo.dayclear.local`);
      expect(await welcome.demoAccounts().locator(".ant-typography-copy").count()).toBe(10); // the password and each email
      await screenshot(page, SCREENSHOTS, "demo-00-accounts");
      await welcome.enterDemo();
      await screenshot(page, SCREENSHOTS, "demo-01-today");
      const shell = new AppShell(page);
      expect((await shell.workspaceName().innerText()).length).toBeGreaterThan(0);

      await shell.navigate("成员", "/members");
      const members = new MembersPage(page);
      await expect.poll(() => members.rows().count()).toBeGreaterThanOrEqual(10);
      await screenshot(page, SCREENSHOTS, "demo-02-members");
      await shell.navigate("部门", "/departments");
      await expect
        .poll(() => page.getByTestId("department-node").count())
        .toBeGreaterThanOrEqual(4);
      await screenshot(page, SCREENSHOTS, "demo-03-departments");

      // Signed out, the sign-in page says how to sign in: the accounts, with this tab's password.
      await shell.signOut("退出登录");
      const hint = page.getByTestId("demo-hint");
      await expect.poll(() => hint.innerText()).toContain("这是演示店铺");
      expect(await hint.innerText()).toContain(password);
      expect(await hint.getByTestId("demo-account").count()).toBe(9);
      await screenshot(page, SCREENSHOTS, "demo-04-login-hint");
      await page.getByTestId("demo-use-wang.fang").click();
      await page.getByTestId("login-form").locator("button[type=submit]").click();
      await page.waitForURL("**/today");
      await expect.poll(() => page.getByTestId("user-menu").innerText()).toContain("王芳");

      // A tab that did not open the demo learns the accounts and how to get a password.
      await shell.signOut("退出登录");
      await page.evaluate("sessionStorage.clear()");
      await page.reload();
      await expect.poll(() => hint.innerText()).toContain("这些账号共用一个密码");
      expect(await hint.innerText()).not.toContain(password);
      expect(await hint.getByTestId("demo-account").count()).toBe(9);
      await screenshot(page, SCREENSHOTS, "demo-05-login-hint-no-password");
    },
  );
});
