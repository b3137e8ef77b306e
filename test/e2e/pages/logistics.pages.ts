// Page models for the packer's logistics pages: the queue (待发货), a batch (波次) and its print
// sheets, the pack station (打包台); and reading a printed PDF as a person would (its pages, their
// size, its text, a page as an image) with poppler-utils' pdfinfo, pdftotext and pdftoppm.
import { execFileSync } from "node:child_process";
import type { Locator, Page } from "playwright-core";

export class LogisticsQueuePage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("queue-page");
  readonly summary = () => this.page.getByTestId("queue-summary");
  /** The orders as cards (phone) or table rows (desktop), earliest ship-by first. */
  readonly rows = () => this.page.getByTestId("queue-row");
  readonly actions = () => this.page.getByTestId("queue-actions");
  /** Each row's countdown says whether it is overdue (data-overdue="1"). */
  async overdueFlags(): Promise<boolean[]> {
    return (await this.rows()
      .getByTestId("countdown")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-overdue") === "1"))) as boolean[];
  }
  /** Switches on 只看逾期 (only overdue); the filter goes into the address. */
  async overdueOnly() {
    await this.page.getByTestId("queue-filter-overdue").click();
    await this.page.waitForURL(/[?&]overdue=true/);
  }
  /** The order number a row shows first, in bold. */
  orderNumber(row: Locator): Promise<string> {
    return row.locator("strong").first().innerText();
  }
  async select(row: Locator) {
    await row.getByRole("checkbox").check();
  }
  /** Makes a batch of the selected orders; ends on the new batch's page. */
  async makeBatch() {
    await this.page.getByTestId("queue-make-batch").click();
    await this.page.waitForURL(/\/logistics\/batches\/[^/?]+$/);
  }
}

export type PrintDoc = "pick" | "slips" | "labels" | "manifest";

export class LogisticsBatchPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("batch-page");
  readonly heading = () => this.root().locator("h4.ant-typography");
  /** The parcels as a phone lists them (or the desktop's table rows). */
  readonly parcels = () => this.root().locator(".ant-list-item, tbody tr.ant-table-row");
  readonly sheet = () => this.page.getByTestId("batch-print");
  async goto(base: string, id: string) {
    await this.page.goto(`${base}/logistics/batches/${id}`);
    await this.root().waitFor();
  }
  /** Opens a print sheet and waits until it is drawn. */
  async openPrint(doc: PrintDoc) {
    await this.page.getByTestId(`print-${doc}`).click();
    await this.page.locator('[data-testid="batch-print"][data-ready="1"]').waitFor();
  }
  async closePrint() {
    await this.sheet().getByRole("button", { name: "返回波次" }).click();
    await this.root().waitFor();
  }
  /** How far the open print sheet scrolls sideways on screen (px; 0 when it fits the width). */
  sheetOverflow(): Promise<number> {
    return this.sheet().evaluate((e) => e.scrollWidth - e.clientWidth);
  }
  /** The parcel ids the slips' barcodes carry, in print order. */
  barcodes(): Promise<string[]> {
    return this.sheet()
      .getByTestId("barcode")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-value") ?? ""));
  }
  async markPrinted() {
    await this.page.getByTestId("batch-printed").click();
  }
}

export class PackStationPage {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("pack-page");
  readonly input = () => this.page.getByTestId("pack-scan-input");
  /** data-step is "slip" or "waybill". */
  readonly steps = () => this.page.getByTestId("pack-steps");
  readonly parcel = () => this.page.getByTestId("pack-parcel");
  readonly shipped = () => this.page.getByTestId("pack-shipped");
  readonly notice = () => this.page.getByTestId("pack-notice");
  readonly stop = () => this.page.getByTestId("pack-stop");
  readonly stopText = () => this.page.getByTestId("pack-stop-text");
  readonly recent = () => this.page.getByTestId("pack-recent");
  /** What a barcode scanner does: types the code into the focused field, then Enter. */
  async scan(code: string) {
    const input = this.input();
    await input.pressSequentially(code);
    await input.press("Enter");
  }
  async waitForStep(step: "slip" | "waybill") {
    await this.page.locator(`[data-testid="pack-steps"][data-step="${step}"]`).waitFor();
  }
  /** Types the scale's reading (kg) into the weight field; Enter hands the focus back to the scan field. */
  async weigh(kg: number) {
    const field = this.page.locator(
      '[data-testid="pack-weight"] input, input[data-testid="pack-weight"]',
    );
    await field.fill(String(kg));
    await field.press("Enter");
  }
  async acknowledge() {
    await this.page.getByTestId("pack-stop-ack").click();
    await this.stop().waitFor({ state: "detached" });
  }
}

/** Prints the page (its print CSS, its own @page size) to a PDF file, as Chromium's dialog would. */
export async function printToPdf(page: Page, path: string): Promise<void> {
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
}

export interface PdfInfo {
  pages: number;
  /** Each page's size in millimetres, rounded to the millimetre. */
  sizes: { width: number; height: number }[];
}

const PT_PER_MM = 72 / 25.4;

/** A poppler-utils tool's output (CI installs poppler-utils: .ci/run). */
function poppler(tool: "pdfinfo" | "pdftotext" | "pdftoppm", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils)`);
    throw e;
  }
}

/** The PDF's pages and their sizes (pdfinfo). */
export function pdfInfo(path: string): PdfInfo {
  const mm = (pt: number) => Math.round(pt / PT_PER_MM);
  const out = poppler("pdfinfo", ["-f", "1", "-l", "9999", path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const sizes = [...out.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: mm(Number(m[1])),
    height: mm(Number(m[2])),
  }));
  return { pages, sizes };
}

/** The PDF's text page by page (pdftotext, layout kept). */
export function pdfPagesText(path: string): string[] {
  const out = poppler("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]);
  // pdftotext ends every page with a form feed.
  return out.split("\f").slice(0, -1);
}

/** One page of the PDF as a PNG at 60 dpi beside it (`<pdf>-<page>.png`), to look at; its path. */
export function pdfPagePng(path: string, pageNo: number): string {
  const base = path.replace(/\.pdf$/, `-${pageNo}`);
  poppler("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    String(pageNo),
    "-l",
    String(pageNo),
    "-singlefile",
    path,
    base,
  ]);
  return `${base}.png`;
}
