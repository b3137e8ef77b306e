import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { outcomeKind } from "../../../test/helpers/errors.js";
import {
  buildMember,
  buildShopTeam,
  buildWorkspace,
  services,
  uniqueEmail,
} from "../../../test/helpers/factories.js";
import { Client, signupClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import * as fx from "../../../test/fixtures/orders/build.js";

interface Listed {
  id: string;
  memberId: string;
  memberName: string;
  amount: string;
  reason: string;
  status: string;
  runId: string | null;
  runPeriod: string | null;
  createdBy: string | null;
  createdAt: string;
}

for (const dialect of DIALECTS) {
  describe(`pay adjustments, listed, on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    /** A shop team with October's orders and every department of interest on a plan. */
    async function team() {
      const t = await buildShopTeam(s);
      await s.imports.importFiles(t.owner, { shopName: "天猫旗舰店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      const dep = (name: string) => t.departments.find((d) => d.name === name)!;
      for (const [templateId, name] of [
        ["customer-service", "客服"],
        ["operations", "运营"],
      ] as const) {
        const plan = await s.payPlans.create(t.owner, { templateId, effectiveFrom: "2026-10-01" });
        await s.payPlans.assign(t.owner, plan.id, {
          targetType: "department",
          targetId: dep(name).id,
          effectiveFrom: "2026-10-01",
        });
      }
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      return { ...t, person };
    }

    it("lists adjustments as open until the run that pays them is locked, then as settled with that run", async () => {
      const t = await team();
      const agent = t.person("客服专员"),
        ops = t.person("运营专员");
      const a1 = await s.payRuns.addAdjustment(t.owner, {
        memberId: agent.memberId,
        amount: "200.00",
        reason: "九月漏算的提成",
      });
      const a2 = await s.payRuns.addAdjustment(t.owner, {
        memberId: ops.memberId,
        amount: "-50.00",
        reason: "多发的餐补",
      });

      const open = await s.payAdjustments.list(t.owner, { status: "open" });
      expect(open.items.map((a) => a.id)).toEqual([a2.id, a1.id]); // newest first
      expect(open.items[1]).toEqual({
        id: a1.id,
        memberId: agent.memberId,
        memberName: "客服专员",
        amount: "200.00",
        reason: "九月漏算的提成",
        status: "open",
        runId: null,
        runPeriod: null,
        createdBy: t.owner.memberId,
        createdAt: a1.createdAt,
      });
      expect((await s.payAdjustments.list(t.owner, { status: "settled" })).items).toEqual([]);

      // a draft run includes them but does not settle them: they stay open until it is locked
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      expect(
        run.statements
          .find((x) => x.memberId === agent.memberId)!
          .lines.find((l) => l.kind === "adjustment")?.amount,
      ).toBe("200.00");
      expect((await s.payAdjustments.list(t.owner, { status: "open" })).items).toHaveLength(2);

      await s.payRuns.lock(t.owner, run.id, run.version);
      expect((await s.payAdjustments.list(t.owner, { status: "open" })).items).toEqual([]);
      const settled = await s.payAdjustments.list(t.owner, { status: "settled" });
      expect(settled.items.map((a) => [a.id, a.status, a.runId, a.runPeriod])).toEqual([
        [a2.id, "settled", run.id, "2026-10"],
        [a1.id, "settled", run.id, "2026-10"],
      ]);

      const later = await s.payRuns.addAdjustment(t.owner, {
        memberId: agent.memberId,
        amount: "30.00",
        reason: "十月好评返现",
      });
      expect(
        (await s.payAdjustments.list(t.owner, { status: "open" })).items.map((a) => a.id),
      ).toEqual([later.id]);
      expect((await s.payAdjustments.list(t.owner)).items.map((a) => a.id)).toEqual([
        later.id,
        a2.id,
        a1.id,
      ]); // default: all

      const first = await s.payAdjustments.list(t.owner, { limit: 2 });
      expect(first.items.map((a) => a.id)).toEqual([later.id, a2.id]);
      const second = await s.payAdjustments.list(t.owner, { limit: 2, cursor: first.nextCursor! });
      expect([second.items.map((a) => a.id), second.nextCursor]).toEqual([[a1.id], null]);
    });

    it("settles on lock only the adjustments the run's statements paid: none for someone without a plan, none added after computing", async () => {
      const t = await team();
      const agent = t.person("客服专员"),
        designer = t.person("设计专员"); // 设计 has no plan in this team
      const unpaid = await s.payRuns.addAdjustment(t.owner, {
        memberId: designer.memberId,
        amount: "-200.00",
        reason: "no statement to carry it",
      });
      const paid = await s.payRuns.addAdjustment(t.owner, {
        memberId: agent.memberId,
        amount: "80.00",
        reason: "on the statement",
      });
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      expect(run.statements.some((x) => x.memberId === designer.memberId)).toBe(false);
      const late = await s.payRuns.addAdjustment(t.owner, {
        memberId: agent.memberId,
        amount: "5.00",
        reason: "added after the run was computed",
      });
      await s.payRuns.lock(t.owner, run.id, run.version);
      const byId = new Map((await s.payAdjustments.list(t.owner)).items.map((a) => [a.id, a]));
      expect([byId.get(paid.id)!.status, byId.get(paid.id)!.runPeriod]).toEqual([
        "settled",
        "2026-10",
      ]);
      expect([byId.get(unpaid.id)!.status, byId.get(unpaid.id)!.runId]).toEqual(["open", null]);
      expect([byId.get(late.id)!.status, byId.get(late.id)!.runId]).toEqual(["open", null]);
    });

    it("shows a member their own, a lead their departments' and never another workspace's", async () => {
      const t = await team();
      const agent = t.person("客服专员"),
        csLead = t.person("客服主管"),
        ops = t.person("运营专员");
      await s.payRuns.addAdjustment(t.owner, {
        memberId: agent.memberId,
        amount: "10.00",
        reason: "a",
      });
      await s.payRuns.addAdjustment(t.owner, {
        memberId: csLead.memberId,
        amount: "20.00",
        reason: "b",
      });
      await s.payRuns.addAdjustment(t.owner, {
        memberId: ops.memberId,
        amount: "30.00",
        reason: "c",
      });
      const other = await buildWorkspace(s);
      const stranger = await buildMember(s, other.owner, { name: "别家的人" });
      await s.payRuns.addAdjustment(other.owner, {
        memberId: stranger.member.id,
        amount: "99.00",
        reason: "elsewhere",
      });

      const names = async (p: Promise<{ items: Listed[] }>) =>
        (await p).items.map((a) => a.memberName).sort();
      expect(await names(s.payAdjustments.list(t.owner))).toEqual(
        ["客服专员", "客服主管", "运营专员"].sort(),
      );
      expect(await names(s.payAdjustments.list(agent.actor))).toEqual(["客服专员"]);
      expect(await names(s.payAdjustments.list(csLead.actor))).toEqual(
        ["客服专员", "客服主管"].sort(),
      );
      expect(
        await names(s.payAdjustments.list(csLead.actor, { memberId: agent.memberId })),
      ).toEqual(["客服专员"]);
      expect(await names(s.payAdjustments.list(other.owner))).toEqual(["别家的人"]);

      // naming someone you may not see is refused, as their statement is; another workspace's member is not found
      expect(
        await outcomeKind(s.payAdjustments.list(agent.actor, { memberId: csLead.memberId })),
      ).toBe("forbidden");
      expect(
        await outcomeKind(s.payAdjustments.list(csLead.actor, { memberId: ops.memberId })),
      ).toBe("forbidden");
      expect(
        await outcomeKind(s.payAdjustments.list(t.owner, { memberId: stranger.member.id })),
      ).toBe("not_found");
    });
  });

  describe(`GET /pay-adjustments on ${dialect}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(dialect);
    });
    afterAll(async () => app.close());

    it("answers the owner's and a member's lists, and refuses a bad status, another member's filter and a stranger", async () => {
      const { client: owner } = await signupClient(app.app);
      const email = uniqueEmail("m");
      const member = await owner.post<{ id: string }>("/api/v1/members", {
        name: "客服小王",
        email,
        password: "member-pass",
      });
      const ownerId = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
      expect(
        (
          await owner.post("/api/v1/pay-adjustments", {
            memberId: member.body.id,
            amount: "88.80",
            reason: "补发",
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await owner.post("/api/v1/pay-adjustments", {
            memberId: ownerId,
            amount: "-1.00",
            reason: "own",
          })
        ).status,
      ).toBe(201);

      const all = await owner.get<{ items: Listed[]; nextCursor: string | null }>(
        "/api/v1/pay-adjustments?status=open",
      );
      expect(all.status).toBe(200);
      expect(all.body.items.map((a) => [a.memberName, a.amount, a.status])).toEqual([
        ["Owner", "-1.00", "open"],
        ["客服小王", "88.80", "open"],
      ]);
      expect(all.body.nextCursor).toBeNull();

      const bad = await owner.get<{ errors: { field: string }[] }>(
        "/api/v1/pay-adjustments?status=pending",
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field)).toEqual(["querystring.status"]);
      expect((await owner.get("/api/v1/pay-adjustments?limit=0")).status).toBe(400);

      const m = new Client(app.app);
      expect((await m.post("/api/v1/auth/login", { email, password: "member-pass" })).status).toBe(
        200,
      );
      const mine = await m.get<{ items: Listed[] }>("/api/v1/pay-adjustments");
      expect(mine.body.items.map((a) => a.memberName)).toEqual(["客服小王"]);
      expect((await m.get(`/api/v1/pay-adjustments?memberId=${ownerId}`)).status).toBe(403);
      expect(
        (
          await m.post("/api/v1/pay-adjustments", {
            memberId: member.body.id,
            amount: "1000.00",
            reason: "raise",
          })
        ).status,
      ).toBe(403);

      const { client: stranger } = await signupClient(app.app);
      expect(
        (await stranger.get<{ items: Listed[] }>("/api/v1/pay-adjustments")).body.items,
      ).toEqual([]);
      expect(
        (await stranger.get(`/api/v1/pay-adjustments?memberId=${member.body.id}`)).status,
      ).toBe(404);
      expect((await new Client(app.app).get("/api/v1/pay-adjustments")).status).toBe(401);
    });
  });
}
