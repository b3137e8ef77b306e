// After-sales in the browser (issue 11), on the demo shop, on both databases. 赵磊, a 客服 member,
// on a 390 px phone in Chinese sees the open cases soonest due first (the overdue one red, on top),
// opens the case opened by hand from an order, moves it to in progress and then to waiting for the
// buyer's return, and reads both moves in its history — in Chinese and, after switching, in
// English. A 运营 member opening the same case sees no moves. 王芳, the 客服 lead, at 1440 px imports
// a Taobao refunds export with bad rows: the dialog lists each problem with its row and column and
// nothing is imported. The cases are seeded through the API, as a script would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium } from "./chromium.js";
import { AftersalesListPage, CaseImportDialog, CasePage } from "./pages/aftersales.pages.js";
import { AppShell } from "./pages/app.pages.js";
import { signedInPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Monday 10:30 in Shanghai. */
const NOW = "2026-12-07T02:30:00Z";
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "aftersales");
const MEMBER = "zhao.lei@demo.dayclear.local";
const LEAD = "wang.fang@demo.dayclear.local";
const OPS_MEMBER = "chen.siyuan@demo.dayclear.local";

interface Case {
  id: string;
  caseKey: string;
  platformOrderId: string | null;
  state: string;
  dueAt: string | null;
  version: number;
  assigneeMemberId: string | null;
}

/** Sends an after-sales export to the import endpoint as the raw body, as a script would. */
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
  return (await res.json()) as { created: number };
}

// The open ones: the demo's finished cases (every refund of its three months) are hundreds.
const allCases = async (s: ApiSession) =>
  (await call<{ items: Case[] }>(s, "GET", "/aftersales/cases?state=open&limit=200")).items;

