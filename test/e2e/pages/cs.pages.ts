// Page model for 客服绩效 / CS performance (/shop-data/service): the month per agent, the import
// with its refusal (rows, columns, accounts to link) and the chat accounts.
import type { Page } from "playwright-core";
import { pick } from "./common.js";

export class CsPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("cs-page");
  readonly summary = () => this.page.getByTestId("cs-summary");
  readonly agent = (name: string) => this.page.getByTestId(`cs-agent-${name}`);
  readonly total = () => this.page.getByTestId("cs-total");
  readonly problems = () => this.page.getByTestId("cs-upload-problems");
  readonly done = () => this.page.getByTestId("cs-upload-done");
  readonly accounts = () => this.page.getByTestId("cs-accounts");
  readonly upload = () => this.page.getByTestId("cs-upload");
  async goto(base: string, month: string) {
    await this.page.goto(`${base}/shop-data/service?month=${month}`);
    await this.root().waitFor();
  }
  async sendFile(name: string, buffer: Buffer) {
    await this.upload()
      .locator("input[type=file]")
      .setInputFiles({ name, buffer, mimeType: "text/csv" });
  }
  /** Links each account the refusal named to a member (by the option's label), then sends the same file again. */
  async linkAndRetry(links: Record<string, string>) {
    for (const [account, label] of Object.entries(links))
      await pick(this.page, this.page.getByTestId(`cs-link-${account}`), label);
    await this.page.getByTestId("cs-link-retry").click();
  }
}
