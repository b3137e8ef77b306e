// Plan templates: a playbook of tasks placed relative to a launch date. Each task's deadline is
// `dueBefore` workdays before the launch and its earliest start `startOffset` workdays before
// (its `startBefore`, else the template's lead time), so instantiating a template for a launch
// date schedules it backwards from that date and takes nobody's hours before the playbook begins;
// the engine then places the work into people's days inside those windows.
import type { DependencyType } from "../engine/types.js";

export interface TemplateTask {
  key: string;
  name: { "zh-CN": string; en: string };
  parent?: string;
  effortHours?: number;
  /** Skill names in both languages; the workspace's own skill of either name is used. */
  skill?: { "zh-CN": string; en: string };
  minLevel?: number;
  priority?: number;
  dueBefore?: number;
  startBefore?: number;
  milestone?: boolean;
  dependsOn?: { key: string; type?: DependencyType; lagDays?: number }[];
}

export interface PlanTemplate {
  id: string;
  name: { "zh-CN": string; en: string };
  kind: "campaign" | "project";
  tasks: TemplateTask[];
}

const n = (zh: string, en: string) => ({ "zh-CN": zh, en });
const SK = {
  plan: n("活动策划", "Campaign planning"),
  data: n("数据分析", "Data analysis"),
  ads: n("广告投放", "Advertising"),
  seo: n("SEO", "SEO"),
  community: n("社群运营", "Community"),
  main: n("主图设计", "Main images"),
  detail: n("详情页设计", "Detail pages"),
  home: n("首页设计", "Home page"),
  visual: n("活动视觉", "Campaign visuals"),
  presale: n("售前接待", "Pre-sale chat"),
  aftersale: n("售后处理", "After-sales"),
  dispatch: n("打单发货", "Order printing & dispatch"),
  pack: n("打包", "Packing"),
  warehouse: n("仓储管理", "Warehouse"),
};

export const BUILTIN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "double11",
    name: n("双11 大促作战计划", "Double 11 campaign playbook"),
    kind: "campaign",
    tasks: [
      { key: "plan", name: n("活动策划", "Planning") },
      {
        key: "goal",
        parent: "plan",
        name: n("确定活动目标与预算", "Set targets and budget"),
        effortHours: 8,
        skill: SK.plan,
        minLevel: 3,
        priority: 800,
        dueBefore: 30,
      },
      {
        key: "review",
        parent: "plan",
        name: n("往年与竞品数据复盘", "Review last year and competitors"),
        effortHours: 12,
        skill: SK.data,
        minLevel: 2,
        priority: 700,
        dueBefore: 28,
      },
      {
        key: "pricing",
        parent: "plan",
        name: n("报名平台活动与价格规划", "Register for platform events, plan prices"),
        effortHours: 6,
        skill: SK.plan,
        priority: 800,
        dueBefore: 25,
        dependsOn: [{ key: "goal" }],
      },
      {
        key: "selection",
        parent: "plan",
        name: n("选品与库存规划", "Choose products and plan stock"),
        effortHours: 10,
        skill: SK.data,
        priority: 800,
        dueBefore: 25,
        dependsOn: [{ key: "review" }],
      },
      { key: "design", name: n("视觉设计", "Visual design") },
      {
        key: "kv",
        parent: "design",
        name: n("活动主视觉 KV", "Campaign key visual"),
        effortHours: 24,
        skill: SK.visual,
        minLevel: 3,
        priority: 900,
        dueBefore: 18,
        dependsOn: [{ key: "selection" }],
      },
      {
        key: "home",
        parent: "design",
        name: n("首页改版", "Home page redesign"),
        effortHours: 20,
        skill: SK.home,
        priority: 800,
        dueBefore: 12,
        dependsOn: [{ key: "kv" }],
      },
      {
        key: "mainimg",
        parent: "design",
        name: n("主推款主图（20 款）", "Main images for 20 hero products"),
        effortHours: 30,
        skill: SK.main,
        priority: 800,
        dueBefore: 12,
        dependsOn: [{ key: "kv" }],
      },
      {
        key: "detail",
        parent: "design",
        name: n("详情页更新", "Update detail pages"),
        effortHours: 32,
        skill: SK.detail,
        priority: 700,
        dueBefore: 10,
        dependsOn: [{ key: "mainimg", type: "SS", lagDays: 2 }],
      },
      { key: "promo", name: n("推广", "Promotion") },
      {
        key: "adplan",
        parent: "promo",
        name: n("广告投放计划", "Advertising plan"),
        effortHours: 8,
        skill: SK.ads,
        priority: 700,
        dueBefore: 15,
        dependsOn: [{ key: "goal" }],
      },
      {
        key: "warmup",
        parent: "promo",
        name: n("预热期投放与优化", "Warm-up advertising and tuning"),
        effortHours: 24,
        skill: SK.ads,
        priority: 800,
        startBefore: 10,
        dueBefore: 1,
        dependsOn: [{ key: "adplan" }, { key: "home" }],
      },
      {
        key: "community",
        parent: "promo",
        name: n("社群预热与老客召回", "Community warm-up and win-back"),
        effortHours: 16,
        skill: SK.community,
        priority: 600,
        startBefore: 12,
        dueBefore: 3,
      },
      {
        key: "seo",
        parent: "promo",
        name: n("SEO 标题优化", "SEO title optimisation"),
        effortHours: 12,
        skill: SK.seo,
        priority: 500,
        dueBefore: 8,
        dependsOn: [{ key: "selection" }],
      },
      { key: "cs", name: n("客服准备", "Customer service readiness") },
      {
        key: "script",
        parent: "cs",
        name: n("活动话术与 FAQ", "Campaign scripts and FAQ"),
        effortHours: 8,
        skill: SK.presale,
        priority: 600,
        dueBefore: 7,
        dependsOn: [{ key: "pricing" }],
      },
      {
        key: "roster",
        parent: "cs",
        name: n("大促排班与培训", "Rosters and training"),
        effortHours: 6,
        skill: SK.aftersale,
        minLevel: 3,
        priority: 600,
        dueBefore: 5,
      },
      { key: "logistics", name: n("物流准备", "Logistics readiness") },
      {
        key: "stock",
        parent: "logistics",
        name: n("备货入仓", "Stock in the warehouse"),
        effortHours: 16,
        skill: SK.warehouse,
        priority: 800,
        dueBefore: 6,
        dependsOn: [{ key: "selection" }],
      },
      {
        key: "carrier",
        parent: "logistics",
        name: n("耗材采购与快递对接", "Packing material and carriers"),
        effortHours: 6,
        skill: SK.dispatch,
        priority: 600,
        dueBefore: 5,
      },
      {
        key: "drill",
        parent: "logistics",
        name: n("发货预演", "Dispatch rehearsal"),
        effortHours: 8,
        skill: SK.pack,
        priority: 600,
        dueBefore: 2,
        dependsOn: [{ key: "stock" }, { key: "carrier" }],
      },
      {
        key: "golive",
        name: n("上线检查", "Go-live check"),
        milestone: true,
        dueBefore: 0,
        dependsOn: [
          { key: "warmup" },
          { key: "detail" },
          { key: "script" },
          { key: "roster" },
          { key: "drill" },
          { key: "community" },
          { key: "seo" },
        ],
      },
    ],
  },
  {
    id: "product-launch",
    name: n("新品上市", "New product launch"),
    kind: "project",
    tasks: [
      {
        key: "research",
        name: n("市场与定价研究", "Market and price research"),
        effortHours: 10,
        skill: SK.data,
        priority: 700,
        dueBefore: 15,
      },
      {
        key: "copy",
        name: n("卖点与文案", "Selling points and copy"),
        effortHours: 6,
        skill: SK.plan,
        priority: 600,
        dueBefore: 12,
        dependsOn: [{ key: "research" }],
      },
      {
        key: "shoot",
        name: n("主图与详情页", "Main images and detail page"),
        effortHours: 24,
        skill: SK.main,
        priority: 800,
        dueBefore: 6,
        dependsOn: [{ key: "copy" }],
      },
      {
        key: "listing",
        name: n("上架与 SEO", "Listing and SEO"),
        effortHours: 4,
        skill: SK.seo,
        priority: 700,
        dueBefore: 3,
        dependsOn: [{ key: "shoot" }],
      },
      {
        key: "ads",
        name: n("首发投放", "Launch advertising"),
        effortHours: 12,
        skill: SK.ads,
        priority: 700,
        startBefore: 3,
        dueBefore: 0,
        dependsOn: [{ key: "listing" }],
      },
      {
        key: "faq",
        name: n("客服知识库", "CS knowledge base"),
        effortHours: 4,
        skill: SK.presale,
        priority: 500,
        dueBefore: 2,
        dependsOn: [{ key: "copy" }],
      },
      {
        key: "stock",
        name: n("首批备货", "First stock"),
        effortHours: 8,
        skill: SK.warehouse,
        priority: 600,
        dueBefore: 3,
      },
      {
        key: "launch",
        name: n("上市", "Launch"),
        milestone: true,
        dueBefore: 0,
        dependsOn: [{ key: "ads", type: "SS" }, { key: "faq" }, { key: "stock" }],
      },
    ],
  },
];

