// 质量售后与好评回访的中文文本：键与 aftersales-care.en.ts 一致。
import type { AFTERSALES_CARE_EN } from "./aftersales-care.en.js";

export const AFTERSALES_CARE_ZH: Record<keyof typeof AFTERSALES_CARE_EN, string> = {
  "aftersales.quality.entity": "质量售后阈值",
  "aftersales.quality.threshold_invalid": "请填写 {min} 到 {max} 之间的整数。",
  "aftersales.quality.plan_name": "售后质量改进 · {department}",
  "aftersales.quality.plan_description":
    "由质量售后自动开出的任务：同一 SKU 的质量售后单达到阈值时开一个。",
  "aftersales.quality.task_name.operations": "修改 {sku} 的商品页：{days} 天内 {count} 个质量售后",
  "aftersales.quality.task_name.design":
    "修改 {sku} 的图片或尺码表：{days} 天内 {count} 个质量售后",
  "aftersales.quality.notice": "{sku} 在 {days} 天内有 {count} 个质量售后单：已开出任务",
  "audit.aftersales.quality_changed": "{actor} 把质量售后阈值设为 {days} 天内 {count} 个",
  "audit.aftersales.quality_task": "{sku} 的 {count} 个质量售后单为{department}开出了任务",
  "aftersales.followup.entity": "回访规则",
  "aftersales.followup.entity_item": "回访",
  "aftersales.followup.too_many": "最多 {max} 条规则。",
  "aftersales.followup.name_invalid": "请填写名称，最多 {max} 个字。",
  "aftersales.followup.script_invalid": "请填写话术，最多 {max} 个字。",
  "aftersales.followup.days_invalid": "天数请填写 {min} 到 {max} 之间的整数。",
  "aftersales.followup.amount_invalid": "金额请填写不小于 0 的整数（分）。",
  "aftersales.followup.shop_unknown": "本工作区没有这个店铺。",
  "aftersales.followup.others_forbidden": "这条回访是别人的；只有本人、客服主管或所有者可以登记。",
  "aftersales.followup.finished": "这条回访已经登记过了。",
  "aftersales.followup.no_order": "这条回访没有关联订单，差评无法自动开投诉单；请手动开单。",
  "aftersales.followup.bad_review_reason": "回访时买家给了差评",
  "aftersales.followup.outcome.good_review": "好评",
  "aftersales.followup.outcome.turned_good": "差评转好评",
  "aftersales.followup.outcome.no_answer": "未接通",
  "aftersales.followup.outcome.bad_review": "差评（已开投诉单）",
  "audit.aftersales.followup_rules_changed": "{actor} 修改了回访规则（{count} 条）",
  "audit.aftersales.followup_recorded": "{actor} 登记了订单 {order} 的回访：{outcome}",
};
