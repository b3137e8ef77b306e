// Unreadable files in the browser (issue 10, finding 17): a truncated XLSX dropped on the import
// page, and a zip that is not a workbook sent to the 客服绩效 import, are refused with their error
// on the page (an Alert that stays, not a 3-second toast) in the reader's language — Chinese on a
// desktop, English on a phone, and each at the other width too (screenshots at 1440 and 390 px).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { buildZip } from "../fixtures/orders/xlsx-bomb.js";
import { launchChromium } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { CsPage } from "./pages/cs.pages.js";
import { ShopDataPage } from "./pages/shop-data.pages.js";
import { openDemo } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const truncated = {
  name: "cut.xlsx",
  buffer: readFileSync(
    join(import.meta.dirname, "..", "fixtures", "orders", "broken", "truncated.xlsx"),
  ),
};

const EXPECT = {
  "zh-CN": {
    refused: "cut.xlsx 未被接受，没有保存任何数据",
    unreadable: "无法读取 cut.xlsx：文件已损坏、不完整，或者不是表格",
    notWorkbook: "archive.xlsx 是压缩包，但不是 Excel 工作簿（XLSX）",
  },
  en: {
    refused: "cut.xlsx was not accepted; nothing was stored",
    unreadable: "cut.xlsx cannot be read: it is damaged, cut short or not a spreadsheet",
    notWorkbook: "archive.xlsx is a zip file but not an Excel workbook (XLSX)",
  },
} as const;

describe("unreadable import files: the error on the page in the reader's language (zh-CN desktop, en phone)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let demo: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    demo = await openDemo(server.url);
    browsers.push(
      await launchChromium({ width: 1440, height: 900 }, "zh-CN"),
      await launchChromium({ width: 390, height: 844 }, "en"),
    );
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  for (const [i, locale, width, other] of [
    [0, "zh-CN", 1440, 390],
    [1, "en", 390, 1440],
  ] as const) {
    it(
      `shows a truncated XLSX and a zip that is not a workbook as errors on the page (${locale}, ${width} and ${other} px)`,
      { timeout: 180_000 },
      async () => {
        const page: Page = await browsers[i]!.context.newPage();
        onTestFailed(async () => {
          await page.screenshot({
            path: `${SCREENSHOTS}/uploads-${locale}-FAILED.png`,
            fullPage: true,
          });
        });
        const login = new LoginPage(page);
        await login.goto(server.url);
        await login.signIn(demo.email, demo.password);
        const text = EXPECT[locale];

        await page.goto(`${server.url}/shop-data`);
        const shopData = new ShopDataPage(page);
        await shopData.root().waitFor();
        await shopData.upload([truncated]);
        const alert = page.getByTestId("upload-refused");
        await alert.waitFor();
        // Still there once a toast would have gone.
        await page.waitForTimeout(3500);
        expect(await alert.innerText()).toContain(text.refused);
        expect(await alert.innerText()).toContain(text.unreadable);
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, SCREENSHOTS, `uploads-${locale}-${width}-orders`);
        await page.setViewportSize({ width: other, height: 900 });
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, SCREENSHOTS, `uploads-${locale}-${other}-orders`);
        await page.setViewportSize({ width, height: 900 });

        const cs = new CsPage(page);
        await cs.goto(server.url, "2026-10");
        await cs
          .upload()
          .locator("input[type=file]")
          .setInputFiles({
            name: "archive.xlsx",
            buffer: await buildZip([{ name: "readme.txt", content: () => ["not a workbook"] }]),
            mimeType: "application/zip",
          });
        await cs.problems().waitFor();
        expect(await cs.problems().innerText()).toContain(text.notWorkbook);
        await screenshot(page, SCREENSHOTS, `uploads-${locale}-${width}-cs`);
        await page.setViewportSize({ width: other, height: 900 });
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot(page, SCREENSHOTS, `uploads-${locale}-${other}-cs`);
      },
    );
  }
});
