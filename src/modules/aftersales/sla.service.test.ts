// SLA clocks wired to cases, on both databases, with the workspace's real calendar (China's 2026
// holidays and make-up days, seeded at sign-up) and the shift 09:00–18:00 with lunch: deadlines
// across a weekend, the 国庆 holiday and the make-up Saturday 10 Oct, a case waiting for the buyer
// (the clock pauses and resumes with what was left), a platform's deadline winning over the policy,
// the alerts (agent and 客服 lead once per clock and state, live) and SLA attainment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import type { LiveEvent } from "../shared/context.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { SlaService } from "./sla.service.js";

/** A Shanghai wall-clock time as the ISO UTC instant the API gives. */
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const SHIFT = { start: "09:00", end: "18:00", breaks: [{ start: "12:00", end: "13:00" }] };

for (const dialect of DIALECTS) {
  describe(`after-sales SLA clocks on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock(sh("2026-09-01T09:00"));
    const live: { workspaceId: string; event: LiveEvent }[] = [];
    let sla: SlaService;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      sla = new SlaService({
        db: tdb.database.db,
        clock,
        events: { publish: (workspaceId, event) => live.push({ workspaceId, event }) },
      });
    });
    afterAll(async () => tdb.cleanup());

    async function team(targets: {
      firstResponse: number | null;
      decision: number | null;
      resolution: number | null;
    }) {
      clock.set(sh("2026-09-01T09:00"));
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357902",
      )!;
      await sla.putPolicies(t.owner, {
        version: 0,
        shift: SHIFT,
        policies: [{ name: "all", caseTypes: [], platforms: [], targets, atRiskShare: 0.8 }],
      });
      const cs = person("客服专员");
      const open = async (at: string) => {
        clock.set(at);
        return s.cases.create(cs.actor, { orderId: order.id!, type: "return_refund" });
      };
      return {
        ...t,
        cs,
        csLead: person("客服主管"),
        logistics: person("物流专员"),
        open,
      };
    }
    const due = (c: { sla: { clocks: { clock: string; dueAt: string | null }[] } }, k: string) =>
      c.sla.clocks.find((x) => x.clock === k)!.dueAt;

    it("counts working hours of the workspace calendar: across a weekend, 国庆 and the make-up Saturday", async () => {
      const t = await team({ firstResponse: 240, decision: 480, resolution: 960 });
      // Friday 13 Nov 16:00: 2 hours on Friday, nothing at the weekend, the rest on Monday.
      const fri = await t.open(sh("2026-11-13T16:00"));
      expect(due(fri, "firstResponse")).toBe(sh("2026-11-16T11:00"));
      expect(due(fri, "decision")).toBe(sh("2026-11-16T16:00"));
      expect(due(fri, "resolution")).toBe(sh("2026-11-17T16:00"));
      expect(fri.dueAt).toBe(sh("2026-11-16T11:00"));
      expect(fri.sla).toMatchObject({
        state: "on_track",
        nextClock: "firstResponse",
        policyName: "all",
      });
      // 30 Sept 17:00: one hour, then 1–7 Oct are the 国庆 holidays; 8 Oct is a working day.
      const golden = await t.open(sh("2026-09-30T17:00"));
      expect(due(golden, "firstResponse")).toBe(sh("2026-10-08T12:00"));
      expect(due(golden, "decision")).toBe(sh("2026-10-08T17:00"));
      expect(due(golden, "resolution")).toBe(sh("2026-10-09T17:00"));
      // Friday 9 Oct 17:00: Saturday 10 Oct is a make-up working day (调休), so it counts.
      const makeUp = await t.open(sh("2026-10-09T17:00"));
      expect(due(makeUp, "firstResponse")).toBe(sh("2026-10-10T12:00"));
      // An ordinary Saturday does not: Friday 16 Oct 17:00 runs on into Monday.
      const ordinary = await t.open(sh("2026-10-16T17:00"));
      expect(due(ordinary, "firstResponse")).toBe(sh("2026-10-19T12:00"));
      // The queue reads the same deadlines, soonest first.
      clock.set(sh("2026-09-30T17:00"));
      const queue = await s.cases.list(t.cs.actor, { state: "open" });
      expect(queue.items.map((c) => c.dueAt)).toEqual([
        sh("2026-10-08T12:00"),
        sh("2026-10-10T12:00"),
        sh("2026-10-19T12:00"),
        sh("2026-11-16T11:00"),
      ]);
    });

    it("pauses while the case waits for the buyer and resumes with the working time left", async () => {
      const t = await team({ firstResponse: 240, decision: 480, resolution: 960 });
      let c = await t.open(sh("2026-11-16T09:00"));
      clock.set(sh("2026-11-16T09:30"));
      c = await s.cases.transition(t.cs.actor, c.id, { to: "in_progress", version: c.version });
      clock.set(sh("2026-11-16T10:00"));
      c = await s.cases.transition(t.cs.actor, c.id, { to: "waiting_buyer", version: c.version });
      const clocks = Object.fromEntries(c.sla.clocks.map((k) => [k.clock, k]));
      expect(clocks.firstResponse).toMatchObject({
        state: "met",
        stoppedAt: sh("2026-11-16T09:30"),
      });
      expect(clocks.decision).toMatchObject({ state: "met", stoppedAt: sh("2026-11-16T10:00") });
      // 60 of 960 minutes used before the pause: no deadline while the buyer holds the case.
      expect(clocks.resolution).toMatchObject({ state: "paused", dueAt: null, minutesLeft: 900 });
      expect(c.dueAt).toBeNull();
      // Two days later the buyer's parcel arrives (Tuesday 15:00): the 900 minutes run from there —
      // Tuesday 180, Wednesday 480, Thursday 09:00–12:00 and 13:00–14:00.
      clock.set(sh("2026-11-17T15:00"));
      c = await s.cases.transition(t.cs.actor, c.id, { to: "received", version: c.version });
      expect(due(c, "resolution")).toBe(sh("2026-11-19T14:00"));
      expect(c.dueAt).toBe(sh("2026-11-19T14:00"));
      expect(c.sla.state).toBe("on_track");
      // Read again later the case shows the same deadline.
      clock.set(sh("2026-11-18T09:00"));
      expect((await s.cases.get(t.owner, c.id)).dueAt).toBe(sh("2026-11-19T14:00"));
    });

    it("a return parcel scanned at the pack station restarts the paused clock the same way", async () => {
      const t = await team({ firstResponse: 240, decision: 480, resolution: 960 });
      let c = await t.open(sh("2026-11-16T09:00"));
      clock.set(sh("2026-11-16T10:00"));
      c = await s.cases.transition(t.cs.actor, c.id, { to: "waiting_buyer", version: c.version });
      expect(c.dueAt).toBeNull();
      await tdb.database.db
        .updateTable("aftersalesCases")
        .set({ returnWaybill: "YT9000000777", returnCarrier: "圆通速递" })
        .where("id", "=", c.id)
        .execute();
      clock.set(sh("2026-11-17T15:00"));
      const packer = t.people.find((p) => p.name === "物流专员")!.actor;
      await s.packStation.scanReturn(packer, "YT9000000777");
      const after = await s.cases.get(t.owner, c.id);
      expect(after.state).toBe("received");
      expect(after.dueAt).toBe(sh("2026-11-19T14:00"));
    });

    it("a deadline the platform gave wins over the policy", async () => {
      const t = await team({ firstResponse: 240, decision: 480, resolution: 960 });
      const c = await t.open(sh("2026-11-16T09:00"));
      expect(due(c, "decision")).toBe(sh("2026-11-16T18:00"));
      // The platform's export says the merchant must decide by Sunday night (an instant, not working time).
      await tdb.database.db
        .updateTable("aftersalesCases")
        .set({ platformDeadlineAt: sh("2026-11-22T23:59") })
        .where("id", "=", c.id)
        .execute();
      clock.set(sh("2026-11-16T09:10"));
      await sla.sweepWorkspace(t.workspaceId);
      const after = await s.cases.get(t.owner, c.id);
      expect(after.sla.clocks.find((k) => k.clock === "decision")).toMatchObject({
        dueAt: sh("2026-11-22T23:59"),
        source: "platform",
      });
      // The first response is still the policy's and is due first.
      expect(after.dueAt).toBe(sh("2026-11-16T14:00"));
    });

    it("alerts the agent and the 客服 lead once per clock and state, live", async () => {
      const t = await team({ firstResponse: 60, decision: null, resolution: null });
      const c = await t.open(sh("2026-11-16T09:00"));
      await tdb.database.db
        .updateTable("aftersalesCases")
        .set({ assigneeMemberId: t.cs.memberId })
        .where("id", "=", c.id)
        .execute();
      const bells = async (memberId: string) =>
        (
          await tdb.database.db
            .selectFrom("notifications")
            .select(["kind", "link"])
            .where("workspaceId", "=", t.workspaceId)
            .where("memberId", "=", memberId)
            .where("kind", "like", "aftersales.sla.%")
            .orderBy("createdAt")
            .execute()
        ).map((n) => n.kind);
      clock.set(sh("2026-11-16T09:30"));
      await sla.sweep();
      expect(await bells(t.cs.memberId)).toEqual([]);
      // 48 of 60 minutes used: at risk.
      clock.set(sh("2026-11-16T09:50"));
      live.length = 0;
      await sla.sweep();
      await sla.sweep();
      expect(await bells(t.cs.memberId)).toEqual(["aftersales.sla.at_risk"]);
      expect(await bells(t.csLead.memberId)).toEqual(["aftersales.sla.at_risk"]);
      expect(await bells(t.logistics.memberId)).toEqual([]);
      expect(await bells(t.owner.memberId)).toEqual([]);
      const told = live
        .filter((e) => e.workspaceId === t.workspaceId && e.event.type === "notification")
        .map((e) => e.event.memberId);
      expect(told.sort()).toEqual([t.cs.memberId, t.csLead.memberId].sort());
      // Past 10:00 it is breached: one more alert each, and only one however often it sweeps.
      clock.set(sh("2026-11-16T10:05"));
      await sla.sweep();
      await sla.sweep();
      expect(await bells(t.cs.memberId)).toEqual([
        "aftersales.sla.at_risk",
        "aftersales.sla.breached",
      ]);
      expect(await bells(t.csLead.memberId)).toEqual([
        "aftersales.sla.at_risk",
        "aftersales.sla.breached",
      ]);
      const note = (await s.notifications.list(t.csLead.actor, {}, "zh-CN")).items[0]!;
      expect(note.link).toBe(`/aftersales/cases/${c.id}`);
      // Named as the case's pages name it (its order here), the deadline on Shanghai's wall clock.
      expect(c.platformOrderId).toBeTruthy();
      expect(note.title).toBe(
        `售后单 ${c.platformOrderId}：首次响应已超时（截止 2026-11-16 10:00）`,
      );
      const atRisk = (await s.notifications.list(t.cs.actor, {}, "en")).items.at(-1)!;
      expect(atRisk.title).toBe(
        `After-sales case ${c.platformOrderId}: First response at risk, due 2026-11-16 10:00`,
      );
    });

    it("SLA attainment: clocks stopped by their deadline over those decided", async () => {
      const t = await team({ firstResponse: 60, decision: null, resolution: null });
      const inTime = await t.open(sh("2026-11-16T09:00"));
      clock.set(sh("2026-11-16T09:30"));
      await s.cases.transition(t.cs.actor, inTime.id, {
        to: "in_progress",
        version: inTime.version,
      });
      const late = await t.open(sh("2026-11-16T10:00"));
      clock.set(sh("2026-11-16T14:00"));
      await s.cases.transition(t.cs.actor, late.id, { to: "in_progress", version: late.version });
      await t.open(sh("2026-11-17T09:00")); // still running in time: counts in neither
      clock.set(sh("2026-11-17T09:10"));
      const a = await sla.attainment(t.owner, { from: "2026-11-16", to: "2026-11-17" });
      expect(a).toMatchObject({
        cases: 3,
        firstResponse: { met: 1, breached: 1, rate: 0.5 },
        decision: { met: 0, breached: 0, rate: null },
        all: { met: 1, breached: 1, rate: 0.5 },
      });
      const oneDay = await sla.attainment(t.owner, {
        from: "2026-11-17",
        to: "2026-11-17",
        shop: "淘宝店",
      });
      expect(oneDay).toMatchObject({ cases: 1, all: { met: 0, breached: 0, rate: null } });
    });
  });
}
