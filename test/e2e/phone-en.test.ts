// The same newcomer journey in English at phone width (390×844): switch language before signing up,
// sign up, apply a template, use the drawer menu, add a member, invite someone by link, switch back
// to Chinese (remembered on the account), and nothing overflows the screen sideways.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell, DepartmentsPage, MembersPage } from "./pages/app.pages.js";
import {
  InvitePage,
  LoginPage,
  OnboardingPage,
  SignupPage,
  WelcomePage,
} from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { SCREENSHOTS, startServer, type RunningServer } from "./server.js";

describe("newcomer journey in English at phone width", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const shot = async (name: string) => {
    await screenshot(page, SCREENSHOTS, `phone-en-${name}`);
    expect(await horizontalOverflow(page), `${name} overflows sideways`).toBeLessThanOrEqual(0);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium({ width: 390, height: 844 }, "en-US");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "signs up in English, sets up the org on a phone, and switches language",
    { timeout: 120_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/phone-en-FAILED.png`, fullPage: true });
      });
      await page.goto(server.url);
      await page.waitForURL("**/welcome");
      const shell = new AppShell(page);
      await shell.switchLanguage("English");
      const welcome = new WelcomePage(page);
      await expect
        .poll(() => welcome.createButton().innerText())
        .toContain("Create your workspace");
      expect(await welcome.demoButton().innerText()).toContain("Open the demo shop");
      await shot("01-welcome");

      await welcome.createWorkspace();
      await shot("02-signup");
      await new SignupPage(page).signUp({
        workspaceName: "Bloom Apparel",
        name: "Alex Chen",
        email: "alex@example.com",
        password: "correct horse 2",
      });

      const onboarding = new OnboardingPage(page);
      await onboarding.choose("brand");
      await expect.poll(() => onboarding.preview().innerText()).toContain("Brand marketing");
      await onboarding.choose("ecommerce");
      await expect.poll(() => onboarding.preview().innerText()).toContain("Customer service");
      await shot("03-onboarding");
      await onboarding.apply();

      await expect.poll(() => new DepartmentsPage(page).nodes().count()).toBe(4);
      expect(await page.getByTestId("department-tree").innerText()).toContain("Operations");
      await shot("04-departments");

      await shell.navigate("Members", "/members");
      const members = new MembersPage(page);
      await members.addMember({
        name: "Sam Lee",
        email: "sam@example.com",
        password: "initial-pass-2",
        department: "Logistics",
        skills: [{ name: "Packing", level: 5 }],
      });
      await expect
        .poll(() => page.getByTestId("member-skills").innerText())
        .toContain("Packing · Level 5");
      await shot("05-member-detail");

      await shell.navigate("Members", "/members");
      await expect.poll(() => members.rows().count()).toBe(2);
      await shot("06-members");
      const link = await members.createInviteLink();
      expect(link).toMatch(/\/invite\/[^/]+$/);
      await shot("07-invite-link");
      await page.keyboard.press("Escape");

      // Switching language in the app is remembered on the account, not only on this device.
      await shell.switchLanguage("中文");
      await expect
        .poll(() => page.getByTestId("menu-button").getAttribute("aria-label"))
        .toBe("菜单");
      await page.evaluate("localStorage.clear()");
      await page.reload();
      await expect.poll(() => page.getByTestId("member-list").isVisible()).toBe(true);
      await expect.poll(() => page.getByText("添加成员").first().isVisible()).toBe(true);
      await shot("08-members-zh");
      await shell.switchLanguage("English");
      await expect.poll(() => page.getByText("Add member").first().isVisible()).toBe(true);

      // Someone opens the invitation link in another browser and joins.
      const other = await launchChromium({ width: 390, height: 844 }, "en-US");
      try {
        const invitee = await other.context.newPage();
        await invitee.goto(link);
        await expect.poll(() => invitee.getByTestId("invite-form").isVisible()).toBe(true);
        await screenshot(invitee, SCREENSHOTS, "phone-en-09-invite-accept");
        await new InvitePage(invitee).accept({
          name: "Jo Wu",
          email: "jo@example.com",
          password: "invited-pass-3",
        });
        await expect.poll(() => invitee.getByTestId("today-hello").innerText()).toContain("Jo Wu");
      } finally {
        await other.close();
      }

      await shell.signOut("Sign out");
      await new LoginPage(page).signIn("sam@example.com", "initial-pass-2");
      await shell.navigate("Members", "/members");
      await expect.poll(() => members.rows().count()).toBe(3);
      await shot("10-member-view");
    },
  );
});
