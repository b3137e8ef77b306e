// Page models for the live after-sales journey: the pack station's returns mode (退货签收), the
// case page's inspect and refund forms, the notification bell's items, Today's cases, and a mark
// that tells whether a page was reloaded.
import type { Locator, Page } from "playwright-core";
import { pick } from "./common.js";

/** The pack station in returns mode: one scan of the returned parcel's waybill. */
export class ReturnDesk {
  constructor(private readonly page: Page) {}
  readonly root = () => this.page.getByTestId("pack-page");
  readonly input = () => this.page.getByTestId("pack-scan-input");
  /** The green banner of a parcel taken in (its cases received). */
  readonly received = () => this.page.getByTestId("pack-shipped");
  readonly stop = () => this.page.getByTestId("pack-stop");
  async goto(base: string) {
    await this.page.goto(`${base}/logistics/pack`);
    await this.root().waitFor();
  }
  async returnMode() {
    await this.page.getByTestId("pack-mode-return").click();
    await this.page.getByTestId("pack-return-step").waitFor();
  }
  /** What a barcode scanner does: types the code into the focused field, then Enter. */
  async scan(code: string) {
    await this.input().pressSequentially(code);
    await this.input().press("Enter");
  }
}

/** 售后设置's returns rule: inspect returned goods before refunding. */
export class ReturnRules {
  constructor(private readonly page: Page) {}
  readonly card = () => this.page.getByTestId("return-rules-card");
  readonly inspect = () => this.page.getByTestId("return-rules-inspect");
  async goto(base: string) {
    await this.page.goto(`${base}/aftersales/settings`);
    await this.card().waitFor();
  }
  /** Whether the switch shows the rule on. */
  async on(): Promise<boolean> {
    return (await this.inspect().getAttribute("aria-checked")) === "true";
  }
}

/** The case page's moves that ask for more: inspection (result) and resolving (outcome, refund). */
export class CaseForms {
  constructor(private readonly page: Page) {}
  readonly form = () => this.page.getByTestId("case-move-form");
  readonly ok = () => this.page.getByTestId("case-move-ok");
  /** Moves to 已验货 with the result as the page labels it (合格 / 不合格). */
  async inspect(result: string, note?: string) {
    await this.page.getByTestId("case-move-inspected").click();
    await this.form().waitFor();
    await pick(this.page, this.form().getByTestId("case-move-inspection"), result);
    if (note) await this.form().locator("textarea").fill(note);
    await this.ok().click();
    await this.form().waitFor({ state: "hidden" });
  }
  /** Resolves as refunded with the amount the form proposes (what was asked), read back as text. */
  async refund(): Promise<string> {
    await this.page.getByTestId("case-move-resolved").click();
    await this.form().waitFor();
    const amount = await this.form().locator(".ant-input-number input").inputValue();
    await this.ok().click();
    await this.form().waitFor({ state: "hidden" });
    return amount;
  }
  /** Tries to refund; the server refuses: returns the message shown, the dialog closed unsaved. */
  async refundRefused(): Promise<string> {
    await this.page.getByTestId("case-move-resolved").click();
    await this.form().waitFor();
    await this.ok().click();
    const shown = this.page.locator(".ant-message-notice").last();
    await shown.waitFor();
    const text = await shown.innerText();
    await this.page.keyboard.press("Escape");
    await this.form().waitFor({ state: "hidden" });
    return text;
  }
}

/** The bell's list: each notification's title and body, as the reader's language renders them. */
export class Bell {
  constructor(private readonly page: Page) {}
  readonly button = () => this.page.getByTestId("notification-bell");
  /** The unread count on the badge (0 when none is shown). */
  async unread(): Promise<number> {
    const sup = this.page.getByTestId("notification-count").locator("sup").first();
    if (!(await sup.count())) return 0;
    const title = await sup.getAttribute("title");
    return Number(title ?? (await sup.innerText())) || 0;
  }
  readonly list = () => this.page.getByTestId("notification-list");
  readonly items = () => this.list().getByTestId("notification");
  item(text: string): Locator {
    return this.items().filter({ hasText: text }).first();
  }
  async open() {
    await this.button().click();
    await this.list().waitFor();
  }
}

/** Today's after-sales cases (the 客服 agent's). */
export const todayCases = (page: Page): Locator => page.getByTestId("today-case");

/**
 * A mark left in the page's window: still there later only if the page was not reloaded (what
 * "live" means — the page changed by itself).
 */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate("window.__liveMark = 1");
}
export async function stillMarked(page: Page): Promise<boolean> {
  return (await page.evaluate("window.__liveMark === 1")) === true;
}
