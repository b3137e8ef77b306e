// Page models for the signed-in app: the shell (menu, language, sign-out), departments, members.
import type { Locator, Page } from "playwright-core";
import { UI_TIMEOUT } from "../chromium.js";
import { pick } from "./common.js";

/**
 * Opens a dropdown menu and clicks an item. While the app is still settling on a busy machine (the
 * shell swapping its layout, queries arriving) the opened menu can be re-rendered away under the
 * click; then it is closed and opened again, for up to twice UI_TIMEOUT in all.
 */
async function chooseFromMenu(page: Page, trigger: Locator, label: string): Promise<void> {
  const deadline = Date.now() + 2 * UI_TIMEOUT;
  for (;;) {
    try {
      await trigger.click();
      await page
        .locator(".ant-dropdown:not(.ant-dropdown-hidden)")
        .getByText(label, { exact: true })
        .click({ timeout: UI_TIMEOUT / 3 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press("Escape");
    }
  }
}

export class AppShell {
  constructor(private readonly page: Page) {}
  readonly workspaceName = () => this.page.getByTestId("workspace-name");
  /** Goes to a section through the side menu, or the drawer menu on a phone. */
  async navigate(label: string, path: string) {
    await this.workspaceName().waitFor(); // the shell is rendered, so the menu button is there or not
    const menuButton = this.page.getByTestId("menu-button");
    // On a phone the menu is a drawer; a click that lands while it is still opening, or while the
    // shell re-renders (a language switch), is lost: close it and try again, up to 2 × UI_TIMEOUT.
    const deadline = Date.now() + 2 * UI_TIMEOUT;
    for (;;) {
      try {
        if (await menuButton.isVisible()) await menuButton.click();
        await this.page
          .getByTestId("nav")
          .last()
          .getByText(label, { exact: true })
          .click({ timeout: UI_TIMEOUT / 3 });
        await this.page.waitForURL(`**${path}`, { timeout: UI_TIMEOUT / 3 });
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await this.page.keyboard.press("Escape");
      }
    }
  }
  async switchLanguage(label: "中文" | "English") {
    // No wait on <html lang>: it is set by a switch only, and a browser asking for English starts in English.
    await chooseFromMenu(this.page, this.page.getByTestId("language-switch").first(), label);
  }
  async signOut(label: string) {
    await chooseFromMenu(this.page, this.page.getByTestId("user-menu"), label);
    await this.page.waitForURL("**/login");
  }
}

export class DepartmentsPage {
  constructor(private readonly page: Page) {}
  readonly nodes = () => this.page.getByTestId("department-node");
}

export interface NewMemberData {
  name: string;
  email: string;
  password: string;
  department?: string;
  title?: string;
  skills?: { name: string; level: number }[];
}

export class MembersPage {
  constructor(private readonly page: Page) {}
  readonly rows = () => this.page.getByTestId("member-row");
  readonly addButton = () => this.page.getByTestId("add-member");
  row(name: string) {
    return this.rows().filter({ hasText: name });
  }
  /** Adds a member through the form; ends on the new member's page. */
  async addMember(d: NewMemberData) {
    await this.addButton().click();
    const f = this.page.getByTestId("add-member-form");
    await f.locator("#name").fill(d.name);
    await f.locator("#email").fill(d.email);
    await f.locator("#password").fill(d.password);
    if (d.department) await pick(this.page, f.locator("#departmentId"), d.department);
    if (d.title) await f.locator("#title").fill(d.title);
    for (const s of d.skills ?? []) {
      await pick(this.page, f.getByTestId("skill-picker").locator("input"), s.name);
      const row = f.getByTestId("skill-row").filter({ hasText: s.name });
      await row
        .locator(".ant-rate-star")
        .nth(s.level - 1)
        .click();
    }
    await this.page.getByTestId("add-member-submit").click();
    await this.page.waitForURL(/\/members\/[^/]+$/);
  }
  async createInviteLink(): Promise<string> {
    await this.page.getByTestId("invite-open").click();
    await this.page.getByTestId("invite-create").click();
    return this.page.getByTestId("invite-link").locator("input").inputValue();
  }
}

export class SettingsPage {
  constructor(private readonly page: Page) {}
  readonly holidays = () => this.page.getByTestId("holiday-calendar");
  async addCalendarDay(date: string, kindLabel: string, name: string) {
    const card = this.holidays();
    await card.locator("#date").fill(date);
    await card.locator("#kind").getByText(kindLabel, { exact: true }).click();
    await card.locator("#name").fill(name);
    await card.locator("button[type=submit]").click();
  }
}

export class MemberDetailPage {
  constructor(private readonly page: Page) {}
  readonly leaves = () => this.page.getByTestId("leave-list");
  async addDaysOff(start: string, end: string, addLabel: string) {
    const card = this.page.getByTestId("member-calendar");
    await card.getByText(addLabel, { exact: true }).click();
    await card.locator("#startDate").fill(start);
    await card.locator("#endDate").fill(end);
    await card.locator("form").last().locator("button[type=submit]").click();
  }
}
