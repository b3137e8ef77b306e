import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import { renderMessage, storedMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, services } from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { kind: e.kind, fields: e.fields.map((f) => f.field) };
    throw e;
  }
  return { kind: "ok", fields: [] };
};

for (const dialect of DIALECTS) {
  describe(`goals on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("agrees goals at 100, keeps every agreement, binds actuals to the KPIs, and fixes the final score pay reads", async () => {
      const t = await buildShopTeam(s);
      await s.imports.importFiles(t.owner, { shopName: "天猫旗舰店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      const kpi = await s.kpis.compute(t.workspaceId, { from: "2026-10-01", to: "2026-10-31" });
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const lead = person("运营主管");
      const member = person("运营专员");
      const other = person("客服专员");

      expect(
        await refusal(
          s.goals.createCycle(lead.actor, {
            name: "2026年10月",
            kind: "month",
            from: "2026-10-01",
            to: "2026-10-31",
          }),
        ),
      ).toEqual({ kind: "forbidden", fields: [] });
      expect(
        await refusal(
          s.goals.createCycle(t.owner, {
            name: "x",
            kind: "custom",
            from: "2026-10-31",
            to: "2026-10-01",
          }),
        ),
      ).toEqual({ kind: "invalid", fields: ["to"] });
      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      expect(cycle).toMatchObject({ status: "open", phase: "ended" });

      // The lead drafts; the weights add up to 90: nothing can be proposed.
      const gmv = await s.goals.createGoal(lead.actor, {
        cycleId: cycle.id,
        memberId: member.memberId,
        title: "店铺GMV",
        weight: 50,
        target: "40000",
        metric: { kind: "kpi", kpi: "gmv" },
      });
      const refunds = await s.goals.createGoal(lead.actor, {
        cycleId: cycle.id,
        memberId: member.memberId,
        title: "退款率",
        weight: 20,
        target: "5",
        metric: { kind: "kpi", kpi: "refundRate" },
      });
      let manual = await s.goals.createGoal(member.actor, {
        cycleId: cycle.id,
        memberId: member.memberId,
        title: "上新款数",
        weight: 20,
        target: "10",
        unit: "款",
        metric: { kind: "manual" },
      });
      expect(
        await refusal(
          s.goals.createGoal(other.actor, {
            cycleId: cycle.id,
            memberId: member.memberId,
            title: "x",
            weight: 10,
            target: "1",
            metric: { kind: "manual" },
          }),
        ),
      ).toEqual({ kind: "forbidden", fields: [] });
      expect(await refusal(s.goals.propose(lead.actor, gmv.id, gmv.version))).toEqual({
        kind: "invalid",
        fields: ["goals"],
      });
      manual = await s.goals.updateGoal(member.actor, manual.id, {
        version: manual.version,
        weight: 30,
      });

      // Units are codes: a KPI's own when none is given, a typed one as typed.
      expect([gmv.unit, refunds.unit, manual.unit]).toEqual(["unit.yuan", "unit.percent", "款"]);
      // KPI-bound actuals are the KPI service's numbers over the cycle; refund rate is lower-is-better.
      expect(gmv.actual).toBe(kpi.totals.gmv);
      expect(gmv.achievement).toBeCloseTo(Number(kpi.totals.gmv) / 40000, 4);
      expect(refunds.actual).toBe(
        kpi.totals.refundRate === null ? null : (kpi.totals.refundRate * 100).toFixed(2),
      );
      expect(refunds.better).toBe("lower");

      // Proposed by the lead: the lead cannot agree it, the member sends one back, then agrees.
      let g1 = await s.goals.propose(lead.actor, gmv.id, gmv.version);
      let g2 = await s.goals.propose(lead.actor, refunds.id, refunds.version);
      let g3 = await s.goals.propose(member.actor, manual.id, manual.version);
      expect(await refusal(s.goals.agree(lead.actor, g1.id, g1.version))).toEqual({
        kind: "forbidden",
        fields: [],
      });
      expect(await refusal(s.goals.agree(member.actor, g3.id, g3.version))).toEqual({
        kind: "forbidden",
        fields: [],
      });
      g1 = await s.goals.returnGoal(member.actor, g1.id, g1.version, "目标太高");
      expect(g1).toMatchObject({ status: "returned", statusComment: "目标太高" });
      g1 = await s.goals.updateGoal(lead.actor, g1.id, { version: g1.version, target: "30000" });
      g1 = await s.goals.propose(lead.actor, g1.id, g1.version);
      g1 = await s.goals.agree(member.actor, g1.id, g1.version);
      g2 = await s.goals.agree(member.actor, g2.id, g2.version);
      g3 = await s.goals.agree(lead.actor, g3.id, g3.version);
      expect([g1.status, g2.status, g3.status]).toEqual(["agreed", "agreed", "agreed"]);
      expect(g1.agreements.map((a) => a.agreementNo)).toEqual([1]);

      // An agreed goal changes only by a new agreement; the old one stays in the history.
      expect(
        await refusal(
          s.goals.updateGoal(lead.actor, g1.id, { version: g1.version, target: "35000" }),
        ),
      ).toEqual({ kind: "conflict", fields: [] });
      g1 = await s.goals.reopen(lead.actor, g1.id, g1.version, "双十一加码");
      expect(g1).toMatchObject({ status: "draft", agreementNo: 2 });
      g1 = await s.goals.updateGoal(lead.actor, g1.id, { version: g1.version, target: "35000" });
      expect(await refusal(s.goals.propose(lead.actor, g1.id, g1.version - 1))).toEqual({
        kind: "conflict",
        fields: [],
      });
      g1 = await s.goals.propose(lead.actor, g1.id, g1.version);
      g1 = await s.goals.agree(member.actor, g1.id, g1.version);
      expect(
        g1.agreements.map((a) => [a.agreementNo, (a.snapshot as { target: string }).target]),
      ).toEqual([
        [1, "30000"],
        [2, "35000"],
      ]);

      // Self-assessment (report and a self score per goal), review, final score.
      let a = await s.goals.getAssessment(member.actor, cycle.id, member.memberId);
      expect(a).toMatchObject({
        status: "open",
        canSelfAssess: true,
        canReview: false,
        version: 0,
      });
      expect(a.goals.find((g) => g.id === gmv.id)!.actual).toBe(kpi.totals.gmv);
      expect(await refusal(s.goals.getAssessment(other.actor, cycle.id, member.memberId))).toEqual({
        kind: "forbidden",
        fields: [],
      });
      expect(
        await refusal(
          s.goals.saveSelfAssessment(lead.actor, cycle.id, member.memberId, {
            version: 0,
            report: "x",
            goals: [],
          }),
        ),
      ).toEqual({ kind: "forbidden", fields: [] });
      expect(
        await refusal(
          s.goals.saveSelfAssessment(member.actor, cycle.id, member.memberId, {
            version: 0,
            report: " ",
            submit: true,
            goals: [
              { goalId: gmv.id, selfScore: 90 },
              { goalId: refunds.id, actual: "3" },
            ],
          }),
        ),
      ).toEqual({
        kind: "invalid",
        fields: ["goals.1.actual", "report", "goals.1.selfScore", "goals"],
      });
      a = await s.goals.saveSelfAssessment(member.actor, cycle.id, member.memberId, {
        version: 0,
        report: "十月完成情况……",
        goals: [{ goalId: gmv.id, selfScore: 90 }],
      });
      expect(a.status).toBe("draft");
      expect(
        await refusal(
          s.goals.review(lead.actor, cycle.id, member.memberId, {
            version: a.version,
            comment: "x",
            goals: [],
          }),
        ),
      ).toEqual({ kind: "conflict", fields: [] });
      a = await s.goals.saveSelfAssessment(member.actor, cycle.id, member.memberId, {
        version: a.version,
        report: "十月完成情况：大促备货到位",
        submit: true,
        goals: [
          { goalId: refunds.id, selfScore: 85 },
          { goalId: manual.id, selfScore: 100, actual: "12", comment: "上了12款" },
        ],
      });
      expect(a.status).toBe("submitted");
      expect(a.goals.find((g) => g.id === manual.id)).toMatchObject({
        actual: "12",
        actualSource: "entered",
        achievement: 1.2,
        selfScore: 100,
      });
      const leadView = await s.goals.getAssessment(lead.actor, cycle.id, member.memberId);
      expect(leadView.canReview).toBe(true);
      expect(
        await refusal(s.goals.finalize(lead.actor, cycle.id, member.memberId, a.version)),
      ).toEqual({ kind: "invalid", fields: ["goals.0.score", "goals.1.score", "goals.2.score"] });
      a = await s.goals.review(lead.actor, cycle.id, member.memberId, {
        version: a.version,
        comment: "整体不错",
        goals: [
          { goalId: gmv.id, score: 90 },
          { goalId: refunds.id, score: 80 },
          { goalId: manual.id, score: 100, comment: "超额" },
        ],
      });
      expect(a.status).toBe("reviewed");
      a = await s.goals.finalize(lead.actor, cycle.id, member.memberId, a.version);
      // (50 × 90 + 20 × 80 + 30 × 100) ÷ 100 = 91.00
      expect(a).toMatchObject({
        status: "final",
        finalScore: 91,
        canReview: false,
        canSelfAssess: false,
      });
      expect(a.goals.find((g) => g.id === gmv.id)).toMatchObject({
        actual: kpi.totals.gmv,
        actualSource: "final",
      });
      expect(
        await refusal(
          s.goals.reopen(lead.actor, gmv.id, a.goals.find((g) => g.id === gmv.id)!.version),
        ),
      ).toEqual({ kind: "conflict", fields: [] });

      const progress = await s.goals.getCycle(lead.actor, cycle.id);
      expect(progress.people.find((p) => p.memberId === member.memberId)).toMatchObject({
        goals: 3,
        agreed: 3,
        weightTotal: 100,
        assessment: "final",
        finalScore: 91,
      });
      expect(
        (await s.goals.getCycle(member.actor, cycle.id)).people.map((p) => p.memberId),
      ).toEqual([member.memberId]);
      const evaluation = await s.goals.evaluation(member.actor, member.memberId);
      expect(evaluation.cycles).toHaveLength(1);
      expect(evaluation.kpiSeries.map((x) => x.kpi).sort()).toEqual(["gmv", "refundRate"]);
      expect(await refusal(s.goals.evaluation(other.actor, member.memberId))).toEqual({
        kind: "forbidden",
        fields: [],
      });

      const stored = await tdb.database.db
        .selectFrom("notifications")
        .select(["memberId", "kind", "title", "body"])
        .where("workspaceId", "=", t.workspaceId)
        .where("kind", "like", "goal.%")
        .execute();
      const notes = stored.map(({ memberId, kind }) => ({ memberId, kind }));
      // Stored as messages, read in the reader's language.
      const final = stored.find((n) => n.kind === "goal.final")!;
      expect(
        (["en", "zh-CN"] as const).map((l) => renderMessage(l, storedMessage(final.title))),
      ).toEqual(["Your result for 2026年10月: 91.00", "2026年10月考核结果已确定：91.00 分"]);
      expect(notes).toEqual(
        expect.arrayContaining([
          { memberId: member.memberId, kind: "goal.proposed" },
          { memberId: lead.memberId, kind: "goal.self_assessed" },
          { memberId: member.memberId, kind: "goal.final" },
          { memberId: lead.memberId, kind: "goal.returned" },
        ]),
      );
      const trail = await s.audit.list(t.owner, { limit: 100 });
      // The audit log reads the target with its unit in the reader's language.
      const drafted = trail.items.find(
        (x) => x.action === "goal.create" && x.entityId === gmv.id,
      )!.message;
      expect(renderMessage("en", drafted)).toBe(
        "运营主管 drafted the goal “店铺GMV” (weight 50, target ¥40,000)",
      );
      expect(renderMessage("zh-CN", drafted)).toBe(
        "运营主管 起草了目标“店铺GMV”（权重 50，目标值 40,000 元）",
      );
      expect(trail.items.map((x) => x.action)).toEqual(
        expect.arrayContaining([
          "goal_cycle.create",
          "goal.create",
          "goal.update",
          "goal.propose",
          "goal.return",
          "goal.agree",
          "goal.reopen",
          "goal_assessment.submit",
          "goal_assessment.review",
          "goal_assessment.finalize",
        ]),
      );

      // The pay run reads the final score: the design template's goal bonus on 1,500.00 × 91 %.
      const plan = await s.payPlans.create(t.owner, {
        templateId: "design",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, plan.id, {
        targetType: "member",
        targetId: member.memberId,
        effectiveFrom: "2026-10-01",
      });
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      const bonus = run.statements
        .find((x) => x.memberId === member.memberId)!
        .lines.find((l) => l.code === "goals")!;
      expect(bonus.amount).toBe("1365.00");
      const goalScore = bonus.inputs.find((i) => i.key === "goalScore")!;
      expect(goalScore.value).toEqual({ code: "pay.v.number", params: { n: 91 } });
      expect(bonus.sources).toEqual([
        { code: "pay.src.goal_cycle", params: { cycle: "2026年10月" } },
      ]);
      expect((["en", "zh-CN"] as const).map((l) => renderMessage(l, bonus.sources[0]!))).toEqual([
        "final score of goal cycle 2026年10月",
        "目标周期“2026年10月”的最终得分",
      ]);
    });

    it("reminds people of what is due and keeps closed cycles unchanged", async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const cycle = await s.goals.createCycle(t.owner, {
        name: "Q4",
        kind: "quarter",
        from: "2026-10-01",
        to: "2026-12-31",
      });
      const g = await s.goals.createGoal(t.owner, {
        cycleId: cycle.id,
        memberId: person("设计专员").memberId,
        title: "主图点击率",
        weight: 100,
        target: "5",
        unit: "%",
        metric: { kind: "manual" },
      });
      const sent = await s.goals.remind(person("设计主管").actor, cycle.id);
      expect(sent.notified).toBe(1); // 设计专员 (propose); 设计主管 reminds no one else
      expect(await refusal(s.goals.remind(person("设计专员").actor, cycle.id))).toEqual({
        kind: "forbidden",
        fields: [],
      });
      const closed = await s.goals.updateCycle(t.owner, cycle.id, {
        version: cycle.version,
        status: "closed",
      });
      expect(closed.status).toBe("closed");
      expect(await refusal(s.goals.propose(t.owner, g.id, g.version))).toEqual({
        kind: "conflict",
        fields: [],
      });
      expect(
        await refusal(
          s.goals.updateCycle(t.owner, cycle.id, { version: cycle.version, name: "x" }),
        ),
      ).toEqual({ kind: "conflict", fields: [] });
    });
  });
}
