// Page models for plans, Today, the daily report and notifications.
import type { Page } from "playwright-core";

export class PlansPage {
  constructor(private readonly page: Page) {}
  readonly cards = () => this.page.getByTestId("plan-card");
  readonly created = () => this.page.getByTestId("plan-created");
  /** Creates a plan from a template; stays on the list with the "created" notice. */
  async fromTemplate(launchDate: string, name?: string) {
    await this.page.getByTestId("plan-from-template").click();
    const f = this.page.getByTestId("template-form");
    await f.locator("#launchDate").fill(launchDate);
    if (name) await f.locator("#name").fill(name);
    await this.page.getByTestId("template-create").click();
    await this.created().waitFor();
  }
  async openCreated() {
    await this.page.getByTestId("plan-created-open").click();
    await this.page.waitForURL(/\/plans\/[^/]+$/);
  }
}

export class PlanPage {
  constructor(private readonly page: Page) {}
  readonly finish = () => this.page.getByTestId("plan-finish");
  readonly bars = () =>
    this.page
      .getByTestId("gantt")
      .locator("[data-testid=gantt-bar], [data-testid=gantt-bar-critical]");
  readonly criticalBars = () => this.page.getByTestId("gantt-bar-critical");
  readonly rows = () => this.page.getByTestId("task-row");
  async tab(label: string) {
    await this.page.getByRole("tab", { name: label }).click();
  }
  row(name: string) {
    return this.rows()
      .filter({ has: this.page.locator("[data-col=name]", { hasText: name }) })
      .first();
  }
  /** Edits a cell from the keyboard: click, type, Tab to commit. */
  async editCell(taskName: string, col: string, value: string) {
    await this.row(taskName).locator(`[data-col=${col}]`).click();
    const input = this.page.getByTestId(`edit-${col}`);
    await input.fill(value);
    await input.press("Tab");
  }
}

export class TodayPage {
  constructor(private readonly page: Page) {}
  readonly tasks = () => this.page.getByTestId("today-task");
  task(name: string) {
    return this.tasks().filter({ hasText: name }).first();
  }
  async checkOff(name: string) {
    await this.task(name).getByTestId("today-check").click();
  }
  async addUnplanned(title: string, hours: number) {
    await this.page.getByTestId("unplanned-title").fill(title);
    await this.page
      .locator("input[data-testid=unplanned-hours], [data-testid=unplanned-hours] input")
      .first()
      .fill(String(hours));
    await this.page.getByTestId("unplanned-add").click();
    await this.page.getByTestId("unplanned-list").getByText(title).waitFor();
  }
}

export class ReportPage {
  constructor(private readonly page: Page) {}
  readonly status = () => this.page.getByTestId("report-status").first();
  readonly reasons = () => this.page.getByTestId("report-reason");
  async fillReason(taskName: string, reason: string) {
    await this.reasons().filter({ hasText: taskName }).locator("input").fill(reason);
  }
  async submit() {
    await this.page.getByTestId("report-submit").click();
  }
  readonly comments = () => this.page.getByTestId("report-comment");
  async comment(text: string) {
    await this.page.getByTestId("comment-input").fill(text);
    await this.page.getByTestId("comment-send").click();
  }
  teamRow(name: string) {
    return this.page.getByTestId("team-report-row").filter({ hasText: name }).first();
  }
}

export class Notifications {
  constructor(private readonly page: Page) {}
  readonly count = () =>
    this.page.getByTestId("notification-count").locator(".ant-scroll-number, sup").first();
  async open() {
    await this.page.getByTestId("notification-bell").click();
    await this.page.getByTestId("notification-list").waitFor();
  }
  readonly items = () => this.page.getByTestId("notification");
}
