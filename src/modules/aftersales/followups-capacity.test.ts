// 好评回访 calls take the agent's time on both databases: an agent with N follow-ups due on their
// Today gets N × FOLLOWUP_MINUTES less plan work that day (the engine moves it, it does not
// overbook them), and each call recorded gives its minutes back to the plan. Someone with no calls
// keeps their plan work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { FOLLOWUP_MINUTES } from "../../core/aftersales/followups.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai
const TODAY = "2026-10-12";
const CALLS = 6;

for (const dialect of DIALECTS) {
  describe(`好评回访 calls in the agent's day on ${dialect}`, { timeout: 120_000 }, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    it(`an agent with ${CALLS} calls due gets ${CALLS} × ${FOLLOWUP_MINUTES} minutes less plan work today; each call recorded gives its minutes back`, async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const agent = person("客服专员");
      const lead = person("客服主管");
      // The lead is away today: every call goes to the agent.
      await s.members.addLeave(t.owner, lead.memberId, { startDate: TODAY, endDate: TODAY });
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      // Plan work for the agent and for a 运营 member, more than a day's each.
      const plan = await s.plans.create(t.owner, { name: "客服知识库" });
      const { task } = await s.tasks.create(t.owner, plan.id, {
        name: "整理话术",
        effortHours: 16,
        assigneeMemberId: agent.memberId,
      });
      const ops = person("运营专员");
      const { task: opsTask } = await s.tasks.create(t.owner, plan.id, {
        name: "整理商品页",
        effortHours: 16,
        assigneeMemberId: ops.memberId,
      });
      const planned = async (who: typeof agent, taskId: string) => {
        const day = await s.today.day(who.actor, {});
        expect(day.date).toBe(TODAY);
        return {
          hours: day.tasks.find((x) => x.taskId === taskId)?.hours ?? 0,
          calls: day.followups,
        };
      };
      const before = await planned(agent, task.id);
      expect(before.hours).toBeGreaterThan(1);
      expect(before.calls).toEqual([]);
      const opsBefore = (await planned(ops, opsTask.id)).hours;

      // Six rules take order …901 (received 2026-10-05, due on the 10th): six calls on Today.
      await s.followups.putRules(t.owner, {
        version: 0,
        rules: Array.from({ length: CALLS }, (_, k) => ({
          name: `回访 ${k + 1}`,
          trigger: "delivered" as const,
          daysAfter: 5,
          script: "亲，宝贝收到了吗？",
        })),
      });
      const after = await planned(agent, task.id);
      expect(after.calls).toHaveLength(CALLS);
      expect(after.calls.every((c) => c.memberId === agent.memberId)).toBe(true);
      const perCall = FOLLOWUP_MINUTES / 60;
      expect(after.hours).toBeCloseTo(before.hours - CALLS * perCall, 2);
      // The 运营 member has no calls: the same plan work as before.
      expect((await planned(ops, opsTask.id)).hours).toBe(opsBefore);

      // Three calls recorded: their minutes go back to the plan task.
      for (const c of after.calls.slice(0, 3))
        await s.followups.record(agent.actor, c.id, { outcome: "good_review", version: c.version });
      const later = await planned(agent, task.id);
      expect(later.calls).toHaveLength(CALLS - 3);
      expect(later.hours).toBeCloseTo(before.hours - (CALLS - 3) * perCall, 2);
    });
  });
}
