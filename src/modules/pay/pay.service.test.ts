import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import { renderMessage, type Message } from "../../core/messages/index.js";
import { PAY_PLAN_TEMPLATES } from "../../core/pay/templates.js";
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
const template = (id: string) => structuredClone(PAY_PLAN_TEMPLATES.find((t) => t.id === id)!.plan);
const fen = (s: string) => Math.round(Number(s) * 100);
const en = (m: Message) => renderMessage("en", m);
const zh = (m: Message) => renderMessage("zh-CN", m);

for (const dialect of DIALECTS) {
  describe(`pay plans and pay runs on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    async function shopWithOctober() {
      const team = await buildShopTeam(s);
      await s.imports.importFiles(team.owner, { shopName: "天猫旗舰店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      const kpi = await s.kpis.compute(team.workspaceId, { from: "2026-10-01", to: "2026-10-31" });
      const dep = (name: string) => team.departments.find((d) => d.name === name)!;
      const person = (name: string) => team.people.find((p) => p.name === name)!;
      return { ...team, kpi, dep, person };
    }

    it("refuses a tier table with a gap, naming the field, and stores nothing", async () => {
      const { owner } = await buildShopTeam(s);
      const def = template("operations");
      def.commissions[0]!.tiers!.bands[1]!.from = "12000";
      expect(
        await refusal(s.payPlans.create(owner, { definition: def, effectiveFrom: "2026-10-01" })),
      ).toEqual({ kind: "invalid", fields: ["definition.commissions.0.tiers.bands.1.from"] });
      expect(await s.payPlans.list(owner)).toEqual([]);
    });

    it("computes, previews, locks and never changes a run; rule changes apply from their date and never inside a locked period", async () => {
      const t = await shopWithOctober();
      const ops = await s.payPlans.create(t.owner, {
        templateId: "operations",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, ops.id, {
        targetType: "department",
        targetId: t.dep("运营").id,
        effectiveFrom: "2026-10-01",
      });
      const cs = await s.payPlans.create(t.owner, {
        templateId: "customer-service",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, cs.id, {
        targetType: "department",
        targetId: t.dep("客服").id,
        effectiveFrom: "2026-10-01",
      });
      const csAgent = t.person("客服专员");
      const run = await s.payRuns.compute(t.owner, {
        period: "2026-10",
        inputs: [
          { memberId: csAgent.memberId, key: "commission.attributed", value: "1234.56" },
          { memberId: csAgent.memberId, key: "bonus.scorecard.first-response", value: "18" },
          { memberId: null, key: "pool.cs-unattributed", value: "1000.01" },
          { memberId: csAgent.memberId, key: "event.review-turned-good", value: "2" },
        ],
      });
      expect(run.status).toBe("draft");
      expect(run.statements.map((x) => x.memberName).sort()).toEqual(
        ["客服专员", "客服主管", "运营专员", "运营主管"].sort(),
      );
      const gmvFen = fen(t.kpi.totals.gmv);
      const opsLine = run.statements
        .find((x) => x.memberName === "运营专员")!
        .lines.find((l) => l.code === "shop-gmv")!;
      // below 80 % of the 50,000 target the line pays nothing; the formula says so and names the KPI
      expect(gmvFen).toBeLessThan(4_000_000);
      expect(opsLine.amount).toBe("0.00");
      expect(opsLine.formula.code).toBe("pay.f.below_gate");
      expect(en(opsLine.formula)).toContain("is below the gate 80% × 50,000.00: nothing paid");
      expect(zh(opsLine.formula)).toContain("低于门槛 80% × 50,000.00：不计发");
      expect(en(opsLine.sources[0]!)).toContain("KPI GMV 2026-10-01…2026-10-31, 1 shop(s), ");
      expect(zh(opsLine.sources[0]!)).toContain("店铺数据 GMV 2026-10-01…2026-10-31，1 个店铺，");
      expect([en(opsLine.label), zh(opsLine.label)]).toEqual([
        "Shop GMV commission",
        "店铺销售额提成",
      ]);
      const agent = run.statements.find((x) => x.memberId === csAgent.memberId)!;
      // 1,234.56 × 1 % = 12.3456 → 12.35; pool 1,000.01 × 1 % = 10.0001 → 10.00 shared by 2 → 5.00; 2 × 5.00
      expect(agent.lines.map((l) => [l.code, l.amount])).toEqual([
        ["base", "4000.00"],
        ["attributed", "12.35"],
        ["scorecard", "0.00"],
        ["review-turned-good", "10.00"],
        ["cs-unattributed", "5.00"],
      ]);
      for (const st of run.statements)
        expect(fen(st.total)).toBe(st.lines.reduce((sum, l) => sum + fen(l.amount), 0));
      expect(fen(run.total!)).toBe(run.statements.reduce((sum, x) => sum + fen(x.total), 0));

      const exported = await s.payRuns.exportRows(t.owner, run.id, "en");
      expect(exported.rows.length).toBe(
        1 + run.statements.reduce((n, x) => n + x.lines.length + 1, 0),
      );
      expect(exported.rows).toContainEqual([
        "2026-10",
        "客服专员",
        "total",
        "",
        "",
        agent.total,
        "sum of the lines above",
        "",
        "",
      ]);
      // The export speaks the reader's language: headers, names, formulas, inputs and sources.
      const inChinese = await s.payRuns.exportRows(t.owner, run.id, "zh-CN");
      expect(inChinese.rows[0]).toEqual([
        "月份",
        "成员",
        "类型",
        "代码",
        "项目",
        "金额",
        "计算公式",
        "输入",
        "数据来源",
      ]);
      expect(inChinese.rows).toContainEqual([
        "2026-10",
        "客服专员",
        "commission",
        "attributed",
        "个人询单销售额提成",
        "12.35",
        "1,234.56 × 1% = 12.35",
        "基数：1,234.56；范围：本人业绩；口径：销售额 GMV（已付款订单的买家实付）".replace(
          /；/g,
          "; ",
        ),
        "手工录入 1234.56（代替店铺数据 0.00：归属 客服专员 的销售额 2026-10-01…2026-10-31，全部店铺：0 个付款订单）",
      ]);

      const locked = await s.payRuns.lock(t.owner, run.id, run.version);
      expect(locked.status).toBe("locked");
      expect(
        await refusal(
          s.payRuns.compute(t.owner, { period: "2026-10", inputs: [], version: locked.version }),
        ),
      ).toEqual({ kind: "conflict", fields: [] });
      expect(
        await refusal(
          s.payPlans.addVersion(t.owner, ops.id, {
            version: 1,
            effectiveFrom: "2026-10-20",
            definition: template("operations"),
          }),
        ),
      ).toEqual({ kind: "invalid", fields: ["effectiveFrom"] });
      const richer = template("operations");
      richer.baseSalary = "9000.00";
      await s.payPlans.addVersion(t.owner, ops.id, {
        version: 1,
        effectiveFrom: "2026-11-15",
        definition: richer,
      });
      expect((await s.payRuns.get(t.owner, run.id)).statements).toEqual(locked.statements);
      expect(await refusal(s.payRuns.compute(t.owner, { period: "2026-11" }))).toEqual({
        kind: "invalid",
        fields: ["period"],
      });
      const trail = await s.audit.list(t.owner, { limit: 50 });
      expect(trail.items.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "pay_plan.create",
          "pay_plan.assign",
          "pay_run.compute",
          "pay_run.lock",
          "pay_plan.version",
        ]),
      );
    });

    it("shows members their own statement only and leads their department's", async () => {
      const t = await shopWithOctober();
      const cs = await s.payPlans.create(t.owner, {
        templateId: "customer-service",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, cs.id, {
        targetType: "department",
        targetId: t.dep("客服").id,
        effectiveFrom: "2026-10-01",
      });
      const ops = await s.payPlans.create(t.owner, {
        templateId: "operations",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, ops.id, {
        targetType: "department",
        targetId: t.dep("运营").id,
        effectiveFrom: "2026-10-01",
      });
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      const agent = t.person("客服专员"),
        opsMember = t.person("运营专员"),
        csLead = t.person("客服主管");
      expect(await refusal(s.payRuns.get(agent.actor, run.id))).toEqual({
        kind: "not_found",
        fields: [],
      }); // drafts are the owner's
      await s.payRuns.lock(t.owner, run.id, run.version);
      expect((await s.payRuns.get(agent.actor, run.id)).statements.map((x) => x.memberId)).toEqual([
        agent.memberId,
      ]);
      expect(
        (await s.payRuns.statement(agent.actor, run.id, agent.memberId)).statement.memberId,
      ).toBe(agent.memberId);
      expect(await refusal(s.payRuns.statement(agent.actor, run.id, opsMember.memberId))).toEqual({
        kind: "forbidden",
        fields: [],
      });
      expect(
        (await s.payRuns.get(csLead.actor, run.id)).statements.map((x) => x.memberName).sort(),
      ).toEqual(["客服专员", "客服主管"].sort());
      expect(
        await refusal(
          s.payPlans.create(csLead.actor, { templateId: "design", effectiveFrom: "2026-12-01" }),
        ),
      ).toEqual({ kind: "forbidden", fields: [] });
      expect(await refusal(s.payRuns.projection(agent.actor, opsMember.memberId))).toEqual({
        kind: "forbidden",
        fields: [],
      });
    });

    it("gives each member the most specific plan: their own, else their role's, else their department's", async () => {
      const t = await shopWithOctober();
      const ops = await s.payPlans.create(t.owner, {
        templateId: "operations",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, ops.id, {
        targetType: "department",
        targetId: t.dep("运营").id,
        effectiveFrom: "2026-10-01",
      });
      const leads = await s.payPlans.create(t.owner, {
        templateId: "design",
        effectiveFrom: "2026-10-01",
      }); // any plan will do: a 主管 plan
      expect(
        await refusal(
          s.payPlans.assign(t.owner, leads.id, {
            targetType: "role",
            targetId: "boss",
            effectiveFrom: "2026-10-01",
          }),
        ),
      ).toEqual({ kind: "invalid", fields: ["targetId"] });
      await s.payPlans.assign(t.owner, leads.id, {
        targetType: "role",
        targetId: "lead",
        effectiveFrom: "2026-10-01",
      });
      const mine = await s.payPlans.create(t.owner, {
        templateId: "logistics",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, mine.id, {
        targetType: "member",
        targetId: t.person("物流主管").memberId,
        effectiveFrom: "2026-10-01",
      });
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      const planOf = (name: string) => {
        const source = run.statements.find((x) => x.memberName === name)?.lines[0]?.sources[0];
        return source && zh(source);
      };
      expect(planOf("运营专员")).toContain("运营"); // the department's
      expect(planOf("运营主管")).toContain("设计"); // the role's beats the department's
      expect(planOf("客服主管")).toContain("设计"); // a lead without a department plan
      expect(planOf("物流主管")).toContain("物流"); // the member's own beats the role's
      // Parcels packed are entered, not read from the orders (which carry no packer).
      const parcels = run.statements
        .find((x) => x.memberName === "物流主管")!
        .lines.find((l) => l.code === "parcels")!;
      expect(parcels.amount).toBe("0.00");
      expect(parcels.sources.map(en)).toEqual(["not entered (0)"]);
      expect(parcels.sources.map(zh)).toEqual(["未录入（0）"]);
      // "No late shipment this month" reads the shipping data: October's two shipped orders left within 48 hours.
      const noLate = run.statements
        .find((x) => x.memberName === "物流主管")!
        .lines.find((l) => l.code === "no-late-handover")!;
      expect(noLate.amount).toBe("100.00");
      expect(noLate.sources.map(en)).toEqual([
        "shipping 2026-10-01…2026-10-31, all shops: 0 shipped late, 0 overdue of 2 due",
      ]);
      expect(noLate.sources.map(zh)).toEqual([
        "发货数据 2026-10-01…2026-10-31，全部店铺：应发 2 单，迟发 0 单，逾期未发 0 单",
      ]);
      // With a 12-hour window the order that shipped after 24 hours is late: no bonus.
      const shop = (await s.shops.list(t.owner)).items[0]!;
      await s.shops.update(t.owner, shop.id, { version: shop.version, shipWindowHours: 12 });
      const again = await s.payRuns.compute(t.owner, { period: "2026-10", version: run.version });
      const lateLine = again.statements
        .find((x) => x.memberName === "物流主管")!
        .lines.find((l) => l.code === "no-late-handover")!;
      expect(lateLine.amount).toBe("0.00");
      expect(en(lateLine.sources[0]!)).toContain("1 shipped late");
      expect(planOf("客服专员")).toBeUndefined(); // no plan: no statement
    });

    it("projects month-to-date pay and pay at a shop GMV (the formats.md example: 80,000 → 7,300.00)", async () => {
      const t = await shopWithOctober();
      const ops = await s.payPlans.create(t.owner, {
        templateId: "operations",
        effectiveFrom: "2026-11-01",
      });
      await s.payPlans.assign(t.owner, ops.id, {
        targetType: "member",
        targetId: t.person("运营专员").memberId,
        effectiveFrom: "2026-11-01",
      });
      const p = await s.payRuns.projection(
        t.person("运营专员").actor,
        t.person("运营专员").memberId,
        "80000",
      );
      expect(p.monthToDate.total).toBe("6000.00");
      expect(p.atShopGmv!.statement!.lines.find((l) => l.code === "shop-gmv")!.amount).toBe(
        "7300.00",
      );
      expect(p.atShopGmv!.statement!.total).toBe("13300.00");
    });
  });
}
