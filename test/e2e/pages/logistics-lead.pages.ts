// Page models for the 物流 lead's and the owner's logistics pages: the packing load on the queue,
// carriers and rate cards (import, refusals by row and column, the quote tool), a batch's parcel
// costs, carrier bills (import, totals, lines by status, reconcile again), the logistics dashboard,
// and the pack station's write-back dialog with its check against the platform's next export.
import type { Download, Locator, Page } from "playwright-core";
import { openDropdown, pick } from "./common.js";
import { LogisticsBatchPage } from "./logistics.pages.js";

/** What a file input takes: a name, the bytes and their type. */
export interface UploadFile {
  name: string;
  buffer: Buffer;
}
const mimeOf = (name: string) =>
  name.endsWith(".xlsx")
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : name.endsWith(".json")
      ? "application/json"
      : "text/csv";
const upload = (input: Locator, f: UploadFile) =>
  input.setInputFiles({ name: f.name, mimeType: mimeOf(f.name), buffer: f.buffer });

/** Opens a select and picks the option whose text contains `text` (labels that carry counts). */
export async function pickContaining(page: Page, trigger: Locator, text: string): Promise<void> {
  await trigger.click();
  const option = openDropdown(page).locator(".ant-select-item-option").filter({ hasText: text });
  await option.first().click();
}

/** The queue page's card for the owner and the 物流 leads: the next packing day's load per member. */
export class PackingLoad {
  constructor(private readonly page: Page) {}
  readonly card = () => this.page.getByTestId("packing-load");
  /** The day the card shows (an <input type=date>). */
  readonly day = () => this.page.getByTestId("packing-load-date");
  /** The members' table rows (name, hours available, duties, plan, packing, needed, short). */
  readonly members = () => this.card().locator("tbody tr.ant-table-row");
  /** On a phone the members are a list, one item each. */
  readonly memberItems = () => this.card().getByTestId("packing-members").locator(".ant-list-item");
}

export class RatesPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("rates-page");
  /** A carrier's row in the carriers table; clicking it shows that carrier's cards. */
  readonly carrier = (code: string) => this.page.getByTestId(`carrier-${code}`);
  readonly cards = () => this.page.getByTestId("rates-cards");
  /** The carrier's cards, one row each (not the rows of a refused import's problems, shown below them). */
  readonly cardRows = () =>
    this.cards().locator(
      "xpath=.//tbody/tr[contains(concat(' ', @class, ' '), ' ant-table-row ')]" +
        "[not(ancestor::*[@data-testid='card-import'])]",
    );
  readonly imported = () => this.page.getByTestId("card-imported");
  readonly refused = () => this.page.getByTestId("card-problems");
  /** The refusal's problems, one table row each: row, column, what is wrong. */
  readonly problems = () => this.refused().locator("tbody tr.ant-table-row");
  readonly quoteRows = () =>
    this.page.getByTestId("quote-result").locator("tbody tr.ant-table-row");
  readonly leftOut = () => this.page.getByTestId("quote-left-out");

  async chooseCarrier(code: string, cardsTitle: string) {
    await this.carrier(code).click();
    await this.cards().getByText(cardsTitle).waitFor();
  }
  /** Drops a file on the card import (the valid-from day left empty: today). */
  async importCard(f: UploadFile) {
    await upload(this.page.getByTestId("card-import").locator("input[type=file]"), f);
  }
  /** Prices a parcel for every carrier: province (as the select lists it) and weight in kg. */
  async quote(province: string, weightKg: string) {
    const form = this.page.getByTestId("quote-form");
    // The select lists the 34 provinces in a virtual list: type to find one further down.
    const select = this.page.getByTestId("quote-province");
    await select.click();
    await select.locator("input").fill(province);
    const option = openDropdown(this.page).getByTitle(province, { exact: true });
    await option.click();
    await form.getByTestId("quote-weight").fill(weightKg);
    await this.page.getByTestId("quote-submit").click();
  }
}

