// 售后单分配（进入每个人日程）的中文文本：键与 aftersales-routing.en.ts 一致。
import type { AFTERSALES_ROUTING_EN } from "./aftersales-routing.en.js";

export const AFTERSALES_ROUTING_ZH: Record<keyof typeof AFTERSALES_ROUTING_EN, string> = {
  "aftersales.routing.entity": "分配规则",
  "aftersales.routing.rule.manual": "人工分配",
  "aftersales.routing.reason.not_routed": "尚未分配。",
  "case.history.routed": "按{rule}分配给 {member}",
  "case.assign.finished": "售后单已是{state}；已结束的售后单不再分配。",
  "case.notice.assigned": "{actor} 把售后单 {case} 分配给了你",
  "case.notice.routed": "你有 {count} 个新的售后单",
  "audit.aftersales.routed": "系统把 {assigned} 个售后单分配给了客服；{unassigned} 个等待主管分配",
  "audit.aftersales.routing_changed": "{actor} 修改了售后分配规则",
};
