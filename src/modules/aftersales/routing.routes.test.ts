// The routing routes over HTTP on both databases: the rules read by anyone and saved by the 客服
// lead (a 客服 member 403, a bad minutes table 400 naming the field, a stale version 409), the
// queue per person, and a case reassigned by the lead (a stale version 409 with currentVersion, a
// 运营 member 403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { signedInClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";

const V1 = "/api/v1";

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code?: string }[];
  currentVersion?: number;
}

for (const dialect of DIALECTS) {
  describe(`routing routes on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-10-12T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);

    it("reads and saves the rules, shows the queue per person and lets the lead reassign", async () => {
      const x = await buildShopTeam(s);
      const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const cs = await signIn(who("客服专员").email, who("客服专员").password);
      const csLead = await signIn(who("客服主管").email, who("客服主管").password);
      const ops = await signIn(who("运营专员").email, who("运营专员").password);

      const read = await ops.get<{ strategy: string; version: number }>(`${V1}/aftersales/routing`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ strategy: "least_open_work", version: 0 });
      const byMember = await cs.put<Problem>(`${V1}/aftersales/routing`, {
        strategy: "round_robin",
        version: 0,
      });
      expect(byMember.status).toBe(403);
      const bad = await csLead.put<Problem>(`${V1}/aftersales/routing`, {
        strategy: "round_robin",
        minutesByType: { complaint: 0 },
        version: 0,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).join()).toContain("complaint");
      const saved = await csLead.put<{ strategy: string; version: number }>(
        `${V1}/aftersales/routing`,
        { strategy: "round_robin", minutesByType: { exchange: 40 }, version: 0 },
      );
      expect([saved.status, saved.body.strategy, saved.body.version]).toEqual([
        200,
        "round_robin",
        1,
      ]);
      const stale = await csLead.put<Problem>(`${V1}/aftersales/routing`, {
        strategy: "least_open_work",
        version: 0,
      });
      expect([stale.status, stale.body.currentVersion]).toEqual([409, 1]);

      const order = (await s.orders.list(x.owner, { limit: 50 })).items[0]!;
      const created = await cs.post<{ id: string; assigneeMemberId: string; version: number }>(
        `${V1}/aftersales/cases`,
        { orderId: order.id, type: "exchange" },
      );
      expect(created.status).toBe(201);
      const holder = created.body.assigneeMemberId;
      const queue = await ops.get<{
        members: { memberId: string; count: number; estimatedMinutes: number }[];
        unassigned: { count: number };
      }>(`${V1}/aftersales/queue`);
      expect(queue.status).toBe(200);
      expect(queue.body.members.find((m) => m.memberId === holder)).toMatchObject({
        count: 1,
        estimatedMinutes: 40,
      });
      expect(queue.body.unassigned.count).toBe(0);

      const other = [who("客服专员").memberId, who("客服主管").memberId].find((m) => m !== holder)!;
      const url = `${V1}/aftersales/cases/${created.body.id}/assign`;
      const refused = await ops.post<Problem>(url, {
        memberId: other,
        version: created.body.version,
      });
      expect([refused.status, refused.body.code]).toEqual([403, "case.handle_forbidden"]);
      const moved = await csLead.post<{ assigneeMemberId: string; version: number }>(url, {
        memberId: other,
        version: created.body.version,
      });
      expect([moved.status, moved.body.assigneeMemberId]).toEqual([200, other]);
      const again = await csLead.post<Problem>(url, {
        memberId: holder,
        version: created.body.version,
      });
      expect([again.status, again.body.currentVersion]).toEqual([409, moved.body.version]);
    });
  });
}
