// Helpers shared by the page models: antd selects render their options in a portal.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { UI_TIMEOUT } from "../chromium.js";

/** The open Select/TreeSelect dropdown. */
export const openDropdown = (page: Page): Locator =>
  page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();

/** Opens a select by clicking `trigger` and picks the option whose text is `label`. */
export async function pick(page: Page, trigger: Locator, label: string): Promise<void> {
  const option = openDropdown(page).getByTitle(label, { exact: true }).first();
  // On a busy machine the first click can land while the select is still settling; try again
  // (three tries of a third of UI_TIMEOUT each).
  for (let attempt = 0; attempt < 3; attempt++) {
    await trigger.click();
    try {
      await option.waitFor({ state: "visible", timeout: UI_TIMEOUT / 3 });
      break;
    } catch {
      await page.keyboard.press("Escape");
    }
  }
  // A dropdown near the bottom of a phone screen can keep re-aligning, so it never counts as
  // "stable" for a pointer click; a DOM click selects the option all the same.
  await option.dispatchEvent("click");
}

export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  const path = `${dir}/${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

/**
 * How far the page overflows the viewport horizontally, in CSS pixels (0 is good), once the layout
 * has settled. Right after a resize the page still shows the old width's layout until React hears
 * the media query and re-renders (on a busy CI machine that took long enough to measure 129 px at
 * 390); so this measures again for up to 3 s while the page overflows, and returns the last value:
 * an overflow that stays is still reported.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string, because the test project has no DOM types; it runs in the page.
  const measure = async (): Promise<number> =>
    Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
  const deadline = Date.now() + 3_000;
  let overflow = await measure();
  while (overflow > 0 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    overflow = await measure();
  }
  return overflow;
}

/**
 * A journey's step as the reader sees it: a full-page screenshot `<dir>/<name>.png`, and nothing on
 * the page wider than the screen (a failure names the step).
 */
export async function screenshotFits(
  page: Page,
  dir: string,
  name: string,
  step: string,
): Promise<void> {
  await screenshot(page, dir, name);
  expect(await horizontalOverflow(page), `${step} overflows sideways`).toBeLessThanOrEqual(0);
}
