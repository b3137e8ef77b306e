// 好评回访 follow-ups on both databases: the owner and the 客服 lead set the rules, a 客服 member and a
// 运营 member may not; an order delivered five days before lands on a 客服 agent's Today with the
// script; only that agent (or the lead, or the owner) records it; a bad review opens a complaint
// case with its own SLA clock; a follow-up after that complaint is resolved, recorded as a good
// review, counts as turned good — per agent per month, as the metrics will read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { FollowupRepository } from "./followups.repository.js";

const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai
const TODAY = "2026-10-12";
const SCRIPT = "亲，您购买的宝贝收到了吗？使用中有任何问题随时找我们～";

for (const dialect of DIALECTS) {
  describe(`好评回访 follow-ups on ${dialect}`, { timeout: 120_000 }, () => {
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
      const shop = (await s.shops.list(t.owner)).items.find((x) => x.name === "淘宝店")!;
      return { ...t, person, shopId: shop.id };
    };

    it("lets the owner and the 客服 lead set the rules, not a 客服 member nor a 运营 member", async () => {
      const t = await team();
      const rule = {
        name: "签收回访",
        shopId: t.shopId,
        trigger: "delivered" as const,
        daysAfter: 3,
        minAmountFen: 10_000,
        script: SCRIPT,
      };
      expect(await s.followups.rules(t.person("运营专员").actor)).toEqual({
        rules: [],
        version: 0,
      });
      for (const who of ["客服专员", "运营专员"])
        expect(
          await failure(s.followups.putRules(t.person(who).actor, { version: 0, rules: [rule] })),
        ).toMatchObject({ kind: "forbidden" });
      const put = await s.followups.putRules(t.owner, { version: 0, rules: [rule] });
      expect(put.version).toBe(1);
      expect(put.rules[0]).toMatchObject({ ...rule, platform: null, active: true });
      const lead = t.person("客服主管").actor;
      const again = await s.followups.putRules(lead, {
        version: 1,
        rules: [{ ...put.rules[0]!, daysAfter: 4 }],
      });
      expect(again.rules[0]).toMatchObject({ id: put.rules[0]!.id, daysAfter: 4 });
      expect(
        await failure(s.followups.putRules(t.owner, { version: 1, rules: [rule] })),
      ).toMatchObject({ kind: "conflict" });
      expect(
        await failure(
          s.followups.putRules(t.owner, { version: 2, rules: [{ ...rule, shopId: "nope" }] }),
        ),
      ).toMatchObject({ kind: "invalid", coded: { code: "aftersales.followup.shop_unknown" } });
    });

    it("puts a delivered order on an agent's Today with the script; a bad review opens a complaint with its clock; turned good is counted", async () => {
      const t = await team();
      await s.followups.putRules(t.owner, {
        version: 0,
        rules: [
          // Order …901 was received 2026-10-05: due on the 10th, still on Today on the 12th.
          {
            name: "签收回访",
            shopId: t.shopId,
            trigger: "delivered",
            daysAfter: 5,
            script: SCRIPT,
          },
          {
            name: "大单回访",
            trigger: "delivered",
            daysAfter: 7,
            minAmountFen: 100_000_00,
            script: "x",
          },
          { name: "售后回访", trigger: "case_resolved", daysAfter: 0, script: "问题解决了吗？" },
        ],
      });
      const all = (await s.followups.list(t.owner, { state: "open" })).items;
      expect(all).toHaveLength(1); // the big-order rule takes no order of 199 yuan
      const f = all[0]!;
      expect(f).toMatchObject({
        ruleName: "签收回访",
        platformOrderId: "3515313147329357901",
        dueDate: "2026-10-10",
        script: SCRIPT,
        state: "open",
      });
      const agents = [t.person("客服主管"), t.person("客服专员")];
      const agent = agents.find((p) => p.memberId === f.memberId)!;
      const other = agents.find((p) => p.memberId !== f.memberId)!;
      expect(agent).toBeDefined();
      const day = await s.today.day(agent.actor, {});
      expect(day.date).toBe(TODAY);
      expect(day.followups.map((x) => [x.id, x.script])).toEqual([[f.id, SCRIPT]]);
      expect((await s.today.day(other.actor, {})).followups).toEqual([]);

      // Nobody else outside customer service or not given it records it (unless lead/owner).
      expect(
        await failure(
          s.followups.record(t.person("运营专员").actor, f.id, {
            outcome: "good_review",
            version: 1,
          }),
        ),
      ).toMatchObject({ kind: "forbidden", coded: { code: "case.handle_forbidden" } });
      const member = agents.find((p) => p.name === "客服专员")!;
      if (member.memberId !== f.memberId)
        expect(
          await failure(
            s.followups.record(member.actor, f.id, { outcome: "no_answer", version: 1 }),
          ),
        ).toMatchObject({
          kind: "forbidden",
          coded: { code: "aftersales.followup.others_forbidden" },
        });

      // A bad review: a complaint case on the order, with its own SLA clock.
      const done = await s.followups.record(agent.actor, f.id, {
        outcome: "bad_review",
        note: "买家说包装破了，给了差评",
        version: 1,
      });
      expect(done).toMatchObject({ state: "done", outcome: "bad_review", turnedGood: false });
      const complaint = await s.cases.get(t.owner, done.complaintCaseId!);
      expect(complaint).toMatchObject({
        type: "complaint",
        state: "new",
        reason: "买家说包装破了，给了差评",
        platformOrderId: "3515313147329357901",
      });
      expect(complaint.dueAt).not.toBeNull();
      expect(complaint.sla.policyName).toBe("default-complaint");
      expect(complaint.sla.clocks.find((c) => c.clock === "firstResponse")).toMatchObject({
        targetMinutes: 120,
        state: "on_track",
      });
      expect((await s.today.day(agent.actor, {})).followups).toEqual([]);
      expect(
        await failure(s.followups.record(agent.actor, f.id, { outcome: "no_answer", version: 2 })),
      ).toMatchObject({ kind: "conflict" });

      // The complaint resolved: a follow-up the same day; a good review now is a bad review turned good.
      await s.cases.transition(t.owner, complaint.id, {
        to: "resolved",
        resolution: "rejected",
        version: complaint.version,
      });
      const after = (await s.followups.list(t.owner, { state: "open" })).items;
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({
        ruleName: "售后回访",
        caseId: complaint.id,
        source: "case",
      });
      const lead = t.person("客服主管");
      const turned = await s.followups.record(lead.actor, after[0]!.id, {
        outcome: "good_review",
        version: 1,
      });
      expect(turned).toMatchObject({ outcome: "good_review", turnedGood: true });

      // Counted per agent per month, by the service and the repository the metrics read.
      const counts = await s.followups.turnedGood(t.owner, {
        from: "2026-10-01",
        to: "2026-10-31",
      });
      expect(counts).toEqual([{ memberId: lead.memberId, month: "2026-10", count: 1 }]);
      expect(
        await new FollowupRepository(tdb.database.db).turnedGoodByAgentMonth(t.owner.workspaceId, {
          from: "2026-11-01",
          to: "2026-11-30",
        }),
      ).toEqual([]);
    });
  });
}