export const findBuiltinTemplate = (id: string) => BUILTIN_TEMPLATES.find((t) => t.id === id);

/**
 * The template's lead time: how many workdays before the launch its work has to begin. Walked
 * backwards from the launch: a task must finish by its `dueBefore` and before its successors'
 * start (every link counted as finish-to-start, lags added), and needs its effort in full
 * workdays of `hoursPerDay`; an explicit `startBefore` counts as it is.
 */
export function templateLeadDays(template: PlanTemplate, hoursPerDay: number): number {
  const parents = new Set(template.tasks.filter((t) => t.parent).map((t) => t.parent!));
  const leaves = template.tasks.filter((t) => !parents.has(t.key));
  const successors = new Map<string, { key: string; lagDays: number }[]>();
  for (const t of leaves)
    for (const d of t.dependsOn ?? [])
      successors.set(d.key, [
        ...(successors.get(d.key) ?? []),
        { key: t.key, lagDays: d.lagDays ?? 0 },
      ]);
  const byKey = new Map(leaves.map((t) => [t.key, t]));
  const startBefore = new Map<string, number>();
  const visit = (t: TemplateTask, depth: number): number => {
    const known = startBefore.get(t.key);
    if (known !== undefined) return known;
    if (depth > leaves.length) return 0; // a cycle: the scheduler reports it
    let finishBefore = t.dueBefore ?? 0;
    for (const s of successors.get(t.key) ?? []) {
      const next = byKey.get(s.key);
      if (next) finishBefore = Math.max(finishBefore, visit(next, depth + 1) + s.lagDays);
    }
    const days = t.milestone ? 0 : Math.ceil((t.effortHours ?? 8) / Math.max(1, hoursPerDay));
    const own = Math.max(t.startBefore ?? 0, finishBefore + days);
    startBefore.set(t.key, own);
    return own;
  };
  return leaves.reduce((lead, t) => Math.max(lead, visit(t, 0)), 0);
}

/** Workdays before the launch at which a template task may start: its own `startBefore`, else the template's lead time. */
export const startOffset = (task: TemplateTask, leadDays: number): number =>
  task.startBefore ?? leadDays;
