// 好评回访 follow-ups are made when they come due, never by reading a day, on both databases: rules
// saved before the orders came in make nothing; an order import with deliveries the rules take makes
// the calls as it commits — each on its agent's Today with its 5 minutes and in the lead's queue per
// person beside their cases — and GET /today and GET /aftersales/followups write no row. The same
// day with no new import the server's sweep reads nothing; another import makes it look again (it
// finds them made); the next local day (the services' clock) the sweep makes what came due with time
// alone, which reading Today did not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { signedInClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { FollowupSweep } from "./followups-generate.js";
import { FollowupRepository } from "./followups.repository.js";

const V1 = "/api/v1";
const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai
const ORDER = "3515313147329357901"; // received 2026-10-05

interface Day {
  date: string;
  followups: { id: string; estimatedMinutes: number }[];
}
interface Queue {
  members: {
    memberId: string;
    count: number;
    followups: { count: number; estimatedMinutes: number };
  }[];
}

for (const dialect of DIALECTS) {
  describe(`follow-ups made when they come due, not by reads, on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock(NOW);
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);

    it("an order import makes the calls its deliveries made due; Today and the list only read; the sweep makes what time made due", async () => {
      const x = await buildShopTeam(s);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      const agent = who("客服专员");
      const lead = who("客服主管");
      const agentC = await signIn(agent.email, agent.password);
      const leadC = await signIn(lead.email, lead.password);
      const importOrders = async () => {
        const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
          { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
          { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
        ]);
        expect(r.errors).toEqual([]);
      };
      const rows = () =>
        new FollowupRepository(t.tdb.database.db).list(x.owner.workspaceId, { limit: 200 });

      // Due 5 days after delivery (…901: the 10th), and 8 days after (…901: tomorrow, the 13th).
      await s.followups.putRules(x.owner, {
        version: 0,
        rules: [
          { name: "签收回访", trigger: "delivered", daysAfter: 5, script: "亲，收到了吗？" },
          { name: "八天回访", trigger: "delivered", daysAfter: 8, script: "亲，用得怎么样？" },
        ],
      });
      expect(await rows()).toEqual([]);
      // The import makes them as it commits: due 5 days after …901's delivery, not yet 8 days.
      await importOrders();
      const made = await rows();
      expect(made.length).toBeGreaterThan(0);
      const call = made.find((r) => r.ruleName === "签收回访" && r.platformOrderId === ORDER);
      expect(call).toMatchObject({ dueDate: "2026-10-10", state: "open" });
      expect([agent.memberId, lead.memberId]).toContain(call!.memberId);
      const eightDays = (rs: typeof made) =>
        rs.find((r) => r.ruleName === "八天回访" && r.platformOrderId === ORDER);
      expect(eightDays(made)).toBeUndefined();

      // Reading writes nothing.
      for (const c of [agentC, leadC]) {
        const day = await c.get<Day>(`${V1}/today`);
        expect(day.status).toBe(200);
        expect(day.body.date).toBe("2026-10-12");
      }
      const listed = await leadC.get<{ items: unknown[] }>(`${V1}/aftersales/followups`);
      expect(listed.status).toBe(200);
      expect(await rows()).toEqual(made);

      // On its agent's Today with its minutes, and beside their cases in the lead's queue.
      const mine = call!.memberId === agent.memberId ? agentC : leadC;
      const day = await mine.get<Day>(`${V1}/today`);
      expect(day.body.followups).toContainEqual(
        expect.objectContaining({ id: call!.id, estimatedMinutes: 5 }),
      );
      const queue = await leadC.get<Queue>(`${V1}/aftersales/queue`);
      expect(queue.status).toBe(200);
      for (const p of [agent, lead]) {
        const n = made.filter((r) => r.memberId === p.memberId).length;
        const row = queue.body.members.find((m) => m.memberId === p.memberId);
        expect(row?.followups).toEqual({ count: n, estimatedMinutes: n * 5 });
        if (p.memberId === call!.memberId) expect(n).toBeGreaterThanOrEqual(1);
      }

      // The server's sweep finds nothing more to make; the same day with nothing new it does not
      // read the orders again; another import makes it look (the import made what was due).
      const sweep = new FollowupSweep({ db: t.tdb.database.db, clock });
      expect(await sweep.sweep()).toEqual({ workspaces: 1, made: 0, failed: [] });
      expect(await sweep.sweep()).toEqual({ workspaces: 0, made: 0, failed: [] });
      await importOrders();
      expect(await sweep.sweep()).toEqual({ workspaces: 1, made: 0, failed: [] });

      // The next day on the shop's clock: …901's 8-day call comes due with time alone. Today
      // read does not make it; the sweep does, on that date.
      clock.set("2026-10-13T04:00:00.000Z");
      const next = await mine.get<Day>(`${V1}/today`);
      expect(next.body.date).toBe("2026-10-13");
      expect(eightDays(await rows())).toBeUndefined();
      expect(await sweep.sweep()).toMatchObject({ workspaces: 1, failed: [] });
      expect(eightDays(await rows())).toMatchObject({ dueDate: "2026-10-13", state: "open" });
    });
  });
}