for (const dialect of DIALECTS) {
  describe(`售后 cases on a phone and at a desk (zh-CN, demo shop, ${dialect})`, () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let password: string;
    let lead: ApiSession;
    let manual: Case;
    const name = (step: string) => `aftersales-${dialect}-${step}`;
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);
    const open = async (viewport: { width: number; height: number }, email: string) => {
      const context = await browser.newContext({
        viewport,
        locale: "zh-CN",
        reducedMotion: "reduce",
        deviceScaleFactor: 1,
      });
      contexts.push(context);
      return signedInPage(context, server.url, email, password, name);
    };

    beforeAll(async () => {
      server = await startServer({ clock: testClock(NOW), dialect });
      ({ password } = await openDemo(server.url));
      browser = await launchSharedChromium();
      // Seeded as a script would: the 客服 lead imports Taobao's refunds export and opens a
      // return by hand from one of the demo's Taobao orders.
      lead = await login(server.url, LEAD, password);
      const shops = await call<{ items: { id: string; platform: string }[] }>(
        lead,
        "GET",
        "/shops",
      );
      const taobao = shops.items.find((s) => s.platform === "taobao")!;
      expect((await importFile(lead, taobao.id, "taobao-refunds-202610.csv")).created).toBe(2);
      const orders = await call<{ items: { id: string; items: unknown[] }[] }>(
        lead,
        "GET",
        `/orders?shopId=${taobao.id}&limit=20`,
      );
      const order = orders.items.find((o) => o.items.length > 0)!;
      manual = await call<Case>(lead, "POST", "/aftersales/cases", {
        orderId: order.id,
        type: "return_refund",
        reason: "尺码偏小",
        requestedFen: 1990,
        lines: [{ orderLineNo: 1 }],
      });
      // The demo's own cases were routed first, so the lead gives this one to 赵磊 herself.
      const members = await call<{ items: { id: string; name: string }[] }>(
        lead,
        "GET",
        "/members",
      );
      const zhao = members.items.find((m) => m.name === "赵磊")!;
      if (manual.assigneeMemberId !== zhao.id)
        manual = await call<Case>(lead, "POST", `/aftersales/cases/${manual.id}/assign`, {
          memberId: zhao.id,
          version: manual.version,
        });
    }, 180_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    it(
      "a 客服 member on a phone works a case by deadline: in progress, waiting for the buyer, in the history",
      { timeout: 150_000 },
      async () => {
        const page = await open({ width: 390, height: 844 }, MEMBER);
        // His Today first: the case routed to him, with its countdown and the minutes it is
        // estimated to take (the engine keeps them free of plan work).
        await page.goto(`${server.url}/today`);
        const todayCases = page.getByTestId("today-case");
        await expect
          .poll(() => todayCases.allInnerTexts())
          .toContainEqual(expect.stringContaining(manual.platformOrderId!));
        expect(await page.getByTestId("today-cases-summary").innerText()).toMatch(
          /未完结 \d+ 个 · 约 [\d.]+ 小时/,
        );
        await shot(page, "member-390-zh-today");
        await new AppShell(page).navigate("售后", "/aftersales");
        const list = new AftersalesListPage(page);
        await expect.poll(async () => (await list.shown()).length).toBeGreaterThanOrEqual(2);
        // Soonest due first: the overdue Taobao refund (its 超时时间 passed) heads the list, red;
        // no overdue case comes after one that is not.
        const shown = await list.shown();
        expect(shown[0]).toMatchObject({ key: "R20261006002", overdue: true });
        expect(shown[0]!.text).toContain("已超时");
        expect(shown[0]!.text).toContain("¥50.00");
        const flags = shown.map((c) => c.overdue);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        expect(shown.map((c) => c.key)).toContain(manual.caseKey);
        await shot(page, "member-390-zh-list");

        await list.caseWithKey(manual.caseKey).click();
        const c = new CasePage(page);
        await c.root().waitFor();
        await expect.poll(() => c.state().innerText()).toBe("新建");
        expect(await c.facts().innerText()).toContain("¥19.90");
        await c.move("in_progress").click();
        await expect.poll(() => c.state().innerText()).toBe("处理中");
        // The server's moves from there: waiting for the buyer is one of them for a return.
        await c.move("waiting_buyer").click();
        await expect.poll(() => c.state().innerText()).toBe("等待买家退货");
        // Opened by 王芳 first (routing may add who it went to), the member's two moves last.
        await expect
          .poll(async () => {
            const h = await c.historyTexts();
            return [h[0], ...h.slice(-2)];
          })
          .toEqual([
            expect.stringContaining("王芳"),
            expect.stringContaining("赵磊：新建 → 处理中"),
            expect.stringContaining("赵磊：处理中 → 等待买家退货"),
          ]);
        await shot(page, "member-390-zh-case");

        // The same history in English after switching the language.
        await new AppShell(page).switchLanguage("English");
        await expect
          .poll(() => c.historyTexts())
          .toContainEqual(
            expect.stringContaining("赵磊: In progress → Waiting for the buyer's return"),
          );
        await shot(page, "member-390-en-case");
        await new AppShell(page).navigate("After-sales", "/aftersales");
        await expect.poll(async () => (await list.shown())[0]?.text).toContain("overdue");
        await shot(page, "member-390-en-list");

        // The server kept it: waiting for the buyer, by the member.
        const stored = (await allCases(lead)).find((x) => x.id === manual.id)!;
        expect(stored.state).toBe("waiting_buyer");
      },
    );

    it(
      "someone outside 客服 sees the case without moves; the 客服 lead's import with bad rows names row and column and imports nothing",
      { timeout: 150_000 },
      async () => {
        const ops = await open({ width: 1440, height: 900 }, OPS_MEMBER);
        await ops.goto(`${server.url}/aftersales/cases/${manual.id}`);
        const opsCase = new CasePage(ops);
        await opsCase.root().waitFor();
        await expect.poll(() => opsCase.state().innerText()).toBe("等待买家退货");
        expect(await opsCase.moves().count()).toBe(0);
        expect(await opsCase.assign().count()).toBe(0);
        await ops.goto(`${server.url}/aftersales`);
        await new AftersalesListPage(ops).cases().first().waitFor();
        expect(await new AftersalesListPage(ops).importButton().count()).toBe(0);

        const before = await allCases(lead);
        const page = await open({ width: 1440, height: 900 }, LEAD);
        const list = new AftersalesListPage(page);
        await list.goto(server.url);
        await expect.poll(async () => (await list.shown()).length).toBeGreaterThanOrEqual(1);
        expect((await list.shown())[0]).toMatchObject({ key: "R20261006002", overdue: true });
        await shot(page, "lead-1440-zh-list");

        // The lead gives the member's case to 刘婷 from the case page; its history says so.
        await page.goto(`${server.url}/aftersales/cases/${manual.id}`);
        const leadCase = new CasePage(page);
        await leadCase.root().waitFor();
        await expect.poll(() => leadCase.assign().innerText()).toContain("赵磊");
        await leadCase.reassignTo("刘婷");
        await expect.poll(() => leadCase.assign().innerText()).toContain("刘婷");
        await expect.poll(async () => (await leadCase.historyTexts()).at(-1)).toContain("刘婷");
        await shot(page, "lead-1440-zh-reassigned");
        expect((await allCases(lead)).find((x) => x.id === manual.id)!.assigneeMemberId).not.toBe(
          manual.assigneeMemberId,
        );
        await list.goto(server.url);

        await list.importButton().click();
        const dialog = new CaseImportDialog(page);
        await dialog.form().waitFor();
        await dialog.chooseFile(join(FIXTURES, "taobao-refunds-broken.csv"));
        await dialog.check().click();
        await dialog.refused().waitFor();
        expect(await dialog.refused().innerText()).toContain("已拒绝，未导入任何数据：共 3 个问题");
        const problems = await dialog.problemList();
        expect(problems.map((p) => [p.row, p.column])).toEqual([
          ["行 3", "列 退款状态"],
          ["行 4", "列 买家退款金额"],
          ["行 5", "列 退款编号"],
        ]);
        expect(problems[1]!.text).toContain("“五十元”不是金额");
        expect(await dialog.commit().isDisabled()).toBe(true);
        await shot(page, "lead-1440-zh-import-refused");
        await dialog.cancel();

        // Nothing of the file was imported: the same cases as before, none of its case ids.
        const after = await allCases(lead);
        expect(after.map((x) => x.caseKey).sort()).toEqual(before.map((x) => x.caseKey).sort());
        expect(after.map((x) => x.caseKey)).not.toContain("R20261006005");

        await new AppShell(page).switchLanguage("English");
        await expect.poll(() => list.summary().innerText()).toMatch(/case\(s\) shown/);
        await shot(page, "lead-1440-en-list");
      },
    );
  });
}
