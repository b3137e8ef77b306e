// Strings of the customer-service performance page (客服绩效), zh-CN and English, read with the app's locale.
import { pageTexts } from "../../i18n";

const en = {
  "nav.cs": "CS performance",
  "page.title": "CS performance",
  "page.intro":
    "Daily numbers per chat account from the chat tool's 客服绩效 export (千牛, 赤兔). Inquiry conversion = inquirers who paid ÷ inquirers; response times are the days' times weighted by their inquirers. Goals and pay scorecards read them.",
  "page.readOnly":
    "Only the owner and the leads of a department with the Customer service function import files and link accounts; everyone can read.",
  "page.toShopData": "Orders & imports",
  "upload.title": "Import an export",
  "upload.hint": "Drop a 客服绩效 CSV or XLSX here, or tap to choose one",
  "upload.columns":
    "Read by header: 日期, 客服/旺旺/客服昵称, 询单人数, 最终付款人数, 首次响应时间, 平均响应时间 (required); 咨询人数, 接待人数, 销售额 (optional). Days already imported for an account are replaced.",
  "upload.done": "Imported {file}: {days} account-days ({from} – {to}), {replaced} replaced",
  "upload.refused": "{file} was refused; nothing was stored",
  "upload.row": "Row",
  "upload.column": "Column",
  "upload.problem": "Problem",
  "upload.link":
    "These accounts are not linked to anyone yet. Choose who they belong to, then import again:",
  "upload.linkAndRetry": "Link and import again",
  "upload.chooseMember": "Choose a member",
  "upload.last": "Last import",
  "accounts.title": "Chat accounts",
  "accounts.hint":
    "Each chat account (e.g. 日清服饰:小美) belongs to one member. Changing it moves the account's days after the last locked pay run.",
  "accounts.account": "Account",
  "accounts.member": "Member",
  "accounts.days": "Days",
  "accounts.range": "Data",
  "accounts.none": "Not linked",
  "accounts.empty": "No accounts yet: import an export, and link the accounts it names.",
  "accounts.saved": "Saved · {n} days moved",
  "accounts.add": "Link an account",
  "accounts.new": "Account as in the export",
  "summary.title": "Month by agent",
  "summary.month": "Month",
  "summary.agent": "Agent",
  "summary.inquirers": "Inquirers",
  "summary.paid": "Paid",
  "summary.conversion": "Conversion",
  "summary.first": "First response",
  "summary.average": "Avg response",
  "summary.department": "Department",
  "summary.total": "Total",
  "summary.empty": "No CS data in this month.",
  "summary.byDepartment": "By department",
  "common.save": "Save",
};

const zh: Record<keyof typeof en, string> = {
  "nav.cs": "客服绩效",
  "page.title": "客服绩效",
  "page.intro":
    "来自聊天工具“客服绩效”报表（千牛、赤兔）的每个客服账号每天的数据。询单转化率 = 最终付款人数 ÷ 询单人数；响应时间按当天询单人数加权平均。目标和薪酬考核直接读取。",
  "page.readOnly": "只有店主和职能为“客服”的部门负责人可以导入文件、关联账号；所有人都可以查看。",
  "page.toShopData": "订单与导入",
  "upload.title": "导入报表",
  "upload.hint": "把客服绩效 CSV 或 XLSX 拖到这里，或点击选择文件",
  "upload.columns":
    "按表头读取：日期、客服/旺旺/客服昵称、询单人数、最终付款人数、首次响应时间、平均响应时间（必需）；咨询人数、接待人数、销售额（可选）。同一账号已导入的日期会被替换。",
  "upload.done": "已导入 {file}：{days} 条账号日数据（{from} 至 {to}），替换 {replaced} 条",
  "upload.refused": "{file} 未导入，没有保存任何数据",
  "upload.row": "行",
  "upload.column": "列",
  "upload.problem": "问题",
  "upload.link": "这些账号还没有关联到成员。选择账号所属的人，再导入一次：",
  "upload.linkAndRetry": "关联并重新导入",
  "upload.chooseMember": "选择成员",
  "upload.last": "最近一次导入",
  "accounts.title": "客服账号",
  "accounts.hint":
    "每个聊天账号（如 日清服饰:小美）属于一位成员。更改后，最近锁定的薪酬月份之后的数据随之转移。",
  "accounts.account": "账号",
  "accounts.member": "成员",
  "accounts.days": "天数",
  "accounts.range": "数据范围",
  "accounts.none": "未关联",
  "accounts.empty": "还没有账号：导入报表，再关联其中的账号。",
  "accounts.saved": "已保存 · 转移 {n} 天数据",
  "accounts.add": "关联账号",
  "accounts.new": "报表中的账号",
  "summary.title": "本月客服数据",
  "summary.month": "月份",
  "summary.agent": "客服",
  "summary.inquirers": "询单人数",
  "summary.paid": "付款人数",
  "summary.conversion": "询单转化率",
  "summary.first": "首次响应",
  "summary.average": "平均响应",
  "summary.department": "部门",
  "summary.total": "合计",
  "summary.empty": "这个月没有客服数据。",
  "summary.byDepartment": "按部门",
  "common.save": "保存",
};

export type CsKey = keyof typeof en;
export type CsT = (key: CsKey, vars?: object) => string;

const texts = pageTexts<CsKey>(en, zh);
export const csText = texts.text;
export const useCsT = texts.useT;
