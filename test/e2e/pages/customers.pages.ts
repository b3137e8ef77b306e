// Page models for the customers pages (web/src/pages/customers): the list with its segment filter,
// the RFM map, the dormant tab with its export, and a customer's page.
import type { Download, Page } from "playwright-core";
import { UI_TIMEOUT } from "../chromium.js";

export class CustomersPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("customers-page");
  readonly rows = () => this.page.getByTestId("customer-row");
  readonly total = () => this.page.getByTestId("customers-total");

  async tab(label: string) {
    await this.root().getByRole("tab", { name: label, exact: true }).click();
  }
  /** Keeps one segment (the select's option by its label). */
  async filterSegment(label: string) {
    await this.page.getByTestId("customers-segment").click();
    await this.page
      .locator(".ant-select-dropdown:visible")
      .getByTitle(label, { exact: true })
      .click();
  }
  /** The segment tag of every row shown. */
  async segmentsShown(): Promise<string[]> {
    return this.rows().getByTestId("customer-segment").allInnerTexts();
  }
  /** The R×F grid's counts, cell by cell. */
  async gridCounts(): Promise<number[]> {
    const cells = await this.page.getByTestId("rfm-cell").allInnerTexts();
    return cells.map((t) => Number(t.trim().split("\n")[0]));
  }
  async segmentCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const el of await this.page.getByTestId("rfm-segment").all())
      out[(await el.getAttribute("data-segment"))!] = Number(
        await el.getByTestId("rfm-segment-count").innerText(),
      );
    return out;
  }
  /** Clicks the export; the browser downloads the file at once. */
  async exportDormant(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download", { timeout: UI_TIMEOUT }),
      this.page.getByTestId("dormant-export").click(),
    ]);
    return download;
  }
}

export class CustomerDetailPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("customer-page");
  readonly rfmLines = () => this.page.getByTestId("customer-rfm-line");
  readonly segment = () => this.page.getByTestId("customer-segment");
}
