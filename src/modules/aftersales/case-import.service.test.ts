// After-sales imports on both databases: each platform's export becomes cases with our type and
// state beside the platform's own codes, amounts in fen, linked to the shop's orders where they were
// imported; the later Taobao export updates the same cases; a broken file is refused whole with row
// and column; a custom layout reads through a saved mapping; the refunds the order imports carried
// become cases as each import commits (order sync, order-sync.test.ts) and the platform's export
// adopts them; rights follow the department's function.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import * as as from "../../../test/fixtures/aftersales/build.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { CaseImportRejected } from "./case-import.service.js";

const f = (file: string, bytes: Uint8Array) => ({ file, bytes });

for (const dialect of DIALECTS) {
  describe(`after-sales imports on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-10-12T04:00:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!.actor;
      return {
        ...t,
        csLead: person("客服主管"),
        csMember: person("客服专员"),
        ops: person("运营专员"),
        opsLead: person("运营主管"),
      };
    };
    const orders = async (
      actor: Actor,
      shopName: string,
      files: { file: string; bytes: Uint8Array }[],
    ) => {
      const r = await s.imports.importFiles(actor, { shopName }, files);
      expect(r.errors).toEqual([]);
    };
    const cases = async (actor: Actor, shopId?: string) =>
      (await s.cases.list(actor, { shopId, limit: 200 })).items;
    /** The cases an after-sales file made (the order exports' own refunds are cases too). */
    const imported = async (actor: Actor, shopId?: string) =>
      (await cases(actor, shopId)).filter((c) => c.source === "import");
    const orderId = async (actor: Actor, no: string) =>
      (await s.orders.list(actor, { limit: 200 })).items.find((o) => o.platformOrderId === no)!.id;

    it("imports Taobao's GBK refunds into cases linked to their orders, our type and state beside Taobao's, amounts in fen", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      const r = await s.caseImports.importFiles(t.csMember, "淘宝店", [
        f("taobao-refunds-202610.csv", as.taobaoCases()),
      ]);
      expect(r).toMatchObject({
        rows: 2,
        cases: 2,
        created: 2,
        updated: 0,
        errors: [],
        files: [{ file: "taobao-refunds-202610.csv", encoding: "gb18030", format: "taobao-cases" }],
      });
      const list = await cases(t.csMember);
      const byKey = new Map(list.map((c) => [c.caseKey, c]));
      // the order export's own refund (88.00 on order …904) is a case of its own, already refunded
      expect(byKey.get("order:3515313147329357904")).toMatchObject({
        source: "order",
        type: "refund_before_shipping",
        state: "resolved",
        resolution: "refunded",
        requestedFen: 8800,
        refundFen: 8800,
        orderId: await orderId(t.owner, "3515313147329357904"),
      });
      const a = byKey.get("R20261006002")!;
      expect(a).toMatchObject({
        platform: "taobao",
        source: "import",
        platformOrderId: "3515313147329357901",
        orderId: await orderId(t.owner, "3515313147329357901"),
        type: "refund_after_shipping",
        platformType: "否",
        state: "new",
        platformState: "买家已经申请退款，等待卖家同意",
        reason: "质量问题",
        reasonCode: "quality",
        requestedFen: 5000,
        refundFen: null,
        currency: "CNY",
        openedAt: "2026-10-06T01:00:00.000Z",
        platformDeadlineAt: "2026-10-08T01:00:00.000Z",
        dueAt: "2026-10-08T01:00:00.000Z",
      });
      const b = byKey.get("R20261008004")!;
      expect(b).toMatchObject({
        type: "return_refund",
        state: "waiting_buyer",
        requestedFen: 90000,
        returnCarrier: "圆通速递",
        returnWaybill: "YT5550001111",
        orderId: await orderId(t.owner, "3515313147329357902"),
        // waiting for the buyer: the platform's deadline is the buyer's, not ours
        dueAt: null,
      });
      // soonest due first, no deadline last
      expect(list.map((c) => c.dueAt)).toEqual(["2026-10-08T01:00:00.000Z", null, null]);
      expect(list[0]!.caseKey).toBe("R20261006002");
      const detail = await s.cases.get(t.ops, b.id);
      expect(detail.lines).toMatchObject([{ title: "休闲裤", sku: "CS-003-M", quantity: 1 }]);
      expect(detail.history).toMatchObject([
        {
          kind: "imported",
          toState: "waiting_buyer",
          message: { code: "case.history.imported", params: { file: "taobao-refunds-202610.csv" } },
        },
        // Routed at once to a 客服 person working today (routing.service.test.ts).
        { kind: "assigned", message: { code: "case.history.routed" } },
      ]);
      expect(detail.pauses).toHaveLength(1);
      expect(detail.pauses[0]!.endedAt).toBeNull();
      // Agreed on Taobao before Dayclear saw it, at a time the export does not give: the first
      // response and decision clocks are not measured (not "breached" four days late at import),
      // and the wait counts from the opening, so nothing reads overdue for the agent.
      expect(detail.pauses[0]!.startedAt).toBe("2026-10-08T02:00:00.000Z");
      const clock = (k: string) => detail.sla.clocks.find((c) => c.clock === k)!;
      expect(clock("firstResponse")).toMatchObject({
        source: "unmeasured",
        state: "none",
        dueAt: null,
      });
      expect(clock("decision")).toMatchObject({ source: "unmeasured", state: "none", dueAt: null });
      expect(clock("resolution").state).toBe("paused");
      expect(detail.sla.state).toBe("paused");
      // The one still waiting for the seller keeps every clock (it is the agent's to answer).
      const aSla = (await s.cases.get(t.csLead, a.id)).sla;
      expect(aSla.clocks.map((c) => c.state)).not.toContain("none");
    });

    it("re-importing the later Taobao export updates the same cases and never duplicates them", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      await s.caseImports.importFiles(t.csMember, "淘宝店", [f("a.csv", as.taobaoCases())]);
      const again = await s.caseImports.importFiles(t.csMember, "淘宝店", [
        f("a.csv", as.taobaoCases()),
      ]);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const later = await s.caseImports.importFiles(t.csLead, "淘宝店", [
        f("taobao-refunds-202610-later.csv", as.taobaoCasesLater()),
      ]);
      expect(later).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
      expect(await cases(t.owner)).toHaveLength(3);
      const list = await imported(t.owner);
      expect(list).toHaveLength(2);
      const byKey = new Map(list.map((c) => [c.caseKey, c]));
      expect(byKey.get("R20261006002")).toMatchObject({
        state: "resolved",
        resolution: "refunded",
        refundFen: 5000,
        platformState: "退款成功",
        resolvedAt: "2026-10-07T07:00:00.000Z",
        dueAt: null,
      });
      const b = byKey.get("R20261008004")!;
      expect(b).toMatchObject({
        state: "received",
        platformState: "买家已经退货，等待卖家确认收货",
        platformDeadlineAt: "2026-10-20T02:00:00.000Z",
        dueAt: "2026-10-20T02:00:00.000Z",
      });
      const detail = await s.cases.get(t.owner, b.id);
      expect(detail.history.map((e) => [e.kind, e.fromState, e.toState])).toEqual([
        ["imported", null, "waiting_buyer"],
        ["assigned", null, null],
        ["platform", "waiting_buyer", "received"],
        ["updated", null, null],
      ]);
      expect(detail.history[2]!.message).toMatchObject({
        code: "case.history.platform_moved",
        params: { platformState: "买家已经退货，等待卖家确认收货" },
      });
      // the new deadline is named, what the platform's state implies is not repeated
      expect(detail.history[3]!.message.params).toMatchObject({
        file: "taobao-refunds-202610-later.csv",
        fields: ["platformDeadlineAt"],
      });
      // the buyer shipped the return: the clocks run again
      expect(detail.pauses[0]!.endedAt).not.toBeNull();
    });

    it("refuses the broken Taobao export whole, naming each problem's row and column", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      const e = await failure(
        s.caseImports.importFiles(t.csMember, "淘宝店", [
          f("taobao-refunds-broken.csv", as.taobaoCasesBroken()),
        ]),
      );
      expect(e).toBeInstanceOf(CaseImportRejected);
      const summary = (e as CaseImportRejected).summary;
      expect(summary.errors.map((p) => [p.file, p.row, p.column, p.code])).toEqual([
        ["taobao-refunds-broken.csv", 3, "退款状态", "case.cell.unknown_state"],
        ["taobao-refunds-broken.csv", 4, "买家退款金额", "shop.cell.not_amount"],
        ["taobao-refunds-broken.csv", 5, "退款编号", "shop.cell.empty"],
      ]);
      // the good row was not stored either
      expect(await imported(t.owner)).toEqual([]);
    });

    it("imports JD, Pinduoduo, Douyin, Shopify and WooCommerce exports with each platform's codes", async () => {
      const t = await team();
      await orders(t.owner, "京东店", [f("jd-orders-202610.csv", fx.jdOrders())]);
      await orders(t.owner, "拼多多店", [f("pdd_orders_export_202610.csv", fx.pddOrders())]);
      await orders(t.owner, "抖音店", [f("fxg_export_202610.csv", fx.douyinOrders())]);
      await orders(t.owner, "Shopify", [f("orders_export_1.csv", fx.shopifyOrders())]);
      await orders(t.owner, "Woo", [f("woocommerce-orders.csv", fx.woocommerceOrders())]);
      const run = async (shop: string, file: string, bytes: Uint8Array) => {
        const r = await s.caseImports.importFiles(t.csMember, shop, [f(file, bytes)]);
        expect(r.errors).toEqual([]);
        const shopId = r.shopId;
        return (await imported(t.csMember, shopId)).sort((a, b) =>
          a.caseKey.localeCompare(b.caseKey),
        );
      };
      const linked = (c: { orderId: string | null }) => c.orderId !== null;

      const jd = await run("京东店", "jd-service-202610.csv", as.jdCases());
      expect(
        jd.map((c) => [
          c.caseKey,
          c.platform,
          c.type,
          c.platformType,
          c.state,
          c.platformState,
          c.requestedFen,
          c.returnWaybill,
        ]),
      ).toEqual([
        [
          "1830000001",
          "jd",
          "return_refund",
          "退货",
          "waiting_buyer",
          "商家收货",
          10000,
          "JDVA00012345678",
        ],
        ["1830000002", "jd", "exchange", "20", "new", "22", 0, null],
      ]);
      expect(jd.every(linked)).toBe(true);

      const pdd = await run("拼多多店", "pdd-aftersales-202610.xlsx", await as.pddCasesXlsx());
      expect(pdd.length).toBeGreaterThan(0);
      for (const c of pdd) {
        expect(c.platform).toBe("pdd");
        expect(c.platformType).not.toBeNull();
        expect(c.platformState).not.toBeNull();
        expect(Number.isInteger(c.requestedFen)).toBe(true);
      }
      expect(pdd.some(linked)).toBe(true);

      const dy = await run("抖音店", "douyin-aftersales-202610.csv", as.douyinCases());
      expect(dy.map((c) => [c.caseKey, c.type, c.platformType, c.state, c.requestedFen])).toEqual([
        ["7100000000000000001", "refund_after_shipping", "已发货仅退款", "new", 3950],
        ["7100000000000000002", "return_refund", "退货退款", "waiting_buyer", 19900],
      ]);
      // 超时时间 is the decision's deadline; the first response (the default SLA policy's 4 working
      // hours from Friday 20:00, on the make-up Saturday 10 Oct) is due first.
      expect(dy[0]!.platformDeadlineAt).toBe("2026-10-11T12:00:00.000Z");
      expect(dy[0]!.dueAt).toBe("2026-10-10T06:00:00.000Z");
      expect(dy.every(linked)).toBe(true);

      const sh = await run("Shopify", "shopify-returns.csv", as.shopifyCases());
      expect(sh).toMatchObject([
        {
          caseKey: "#1001-R1",
          platform: "shopify",
          type: "return_refund",
          platformState: "OPEN",
          state: "waiting_buyer",
          currency: "USD",
          returnWaybill: "1Z999AA10123456784",
          returnCarrier: "UPS",
        },
      ]);
      expect(sh.every(linked)).toBe(true);

      const woo = await run("Woo", "woocommerce-refunds.csv", as.woocommerceCases());
      expect(woo).toMatchObject([
        {
          caseKey: "9001",
          platform: "woocommerce",
          state: "resolved",
          resolution: "refunded",
          requestedFen: 2000,
          refundFen: 2000,
          currency: "EUR",
        },
      ]);
      expect(woo.every(linked)).toBe(true);
    });

    it("keeps a case whose order is not imported yet and links it when the order arrives", async () => {
      const t = await team();
      const r = await s.caseImports.importFiles(
        t.csMember,
        (await s.shops.create(t.owner, { name: "淘宝店", platform: "taobao" })).id,
        [f("a.csv", as.taobaoCases())],
      );
      expect(r.created).toBe(2);
      expect(
        r.warnings.map((w) => w.code).filter((c) => c !== "case.warning.unused_columns"),
      ).toEqual(["case.warning.order_unknown", "case.warning.order_unknown"]);
      expect(await cases(t.owner)).toHaveLength(2);
      expect((await cases(t.owner)).every((c) => c.orderId === null)).toBe(true);
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      const after = await imported(t.owner);
      expect(after).toHaveLength(2);
      expect(after.every((c) => c.orderId !== null)).toBe(true);
      const detail = await s.cases.get(t.owner, after[0]!.id);
      expect(detail.history.at(-1)).toMatchObject({ kind: "linked" });
    });

    it("reads a custom layout through a saved mapping", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      const columns = {
        caseId: "售后号",
        orderId: "单号",
        type: "类别",
        state: "进度",
        requested: "金额",
        openedAt: "登记时间",
        reason: "问题",
      };
      // a member may not save mappings; the customer-service lead may
      expect(
        (await failure(s.caseMappings.create(t.csMember, { name: "自有", mapping: { columns } })))
          ?.kind,
      ).toBe("forbidden");
      const saved = await s.caseMappings.create(t.csLead, { name: "自有", mapping: { columns } });
      expect(saved).toMatchObject({ name: "自有", version: 1, mapping: { columns } });
      expect((await s.caseMappings.list(t.csMember)).map((m) => m.name)).toEqual(["自有"]);
      const r = await s.caseImports.importFiles(
        t.csMember,
        "淘宝店",
        [f("custom-aftersales.csv", as.customCases())],
        { format: "mapping:自有" },
      );
      expect(r).toMatchObject({ created: 1, files: [{ format: "mapping:自有" }] });
      expect(await imported(t.owner)).toMatchObject([
        {
          caseKey: "K-1",
          type: "exchange",
          platformType: "换货",
          state: "new",
          reason: "尺码不合适",
          orderId: await orderId(t.owner, "3515313147329357901"),
          openedAt: "2026-10-12T02:00:00.000Z",
        },
      ]);
      const unknown = await failure(
        s.caseImports.importFiles(t.csMember, "淘宝店", [f("c.csv", as.customCases())], {
          format: "mapping:none",
        }),
      );
      expect(unknown).toMatchObject({
        kind: "not_found",
        coded: { code: "case.import.mapping_unknown" },
      });
    });

    it("turns the refunds the order imports carried into cases, which the platform's export then updates", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
        f("taobao-refunds-202610.csv", fx.taobaoRefunds()),
      ]);
      const synced = await cases(t.csMember);
      expect(synced.length).toBeGreaterThan(0);
      const fromRefund = synced.find((c) => c.caseKey === "R20261006002")!;
      expect(fromRefund).toMatchObject({
        source: "refund",
        platform: "taobao",
        orderId: await orderId(t.owner, "3515313147329357901"),
      });
      expect(Number.isInteger(fromRefund.requestedFen)).toBe(true);
      // the import read them as it committed: nothing is left to read
      expect((await s.caseSync.sync(t.owner)).imports).toBe(0);
      const r = await s.caseImports.importFiles(t.csMember, "淘宝店", [
        f("a.csv", as.taobaoCases()),
      ]);
      expect(r.created + r.updated + r.unchanged).toBe(2);
      const all = await cases(t.owner);
      expect(all.filter((c) => c.caseKey === "R20261006002")).toHaveLength(1);
      expect(all.filter((c) => c.caseKey === "R20261008004")).toHaveLength(1);
    });

    it("lets the owner and the 客服 department's lead and members import; a 运营 member or lead may not", async () => {
      const t = await team();
      await orders(t.owner, "淘宝店", [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
      ]);
      for (const who of [t.ops, t.opsLead]) {
        const e = await failure(
          s.caseImports.importFiles(who, "淘宝店", [f("a.csv", as.taobaoCases())]),
        );
        expect(e).toMatchObject({ kind: "forbidden", coded: { code: "case.handle_forbidden" } });
      }
      expect(await imported(t.ops)).toEqual([]);
      for (const who of [t.owner, t.csLead, t.csMember]) {
        const r = await s.caseImports.importFiles(who, "淘宝店", [f("a.csv", as.taobaoCases())]);
        expect(r.errors).toEqual([]);
      }
      expect(await imported(t.ops)).toHaveLength(2);
    });
  });
}
