import { DomainError } from "../../core/errors.js";
import { renderMessage, type Locale } from "../../core/messages/index.js";
import { formatMoney } from "../../core/money.js";
import {
  problemText,
  storedWarnings,
  warningMessage,
  type ImportWarning,
  type ParsedOrder,
  type Problem,
} from "../../core/orders/index.js";
import type {
  OrderImportsTable,
  OrderItemsTable,
  OrdersTable,
  RefundsTable,
  ShopsTable,
} from "../../db/schema.js";
import type { ImportDto } from "./orders.schema.js";

const m = (fen: number | null) => (fen === null ? null : formatMoney(Number(fen)));

export const presentShop = (s: ShopsTable, orders: number) => ({
  id: s.id,
  platform: s.platform,
  name: s.name,
  currency: s.currency,
  customerIdentity: s.customerIdentity,
  shipWindowHours: s.shipWindowHours,
  orders,
  version: s.version,
  createdAt: s.createdAt,
});

export function presentItem(
  i: Pick<
    OrderItemsTable,
    | "lineNo"
    | "subOrderId"
    | "title"
    | "sku"
    | "productId"
    | "variant"
    | "quantity"
    | "unitPriceFen"
    | "totalFen"
  >,
) {
  return {
    lineNo: i.lineNo,
    subOrderId: i.subOrderId,
    title: i.title,
    sku: i.sku,
    productId: i.productId,
    variant: i.variant,
    quantity: i.quantity,
    unitPrice: m(i.unitPriceFen),
    total: formatMoney(Number(i.totalFen)),
  };
}

/** Who an order's sale is attributed to, for display. */
export const presentOwner = (
  o: Pick<OrdersTable, "ownerMemberId" | "ownerSource">,
  names: ReadonlyMap<string, string>,
) =>
  o.ownerMemberId
    ? {
        memberId: o.ownerMemberId,
        name: names.get(o.ownerMemberId) ?? "",
        source: o.ownerSource ?? "rule",
      }
    : null;

export function presentOrder(
  o: OrdersTable,
  items: OrderItemsTable[],
  names: ReadonlyMap<string, string>,
) {
  return {
    id: o.id,
    shopId: o.shopId,
    platform: o.platform,
    platformOrderId: o.platformOrderId,
    status: o.status,
    rawStatus: o.rawStatus,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    paidDate: o.paidDate,
    shippedAt: o.shippedAt,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    currency: o.currency,
    total: formatMoney(Number(o.totalFen)),
    goods: formatMoney(Number(o.goodsFen)),
    shipping: formatMoney(Number(o.shippingFen)),
    discount: formatMoney(Number(o.discountFen)),
    refund: formatMoney(Number(o.refundFen)),
    itemCount: o.itemCount,
    customerKey: o.customerKey,
    buyer: o.buyerRef,
    recipient: o.recipient,
    phone: o.phone,
    email: o.email,
    country: o.country,
    province: o.province,
    provinceCode: o.provinceCode,
    city: o.city,
    district: o.district,
    address: o.address,
    zip: o.zip,
    trackingNo: o.trackingNo,
    carrier: o.carrier,
    sellerMemo: o.sellerMemo,
    salesRef: o.salesRef,
    promisedShipAt: o.promisedShipAt,
    owner: presentOwner(o, names),
    version: o.version,
    items: items.filter((i) => i.orderId === o.id).map(presentItem),
  };
}

