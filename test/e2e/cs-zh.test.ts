// Customer-service performance in the browser (issue 6), on the demo shop: the owner sees October
// per agent from the demo's 91 days, uploads a 千牛 export (GBK) naming two accounts nobody is linked
// to — refused with row 3 / 4 and column 旺旺, nothing stored — links them to 刘婷 and 赵磊 in place,
// sends the same file again and sees their October grow by exactly the file's numbers. Then 刘婷
// reads the page in English on a phone, without the import.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { AJIE, qianniuCsv, XIAOMEI } from "../fixtures/cs/build.js";
import { launchChromium } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshot } from "./pages/common.js";
import { CsPage } from "./pages/cs.pages.js";
import { call, login, openDemo } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

type Summary = { members: { name: string; inquirers: number; paying: number }[] };

describe("客服绩效: month per agent, refused import, link in place, import (zh-CN); read-only on a phone (en)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let owner: Page;
  let agent: Page;
  let demo: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    demo = await openDemo(server.url);
    browsers.push(
      await launchChromium({ width: 1280, height: 860 }, "zh-CN"),
      await launchChromium({ width: 390, height: 844 }, "en"),
    );
    owner = await browsers[0]!.context.newPage();
    agent = await browsers[1]!.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it(
    "imports a 千牛 export after linking its accounts, and shows the month per agent",
    { timeout: 180_000 },
    async () => {
      onTestFailed(async () => {
        await owner.screenshot({ path: `${SCREENSHOTS}/cs-zh-FAILED.png`, fullPage: true });
      });
      const api = await login(server.url, demo.email, demo.password);
      const october = async () =>
        (await call<Summary>(api, "GET", "/cs-metrics/summary?from=2026-10-01&to=2026-10-31"))
          .members;
      const before = await october();
      const of = (list: Summary["members"], name: string) => list.find((m) => m.name === name)!;
      expect(before.map((m) => m.name).sort()).toEqual(["刘婷", "王芳", "赵磊"].sort());

      const login1 = new LoginPage(owner);
      await login1.goto(server.url);
      await login1.signIn(demo.email, demo.password);
      const cs = new CsPage(owner);
      await cs.goto(server.url, "2026-10");
      await cs.agent("刘婷").waitFor();
      expect(await cs.summary().innerText()).toContain(
        of(before, "刘婷").inquirers.toLocaleString("en-US"),
      );

      await cs.sendFile("qianniu-cs-202610.csv", Buffer.from(qianniuCsv()));
      await cs.problems().waitFor();
      const refused = await cs.problems().innerText();
      expect(refused).toContain("未导入，没有保存任何数据");
      // In the page's language, not the server's English.
      expect(refused).toMatch(/3\s+旺旺\s+客服账号“日清服饰:小美”还没有关联成员/);
      expect(refused).toMatch(/4\s+旺旺\s+客服账号“日清服饰:阿杰”还没有关联成员/);
      expect(await october()).toEqual(before);
      await screenshot(owner, SCREENSHOTS, "cs-zh-01-refused");

      await cs.linkAndRetry({ [XIAOMEI]: "刘婷 · 客服", [AJIE]: "赵磊 · 客服" });
      await cs.done().waitFor();
      expect(await cs.done().innerText()).toContain("6 条账号日数据（2026-10-01 至 2026-10-03）");
      // 小美's 60 inquirers and 38 paid are 刘婷's now; 阿杰's 40 and 20 赵磊's.
      const after = await october();
      expect([of(after, "刘婷").inquirers, of(after, "刘婷").paying]).toEqual([
        of(before, "刘婷").inquirers + 60,
        of(before, "刘婷").paying + 38,
      ]);
      expect([of(after, "赵磊").inquirers, of(after, "赵磊").paying]).toEqual([
        of(before, "赵磊").inquirers + 40,
        of(before, "赵磊").paying + 20,
      ]);
      await expect.poll(() => cs.agent("刘婷").innerText()).toContain(XIAOMEI);
      await expect
        .poll(() => cs.summary().innerText())
        .toContain(of(after, "刘婷").inquirers.toLocaleString("en-US"));
      await screenshot(owner, SCREENSHOTS, "cs-zh-02-imported");

      // 刘婷 on a phone, in English: her month as a card, no import, the accounts read-only.
      const login2 = new LoginPage(agent);
      await login2.goto(server.url);
      await login2.signIn("liu.ting@demo.dayclear.local", demo.password);
      const mine = new CsPage(agent);
      await mine.goto(server.url, "2026-10");
      await mine.agent("刘婷").waitFor();
      expect(await mine.agent("刘婷").innerText()).toMatch(/Inquirers\s+[\d,]+\s+Paid/);
      expect(await mine.root().innerText()).toContain(
        "Only the owner and the leads of a department with the Customer service function",
      );
      expect(await mine.upload().count()).toBe(0);
      expect(
        await agent.evaluate<number>("document.documentElement.scrollWidth"),
      ).toBeLessThanOrEqual(390);
      await screenshot(agent, SCREENSHOTS, "cs-en-phone");
    },
  );
});
