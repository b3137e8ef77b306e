// What each platform's exports look like: header aliases per canonical field, the headers that
// identify the platform and version, and how the platform writes times and amounts.
import type { FileKind, OrderField, Platform, RefundField, VisitorField } from "./fields.js";
import { normalizeHeader } from "./text.js";

export interface Profile {
  id: string;
  platform: Platform;
  kind: FileKind;
  /** Human name of the format and version, shown in previews. */
  label: string;
  /** Every one of these headers must be present. */
  signature: string[];
  /** Headers that tell this version apart (each present adds to the score). */
  versionHints?: string[];
  fields: Partial<Record<OrderField | RefundField | VisitorField, string[]>>;
  utcOffset: string;
  currency: string;
  /** `-` means empty in this platform's files. */
  dashIsEmpty: boolean;
}

const CN = { utcOffset: "+08:00", currency: "CNY", dashIsEmpty: true };

export const PROFILES: Profile[] = [
  {
    id: "taobao-orders",
    platform: "taobao",
    kind: "orders",
    label: "淘宝/天猫 订单报表",
    ...CN,
    signature: ["订单编号", "买家会员名", "买家实际支付金额", "订单状态"],
    versionHints: ["确认收货时间", "打款商家金额", "主订单编号", "发货时间", "商家备忘"],
    fields: {
      orderId: ["订单编号"],
      buyerId: ["买家会员名"],
      goodsTotal: ["买家应付货款"],
      shipping: ["买家应付邮费"],
      orderTotal: ["买家实际支付金额"],
      status: ["订单状态"],
      recipient: ["收货人姓名"],
      address: ["收货地址"],
      phone: ["联系手机"],
      phone2: ["联系电话"],
      placedAt: ["订单创建时间"],
      paidAt: ["订单付款时间"],
      shippedAt: ["发货时间"],
      completedAt: ["确认收货时间"],
      itemTitle: ["宝贝标题"],
      itemQuantity: ["宝贝总数量"],
      trackingNo: ["物流单号"],
      carrier: ["物流公司"],
      refund: ["退款金额"],
      sellerMemo: ["订单备注", "商家备忘", "卖家备注"],
      buyerMemo: ["买家留言"],
    },
  },
  {
    id: "taobao-items",
    platform: "taobao",
    kind: "items",
    label: "淘宝/天猫 宝贝报表",
    ...CN,
    signature: ["订单编号", "标题", "价格", "购买数量"],
    versionHints: ["子订单编号", "主订单编号", "退款状态", "商品id"],
    fields: {
      orderId: ["主订单编号", "订单编号"],
      subOrderId: ["子订单编号"],
      itemTitle: ["标题"],
      itemPrice: ["价格"],
      itemQuantity: ["购买数量"],
      itemSku: ["商家编码", "外部系统编号"],
      itemVariant: ["商品属性", "套餐信息"],
      itemProductId: ["商品id"],
      status: ["订单状态"],
      refund: ["退款金额"],
    },
  },
  {
    id: "taobao-refunds",
    platform: "taobao",
    kind: "refunds",
    label: "淘宝/天猫 退款报表",
    ...CN,
    signature: ["订单编号", "退款编号", "买家退款金额"],
    fields: {
      orderId: ["订单编号"],
      refundId: ["退款编号"],
      refundAmount: ["买家退款金额"],
      refundStatus: ["退款状态"],
      reason: ["退款原因", "买家退款原因"],
      requestedAt: ["退款的申请时间"],
      completedAt: ["退款完结时间"],
      kind: ["是否需要退货"],
      itemTitle: ["宝贝标题"],
    },
  },
  {
    id: "jd-orders",
    platform: "jd",
    kind: "orders",
    label: "京东 订单",
    ...CN,
    signature: ["订单号", "商品ID", "订购数量", "订单金额", "下单时间"],
    versionHints: ["订单来源", "订单渠道", "货号"],
    fields: {
      orderId: ["订单号"],
      itemProductId: ["商品ID"],
      itemTitle: ["商品名称"],
      itemQuantity: ["订购数量"],
      placedAt: ["下单时间"],
      itemPrice: ["京东价"],
      goodsTotal: ["订单金额"],
      orderTotal: ["应付金额", "订单金额"],
      status: ["订单状态"],
      buyerId: ["下单帐号", "下单账号"],
      recipient: ["客户姓名"],
      address: ["客户地址"],
      phone: ["联系电话"],
      shipping: ["运费金额"],
      paidAt: ["付款确认时间"],
      itemSku: ["货号"],
      completedAt: ["订单完成时间"],
      sellerMemo: ["商家备注"],
    },
  },
  {
    id: "pdd-orders",
    platform: "pdd",
    kind: "orders",
    label: "拼多多 订单",
    ...CN,
    signature: ["订单号", "订单状态", "用户实付金额(元)", "商品数量(件)"],
    versionHints: ["订单成交时间", "商家实收金额(元)", "退款金额(元)", "商家编码-规格维度"],
    fields: {
      orderId: ["订单号"],
      itemTitle: ["商品"],
      status: ["订单状态"],
      goodsTotal: ["商品总价(元)"],
      discount: ["店铺优惠折扣(元)"],
      discount2: ["平台优惠折扣(元)"],
      shipping: ["邮费(元)"],
      orderTotal: ["用户实付金额(元)"],
      itemQuantity: ["商品数量(件)"],
      recipient: ["收货人"],
      phone: ["手机"],
      province: ["省"],
      city: ["市"],
      district: ["区"],
      street: ["街道"],
      paidAt: ["支付时间"],
      placedAt: ["订单成交时间", "拼单成功时间"],
      shippedAt: ["发货时间"],
      completedAt: ["确认收货时间"],
      itemProductId: ["商品id"],
      itemVariant: ["商品规格"],
      itemSku: ["商家编码-SKU维度", "商家编码-规格维度", "商家编码-商品维度"],
      trackingNo: ["快递单号"],
      carrier: ["快递公司"],
      refund: ["退款金额(元)"],
      sellerMemo: ["商家备注"],
      buyerMemo: ["买家留言"],
      promisedShipAt: ["承诺发货时间"],
    },
  },
  {
    id: "pdd-refunds",
    platform: "pdd",
    kind: "refunds",
    label: "拼多多 售后单",
    ...CN,
    signature: ["订单号", "售后编号"],
    fields: {
      orderId: ["订单号"],
      refundId: ["售后编号"],
      refundAmount: ["退款金额(元)", "退款金额", "申请退款金额(元)", "申请退款金额"],
      refundStatus: ["售后状态"],
      reason: ["售后原因", "申请原因", "退款原因"],
      requestedAt: ["申请时间", "售后申请时间"],
      completedAt: ["退款时间", "完结时间"],
      kind: ["售后类型"],
      itemTitle: ["商品名称", "商品"],
    },
  },
  {
    id: "douyin-orders",
    platform: "douyin",
    kind: "orders",
    label: "抖店 订单",
    ...CN,
    signature: ["主订单编号", "子订单编号", "选购商品", "订单应付金额"],
    versionHints: ["达人ID", "流量来源", "APP渠道", "支付优惠"],
    fields: {
      orderId: ["主订单编号"],
      subOrderId: ["子订单编号"],
      itemTitle: ["选购商品"],
      itemVariant: ["商品规格"],
      itemQuantity: ["商品数量"],
      itemProductId: ["商品ID"],
      itemSku: ["商家编码"],
      itemPrice: ["商品单价"],
      orderTotal: ["订单应付金额"],
      shipping: ["运费"],
      discount: ["优惠总金额"],
      recipient: ["收件人"],
      phone: ["收件人手机号"],
      province: ["省"],
      city: ["市"],
      district: ["区"],
      street: ["街道", "详细地址"],
      placedAt: ["订单提交时间"],
      paidAt: ["支付完成时间"],
      completedAt: ["订单完成时间"],
      shippedAt: ["发货时间"],
      status: ["订单状态"],
      trackingInfo: ["快递信息"],
      sellerMemo: ["商家备注"],
      buyerMemo: ["买家留言"],
      salesRef: ["达人昵称", "达人ID"],
      promisedShipAt: ["承诺发货时间"],
    },
  },
  {
    id: "shopify-orders",
    platform: "shopify",
    kind: "orders",
    label: "Shopify orders export",
    utcOffset: "+00:00",
    currency: "USD",
    dashIsEmpty: false,
    signature: ["Name", "Financial Status", "Lineitem name", "Total"],
    versionHints: ["Payment References", "Duties", "Receipt Number", "Payment Terms Name"],
    fields: {
      orderId: ["Name"],
      orderKey: ["Id"],
      updatedAt: ["Updated at", "Processed at"],
      email: ["Email"],
      financialStatus: ["Financial Status"],
      fulfillmentStatus: ["Fulfillment Status"],
      paidAt: ["Paid at"],
      shippedAt: ["Fulfilled at"],
      currency: ["Currency"],
      goodsTotal: ["Subtotal"],
      shipping: ["Shipping"],
      orderTotal: ["Total"],
      discount: ["Discount Amount"],
      placedAt: ["Created at"],
      itemQuantity: ["Lineitem quantity"],
      itemTitle: ["Lineitem name"],
      itemPrice: ["Lineitem price"],
      itemSku: ["Lineitem sku"],
      recipient: ["Shipping Name"],
      street: ["Shipping Address1", "Shipping Street"],
      city: ["Shipping City"],
      zip: ["Shipping Zip"],
      province: ["Shipping Province Name", "Shipping Province"],
      country: ["Shipping Country"],
      phone: ["Shipping Phone", "Phone", "Billing Phone"],
      cancelledAt: ["Cancelled at"],
      refund: ["Refunded Amount"],
      buyerName: ["Billing Name"],
      sellerMemo: ["Notes"],
      salesRef: ["Employee"],
    },
  },
  {
    id: "woocommerce-items",
    platform: "woocommerce",
    kind: "orders",
    label: "WooCommerce (one row per line item)",
    utcOffset: "+00:00",
    currency: "USD",
    dashIsEmpty: false,
    signature: ["Order Number", "Order Status", "Order Total"],
    versionHints: ["Item Name", "Product Name"],
    fields: {
      orderId: ["Order Number", "Order ID"],
      orderKey: ["Order ID"],
      updatedAt: ["Order Modified Date", "Date Modified", "Modified Date"],
      status: ["Order Status"],
      placedAt: ["Order Date"],
      paidAt: ["Paid Date"],
      currency: ["Order Currency"],
      orderTotal: ["Order Total"],
      shipping: ["Order Shipping", "Shipping Total"],
      discount: ["Cart Discount", "Discount Total"],
      refund: ["Order Refund", "Refunded Total"],
      email: ["Billing Email", "Customer Email"],
      phone: ["Billing Phone"],
      recipient: ["Shipping Name"],
      province: ["Shipping State"],
      country: ["Shipping Country"],
      zip: ["Shipping Postcode"],
      city: ["Shipping City"],
      street: ["Shipping Address 1"],
      buyerId: ["Customer User ID", "Customer ID"],
      itemTitle: ["Item Name", "Product Name"],
      itemSku: ["SKU", "Item SKU"],
      itemQuantity: ["Quantity", "Item Quantity"],
      itemTotal: ["Item Total", "Item Cost"],
      itemProductId: ["Product ID"],
      buyerMemo: ["Customer Note"],
    },
  },
  {
    id: "woocommerce-packed",
    platform: "woocommerce",
    kind: "orders",
    label: "WooCommerce (line_item_N columns)",
    utcOffset: "+00:00",
    currency: "USD",
    dashIsEmpty: false,
    signature: ["order_id", "status", "order_total", "line_item_1"],
    fields: {
      orderId: ["order_number", "order_id"],
      orderKey: ["order_id"],
      updatedAt: ["date_modified", "modified_date"],
      status: ["status"],
      placedAt: ["date", "order_date"],
      paidAt: ["paid_date"],
      currency: ["order_currency"],
      orderTotal: ["order_total"],
      shipping: ["shipping_total"],
      discount: ["discount_total", "cart_discount"],
      refund: ["refunded_total"],
      email: ["billing_email"],
      phone: ["billing_phone"],
      province: ["shipping_state"],
      country: ["shipping_country"],
      zip: ["shipping_postcode"],
      city: ["shipping_city"],
      street: ["shipping_address_1"],
      buyerId: ["customer_id", "customer_user"],
      recipient: ["shipping_first_name"],
      buyerMemo: ["customer_note"],
    },
  },
  {
    id: "visitors",
    platform: "custom",
    kind: "visitors",
    label: "访客数 / visitors per day",
    ...CN,
    signature: ["日期"],
    fields: {
      date: ["日期", "统计日期", "Date", "Day"],
      visitors: ["访客数", "访客数(UV)", "UV", "Visitors", "Sessions"],
    },
  },
];

