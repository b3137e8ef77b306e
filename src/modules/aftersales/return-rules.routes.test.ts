// The returns rule over HTTP on both databases (docs/AFTERSALES.md, "States and moves"): everyone
// reads whether returned goods are inspected before they are refunded; the 客服 lead turns it on
// (audited) and a refund of goods received is then refused until they are inspected and passed; a
// 客服 member may not change it; a stale version is 409 with the current one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { Client, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";

interface Rules {
  inspectBeforeRefund: boolean;
  version: number;
}

for (const dialect of DIALECTS) {
  describe(`the returns rule over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-11-02T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    async function signIn(p: { email: string; password: string }) {
      const c = new Client(t.app);
      const r = await c.post("/api/v1/auth/login", { email: p.email, password: p.password });
      if (r.status !== 200) throw new Error(`login ${r.status} ${r.raw}`);
      return c;
    }

    it("the 客服 lead turns on inspection before refunds: a received return is refused a refund until inspected", async () => {
      const x = await packTeam(s, t.tdb.database);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const agent = await signIn(who("客服专员"));
      const lead = await signIn(who("客服主管"));
      const packer = await signIn(who("物流专员"));

      // Off until someone turns it on; everyone reads it.
      for (const c of [agent, packer])
        expect((await c.get<Rules>("/api/v1/aftersales/return-rules")).body).toEqual({
          inspectBeforeRefund: false,
          version: 0,
        });
      const refused = await agent.put<{ code: string }>("/api/v1/aftersales/return-rules", {
        inspectBeforeRefund: true,
        version: 0,
      });
      expect(refused.status).toBe(403);
      const on = await lead.put<Rules>("/api/v1/aftersales/return-rules", {
        inspectBeforeRefund: true,
        version: 0,
      });
      expect(on).toMatchObject({ status: 200, body: { inspectBeforeRefund: true, version: 1 } });
      const stale = await lead.put<{ code: string; currentVersion: number }>(
        "/api/v1/aftersales/return-rules",
        { inspectBeforeRefund: false, version: 0 },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(1);
      const audit = await t.tdb.database.db
        .selectFrom("auditLog")
        .select(["action", "actorMemberId"])
        .where("workspaceId", "=", x.workspaceId)
        .where("action", "=", "aftersales.return_rules.update")
        .execute();
      expect(audit).toEqual([
        { action: "aftersales.return_rules.update", actorMemberId: who("客服主管").memberId },
      ]);

      // A return received at the pack station: refunding first is refused, inspecting then refunding is not.
      const order = await x.order("261101-000000006");
      let c = await s.cases.create(who("客服专员").actor, {
        orderId: order.id,
        type: "return_refund",
        requestedFen: 6600,
      });
      c = await s.cases.transition(who("客服专员").actor, c.id, {
        to: "waiting_buyer",
        version: c.version,
      });
      await t.tdb.database.db
        .updateTable("aftersalesCases")
        .set({ returnWaybill: "YT8800000011" })
        .where("workspaceId", "=", x.workspaceId)
        .where("id", "=", c.id)
        .execute();
      const scan = await packer.post<{ message: { code: string } }>(
        "/api/v1/logistics/pack/return",
        { code: "YT8800000011" },
      );
      expect(scan.body.message.code).toBe("scan.return_received_inspect");
      const received = await agent.get<{ version: number }>(`/api/v1/aftersales/cases/${c.id}`);
      const early = await agent.post<{ code: string }>(
        `/api/v1/aftersales/cases/${c.id}/transitions`,
        { to: "resolved", resolution: "refunded", version: received.body.version },
      );
      expect(early.status).toBe(409);
      expect(early.body.code).toBe("case.transition.inspect_first");
      const inspected = await agent.post<{ version: number; state: string }>(
        `/api/v1/aftersales/cases/${c.id}/transitions`,
        { to: "inspected", inspection: "passed", version: received.body.version },
      );
      expect(inspected.body.state).toBe("inspected");
      const refunded = await agent.post<{ state: string; refundFen: number }>(
        `/api/v1/aftersales/cases/${c.id}/transitions`,
        { to: "resolved", resolution: "refunded", version: inspected.body.version },
      );
      expect(refunded.body).toMatchObject({ state: "resolved", refundFen: 6600 });
    });
  });
}
