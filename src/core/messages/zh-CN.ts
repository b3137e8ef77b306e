// 消息代码的中文目录：键与 en.ts 完全一致（类型检查保证，缺一个就编译失败）。
import type { COMMON_EN, MessageCode } from "./en.js";
import { DAILY_ZH } from "./daily.zh-CN.js";
import { PLANS_ZH } from "./plans.zh-CN.js";
import { GOALS_ZH } from "./goals.zh-CN.js";
import { PAY_ZH } from "./pay.zh-CN.js";
import { SHOP_ZH } from "./shop.zh-CN.js";
import { ORG_ZH } from "./org.zh-CN.js";
import { LOGISTICS_ZH } from "./logistics.zh-CN.js";
import { AFTERSALES_ZH } from "./aftersales.zh-CN.js";
import { AFTERSALES_SLA_ZH } from "./aftersales-sla.zh-CN.js";
import { CUSTOMERS_ZH } from "./customers.zh-CN.js";
import { PROGRESS_ZH } from "./progress.zh-CN.js";
import { CLI_COMMANDS_ZH } from "./cli-commands.zh-CN.js";
import { PLANS_WHATIF_CLI_ZH } from "./plans-whatif-cli.zh-CN.js";
import { PLANS_PSPLIB_ZH } from "./plans-psplib.zh-CN.js";
import { FIELDS_ZH } from "./fields.zh-CN.js";

const COMMON_ZH: Record<keyof typeof COMMON_EN, string> = {
  "legacy.text": "{text}",
  "field.invalid": "{reason}",
  "field.required": "必填。",
  "field.unknown": "不是这个表单认识的字段。",
  "request.invalid": "请检查这些字段：{fields}。",
  "request.bad_json": "请求内容不是有效的 JSON。",
  "request.empty_body": "请求内容是空的。",
  "request.unique_conflict": "与刚刚创建的内容冲突，请刷新后重试。",
  "request.refused": "请求被拒绝（{status}）：{reason}",
  "request.no_route": "没有 {method} {path} 这个接口。",
  "server.error": "服务器出错了，错误已记录。",
  "password.too_short": "密码至少需要 {min} 个字符。",
  "password.too_weak":
    "这个密码太容易被猜到（常见词、重复、连续字符，或含有你的姓名、邮箱）。请换一个更长的，例如几个不相关的词组合。",
  "auth.email_taken": "该邮箱已有账号，请直接用它登录。",
  "auth.too_many_attempts": "尝试次数过多，请 {minutes} 分钟后再试。",
  "invitation.other_email": "这份邀请是发给另一个邮箱的。",
  "invitation.already_member": "你已经是这个工作区的成员。",
  "invitation.details_required": "已有账号请先登录；否则请填写姓名、邮箱和密码。",
  "invitation.field_required": "创建账号需要填写此项。",
  "goal.finalize_early":
    "{cycle} 到 {endDate} 才结束。现在确定会按今天的实际值固定得分；确认后才能提前确定。",
  "pay.month_locked":
    "{month} 已关账：{period} 的薪酬核算已锁定，其工资单基于当月数据。更正请在之后的核算中以调整项发放。",
  "import.month_locked":
    "未导入任何数据：{file} 第 {row} 行会改动已关账的 {month}（{period} 的薪酬核算已锁定）。",
  "pay.inputs_missing": "{period} 薪酬核算还缺 {count} 项输入；请填写并重新计算后再锁定。",
  "org.skill_not_managed":
    "部门负责人只能改名或删除自己所管部门的技能；全店通用的技能由所有者管理。",
  "org.department_own_delete": "负责人不能删除自己负责的部门（{department}），请联系所有者。",
  "rights.operations_required":
    "只有所有者和职能为“运营”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.customer_service_required":
    "只有所有者和职能为“客服”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.design_required":
    "只有所有者和职能为“设计”的部门负责人可以这样做。所有者在“部门”页面设置部门的职能。",
  "rights.logistics_required":
    "只有所有者和职能为“物流”的部门负责人可以这样做。所有者在“部门”页面设置部门的职能。",
  "rights.owner_only": "只有所有者可以这样做。",
  "rights.owner_sets_function": "只有所有者可以设置或更改部门职能（决定其负责人能做什么）。",
  "date.out_of_range": "请填写 {min} 至 {max} 之间的日期。",
  "range.too_long": "一次最多选择 {maxDays} 天。",
  "range.reversed": "结束日期早于开始日期。",
  "text.forbidden_character": "请删除不可见字符 {character}，它无法保存。",
  "request.bad_url": "地址无效。",
  "request.path_too_long": "地址中的某一部分过长。",
  "schedule.no_skill":
    "没有在职成员具备技能“{skill}”（等级 ≥ {level}）：请给某人添加该技能、降低等级要求或换一个技能。",
  "schedule.no_members": "没有能做这项任务的在职成员。",
  "schedule.waits": "要等“{task}”完成，而它没能排上。",
  "schedule.cycle": "依赖关系形成了循环：{path}。",
  "schedule.no_time": "能做这项任务的成员在 {years} 年内都没有空闲工时。",
  "schedule.no_subtask": "它的子任务都没能排上。",
};

export const MESSAGES_ZH: Record<MessageCode, string> = {
  ...COMMON_ZH,
  ...DAILY_ZH,
  ...PLANS_ZH,
  ...GOALS_ZH,
  ...PAY_ZH,
  ...SHOP_ZH,
  ...ORG_ZH,
  ...LOGISTICS_ZH,
  ...AFTERSALES_ZH,
  ...AFTERSALES_SLA_ZH,
  ...CUSTOMERS_ZH,
  ...PROGRESS_ZH,
  ...CLI_COMMANDS_ZH,
  ...PLANS_WHATIF_CLI_ZH,
  ...PLANS_PSPLIB_ZH,
  ...FIELDS_ZH,
};
