// The after-sales dashboard in the browser (issue 11, KPIs), on the demo shop, on both databases. A
// Taobao refunds export is imported first, as a script would, so there are refunds to count. At a
// 1440 px desk someone who sees every case opens 售后 from the menu, then the dashboard from the
// queue, chooses October to December and reads each card as the API gives it (refund and return
// rate with "n of m orders", the amount refunded, SLA attainment with met and breached, saved
// returns and cases opened), the chart by shop and the agents' table. 赵磊, a 客服 member, on a 390 px
// phone sees his own cases: his own counts, no rate, no chart by shop, no paid-orders column, and
// nothing wider than the screen. Who reads and in which language alternate with the database, so
// both languages are seen at both widths:
//   SQLite:     王芳, the 客服 lead, 1440 px zh-CN   · 赵磊 390 px en
//   PostgreSQL: the owner,       1440 px en      · 赵磊 390 px zh-CN
// (The owner exporting the dormant customers is customers-zh.test.ts, on both databases.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DialectName } from "../../src/db/database.js";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { signedInPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const FROM = "2026-10-01";
const TO = "2026-12-07";
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "aftersales");
const MEMBER = "zhao.lei@demo.dayclear.local";
const LEAD = "wang.fang@demo.dayclear.local";

type Locale = "zh-CN" | "en";
type Desk = "lead" | "owner";
/** Who reads at the desk and in which language, per database; 赵磊's phone takes the other language. */
const CAST: Record<DialectName, { desk: Desk; deskLocale: Locale; phoneLocale: Locale }> = {
  sqlite: { desk: "lead", deskLocale: "zh-CN", phoneLocale: "en" },
  postgres: { desk: "owner", deskLocale: "en", phoneLocale: "zh-CN" },
};

/** What the page says, as a reader of each language reads it. */
const WORDS: Record<
  Locale,
  {
    menu: string;
    scopeAll: string;
    scopeOwn: string;
    noRate: string;
    paidOrders: string;
    unassigned: string;
    ofOrders: (count: number, orders: number) => string;
    refunds: (count: number) => string;
    returns: (count: number) => string;
    sla: (met: number, breached: number) => string;
    opened: (count: number) => string;
  }
> = {
  "zh-CN": {
    menu: "售后",
    scopeAll: "工作区的全部售后单",
    scopeOwn: "我处理的售后单",
    noRate: "个人不计比率",
    paidOrders: "付款订单",
    unassigned: "未分配",
    ofOrders: (count, orders) => `${orders} 单中 ${count} 单`,
    refunds: (count) => `退款 ${count} 单`,
    returns: (count) => `退货 ${count} 单`,
    sla: (met, breached) => `达标 ${met} · 超时 ${breached}`,
    opened: (count) => `新建 ${count} 单`,
  },
  en: {
    menu: "After-sales",
    scopeAll: "Every case of the workspace",
    scopeOwn: "Your own cases (the cases you had)",
    noRate: "no rate for one person",
    paidOrders: "Paid orders",
    unassigned: "Nobody (unassigned)",
    ofOrders: (count, orders) => `${count} of ${orders} orders`,
    refunds: (count) => `${count} refund(s)`,
    returns: (count) => `${count} return(s)`,
    sla: (met, breached) => `${met} met · ${breached} breached`,
    opened: (count) => `${count} case(s) opened`,
  },
};

interface Figures {
  paidOrders: number | null;
  cases: number;
  returns: number;
  refunds: number;
  refundFen: number;
  savedReturns: number;
  slaMet: number;
  slaBreached: number;
  refundRate: number | null;
  returnRate: number | null;
  slaAttainment: number | null;
}
interface Dashboard {
  scope: "all" | "own";
  totals: Figures;
  byShop: ({ name: string } & Figures)[];
  byMember: ({ memberId: string | null; name: string | null } & Figures)[];
}

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

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

