// Routing cases into people's days on both databases: new cases go to the 客服 people working today
// by least open work or round robin (one of them on leave gets none), a high-amount case goes to the
// member named for it (or waits for the lead with its reason when they are away), the lead reassigns
// (history, audit, a notice to the new assignee), a 客服 member may only take an unassigned case, a
// 运营 lead may not assign, a stale version is 409, and an assigned case is on the agent's Today with
// its deadline while its minutes come off the hours the engine plans for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { DEFAULT_CASE_MINUTES } from "../../core/aftersales/case-load.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import {
  buildMember,
  buildShopTeam,
  frozenClock,
  services,
} from "../../../test/helpers/factories.js";

const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai
const TODAY = "2026-10-12";

for (const dialect of DIALECTS) {
  describe(`routing cases into people's days on ${dialect}`, { timeout: 120_000 }, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    /** The shop team, a third 客服 member, the 客服 lead on leave today, a Taobao order. */
    const team = async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const cs = t.departments.find((d) => d.name === "客服")!;
      const wang = await buildMember(s, t.owner, {
        name: "客服小王",
        role: "member",
        departmentId: cs.id,
      });
      const lead = person("客服主管");
      await s.members.addLeave(t.owner, lead.memberId, { startDate: TODAY, endDate: TODAY });
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357902",
      )!;
      const zhang = person("客服专员");
      const open = (type: "exchange" | "complaint" = "exchange", requestedFen = 0) =>
        s.cases.create(zhang.actor, { orderId: order.id!, type, requestedFen });
      return {
        ...t,
        lead,
        zhang: { memberId: zhang.memberId, actor: zhang.actor },
        wang: { memberId: wang.member.id, actor: wang.actor },
        opsLead: person("运营主管").actor,
        open,
      };
    };

    it("routes new cases by least open work to the 客服 people working today, none to the one on leave", async () => {
      const t = await team();
      const got = [];
      for (let i = 0; i < 3; i++) got.push((await t.open()).assigneeMemberId);
      // Equal open work: the first in id order; then whoever has less.
      const [a, b] = [t.zhang.memberId, t.wang.memberId].sort();
      expect(got).toEqual([a, b, a]);
      // The lead's queue: per person, the absent lead not working and empty, nobody unassigned.
      const q = await s.caseRouting.queue(t.lead.actor);
      const row = (id: string) => q.members.find((m) => m.memberId === id)!;
      expect(row(t.lead.memberId)).toMatchObject({ working: false, count: 0, estimatedMinutes: 0 });
      expect(row(got[0]!)).toMatchObject({
        working: true,
        count: 2,
        estimatedMinutes: 2 * DEFAULT_CASE_MINUTES.exchange,
      });
      expect(row(got[1]!)).toMatchObject({
        count: 1,
        estimatedMinutes: DEFAULT_CASE_MINUTES.exchange,
      });
      expect(q.unassigned).toMatchObject({ count: 0, estimatedMinutes: 0 });
      // The history says who got it by which rule.
      const c = await s.cases.get(
        t.owner,
        (await s.cases.list(t.owner, { state: "open" })).items[0]!.id,
      );
      expect(c.history.map((h) => h.message.code)).toContain("case.history.routed");
    });

    it("routes by round robin when the rules say so, skipping the member on leave", async () => {
      const t = await team();
      const put = await s.caseRouting.putRules(t.owner, { strategy: "round_robin", version: 0 });
      expect(put).toMatchObject({ strategy: "round_robin", version: 1 });
      const got = [];
      for (let i = 0; i < 4; i++) got.push((await t.open()).assigneeMemberId);
      const [a, b] = [t.zhang.memberId, t.wang.memberId].sort();
      expect(got).toEqual([a, b, a, b]);
      // A 客服 member may not change the rules; a stale version is 409.
      expect(
        await failure(
          s.caseRouting.putRules(t.zhang.actor, { strategy: "least_open_work", version: 1 }),
        ),
      ).toMatchObject({ kind: "forbidden" });
      expect(
        await failure(s.caseRouting.putRules(t.owner, { strategy: "least_open_work", version: 0 })),
      ).toMatchObject({ kind: "conflict" });
      // Only people of a customer_service department may be named.
      const bad = await failure(
        s.caseRouting.putRules(t.owner, {
          strategy: "least_open_work",
          highAmountMembers: [t.people.find((p) => p.name === "运营专员")!.memberId],
          version: 1,
        }),
      );
      expect(bad).toMatchObject({ kind: "invalid", coded: { code: "case.assign.not_handler" } });
    });

    it("gives a high-amount case to the member named for it, or leaves it for the lead with the reason", async () => {
      const t = await team();
      await s.caseRouting.putRules(t.owner, {
        strategy: "least_open_work",
        highAmountFen: 50_000,
        highAmountMembers: [t.wang.memberId],
        version: 0,
      });
      // 小王 has more open work than 张 would after this, yet gets the big ones.
      const small = await t.open("exchange", 10_000);
      const big1 = await t.open("exchange", 99_900);
      const big2 = await t.open("exchange", 99_900);
      expect(small.assigneeMemberId).toBe(t.zhang.memberId);
      expect([big1.assigneeMemberId, big2.assigneeMemberId]).toEqual([
        t.wang.memberId,
        t.wang.memberId,
      ]);
      // 小王 goes on leave: the next big case waits for the lead, with its reason.
      await s.members.addLeave(t.owner, t.wang.memberId, { startDate: TODAY, endDate: TODAY });
      const waiting = await t.open("exchange", 99_900);
      expect(waiting.assigneeMemberId).toBeNull();
      const q = await s.caseRouting.queue(t.owner);
      expect(q.unassigned).toMatchObject({
        count: 1,
        estimatedMinutes: DEFAULT_CASE_MINUTES.exchange,
      });
      expect(q.unassigned.reasons).toEqual([
        expect.objectContaining({
          reason: "override_unavailable",
          count: 1,
          message: { code: "aftersales.routing.reason.override_unavailable" },
        }),
      ]);
      // A 客服 member takes the unassigned case for themselves.
      const taken = await s.caseAssign.assign(t.zhang.actor, waiting.id, {
        memberId: t.zhang.memberId,
        version: waiting.version,
      });
      expect(taken.assigneeMemberId).toBe(t.zhang.memberId);
    });

    it("lets the 客服 lead reassign (history, audit, notice) and refuses a member moving someone else's case, a 运营 lead and a stale version", async () => {
      const t = await team();
      // The lead is back: reassigning is theirs, on leave or not.
      const c = await t.open();
      const from = c.assigneeMemberId!;
      const to = from === t.zhang.memberId ? t.wang : t.zhang;
      const other = from === t.zhang.memberId ? t.zhang : t.wang;
      // The member who does not have it may not take it from the other.
      expect(
        await failure(
          s.caseAssign.assign(to.actor, c.id, { memberId: to.memberId, version: c.version }),
        ),
      ).toMatchObject({ kind: "forbidden", coded: { code: "case.assign.others_forbidden" } });
      // Nor may the one who has it hand it to someone else.
      expect(
        await failure(
          s.caseAssign.assign(other.actor, c.id, { memberId: to.memberId, version: c.version }),
        ),
      ).toMatchObject({ kind: "forbidden", coded: { code: "case.assign.others_forbidden" } });
      // A 运营 lead works no cases.
      expect(
        await failure(
          s.caseAssign.assign(t.opsLead, c.id, { memberId: to.memberId, version: c.version }),
        ),
      ).toMatchObject({ kind: "forbidden", coded: { code: "case.handle_forbidden" } });
      const moved = await s.caseAssign.assign(t.lead.actor, c.id, {
        memberId: to.memberId,
        version: c.version,
      });
      expect(moved.assigneeMemberId).toBe(to.memberId);
      expect(moved.version).toBe(c.version + 1);
      expect(moved.history.at(-1)).toMatchObject({
        kind: "assigned",
        actorMemberId: t.lead.memberId,
        message: { code: "case.history.assigned" },
      });
      const audit = await tdb.database.db
        .selectFrom("auditLog")
        .select("action")
        .where("workspaceId", "=", t.workspaceId)
        .where("entityId", "=", c.id)
        .execute();
      expect(audit.map((a) => a.action)).toContain("aftersales.case.assign");
      const notes = await tdb.database.db
        .selectFrom("notifications")
        .select(["kind", "title"])
        .where("workspaceId", "=", t.workspaceId)
        .where("memberId", "=", to.memberId)
        .where("kind", "=", "aftersales.assigned")
        .execute();
      expect(notes.map((n) => JSON.parse(n.title) as { code: string })).toContainEqual(
        expect.objectContaining({ code: "case.notice.assigned" }),
      );
      // The version read before the move is stale now.
      expect(
        await failure(
          s.caseAssign.assign(t.lead.actor, c.id, { memberId: from, version: c.version }),
        ),
      ).toMatchObject({ kind: "conflict" });
      // Only 客服 people get cases.
      const ops = t.people.find((p) => p.name === "运营专员")!;
      expect(
        await failure(
          s.caseAssign.assign(t.owner, c.id, { memberId: ops.memberId, version: moved.version }),
        ),
      ).toMatchObject({ kind: "invalid", coded: { code: "case.assign.not_handler" } });
    });

    it("puts an assigned case on the agent's Today with its deadline, and its minutes come off the hours the engine plans", async () => {
      const t = await team();
      // 小王 is away too: every case goes to 张.
      await s.members.addLeave(t.owner, t.wang.memberId, { startDate: TODAY, endDate: TODAY });
      await s.caseRouting.putRules(t.owner, {
        strategy: "least_open_work",
        minutesByType: { complaint: 90 },
        version: 0,
      });
      const plan = await s.plans.create(t.owner, { name: "客服知识库" });
      const { task } = await s.tasks.create(t.owner, plan.id, {
        name: "整理话术",
        effortHours: 16,
        assigneeMemberId: t.zhang.memberId,
      });
      const planned = async () =>
        (await s.today.day(t.zhang.actor, {})).tasks.find((x) => x.taskId === task.id)?.hours ?? 0;
      const before = await planned();
      expect(before).toBeGreaterThan(0);
      const c1 = await t.open("complaint");
      const c2 = await t.open("complaint");
      expect([c1.assigneeMemberId, c2.assigneeMemberId]).toEqual([
        t.zhang.memberId,
        t.zhang.memberId,
      ]);
      const day = await s.today.day(t.zhang.actor, {});
      expect(day.date).toBe(TODAY);
      expect(day.cases.map((c) => c.id).sort()).toEqual([c1.id, c2.id].sort());
      const fresh = await s.cases.get(t.owner, c1.id);
      expect(day.cases.find((c) => c.id === c1.id)).toMatchObject({
        type: "complaint",
        state: "new",
        dueAt: fresh.dueAt,
        estimatedMinutes: 90,
      });
      // 3 hours of cases: the task gets 3 hours less today than before.
      expect(await planned()).toBe(before - 3);
      // One is closed: its 90 minutes go back to the task.
      await s.cases.transition(t.zhang.actor, c1.id, { to: "closed", version: fresh.version });
      expect(await planned()).toBe(before - 1.5);
      expect((await s.today.day(t.zhang.actor, {})).cases.map((c) => c.id)).toEqual([c2.id]);
      // Someone else's Today shows none of them.
      expect((await s.today.day(t.lead.actor, {})).cases).toEqual([]);
    });
  });
}
