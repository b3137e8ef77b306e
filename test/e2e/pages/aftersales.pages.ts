// Page models of the after-sales (售后) pages: the cases by deadline (cards on a phone, a table on
// a desktop), one case with its moves and history, and the import dialog.
import type { Locator, Page } from "playwright-core";

export class AftersalesListPage {
  constructor(private readonly page: Page) {}
  async goto(base: string) {
    await this.page.goto(`${base}/aftersales`);
    await this.page.getByTestId("aftersales-page").waitFor();
  }
  readonly summary = () => this.page.getByTestId("case-summary");
  /** The cases as shown: cards on a phone, table rows on a desktop. */
  readonly cases = (): Locator =>
    this.page.locator("[data-testid=case-card], tr[data-testid=case-row]");
  readonly caseWithKey = (key: string): Locator =>
    this.page.locator(`[data-case-key="${key}"]`).first();
  /** Each shown case's key and whether its countdown is red (overdue), top to bottom. */
  async shown(): Promise<{ key: string; overdue: boolean; text: string }[]> {
    const out = [];
    for (const c of await this.cases().all())
      out.push({
        key: (await c.getAttribute("data-case-key")) ?? "",
        overdue: (await c.getByTestId("case-countdown").getAttribute("data-overdue")) === "1",
        text: await c.innerText(),
      });
    return out;
  }
  readonly importButton = () => this.page.getByTestId("case-import");
  readonly newButton = () => this.page.getByTestId("case-new");
}

export class CasePage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("case-page");
  readonly state = () => this.page.getByTestId("case-page-state");
  readonly moves = () => this.page.getByTestId("case-moves");
  readonly move = (to: string) => this.page.getByTestId(`case-move-${to}`);
  readonly facts = () => this.page.getByTestId("case-facts");
  readonly history = () => this.page.getByTestId("case-history-entry");
  async historyTexts(): Promise<string[]> {
    return this.history().allInnerTexts();
  }
  /** The lead's choice of who has the case (absent for someone who may not reassign). */
  readonly assign = () => this.page.getByTestId("case-assign");
  /** Gives the case to a person by name from the lead's choice. */
  async reassignTo(name: string) {
    await this.assign().click();
    await this.page
      .locator(".ant-select-dropdown:visible")
      .getByText(name, { exact: false })
      .first()
      .click();
  }
}

export class CaseImportDialog {
  constructor(private readonly page: Page) {}
  readonly form = () => this.page.getByTestId("case-import-form");
  async chooseFile(path: string) {
    await this.form().locator("input[type=file]").setInputFiles(path);
  }
  readonly check = () => this.page.getByTestId("case-import-check");
  readonly commit = () => this.page.getByTestId("case-import-commit");
  readonly refused = () => this.page.getByTestId("case-import-refused");
  readonly problems = () => this.page.getByTestId("case-import-problem");
  /** Each problem's row and column tags and its text. */
  async problemList(): Promise<{ row: string; column: string; text: string }[]> {
    const out = [];
    for (const p of await this.problems().all())
      out.push({
        row: await p.getByTestId("problem-row").innerText(),
        column: (await p.getByTestId("problem-column").count())
          ? await p.getByTestId("problem-column").innerText()
          : "",
        text: await p.innerText(),
      });
    return out;
  }
  async cancel() {
    await this.page.getByTestId("case-import-cancel").click();
    await this.form().waitFor({ state: "detached" });
  }
}
