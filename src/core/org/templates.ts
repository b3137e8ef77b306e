// Organisation templates applied when a workspace is created. They are data: the workspace
// edits its departments and skills freely afterwards. Each department's function (what its leads
// may do, core/org/rights.ts) is set here explicitly, never read from its name.
import type { DepartmentFunction } from "./rights.js";

export interface DepartmentTemplate {
  key: string;
  name: { "zh-CN": string; en: string };
  /** Omitted: none (a sub-department then takes its parent's). */
  function?: DepartmentFunction;
  skills: { "zh-CN": string; en: string }[];
  children?: DepartmentTemplate[];
}

export interface OrgTemplate {
  id: "ecommerce" | "brand" | "empty";
  name: { "zh-CN": string; en: string };
  departments: DepartmentTemplate[];
}

const s = (zh: string, en: string) => ({ "zh-CN": zh, en });

export const ORG_TEMPLATES: readonly OrgTemplate[] = [
  {
    id: "ecommerce",
    name: s("电商店铺", "E-commerce shop"),
    departments: [
      {
        key: "ops",
        name: s("运营", "Operations"),
        function: "operations",
        skills: [
          s("活动策划", "Campaign planning"),
          s("数据分析", "Data analysis"),
          s("广告投放", "Advertising"),
          s("SEO", "SEO"),
          s("社群运营", "Community"),
        ],
      },
      {
        key: "design",
        name: s("设计", "Design"),
        function: "design",
        skills: [
          s("主图设计", "Main images"),
          s("详情页设计", "Detail pages"),
          s("首页设计", "Home page"),
          s("活动视觉", "Campaign visuals"),
        ],
      },
      {
        key: "cs",
        name: s("客服", "Customer service"),
        function: "customer_service",
        skills: [
          s("售前接待", "Pre-sale chat"),
          s("售后处理", "After-sales"),
          s("评价维护", "Review care"),
        ],
      },
      {
        key: "logistics",
        name: s("物流", "Logistics"),
        function: "logistics",
        skills: [
          s("打单发货", "Order printing & dispatch"),
          s("打包", "Packing"),
          s("仓储管理", "Warehouse"),
        ],
      },
    ],
  },
  {
    id: "brand",
    name: s("品牌公司", "Brand company"),
    departments: [
      {
        key: "brand",
        name: s("品牌市场", "Brand marketing"),
        skills: [s("品牌策划", "Brand planning")],
      },
      {
        key: "social",
        name: s("社媒", "Social media"),
        skills: [s("内容创作", "Content creation")],
      },
      { key: "pr", name: s("公关", "PR"), skills: [s("媒体关系", "Media relations")] },
      { key: "crm", name: s("CRM", "CRM"), skills: [s("会员运营", "Membership")] },
      { key: "vmd", name: s("视觉陈列", "VMD"), skills: [s("陈列设计", "Display design")] },
      {
        key: "sales",
        name: s("销售", "Sales"),
        skills: [s("销售管理", "Sales management")],
        children: [
          { key: "trade", name: s("渠道营销", "Trade marketing"), skills: [] },
          { key: "ec", name: s("电商", "E-commerce"), function: "operations", skills: [] },
          { key: "offline", name: s("线下", "Offline"), skills: [] },
          { key: "bd", name: s("BD", "Business development"), skills: [] },
          { key: "salesops", name: s("销售运营", "Sales operations"), skills: [] },
        ],
      },
    ],
  },
  { id: "empty", name: s("空白", "Empty"), departments: [] },
];

export type OrgTemplateId = OrgTemplate["id"];
export const ORG_TEMPLATE_IDS = ORG_TEMPLATES.map((t) => t.id);
export const findOrgTemplate = (id: string): OrgTemplate | undefined =>
  ORG_TEMPLATES.find((t) => t.id === id);
