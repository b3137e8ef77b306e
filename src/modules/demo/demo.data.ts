// The demo shop: a clothing shop with the four departments of the e-commerce template, twelve
// people with skills, part-timers and days off, so every page has something real to show.
export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: "owner" | "lead" | "member";
  dept: "运营" | "设计" | "客服" | "物流" | null;
  title: string;
  skills: [string, number][];
  hoursPerDay?: number;
  workweek?: number[];
  /** Days off, as offsets in workdays from the demo's creation date. */
  leave?: { from: number; days: number; kind: string; note: string };
}

export const DEMO_WORKSPACE_NAME = "日清服饰旗舰店 (演示)";
export const DEMO_DOMAIN = "demo.dayclear.local";

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "owner",
    name: "周晓明",
    email: "owner",
    role: "owner",
    dept: null,
    title: "店长",
    skills: [
      ["数据分析", 4],
      ["活动策划", 4],
    ],
  },
  {
    key: "ops-lead",
    name: "林可",
    email: "lin.ke",
    role: "lead",
    dept: "运营",
    title: "运营主管",
    skills: [
      ["活动策划", 5],
      ["数据分析", 4],
      ["广告投放", 4],
    ],
  },
  {
    key: "ops-1",
    name: "陈思远",
    email: "chen.siyuan",
    role: "member",
    dept: "运营",
    title: "运营专员",
    skills: [
      ["广告投放", 3],
      ["SEO", 4],
      ["数据分析", 2],
    ],
  },
  {
    key: "ops-2",
    name: "黄雨桐",
    email: "huang.yutong",
    role: "member",
    dept: "运营",
    title: "社群运营",
    skills: [
      ["社群运营", 4],
      ["活动策划", 2],
    ],
    leave: { from: 3, days: 2, kind: "leave", note: "年假" },
  },
  {
    key: "design-lead",
    name: "吴桐",
    email: "wu.tong",
    role: "lead",
    dept: "设计",
    title: "设计主管",
    skills: [
      ["活动视觉", 5],
      ["首页设计", 5],
      ["主图设计", 4],
    ],
  },
  {
    key: "design-1",
    name: "郑小雅",
    email: "zheng.xiaoya",
    role: "member",
    dept: "设计",
    title: "美工",
    skills: [
      ["主图设计", 4],
      ["详情页设计", 3],
    ],
  },
  {
    key: "design-2",
    name: "孙浩",
    email: "sun.hao",
    role: "member",
    dept: "设计",
    title: "美工（兼职）",
    skills: [
      ["详情页设计", 3],
      ["主图设计", 2],
    ],
    hoursPerDay: 4,
    workweek: [1, 3, 5],
  },
  {
    key: "cs-lead",
    name: "王芳",
    email: "wang.fang",
    role: "lead",
    dept: "客服",
    title: "客服主管",
    skills: [
      ["售后处理", 5],
      ["售前接待", 4],
      ["评价维护", 4],
    ],
  },
  {
    key: "cs-1",
    name: "刘婷",
    email: "liu.ting",
    role: "member",
    dept: "客服",
    title: "售前客服",
    skills: [["售前接待", 4]],
  },
  {
    key: "cs-2",
    name: "赵磊",
    email: "zhao.lei",
    role: "member",
    dept: "客服",
    title: "售后客服",
    skills: [
      ["售后处理", 3],
      ["评价维护", 3],
    ],
    leave: { from: 1, days: 1, kind: "sick", note: "病假" },
  },
  {
    key: "log-lead",
    name: "马强",
    email: "ma.qiang",
    role: "lead",
    dept: "物流",
    title: "仓储主管",
    skills: [
      ["仓储管理", 5],
      ["打单发货", 4],
    ],
  },
  {
    key: "log-1",
    name: "何军",
    email: "he.jun",
    role: "member",
    dept: "物流",
    title: "打包员",
    skills: [
      ["打包", 4],
      ["打单发货", 3],
    ],
    hoursPerDay: 6,
  },
];

/** A demo account as the sign-in hint shows it (the accounts are this file's, never a real workspace's). */
export interface DemoAccount {
  email: string;
  name: string;
  role: DemoPerson["role"];
  department: DemoPerson["dept"];
}

/** The accounts a visitor is offered: the owner, and the lead and one member of each department. */
export function demoAccounts(): DemoAccount[] {
  const picked = DEMO_PEOPLE.filter(
    (p, i) =>
      p.role !== "member" ||
      DEMO_PEOPLE.findIndex((q) => q.role === "member" && q.dept === p.dept) === i,
  );
  return picked.map((p) => ({
    email: `${p.email}@${DEMO_DOMAIN}`,
    name: p.name,
    role: p.role,
    department: p.dept,
  }));
}
