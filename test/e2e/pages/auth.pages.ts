// Page models for the signed-out pages: welcome (empty instance), sign-up, onboarding, login, invitation.
import type { BrowserContext, Page } from "playwright-core";
import { onTestFailed } from "vitest";
import { UI_TIMEOUT } from "../chromium.js";
import { SCREENSHOTS } from "../server.js";

export class WelcomePage {
  constructor(private readonly page: Page) {}
  readonly createButton = () => this.page.getByTestId("welcome-create");
  readonly demoButton = () => this.page.getByTestId("welcome-demo");
  /** The demo's accounts and shared password, shown once the demo is open (also on the sign-in page). */
  readonly demoAccounts = () => this.page.getByTestId("demo-accounts");
  readonly demoAccountRows = () => this.page.getByTestId("demo-account");
  readonly demoPassword = () => this.page.getByTestId("demo-password");
  async createWorkspace() {
    await this.createButton().click();
    await this.page.waitForURL("**/signup");
  }
  /** Opens the demo shop; the page then lists its accounts. Creating the demo takes a while. */
  async showDemo() {
    await this.demoButton().click();
    await this.page.getByTestId("demo-enter").waitFor({ timeout: 2 * UI_TIMEOUT });
  }
  async enterDemo() {
    await this.page.getByTestId("demo-enter").click();
    await this.page.waitForURL("**/today");
  }
  async openDemo() {
    await this.showDemo();
    await this.enterDemo();
  }
}

export interface SignupData {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

export class SignupPage {
  constructor(private readonly page: Page) {}
  private readonly form = () => this.page.getByTestId("signup-form");
  async signUp(d: SignupData) {
    const f = this.form();
    await f.locator("#workspaceName").fill(d.workspaceName);
    await f.locator("#name").fill(d.name);
    await f.locator("#email").fill(d.email);
    await f.locator("#password").fill(d.password);
    await f.locator("button[type=submit]").click();
    await this.page.waitForURL("**/onboarding");
  }
}

export class OnboardingPage {
  constructor(private readonly page: Page) {}
  readonly preview = () => this.page.getByTestId("template-preview");
  async choose(template: "ecommerce" | "brand" | "empty") {
    // The radio input itself is hidden; its label is what a person clicks.
    await this.page
      .locator("label", { has: this.page.getByTestId(`template-${template}`) })
      .click();
  }
  async apply() {
    await this.page.getByTestId("apply-template").click();
    await this.page.waitForURL("**/departments");
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}
  async goto(base: string) {
    await this.page.goto(`${base}/login`);
  }
  async signIn(email: string, password: string) {
    const f = this.page.getByTestId("login-form");
    await f.locator("#email").fill(email);
    await f.locator("#password").fill(password);
    await f.locator("button[type=submit]").click();
    // Today, or the queue (待发货) for a member of a logistics department.
    await this.page.waitForURL(/\/(today|logistics)$/);
  }
}

export class InvitePage {
  constructor(private readonly page: Page) {}
  async accept(d: { name: string; email: string; password: string }) {
    const f = this.page.getByTestId("invite-form");
    await f.locator("#name").fill(d.name);
    const email = f.locator("#email");
    if (!(await email.getAttribute("readonly"))) await email.fill(d.email);
    await f.locator("#password").fill(d.password);
    await f.locator("button[type=submit]").click();
    await this.page.waitForURL("**/today");
  }
}

/**
 * A new page of `context` signed in as `email` through the sign-in page; if the running test
 * fails, a full-page screenshot `<shotName("FAILED-<account>")>.png` shows where this person was.
 */
export async function signedInPage(
  context: BrowserContext,
  base: string,
  email: string,
  password: string,
  shotName: (step: string) => string,
): Promise<Page> {
  const page = await context.newPage();
  onTestFailed(async () => {
    await page.screenshot({
      path: `${SCREENSHOTS}/${shotName(`FAILED-${email.split("@")[0]}`)}.png`,
      fullPage: true,
    });
  });
  const signIn = new LoginPage(page);
  await signIn.goto(base);
  await signIn.signIn(email, password);
  return page;
}