/** An order as it will be stored, for previews (no id yet). */
export function presentParsed(
  o: ParsedOrder,
  platform: string,
  paidDate: string | null,
  customerKey: string,
) {
  return {
    id: null,
    shopId: null,
    platform,
    platformOrderId: o.platformOrderId,
    status: o.status,
    rawStatus: o.rawStatus,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    paidDate,
    shippedAt: o.shippedAt,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    currency: o.currency,
    total: formatMoney(o.totalFen),
    goods: formatMoney(o.goodsFen),
    shipping: formatMoney(o.shippingFen),
    discount: formatMoney(o.discountFen),
    refund: formatMoney(o.refundFen),
    itemCount: o.items.reduce((s, i) => s + i.quantity, 0),
    customerKey,
    buyer: o.buyerId ?? o.email,
    recipient: o.recipient,
    phone: o.phone,
    email: o.email,
    country: o.country,
    province: o.province,
    provinceCode: o.provinceCode,
    city: o.city,
    district: o.district,
    address: o.address,
    zip: o.zip,
    trackingNo: o.trackingNo,
    carrier: o.carrier,
    sellerMemo: o.sellerMemo,
    salesRef: o.salesRef,
    promisedShipAt: o.promisedShipAt,
    owner: null,
    version: 0,
    items: o.items.map(presentItem),
  };
}

export const presentRefund = (r: RefundsTable) => ({
  id: r.id,
  platformRefundId: r.platformRefundId,
  platformOrderId: r.platformOrderId,
  status: r.status,
  rawStatus: r.rawStatus,
  amount: formatMoney(Number(r.amountFen)),
  reason: r.reason,
  requestedAt: r.requestedAt,
  completedAt: r.completedAt,
});

/** An import record as services return it: warnings as messages (the route renders them). */
export type ImportRecord = Omit<ImportDto, "warnings"> & { warnings: ImportWarning[] };

export const presentImport = (i: OrderImportsTable): ImportRecord => ({
  id: i.id,
  shopId: i.shopId,
  platform: i.platform,
  format: i.format,
  files: JSON.parse(i.files) as ImportDto["files"],
  status: i.status,
  orders: i.orders,
  lineItems: i.lineItems,
  created: i.created,
  updated: i.updated,
  skipped: i.skipped,
  refunds: i.refunds,
  visitorDays: i.visitorDays,
  warnings: storedWarnings(i.warnings),
  createdBy: i.createdBy,
  createdAt: i.createdAt,
  rolledBackAt: i.rolledBackAt,
});

// ---- import problems and warnings in the caller's language -----------------------------------

/** A problem as the API sends it: its code and parameters, and the text in the caller's language. */
export const problemIn = (locale: Locale, p: Problem) => ({
  file: p.file ?? "",
  row: p.row,
  column: p.column,
  code: p.code,
  params: p.params,
  message: problemText(locale, p),
});

/** A warning as the API sends it: its code and parameters, and the text (its file in front). */
export const warningIn = (locale: Locale, w: ImportWarning) => ({
  ...(w.file === undefined ? {} : { file: w.file }),
  code: w.code,
  params: w.params,
  message: renderMessage(locale, warningMessage(w)),
});

/** A summary or preview with its problems and warnings rendered for the caller. */
export const summaryIn = <T extends { errors: Problem[]; warnings: ImportWarning[] }>(
  locale: Locale,
  s: T,
) => ({
  ...s,
  errors: s.errors.map((p) => problemIn(locale, p)),
  warnings: s.warnings.map((w) => warningIn(locale, w)),
});

/** An import record (orders or CS) with its warnings rendered for the caller. */
export const warningsIn = <T extends { warnings: ImportWarning[] }>(locale: Locale, r: T) => ({
  ...r,
  warnings: r.warnings.map((w) => warningIn(locale, w)),
});

/**
 * A refused import's problems (`problems`, `summary` in the error body) rendered for the caller;
 * use as `.catch(refusalIn(locale))`. Other errors pass through unchanged.
 */
export const refusalIn =
  (locale: Locale) =>
  (e: unknown): never => {
    if (!(e instanceof DomainError)) throw e;
    const extra = { ...e.extra };
    if (Array.isArray(extra.problems))
      extra.problems = (extra.problems as Problem[]).map((p) => problemIn(locale, p));
    const summary = extra.summary as { errors: Problem[]; warnings: ImportWarning[] } | undefined;
    if (summary && Array.isArray(summary.errors)) extra.summary = summaryIn(locale, summary);
    throw new DomainError(e.kind, e.message, e.fields, extra, e.coded);
  };
