// After-sales as it happens (issue 11, "Done when"), on the demo shop, on both databases, with the
// SLA sweep of `dayclear serve` running on the test's clock.
// 1. A return comes back: 赵磊, a 客服 member, has the demo's Taobao return waiting for the buyer
//    open on his 390 px phone; 何军, the packer, scans its waybill at the pack station in returns
//    mode; 赵磊's page shows it received by itself (no reload); the lead has turned on inspecting
//    returned goods before refunding (售后设置), so his refund is refused until he inspects the goods;
//    then he refunds. The history names each step and who took it.
// 2. A case runs out of time: 王芳, the 客服 lead, has the queue open at 1440 px; time passes, the
//    sweep finds a new case's first answer at risk and her bell shows the alert without a reload;
//    she opens the case from it and gives it to the other agent, who finds it on Today. In English
//    the same alert reads in English.
// The cases are seeded through the API, as a script would.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium } from "./chromium.js";
import {
  Bell,
  CaseForms,
  markPage,
  ReturnDesk,
  ReturnRules,
  stillMarked,
  todayCases,
} from "./pages/aftersales-live.pages.js";
import { AftersalesListPage, CasePage } from "./pages/aftersales.pages.js";
import { AppShell } from "./pages/app.pages.js";
import { signedInPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import {
  SCREENSHOTS,
  startServer,
  testClock,
  type RunningServer,
  type TestClock,
} from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const LEAD = "wang.fang@demo.dayclear.local";
const AGENTS = { 赵磊: "zhao.lei@demo.dayclear.local", 刘婷: "liu.ting@demo.dayclear.local" };
const PACKER = "he.jun@demo.dayclear.local";
/** The demo's Taobao return on its way back (aftersales.demo.ts). */
const RETURN_WAYBILL = "ZT7880000001";

interface Clock {
  clock: string;
  dueAt: string | null;
  state: string;
}
interface Case {
  id: string;
  caseKey: string;
  platformCaseId: string | null;
  platformOrderId: string | null;
  state: string;
  version: number;
  requestedFen: number;
  returnWaybill: string | null;
  assigneeMemberId: string | null;
  sla?: { clocks: Clock[] } | null;
}

for (const dialect of DIALECTS) {
  describe(`售后 live: a return received at the pack station, an at-risk alert (demo shop, ${dialect})`, () => {
    let server: RunningServer;
    let clock: TestClock;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let password: string;
    let lead: ApiSession;
    let members: { id: string; name: string }[];
    let returning: Case;
    let fresh: Case;
    const name = (step: string) => `aftersales-live-${dialect}-${step}`;
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);
    const open = async (
      viewport: { width: number; height: number },
      email: string,
      locale = "zh-CN",
    ) => {
      // In Shanghai, the shop's time zone, with the browser's clock where the server's is (the
      // countdowns count from the browser's clock).
      const context = await browser.newContext({
        viewport,
        locale,
        timezoneId: "Asia/Shanghai",
        reducedMotion: "reduce",
        deviceScaleFactor: 1,
      });
      await context.clock.setFixedTime(clock());
      contexts.push(context);
      return signedInPage(context, server.url, email, password, name);
    };
    const memberId = (n: string) => members.find((m) => m.name === n)!.id;
    const memberName = (id: string | null) => members.find((m) => m.id === id)?.name;
    const getCase = (id: string) => call<Case>(lead, "GET", `/aftersales/cases/${id}`);

    beforeAll(async () => {
      clock = testClock(NOW);
      server = await startServer({ clock, dialect, slaSweepEveryMs: 1_000 });
      ({ password } = await openDemo(server.url));
      browser = await launchSharedChromium();
      lead = await login(server.url, LEAD, password);
      members = (await call<{ items: { id: string; name: string }[] }>(lead, "GET", "/members"))
        .items;
      // The demo's return on its way back goes to 赵磊 (the lead gives it to him if routing did not).
      const open = await call<{ items: Case[] }>(
        lead,
        "GET",
        "/aftersales/cases?state=open&limit=200",
      );
      returning = open.items.find((c) => c.returnWaybill === RETURN_WAYBILL)!;
      expect(returning.state).toBe("waiting_buyer");
      if (returning.assigneeMemberId !== memberId("赵磊"))
        returning = await call<Case>(lead, "POST", `/aftersales/cases/${returning.id}/assign`, {
          memberId: memberId("赵磊"),
          version: returning.version,
        });

      // A case opened by hand now, on one of the demo's Taobao orders with no case yet: routing
      // gives it to an agent; its first answer is due in a few working hours.
      const shops = await call<{ items: { id: string; platform: string }[] }>(
        lead,
        "GET",
        "/shops",
      );
      const taobao = shops.items.find((s) => s.platform === "taobao")!;
      const orders = await call<{
        items: { id: string; platformOrderId: string; items: unknown[] }[];
      }>(lead, "GET", `/orders?shopId=${taobao.id}&limit=50`);
      const taken = new Set(open.items.map((c) => (c as unknown as { orderId: string }).orderId));
      const order = orders.items.find((o) => o.items.length > 0 && !taken.has(o.id))!;
      fresh = await call<Case>(lead, "POST", "/aftersales/cases", {
        orderId: order.id,
        type: "refund_after_shipping",
        reason: "七天无理由退换货",
        requestedFen: 2590,
        lines: [{ orderLineNo: 1 }],
      });
      fresh = await getCase(fresh.id);
    }, 240_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    it(
      "the packer scans a return at the pack station; the agent's phone shows it received, he inspects and refunds",
      { timeout: 180_000 },
      async () => {
        // The lead has returned goods inspected before they are refunded (售后设置).
        const lead = await open({ width: 1440, height: 900 }, LEAD);
        const rules = new ReturnRules(lead);
        await rules.goto(server.url);
        expect(await rules.on()).toBe(false);
        await rules.inspect().click();
        await expect.poll(() => rules.on()).toBe(true);
        await expect
          .poll(async () => (await rules.card().innerText()).replace(/\s+/g, " "))
          .toContain("退货先验货再退款");
        await shot(lead, "lead-1440-zh-return-rule");
        await lead.reload();
        await rules.card().waitFor();
        await expect.poll(() => rules.on()).toBe(true);

        const agent = await open({ width: 390, height: 844 }, AGENTS.赵磊);
        // His Today lists the return among his cases; he opens it.
        await expect
          .poll(() => todayCases(agent).allInnerTexts())
          .toContainEqual(expect.stringContaining(returning.caseKey));
        await todayCases(agent)
          .filter({ hasText: returning.caseKey })
          .getByTestId("today-case-open")
          .click();
        const c = new CasePage(agent);
        await c.root().waitFor();
        await expect.poll(() => c.state().innerText()).toBe("等待买家退货");
        expect(await c.facts().innerText()).toContain(RETURN_WAYBILL);
        await shot(agent, "agent-390-zh-waiting");
        await markPage(agent);

        // The parcel is back: 何军 scans its waybill at the pack station in returns mode.
        const packer = await open({ width: 1440, height: 900 }, PACKER);
        const desk = new ReturnDesk(packer);
        await desk.goto(server.url);
        await desk.returnMode();
        await desk.scan(RETURN_WAYBILL);
        await desk.received().waitFor();
        expect(await desk.received().innerText()).toContain(RETURN_WAYBILL);
        expect(await desk.received().innerText()).toContain("请先验货，再退款");
        await shot(packer, "packer-1440-zh-return-received");

        // The agent's page shows it received by itself, with who received it and where.
        await expect.poll(() => c.state().innerText()).toBe("已收到退货");
        expect(await stillMarked(agent)).toBe(true);
        await expect
          .poll(async () => (await c.historyTexts()).at(-1))
          .toContain(`何军 在打包台签收了退货包裹 ${RETURN_WAYBILL}：等待买家退货 → 已收到退货`);
        await shot(agent, "agent-390-zh-received");

        // The rule holds the refund until the goods are inspected; inspected, they are refunded.
        const forms = new CaseForms(agent);
        expect(await forms.refundRefused()).toContain("须先验货再退款");
        expect(await c.state().innerText()).toBe("已收到退货");
        await forms.inspect("合格", "吊牌完好");
        await expect.poll(() => c.state().innerText()).toBe("已验货");
        const amount = await forms.refund();
        expect(Number(amount)).toBe(returning.requestedFen / 100);
        await expect.poll(() => c.state().innerText()).toBe("已解决 · 已退款");
        const history = await c.historyTexts();
        expect(history.slice(-3)).toEqual([
          expect.stringContaining("何军 在打包台签收了退货包裹"),
          expect.stringContaining("赵磊 验货：合格"),
          expect.stringContaining(`赵磊 处理完毕：已退款 ${amount}`),
        ]);
        await shot(agent, "agent-390-zh-refunded");

        const stored = await getCase(returning.id);
        expect(stored).toMatchObject({ state: "resolved", refundFen: returning.requestedFen });
      },
    );

    it(
      "the lead sees an at-risk alert arrive live, opens the case from it and gives it to the other agent, who finds it on Today",
      { timeout: 180_000 },
      async () => {
        const first = fresh.sla!.clocks.find((k) => k.clock === "firstResponse")!;
        expect(first).toMatchObject({ state: "on_track" });
        const was = memberName(fresh.assigneeMemberId)!;
        expect(Object.keys(AGENTS)).toContain(was);
        const other = was === "赵磊" ? "刘婷" : "赵磊";

        const page = await open({ width: 1440, height: 900 }, LEAD);
        const list = new AftersalesListPage(page);
        await list.goto(server.url);
        await expect.poll(async () => (await list.shown()).length).toBeGreaterThan(0);
        const bell = new Bell(page);
        const before = await bell.unread();
        await markPage(page);

        // Ten minutes before the first answer is due: at risk. The sweep finds it within a second.
        clock.set(new Date(Date.parse(first.dueAt!) - 10 * 60_000).toISOString());
        await page.context().clock.setFixedTime(clock());
        // The case as its pages name it (its order's number: it has no platform case number).
        const key = fresh.platformCaseId ?? fresh.platformOrderId ?? fresh.caseKey;
        await expect.poll(() => bell.unread()).toBeGreaterThan(before);
        await bell.open();
        const alert = bell.item(key);
        await expect.poll(() => alert.innerText()).toContain("首次响应即将超时");
        expect(await stillMarked(page)).toBe(true);
        await shot(page, "lead-1440-zh-alert");

        // From the alert to the case, and to the other agent.
        await alert.click();
        await page.waitForURL(`**/aftersales/cases/${fresh.id}`);
        const c = new CasePage(page);
        await c.root().waitFor();
        await expect.poll(() => c.assign().innerText()).toContain(was);
        await c.reassignTo(other);
        await expect.poll(() => c.assign().innerText()).toContain(other);
        await expect.poll(async () => (await c.historyTexts()).at(-1)).toContain(`分配给 ${other}`);
        expect(await stillMarked(page)).toBe(true);
        await shot(page, "lead-1440-zh-reassigned");

        // In English, the same alert in English.
        await new AppShell(page).switchLanguage("English");
        await bell.open();
        await expect.poll(() => bell.item(key).innerText()).toContain("First response at risk");
        await shot(page, "lead-1440-en-alert");

        // The other agent finds it on Today, with the notice that it was given to them.
        const agent = await open({ width: 390, height: 844 }, AGENTS[other as keyof typeof AGENTS]);
        await expect
          .poll(() => todayCases(agent).allInnerTexts())
          .toContainEqual(expect.stringContaining(key));
        await shot(agent, "other-agent-390-zh-today");
        expect((await getCase(fresh.id)).assigneeMemberId).toBe(memberId(other));
      },
    );
  });
}
