// 售后 SLA 时钟（模块部分）的中文文本：键与 aftersales-sla.en.ts 完全一致（类型检查保证）。
import type { AFTERSALES_SLA_EN } from "./aftersales-sla.en.js";

export const AFTERSALES_SLA_ZH: Record<keyof typeof AFTERSALES_SLA_EN, string> = {
  "aftersales.sla.alert.at_risk": "售后单 {case}：{clock}即将超时，截止 {due}",
  "aftersales.sla.alert.breached": "售后单 {case}：{clock}已超时（截止 {due}）",
  "aftersales.sla.entity.policies": "SLA 策略",
  "aftersales.sla.shift_invalid": "班次的结束时间须晚于开始时间，休息时段须在班次之内且互不重叠。",
  "aftersales.sla.case_type_unknown": "{type} 不是售后类型（{types}）。",
  "aftersales.sla.platform_unknown": "{platform} 不是平台（{platforms}）。",
  "aftersales.sla.policy_name_taken": "有两条策略都叫 {name}。",
  "aftersales.sla.no_working_time": "工作日历和班次没有任何工作时间：时钟无法计时。",
  "audit.aftersales.sla_policies": "{actor} 保存了售后 SLA 策略（{count} 条），班次 {start}–{end}",
};
