// The pack station's return mode over HTTP on both databases: a packer's session scans a return's
// waybill and the answer carries the case received (the response schema keeps `cases`); a waybill
// that is no return's is a stop; an empty code is 400; a 客服 member's session is refused with 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { signedInClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";

interface Scan {
  step: string;
  outcome: string;
  stop: boolean;
  message: { code: string };
  cases?: { id: string; from: string; state: string; outcome: string }[];
}

for (const dialect of DIALECTS) {
  describe(`pack station returns over HTTP on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-11-02T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);

    it("receives a return for a packer, stops an unknown waybill, refuses 客服 and an empty code", async () => {
      const x = await packTeam(s, t.tdb.database);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const cs = who("客服专员");
      const order = await x.order("261101-000000006");
      let c = await s.cases.create(cs.actor, { orderId: order.id, type: "exchange" });
      c = await s.cases.transition(cs.actor, c.id, { to: "waiting_buyer", version: c.version });
      await t.tdb.database.db
        .updateTable("aftersalesCases")
        .set({ returnWaybill: "YT8800000001" })
        .where("workspaceId", "=", x.workspaceId)
        .where("id", "=", c.id)
        .execute();

      const csClient = await signIn(cs.email, cs.password);
      const refused = await csClient.post<{ code: string }>("/api/v1/logistics/pack/return", {
        code: "YT8800000001",
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("logistics.pack_forbidden");

      const packer = await signIn(who("物流专员").email, who("物流专员").password);
      const empty = await packer.post<{ errors: { field: string }[] }>(
        "/api/v1/logistics/pack/return",
        { code: "" },
      );
      expect(empty.status).toBe(400);
      const ok = await packer.post<Scan>("/api/v1/logistics/pack/return", {
        code: "YT8800000001",
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        step: "return",
        outcome: "ok",
        stop: false,
        message: { code: "scan.return_received" },
        cases: [{ id: c.id, from: "waiting_buyer", state: "received", outcome: "received" }],
      });
      expect((await s.cases.get(cs.actor, c.id)).state).toBe("received");

      const unknown = await packer.post<Scan>("/api/v1/logistics/pack/return", {
        code: "YT8800000999",
      });
      expect(unknown.body).toMatchObject({ step: "return", outcome: "unknown", stop: true });
    });
  });
}
