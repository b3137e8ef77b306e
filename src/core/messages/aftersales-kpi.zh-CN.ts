// 售后 KPI 的中文文案（docs/AFTERSALES.md「KPIs」）。
import type { AFTERSALES_KPI_EN } from "./aftersales-kpi.en.js";

export const AFTERSALES_KPI_ZH = {
  "aftersales.kpi.src.reviews_turned_good":
    "{name} {from}…{to} 差评转好评：{count} 个（好评回访记录为转好评）",
  "aftersales.kpi.src.sla": "{from}…{to} 新建的售后单：SLA 时钟达标 {met} 个，超时 {breached} 个",
  "aftersales.kpi.src.handling":
    "{from}…{to} 完结的售后单 {ended} 单，从创建到完结共 {minutes:num} 分钟",
  "aftersales.kpi.v.minutes": "{minutes} 分钟",
  "aftersales.kpi.section.total": "合计",
  "aftersales.kpi.section.shop": "店铺",
  "aftersales.kpi.section.member": "客服",
  "aftersales.kpi.section.reason": "原因",
  "aftersales.kpi.section.sku": "SKU",
  "aftersales.kpi.line.unassigned": "未分配",
  "aftersales.kpi.line.no_reason": "未填原因",
  "aftersales.kpi.line.no_sku": "无 SKU",
  "aftersales.kpi.col.section": "维度",
  "aftersales.kpi.col.line": "项目",
  "aftersales.kpi.col.paid_orders": "付款订单数",
  "aftersales.kpi.col.refunds": "退款单数",
  "aftersales.kpi.col.refund_amount": "退款金额（元）",
  "aftersales.kpi.col.refund_rate": "退款率（%）",
  "aftersales.kpi.col.returns": "退货单数",
  "aftersales.kpi.col.return_rate": "退货率（%）",
  "aftersales.kpi.col.cases": "新建售后单",
  "aftersales.kpi.col.ended": "完结售后单",
  "aftersales.kpi.col.avg_handling": "平均处理时长（分钟）",
  "aftersales.kpi.col.sla_met": "SLA 达标时钟",
  "aftersales.kpi.col.sla_breached": "SLA 超时时钟",
  "aftersales.kpi.col.sla_attainment": "SLA 达成率（%）",
  "aftersales.kpi.col.saved_returns": "挽回退货",
  "aftersales.kpi.col.reviews_turned_good": "差评转好评",
  "unit.minute": "分钟",
  "unit.minute.value": "{value:num} 分钟",
  "unit.case": "个",
  "unit.case.value": "{value:num} 个",
} as const satisfies Record<keyof typeof AFTERSALES_KPI_EN, string>;
