// Page model for the plan's Progress tab's corrective actions (纠偏, WhatIfPanel.tsx).
import type { Locator, Page } from "playwright-core";

export class WhatIfPanel {
  constructor(private readonly page: Page) {}
  readonly panel = () => this.page.getByTestId("whatif-panel");
  readonly options = () => this.page.getByTestId("whatif-option");
  readonly best = () => this.page.getByTestId("whatif-best");
  readonly applied = () => this.page.getByTestId("whatif-applied");
  readonly undone = () => this.page.getByTestId("whatif-undone");
  readonly engineForecast = () => this.page.getByTestId("forecast-engine");
  readonly esForecast = () => this.page.getByTestId("forecast-es");
  readonly spi = () => this.page.getByTestId("progress-spi");
  readonly cpi = () => this.page.getByTestId("progress-cpi");
  readonly slip = () => this.page.getByTestId("progress-slip");
  /** The option whose text contains `text` (its kind, what it does). */
  readonly option = (text: string) => this.options().filter({ hasText: text }).first();
  /** An option's (or the best combination's) before/after Gantt: its moved tasks' texts. */
  readonly moves = (within: Locator) => within.getByTestId("whatif-diff-move").allInnerTexts();
  /** Opens the plan's Progress tab by its address and computes the options. */
  async open(base: string, planId: string) {
    await this.page.goto(`${base}/plans/${planId}?tab=progress`);
    await this.panel().waitFor();
    await this.page.getByTestId("whatif-compute").click();
    await this.options().first().waitFor();
  }
  async applyBest() {
    await this.page.getByTestId("whatif-apply-best").click();
    await this.applied().waitFor();
  }
  readonly last = () => this.page.getByTestId("whatif-last");
  /** Undoes the last applied what-if, as offered on a later visit. */
  async undoLast() {
    await this.page.getByTestId("whatif-undo-last").click();
    await this.undone().waitFor();
  }
}
