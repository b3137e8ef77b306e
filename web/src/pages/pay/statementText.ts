// A statement's formulas and sources are stored as the server wrote them (English, with the
// numbers): a locked statement never changes. For a Chinese reader they are shown in Chinese by
// replacing the phrases the pay engine writes — the numbers, names and labels are left exactly as
// they are. An unknown phrase stays English rather than being guessed.
import { replaceEach, type Phrase } from "../../i18n/phrases.js";

const what = (w: string) =>
  w === "items sold" ? "售出件数" : w === "sales" ? "销售额" : "净销售额";

const ZH: Phrase[] = [
  // sources
  [
    /^shipping (\S+), all shops: (\d+) shipped late, (\d+) overdue of (\d+) due$/,
    "发货数据 $1，全部店铺：应发 $4 单，迟发 $2 单，逾期未发 $3 单",
  ],
  [/^KPI GMV net of refunds /, "店铺数据 净成交额（扣除退款） "],
  [/^KPI items sold /, "店铺数据 售出件数 "],
  [/^KPI GMV /, "店铺数据 GMV "],
  [/^projected shop GMV net of refunds$/, "预测的店铺净成交额"],
  [/^projected shop GMV$/, "预测的店铺 GMV"],
  [
    /^projected at the same share of the shop: (.+?) \((.*)\)$/,
    (_m, calc, src) => `按占店铺销售额的同等比例预测：${calc}（${statementTextZh(src!)}）`,
  ],
  [/, (\d+) shop\(s\)(: |, )/g, (_m, n, sep) => `，${n} 个店铺${sep === ": " ? "：" : "，"}`],
  [/, all shops: /g, "，全部店铺："],
  [/ paid orders without an owner/g, " 个无归属的付款订单"],
  [/ paid orders/g, " 个付款订单"],
  [/^unattributed sales net of refunds /, "未归属的净销售额 "],
  [/^unattributed items sold /, "未归属的售出件数 "],
  [/^unattributed sales /, "未归属的销售额 "],
  [
    /^(sales net of refunds|items sold|sales) attributed to department (.+?) \(with its sub-departments\) /,
    (_m, w, who) => `部门 ${who}（含下级部门）的归属${what(w!)} `,
  ],
  [
    /^(sales net of refunds|items sold|sales) attributed to (.+?) (\d{4}-\d{2}-\d{2}…)/,
    (_m, w, who, range) => `归属 ${who} 的${what(w!)} ${range}`,
  ],
  [/^(.+) belongs to no department: no department sales$/, "$1 不属于任何部门：没有部门销售额"],
  [/^entered /, "手工录入 "],
  [/: entered /g, "：手工录入 "],
  [/not entered \(0\)/g, "未录入（0）"],
  [/^final score of goal cycle /, "目标周期的最终得分："],
  [/^pay plan "(.*)"$/, "薪酬方案“$1”"],
  [/CS data (\S+): ([\d,]+) inquirers, ([\d,]+) paid/g, "客服数据 $1：询单 $2 人，付款 $3 人"],
  [/ \(days weighted by inquirers\)/g, "（各天按询单人数加权）"],
  // input values
  [/^not entered → 0 points$/, "未录入 → 0 分"],
  [/ → (\d+(?:\.\d+)?) points$/, " → $1 分"],
  [/^score ≥ /, "得分 ≥ "],
  [/ of target$/, " × 目标"],
  // formulas
  [/^Marginal tiers \(超额累进\) on /, "超额累进，基数 "],
  [/^Whole tiers \(全额累进\) on /, "全额累进，基数 "],
  [/ is below the gate (.+?): nothing paid$/, " 低于门槛 $1：不计发"],
  [/^score (\S+) 低于门槛/, "得分 $1 低于门槛"],
  [/ split\)/g, " 分成)"],
  [/ split$/, " 分成"],
  [/, cap /g, "，封顶 "],
  [/goal score /g, "目标得分 "],
  [/^pool /, "公共池 "],
  [/, shared by (\d+): /, "，$1 人平分："],
  [/^none this period → /, "本期无 → "],
  [/ this period → /, " 本期 → "],
  [/ units\b/g, " 件"],
  [/^base salary /, "底薪 "],
];

/** The text in Chinese where the pay engine's phrases are known; otherwise unchanged. */
export function statementTextZh(text: string): string {
  const instead = /^entered (\S+) \(instead of the shop data: ([^,]+), (.*)\)$/.exec(text);
  if (instead)
    return `手工录入 ${instead[1]}（代替店铺数据 ${instead[2]}：${statementTextZh(instead[3]!)}）`;
  return replaceEach(ZH, text);
}
