// The demo shop's goals and pay, so a newcomer sees the Review half of the loop with real numbers:
// last month's goal cycle agreed, self-assessed, reviewed and final; last month's pay run from the
// four department templates computed from the shop data and locked; this month's goals agreed and
// filling in live; one adjustment waiting for the next run. Everything goes through the services
// (the same rules, audit entries and notifications as in use).
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import type { MetricDto } from "../goals/goals.schema.js";
import { GoalService } from "../goals/goals.service.js";
import { AttributedSales } from "../orders/attribution.service.js";
import { KpiService } from "../orders/kpi.service.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { PayPlanService } from "../pay/pay-plan.service.js";
import { PayRunService } from "../pay/pay-run.service.js";
import { PAY_PLAN_TEMPLATES } from "../../core/pay/templates.js";
import type { PayPlanDefinition } from "../../core/pay/plan.js";
import type { ServiceDeps } from "../shared/context.js";
import { DemoGoalsPayRepository } from "./demo-goals-pay.repository.js";

interface Person {
  id: string;
  name: string;
  role: "owner" | "lead" | "member";
  departmentId: string | null;
  userId: string;
  department: string;
}
type GoalSpec = { title: string; weight: number; target: string; unit?: string; metric: MetricDto };

const month = (date: string) => date.slice(0, 7);
const monthEnd = (ym: string) => {
  const [y, m] = ym.split("-").map(Number);
  return `${ym}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, "0")}`;
};
const monthName = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`;
/** A round target a little above what was reached: 10,000s for money. */
const roundUp = (yuan: number, step: number) =>
  String(Math.max(step, Math.ceil(yuan / step) * step));

export async function seedDemoGoalsAndPay(deps: ServiceDeps, owner: Actor): Promise<void> {
  const db = deps.db;
  const ws = owner.workspaceId;
  const today = await new ScheduleService(deps).today(db, ws);
  const thisMonth = month(today);
  const lastMonth = month(addDays(`${thisMonth}-01`, -1));
  const last = { from: `${lastMonth}-01`, to: monthEnd(lastMonth) };
  const repo = new DemoGoalsPayRepository(db);
  const people: Person[] = await repo.people(ws);
  const departments = await repo.departments(ws);
  const actorOf = (p: Person): Actor => ({
    userId: p.userId,
    memberId: p.id,
    workspaceId: ws,
    role: p.role,
    departmentId: p.departmentId,
    via: "system",
  });
  const goals = new GoalService(deps);

  // What each department is measured by, with targets from last month's numbers.
  const kpi = await new KpiService(deps).compute(ws, last);
  const sales = await AttributedSales.load(db, ws, last);
  const shopGmv = Number(kpi.totals.gmv);
  const specs = (p: Person, growth: number): GoalSpec[] => {
    const own = sales.member(p.id).gmvFen / 100;
    switch (p.department) {
      case "运营":
        return p.name === "黄雨桐"
          ? [
              {
                title: "达人带货销售额",
                weight: 70,
                target: roundUp(own * growth, 1000),
                metric: { kind: "kpi", kpi: "attributedSales" },
              },
              {
                title: "退款率",
                weight: 30,
                target: "6",
                metric: { kind: "kpi", kpi: "refundRate" },
              },
            ]
          : [
              {
                title: "店铺成交额",
                weight: 70,
                target: roundUp(shopGmv * growth, 10000),
                metric: { kind: "kpi", kpi: "gmv" },
              },
              {
                title: "退款率",
                weight: 30,
                target: "6",
                metric: { kind: "kpi", kpi: "refundRate" },
              },
            ];
      case "客服":
        return [
          {
            title: "个人询单销售额",
            weight: 50,
            target: roundUp(own * growth, 1000),
            metric: { kind: "kpi", kpi: "attributedSales" },
          },
          {
            title: "询单转化率",
            weight: 30,
            target: "60",
            metric: { kind: "kpi", kpi: "inquiryConversion" },
          },
          {
            title: "首次响应时间",
            weight: 20,
            target: "15",
            metric: { kind: "kpi", kpi: "firstResponse" },
          },
        ];
      case "设计":
        return [
          {
            title: "主图与详情页按时交付",
            weight: 100,
            target: p.role === "lead" ? "20" : "40",
            unit: "张",
            metric: { kind: "manual" },
          },
        ];
      case "物流":
        return [
          {
            title: "发货及时率",
            weight: 100,
            target: "97",
            metric: { kind: "kpi", kpi: "shipOnTimeRate" },
          },
        ];
      default:
        return [];
    }
  };
  const team = people.filter((p) => p.role !== "owner");
  /** Goals drafted and proposed by the owner, agreed by each person. */
  const agreeGoals = async (cycleId: string, growth: number) => {
    const made = new Map<string, { id: string; manual: boolean }[]>();
    for (const p of team) {
      const mine = [];
      for (const s of specs(p, growth))
        mine.push(await goals.createGoal(owner, { cycleId, memberId: p.id, ...s }));
      for (const g of mine) {
        const proposed = await goals.propose(owner, g.id, g.version);
        await goals.agree(actorOf(p), g.id, proposed.version);
      }
      made.set(
        p.id,
        mine.map((g) => ({ id: g.id, manual: g.metric.kind === "manual" })),
      );
    }
    return made;
  };

  // Last month: the whole cycle, to the final score.
  const past = await goals.createCycle(owner, {
    name: monthName(lastMonth),
    kind: "month",
    from: last.from,
    to: last.to,
  });
  const pastGoals = await agreeGoals(past.id, 1.05);
  for (const [i, p] of team.entries()) {
    const mine = pastGoals.get(p.id)!;
    const self = 78 + ((i * 7) % 17);
    const a = await goals.saveSelfAssessment(actorOf(p), past.id, p.id, {
      version: 0,
      submit: true,
      report: `${monthName(lastMonth)}按计划完成主要工作，${i % 2 ? "大促前的准备节奏还可以更早。" : "和其他部门配合顺畅。"}`,
      goals: mine.map((g) => ({
        goalId: g.id,
        selfScore: self,
        ...(g.manual ? { actual: String(p.role === "lead" ? 18 + (i % 3) : 34 + (i % 7)) } : {}),
      })),
    });
    const r = await goals.review(owner, past.id, p.id, {
      version: a.version,
      comment: i % 3 === 0 ? "数据扎实，下月继续。" : "整体达标，注意细节。",
      goals: mine.map((g) => ({ goalId: g.id, score: self - 3 + (i % 5) })),
    });
    await goals.finalize(owner, past.id, p.id, r.version);
  }
  // This month: agreed, and filling in from the data as the month goes.
  const current = await goals.createCycle(owner, {
    name: monthName(thisMonth),
    kind: "month",
    from: `${thisMonth}-01`,
    to: monthEnd(thisMonth),
  });
  await agreeGoals(current.id, 1.1);
  // Each department answers for one goal too, agreed by its lead.
  const departmentGoals: Record<string, GoalSpec> = {
    运营: {
      title: "店铺成交额",
      weight: 100,
      target: roundUp(shopGmv * 1.1, 10000),
      metric: { kind: "kpi", kpi: "gmv" },
    },
    客服: {
      title: "客服部询单销售额",
      weight: 100,
      target: roundUp(((sales.total.gmvFen - sales.unattributed.gmvFen) / 100) * 1.1, 10000),
      metric: { kind: "kpi", kpi: "attributedSales" },
    },
    设计: {
      title: "大促视觉按时上线",
      weight: 100,
      target: "100",
      unit: "%",
      metric: { kind: "manual" },
    },
    物流: {
      title: "发货及时率",
      weight: 100,
      target: "98",
      metric: { kind: "kpi", kpi: "shipOnTimeRate" },
    },
  };
  for (const [name, spec] of Object.entries(departmentGoals)) {
    const dep = departments.find((d) => d.name === name)!;
    const lead = people.find((p) => p.id === dep.leadMemberId)!;
    const g = await goals.createGoal(owner, { cycleId: current.id, departmentId: dep.id, ...spec });
    const proposed = await goals.propose(owner, g.id, g.version);
    await goals.agree(actorOf(lead), g.id, proposed.version);
  }

  // Pay: the four templates from last month on, last month's run computed from the data and locked.
  const plans = new PayPlanService(deps);
  for (const [templateId, dep] of [
    ["operations", "运营"],
    ["customer-service", "客服"],
    ["design", "设计"],
    ["logistics", "物流"],
  ] as const) {
    const plan =
      templateId === "operations"
        ? await plans.create(owner, { definition: demoOperationsPlan(), effectiveFrom: last.from })
        : await plans.create(owner, { templateId, effectiveFrom: last.from });
    await plans.assign(owner, plan.id, {
      targetType: "department",
      targetId: departments.find((d) => d.name === dep)!.id,
      effectiveFrom: last.from,
    });
  }
  const who = (name: string) => people.find((p) => p.name === name)!.id;
  const runs = new PayRunService(deps);
  const run = await runs.compute(owner, {
    period: lastMonth,
    inputs: [
      { memberId: who("吴桐"), key: "commission.images", value: "19" },
      { memberId: who("郑小雅"), key: "commission.images", value: "38" },
      { memberId: who("孙浩"), key: "commission.images", value: "21" },
      { memberId: who("孙浩"), key: "event.late-image", value: "2" },
      { memberId: who("马强"), key: "commission.parcels", value: "1260" },
      { memberId: who("何军"), key: "commission.parcels", value: "3420" },
      { memberId: who("何军"), key: "event.wrong-shipment", value: "1" },
      { memberId: null, key: "bonus.scorecard.payment-rate", value: "91" },
      { memberId: null, key: "bonus.scorecard.other", value: "85" },
      { memberId: who("刘婷"), key: "event.review-turned-good", value: "4" },
      { memberId: who("赵磊"), key: "event.review-turned-good", value: "7" },
    ],
  });
  await runs.lock(owner, run.id, run.version);
  await runs.addAdjustment(owner, {
    memberId: who("赵磊"),
    amount: "120.00",
    reason: `${monthName(lastMonth)}双休日加班处理售后（漏算）`,
  });
  // The history is read: the bell shows what happens from now on.
  await repo.markGoalAndPayNoticesRead(ws, deps.clock().toISOString());
}

/**
 * The 运营 template's tiers are sized for a small shop (bands at 1万 and 5万); the demo shop sells
 * ≈ 40万 a month, so its 运营 plan keeps the template's shape — marginal tiers on shop GMV, nothing
 * below 80 % of target — at bands and rates that suit it.
 */
function demoOperationsPlan(): PayPlanDefinition {
  const t = structuredClone(PAY_PLAN_TEMPLATES.find((x) => x.id === "operations")!.plan);
  const c = t.commissions[0]!;
  c.tiers = {
    kind: "marginal",
    bands: [
      { from: "0", to: "200000", ratePct: 0.5 },
      { from: "200000", to: "400000", ratePct: 1 },
      { from: "400000", to: null, ratePct: 1.5 },
    ],
  };
  c.gate = { minAchievementPct: 80, target: "400000.00" };
  c.cap = "8000.00";
  return { ...t, name: "运营 · 店铺销售额阶梯提成（演示店）" };
}
