// Page models for shop data: the import page (shops, upload, preview, commit, history, roll-back)
// and the sales dashboard (KPI cards, date range, trend).
import type { Page } from "playwright-core";
import { pick } from "./common.js";

export class ShopDataPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("shop-data");
  readonly preview = () => this.page.getByTestId("import-preview");
  readonly problems = () => this.page.getByTestId("import-problems").locator(".ant-list-item");
  readonly sampleRows = () => this.preview().locator("tbody tr.ant-table-row");
  readonly commitButton = () => this.page.getByTestId("commit");
  readonly history = () => this.page.getByTestId("import-history").locator(".ant-list-item");
  readonly shopSelect = () => this.page.getByTestId("shop-select");
  async addShop(name: string, platformLabel: string) {
    await this.root()
      .getByRole("button", { name: /添加店铺|Add shop/ })
      .click();
    const dialog = this.page.locator(".ant-modal:visible");
    await dialog.locator("#name").fill(name);
    await pick(this.page, dialog.locator("#platform"), platformLabel);
    await dialog.getByRole("button", { name: /保\s*存|Save/ }).click();
    await dialog.waitFor({ state: "hidden" });
  }
  async chooseShop(label: string) {
    await pick(this.page, this.shopSelect(), label);
  }
  /** A folder chosen with "Choose a folder" (选择文件夹): its export files, as the browser lists them. */
  async uploadFolder(path: string) {
    await this.root().locator("input[type=file][webkitdirectory]").setInputFiles(path);
  }
  async upload(files: { name: string; buffer: Buffer }[]) {
    await this.root()
      .locator("input[type=file]:not([webkitdirectory])")
      .setInputFiles(
        files.map((f) => ({
          ...f,
          mimeType: f.name.endsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv",
        })),
      );
  }
  async startOver() {
    await this.root()
      .getByRole("button", { name: /重新开始|Start over/ })
      .click();
  }
  async rollBack(i: number) {
    await this.history()
      .nth(i)
      .getByRole("button", { name: /撤\s*销|Roll back/ })
      .click();
    await this.page
      .locator(".ant-popconfirm:visible")
      .getByRole("button", { name: /撤\s*销|Roll back/ })
      .click();
  }
}

export class SalesDashboardPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("dashboard");
  readonly card = (kpi: string) => this.page.getByTestId(`kpi-${kpi}`);
  readonly value = (kpi: string) => this.card(kpi).locator(".ant-statistic-content");
  readonly trend = () => this.page.getByTestId("chart-trend");
  async setRange(from: string, to: string) {
    // The start first when moving back, the end first when moving forward (each is bounded by the other).
    await this.root()
      .getByLabel(/^(开始|From)$/)
      .fill(from);
    await this.root()
      .getByLabel(/^(结束|To)$/)
      .fill(to);
  }
  async chooseShop(label: string) {
    await pick(this.page, this.page.getByTestId("shop-filter"), label);
  }
  /** Hovers a card's title; the tooltip that opens holds the KPI's definition. */
  async definition(kpi: string, expected: RegExp | string): Promise<string> {
    await this.card(kpi).locator(".ant-statistic-title span").first().hover();
    const tip = this.page.getByRole("tooltip").filter({ hasText: expected });
    await tip.waitFor();
    const text = await tip.innerText();
    await this.page.mouse.move(1, 1);
    return text;
  }
}
