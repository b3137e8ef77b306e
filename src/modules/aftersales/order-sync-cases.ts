// The cases an order sync makes from what an order import carries (order-sync.service.ts): a
// refund record's case, and the resolved case of a refund only the order carries.
import { caseState, caseType, type StateTarget } from "../../core/aftersales/platform-codes.js";
import type { RefundsTable } from "../../db/schema.js";
import type { CaseOrder } from "./case-sources.repository.js";
import type { Incoming } from "./case-upsert.js";

const refundTarget = (r: RefundsTable, platform: string): StateTarget =>
  caseState(platform, r.rawStatus) ??
  (r.status === "succeeded"
    ? { state: "resolved", outcome: "refunded" }
    : r.status === "closed"
      ? { state: "closed" }
      : { state: "new" });

function refundRaw(r: RefundsTable): Record<string, string> {
  try {
    const v = JSON.parse(r.raw) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The case of a refund record (Taobao 退款报表, Pinduoduo 售后单 read with the orders). */
export function refundIncoming(
  r: RefundsTable,
  order: CaseOrder | null,
  shop: { platform: string; currency: string },
  shopId: string,
  at: string,
): Incoming {
  const raw = refundRaw(r);
  return {
    caseKey: r.platformRefundId,
    platformCaseId: r.platformRefundId,
    source: "refund",
    platform: shop.platform,
    shopId,
    platformOrderId: r.platformOrderId,
    order,
    type: (r.kind ? caseType(shop.platform, r.kind) : null) ?? "refund_only",
    platformType: r.kind,
    target: refundTarget(r, shop.platform),
    platformState: r.rawStatus || null,
    goodsState: raw["货物状态"] ?? null,
    reason: r.reason,
    requestedFen: r.amountFen,
    refundFen: r.status === "succeeded" ? r.amountFen : null,
    currency: order?.currency ?? shop.currency,
    openedAt: r.requestedAt ?? r.completedAt ?? at,
    updatedAt: null,
    completedAt: r.completedAt,
    deadlineAt: null,
    returnWaybill: null,
    returnCarrier: null,
    lines:
      raw["宝贝标题"] || raw["商品名称"]
        ? [
            {
              title: raw["宝贝标题"] ?? raw["商品名称"]!,
              sku: raw["商家编码"] ?? null,
              quantity: 1,
            },
          ]
        : [],
    raw,
    file: null,
  };
}

/** A refund only the order carries: the platform refunded it, so the case is resolved. */
export function orderRefund(
  o: CaseOrder,
  key: string,
  shop: { platform: string; currency: string },
  at: string,
): Incoming {
  const when = o.cancelledAt ?? o.completedAt ?? o.shippedAt ?? o.paidAt ?? at;
  return {
    caseKey: key,
    platformCaseId: null,
    source: "order",
    platform: shop.platform,
    shopId: o.shopId,
    platformOrderId: o.platformOrderId,
    order: o,
    type: "refund_only",
    platformType: null,
    target: { state: "resolved", outcome: "refunded" },
    platformState: null,
    goodsState: null,
    reason: null,
    requestedFen: o.ownRefundFen,
    refundFen: o.ownRefundFen,
    currency: o.currency || shop.currency,
    openedAt: when,
    updatedAt: when,
    completedAt: when,
    deadlineAt: null,
    returnWaybill: null,
    returnCarrier: null,
    lines: [],
    raw: { order: o.platformOrderId, refund: o.ownRefundFen },
    file: null,
  };
}
