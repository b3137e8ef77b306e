// The after-sales dashboard in the browser (issue 11, KPIs), on the demo shop. 王芳, the 客服 lead,
// at 1440 px in Chinese opens it from the after-sales cases, chooses October to December and reads
// every case's figures: refund rate and amount, return rate, handling time, SLA attainment, the
// charts by reason and shop, the SKU and agent tables. 赵磊, a 客服 member, on a 390 px phone in
// English sees his own cases without rates. A Taobao refunds export is imported first, as a script
// would, so there are refunds to count.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchSharedChromium } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "aftersales");
const MEMBER = "zhao.lei@demo.dayclear.local";
const LEAD = "wang.fang@demo.dayclear.local";

async function importFile(s: ApiSession, shopId: string, file: string) {
  const res = await fetch(
    `${s.base}/api/v1/aftersales/imports?shop=${shopId}&fileName=${encodeURIComponent(file)}`,
    {
      method: "POST",
      headers: { "content-type": "application/octet-stream", origin: s.base, cookie: s.cookie },
      body: readFileSync(join(FIXTURES, file)),
    },
  );
  if (!res.ok) throw new Error(`import ${file} → ${res.status} ${await res.text()}`);
}

describe("售后看板 at a desk (zh-CN) and on a phone (en), demo shop", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let password: string;
  const shot = async (page: Page, step: string) => {
    await screenshot(page, SCREENSHOTS, `aftersales-dashboard-${step}`);
    expect(await horizontalOverflow(page), `${step} overflows sideways`).toBeLessThanOrEqual(0);
  };
  const open = async (
    viewport: { width: number; height: number },
    email: string,
    locale: "zh-CN" | "en",
  ) => {
    const context = await browser.newContext({
      viewport,
      locale,
      reducedMotion: "reduce",
      deviceScaleFactor: 1,
    });
    // The page's language before signing in (the app keeps it in localStorage).
    await context.addInitScript((l) => {
      const store = (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage;
      store.setItem("dayclear.locale", l);
    }, locale);
    contexts.push(context);
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({
        path: `${SCREENSHOTS}/aftersales-dashboard-FAILED-${email.split("@")[0]}.png`,
        fullPage: true,
      });
    });
    const signIn = new LoginPage(page);
    await signIn.goto(server.url);
    await signIn.signIn(email, password);
    return page;
  };
  const range = async (page: Page) => {
    await page.getByTestId("asd-from").fill("2026-10-01");
    await page.getByTestId("asd-to").fill("2026-12-07");
  };

  beforeAll(async () => {
    server = await startServer({ clock: testClock(NOW) });
    ({ password } = await openDemo(server.url));
    browser = await launchSharedChromium();
    const lead = await login(server.url, LEAD, password);
    const shops = await call<{ items: { id: string; platform: string }[] }>(lead, "GET", "/shops");
    const taobao = shops.items.find((s) => s.platform === "taobao")!;
    await importFile(lead, taobao.id, "taobao-refunds-202610.csv");
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it("the 客服 lead reads every case's figures at 1440 px", { timeout: 120_000 }, async () => {
    const page = await open({ width: 1440, height: 1000 }, LEAD, "zh-CN");
    await page.goto(`${server.url}/aftersales`);
    await page.getByTestId("aftersales-dashboard-link").click();
    await page.getByTestId("aftersales-dashboard").waitFor();
    await range(page);
    await expect.poll(() => page.getByTestId("asd-scope").textContent()).toBe("工作区的全部售后单");
    await page.getByTestId("asd-card-refundRate").waitFor();
    const refunds = await call<{ totals: { refunds: number; refundFen: number } }>(
      await login(server.url, LEAD, password),
      "GET",
      "/aftersales/dashboard?from=2026-10-01&to=2026-12-07",
    );
    expect(refunds.totals.refunds).toBeGreaterThan(0);
    const amount = `¥${(refunds.totals.refundFen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    await expect
      .poll(() => page.getByTestId("asd-card-refundAmount").textContent())
      .toContain(amount);
    await page.waitForTimeout(600);
    await shot(page, "lead-1440-zh");
  });

  it("a 客服 member sees his own cases on a phone in English", { timeout: 120_000 }, async () => {
    const page = await open({ width: 390, height: 844 }, MEMBER, "en");
    await page.goto(`${server.url}/aftersales/dashboard`);
    await page.getByTestId("aftersales-dashboard").waitFor();
    await range(page);
    await expect
      .poll(() => page.getByTestId("asd-scope").textContent())
      .toBe("Your own cases (the cases you had)");
    await expect
      .poll(() => page.getByTestId("asd-card-refundRate").textContent())
      .toContain("no rate for one person");
    await page.waitForTimeout(600);
    await shot(page, "member-390-en");
  });
});