/** A batch's page at 1440 px (the packer's page model) with its parcels' cost (the formula on hover). */
export class BatchCosts extends LogisticsBatchPage {
  constructor(private readonly p: Page) {
    super(p);
  }
  /** The table row of a parcel (antd keys rows by the parcel id). */
  readonly row = (parcelId: string) => this.root().locator(`tr[data-row-key="${parcelId}"]`);
  readonly cost = (parcelId: string) => this.row(parcelId).getByTestId("parcel-cost");
  /** Hovers a parcel's cost; returns the tooltip's text (how the cost was worked out). */
  async formula(parcelId: string): Promise<string> {
    await this.cost(parcelId).hover();
    const tip = this.p.getByRole("tooltip").filter({ hasText: /\S/ }).last();
    await tip.waitFor();
    const text = await tip.innerText();
    await this.p.mouse.move(1, 1);
    return text;
  }
}

export type BillStatus =
  "ok" | "reweighed" | "overcharged" | "undercharged" | "unknown" | "duplicate" | "not_costed";

export class BillsPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("bills-page");
  readonly importCard = () => this.page.getByTestId("bill-import");
  readonly done = () => this.page.getByTestId("bill-import-done");
  readonly list = () => this.page.getByTestId("bill-list");
  readonly bill = (fileName: string) => this.page.getByTestId(`bill-row-${fileName}`);
  readonly detail = () => this.page.getByTestId("bill-detail");
  /** A total's card: billed, computed, over, under, unknown, duplicate, notCosted. */
  readonly total = (key: string) =>
    this.page.getByTestId(`bill-total-${key}`).locator(".ant-statistic-content");
  readonly lines = () => this.page.getByTestId("bill-lines").locator("tbody tr.ant-table-row");
  readonly line = (waybill: string) => this.lines().filter({ hasText: waybill });

  /** Chooses the carrier (as the select labels it: "中通快递 (ZTO)"), the month, then the file. */
  async importBill(carrierLabel: string, period: string, f: UploadFile) {
    await pick(this.page, this.page.getByTestId("bill-carrier"), carrierLabel);
    await this.page.getByTestId("bill-period").fill(period);
    await upload(this.importCard().locator("input[type=file]"), f);
  }
  /** Shows only the lines of one status (the counts under the totals are filters). */
  async only(status: BillStatus) {
    await this.page.getByTestId(`bill-status-${status}`).click();
  }
  async reconcileAgain() {
    await this.page.getByTestId("bill-reconcile").click();
  }
}

export class LogisticsDashboard {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("logistics-dashboard");
  /** A card's figure: cost, perParcel, rate, onTime, missed, wrong, billed. */
  readonly value = (card: string) =>
    this.page.getByTestId(`cost-card-${card}`).locator(".ant-statistic-content");
  readonly card = (card: string) => this.page.getByTestId(`cost-card-${card}`);
  /** The charts' canvases (ECharts draws on a canvas): trend, carrier, province. */
  readonly chart = (name: "trend" | "carrier" | "province") =>
    this.page.getByTestId(`cost-chart-${name}`).locator("canvas");
  readonly errors = () => this.root().locator(".ant-alert-error");
  readonly table = (testId: string) =>
    this.page.getByTestId(testId).locator("tbody tr.ant-table-row");
  /** One of the range presets: this month, last month, the last 30 days (by its label). */
  async preset(label: string) {
    await this.root().locator(".ant-segmented").getByText(label, { exact: true }).click();
  }
}

/** The pack station's write-back dialog: make a shop's file for a batch, and the platform check. */
export class WritebackDialog {
  constructor(private readonly page: Page) {}
  readonly dialog = () => this.page.getByTestId("writeback-dialog");
  readonly check = () => this.dialog().getByTestId("writeback-check");
  readonly mismatches = () =>
    this.dialog().getByTestId("writeback-mismatches").locator("tbody tr.ant-table-row");
  readonly made = () => this.dialog().getByTestId("writeback-made");
  async open() {
    await this.page.getByTestId("writeback-open").click();
    await this.dialog().waitFor();
  }
  async chooseShop(name: string) {
    await pick(this.page, this.dialog().getByTestId("writeback-shop"), name);
  }
  /** The scope "a batch" (by its radio button's label), then the batch by its number. */
  async chooseBatch(scopeLabel: string, number: string) {
    await this.dialog().locator("label").filter({ hasText: scopeLabel }).first().click();
    await pick(this.page, this.dialog().getByTestId("writeback-batch"), number);
  }
  /** Makes the file; the browser downloads it at once. */
  async make(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId("writeback-ok").click(),
    ]);
    return download;
  }
  async close() {
    await this.dialog().locator(".ant-modal-close").click();
    await this.dialog().waitFor({ state: "hidden" });
  }
}
