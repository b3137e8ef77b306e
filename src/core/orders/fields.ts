// The canonical fields every source is read into, and the column mapping a user builds for any file.
import type { OrderStatus } from "./status.js";

export const ORDER_FIELDS = [
  "orderId",
  // The platform's own id of the order where the export has one besides the order number shown
  // to buyers (Shopify `Id`, WooCommerce `Order ID`): the order's identity within a shop.
  "orderKey",
  // When the platform last changed the order, where the export says: the latest copy wins.
  "updatedAt",
  "status",
  "financialStatus",
  "fulfillmentStatus",
  "placedAt",
  "paidAt",
  "shippedAt",
  "completedAt",
  "cancelledAt",
  "currency",
  "orderTotal",
  "goodsTotal",
  "shipping",
  "discount",
  "discount2",
  "refund",
  "buyerId",
  "buyerName",
  "email",
  "phone",
  "phone2",
  "recipient",
  "country",
  "province",
  "city",
  "district",
  "street",
  "address",
  "zip",
  "trackingNo",
  "carrier",
  "trackingInfo",
  "sellerMemo",
  "buyerMemo",
  "salesRef",
  "promisedShipAt",
  "itemTitle",
  "itemSku",
  "itemProductId",
  "itemVariant",
  "itemQuantity",
  "itemPrice",
  "itemTotal",
  "subOrderId",
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const REFUND_FIELDS = [
  "orderId",
  "refundId",
  "refundAmount",
  "refundStatus",
  "reason",
  "requestedAt",
  "completedAt",
  "kind",
  "itemTitle",
] as const;
export type RefundField = (typeof REFUND_FIELDS)[number];

export const VISITOR_FIELDS = ["date", "visitors"] as const;
export type VisitorField = (typeof VISITOR_FIELDS)[number];

/** Fields without which an order file cannot be read. */
export const REQUIRED_ORDER_FIELDS: readonly OrderField[] = ["orderId", "orderTotal"];

/** A saved column mapping: canonical field → the header in the user's file. */
export interface ColumnMapping {
  fields: Partial<Record<OrderField, string>>;
  /** UTC offset of the times in the file, e.g. "+08:00". */
  utcOffset?: string;
  /** The currency when the file has no currency column. */
  currency?: string;
  /** Raw status text → canonical status, for statuses the built-in table does not know. */
  statuses?: Record<string, OrderStatus>;
}

export type Platform = "taobao" | "jd" | "pdd" | "douyin" | "shopify" | "woocommerce" | "custom";
export const PLATFORMS: readonly Platform[] = [
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "woocommerce",
  "custom",
];
export type FileKind = "orders" | "items" | "refunds" | "visitors";
