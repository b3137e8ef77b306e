import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { Client, signupClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { frozenClock, uniqueEmail } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`goal routes on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-29T02:00:00.000Z"));
    });
    afterAll(async () => t.close());

    it("validates with field errors, refuses weights that are not 100, keeps members to their own", async () => {
      const { client: owner } = await signupClient(t.app);
      const login = async (name: string) => {
        const email = uniqueEmail("m");
        const id = (
          await owner.post<{ id: string }>("/api/v1/members", {
            name,
            email,
            password: "member-pass",
          })
        ).body.id;
        const c = new Client(t.app);
        expect(
          (await c.post("/api/v1/auth/login", { email, password: "member-pass" })).status,
        ).toBe(200);
        return { id, c };
      };
      const a = await login("小王");
      const b = await login("小李");
      expect(
        (
          await a.c.post("/api/v1/goal-cycles", {
            name: "11月",
            kind: "month",
            from: "2026-11-01",
            to: "2026-11-30",
          })
        ).status,
      ).toBe(403);
      const bad = await owner.post<{ errors: { field: string }[] }>("/api/v1/goal-cycles", {
        name: "11月",
        kind: "week",
        from: "2026-11-31",
        to: "2026-11-30",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field).sort()).toEqual(expect.arrayContaining(["kind"]));
      const cycle = await owner.post<{ id: string; version: number }>("/api/v1/goal-cycles", {
        name: "11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      expect(cycle.status).toBe(201);
      const cid = cycle.body.id;

      expect(
        (
          await owner.post("/api/v1/goals", {
            cycleId: cid,
            memberId: a.id,
            title: "x",
            weight: 0,
            target: "1",
            metric: { kind: "manual" },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await owner.post("/api/v1/goals", {
            cycleId: cid,
            memberId: a.id,
            title: "x",
            weight: 10,
            target: "lots",
            metric: { kind: "manual" },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await owner.post("/api/v1/goals", {
            cycleId: cid,
            memberId: a.id,
            title: "x",
            weight: 10,
            target: "1",
            metric: { kind: "kpi", kpi: "vibes" },
          })
        ).status,
      ).toBe(400);
      const noShop = await owner.post<{ errors: { field: string }[] }>("/api/v1/goals", {
        cycleId: cid,
        memberId: a.id,
        title: "x",
        weight: 10,
        target: "1",
        metric: { kind: "kpi", kpi: "gmv", shopIds: ["nope"] },
      });
      expect(noShop.body.errors.map((e) => e.field)).toEqual(["metric.shopIds.0"]);
      const both = await owner.post<{ errors: { field: string }[] }>("/api/v1/goals", {
        cycleId: cid,
        title: "x",
        weight: 10,
        target: "1",
        metric: { kind: "manual" },
      });
      expect(both.body.errors.map((e) => e.field)).toEqual(["memberId"]);

      const goal = await a.c.post<{ id: string; version: number; status: string }>(
        "/api/v1/goals",
        {
          cycleId: cid,
          memberId: a.id,
          title: "客单价",
          weight: 70,
          target: "120",
          metric: { kind: "kpi", kpi: "aov" },
        },
      );
      expect(goal.status).toBe(201);
      type Refusal = {
        code: string;
        detail: string;
        errors: { field: string; code: string; message: string }[];
      };
      const propose = (language: string) =>
        a.c.req<Refusal>(
          "POST",
          `/api/v1/goals/${goal.body.id}/propose`,
          { version: goal.body.version },
          { "accept-language": language },
        );
      const weights = await propose("en");
      expect(weights.status).toBe(400);
      expect(weights.body).toMatchObject({
        code: "goals.weights_before_propose",
        detail:
          "The goals' weights must add up to 100 before they are proposed or agreed (they add up to 70).",
      });
      expect(weights.body.errors).toEqual([
        {
          field: "goals",
          code: "goals.weight.total",
          params: { total: 70 },
          message: "The weights must add up to 100 (they add up to 70).",
        },
      ]);
      const zh = await propose("zh-CN");
      expect(zh.body.detail).toBe("目标权重合计为 100 后才能提交或确认（目前为 70）。");
      expect(zh.body.errors.map((e) => e.message)).toEqual(["权重合计须为 100（目前为 70）。"]);
      expect(
        (await a.c.post(`/api/v1/goals/${goal.body.id}/propose`, { version: 99 })).status,
      ).toBe(409);
      const fixed = await a.c.patch<{ version: number }>(`/api/v1/goals/${goal.body.id}`, {
        version: goal.body.version,
        weight: 100,
      });
      const proposed = await a.c.post<{ version: number; status: string }>(
        `/api/v1/goals/${goal.body.id}/propose`,
        { version: fixed.body.version },
      );
      expect(proposed.body.status).toBe("proposed");
      expect(
        (await a.c.post(`/api/v1/goals/${goal.body.id}/agree`, { version: proposed.body.version }))
          .status,
      ).toBe(403);
      expect(
        (
          await owner.post(`/api/v1/goals/${goal.body.id}/return`, {
            version: proposed.body.version,
            comment: "",
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await owner.post<{ status: string }>(`/api/v1/goals/${goal.body.id}/agree`, {
            version: proposed.body.version,
          })
        ).body.status,
      ).toBe("agreed");

      // Someone else's goals, assessment and evaluation: refused; your own list shows only yours.
      expect((await b.c.get(`/api/v1/goals/${goal.body.id}`)).status).toBe(403);
      expect((await b.c.get(`/api/v1/goals?cycleId=${cid}&memberId=${a.id}`)).status).toBe(403);
      expect(
        (await b.c.get<{ items: unknown[] }>(`/api/v1/goals?cycleId=${cid}`)).body.items,
      ).toEqual([]);
      expect((await b.c.get(`/api/v1/goal-cycles/${cid}/assessments/${a.id}`)).status).toBe(403);
      expect(
        (
          await b.c.put(`/api/v1/goal-cycles/${cid}/assessments/${a.id}`, {
            version: 0,
            report: "x",
            goals: [],
          })
        ).status,
      ).toBe(403);
      expect((await b.c.get(`/api/v1/members/${a.id}/evaluation`)).status).toBe(403);
      expect((await a.c.get(`/api/v1/members/${a.id}/evaluation`)).status).toBe(200);
      expect((await a.c.get(`/api/v1/goal-cycles/${cid}/assessments/unknown`)).status).toBe(404);
      const badScore = await a.c.put<{ errors: { field: string }[] }>(
        `/api/v1/goal-cycles/${cid}/assessments/${a.id}`,
        { version: 0, report: "x", goals: [{ goalId: goal.body.id, selfScore: 101 }] },
      );
      expect(badScore.status).toBe(400);
      expect(badScore.body.errors[0]!.field).toBe("goals.0.selfScore");
      expect((await a.c.post(`/api/v1/goal-cycles/${cid}/remind`)).status).toBe(403);
      expect(
        (await owner.post<{ notified: number }>(`/api/v1/goal-cycles/${cid}/remind`)).body.notified,
      ).toBe(2); // 小李 has no goals yet; 小王 owes the self-assessment (3 days before the end)
    });

    it("asks before finalising a cycle that has not ended: 409 goal.finalize_early naming the end date, final only with early: true", async () => {
      const { client: owner } = await signupClient(t.app);
      const email = uniqueEmail("m");
      const memberId = (
        await owner.post<{ id: string }>("/api/v1/members", {
          name: "小周",
          email,
          password: "member-pass",
        })
      ).body.id;
      const member = new Client(t.app);
      expect(
        (await member.post("/api/v1/auth/login", { email, password: "member-pass" })).status,
      ).toBe(200);
      const cid = (
        await owner.post<{ id: string; phase: string }>("/api/v1/goal-cycles", {
          name: "11月",
          kind: "month",
          from: "2026-11-01",
          to: "2026-11-30",
        })
      ).body.id;
      const goal = await owner.post<{ id: string; version: number }>("/api/v1/goals", {
        cycleId: cid,
        memberId,
        title: "上新款数",
        weight: 100,
        target: "10",
        metric: { kind: "manual" },
      });
      const proposed = await owner.post<{ version: number }>(
        `/api/v1/goals/${goal.body.id}/propose`,
        { version: goal.body.version },
      );
      expect(
        (
          await member.post(`/api/v1/goals/${goal.body.id}/agree`, {
            version: proposed.body.version,
          })
        ).status,
      ).toBe(200);
      const self = await member.put<{ version: number }>(
        `/api/v1/goal-cycles/${cid}/assessments/${memberId}`,
        {
          version: 0,
          report: "上了8款",
          submit: true,
          goals: [{ goalId: goal.body.id, selfScore: 80, actual: "8" }],
        },
      );
      expect(self.status).toBe(200);
      const reviewed = await owner.put<{ version: number }>(
        `/api/v1/goal-cycles/${cid}/assessments/${memberId}/review`,
        {
          version: self.body.version,
          comment: "不错",
          goals: [{ goalId: goal.body.id, score: 80 }],
        },
      );
      expect(reviewed.status).toBe(200);

      // 29 November, the cycle ends on the 30th: finalising now is refused until confirmed.
      const early = await owner.post<{ code: string; params: Record<string, string> }>(
        `/api/v1/goal-cycles/${cid}/assessments/${memberId}/finalize`,
        { version: reviewed.body.version },
      );
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: "goal.finalize_early",
        params: { endDate: "2026-11-30" },
      });
      expect(
        (await owner.get<{ status: string }>(`/api/v1/goal-cycles/${cid}/assessments/${memberId}`))
          .body.status,
      ).toBe("reviewed");
      const confirmed = await owner.post<{ status: string; finalScore: number }>(
        `/api/v1/goal-cycles/${cid}/assessments/${memberId}/finalize`,
        { version: reviewed.body.version, early: true },
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: "final", finalScore: 80 });
    });
  });
}
