// Quality threshold, 好评回访 rules and follow-ups in the browser (issue 11), on the demo shop, which
// comes with the lead's two 好评回访 rules and their calls due on the agents' Today. 王芳, the 客服
// lead, at 1440 px sets the quality threshold and adds a third rule in 售后设置 (the rules' next
// version); the customer-service person its follow-up is given to opens Today on a 390 px phone
// among the demo's calls, finds that follow-up by its script, records a good review, and it leaves
// their day. A 运营 member sees the settings read-only. Screenshots in Chinese and English.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const TODAY = "2026-12-07";
const LEAD = "wang.fang@demo.dayclear.local";
const OPS_MEMBER = "chen.siyuan@demo.dayclear.local";
const SCRIPT = "亲，您的宝贝收到了吗？有任何问题随时找我们，满意的话麻烦给个五星好评～";

const localDate = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

for (const dialect of DIALECTS) {
  describe(`售后设置 and 好评回访 on Today (demo shop, ${dialect})`, () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let password: string;
    let lead: ApiSession;
    const name = (step: string) => `aftersales-care-${dialect}-${step}`;
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);
    const open = async (
      viewport: { width: number; height: number },
      email: string,
      locale: "zh-CN" | "en" = "zh-CN",
    ) => {
      const context = await browser.newContext({
        viewport,
        locale,
        reducedMotion: "reduce",
        deviceScaleFactor: 1,
      });
      contexts.push(context);
      const page = await context.newPage();
      onTestFailed(async () => {
        await page.screenshot({
          path: `${SCREENSHOTS}/${name(`FAILED-${email.split("@")[0]}`)}.png`,
          fullPage: true,
        });
      });
      const signIn = new LoginPage(page);
      await signIn.goto(server.url);
      await signIn.signIn(email, password);
      return page;
    };

    beforeAll(async () => {
      server = await startServer({ clock: testClock(NOW), dialect });
      ({ password } = await openDemo(server.url));
      browser = await launchSharedChromium();
      lead = await login(server.url, LEAD, password);
    }, 180_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    it(
      "the 客服 lead sets the threshold and a 好评回访 rule; the agent reads the script on Today and records a good review",
      { timeout: 180_000 },
      async () => {
        // The most recent order the demo's buyers received: the rule's days make it due today.
        const orders = await call<{
          items: { completedAt: string | null; platformOrderId: string }[];
        }>(lead, "GET", "/orders?limit=200");
        const received = orders.items
          .filter((o) => o.completedAt && localDate(o.completedAt) <= TODAY)
          .sort((a, b) => b.completedAt!.localeCompare(a.completedAt!));
        expect(received.length).toBeGreaterThan(0);
        const days = Math.min(60, daysBetween(localDate(received[0]!.completedAt!), TODAY));

        const page = await open({ width: 1440, height: 900 }, LEAD);
        await page.goto(`${server.url}/aftersales`);
        await page.getByTestId("aftersales-settings-link").click();
        await expect.poll(() => page.getByTestId("quality-card").isVisible()).toBe(true);
        await page.getByTestId("quality-min").fill("4");
        await page.getByTestId("quality-days").fill("10");
        await page.getByTestId("quality-save").click();
        await expect
          .poll(
            async () =>
              await call<{ minCases: number; windowDays: number; version: number }>(
                lead,
                "GET",
                "/aftersales/quality",
              ),
          )
          .toMatchObject({ minCases: 4, windowDays: 10, version: 1 });
        // The demo's two rules are there; the lead adds a third below them.
        const demoRules = await call<{ version: number; rules: { id: string; name: string }[] }>(
          lead,
          "GET",
          "/aftersales/followup-rules",
        );
        expect(demoRules.rules.map((r) => r.name)).toEqual(["高客单好评回访", "售后完结回访"]);
        await expect.poll(() => page.getByTestId("followup-rule").count()).toBe(2);
        await page.getByTestId("rule-add").click();
        await expect.poll(() => page.getByTestId("followup-rule").count()).toBe(3);
        await page.getByTestId("rule-name").last().fill("签收回访");
        await page.getByTestId("rule-days").last().fill(String(days));
        await page.getByTestId("rule-script").last().fill(SCRIPT);
        await page.getByTestId("rules-save").click();
        await expect
          .poll(
            async () =>
              (await call<{ version: number }>(lead, "GET", "/aftersales/followup-rules")).version,
          )
          .toBe(demoRules.version + 1);
        // The demo's rules are sent back with their ids: still the same rules (saved without them
        // they would be new rules and make every call of theirs again).
        const saved = await call<{ rules: { id: string; name: string }[] }>(
          lead,
          "GET",
          "/aftersales/followup-rules",
        );
        expect(saved.rules.map((r) => r.name)).toEqual([
          "高客单好评回访",
          "售后完结回访",
          "签收回访",
        ]);
        expect(saved.rules.slice(0, 2).map((r) => r.id)).toEqual(demoRules.rules.map((r) => r.id));
        await shot(page, "settings-lead-1440");

        // Who got the new rule's follow-up: the customer-service person working today with the
        // fewest open; their Today holds it beside the demo's calls.
        const f = await call<{
          items: { memberId: string; platformOrderId: string; id: string; ruleName: string }[];
        }>(lead, "GET", "/aftersales/followups?state=open&limit=200");
        const ours = f.items.find((x) => x.ruleName === "签收回访");
        expect(ours).toBeDefined();
        const mine = f.items.filter((x) => x.memberId === ours!.memberId);
        // The demo's own calls are due too.
        expect(f.items.some((x) => x.ruleName !== "签收回访")).toBe(true);
        const members = await call<{ items: { id: string; email: string | null }[] }>(
          lead,
          "GET",
          "/members?limit=200",
        );
        const email = members.items.find((m) => m.id === ours!.memberId)!.email!;

        const phone = await open({ width: 390, height: 844 }, email);
        await phone.goto(`${server.url}/today`);
        const cards = phone.getByTestId("today-followup");
        const card = phone.getByTestId("today-followups");
        // The first five with the script; the rest behind "show all". The new rule's call is due
        // today, after the demo's older ones: found by its script, not by its place.
        await expect.poll(() => cards.count()).toBe(Math.min(mine.length, 5));
        // The card says the minutes the calls take of the day (5 each).
        await expect
          .poll(() => card.textContent())
          .toContain(`待回访 ${mine.length} 个 · 约 ${mine.length * 5} 分钟`);
        const scripts = () => phone.getByTestId("today-followup-script").allTextContents();
        if (!(await scripts()).includes(SCRIPT)) {
          await phone.getByTestId("today-followups-all").click();
          await expect.poll(() => cards.count()).toBe(mine.length);
        }
        // The demo's calls beside the new rule's, each with its own script.
        const texts = await scripts();
        expect(texts).toContain(SCRIPT);
        const others = mine.filter((x) => x.ruleName !== "签收回访").length;
        if (texts.length === mine.length)
          expect(texts.filter((x) => x !== SCRIPT)).toHaveLength(others);
        const own = cards.filter({ hasText: SCRIPT }).first();
        await own.scrollIntoViewIfNeeded();
        await shot(phone, "today-followups-390");
        await own.getByTestId("followup-good_review").click();
        await expect
          .poll(() => card.textContent())
          .toContain(`待回访 ${mine.length - 1} 个 · 约 ${(mine.length - 1) * 5} 分钟`);
        const done = await call<{ items: { outcome: string | null }[] }>(
          lead,
          "GET",
          "/aftersales/followups?state=done",
        );
        expect(done.items.map((x) => x.outcome)).toEqual(["good_review"]);
        await shot(phone, "today-followups-recorded-390");

        // The same day in English at a desk.
        const en = await open({ width: 1440, height: 900 }, email, "en");
        await en.goto(`${server.url}/today`);
        if (mine.length > 1) {
          await expect
            .poll(() => en.getByTestId("today-followups").textContent())
            .toContain(`${mine.length - 1} to call · ${(mine.length - 1) * 5} min`);
          await shot(en, "today-followups-en-1440");
        }
        await en.goto(`${server.url}/aftersales/settings`);
        await expect.poll(() => en.getByTestId("followup-rule").count()).toBe(3);
        await shot(en, "settings-en-1440");
      },
    );

    it(
      "a 运营 member reads the settings without a way to change them",
      { timeout: 90_000 },
      async () => {
        const page = await open({ width: 390, height: 844 }, OPS_MEMBER);
        await page.goto(`${server.url}/aftersales/settings`);
        // The demo's two rules and the lead's.
        await expect.poll(() => page.getByTestId("followup-rule").count()).toBe(3);
        expect(await page.getByTestId("rules-save").count()).toBe(0);
        expect(await page.getByTestId("quality-save").count()).toBe(0);
        await shot(page, "settings-ops-390");
      },
    );
  });
}
