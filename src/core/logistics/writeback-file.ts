// Write-back files (docs/LOGISTICS.md, part scan): the sheet a seller uploads in a platform's back
// end to mark orders shipped — the order number, the carrier as that platform names it, the
// waybill — in each platform's layout and encoding, with headers a shop may rename (platforms change
// their templates); and the check of the platform's next order export against what was sent.
// Pure: the service encodes the rows (GBK/UTF-8 CSV or XLSX).
import { matchCarrier, type CarrierNames } from "./carriers.js";
import { normalizeCode } from "./scan.js";
import type { MessageCode } from "../messages/index.js";

export const WRITEBACK_PLATFORMS = [
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "woocommerce",
] as const;
export type WritebackPlatform = (typeof WRITEBACK_PLATFORMS)[number];

/** csv-gbk: CSV in GBK (GB18030); csv-utf8: CSV in UTF-8 without BOM; csv-utf8-bom; xlsx: first sheet. */
export const WRITEBACK_FORMATS = ["csv-gbk", "csv-utf8", "csv-utf8-bom", "xlsx"] as const;
export type WritebackFormat = (typeof WRITEBACK_FORMATS)[number];

/** What a column holds: the three facts, the shipping day, or a fixed value a layout needs. */
export const WRITEBACK_FIELDS = [
  "order",
  "carrier",
  "waybill",
  "date",
  "status",
  "command",
  "notify",
] as const;
export type WritebackField = (typeof WRITEBACK_FIELDS)[number];

export interface WritebackColumn {
  field: WritebackField;
  header: string;
  /** For status, command and notify: the value every row carries. */
  value?: string;
  /** For date: how the day is written. */
  dateFormat?: "YYYY-MM-DD" | "DD-MM-YYYY";
}

export interface WritebackLayout {
  platform: WritebackPlatform;
  format: WritebackFormat;
  columns: readonly WritebackColumn[];
  /** The file name's stem (a date and the extension are added). */
  stem: string;
  /**
   * Which of the order's identities the order column holds: its number as people see it, or the
   * platform's own id (WooCommerce's order ID, which its plugins look orders up by).
   */
  orderIs?: "number" | "key";
}

/**
 * Each platform's default layout (docs/LOGISTICS.md says where each comes from and which parts are
 * assumptions). A shop's template renames headers and may pick another format.
 */
export const WRITEBACK_LAYOUTS: Record<WritebackPlatform, WritebackLayout> = {
  taobao: {
    platform: "taobao",
    format: "csv-gbk",
    stem: "taobao-批量发货",
    columns: [
      { field: "order", header: "订单编号" },
      { field: "carrier", header: "物流公司" },
      { field: "waybill", header: "运单号" },
    ],
  },
  jd: {
    platform: "jd",
    format: "xlsx",
    stem: "jd-批量出库",
    columns: [
      { field: "order", header: "订单号" },
      { field: "carrier", header: "物流公司" },
      { field: "waybill", header: "运单号" },
    ],
  },
  pdd: {
    platform: "pdd",
    format: "xlsx",
    stem: "pdd-批量发货",
    columns: [
      { field: "order", header: "订单号" },
      { field: "carrier", header: "快递公司" },
      { field: "waybill", header: "快递单号" },
    ],
  },
  douyin: {
    platform: "douyin",
    format: "xlsx",
    stem: "douyin-批量发货",
    columns: [
      { field: "order", header: "订单号" },
      { field: "carrier", header: "物流公司" },
      { field: "waybill", header: "运单号" },
    ],
  },
  shopify: {
    platform: "shopify",
    format: "csv-utf8",
    stem: "shopify-orders-fulfillments",
    columns: [
      { field: "order", header: "Name" },
      { field: "command", header: "Command", value: "UPDATE" },
      { field: "status", header: "Fulfillment: Status", value: "success" },
      { field: "carrier", header: "Fulfillment: Tracking Company" },
      { field: "waybill", header: "Fulfillment: Tracking Number" },
      { field: "notify", header: "Fulfillment: Send Receipt", value: "FALSE" },
    ],
  },
  woocommerce: {
    platform: "woocommerce",
    format: "csv-utf8",
    stem: "woocommerce-shipment-tracking",
    orderIs: "key",
    columns: [
      { field: "order", header: "order_id" },
      { field: "carrier", header: "tracking_provider" },
      { field: "waybill", header: "tracking_number" },
      { field: "date", header: "date_shipped", dateFormat: "DD-MM-YYYY" },
      { field: "status", header: "status_shipped", value: "1" },
    ],
  },
};

