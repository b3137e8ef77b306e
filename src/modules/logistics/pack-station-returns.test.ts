// Return parcels at the pack station on both databases (docs/LOGISTICS.md "Return parcels"): the
// packer scans a return's waybill and the after-sales case waiting for it is received — through the
// cases' own transitions, with its history entry (who, at the pack station) and the audit log; a case
// still in progress is first moved to waiting for the buyer; the inspect-before-refund rule then holds
// the refund until the goods are inspected. A waybill that is no return's (nobody's, our own outgoing
// parcel's, another workspace's), a case that has ended, or one that takes no goods back stops the
// packer and changes no case; a 客服 member cannot use the pack station.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildServices, type Services } from "../../server/services.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import type { LiveEvent } from "../shared/context.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { CaseSourceRepository } from "../aftersales/case-sources.repository.js";

const NOW = "2026-11-02T02:15:00.000Z";

for (const dialect of DIALECTS) {
  describe(`return parcels at the pack station on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await packTeam(s, tdb.database);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const cs = person("客服专员").actor;
      /** A case opened by 客服 on an order, moved along `path`, the buyer's return waybill recorded. */
      const returnCase = async (
        orderNo: string,
        waybill: string | null,
        path: ("in_progress" | "waiting_buyer" | "closed")[],
        type: "return_refund" | "refund_after_shipping" = "return_refund",
      ) => {
        const order = await t.order(orderNo);
        let c = await s.cases.create(cs, { orderId: order.id, type, requestedFen: 6600 });
        for (const to of path) c = await s.cases.transition(cs, c.id, { to, version: c.version });
        if (waybill)
          await tdb.database.db
            .updateTable("aftersalesCases")
            .set({ returnWaybill: waybill, returnCarrier: "圆通速递" })
            .where("workspaceId", "=", t.workspaceId)
            .where("id", "=", c.id)
            .execute();
        return c.id;
      };
      const audits = (entityId: string) =>
        tdb.database.db
          .selectFrom("auditLog")
          .select(["action", "actorMemberId", "summary"])
          .where("workspaceId", "=", t.workspaceId)
          .where("entityId", "=", entityId)
          .orderBy("at")
          .orderBy("id")
          .execute();
      return { ...t, cs, returnCase, audits };
    };

    it("receives the case waiting for the return when the packer scans its waybill, with history and audit", async () => {
      const t = await team();
      const id = await t.returnCase("261101-000000006", "YT9000000006", ["waiting_buyer"]);
      const r = await s.packStation.scanReturn(t.packer, " yt9000000006 ");
      expect(r).toMatchObject({
        step: "return",
        outcome: "ok",
        stop: false,
        message: {
          code: "scan.return_received",
          params: { waybill: "YT9000000006", cases: [id], orders: ["261101-000000006"] },
        },
        parcel: null,
        cases: [{ id, from: "waiting_buyer", state: "received", outcome: "received" }],
      });
      expect(renderMessage("zh-CN", r.message)).toBe(
        `退货已签收：运单 YT9000000006，售后单 ${id}（订单 261101-000000006）。客服现在可以退款。`,
      );
      const c = await s.cases.get(t.cs, id);
      expect(c.state).toBe("received");
      expect(c.nextStates).toEqual(["inspected", "resolved", "closed"]);
      expect(c.pauses.every((p) => p.endedAt === NOW)).toBe(true);
      expect(c.history.at(-1)).toMatchObject({
        kind: "transition",
        actorMemberId: t.packer.memberId,
        actorName: "物流专员",
        fromState: "waiting_buyer",
        toState: "received",
        message: { code: "case.history.return_received", params: { waybill: "YT9000000006" } },
      });
      const moved = (await t.audits(id)).filter((a) => a.action === "aftersales.case.transition");
      expect(moved.at(-1)?.actorMemberId).toBe(t.packer.memberId);
      expect(JSON.parse(moved.at(-1)!.summary)).toMatchObject({
        code: "audit.aftersales.case_moved",
        params: { actor: "物流专员", to: { code: "case.state.received" } },
      });
      expect((await t.scans()).map((e) => [e.step, e.outcome, e.code])).toEqual([
        ["return", "ok", "yt9000000006"],
      ]);

      // Scanned again: it says so and changes nothing; 客服 refunds it (no inspection required).
      const again = await s.packStation.scanReturn(t.packer, "YT9000000006");
      expect(again).toMatchObject({
        outcome: "already_received",
        stop: false,
        message: { code: "scan.return_already" },
      });
      expect((await s.cases.get(t.cs, id)).version).toBe(c.version);
      const refunded = await s.cases.transition(t.cs, id, {
        to: "resolved",
        version: c.version,
        resolution: "refunded",
      });
      expect(refunded).toMatchObject({ state: "resolved", refundFen: 6600 });
    });

    it("tells open pages only once the case is received: a page refetching on the live event reads it received", async () => {
      const t = await team();
      const id = await t.returnCase("261101-000000006", "YT9000000026", ["waiting_buyer"]);
      // What a case page does on the event: reads the case again, on a connection of its own.
      const reads: Promise<string | undefined>[] = [];
      const events: LiveEvent[] = [];
      const live = buildServices(tdb.database, frozenClock(NOW), {
        publish: (_ws, e) => {
          events.push(e);
          if (e.type === "aftersales.cases.changed")
            reads.push(
              tdb.database.db
                .selectFrom("aftersalesCases")
                .select("state")
                .where("id", "=", id)
                .executeTakeFirst()
                .then((r) => r?.state),
            );
        },
      });
      expect((await live.packStation.scanReturn(t.packer, "YT9000000026")).outcome).toBe("ok");
      expect(events).toContainEqual({ type: "aftersales.cases.changed", caseId: id });
      expect(await Promise.all(reads)).toEqual(reads.map(() => "received"));
    });

    it("moves a case still in progress through waiting for the buyer, and asks for the inspection before the refund when the rule says so", async () => {
      const t = await team();
      await new CaseSourceRepository(tdb.database.db).putSettings(
        t.workspaceId,
        0,
        { inspectBeforeRefund: true },
        NOW,
      );
      const id = await t.returnCase("261101-000000006", "YT9000000016", ["in_progress"]);
      const r = await s.packStation.scanReturn(t.lead, "YT9000000016");
      expect(r).toMatchObject({
        outcome: "ok",
        message: { code: "scan.return_received_inspect" },
        cases: [{ id, from: "in_progress", state: "received" }],
      });
      expect(renderMessage("en", r.message)).toContain("Inspect the goods before the refund.");
      let c = await s.cases.get(t.cs, id);
      expect(c.history.slice(-2).map((h) => [h.fromState, h.toState, h.actorName])).toEqual([
        ["in_progress", "waiting_buyer", "物流主管"],
        ["waiting_buyer", "received", "物流主管"],
      ]);
      expect(c.decidedAt).toBe(NOW);
      const early = await failure(
        s.cases.transition(t.cs, id, {
          to: "resolved",
          version: c.version,
          resolution: "refunded",
        }),
      );
      expect(early).toMatchObject({ coded: { code: "case.transition.inspect_first" } });
      c = await s.cases.transition(t.cs, id, {
        to: "inspected",
        version: c.version,
        inspection: "passed",
      });
      c = await s.cases.transition(t.cs, id, {
        to: "resolved",
        version: c.version,
        resolution: "refunded",
      });
      expect(c).toMatchObject({ state: "resolved", resolution: "refunded" });
    });

    it("stops the packer at a waybill that is no return's, an ended case, a case that takes no goods back — and changes no case", async () => {
      const t = await team();
      const closed = await t.returnCase("261101-000000006", "YT9000000026", ["closed"]);
      const refundOnly = await t.returnCase(
        "261101-000000006",
        "YT9000000036",
        ["in_progress"],
        "refund_after_shipping",
      );
      const waiting = await t.returnCase("261101-000000006", null, ["waiting_buyer"]);
      // Our own outgoing parcel.
      const parcel = await t.parcel("261101-000000001");
      await s.packStation.scanWaybill(t.packer, {
        slip: parcel,
        waybill: "ZT7100000001",
        carrierCode: "ZTO",
      });
      const before = await Promise.all(
        [closed, refundOnly, waiting].map(async (id) => (await s.cases.get(t.cs, id)).version),
      );

      const unknown = await s.packStation.scanReturn(t.packer, "YT9999999999");
      expect(unknown).toMatchObject({
        outcome: "unknown",
        stop: true,
        message: { code: "scan.return_unknown", params: { waybill: "YT9999999999" } },
      });
      expect(renderMessage("zh-CN", unknown.message)).toMatch(/^不是退货：/);
      const outgoing = await s.packStation.scanReturn(t.packer, "ZT7100000001");
      expect(outgoing).toMatchObject({
        outcome: "unknown",
        stop: true,
        message: { code: "scan.return_is_outgoing", params: { orders: ["261101-000000001"] } },
      });
      const ended = await s.packStation.scanReturn(t.packer, "YT9000000026");
      expect(ended).toMatchObject({
        outcome: "return_refused",
        stop: true,
        message: { code: "scan.return_case_finished", params: { case: closed } },
        cases: [{ id: closed, state: "closed", outcome: "finished" }],
      });
      const noGoods = await s.packStation.scanReturn(t.packer, "YT9000000036");
      expect(noGoods).toMatchObject({
        outcome: "return_refused",
        stop: true,
        message: { code: "scan.return_case_not_returning" },
      });
      const invalid = await s.packStation.scanReturn(t.packer, "退货");
      expect(invalid).toMatchObject({ outcome: "invalid", stop: false });

      const after = await Promise.all(
        [closed, refundOnly, waiting].map(async (id) => (await s.cases.get(t.cs, id)).version),
      );
      expect(after).toEqual(before);
      expect((await t.scans()).filter((e) => e.step === "return").map((e) => e.outcome)).toEqual([
        "unknown",
        "unknown",
        "return_refused",
        "return_refused",
        "invalid",
      ]);
    });

    it("lets only the pack station's people scan returns: a 客服 member and an outsider are refused; another workspace's waybill is unknown", async () => {
      const t = await team();
      const id = await t.returnCase("261101-000000006", "YT9000000046", ["waiting_buyer"]);
      for (const who of [t.cs, t.outsider]) {
        const refused = await failure(s.packStation.scanReturn(who, "YT9000000046"));
        expect(refused).toMatchObject({
          kind: "forbidden",
          coded: { code: "logistics.pack_forbidden" },
        });
      }
      const other = await team();
      const theirs = await s.packStation.scanReturn(other.packer, "YT9000000046");
      expect(theirs).toMatchObject({
        outcome: "unknown",
        message: { code: "scan.return_unknown" },
      });
      expect((await s.cases.get(t.cs, id)).state).toBe("waiting_buyer");
      expect(await t.scans()).toHaveLength(0);
      expect((await s.packStation.scanReturn(t.owner, "YT9000000046")).outcome).toBe("ok");
    });
  });
}