/** The index of the first header matching any alias, or -1. */
export function findColumn(normalized: string[], aliases: readonly string[] | undefined): number {
  if (!aliases) return -1;
  for (const a of aliases) {
    const i = normalized.indexOf(normalizeHeader(a));
    if (i >= 0) return i;
  }
  return -1;
}

export interface Detection {
  profile: Profile;
  score: number;
  version: string;
}

function matches(profile: Profile, normalized: string[]): boolean {
  if (profile.id === "visitors") {
    return (
      findColumn(normalized, profile.fields.date) >= 0 &&
      findColumn(normalized, profile.fields.visitors) >= 0
    );
  }
  return profile.signature.every((h) => normalized.includes(normalizeHeader(h)));
}

/** Every profile the headers match, best first (most recognised columns). */
export function detectProfiles(headers: string[]): Detection[] {
  const normalized = headers.map(normalizeHeader);
  const out: Detection[] = [];
  for (const profile of PROFILES) {
    if (!matches(profile, normalized)) continue;
    const aliases = new Set(
      Object.values(profile.fields)
        .flat()
        .map((a) => normalizeHeader(a!)),
    );
    const known = normalized.filter((h) => aliases.has(h)).length;
    const hints = (profile.versionHints ?? []).filter((h) =>
      normalized.includes(normalizeHeader(h)),
    );
    const version = hints.length > 0 ? `newer (${hints.join(", ")})` : "classic";
    out.push({ profile, score: known + profile.signature.length * 2, version });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** How many of the headers any profile knows: used to find the header row. */
export function headerScore(headers: string[]): number {
  const normalized = new Set(headers.map(normalizeHeader));
  let best = 0;
  for (const p of PROFILES) {
    const aliases = new Set(
      Object.values(p.fields)
        .flat()
        .map((a) => normalizeHeader(a!)),
    );
    let n = 0;
    for (const h of normalized) if (aliases.has(h)) n++;
    best = Math.max(best, n);
  }
  return best;
}
