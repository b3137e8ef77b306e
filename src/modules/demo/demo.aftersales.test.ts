// The demo shop's after-sales on both databases, as the 客服 people meet them: a month of cases on
// Taobao and Douyin read through the real import, the finished ones refunded, and today's open ones
// — one breached (its Taobao deadline passed), a return on its way back that the pack station can
// receive, cases routed to the 客服 members working today and on their Today; none of the finished
// or already-agreed ones reads overdue for work done on the platform before Dayclear saw it. The
// lead's two 好评回访 rules put calls on the 客服 people's Today, some due today, with the script.
// Every refund the demo's orders carry is a case (its orders arrive as an order import the sync
// reads), so the after-sales dashboard's refunds are the sales dashboard's refunded orders, each on
// the day the refund completed instead of the day its order was paid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { demoActors } from "../../../test/helpers/demo.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";

// Thursday 26 November 2026, 10:00 in Shanghai.
const NOW = "2026-11-26T02:00:00.000Z";
const TODAY = "2026-11-26";
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

for (const dialect of DIALECTS) {
  describe(`the demo shop's after-sales on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let actor: (name: string) => Actor;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      ({ actor } = await demoActors(s, tdb.database));
    }, 300_000);
    afterAll(async () => tdb.cleanup());

    it("has a month of cases on both platforms, today's open ones routed to the 客服 members", async () => {
      const lead = actor("王芳");
      // Hundreds of finished cases (every refund of the three months): the open ones by their own.
      const finished = (await s.cases.list(lead, { state: "resolved", limit: 200 })).items;
      const open = (await s.cases.list(lead, { state: "open", limit: 200 })).items;
      expect(new Set(finished.map((c) => c.platform))).toEqual(new Set(["taobao", "douyin"]));
      expect(new Set(open.map((c) => c.platform))).toEqual(new Set(["taobao", "douyin"]));
      expect(finished.length).toBeGreaterThanOrEqual(8);
      expect(finished.every((c) => (c.refundFen ?? 0) > 0)).toBe(true);
      expect(open.length).toBe(8);
      // The one whose Taobao deadline passed two days ago is breached; no other open case is
      // (the agreed and received ones were decided on the platform before Dayclear saw them).
      expect(open.filter((c) => c.sla.state === "breached").map((c) => c.reason)).toEqual([
        "质量问题",
      ]);
      // One new Taobao case has used 200 of its first answer's 240 working minutes: at risk.
      expect(open.filter((c) => c.sla.state === "at_risk").map((c) => c.reason)).toContain(
        "不喜欢/效果不好",
      );
      // A return on its way back, its waybill known to the pack station.
      expect(open).toContainEqual(
        expect.objectContaining({ state: "waiting_buyer", returnWaybill: "ZT7880000001" }),
      );
      expect(open.map((c) => c.state)).toEqual(
        expect.arrayContaining(["new", "waiting_buyer", "received", "in_progress"]),
      );
      // Routed to the 客服 people working today; each agent's Today lists theirs.
      const cs = ["刘婷", "赵磊"].map(actor);
      const assigned = open.filter((c) => c.assigneeMemberId !== null);
      expect(assigned.length).toBeGreaterThanOrEqual(4);
      for (const c of assigned)
        expect([...cs.map((a) => a.memberId), lead.memberId]).toContain(c.assigneeMemberId);
      let onToday = 0;
      for (const a of cs) {
        const day = await s.today.day(a, {});
        const mine = assigned.filter((c) => c.assigneeMemberId === a.memberId);
        expect(day.cases.map((c) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
        onToday += day.cases.length;
      }
      expect(onToday).toBeGreaterThanOrEqual(2);
      // 好评回访: the lead's two rules put calls on the 客服 people's Today (the lead works cases
      // too), each with its script, some due today and the rest within the days a call may be
      // late; not a flood.
      const rules = await s.followups.rules(lead);
      expect(rules.rules.map((r) => r.name)).toEqual(["高客单好评回访", "售后完结回访"]);
      let calls = 0;
      let dueToday = 0;
      for (const a of [...cs, lead]) {
        const day = await s.today.day(a, {});
        for (const f of day.followups) {
          expect(f.script).toContain("您好");
          expect(f.memberId).toBe(a.memberId);
          expect(f.dueDate <= day.date).toBe(true);
          expect(f.dueDate >= "2026-11-23").toBe(true); // at most 3 days late
          if (f.dueDate === day.date) dueToday += 1;
        }
        calls += day.followups.length;
      }
      expect(dueToday).toBeGreaterThanOrEqual(1);
      expect(calls).toBeGreaterThan(dueToday);
      expect(calls).toBeLessThanOrEqual(20);
    });

    it("counts on the after-sales dashboard the refunds the sales dashboard counts", async () => {
      const owner = actor("周晓明");
      const sales = async (from: string, to: string) =>
        (await s.kpis.get(owner, { from, to })).totals.refundedOrders;
      const cases = async (from: string, to: string) =>
        (await s.aftersalesDashboard.dashboard(owner, { from, to })).totals.refunds;
      // The sales dashboard counts a refunded order on its paid date; the after-sales dashboard a
      // refund on the day its case was resolved, the day the refund completed: `lag` days later.
      const refunds = await tdb.database.db
        .selectFrom("refunds as r")
        .innerJoin("orders as o", (j) =>
          j
            .onRef("o.workspaceId", "=", "r.workspaceId")
            .onRef("o.shopId", "=", "r.shopId")
            .onRef("o.platformOrderId", "=", "r.platformOrderId"),
        )
        .select(["r.completedAt", "o.paidDate"])
        .where("r.workspaceId", "=", owner.workspaceId)
        .where("r.status", "=", "succeeded")
        .execute();
      expect(refunds.length).toBeGreaterThan(100);
      const lag = Math.max(
        ...refunds.map((r) =>
          days(r.paidDate!, workspaceToday(new Date(r.completedAt!), "Asia/Shanghai")),
        ),
      );
      expect(lag).toBeGreaterThanOrEqual(0);
      // Over the whole history, one refunded case per refunded order whose refund has completed.
      expect(await cases("2026-08-01", TODAY)).toBe(
        await sales("2026-08-01", addDays(TODAY, -lag)),
      );
      // Over the last eight days the two differ only by the date bases: the refunds of the last
      // `lag` days' orders have not completed yet, those of the `lag` days before came in.
      const from = addDays(TODAY, -7);
      const refunded = await sales(from, TODAY);
      const got = await cases(from, TODAY);
      expect(got).toBeGreaterThanOrEqual(refunded - (await sales(addDays(TODAY, 1 - lag), TODAY)));
      expect(got).toBeLessThanOrEqual(
        refunded + (await sales(addDays(from, -lag), addDays(from, -1))),
      );
    });
  });
}
