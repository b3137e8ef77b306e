// The packer's day in the browser (issue 14, "Done when"), on the demo shop, on a 390 px phone in
// Chinese, on both databases: 何军 of 物流 signs in and lands on 待发货; the overdue orders come
// first; he batches them, prints their 100×150 mm labels to PDF (one page per parcel, each with its
// order number), the A4 pick list (each SKU's total) and the A4 packing slips (each parcel id, order
// number and memo) — read back with pdftotext, a page of each drawn to PNG — scans each
// slip and waybill at the pack station like a barcode scanner and sees each parcel shipped, prints the hand-over manifest (each waybill on it), and is stopped by the
// order of the demo's printed batch that was refunded after its slip was printed. The rights hold:
// a 运营 member may not pack; the 物流 lead may only while the owner grants 物流 its function.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import {
  LogisticsBatchPage,
  LogisticsQueuePage,
  PackStationPage,
  pdfInfo,
  pdfPagePng,
  pdfPagesText,
  printToPdf,
} from "./pages/logistics.pages.js";
import { call, login, openDemo, type ApiSession } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

/** Tuesday 10:30 in Shanghai: the morning's Taobao wave is out, the demo's next batch printed. */
const NOW = "2026-12-08T02:30:00Z";
const PDFS = join(SCREENSHOTS, "..", "pdf");
const PACKER = "he.jun@demo.dayclear.local";
const LEAD = "ma.qiang@demo.dayclear.local";
const OPS_MEMBER = "chen.siyuan@demo.dayclear.local";

interface Summary {
  orders: number;
  overdue: number;
}
interface BatchRow {
  id: string;
  number: string;
  status: string;
  parcels: number;
  shipped: number;
}
interface Queued {
  platformOrderId: string;
  buyerMemo: string | null;
  sellerMemo: string | null;
  items: { sku: string | null; quantity: number }[];
}
interface Batch {
  parcels: { id: string; orderIds: string[]; platformOrderIds: string[] }[];
}

