// The after-sales KPIs on both databases, worked by hand: a November of 15 paid orders in two shops
// and eight cases. The dashboard over HTTP for the owner and the 客服 lead (every case), a 客服
// member (their own cases, no rates) and a 运营 member (refused); one shop's refund rate 3 of 10
// orders = 30.0 %; totals are the sums of the lines; SLA attainment as GET /sla-attainment says;
// the CSV export in the reader's language. Then the 客服 pay template's "+5.00 per bad review
// turned good" read from the cases (an entered count still wins), and goals on after-sales KPIs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Database } from "../../db/database.js";
import type { Services } from "../../server/services.js";
import { StatsRepository } from "../orders/stats.repository.js";
import { PAY_PLAN_TEMPLATES } from "../../core/pay/templates.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { Client, startTestApp, type TestApp } from "../../../test/helpers/http.js";

const V1 = "/api/v1";
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

interface Figures {
  paidOrders: number | null;
  cases: number;
  returns: number;
  ended: number;
  handlingMinutes: number;
  refunds: number;
  refundFen: number;
  savedReturns: number;
  reviewsTurnedGood: number;
  slaMet: number;
  slaBreached: number;
  refundRate: number | null;
  returnRate: number | null;
  avgHandlingMinutes: number | null;
  slaAttainment: number | null;
}
interface Dashboard {
  scope: "all" | "own";
  memberId: string | null;
  shopId: string | null;
  totals: Figures;
  byShop: (Figures & { shopId: string; name: string })[];
  byMember: (Figures & { memberId: string | null; name: string | null })[];
  byReason: (Figures & { reasonCode: string | null })[];
  bySku: (Figures & { sku: string | null })[];
}

