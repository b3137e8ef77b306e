// 客户模块的中文文本（键与 customers.en.ts 一致，由类型检查保证）。
import type { CUSTOMERS_EN } from "./customers.en.js";

export const CUSTOMERS_ZH: Record<keyof typeof CUSTOMERS_EN, string> = {
  "customers.read_forbidden": "客户数据只对所有者和运营、客服部门的人员开放。",
  "customers.export_forbidden": "导出客户只对所有者和运营、客服部门的主管开放。",
  "customers.export_too_large": "名单有 {count} 位客户，一次导出最多 {max} 位：请加大天数。",
  "customers.not_found": "本工作区没有这位客户。",
  "customers.shop_required": "请选择店铺：客户按店铺统计。",
  "customers.identity.buyer_id": "买家账号",
  "customers.identity.email": "邮箱",
  "customers.identity.phone": "手机号（脱敏号码的哈希）",
  "customers.identity.address": "收件人和地址（导出内容的哈希）",
  "customers.identity.order": "没有买家身份：仅此订单",
  "customers.rfm.window": "窗口 {from}…{to}（{days} 天），有订单的客户 {customers} 位",
  "customers.export.customer": "客户",
  "customers.export.display": "买家（平台显示）",
  "customers.export.last_order": "最后下单",
  "customers.export.days_since": "距今天数",
  "customers.export.orders": "订单数",
  "customers.export.spend": "消费金额",
  "customers.export.refunds": "退款金额",
  "cli.customers.no_shop": "本工作区没有名为“{shop}”的店铺",
  "cli.customers.number.invalid": "{flag} 需要 {min} 到 {max} 的整数，收到 {got}",
  "cli.customers.rfm.heading":
    "{shop}：{customers} 位客户的 RFM，付款日期 {from}…{to}（{days} 天），截至 {asOf}",
  "cli.customers.rfm.cutoffs":
    "分界值 — R（距最后一单天数）：{r}；F（订单数）：{f}；M（消费金额）：{m}",
  "cli.customers.rfm.none": "窗口内没有已付款订单：无可评分客户。",
  "cli.customers.rfm.cells": "R {r} × F {f}",
  "cli.customers.rfm.progress": "正在读取订单并为客户评分",
  "cli.customers.dormant.heading":
    "{shop}：沉睡客户 {count} 位（{days} 天及以上没有下单：最后一单在 {lastDate} 或之前）",
  "cli.customers.dormant.written": "已将 {count} 位沉睡客户写入 {file}",
};
