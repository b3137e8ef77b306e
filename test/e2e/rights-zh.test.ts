// Rights in the browser (issue 10, finding 10), on the demo shop: a packer (物流 member) reads the
// shop data but is offered no import, roll-back, add-shop or visitor entry (the server would refuse
// them); the 运营 lead is offered all of them; the org page shows every department's function and
// only the owner may change it (the 物流 lead sees the setting, disabled). The web decides from the
// server's own policy code (src/core/org/rights.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium, UI_TIMEOUT } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { call, login, openDemo } from "./pages/plans.fixtures.js";
import { ShopDataPage } from "./pages/shop-data.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "orders");
const DOMAIN = "demo.dayclear.local";
const WAIT = { timeout: UI_TIMEOUT };

/** The owner imports the Taobao export through the API, so the history holds a committed import. */
async function ownerImports(
  base: string,
  owner: { email: string; password: string },
): Promise<void> {
  const s = await login(base, owner.email, owner.password);
  // The page opens on the first shop: the demo's Tmall shop, which takes Taobao's exports.
  const shop = (await call<{ items: { id: string; platform: string }[] }>(s, "GET", "/shops"))
    .items[0]!;
  if (shop.platform !== "taobao") throw new Error(`the demo's first shop is on ${shop.platform}`);
  const ids: string[] = [];
  for (const name of ["ExportOrderList202610.csv", "ExportOrderDetailList202610.csv"]) {
    const res = await fetch(`${base}/api/v1/shops/${shop.id}/uploads?fileName=${name}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", origin: base, cookie: s.cookie },
      body: readFileSync(join(FIXTURES, name)),
    });
    if (!res.ok) throw new Error(`upload ${name} → ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  await call(s, "POST", `/shops/${shop.id}/imports`, { uploadIds: ids });
}

describe("rights in the browser: a packer is offered only what they may do (zh-CN)", () => {
  let server: RunningServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let password: string;

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    const demo = await openDemo(server.url);
    password = demo.password;
    await ownerImports(server.url, demo);
    browser = await launchChromium({ width: 1440, height: 900 }, "zh-CN");
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = async (who: string) => {
    await browser.context.clearCookies();
    const login = new LoginPage(page);
    await login.goto(server.url);
    await login.signIn(`${who}@${DOMAIN}`, password);
  };

  it(
    "hides import, roll-back, add-shop and visitor entry from a packer, offers them to the 运营 lead, and shows the functions on the org page",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await page.screenshot({ path: `${SCREENSHOTS}/rights-zh-FAILED.png`, fullPage: true });
      });
      const shopData = new ShopDataPage(page);

      // 何军, 打包员 in 物流: reads the shop's imports, is told who imports, and is offered nothing else.
      await signInAs("he.jun");
      await page.goto(`${server.url}/shop-data`);
      await shopData.history().first().waitFor(WAIT);
      await page.getByTestId("shop-read-only").waitFor(WAIT);
      expect(await page.getByTestId("shop-read-only").innerText()).toContain(
        "导入、回滚、添加店铺和录入访客数由所有者和职能为“运营”的部门负责人操作",
      );
      expect(await page.getByTestId("shop-add").count()).toBe(0);
      expect(await page.locator(".ant-upload-drag").count()).toBe(0);
      expect(
        await shopData
          .history()
          .getByRole("button", { name: /撤\s*销/ })
          .count(),
      ).toBe(0);
      await page.getByTestId("visitors-card").waitFor(WAIT);
      expect(
        await page
          .getByTestId("visitors-card")
          .getByRole("button", { name: /保\s*存/ })
          .count(),
      ).toBe(0);
      await screenshot(page, SCREENSHOTS, "rights-zh-packer-shop-data");

      // The org page: every department shows its function; the packer changes nothing.
      await page.goto(`${server.url}/departments`);
      const logistics = page.getByTestId("department-node").filter({ hasText: "物流" }).first();
      await logistics.getByTestId("department-function").waitFor(WAIT);
      expect(await logistics.getByTestId("department-function").getAttribute("data-function")).toBe(
        "logistics",
      );
      expect(
        await page
          .getByTestId("department-function")
          .evaluateAll((tags) => tags.map((t) => t.getAttribute("data-function"))),
      ).toEqual(["operations", "design", "customer_service", "logistics"]);
      expect(
        await page.getByTestId("department-node").getByRole("button", { name: "编辑" }).count(),
      ).toBe(0);

      // 马强, the 物流 lead, edits their department but sees its function disabled: only the owner grants rights.
      await signInAs("ma.qiang");
      await page.goto(`${server.url}/departments`);
      const own = page.getByTestId("department-node").filter({ hasText: "物流" }).first();
      await own.getByRole("button", { name: "编辑" }).click(WAIT);
      const select = page.locator(".ant-modal:visible").getByTestId("department-function-select");
      await select.waitFor(WAIT);
      expect(await select.getAttribute("class")).toMatch(/ant-select-disabled/);
      await page
        .locator(".ant-modal:visible")
        .getByRole("button", { name: /取\s*消/ })
        .click();

      // 林可, the 运营 lead: the upload, add-shop, roll-back and visitor entry are all there.
      await signInAs("lin.ke");
      await page.goto(`${server.url}/shop-data`);
      await page.locator(".ant-upload-drag").waitFor(WAIT); // the drop zone; its file input is hidden
      await page.getByTestId("shop-add").waitFor(WAIT);
      await shopData
        .history()
        .first()
        .getByRole("button", { name: /撤\s*销/ })
        .waitFor(WAIT);
      expect(
        await page
          .getByTestId("visitors-card")
          .getByRole("button", { name: /保\s*存/ })
          .count(),
      ).toBe(1);
      expect(await page.getByTestId("shop-read-only").count()).toBe(0);
      await screenshot(page, SCREENSHOTS, "rights-zh-ops-lead-shop-data");
    },
  );
});
