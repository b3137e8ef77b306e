// The 物流 lead's and the owner's logistics in the browser (issue 14, "Done when"), on the demo shop,
// on both databases, the lead at 1440 px and the owner at a desk; on SQLite the lead also lands on
// 待发货 on a 390 px phone (the packing load as the phone's list).
// The lead (马强, in Chinese) lands on 待发货 and sees tomorrow's
// packing load and who is short; refuses a broken rate card (each problem with its row and column,
// nothing stored), imports 中通's new card and sees the parcels re-costed — a parcel's cost and its
// formula on the batch page — and the cheapest carrier for a parcel with the carriers left out;
// imports 中通's bill and reconciles it: the overcharged lines with their difference in 元, the
// waybill the shop never shipped. The owner (in English) reads the logistics dashboard: figures,
// charts, the lead's bill, no error. The lead makes Taobao's write-back file for yesterday's batch
// (downloaded), the owner imports the platform's next export where the orders carry those waybills,
// and the check says they agree — but for the one order the upload missed, which it lists.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium, UI_TIMEOUT } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow } from "./pages/common.js";
import {
  carrierBill,
  readWriteback,
  taobaoNextExport,
  type ApiOrder,
  type BatchParcel,
  type WritebackLine,
} from "./pages/logistics-lead.fixtures.js";
import {
  BatchCosts,
  BillsPage,
  LogisticsDashboard,
  PackingLoad,
  pickContaining,
  RatesPage,
  WritebackDialog,
} from "./pages/logistics-lead.pages.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { ShopDataPage } from "./pages/shop-data.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Thursday 26 November 2026, 10:00 in Shanghai: this morning's Taobao wave is out. */
const NOW = "2026-11-26T02:00:00Z";
const TODAY = "2026-11-26";
const LEAD = "ma.qiang@demo.dayclear.local";
const TAOBAO = "日清服饰 天猫旗舰店";
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "logistics");
const fixture = (name: string) => ({ name, buffer: readFileSync(join(FIXTURES, name)) });
/** The provinces of zone 二区 in test/fixtures/logistics/zto-rates-202612.csv (0–3 kg: 4.00 flat). */
const ZONE_2 =
  "北京 天津 河北 山西 辽宁 吉林 黑龙江 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 陕西";
