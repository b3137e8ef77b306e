// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Shop data (orders module). Money is integer fen; instants UTC text; dates YYYY-MM-DD.
export interface ShopsTable {
  workspaceId: string;
  id: string;
  platform: string;
  name: string;
  currency: string;
  customerIdentity: string; // buyer_id | email | phone | address
  /** Hours after payment an order should ship when the export has no promised time (ship-on-time rate). */
  shipWindowHours: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderUploadsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  fileName: string;
  size: number;
  content: string; // base64
  createdBy: string | null;
  createdAt: string;
}

export interface OrderImportsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platform: string | null;
  format: string;
  files: string; // JSON
  status: "committed" | "rolled_back";
  orders: number;
  lineItems: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  warnings: string; // JSON array
  createdBy: string | null;
  createdAt: string;
  rolledBackAt: string | null;
  rolledBackBy: string | null;
}

export interface OrderImportChangesTable {
  workspaceId: string;
  importId: string;
  entity: "order" | "refund" | "visitors";
  entityKey: string;
  before: string | null; // JSON of the record before the import; null when the import created it
}

export interface OrdersTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platform: string;
  /** The order number as the platform shows it (Shopify #1001, 订单编号). */
  platformOrderId: string;
  /** The order's identity in the shop (unique): the platform's own id where the export has one (Shopify `Id`), else the number. */
  orderKey: string;
  status: string;
  rawStatus: string;
  placedAt: string | null;
  paidAt: string | null;
  paidDate: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  currency: string;
  totalFen: number;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  refundFen: number;
  ownRefundFen: number;
  itemCount: number;
  customerKey: string | null;
  buyerRef: string | null;
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
  /** The seller's memo (商家备注 / 订单备注 / Notes) and salesperson (Employee / 达人): attribution rules match on them. */
  sellerMemo: string | null;
  salesRef: string | null;
  /** The buyer's memo (买家留言 / Customer Note): the queue filters by it, the packing slip prints it. Optional on insert (rows built before it existed). */
  buyerMemo?: string | null;
  /** The ship-by time the platform promised the buyer (承诺发货时间), when the export has it. */
  promisedShipAt: string | null;
  /** Who the sale is attributed to, and how: by a rule, or set by hand (kept through re-imports). */
  ownerMemberId: string | null;
  ownerSource: "rule" | "manual" | null;
  raw: string;
  contentHash: string;
  importId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderItemsTable {
  workspaceId: string;
  orderId: string;
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

export interface RefundsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platformRefundId: string;
  platformOrderId: string;
  status: string;
  rawStatus: string;
  amountFen: number;
  reason: string | null;
  kind: string | null;
  requestedAt: string | null;
  completedAt: string | null;
  raw: string;
  importId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustomersTable {
  workspaceId: string;
  shopId: string;
  customerKey: string;
  display: string | null;
  firstPaidDate: string | null;
  lastPaidDate: string | null;
  paidOrders: number;
  paidFen: number;
  /** The customer's paid dates, comma-separated in no set order (what they count in ShopRepeatPairs). */
  paidDates: string | null;
}

/** Per shop and pair of days, how many customers' paid orders follow each other at that lag (0–2). */
export interface ShopRepeatPairsTable {
  workspaceId: string;
  shopId: string;
  lag: number;
  earlierDate: string;
  laterDate: string;
  orders: number;
}

export interface ShopVisitorsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  visitors: number;
  updatedAt: string;
}

export interface ShopDailyStatsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  paidOrders: number;
  gmvFen: number;
  items: number;
  refundedOrders: number;
  refundFen: number;
  buyers: number;
  newCustomers: number;
}

/** Shipped paid orders per shop and paid date: on time or late against their ship-by time. */
export interface ShopDailyShippingTable {
  workspaceId: string;
  shopId: string;
  date: string;
  shippedOnTime: number;
  shippedLate: number;
}

export interface ShopDailyProductsTable {
  workspaceId: string;
  shopId: string;
  date: string;
  productKey: string;
  title: string;
  quantity: number;
  salesFen: number;
}

export interface ShopDailyProvincesTable {
  workspaceId: string;
  shopId: string;
  date: string;
  province: string;
  paidOrders: number;
  gmvFen: number;
}

export interface ColumnMappingsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  name: string;
  mapping: string; // JSON ColumnMapping
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttributionRulesTable {
  workspaceId: string;
  id: string;
  kind: "memo" | "salesRef" | "sku" | "shop";
  pattern: string;
  shopId: string | null;
  memberId: string;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Paid orders per day and owner ('' = unattributed), rebuilt with the other rollups. */
export interface OwnerDailySalesTable {
  workspaceId: string;
  shopId: string;
  date: string;
  ownerMemberId: string;
  paidOrders: number;
  gmvFen: number;
  refundFen: number;
  items: number;
}
