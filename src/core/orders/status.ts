// Platform statuses → one canonical set; the raw text is always kept beside it.

export const ORDER_STATUSES = [
  "unpaid",
  "paid",
  "shipped",
  "completed",
  "cancelled",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REFUND_STATUSES = ["pending", "succeeded", "closed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const ZH: [RegExp, OrderStatus][] = [
  [/等待买家付款|待付款|待支付|未付款|待买家付款/, "unpaid"],
  [/退款成功|已退款|全额退款/, "refunded"],
  [/交易关闭|已取消|取消|关闭|锁定/, "cancelled"],
  [/交易成功|已完成|已签收|完成|已收货/, "completed"],
  [/已发货|等待买家确认|待收货|等待确认收货|配送中|部分发货|等待收货/, "shipped"],
  [/已付款|等待卖家发货|待发货|等待出库|待出库|已支付|备货中|待配货/, "paid"],
];

const EN: Record<string, OrderStatus> = {
  pending: "unpaid",
  "on-hold": "unpaid",
  failed: "cancelled",
  processing: "paid",
  completed: "completed",
  cancelled: "cancelled",
  canceled: "cancelled",
  refunded: "refunded",
  authorized: "unpaid",
  paid: "paid",
  partially_paid: "paid",
  partially_refunded: "paid",
  voided: "cancelled",
  fulfilled: "shipped",
  shipped: "shipped",
  unpaid: "unpaid",
  "wc-processing": "paid",
  "wc-completed": "completed",
  "wc-cancelled": "cancelled",
  "wc-refunded": "refunded",
  "wc-pending": "unpaid",
  "wc-on-hold": "unpaid",
  "wc-failed": "cancelled",
};

/** The canonical status of a platform status text, or null when unknown. */
export function mapStatus(raw: string): OrderStatus | null {
  const s = raw.normalize("NFKC").trim();
  if (s === "") return null;
  const en = EN[s.toLowerCase()];
  if (en) return en;
  for (const [re, status] of ZH) if (re.test(s)) return status;
  return null;
}

/**
 * Shopify splits status over financial status, fulfilment and a cancellation time; combine them.
 */
export function shopifyStatus(
  financial: string,
  fulfillment: string,
  cancelledAt: string,
): OrderStatus | null {
  const f = financial.toLowerCase();
  if (cancelledAt) return f === "refunded" ? "refunded" : "cancelled";
  if (f === "refunded") return "refunded";
  if (f === "pending" || f === "authorized" || f === "")
    return fulfillment.toLowerCase() === "fulfilled" ? "shipped" : f === "" ? null : "unpaid";
  if (f === "voided") return "cancelled";
  return fulfillment.toLowerCase() === "fulfilled" ? "shipped" : "paid";
}

export function mapRefundStatus(raw: string): RefundStatus {
  const s = raw.normalize("NFKC").trim().toLowerCase();
  if (/退款成功|售后成功|已退款|退款完成|成功|succeeded|success|completed|refunded/.test(s))
    return "succeeded";
  if (/关闭|撤销|驳回|拒绝|取消|失败|closed|cancel|reject|failed/.test(s)) return "closed";
  return "pending";
}
