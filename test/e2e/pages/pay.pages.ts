// Page models for pay: plans (template, assignment, new version), runs (compute, lock), statements, My pay.
import type { Page } from "playwright-core";
import { pick } from "./common.js";

export class PayPlansPage {
  constructor(private readonly page: Page) {}
  readonly cards = () => this.page.getByTestId("pay-plan-card");
  async createFromTemplate(effectiveFrom: string, template?: string) {
    await this.page.getByTestId("pay-plan-from-template").click();
    await this.page.getByTestId("pay-template-form").waitFor();
    if (template) await pick(this.page, this.page.getByTestId("pay-template-select"), template);
    await this.page.getByTestId("pay-template-effective").fill(effectiveFrom);
    await this.page.getByTestId("pay-template-create").click();
    await this.page.waitForURL(/\/pay\/plans\/[^/]+$/);
  }
}

export class PayPlanPage {
  constructor(private readonly page: Page) {}
  readonly rules = () => this.page.getByTestId("plan-rules");
  readonly tierRows = () => this.page.getByTestId("tier-table").locator("tbody tr.ant-table-row");
  readonly assignments = () => this.page.getByTestId("pay-assignment");
  readonly versions = () => this.page.getByTestId("pay-version");
  async assignDepartment(name: string, effectiveFrom: string) {
    await this.page.getByTestId("pay-assign").click();
    await pick(this.page, this.page.getByTestId("pay-assign-target"), name);
    await this.page.getByTestId("pay-assign-effective").fill(effectiveFrom);
    await this.page.getByTestId("pay-assign-save").click();
  }
  async openNewVersion() {
    await this.page.getByTestId("pay-new-version").click();
    await this.page.getByTestId("plan-editor").waitFor();
  }
  readonly bandFrom = (i: number) => this.page.getByTestId("band-from").nth(i);
  readonly bandRate = (i: number) => this.page.getByTestId("band-rate").nth(i);
  async saveVersion() {
    await this.page.getByTestId("pay-version-save").click();
  }
  /** Cancels the new-version dialog and waits until it has gone (Escape goes to whichever popup is
   * on top, a message or a tooltip on a busy machine, so the journey clicks Cancel). */
  async cancelVersion() {
    await this.page.getByTestId("pay-version-cancel").click();
    await this.page.getByTestId("plan-editor").waitFor({ state: "detached" });
  }
}

export class PayRunsPage {
  constructor(private readonly page: Page) {}
  async compute(period: string) {
    await this.page.getByTestId("run-period").fill(period);
    await this.page.getByTestId("run-compute").click();
  }
  readonly periodError = () =>
    this.page.getByTestId("run-form").locator(".ant-form-item-explain-error").first();
}

export class PayRunPage {
  constructor(private readonly page: Page) {}
  readonly status = () => this.page.getByTestId("run-status").first();
  readonly rows = () => this.page.getByTestId("statement-row");
  readonly statementLink = (name: string) =>
    this.page.getByTestId("statement-open").filter({ hasText: name });
  async lock() {
    await this.page.getByTestId("run-lock").click();
    await this.page.getByTestId("run-lock-confirm").click();
  }
}

export class StatementPage {
  constructor(private readonly page: Page) {}
  readonly title = () => this.page.getByTestId("statement-title");
  readonly total = () => this.page.getByTestId("statement-total");
  readonly line = (kind: string) =>
    this.page.locator(`[data-testid=statement-line][data-kind=${kind}]`);
  readonly notAllowed = () => this.page.getByTestId("not-allowed");
}

export class MyPayPage {
  constructor(private readonly page: Page) {}
  readonly monthToDate = () => this.page.getByTestId("projection-mtd");
  readonly statements = () => this.page.getByTestId("my-statement");
  readonly result = () => this.page.getByTestId("projection-result");
  async project(gmv: string) {
    await this.page.getByTestId("projection-gmv").fill(gmv);
    await this.page.getByTestId("projection-go").click();
  }
}