for (const dialect of DIALECTS) {
  const cast = CAST[dialect];
  describe(`售后看板 at a desk (${cast.desk}, ${cast.deskLocale}) and on a phone (member, ${cast.phoneLocale}), demo shop, ${dialect}`, () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let owner: string;
    let password: string;
    const name = (step: string) => `aftersales-dashboard-${dialect}-${step}`;
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);
    const open = async (
      viewport: { width: number; height: number },
      email: string,
      locale: Locale,
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
      return signedInPage(context, server.url, email, password, name);
    };
    /** 售后 from the menu (the drawer on a phone), the dashboard from the queue, October to today. */
    const openDashboard = async (page: Page, locale: Locale) => {
      await new AppShell(page).navigate(WORDS[locale].menu, "/aftersales");
      await page.getByTestId("aftersales-dashboard-link").click();
      await page.getByTestId("aftersales-dashboard").waitFor();
      await page.getByTestId("asd-from").fill(FROM);
      await page.getByTestId("asd-to").fill(TO);
      await page.getByTestId("asd-to").blur();
    };
    /** The API's dashboard for the same days, as the same person. */
    const figures = async (email: string) =>
      call<Dashboard>(
        await login(server.url, email, password),
        "GET",
        `/aftersales/dashboard?from=${FROM}&to=${TO}`,
      );
    /** A card shows each of these texts (its value and its line under it). */
    const card = async (page: Page, id: string, texts: string[]) => {
      const text = () => page.getByTestId(`asd-card-${id}`).textContent();
      for (const t of texts) await expect.poll(text, { message: `card ${id}` }).toContain(t);
    };
    /** The agents' table: each row's name and the refunds it shows (its first and fifth cells). */
    const agents = async (page: Page) =>
      (await page.getByTestId("asd-members").locator("tbody tr.ant-table-row").allInnerTexts())
        .map((r) => r.split("\t").map((c) => c.trim()))
        .map((c) => `${c[0]} ${c[4]}`);

    beforeAll(async () => {
      server = await startServer({ clock: testClock(NOW), dialect });
      ({ email: owner, password } = await openDemo(server.url));
      browser = await launchSharedChromium();
      const lead = await login(server.url, LEAD, password);
      const shops = await call<{ items: { id: string; platform: string }[] }>(
        lead,
        "GET",
        "/shops",
      );
      const taobao = shops.items.find((s) => s.platform === "taobao")!;
      await importFile(lead, taobao.id, "taobao-refunds-202610.csv");
    }, 180_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    it(
      `the ${cast.desk} reads every case's figures at 1440 px in ${cast.deskLocale}`,
      { timeout: 120_000 },
      async () => {
        const w = WORDS[cast.deskLocale];
        const email = cast.desk === "owner" ? owner : LEAD;
        const page = await open({ width: 1440, height: 1000 }, email, cast.deskLocale);
        await openDashboard(page, cast.deskLocale);
        await expect.poll(() => page.getByTestId("asd-scope").textContent()).toBe(w.scopeAll);

        const d = await figures(email);
        const f = d.totals;
        expect(d.scope).toBe("all");
        expect(f.refunds).toBeGreaterThan(0);
        expect(f.paidOrders).toBeGreaterThan(0);
        await card(page, "refundRate", [pct(f.refundRate), w.ofOrders(f.refunds, f.paidOrders!)]);
        await card(page, "refundAmount", [yuan(f.refundFen), w.refunds(f.refunds)]);
        await card(page, "returnRate", [pct(f.returnRate), w.ofOrders(f.returns, f.paidOrders!)]);
        await card(page, "sla", [pct(f.slaAttainment), w.sla(f.slaMet, f.slaBreached)]);
        await card(page, "saved", [String(f.savedReturns), w.opened(f.cases)]);
        // The chart of the shops' rates, and one row per agent with their refunds.
        await page.getByTestId("asd-chart-shops").locator("canvas").first().waitFor();
        const rows = d.byMember.map(
          (m) => `${m.memberId ? (m.name ?? m.memberId) : w.unassigned} ${m.refunds}`,
        );
        expect(rows.length).toBeGreaterThan(1);
        await expect.poll(async () => (await agents(page)).sort()).toEqual(rows.sort());
        // At a desk every column of both tables is in view, in either language (in English the
        // agents' table once hid its last two columns behind a scroll).
        for (const table of ["asd-sku", "asd-members"])
          expect(
            await page
              .getByTestId(table)
              .locator(".ant-table-content")
              .evaluate((el) => el.scrollWidth - el.clientWidth),
            `${table} scrolls sideways at 1440 px`,
          ).toBeLessThanOrEqual(0);
        await page.waitForTimeout(600); // the charts' first paint
        await shot(page, `${cast.desk}-1440-${cast.deskLocale}`);
      },
    );

    it(
      `a 客服 member sees his own cases on a phone in ${cast.phoneLocale}`,
      { timeout: 120_000 },
      async () => {
        const w = WORDS[cast.phoneLocale];
        const page = await open({ width: 390, height: 844 }, MEMBER, cast.phoneLocale);
        await openDashboard(page, cast.phoneLocale);
        await expect.poll(() => page.getByTestId("asd-scope").textContent()).toBe(w.scopeOwn);

        const d = await figures(MEMBER);
        const f = d.totals;
        expect(d.scope).toBe("own");
        expect(f.cases + f.refunds).toBeGreaterThan(0);
        // His own counts and amounts; no rate anywhere.
        await card(page, "refundRate", ["—", w.noRate]);
        await card(page, "refundAmount", [yuan(f.refundFen), w.refunds(f.refunds)]);
        await card(page, "returnRate", ["—", w.returns(f.returns)]);
        await card(page, "saved", [String(f.savedReturns), w.opened(f.cases)]);
        await page.getByTestId("asd-sku").waitFor();
        expect(await page.getByTestId("asd-chart-shops").count()).toBe(0);
        expect(await page.getByTestId("asd-sku").getByText(w.paidOrders).count()).toBe(0);
        await page.waitForTimeout(600);
        await shot(page, `member-390-${cast.phoneLocale}`);
      },
    );
  });
}