/** A shop's template for one platform: headers renamed per field, and the file format. */
export interface WritebackTemplate {
  headers: Partial<Record<WritebackField, string>>;
  format?: WritebackFormat;
}

/** The layout with a template applied (fields the platform's layout lacks are ignored). */
export function applyTemplate(
  platform: WritebackPlatform,
  template?: WritebackTemplate | null,
): WritebackLayout {
  const base = WRITEBACK_LAYOUTS[platform];
  if (!template) return base;
  return {
    ...base,
    format: template.format ?? base.format,
    columns: base.columns.map((c) => ({ ...c, header: template.headers[c.field] ?? c.header })),
  };
}

/** One order of a shipped parcel, as the file states it. */
export interface WritebackLine {
  platformOrderId: string;
  /** The order's identity in its shop (the platform's own id where the export has one; else the number). */
  orderKey: string;
  carrierName: string;
  waybillNo: string;
  /** The local shipping day, YYYY-MM-DD. */
  shippedDate: string;
}

/** The sheet: the header row and a row per line, every cell text. */
export function writebackRows(
  layout: WritebackLayout,
  lines: readonly WritebackLine[],
): string[][] {
  const cell = (c: WritebackColumn, l: WritebackLine): string => {
    switch (c.field) {
      case "order":
        return layout.orderIs === "key" ? l.orderKey : l.platformOrderId;
      case "carrier":
        return l.carrierName;
      case "waybill":
        return l.waybillNo;
      case "date":
        return c.dateFormat === "DD-MM-YYYY"
          ? l.shippedDate.split("-").reverse().join("-")
          : l.shippedDate;
      case "status":
      case "command":
      case "notify":
        return c.value ?? "";
    }
  };
  return [
    layout.columns.map((c) => c.header),
    ...lines.map((l) => layout.columns.map((c) => cell(c, l))),
  ];
}

/** The carrier as a platform names it in its upload: its code or name for that system, else its name. */
export const platformCarrierName = (
  c: { name: string; codes: Partial<Record<string, string>> },
  platform: WritebackPlatform,
): string => c.codes[platform] || c.name;

/** What Dayclear last sent for an order, and what the platform's latest export says of it. */
export interface SentVsPlatform {
  sent: { waybills: readonly string[]; carrierIds: readonly (string | null)[]; sentAt: string };
  platform: {
    status: string;
    trackingNo: string | null;
    carrier: string | null;
  };
}

export type CheckVerdict =
  { state: "agree" } | { state: "pending" } | { state: "mismatch"; reason: MessageCode };

/**
 * Whether the platform agrees with the write-back: shipped, with one of the waybills sent (an
 * export without a waybill column agrees on the state alone) and, when the export names a carrier
 * that Dayclear recognises, the same carrier. `pending` while no order export of the shop was
 * imported after the file was made.
 */
export function checkAgainstPlatform<C extends CarrierNames>(
  x: SentVsPlatform,
  lastImportAt: string | null,
  carriers: readonly C[],
): CheckVerdict {
  if (lastImportAt === null || lastImportAt <= x.sent.sentAt) return { state: "pending" };
  const p = x.platform;
  if (p.status === "cancelled") return { state: "mismatch", reason: "writeback.check.cancelled" };
  if (p.status === "refunded") return { state: "mismatch", reason: "writeback.check.refunded" };
  if (p.status !== "shipped" && p.status !== "completed")
    return { state: "mismatch", reason: "writeback.check.not_shipped" };
  if (p.trackingNo && p.trackingNo.trim() !== "") {
    const theirs = normalizeCode(p.trackingNo);
    if (!x.sent.waybills.some((w) => normalizeCode(w) === theirs))
      return { state: "mismatch", reason: "writeback.check.other_waybill" };
  }
  if (p.carrier && p.carrier.trim() !== "") {
    const c = matchCarrier(p.carrier, carriers);
    if (c && !x.sent.carrierIds.includes(c.id))
      return { state: "mismatch", reason: "writeback.check.other_carrier" };
  }
  return { state: "agree" };
}
