// The after-sales exports Dayclear reads (docs/AFTERSALES.md, "Import formats"): the canonical
// fields, each platform's header aliases and identifying headers, saved mappings and detection.
// Headers are compared after the order profiles' normalisation (NFKC, brackets, spaces, case). Pure.
import type { Message, MessageCode } from "../messages/index.js";
import { findColumn } from "../orders/profiles.js";
import { normalizeHeader } from "../orders/text.js";
import type { CasePlatform, TypeTarget } from "./platform-codes.js";

export const CASE_FIELDS = [
  "caseId",
  "orderId",
  "subOrderId",
  "type",
  "state",
  "goodsState",
  "reason",
  "requested",
  "refund",
  "openedAt",
  "updatedAt",
  "completedAt",
  "deadline",
  "returnWaybill",
  "returnCarrier",
  "returnInfo",
  "itemTitle",
  "sku",
  "quantity",
  "currency",
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Fields a file must have (a profile's default type stands in for a type column). */
export const CASE_REQUIRED: readonly CaseField[] = [
  "caseId",
  "orderId",
  "type",
  "state",
  "openedAt",
];

export interface CaseProfile {
  /** taobao-cases, jd-cases … (its name in each language: case.format.*). */
  id: string;
  platform: CasePlatform;
  /** Each group: one of its headers must be present. */
  signature: readonly (readonly string[])[];
  fields: Partial<Record<CaseField, readonly string[]>>;
  /** The type of every row when the file has no type column (a returns report). */
  defaultType?: TypeTarget;
  utcOffset: string;
  currency: string;
  dashIsEmpty: boolean;
}

const CN = { utcOffset: "+08:00", currency: "CNY", dashIsEmpty: true };
const RETURN_WAYBILL_CN = [
  "退货运单号",
  "退货物流单号",
  "退货快递单号",
  "寄回运单号",
  "买家退货单号",
];
const RETURN_CARRIER_CN = ["退货物流公司", "退货快递公司", "寄回快递公司", "买家退货物流公司"];

export const CASE_PROFILES: readonly CaseProfile[] = [
  {
    id: "taobao-cases",
    platform: "taobao",
    ...CN,
    signature: [["退款编号"], ["订单编号"]],
    fields: {
      caseId: ["退款编号"],
      orderId: ["订单编号"],
      subOrderId: ["子订单编号"],
      type: ["售后类型", "退款类型", "是否需要退货"],
      state: ["退款状态"],
      goodsState: ["货物状态"],
      reason: ["退款原因", "买家退款原因"],
      requested: ["买家退款金额", "申请退款金额"],
      refund: ["实际退款金额", "实退金额"],
      openedAt: ["退款的申请时间", "申请时间", "退款申请时间"],
      updatedAt: ["修改时间", "最近更新时间"],
      completedAt: ["退款完结时间", "完结时间"],
      deadline: ["超时时间", "处理截止时间", "截止时间"],
      returnWaybill: RETURN_WAYBILL_CN,
      returnCarrier: RETURN_CARRIER_CN,
      returnInfo: ["退货物流信息"],
      itemTitle: ["宝贝标题", "商品标题"],
      sku: ["商家编码"],
      quantity: ["退货数量", "申请数量"],
    },
  },
  {
    id: "jd-cases",
    platform: "jd",
    ...CN,
    signature: [["服务单号"], ["订单号"]],
    fields: {
      caseId: ["服务单号"],
      orderId: ["订单号"],
      type: ["服务类型", "客户期望", "售后类型"],
      state: ["服务单状态", "服务单环节", "处理环节"],
      reason: ["申请原因", "问题描述"],
      requested: ["申请金额", "退款金额"],
      refund: ["实退金额", "实际退款金额"],
      openedAt: ["申请时间"],
      updatedAt: ["更新时间", "最近更新时间"],
      completedAt: ["完成时间", "处理完成时间"],
      deadline: ["超时时间", "处理截止时间"],
      returnWaybill: [...RETURN_WAYBILL_CN, "运单号"],
      returnCarrier: [...RETURN_CARRIER_CN, "快递公司"],
      itemTitle: ["商品名称"],
      sku: ["货号", "商家SKU"],
      quantity: ["申请数量", "数量"],
    },
  },
  {
    id: "pdd-cases",
    platform: "pdd",
    ...CN,
    signature: [["售后编号"], ["订单号"]],
    fields: {
      caseId: ["售后编号"],
      orderId: ["订单号"],
      type: ["售后类型"],
      state: ["售后状态"],
      reason: ["售后原因", "申请原因", "退款原因"],
      requested: ["申请退款金额(元)", "申请退款金额", "退款金额(元)", "退款金额"],
      refund: ["实际退款金额(元)", "实际退款金额", "实退金额(元)"],
      openedAt: ["申请时间", "售后申请时间"],
      updatedAt: ["更新时间", "最近更新时间"],
      completedAt: ["退款时间", "完结时间", "售后完结时间"],
      deadline: ["超时时间", "处理截止时间", "截止时间"],
      returnWaybill: RETURN_WAYBILL_CN,
      returnCarrier: RETURN_CARRIER_CN,
      itemTitle: ["商品名称", "商品"],
      sku: ["商家编码-SKU维度", "商家编码-规格维度", "商家编码"],
      quantity: ["售后数量", "申请数量", "商品数量(件)"],
    },
  },
  {
    id: "douyin-cases",
    platform: "douyin",
    ...CN,
    signature: [["售后单号", "售后单ID", "售后编号"], ["售后类型"]],
    fields: {
      caseId: ["售后单号", "售后单ID", "售后编号"],
      orderId: ["主订单编号", "订单编号", "订单号"],
      subOrderId: ["子订单编号"],
      type: ["售后类型"],
      state: ["售后状态"],
      reason: ["售后原因", "申请原因"],
      requested: ["申请退款金额", "退款金额"],
      refund: ["实际退款金额", "实退金额"],
      openedAt: ["申请时间", "售后申请时间"],
      updatedAt: ["最近更新时间", "更新时间"],
      completedAt: ["售后完结时间", "退款时间"],
      deadline: ["超时时间", "当前节点逾期时间", "逾期时间", "status_deadline"],
      returnWaybill: RETURN_WAYBILL_CN,
      returnCarrier: RETURN_CARRIER_CN,
      itemTitle: ["商品名称", "选购商品"],
      sku: ["商家编码"],
      quantity: ["售后数量", "申请数量", "商品数量"],
    },
  },
  {
    id: "shopify-cases",
    platform: "shopify",
    utcOffset: "+00:00",
    currency: "USD",
    dashIsEmpty: false,
    defaultType: "return_refund",
    signature: [["Return", "Return name", "Return ID"], ["Order", "Order name"], ["Status"]],
    fields: {
      caseId: ["Return", "Return name", "Return ID"],
      orderId: ["Order", "Order name"],
      type: ["Type", "Return type"],
      state: ["Status", "Return status"],
      reason: ["Return reason", "Reason"],
      requested: ["Requested amount", "Amount"],
      refund: ["Refunded amount", "Refund amount"],
      openedAt: ["Requested at", "Created at"],
      updatedAt: ["Updated at"],
      completedAt: ["Closed at"],
      deadline: ["Due at"],
      returnWaybill: ["Return tracking number", "Tracking number"],
      returnCarrier: ["Return carrier", "Tracking company"],
      itemTitle: ["Lineitem name", "Line item", "Product"],
      sku: ["Lineitem sku", "SKU"],
      quantity: ["Lineitem quantity", "Quantity"],
      currency: ["Currency"],
    },
  },
  {
    id: "woocommerce-cases",
    platform: "woocommerce",
    utcOffset: "+00:00",
    currency: "USD",
    dashIsEmpty: false,
    defaultType: "refund_only",
    signature: [
      ["Request ID", "RMA ID", "Return ID", "Refund ID", "request_id", "refund_id"],
      ["Order ID", "Order Number", "order_id", "order_number"],
    ],
    fields: {
      caseId: ["Request ID", "RMA ID", "Return ID", "Refund ID", "request_id", "refund_id"],
      orderId: ["Order Number", "Order ID", "order_number", "order_id"],
      type: ["Request Type", "Type", "request_type"],
      state: ["Status", "Request Status", "status"],
      reason: ["Reason", "Refund Reason", "reason"],
      requested: ["Requested Amount", "Amount", "amount"],
      refund: ["Refunded Amount", "Refund Amount", "refund_amount"],
      openedAt: ["Date", "Request Date", "Date Created", "date_created", "date"],
      updatedAt: ["Date Modified", "date_modified"],
      completedAt: ["Date Completed", "date_completed"],
      returnWaybill: ["Return Tracking Number", "Tracking Number", "tracking_number"],
      returnCarrier: ["Return Carrier", "Tracking Provider", "tracking_provider"],
      itemTitle: ["Product", "Item Name", "product_name"],
      sku: ["SKU", "sku"],
      quantity: ["Quantity", "Qty", "quantity"],
      currency: ["Currency", "currency"],
    },
  },
];

/** A saved layout for any other file: which header holds each field. */
export interface CaseMapping {
  columns: Partial<Record<CaseField, string>>;
  /** UTC offset of the file's times (default +08:00). */
  utcOffset?: string;
  /** The currency when the file has no currency column (default the shop's). */
  currency?: string;
}

/** A format as the CLI and the API name it. */
export type CaseFormat = "auto" | CasePlatform | `mapping:${string}`;

/** A format's name in the reader's language. */
export const formatMessage = (profileId: string): Message =>
  profileId.startsWith("mapping:")
    ? { code: "shop.format.mapping", params: { mapping: profileId.slice(8) } }
    : { code: `case.format.${profileId}` as MessageCode };

const signatureHeld = (p: CaseProfile, normalized: string[]) =>
  p.signature.every((group) => findColumn(normalized, group) >= 0);

/** How many after-sales columns a header row holds (finds the header among the first rows). */
export function caseHeaderScore(headers: string[]): number {
  const normalized = headers.map(normalizeHeader);
  let best = 0;
  for (const p of CASE_PROFILES) {
    const n = Object.values(p.fields).filter((a) => findColumn(normalized, a) >= 0).length;
    best = Math.max(best, n);
  }
  return best;
}

/** The profiles whose identifying headers the file holds, most recognised columns first. */
export function detectCaseProfiles(headers: string[]): CaseProfile[] {
  const normalized = headers.map(normalizeHeader);
  return CASE_PROFILES.filter((p) => signatureHeld(p, normalized))
    .map((p) => ({
      p,
      score: Object.values(p.fields).filter((a) => findColumn(normalized, a) >= 0).length,
    }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.p);
}

/** A profile from a saved mapping: the shop's platform's codes, the mapping's headers. */
export function mappingCaseProfile(
  mapping: CaseMapping,
  name: string,
  platform: CasePlatform | null,
  currency: string,
): CaseProfile {
  const fields: CaseProfile["fields"] = {};
  for (const [k, v] of Object.entries(mapping.columns)) if (v) fields[k as CaseField] = [v];
  return {
    id: `mapping:${name}`,
    platform: platform ?? "taobao",
    signature: [],
    fields,
    utcOffset: mapping.utcOffset ?? "+08:00",
    currency: mapping.currency ?? currency,
    dashIsEmpty: true,
  };
}
