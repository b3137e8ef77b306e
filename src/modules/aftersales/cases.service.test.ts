// Working cases on both databases: a case opened by hand from an order, moves the table allows
// appended to the history (and the audit log) with their milestones and pauses, moves it refuses
// answered with their code and nothing written, a stale version refused, the workspace's
// inspect-before-refund rule, and who may work cases (the 客服 department's people, its lead and the
// owner — by the department's function, not its name).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServices, type Services } from "../../server/services.js";
import type { LiveEvent } from "../shared/context.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { CaseSourceRepository } from "./case-sources.repository.js";

const NOW = "2026-10-12T04:00:00.000Z";

for (const dialect of DIALECTS) {
  describe(`working after-sales cases on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357902",
      )!;
      return {
        ...t,
        order,
        csLead: person("客服主管").actor,
        csMember: person("客服专员"),
        ops: person("运营专员").actor,
      };
    };
    const auditOf = (workspaceId: string, entityId: string) =>
      tdb.database.db
        .selectFrom("auditLog")
        .select(["action", "actorMemberId"])
        .where("workspaceId", "=", workspaceId)
        .where("entityId", "=", entityId)
        .orderBy("at")
        .execute();

    it("opens a case by hand from an order, with the lines it names", async () => {
      const t = await team();
      const c = await s.cases.create(t.csMember.actor, {
        orderId: t.order.id!,
        type: "return_refund",
        reason: "尺码不合适",
        requestedFen: 39900,
        lines: [{ orderLineNo: 1, quantity: 1 }],
      });
      expect(c).toMatchObject({
        source: "manual",
        platform: "taobao",
        orderId: t.order.id,
        platformOrderId: "3515313147329357902",
        type: "return_refund",
        state: "new",
        reason: "尺码不合适",
        reasonCode: "size",
        requestedFen: 39900,
        currency: "CNY",
        openedAt: NOW,
        nextStates: ["in_progress", "waiting_buyer", "resolved", "closed"],
        lines: [{ lineNo: 1, orderLineNo: 1, title: "牛津纺衬衫", quantity: 1 }],
        history: [
          {
            kind: "created",
            actorMemberId: t.csMember.memberId,
            actorName: "客服专员",
            toState: "new",
            message: { code: "case.history.created" },
          },
          // Routed at once to a 客服 person working today (routing.service.test.ts).
          { kind: "assigned", actorMemberId: null, message: { code: "case.history.routed" } },
        ],
      });
      expect(c.caseKey).toBe(`manual:${c.id}`);
      expect(await auditOf(t.workspaceId, c.id)).toEqual([
        { action: "aftersales.case.create", actorMemberId: t.csMember.memberId },
      ]);
      const tooMuch = await failure(
        s.cases.create(t.csMember.actor, {
          orderId: t.order.id!,
          type: "return_refund",
          requestedFen: 129901,
        }),
      );
      expect(tooMuch).toMatchObject({ kind: "invalid", coded: { code: "case.refund.too_large" } });
      const noLine = await failure(
        s.cases.create(t.csMember.actor, {
          orderId: t.order.id!,
          type: "exchange",
          lines: [{ orderLineNo: 9 }],
        }),
      );
      expect(noLine).toMatchObject({ kind: "invalid", coded: { code: "case.line_unknown" } });
      const noOrder = await failure(
        s.cases.create(t.csMember.actor, { orderId: "nope", type: "exchange" }),
      );
      expect(noOrder).toMatchObject({ kind: "invalid", coded: { code: "case.order_required" } });
    });

    it("moves a return through its states: each allowed move appends history, sets its milestones and pauses the clock while waiting for the buyer", async () => {
      const t = await team();
      const me = t.csMember.actor;
      let c = await s.cases.create(me, {
        orderId: t.order.id!,
        type: "return_refund",
        requestedFen: 39900,
      });
      c = await s.cases.transition(me, c.id, { to: "in_progress", version: c.version });
      expect(c).toMatchObject({ state: "in_progress", firstResponseAt: NOW, decidedAt: null });
      c = await s.cases.transition(me, c.id, { to: "waiting_buyer", version: c.version });
      expect(c).toMatchObject({ state: "waiting_buyer", decidedAt: NOW });
      expect(c.pauses).toEqual([{ startedAt: NOW, endedAt: null }]);
      c = await s.cases.transition(me, c.id, { to: "received", version: c.version });
      expect(c.pauses).toEqual([{ startedAt: NOW, endedAt: NOW }]);
      c = await s.cases.transition(me, c.id, {
        to: "inspected",
        version: c.version,
        inspection: "passed",
        inspectionNote: "吊牌完好",
      });
      expect(c).toMatchObject({ inspection: "passed", inspectionNote: "吊牌完好" });
      c = await s.cases.transition(me, c.id, {
        to: "resolved",
        version: c.version,
        resolution: "refunded",
      });
      expect(c).toMatchObject({
        state: "resolved",
        resolution: "refunded",
        refundFen: 39900,
        resolvedAt: NOW,
        nextStates: [],
      });
      expect(c.history.map((e) => [e.kind, e.fromState, e.toState, e.message.code])).toEqual([
        ["created", null, "new", "case.history.created"],
        ["assigned", null, null, "case.history.routed"],
        ["transition", "new", "in_progress", "case.history.moved"],
        ["transition", "in_progress", "waiting_buyer", "case.history.moved"],
        ["transition", "waiting_buyer", "received", "case.history.moved"],
        ["transition", "received", "inspected", "case.history.inspected"],
        ["transition", "inspected", "resolved", "case.history.refunded"],
      ]);
      expect(c.history.at(-1)!.message.params).toMatchObject({ amount: 39900, currency: "CNY" });
      expect((await auditOf(t.workspaceId, c.id)).map((a) => a.action)).toEqual([
        "aftersales.case.create",
        ...Array(5).fill("aftersales.case.transition"),
      ]);
    });

    it("tells open pages once a case is opened or moved: a page reading it on the live event sees the new state", async () => {
      const t = await team();
      const me = t.csMember.actor;
      // What open pages do on the event: the list reads the order's cases again, a case page its
      // case — on the root handle, not the transaction's.
      const reads: Promise<string[]>[] = [];
      const events: LiveEvent[] = [];
      const live = buildServices(tdb.database, frozenClock(NOW), {
        publish: (_ws, e) => {
          events.push(e);
          if (e.type === "aftersales.cases.changed")
            reads.push(
              tdb.database.db
                .selectFrom("aftersalesCases")
                .select("state")
                .where("orderId", "=", t.order.id!)
                .execute()
                .then((rows) => rows.map((r) => r.state)),
            );
        },
      });
      const c = await live.cases.create(me, {
        orderId: t.order.id!,
        type: "return_refund",
        requestedFen: 39900,
      });
      // Opening (and routing it) tells pages; each read finds the case.
      const opened = await Promise.all(reads);
      expect(opened.length).toBeGreaterThan(0);
      expect(opened).toEqual(opened.map(() => ["new"]));
      const moved = await live.cases.transition(me, c.id, {
        to: "in_progress",
        version: c.version,
      });
      expect(moved.state).toBe("in_progress");
      expect(events).toContainEqual({ type: "aftersales.cases.changed", caseId: c.id });
      const afterMove = (await Promise.all(reads)).slice(opened.length);
      expect(afterMove.length).toBeGreaterThan(0);
      expect(afterMove).toEqual(afterMove.map(() => ["in_progress"]));
    });

    it("refuses a move the table does not allow with its code, and writes nothing", async () => {
      const t = await team();
      const me = t.csMember.actor;
      const c = await s.cases.create(me, { orderId: t.order.id!, type: "reship" });
      const skip = await failure(s.cases.transition(me, c.id, { to: "inspected", version: 1 }));
      expect(skip).toMatchObject({
        kind: "conflict",
        coded: {
          code: "case.transition.not_allowed",
          params: { from: { code: "case.state.new" }, to: { code: "case.state.inspected" } },
        },
        extra: { allowed: ["in_progress", "resolved", "closed"] },
      });
      // a reship has no goods coming back
      const noReturn = await failure(
        s.cases.transition(me, c.id, { to: "waiting_buyer", version: 1 }),
      );
      expect(noReturn).toMatchObject({ coded: { code: "case.transition.no_return" } });
      const noOutcome = await failure(s.cases.transition(me, c.id, { to: "resolved", version: 1 }));
      expect(noOutcome).toMatchObject({
        kind: "invalid",
        coded: { code: "case.transition.resolution_required" },
        fields: [{ field: "resolution" }],
      });
      const wrongOutcome = await failure(
        s.cases.transition(me, c.id, { to: "resolved", version: 1, resolution: "exchanged" }),
      );
      expect(wrongOutcome).toMatchObject({
        coded: { code: "case.transition.resolution_not_for_type" },
      });
      const after = await s.cases.get(me, c.id);
      expect(after).toMatchObject({ state: "new", version: 1 });
      // Created and routed; the refused moves wrote nothing.
      expect(after.history.map((e) => e.kind)).toEqual(["created", "assigned"]);
      // a stale version is refused
      await s.cases.transition(me, c.id, { to: "closed", version: 1 });
      const stale = await failure(s.cases.transition(me, c.id, { to: "in_progress", version: 1 }));
      expect(stale).toMatchObject({ kind: "conflict", extra: { currentVersion: 2 } });
      // a closed case is finished
      const finished = await failure(
        s.cases.transition(me, c.id, { to: "in_progress", version: 2 }),
      );
      expect(finished).toMatchObject({ coded: { code: "case.transition.finished" } });
    });

    it("asks for the inspection before a refund when the workspace inspects returns", async () => {
      const t = await team();
      const me = t.csMember.actor;
      await new CaseSourceRepository(tdb.database.db).putSettings(
        t.workspaceId,
        0,
        { inspectBeforeRefund: true },
        NOW,
      );
      let c = await s.cases.create(me, { orderId: t.order.id!, type: "return_refund" });
      for (const to of ["waiting_buyer", "received"] as const)
        c = await s.cases.transition(me, c.id, { to, version: c.version });
      const early = await failure(
        s.cases.transition(me, c.id, {
          to: "resolved",
          version: c.version,
          resolution: "refunded",
        }),
      );
      expect(early).toMatchObject({ coded: { code: "case.transition.inspect_first" } });
      c = await s.cases.transition(me, c.id, {
        to: "inspected",
        version: c.version,
        inspection: "failed",
      });
      const failed = await failure(
        s.cases.transition(me, c.id, {
          to: "resolved",
          version: c.version,
          resolution: "refunded",
        }),
      );
      expect(failed).toMatchObject({ coded: { code: "case.transition.inspection_failed" } });
      c = await s.cases.transition(me, c.id, {
        to: "resolved",
        version: c.version,
        resolution: "rejected",
      });
      expect(c).toMatchObject({ state: "resolved", resolution: "rejected", refundFen: null });
    });

    it("lists by state, type, shop and assignee, soonest due first", async () => {
      const t = await team();
      const me = t.csMember.actor;
      const a = await s.cases.create(me, { orderId: t.order.id!, type: "exchange" });
      const b = await s.cases.create(me, { orderId: t.order.id!, type: "complaint" });
      await s.cases.transition(me, b.id, { to: "in_progress", version: 1 });
      const ids = async (q: Parameters<Services["cases"]["list"]>[1]) =>
        (await s.cases.list(t.ops, q)).items.filter((c) => c.source === "manual").map((c) => c.id);
      expect(await ids({ state: "new" })).toEqual([a.id]);
      expect(await ids({ state: "new,in_progress" })).toEqual([a.id, b.id]);
      expect(await ids({ type: "complaint" })).toEqual([b.id]);
      expect(await ids({ shopId: a.shopId, state: "open" })).toEqual([a.id, b.id]);
      // New cases are routed at once (routing.service.test.ts): none waits unassigned here.
      expect(await ids({ assignee: "none", state: "open" })).toEqual([]);
      expect(await ids({ assignee: a.assigneeMemberId!, type: "exchange" })).toEqual([a.id]);
      expect(await ids({ assignee: "me" })).toEqual([]);
      const bad = await failure(s.cases.list(t.ops, { state: "lost" }));
      expect(bad).toMatchObject({ kind: "invalid", coded: { code: "case.state_unknown" } });
      const first = await s.cases.list(t.ops, { state: "open", limit: 1 });
      expect(first.items).toHaveLength(1);
      const second = await s.cases.list(t.ops, {
        state: "open",
        limit: 1,
        cursor: first.nextCursor!,
      });
      expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    });

    it("lets the owner and the 客服 department's lead and members work cases; a 运营 member reads but may not", async () => {
      const t = await team();
      const c = await s.cases.create(t.owner, { orderId: t.order.id!, type: "complaint" });
      expect((await s.cases.get(t.ops, c.id)).id).toBe(c.id);
      const create = await failure(
        s.cases.create(t.ops, { orderId: t.order.id!, type: "complaint" }),
      );
      expect(create).toMatchObject({
        kind: "forbidden",
        coded: { code: "case.handle_forbidden", params: { function: "customer_service" } },
      });
      const move = await failure(
        s.cases.transition(t.ops, c.id, { to: "in_progress", version: 1 }),
      );
      expect(move).toMatchObject({ kind: "forbidden" });
      let v = 1;
      for (const [who, to] of [
        [t.csLead, "in_progress"],
        [t.csMember.actor, "closed"],
      ] as const) {
        const r = await s.cases.transition(who, c.id, { to, version: v });
        v = r.version;
        expect(r.state).toBe(to);
      }
      // the function is what counts: renamed, the 客服 department still works cases; 运营 given the name does not
      const deps = await s.departments.list(t.owner);
      const cs = deps.find((d) => d.name === "客服")!;
      const ops = deps.find((d) => d.name === "运营")!;
      await s.departments.update(t.owner, cs.id, { version: cs.version, name: "售后组" });
      await s.departments.update(t.owner, ops.id, { version: ops.version, name: "客服" });
      const d = await s.cases.create(t.csMember.actor, { orderId: t.order.id!, type: "complaint" });
      expect(d.state).toBe("new");
      expect(
        await failure(s.cases.create(t.ops, { orderId: t.order.id!, type: "complaint" })),
      ).toMatchObject({ kind: "forbidden" });
    });
  });
}