/** An API call whose refusal is the point: its status and problem code. */
async function attempt(
  s: ApiSession,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; code?: string; outcome?: string }> {
  const res = await fetch(`${s.base}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", origin: s.base, cookie: s.cookie },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { code?: string; outcome?: string };
  return { status: res.status, code: json.code, outcome: json.outcome };
}

for (const dialect of DIALECTS) {
  describe(`物流 packer on a 390 px phone (zh-CN, demo shop, ${dialect})`, () => {
    let server: RunningServer;
    let browser: { context: BrowserContext; close: () => Promise<void> };
    let page: Page;
    let password: string;
    let ownerLogin: { email: string; password: string };
    const name = (step: string) => `logistics-packer-${dialect}-${step}`;
    /** A screenshot (the whole page, or the first screen of a long list) that must not overflow. */
    const shot = async (step: string, o = { wholePage: true }) => {
      if (o.wholePage) await screenshot(page, SCREENSHOTS, name(step));
      else await page.screenshot({ path: `${SCREENSHOTS}/${name(step)}.png` });
      expect(await horizontalOverflow(page), `${step} overflows sideways`).toBeLessThanOrEqual(0);
    };

    beforeAll(async () => {
      mkdirSync(PDFS, { recursive: true });
      server = await startServer({ clock: testClock(NOW), dialect });
      ownerLogin = await openDemo(server.url);
      password = ownerLogin.password;
      // The shop's time zone: the queue's ship-by times and the slips' dates read as the packer reads them.
      browser = await launchChromium({ width: 390, height: 844 }, "zh-CN", {
        timezoneId: "Asia/Shanghai",
      });
      page = await browser.context.newPage();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it(
      "works the queue overdue first, prints a batch, scans it out and is stopped by a refunded order",
      { timeout: 240_000 },
      async () => {
        onTestFailed(async () => {
          await page.screenshot({ path: `${SCREENSHOTS}/${name("FAILED")}.png`, fullPage: true });
        });
        const packerApi = await login(server.url, PACKER, password);
        const before = await call<Summary>(packerApi, "GET", "/logistics/queue/summary");
        expect(before.overdue).toBeGreaterThan(0);

        // Signs in and lands on the queue, not on Today.
        const signIn = new LoginPage(page);
        await signIn.goto(server.url);
        await signIn.signIn(PACKER, password);
        expect(new URL(page.url()).pathname).toBe("/logistics");
        const queue = new LogisticsQueuePage(page);
        await expect
          .poll(() => queue.summary().innerText())
          .toContain(`待发货 ${before.orders} 单 · 逾期 ${before.overdue} 单`);

        // Overdue first: the overdue orders head the list, the rest follow.
        await queue.rows().nth(before.overdue).waitFor();
        const flags = await queue.overdueFlags();
        expect(flags).toEqual(flags.map((_, i) => i < before.overdue));
        expect(await queue.rows().first().innerText()).toContain("已逾期");
        await shot("01-queue", { wholePage: false });

        // He keeps only the overdue ones on screen and takes them all into a batch.
        await queue.overdueOnly();
        await expect.poll(() => queue.rows().count()).toBe(before.overdue);
        const orders: string[] = [];
        for (let i = 0; i < before.overdue; i++) {
          const row = queue.rows().nth(i);
          orders.push(await queue.orderNumber(row));
          await queue.select(row);
        }
        await expect.poll(() => queue.actions().innerText()).toContain(`已选 ${orders.length} 单`);
        // What the paper must say, from the queue's own rows: each order's lines and buyer memo.
        const queued = (
          await call<{ items: Queued[] }>(
            packerApi,
            "GET",
            "/logistics/queue?overdue=true&limit=200",
          )
        ).items.filter((o) => orders.includes(o.platformOrderId));
        expect(queued.map((o) => o.platformOrderId).sort()).toEqual([...orders].sort());
        await shot("02-selected");
        await queue.makeBatch();
        const batchUrl = page.url();
        const batchId = new URL(batchUrl).pathname.split("/").pop()!;
        const batch = new LogisticsBatchPage(page);
        await expect.poll(() => batch.root().innerText()).toContain(`${orders.length} 个包裹 ·`);
        expect(await batch.heading().innerText()).toMatch(/^B20261208-\d\d$/);
        const batchNumber = await batch.heading().innerText();
        expect(await batch.parcels().count()).toBe(orders.length);
        for (const o of orders) expect(await batch.root().innerText()).toContain(o);
        expect(await batch.root().innerText()).toContain("待打印");
        await shot("03-batch");

        // The labels, printed to PDF: one 100×150 mm page per parcel, each with its order number.
        await batch.openPrint("labels");
        const parcelIds = await batch.barcodes();
        expect(parcelIds).toHaveLength(orders.length);
        // On the phone the labels' preview fits the screen: nothing to scroll sideways.
        expect(await batch.sheetOverflow()).toBeLessThanOrEqual(0);
        await shot("04-labels");
        const labelsPdf = join(PDFS, `${name("labels")}.pdf`);
        await printToPdf(page, labelsPdf);
        const labels = pdfInfo(labelsPdf);
        expect(labels.pages).toBe(orders.length);
        expect(labels.sizes).toEqual(orders.map(() => ({ width: 100, height: 150 })));
        const labelPages = pdfPagesText(labelsPdf);
        // Each page names exactly one of the orders, and every order has its page.
        expect(labelPages.map((p) => orders.filter((o) => p.includes(o)).join()).sort()).toEqual(
          [...orders].sort(),
        );
        // Its address as the platform gives it, once (the order's address holds the province).
        const owner = await login(server.url, ownerLogin.email, ownerLogin.password);
        const mine = await call<Batch>(packerApi, "GET", `/logistics/batches/${batchId}`);
        for (const p of labelPages) {
          expect(p).toMatch(/发货单[\s\S]*收件人/);
          const parcel = mine.parcels.find((x) => p.includes(x.platformOrderIds[0]!))!;
          const order = await call<{ address: string }>(
            owner,
            "GET",
            `/orders/${parcel.orderIds[0]}`,
          );
          expect(p.split("\n").map((l) => l.trim())).toContain(order.address);
        }
        expect(pdfPagePng(labelsPdf, 1)).toMatch(/\.png$/);
        await batch.closePrint();

        // The pick list, printed: A4, the batch's pieces, and each SKU's total over its orders
        // (one parcel per order here) on the SKU's own line with the number of parcels that hold it.
        await batch.openPrint("pick");
        const pickPdf = join(PDFS, `${name("pick")}.pdf`);
        await printToPdf(page, pickPdf);
        const pick = pdfInfo(pickPdf);
        expect(pick.pages).toBeGreaterThanOrEqual(1);
        expect(pick.sizes.every((z) => z.width === 210 && z.height === 297)).toBe(true);
        const pickText = pdfPagesText(pickPdf).join("\n");
        const lines = queued.flatMap((o) => o.items);
        const pieces = lines.reduce((n, l) => n + l.quantity, 0);
        expect(pickText).toContain(`拣货单 ${batchNumber}`);
        expect(pickText).toContain(`${orders.length} 个包裹 · 共 ${pieces} 件`);
        const skus = new Map<string, { quantity: number; parcels: Set<string> }>();
        for (const o of queued)
          for (const l of o.items)
            if (l.sku) {
              const e = skus.get(l.sku) ?? { quantity: 0, parcels: new Set<string>() };
              e.quantity += l.quantity;
              e.parcels.add(o.platformOrderId);
              skus.set(l.sku, e);
            }
        expect(skus.size).toBeGreaterThan(0);
        const pickLines = pickText.split("\n");
        for (const [sku, e] of skus) {
          const row = pickLines.find((l) => l.includes(` ${sku} `) || l.startsWith(`${sku} `));
          expect(row, `the pick list has a line for ${sku}`).toBeDefined();
          expect(row!.trimEnd(), sku).toMatch(new RegExp(`\\s${e.quantity}\\s+${e.parcels.size}$`));
        }
        expect(pdfPagePng(pickPdf, 1)).toMatch(/\.png$/);
        await batch.closePrint();

        // The A4 packing slips, printed: every parcel's slip once, with its barcode's parcel id,
        // its order number and the buyer's memo as the buyer wrote it.
        await batch.openPrint("slips");
        const slipsPdf = join(PDFS, `${name("slips")}.pdf`);
        await printToPdf(page, slipsPdf);
        const slips = pdfInfo(slipsPdf);
        expect(slips.sizes.every((z) => z.width === 210 && z.height === 297)).toBe(true);
        const slipsText = pdfPagesText(slipsPdf).join("\n");
        expect(slipsText.match(/发货单/g)?.length).toBe(orders.length);
        for (const id of parcelIds) expect(slipsText.split(id).length - 1, id).toBe(1);
        for (const o of orders) expect(slipsText).toContain(o);
        const flat = slipsText.replace(/\s+/g, "");
        // The demo's orders carry sellers' memos (商家备注) and no buyer's memo yet: each memo there
        // is must be on its slip, under its own name.
        const memos = queued.flatMap((o) => [
          ...(o.buyerMemo ? [`买家留言：${o.buyerMemo}`] : []),
          ...(o.sellerMemo ? [`商家备注：${o.sellerMemo}`] : []),
        ]);
        expect(memos.length, "an order of the batch with a memo").toBeGreaterThan(0);
        for (const m of memos) expect(flat).toContain(m.replace(/\s+/g, ""));
        expect(pdfPagePng(slipsPdf, 1)).toMatch(/\.png$/);
        await batch.closePrint();
        await batch.markPrinted();
        await expect.poll(() => batch.root().innerText()).toContain("已打印");

        // The pack station: each slip, then its waybill, typed by the scanner and ended by Enter.
        const shell = new AppShell(page);
        await shell.navigate("打包台", "/logistics/pack");
        const station = new PackStationPage(page);
        await station.waitForStep("slip");
        const waybills = parcelIds.map((_, i) => `SF14260812${String(i + 1).padStart(5, "0")}`);
        // Each box on the scale: 0.6 kg, 0.7 kg, … typed into the weight field.
        const grams = parcelIds.map((_, i) => 600 + 100 * i);
        const shippedOrders: string[] = [];
        for (const [i, id] of parcelIds.entries()) {
          await station.scan(id);
          await station.waitForStep("waybill");
          const panel = await station.parcel().innerText();
          const order = orders.find((o) => panel.includes(o));
          expect(order, `the parcel ${id} shows its order`).toBeDefined();
          shippedOrders.push(order!);
          await station.weigh(grams[i]! / 1000);
          if (i === 0) await shot("05-pack-waybill");
          await station.scan(waybills[i]!);
          await expect
            .poll(() => station.shipped().innerText())
            .toContain(
              `已发货：订单 ${order}，顺丰速运 ${waybills[i]}，${(grams[i]! / 1000).toFixed(3)} 千克`,
            );
          await station.waitForStep("slip");
        }
        expect([...shippedOrders].sort()).toEqual([...orders].sort());
        await expect
          .poll(async () => (await station.recent().innerText()).match(/成功/g)?.length ?? 0)
          .toBeGreaterThanOrEqual(Math.min(parcelIds.length * 2, 8));
        await shot("06-pack-shipped");

        // The demo's printed batch holds an order refunded after its slip was printed: its slip
        // stops him, loud, and nothing more is scanned until he puts the box aside.
        const batches = await call<{ items: BatchRow[] }>(packerApi, "GET", "/logistics/batches");
        const demoBatch = batches.items.find(
          (b) => b.status === "printed" && b.shipped === 0 && b.number !== batchNumber,
        );
        expect(demoBatch, "the demo's printed batch waiting to be packed").toBeDefined();
        const held = await call<Batch>(packerApi, "GET", `/logistics/batches/${demoBatch!.id}`);
        let refunded: { parcelId: string; orderId: string; number: string } | undefined;
        for (const p of held.parcels) {
          const o = await call<{ status: string; refund: string; total: string }>(
            owner,
            "GET",
            `/orders/${p.orderIds[0]}`,
          );
          if (o.status === "refunded" || Number(o.refund) >= Number(o.total))
            refunded = { parcelId: p.id, orderId: p.orderIds[0]!, number: p.platformOrderIds[0]! };
        }
        expect(refunded, "a parcel of the demo batch whose order was refunded").toBeDefined();
        await station.scan(refunded!.parcelId);
        await station.stop().waitFor();
        expect(await station.stop().getAttribute("data-outcome")).toBe("refunded");
        expect(await station.stop().innerText()).toContain("已退款 · 请勿发货");
        expect(await station.stopText().innerText()).toContain(
          `已退款：订单 ${refunded!.number} 已全额退款`,
        );
        expect(await station.input().count()).toBe(0);
        await shot("07-pack-refunded");
        await station.acknowledge();
        await station.waitForStep("slip");
        const stillThere = await call<{ status: string; waybillNo: string | null }>(
          packerApi,
          "GET",
          `/logistics/parcels/${refunded!.parcelId}`,
        );
        expect([stillThere.status, stillThere.waybillNo]).toEqual(["open", null]);

        // His batch: every parcel shipped; the hand-over manifest lists every waybill.
        await page.goto(batchUrl);
        await batch.root().waitFor();
        await expect.poll(() => batch.root().innerText()).toContain(`已发出 ${orders.length} 个`);
        expect((await batch.root().innerText()).match(/已发出/g)?.length).toBe(orders.length + 1);
        for (const w of waybills) expect(await batch.root().innerText()).toContain(w);
        await shot("08-batch-shipped");
        await batch.openPrint("manifest");
        const manifestPdf = join(PDFS, `${name("manifest")}.pdf`);
        await printToPdf(page, manifestPdf);
        const manifest = pdfInfo(manifestPdf);
        expect(manifest.pages).toBe(1); // one carrier, 顺丰
        expect(manifest.sizes).toEqual([{ width: 210, height: 297 }]);
        const manifestText = pdfPagesText(manifestPdf).join("\n");
        expect(manifestText).toContain("交接单");
        expect(manifestText).toContain("顺丰速运 (SF)");
        const kg = (grams.reduce((a, b) => a + b, 0) / 1000).toFixed(2);
        expect(manifestText).toContain(`共 ${orders.length} 件 · ${kg} kg`);
        expect(manifestText).not.toContain("未称重");
        for (const w of waybills) expect(manifestText).toContain(w);
        for (const o of orders) expect(manifestText).toContain(o);
        await batch.closePrint();

        // The queue no longer holds them: nothing overdue.
        await page.goto(`${server.url}/logistics?overdue=true`);
        await expect
          .poll(() => queue.summary().innerText())
          .toContain(`待发货 ${before.orders - orders.length} 单 · 逾期 0 单`);
        await expect.poll(() => queue.root().innerText()).toContain("没有待发货订单");

        // Rights: a 运营 member may not pack; the 物流 lead may while 物流 holds the logistics
        // function the owner set, and neither he nor the packer once the owner takes it away.
        const ops = await login(server.url, OPS_MEMBER, password);
        const slip = { code: refunded!.parcelId };
        expect(await attempt(ops, "POST", "/logistics/pack/slip", slip)).toMatchObject({
          status: 403,
          code: "logistics.pack_forbidden",
        });
        expect(
          await attempt(ops, "POST", "/logistics/batches", { orderIds: [refunded!.orderId] }),
        ).toMatchObject({ status: 403, code: "logistics.pack_forbidden" });
        const lead = await login(server.url, LEAD, password);
        expect(await attempt(lead, "POST", "/logistics/pack/slip", slip)).toMatchObject({
          status: 200,
          outcome: "refunded",
        });
        const depts = await call<{ items: { id: string; name: string; version: number }[] }>(
          owner,
          "GET",
          "/departments",
        );
        const logistics = depts.items.find((d) => d.name === "物流")!;
        await call(owner, "PATCH", `/departments/${logistics.id}`, {
          version: logistics.version,
          function: "none",
        });
        for (const who of [lead, packerApi])
          expect(await attempt(who, "POST", "/logistics/pack/slip", slip)).toMatchObject({
            status: 403,
            code: "logistics.pack_forbidden",
          });
      },
    );
  });
}
