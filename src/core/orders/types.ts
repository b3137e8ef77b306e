import type { Platform, FileKind } from "./fields.js";
import type { OrderStatus, RefundStatus } from "./status.js";
import type { MessageCode, MessageParams } from "../messages/index.js";

/**
 * A problem that refuses an import: where it is and what it is, as a message code with its
 * parameters (core/messages/shop.*.ts); the reader's language writes the sentence.
 */
export interface Problem {
  /** 1-based row in the file, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  /** The header of the column as written in the file ("" when the problem is the whole row or file). */
  column: string;
  file?: string;
  code: MessageCode;
  params: MessageParams;
}

/** A note on an import that goes ahead (an unknown status read as paid …), as a message code. */
export interface ImportWarning {
  file?: string;
  code: MessageCode;
  params: MessageParams;
}

export interface ParsedItem {
  lineNo: number;
  subOrderId: string | null;
  title: string;
  sku: string | null;
  productId: string | null;
  variant: string | null;
  quantity: number;
  unitPriceFen: number | null;
  totalFen: number;
}

export interface ParsedOrder {
  /** The order number as the platform shows it (Shopify `Name` #1001, 订单编号). */
  platformOrderId: string;
  /**
   * The order's identity within a shop: the platform's own id where the export has one besides
   * the number (Shopify `Id`, WooCommerce `Order ID`), else the order number.
   */
  orderKey: string;
  /** When the platform last changed the order, where the export says (UTC). */
  updatedAt: string | null;
  /** The file it was read from. */
  file?: string;
  status: OrderStatus;
  rawStatus: string;
  placedAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  currency: string;
  totalFen: number;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  refundFen: number;
  buyerId: string | null;
  buyerName: string | null;
  email: string | null;
  phone: string | null;
  recipient: string | null;
  country: string | null;
  province: string | null;
  provinceCode: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  zip: string | null;
  trackingNo: string | null;
  carrier: string | null;
  /** The seller's memo on the order (商家备注 …); sales attribution rules match on it. */
  sellerMemo: string | null;
  /** The buyer's memo (买家留言 / Customer Note): printed on the packing slip. */
  buyerMemo: string | null;
  /** The salesperson the platform records (Shopify Employee, 抖店 达人). */
  salesRef: string | null;
  /** The ship-by time promised to the buyer (承诺发货时间), UTC. */
  promisedShipAt: string | null;
  items: ParsedItem[];
  /** File rows this order was read from. */
  rows: number[];
  /** The source rows, header → cell, for audit and re-parsing. */
  raw: Record<string, string>[];
  /** `raw` as JSON, when the reader serialised it already (a streamed import's worker). */
  rawJson?: string;
  /**
   * What the writer derives from the order, when the reader derived it already (a streamed
   * import's worker): for this time zone and customer identity, the paid date, the customer key
   * and the content hash.
   */
  derived?: {
    tz: string;
    identity: string;
    paidDate: string | null;
    customerKey: string;
    contentHash: string;
  };
}

export interface ParsedRefund {
  platformRefundId: string;
  platformOrderId: string;
  amountFen: number;
  status: RefundStatus;
  rawStatus: string;
  reason: string | null;
  kind: string | null;
  requestedAt: string | null;
  completedAt: string | null;
  row: number;
  raw: Record<string, string>;
}

export interface ParsedVisitorDay {
  date: string;
  visitors: number;
  row: number;
}

export interface ParsedFile {
  file: string;
  kind: FileKind;
  platform: Platform;
  profileId: string;
  label: string;
  version: string;
  rowCount: number;
  orders: ParsedOrder[];
  /** Item report lines by order id (Taobao 宝贝报表), joined into the orders of the same import. */
  itemsByOrder: Map<string, ParsedItem[]>;
  refunds: ParsedRefund[];
  visitors: ParsedVisitorDay[];
  problems: Problem[];
  warnings: ImportWarning[];
  unknownColumns: string[];
}
