// The quality and follow-up routes over HTTP on both databases: the threshold read by a 运营 member
// and set by the 客服 lead (a 客服 member and a 运营 member 403, a threshold out of range 400 naming
// the field, a stale version 409 with currentVersion); the follow-up rules saved by the lead (a 运营
// member 403, an empty script 400); the follow-up on the agent's GET /today with its script; its
// outcome refused to a 运营 member and recorded by the agent; the turned-good count read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import {
  type Client,
  signedInClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";

const V1 = "/api/v1";

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code?: string }[];
  currentVersion?: number;
}

for (const dialect of DIALECTS) {
  describe(`quality and follow-up routes on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-10-12T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);

    it("reads and sets the threshold and the rules by right, puts the follow-up on Today and records it", async () => {
      const x = await buildShopTeam(s);
      const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const signed = new Map<string, Client>();
      for (const n of ["客服专员", "客服主管", "运营专员"])
        signed.set(n, await signIn(who(n).email, who(n).password));
      const [cs, csLead, ops] = ["客服专员", "客服主管", "运营专员"].map((n) => signed.get(n)!);

      // The threshold.
      const read = await ops!.get<{ minCases: number; version: number }>(
        `${V1}/aftersales/quality`,
      );
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ minCases: 3, windowDays: 7, version: 0, tasks: [] });
      for (const c of [cs!, ops!])
        expect(
          (
            await c.put<Problem>(`${V1}/aftersales/quality`, {
              minCases: 2,
              windowDays: 7,
              version: 0,
            })
          ).status,
        ).toBe(403);
      const bad = await csLead!.put<Problem>(`${V1}/aftersales/quality`, {
        minCases: 1,
        windowDays: 7,
        version: 0,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).join()).toContain("minCases");
      const put = await csLead!.put<{ minCases: number; version: number }>(
        `${V1}/aftersales/quality`,
        {
          minCases: 5,
          windowDays: 14,
          version: 0,
        },
      );
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ minCases: 5, windowDays: 14, version: 1 });
      const stale = await csLead!.put<Problem>(`${V1}/aftersales/quality`, {
        minCases: 4,
        windowDays: 14,
        version: 0,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(1);

      // The rules.
      const rule = {
        name: "签收回访",
        trigger: "delivered",
        daysAfter: 5,
        script: "亲，收到了吗？",
      };
      expect(
        (await ops!.put<Problem>(`${V1}/aftersales/followup-rules`, { version: 0, rules: [rule] }))
          .status,
      ).toBe(403);
      expect(
        (
          await csLead!.put<Problem>(`${V1}/aftersales/followup-rules`, {
            version: 0,
            rules: [{ ...rule, script: "" }],
          })
        ).status,
      ).toBe(400);
      const saved = await csLead!.put<{ version: number }>(`${V1}/aftersales/followup-rules`, {
        version: 0,
        rules: [rule],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(1);

      // On the agent's Today, with the script.
      const list = await csLead!.get<{
        items: { id: string; memberId: string; version: number }[];
      }>(`${V1}/aftersales/followups?state=open`);
      expect(list.body.items).toHaveLength(1);
      const f = list.body.items[0]!;
      const agent = f.memberId === who("客服专员").memberId ? cs! : csLead!;
      const today = await agent.get<{ followups: { id: string; script: string }[] }>(`${V1}/today`);
      expect(today.status).toBe(200);
      expect(today.body.followups).toEqual([
        expect.objectContaining({ id: f.id, script: rule.script }),
      ]);

      // Recorded by the agent, not by a 运营 member; a bad outcome name is 400.
      expect(
        (
          await ops!.post<Problem>(`${V1}/aftersales/followups/${f.id}/outcome`, {
            outcome: "good_review",
            version: f.version,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await agent.post<Problem>(`${V1}/aftersales/followups/${f.id}/outcome`, {
            outcome: "great",
            version: f.version,
          })
        ).status,
      ).toBe(400);
      const done = await agent.post<{ outcome: string; turnedGood: boolean }>(
        `${V1}/aftersales/followups/${f.id}/outcome`,
        { outcome: "turned_good", version: f.version },
      );
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ outcome: "turned_good", turnedGood: true });
      const counted = await ops!.get<{
        items: { memberId: string; month: string; count: number }[];
      }>(`${V1}/aftersales/followups/turned-good?from=2026-10-01&to=2026-10-31`);
      expect(counted.body.items).toEqual([{ memberId: f.memberId, month: "2026-10", count: 1 }]);
    });
  });
}