let seq = 0;
const uid = (p: string) => `${p}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

/** Paid orders of a shop, one line each of the SKU given, paid on the local day given. */
async function paidOrders(
  database: Database,
  ws: string,
  shopId: string,
  orders: { paidDate: string; sku: string }[],
) {
  for (const o of orders) {
    const id = uid("order");
    const at = sh(`${o.paidDate}T10:00`);
    await database.db
      .insertInto("orders")
      .values({
        workspaceId: ws,
        id,
        shopId,
        platform: "taobao",
        platformOrderId: id,
        orderKey: id,
        status: "completed",
        rawStatus: "交易成功",
        placedAt: at,
        paidAt: at,
        paidDate: o.paidDate,
        shippedAt: null,
        completedAt: null,
        cancelledAt: null,
        currency: "CNY",
        totalFen: 10000,
        goodsFen: 10000,
        shippingFen: 0,
        discountFen: 0,
        refundFen: 0,
        ownRefundFen: 0,
        itemCount: 1,
        customerKey: null,
        buyerRef: null,
        buyerName: null,
        email: null,
        phone: null,
        recipient: null,
        country: null,
        province: null,
        provinceCode: null,
        city: null,
        district: null,
        address: null,
        zip: null,
        trackingNo: null,
        carrier: null,
        sellerMemo: null,
        salesRef: null,
        promisedShipAt: null,
        ownerMemberId: null,
        ownerSource: null,
        raw: "{}",
        contentHash: id,
        importId: "seed",
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await database.db
      .insertInto("orderItems")
      .values({
        workspaceId: ws,
        orderId: id,
        lineNo: 1,
        subOrderId: null,
        title: o.sku,
        sku: o.sku,
        productId: null,
        variant: null,
        quantity: 1,
        unitPriceFen: 10000,
        totalFen: 10000,
      })
      .execute();
  }
  // The shop's daily rollups, as an order import leaves them (pay runs need the month's orders).
  const dates = [...new Set(orders.map((o) => o.paidDate))];
  await new StatsRepository(database.db).rebuildDays(ws, shopId, dates);
}

interface SeedCase {
  shopId: string;
  type: string;
  state: string;
  resolution?: string;
  reasonCode?: string;
  refundFen?: number;
  sku?: string;
  assignee?: string;
  openedAt: string;
  resolvedAt?: string;
}

/** A 好评回访 follow-up done on a local day, its outcome a bad review turned good. */
async function seedTurnedGood(
  database: Database,
  ws: string,
  shopId: string,
  agent: string,
  day: string,
) {
  const id = uid("fu");
  await database.db
    .insertInto("aftersalesFollowups")
    .values({
      workspaceId: ws,
      id,
      ruleId: "rule",
      ruleName: "差评回访",
      sourceKey: `case:${id}`,
      shopId,
      orderId: null,
      caseId: null,
      platformOrderId: null,
      dueDate: day,
      memberId: agent,
      script: "",
      state: "done",
      outcome: "turned_good",
      turnedGood: 1,
      complaintCaseId: null,
      note: null,
      doneAt: `${day}T06:00:00.000Z`,
      doneDate: day,
      doneBy: agent,
      version: 2,
      createdAt: `${day}T01:00:00.000Z`,
    })
    .execute();
}

async function seedCase(database: Database, ws: string, c: SeedCase) {
  const id = uid("case");
  await database.db
    .insertInto("aftersalesCases")
    .values({
      workspaceId: ws,
      id,
      shopId: c.shopId,
      platform: "taobao",
      caseKey: `manual:${id}`,
      platformCaseId: null,
      source: "manual",
      orderId: null,
      platformOrderId: null,
      customerKey: null,
      type: c.type,
      platformType: null,
      state: c.state,
      resolution: c.resolution ?? null,
      platformState: null,
      reason: null,
      reasonCode: c.reasonCode ?? null,
      currency: "CNY",
      requestedFen: c.refundFen ?? 0,
      refundFen: c.refundFen ?? null,
      returnCarrier: null,
      returnWaybill: null,
      inspection: null,
      inspectionNote: null,
      assigneeMemberId: c.assignee ?? null,
      openedAt: c.openedAt,
      firstResponseAt: null,
      decidedAt: null,
      resolvedAt: c.resolvedAt ?? null,
      platformDeadlineAt: null,
      dueAt: null,
      raw: null,
      importId: null,
      version: 1,
      createdBy: null,
      createdAt: c.openedAt,
      updatedAt: c.openedAt,
    })
    .execute();
  if (c.sku)
    await database.db
      .insertInto("aftersalesCaseLines")
      .values({
        workspaceId: ws,
        caseId: id,
        lineNo: 1,
        orderLineNo: null,
        title: c.sku,
        sku: c.sku,
        quantity: 1,
        amountFen: null,
      })
      .execute();
  return id;
}

const SUMMED = [
  "cases",
  "returns",
  "ended",
  "handlingMinutes",
  "refunds",
  "refundFen",
  "savedReturns",
  "reviewsTurnedGood",
  "slaMet",
  "slaBreached",
] as const;
const sum = (lines: Figures[], k: (typeof SUMMED)[number]) => lines.reduce((s, l) => s + l[k], 0);

for (const dialect of DIALECTS) {
  describe(`after-sales KPIs on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock(sh("2026-12-01T10:00"));
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    async function signIn(email: string, password: string, lang = "zh-CN") {
      const c = new Client(t.app, { origin: "http://dayclear.test", "accept-language": lang });
      const r = await c.post("/api/v1/auth/login", { email, password });
      if (r.status !== 200) throw new Error(`login ${r.status} ${r.raw}`);
      return c;
    }

    /** The November of the header: two shops, 15 paid orders, eight cases (one in October). */
    async function november() {
      const x = await buildShopTeam(s);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const ws = x.owner.workspaceId;
      const db = t.tdb.database;
      const a = await s.shops.create(x.owner, { name: "淘宝店", platform: "taobao" });
      const b = await s.shops.create(x.owner, { name: "抖音店", platform: "douyin" });
      // 淘宝店: 10 paid orders, 4 with SKU A-1 and 6 with B-2; 抖音店: 5 paid orders; one order
      // paid on December 1st does not count.
      await paidOrders(db, ws, a.id, [
        ...Array.from({ length: 4 }, () => ({ paidDate: "2026-11-02", sku: "A-1" })),
        ...Array.from({ length: 6 }, () => ({ paidDate: "2026-11-20", sku: "B-2" })),
      ]);
      await paidOrders(db, ws, b.id, [
        ...Array.from({ length: 5 }, () => ({ paidDate: "2026-11-11", sku: "C-3" })),
        { paidDate: "2026-12-01", sku: "C-3" },
      ]);
      const agent = who("客服专员").memberId;
      const lead = who("客服主管").memberId;
      const cases = {
        // 1–3: three refunds in 淘宝店 (19.90 + 50.00 + 25.00 = 94.90), 120 + 1,440 + 30 minutes.
        r1: await seedCase(db, ws, {
          shopId: a.id,
          type: "refund_after_shipping",
          state: "resolved",
          resolution: "refunded",
          reasonCode: "quality",
          refundFen: 1990,
          sku: "A-1",
          assignee: agent,
          openedAt: sh("2026-11-02T10:00"),
          resolvedAt: sh("2026-11-02T12:00"),
        }),
        r2: await seedCase(db, ws, {
          shopId: a.id,
          type: "refund_after_shipping",
          state: "resolved",
          resolution: "refunded",
          reasonCode: "size",
          refundFen: 5000,
          sku: "B-2",
          assignee: agent,
          openedAt: sh("2026-11-03T10:00"),
          resolvedAt: sh("2026-11-04T10:00"),
        }),
        r3: await seedCase(db, ws, {
          shopId: a.id,
          type: "refund_before_shipping",
          state: "resolved",
          resolution: "refunded",
          reasonCode: "quality",
          refundFen: 2500,
          sku: "A-1",
          assignee: lead,
          openedAt: sh("2026-11-05T09:00"),
          resolvedAt: sh("2026-11-05T09:30"),
        }),
        // 4: a return the buyer withdrew (closed, nothing refunded): a return and a saved return, 60 minutes.
        saved: await seedCase(db, ws, {
          shopId: a.id,
          type: "return_refund",
          state: "closed",
          reasonCode: "changed_mind",
          sku: "B-2",
          assignee: agent,
          openedAt: sh("2026-11-06T10:00"),
          resolvedAt: sh("2026-11-06T11:00"),
        }),
        // 5: a bad review (complaint) resolved, 45 minutes (its follow-up below turned it good); 6: one rejected, 15 minutes.
        good: await seedCase(db, ws, {
          shopId: a.id,
          type: "complaint",
          state: "resolved",
          resolution: "reshipped",
          reasonCode: "quality",
          assignee: agent,
          openedAt: sh("2026-11-09T10:00"),
          resolvedAt: sh("2026-11-09T10:45"),
        }),
        bad: await seedCase(db, ws, {
          shopId: a.id,
          type: "complaint",
          state: "resolved",
          resolution: "rejected",
          assignee: agent,
          openedAt: sh("2026-11-10T10:00"),
          resolvedAt: sh("2026-11-10T10:15"),
        }),
        // 7: an exchange still open in 抖音店, nobody has it: a return there (1 of 5 orders).
        open: await seedCase(db, ws, {
          shopId: b.id,
          type: "exchange",
          state: "in_progress",
          reasonCode: "wrong_item",
          sku: "C-3",
          openedAt: sh("2026-11-12T10:00"),
        }),
        // 8: October's refund is not November's.
        october: await seedCase(db, ws, {
          shopId: a.id,
          type: "refund_after_shipping",
          state: "resolved",
          resolution: "refunded",
          refundFen: 9900,
          assignee: agent,
          openedAt: sh("2026-10-20T10:00"),
          resolvedAt: sh("2026-10-21T10:00"),
        }),
      };
      // The complaint's follow-up: the agent recorded the buyer's bad review turned good on 11-09
      // (that, not the complaint's resolution, is what counts); an October one is not November's.
      await seedTurnedGood(db, ws, a.id, agent, "2026-11-09");
      await seedTurnedGood(db, ws, a.id, agent, "2026-10-28");
      return { ...x, who, a, b, agent, lead, cases };
    }

    it("the dashboard: owner and 客服 lead every case, a 客服 member their own, 运营 refused", async () => {
      const x = await november();
      const owner = await signIn(x.email, "owner-password", "en");
      const lead = await signIn(x.who("客服主管").email, x.who("客服主管").password);
      const agent = await signIn(x.who("客服专员").email, x.who("客服专员").password);
      const ops = await signIn(x.who("运营专员").email, x.who("运营专员").password);
      const url = `${V1}/aftersales/dashboard?from=2026-11-01&to=2026-11-30`;

      const all = await owner.get<Dashboard>(url);
      expect(all.status).toBe(200);
      const d = all.body;
      expect([d.scope, d.memberId, d.shopId]).toEqual(["all", null, null]);
      // 3 refunds of 15 paid orders = 20 %, 94.90 refunded; returns: the withdrawn return and the open exchange, 2 of 15.
      expect(d.totals).toMatchObject({
        paidOrders: 15,
        cases: 7,
        refunds: 3,
        refundFen: 9490,
        refundRate: 0.2,
        returns: 2,
        ended: 6,
        // 120 + 1,440 + 30 + 60 + 45 + 15 = 1,710 minutes over 6 ended cases = 285 minutes.
        handlingMinutes: 1710,
        avgHandlingMinutes: 285,
        savedReturns: 1,
        reviewsTurnedGood: 1,
      });
      expect(d.totals.returnRate).toBeCloseTo(2 / 15, 10);
      // By shop: 淘宝店 3 refunds of 10 orders = 30.0 %; 抖音店 no refund of 5, 1 return of 5 = 20 %.
      const shop = (name: string) => d.byShop.find((l) => l.name === name)!;
      expect(shop("淘宝店")).toMatchObject({
        paidOrders: 10,
        refunds: 3,
        refundFen: 9490,
        refundRate: 0.3,
      });
      expect(shop("抖音店")).toMatchObject({
        paidOrders: 5,
        refunds: 0,
        refundRate: 0,
        returns: 1,
        returnRate: 0.2,
      });
      // Per agent: 客服专员 2 refunds (69.90), 5 ended in 1,680 minutes = 336; the lead 1 (25.00) in 30; nobody: the open exchange.
      const member = (id: string | null) => d.byMember.find((l) => l.memberId === id)!;
      expect(member(x.agent)).toMatchObject({
        name: "客服专员",
        refunds: 2,
        refundFen: 6990,
        ended: 5,
        avgHandlingMinutes: 336,
        savedReturns: 1,
        reviewsTurnedGood: 1,
        paidOrders: null,
        refundRate: null,
      });
      expect(member(x.lead)).toMatchObject({ refunds: 1, refundFen: 2500, avgHandlingMinutes: 30 });
      // The lead's refund before shipping, opened Thursday 09:00 and resolved 09:30: all three clocks met.
      expect(member(x.lead)).toMatchObject({ slaMet: 3, slaBreached: 0, slaAttainment: 1 });
      expect(member(null)).toMatchObject({ cases: 1, returns: 1, refunds: 0 });
      // By reason: quality 2 refunds (44.90) of the 15 orders; size 1 (50.00).
      const reason = (code: string | null) => d.byReason.find((l) => l.reasonCode === code)!;
      expect(reason("quality")).toMatchObject({ refunds: 2, refundFen: 4490, paidOrders: 15 });
      expect(reason("quality").refundRate).toBeCloseTo(2 / 15, 10);
      expect(reason("size")).toMatchObject({ refunds: 1, refundFen: 5000 });
      // By SKU: A-1 2 refunds of its 4 orders = 50 %; B-2 1 of 6.
      const sku = (k: string | null) => d.bySku.find((l) => l.sku === k)!;
      expect(sku("A-1")).toMatchObject({
        refunds: 2,
        refundFen: 4490,
        paidOrders: 4,
        refundRate: 0.5,
      });
      expect(sku("B-2")).toMatchObject({ refunds: 1, refundFen: 5000, paidOrders: 6, returns: 1 });
      expect(d.bySku.map((l) => l.sku)).toEqual(["B-2", "A-1", "C-3", null]);
      // Every total is the sum of its lines (reasons and SKUs carry the cases, not the reviews).
      for (const k of SUMMED) {
        expect(sum(d.byShop, k), k).toBe(d.totals[k]);
        expect(sum(d.byMember, k), k).toBe(d.totals[k]);
        if (k !== "reviewsTurnedGood") {
          expect(sum(d.byReason, k), k).toBe(d.totals[k]);
          expect(sum(d.bySku, k), k).toBe(d.totals[k]);
        }
      }
      expect(sum(d.byShop, "refunds") / (d.totals.paidOrders ?? 0)).toBe(d.totals.refundRate);
      // SLA attainment as the SLA route counts it.
      const sla = await owner.get<{ all: { met: number; breached: number } }>(
        `${V1}/aftersales/sla-attainment?from=2026-11-01&to=2026-11-30`,
      );
      expect([d.totals.slaMet, d.totals.slaBreached]).toEqual([
        sla.body.all.met,
        sla.body.all.breached,
      ]);
      expect(d.totals.slaMet + d.totals.slaBreached).toBeGreaterThan(0);

      // The 客服 lead sees the same; one shop by id or name narrows it: 3 of 10 = 30.0 %.
      const byLead = await lead.get<Dashboard>(url);
      expect(byLead.body.totals).toEqual(d.totals);
      const one = await lead.get<Dashboard>(`${url}&shopId=${encodeURIComponent("淘宝店")}`);
      expect(one.body).toMatchObject({
        shopId: x.a.id,
        totals: { paidOrders: 10, refunds: 3, refundFen: 9490, refundRate: 0.3, returns: 1 },
      });
      expect(one.body.byShop.map((l) => l.name)).toEqual(["淘宝店"]);

      // The 客服 member: their own cases only, no orders to divide by.
      const mine = await agent.get<Dashboard>(url);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ scope: "own", memberId: x.agent });
      expect(mine.body.totals).toMatchObject({
        paidOrders: null,
        refundRate: null,
        refunds: 2,
        refundFen: 6990,
        ended: 5,
        avgHandlingMinutes: 336,
        reviewsTurnedGood: 1,
      });
      expect(mine.body.byMember.map((l) => l.memberId)).toEqual([x.agent]);
      expect(mine.body.byShop.map((l) => [l.name, l.refunds, l.paidOrders])).toEqual([
        ["淘宝店", 2, null],
      ]);

      // A 运营 member is refused, as is the export.
      const refused = await ops.get<{ code: string }>(url);
      expect([refused.status, refused.body.code]).toEqual([
        403,
        "rights.customer_service_required",
      ]);
      const refusedCsv = await ops.get(
        `${V1}/aftersales/dashboard/export?from=2026-11-01&to=2026-11-30`,
      );
      expect(refusedCsv.status).toBe(403);

      // Reversed dates 400, an unknown shop 404.
      expect(
        (await owner.get(`${V1}/aftersales/dashboard?from=2026-11-30&to=2026-11-01`)).status,
      ).toBe(400);
      expect((await owner.get(`${url}&shopId=nope`)).status).toBe(404);

      // The export: headed in the reader's language, the shop's 30.0 %, amounts in yuan.
      const csv = await owner.get(
        `${V1}/aftersales/dashboard/export?from=2026-11-01&to=2026-11-30`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const rows = csv.raw
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .map((r) => r.split(","));
      expect(rows[0]!.slice(0, 6)).toEqual([
        "Breakdown",
        "Line",
        "Paid orders",
        "Refunds",
        "Refunded (yuan)",
        "Refund rate (%)",
      ]);
      expect(rows[1]!.slice(0, 6)).toEqual(["Total", "", "15", "3", "94.90", "20.0"]);
      expect(rows.find((r) => r[1] === "淘宝店")!.slice(0, 6)).toEqual([
        "Shop",
        "淘宝店",
        "10",
        "3",
        "94.90",
        "30.0",
      ]);
      expect(rows.find((r) => r[0] === "Reason" && r[3] === "2")![1]).toBe(
        renderMessage("en", { code: "case.reason.quality" }),
      );
      const zh = await lead.get(
        `${V1}/aftersales/dashboard/export?from=2026-11-01&to=2026-11-30&format=xlsx`,
      );
      expect(zh.status).toBe(200);
      expect(zh.headers["content-type"]).toContain("spreadsheetml");
      const leadCsv = await lead.get(
        `${V1}/aftersales/dashboard/export?from=2026-11-01&to=2026-11-30`,
      );
      expect(leadCsv.raw).toContain("退款率（%）");
      expect(leadCsv.raw).toContain("淘宝店,10,3,94.90,30.0");
      // A download link names its language.
      const linked = await lead.get(
        `${V1}/aftersales/dashboard/export?from=2026-11-01&to=2026-11-30&lang=en`,
      );
      expect(linked.raw).toContain("Refund rate (%)");
    });

    it("pay reads bad reviews turned good from the follow-ups; goals read after-sales KPIs", async () => {
      const x = await november();
      const csDept = x.departments.find((d) => d.name === "客服")!.id;
      const plan = await s.payPlans.create(x.owner, {
        templateId: "customer-service",
        effectiveFrom: "2026-11-01",
      });
      await s.payPlans.assign(x.owner, plan.id, {
        targetType: "department",
        targetId: csDept,
        effectiveFrom: "2026-11-01",
      });
      const run = await s.payRuns.compute(x.owner, { period: "2026-11", inputs: [] });
      const line = (r: typeof run, memberId: string) =>
        r.statements
          .find((st) => st.memberId === memberId)!
          .lines.find((l) => l.code === "review-turned-good")!;
      // 客服专员's complaint resolved in November: 1 × 5.00; the lead had none: 0 from the data, not "not entered".
      expect(line(run, x.agent).amount).toBe("5.00");
      expect(line(run, x.agent).sources.map((m) => renderMessage("en", m))).toEqual([
        "bad reviews turned good, 客服专员 2026-11-01…2026-11-30: 1 (review follow-ups recorded as turned good)",
      ]);
      expect(line(run, x.agent).sources.map((m) => renderMessage("zh-CN", m))).toEqual([
        "客服专员 2026-11-01…2026-11-30 差评转好评：1 个（好评回访记录为转好评）",
      ]);
      expect(line(run, x.lead).amount).toBe("0.00");
      expect(renderMessage("en", line(run, x.lead).sources[0]!)).toContain(
        ": 0 (review follow-ups",
      );
      // A typed count still replaces the data, and the line says both.
      const typed = await s.payRuns.compute(x.owner, {
        period: "2026-11",
        version: run.version,
        inputs: [{ memberId: x.agent, key: "event.review-turned-good", value: "3" }],
      });
      expect(line(typed, x.agent).amount).toBe("15.00");
      expect(renderMessage("en", line(typed, x.agent).sources[0]!)).toContain("entered 3");
      expect(renderMessage("en", line(typed, x.agent).sources[0]!)).toContain(
        "bad reviews turned good",
      );

      // A scorecard bound to after-sales KPIs (another workspace, the same November).
      const y = await november();
      const yDept = y.departments.find((d) => d.name === "客服")!.id;
      const cs = PAY_PLAN_TEMPLATES.find((p) => p.id === "customer-service")!.plan;
      const scored = await s.payPlans.create(y.owner, {
        effectiveFrom: "2026-11-01",
        definition: {
          ...cs,
          name: "客服 · 售后考核",
          bonuses: [
            {
              code: "aftersales",
              label: "售后考核",
              bonusBase: "1000.00",
              score: {
                kind: "bands",
                metrics: [
                  {
                    code: "sla",
                    label: "SLA",
                    weight: 50,
                    better: "higher",
                    bands: [
                      { threshold: 90, score: 100 },
                      { threshold: 60, score: 60 },
                    ],
                    kpi: "slaAttainment",
                  },
                  {
                    code: "handling",
                    label: "处理时长",
                    weight: 50,
                    better: "lower",
                    bands: [
                      { threshold: 60, score: 100 },
                      { threshold: 400, score: 60 },
                    ],
                    kpi: "avgHandlingMinutes",
                  },
                ],
              },
            },
          ],
        },
      });
      await s.payPlans.assign(y.owner, scored.id, {
        targetType: "department",
        targetId: yDept,
        effectiveFrom: "2026-11-01",
      });
      const yRun = await s.payRuns.compute(y.owner, { period: "2026-11", inputs: [] });
      const card = (memberId: string) =>
        yRun.statements
          .find((st) => st.memberId === memberId)!
          .lines.find((l) => l.code === "aftersales")!;
      // The lead: 3 of 3 clocks met = 100 % → 100 points; 30 minutes ≤ 60 → 100 points: 1,000.00.
      expect(card(y.lead).amount).toBe("1000.00");
      expect(card(y.lead).sources.map((m) => renderMessage("en", m))).toEqual([
        "SLA: after-sales cases opened 2026-11-01…2026-11-30: 3 SLA clocks met, 0 breached",
        "处理时长: after-sales cases ended 2026-11-01…2026-11-30: 1, 30 minutes from opening to the end",
      ]);
      // 客服专员: 336 minutes ≤ 400 → 60 points for handling.
      expect(
        Object.fromEntries(card(y.agent).inputs.map((i) => [i.key, renderMessage("en", i.value)])),
      ).toMatchObject({ handling: "336 → 60 points" });

      // Goals on after-sales KPIs, November read on December 1st.
      const cycle = await s.goals.createCycle(x.owner, {
        name: "2026年11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      const goal = (
        subject: { memberId: string } | { departmentId: string },
        kpi: "reviewsTurnedGood" | "avgHandlingMinutes" | "slaAttainment" | "savedReturns",
        target: string,
      ) =>
        s.goals.createGoal(x.owner, {
          cycleId: cycle.id,
          ...subject,
          title: kpi,
          weight: 25,
          target,
          metric: { kind: "kpi", kpi },
        });
      expect(await goal({ memberId: x.agent }, "reviewsTurnedGood", "2")).toMatchObject({
        actual: "1",
        unit: "unit.case",
        better: "higher",
        actualSource: "kpi",
        achievement: 0.5,
      });
      const handling = await goal({ memberId: x.agent }, "avgHandlingMinutes", "300");
      expect(handling).toMatchObject({ actual: "336.0", unit: "unit.minute", better: "lower" });
      // The 客服 department: (1,680 + 30) minutes over 6 cases = 285.0.
      expect(await goal({ departmentId: csDept }, "avgHandlingMinutes", "300")).toMatchObject({
        actual: "285.0",
      });
      expect(await goal({ memberId: x.lead }, "slaAttainment", "95")).toMatchObject({
        actual: "100.00",
        unit: "unit.percent",
      });
      expect(await goal({ memberId: x.agent }, "savedReturns", "1")).toMatchObject({ actual: "1" });
      expect(
        renderMessage("zh-CN", { code: "unit.minute.value", params: { value: "336.0" } }),
      ).toBe("336.0 分钟");
    });
  });
}