const fen = (yuan: string) => Math.round(Number(yuan.replace(/[¥,+]/g, "")) * 100);
const yuan = (f: number) => `¥${(f / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

interface BatchRow {
  id: string;
  number: string;
}
const batchByNumber = async (s: ApiSession, number: string) => {
  const list = await call<{ items: BatchRow[] }>(s, "GET", "/logistics/batches?limit=20");
  const row = list.items.find((b) => b.number === number);
  if (!row) throw new Error(`no batch ${number}`);
  return call<{ id: string; parcels: BatchParcel[] }>(s, "GET", `/logistics/batches/${row.id}`);
};

/** One Chromium for the two people, each in a context of their own (own cookies, own language). */
const launchBrowser = launchSharedChromium;
async function newPage(browser: Browser, locale: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    locale,
    timezoneId: "Asia/Shanghai", // the shop's: times on the pages read as the lead reads them
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT);
  // The browser's today is the server's (the card import's and the dashboard's default day).
  await context.clock.setFixedTime(new Date(NOW));
  return context.newPage();
}

for (const dialect of DIALECTS) {
  /** SQLite: the lead on a phone, the shorter path (see the head of the file). */
  const phone = dialect === "sqlite";
  describe(`物流 lead ${phone ? "on a 390 px phone" : "at 1440 px"} and owner (demo shop, ${dialect})`, () => {
    let server: RunningServer;
    /** The server's clock: it moves on once, when the platform's next export comes. */
    const clock = testClock(NOW);
    let browser: Browser | undefined;
    let lead: Page;
    /** SQLite: the lead on a 390 px phone too, for the landing. */
    let leadPhone: Page | undefined;
    let owner: Page;
    let password: string;
    let ownerLogin: { email: string; password: string };
    let leadApi: ApiSession;
    let ownerApi: ApiSession;
    const name = (step: string) => `logistics-lead-${dialect}-${step}`;
    /** A screenshot of what the screen shows (the long pages' rest is asserted, not pictured). */
    const shot = async (page: Page, step: string) => {
      await page.screenshot({ path: `${SCREENSHOTS}/${name(step)}.png`, animations: "disabled" });
      expect(await horizontalOverflow(page), `${step} overflows sideways`).toBeLessThanOrEqual(0);
    };
    const failed = () =>
      onTestFailed(async () => {
        await lead.screenshot({
          path: `${SCREENSHOTS}/${name("FAILED-lead")}.png`,
          fullPage: true,
        });
        await owner.screenshot({
          path: `${SCREENSHOTS}/${name("FAILED-owner")}.png`,
          fullPage: true,
        });
      });

    beforeAll(async () => {
      [server, browser] = await Promise.all([startServer({ clock, dialect }), launchBrowser()]);
      // The sign-in pages load while the demo shop is made.
      const signInPage = async (locale: string, onPhone = false) => {
        const page = await newPage(browser!, locale, onPhone);
        await new LoginPage(page).goto(server.url);
        return page;
      };
      const pages = Promise.all([
        signInPage("zh-CN"),
        signInPage("en"),
        phone ? signInPage("zh-CN", true) : Promise.resolve(undefined),
      ]);
      ownerLogin = await openDemo(server.url);
      password = ownerLogin.password;
      [leadApi, ownerApi] = await Promise.all([
        login(server.url, LEAD, password),
        login(server.url, ownerLogin.email, password),
      ]);
      [lead, owner, leadPhone] = await pages;
      await Promise.all([
        new LoginPage(lead).signIn(LEAD, password),
        new LoginPage(owner).signIn(ownerLogin.email, password),
        ...(leadPhone ? [new LoginPage(leadPhone).signIn(LEAD, password)] : []),
      ]);
      await new AppShell(owner).switchLanguage("English");
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.runIf(phone)(
      "the lead on a phone lands on 待发货 with the next packing day's load",
      { timeout: 120_000 },
      async () => {
        failed();
        expect(new URL(leadPhone!.url()).pathname).toBe("/logistics");
        const load = new PackingLoad(leadPhone!);
        await expect.poll(() => load.memberItems().count()).toBeGreaterThanOrEqual(2);
        const members = await load.card().innerText();
        expect(members).toContain("何军");
        expect(members).toMatch(/人手充足。|\d+ 人不够，共缺 [\d.]+ 小时。/);
        await shot(leadPhone!, "01-queue-packing-load-390");
      },
    );

    it(
      "the lead sees who is short of packing time, refuses a broken rate card, imports 中通's new one, and sees parcels' costs and the cheapest carrier",
      { timeout: 180_000 },
      async () => {
        failed();
        // A 物流 lead lands on 待发货, where the next packing day's load heads the page.
        expect(new URL(lead.url()).pathname).toBe("/logistics");
        {
          // At a desk the load is a table per member (on a phone a list: the test above).
          const load = new PackingLoad(lead);
          await expect.poll(() => load.members().count()).toBeGreaterThanOrEqual(2);
          const members = await load.card().innerText();
          expect(members).toContain("何军");
          expect(members).toContain("马强");
          expect(members).toMatch(/人手充足。|\d+ 人不够，共缺 [\d.]+ 小时。/);
          expect(await load.day().inputValue()).toBe("2026-11-27"); // the next day 物流 works
          await shot(lead, "01-queue-packing-load");
        }

        const shell = new AppShell(lead);
        await shell.navigate("快递与运费", "/logistics/rates");
        const rates = new RatesPage(lead);
        await rates.chooseCarrier("ZTO", "中通快递的价目表");
        await expect.poll(() => rates.cardRows().count()).toBe(1);

        // A broken card: every problem with its row and column, and nothing is stored.
        await rates.importCard(fixture("zto-rates-broken.csv"));
        await expect.poll(() => rates.problems().count()).toBe(4);
        expect(await rates.refused().innerText()).toContain(
          "zto-rates-broken.csv 未导入，没有任何改动",
        );
        const problems = await rates.problems().allInnerTexts();
        expect(problems[0]).toMatch(
          /^3\s+起始重量\s+区域“一区”有断档：超过 3 kg 至 4 kg 的重量没有重量段/,
        );
        expect(problems[1]).toMatch(/^4\s+省份\s+.*江苏/);
        expect(problems[2]).toMatch(/^4\s+省份\s+.*火星/);
        expect(problems[3]).toMatch(/^5\s+续重单位/);
        expect(await rates.cardRows().count()).toBe(1);
        await rates.refused().scrollIntoViewIfNeeded();
        await shot(lead, "02-rate-card-refused");

        // The good card (GBK CSV) from today: 中通's parcels are re-costed.
        await rates.importCard(fixture("zto-rates-202612.csv"));
        await expect
          .poll(() => rates.imported().innerText())
          .toMatch(
            /^中通快递：自 2026-11-26 起的价目表已导入——4 个区域，6 个重量段；已重算 \d+ 个包裹的运费。/,
          );
        expect(await rates.refused().count()).toBe(0);
        expect(await rates.imported().innerText()).toContain("未覆盖: 台湾、香港、澳门");
        await expect.poll(() => rates.cardRows().count()).toBe(2);
        expect(await rates.cardRows().first().innerText()).toMatch(
          /2026-11-26\s+至下一版价目表\s+4 \/ 6/,
        );
        expect(await rates.cardRows().last().innerText()).toMatch(
          /2026-08-28\s+2026-11-25\s+5 \/ 18/,
        );

        // The cheapest carrier for 1.2 kg to 广东: 中通's new 二区 flat 4.00 before 顺丰's 13.00 + 1.50.
        await rates.quote("广东", "1.2");
        await expect.poll(() => rates.quoteRows().count()).toBe(2);
        const [cheapest, next] = await rates.quoteRows().allInnerTexts();
        expect(cheapest).toMatch(/^中通快递\s+最便宜\s+2 kg\s+¥4\.00\s+/);
        expect(cheapest).toContain("二区 0–3 kg 一口价 4.00 = 4.00");
        expect(next).toMatch(/^顺丰速运\s+1\.5 kg\s+¥14\.50\s+/);
        // Carriers without a card are left out, with the reason.
        expect(await rates.leftOut().innerText()).toMatch(/圆通速递: .*没有生效的价目表/);
        await shot(lead, "03-quote-cheapest");

        // This morning's parcels on the batch page: a 中通 parcel to 二区 costs the new card's 4.00.
        const morning = await batchByNumber(leadApi, "B20261126-01");
        const zto = morning.parcels.filter((p) => p.carrierName === "中通快递");
        const zone2 = zto.find(
          (p) => ZONE_2.split(" ").some((z) => p.province?.startsWith(z)) && p.weightG! <= 3000,
        );
        expect(zone2, "a 中通 parcel to 二区 this morning").toBeDefined();
        const sf = morning.parcels.find((p) => p.carrierName === "顺丰速运");
        const batch = new BatchCosts(lead);
        await batch.goto(server.url, morning.id);
        await expect.poll(() => batch.cost(zone2!.id).innerText()).toBe("¥4.00");
        const formula = await batch.formula(zone2!.id);
        expect(formula).toMatch(
          new RegExp(
            `^实重 ${zone2!.weightG! / 1000} kg，按 1 kg 进位 → 计费重 \\d kg；二区 0–3 kg 一口价 4\\.00 = 4\\.00$`,
          ),
        );
        if (sf) expect(await batch.formula(sf.id)).toMatch(/首重 1 kg 1\d\.00/);
        await shot(lead, "04-batch-parcel-costs");
      },
    );

    it(
      "the lead imports 中通's bill and reconciles it: overcharges in 元, the waybill the shop never shipped",
      { timeout: 120_000 },
      async () => {
        failed();
        // Yesterday's 中通 parcels, billed by the carrier at their cost but for two.
        const yesterday = [
          ...(await batchByNumber(leadApi, "B20261125-01")).parcels,
          ...(await batchByNumber(leadApi, "B20261125-02")).parcels,
        ].filter((p) => p.carrierName === "中通快递" && p.cost !== null);
        expect(yesterday.length).toBeGreaterThan(5);
        const [a, b] = yesterday;
        const extra = new Map([
          [a!.waybillNo!, "1.50"],
          [b!.waybillNo!, "0.80"],
        ]);
        const stranger = { waybill: "75390000009999", fee: "6.50" };
        const file = carrierBill("中通对账单-2026-11", "2026-11-25", yesterday, extra, stranger);
        const billed = yesterday.reduce((n, p) => n + fen(p.cost!), 0) + 230 + 650;

        await new AppShell(lead).navigate("快递对账", "/logistics/bills");
        const bills = new BillsPage(lead);
        await bills.importBill("中通快递 (ZTO)", "2026-11", file);
        await expect
          .poll(() => bills.done().innerText())
          .toBe(
            `中通对账单-2026-11.csv：${yesterday.length + 1} 个运单，账单金额 ${yuan(billed)}，超出计算运费 ¥2.30。`,
          );
        // The new bill is chosen: its totals in 元.
        await expect.poll(() => bills.detail().innerText()).toContain("中通对账单-2026-11.csv");
        expect(await bills.total("billed").innerText()).toBe(yuan(billed));
        expect(await bills.total("over").innerText()).toBe("¥2.30");
        expect(await bills.total("unknown").innerText()).toBe("¥6.50");
        expect(await bills.total("under").innerText()).toBe("¥0.00");
        expect(await bills.bill("中通对账单-2026-11.csv").innerText()).toMatch(/2026-11/);

        // The overcharged lines, each with its difference.
        await bills.only("overcharged");
        await expect.poll(() => bills.lines().count()).toBe(2);
        expect(await bills.line(a!.waybillNo!).innerText()).toMatch(
          new RegExp(
            `多收[\\s\\S]*${yuan(fen(a!.cost!) + 150).replace(".", "\\.")}\\s+${yuan(fen(a!.cost!)).replace(".", "\\.")}\\s+\\+¥1\\.50`,
          ),
        );
        expect(await bills.line(b!.waybillNo!).innerText()).toContain("+¥0.80");
        await bills.only("overcharged");
        await bills.only("unknown");
        await expect.poll(() => bills.lines().count()).toBe(1);
        expect(await bills.lines().first().innerText()).toMatch(/75390000009999[\s\S]*未知运单/);
        await shot(lead, "05-bill-reconciled");

        // Reconciling again (parcels as they are now) finds the same.
        await bills.reconcileAgain();
        await lead.locator(".ant-message").getByText("已重新核对。").waitFor();
        expect(await bills.total("over").innerText()).toBe("¥2.30");
      },
    );

    it(
      "the owner reads the logistics dashboard in English: figures, charts, the lead's bill, no error",
      { timeout: 120_000 },
      async () => {
        failed();
        await new AppShell(owner).navigate("Logistics dashboard", "/logistics/dashboard");
        const dash = new LogisticsDashboard(owner);
        await expect.poll(() => dash.value("cost").innerText()).toMatch(/^¥[\d,]+\.\d\d$/);
        expect(fen(await dash.value("cost").innerText())).toBeGreaterThan(0);
        expect(await dash.card("cost").innerText()).toMatch(/\d+ parcels · 0 without a cost/);
        expect(await dash.value("perParcel").innerText()).toMatch(/^¥\d+\.\d\d$/);
        expect(await dash.value("rate").innerText()).toMatch(/^\d+\.\d\d%$/);
        expect(await dash.value("onTime").innerText()).toMatch(/^\d+\.\d\d%$/);
        // The bill the lead imported: what it charged for this month's parcels, 2.30 over.
        expect(await dash.card("billed").innerText()).toContain("over ¥2.30");
        for (const chart of ["trend", "carrier", "province"] as const)
          await expect.poll(() => dash.chart(chart).count()).toBeGreaterThan(0);
        await expect.poll(() => dash.table("cost-packers").count()).toBeGreaterThanOrEqual(2);
        expect(await dash.errors().count()).toBe(0);
        await shot(owner, "06-dashboard-en");
        // Last month: the demo's 中通 bill with its overcharges.
        await dash.preset("Last month");
        await expect.poll(() => dash.card("billed").innerText()).toMatch(/over ¥[1-9]/);
        expect(await dash.errors().count()).toBe(0);
      },
    );

    it(
      "the lead's write-back file for yesterday's Taobao batch comes back agreeing in the platform's next export, the one order missed listed",
      { timeout: 180_000 },
      async () => {
        failed();
        await new AppShell(lead).navigate("打包台", "/logistics/pack");
        const writeback = new WritebackDialog(lead);
        await writeback.open();
        await writeback.chooseShop(TAOBAO);
        await writeback.chooseBatch("波次", "B20261125-01");
        const download = await writeback.make();
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        const file = readWriteback(readFileSync((await download.path())!));
        expect(file.header).toEqual(["订单编号", "物流公司", "运单号"]);
        // One line per order of the batch, with its parcel's waybill and the carrier as Taobao names it.
        const batch = await batchByNumber(leadApi, "B20261125-01");
        const expected = batch.parcels
          .flatMap((p) => p.platformOrderIds.map((o) => `${o} ${p.waybillNo}`))
          .sort();
        expect(file.lines.map((l) => `${l.order} ${l.waybill}`).sort()).toEqual(expected);
        expect(new Set(file.lines.map((l) => l.carrier))).toEqual(
          new Set(["中通快递", "顺丰速运"]),
        );
        await expect.poll(() => writeback.made().innerText()).toContain(String(file.lines.length));
        // Nothing to compare yet: the platform's next export has not come.
        await expect
          .poll(() => writeback.check().innerText())
          .toContain(`${file.lines.length} 个等下次订单导入后核对`);
        expect(await writeback.check().innerText()).toContain("0 个不一致");
        await shot(lead, "07-writeback-made");
        await writeback.close();

        // The platform's next export, after the seller uploaded the file: the orders shipped with
        // those waybills — but for one row the upload missed.
        const shops = await call<{ items: { id: string; name: string }[] }>(
          ownerApi,
          "GET",
          "/shops",
        );
        const shop = shops.items.find((s) => s.name === TAOBAO)!;
        const sent = new Map<string, WritebackLine>(file.lines.map((l) => [l.order, l]));
        const orders: ApiOrder[] = [];
        for (let cursor: string | null = ""; cursor !== null;) {
          const page: {
            items: (ApiOrder & { platformOrderId: string })[];
            nextCursor: string | null;
          } = await call(
            ownerApi,
            "GET",
            `/orders?shopId=${shop.id}&from=2026-11-18&to=2026-11-25&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
          );
          orders.push(...page.items.filter((o) => sent.has(o.platformOrderId)));
          cursor = page.nextCursor;
        }
        expect(orders.length).toBe(sent.size);
        const missed = file.lines[0]!.order;
        const next = taobaoNextExport(orders, sent, `${TODAY}T01:00:00Z`, missed);

        // An hour later the seller has uploaded the file and downloads the platform's next export (a
        // write-back file is checked by the imports made after it).
        clock.set(`${TODAY}T03:00:00Z`);
        await new AppShell(owner).navigate("Orders & imports", "/shop-data");
        const data = new ShopDataPage(owner);
        await pickContaining(owner, data.shopSelect(), TAOBAO);
        await data.upload(next);
        await expect.poll(() => data.commitButton().isEnabled()).toBe(true);
        await data.commitButton().click();
        await expect
          .poll(() => data.history().first().innerText())
          .toContain("ExportOrderList202611.csv");

        await new AppShell(owner).navigate("Pack station", "/logistics/pack");
        const check = new WritebackDialog(owner);
        await check.open();
        await check.chooseShop(TAOBAO);
        await expect
          .poll(() => check.check().innerText())
          .toContain(`${file.lines.length - 1} agree`);
        const text = await check.check().innerText();
        expect(text).toContain("0 wait for the next order import");
        expect(text).toContain("1 disagree");
        expect(await check.mismatches().count()).toBe(1);
        expect(await check.mismatches().first().innerText()).toContain(missed);
        await shot(owner, "08-writeback-check-en");
      },
    );
  });
}
