import { Type, type Static } from "typebox";
import { LIMITS } from "../../core/limits.js";
import {
  Id,
  Instant,
  IsoDate,
  MessageParamsSchema,
  MessageSchema,
  Name,
  Version,
} from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Money = Type.String({
  description: 'Amount in major units as a decimal string, e.g. "1234.50"',
});
const Rate = Nullable(
  Type.Number({ description: "A fraction (0.0523 = 5.23 %); null when the denominator is 0" }),
);

export const PlatformSchema = Type.Union([
  Type.Literal("taobao"),
  Type.Literal("jd"),
  Type.Literal("pdd"),
  Type.Literal("douyin"),
  Type.Literal("shopify"),
  Type.Literal("woocommerce"),
  Type.Literal("custom"),
]);
export const IdentitySchema = Type.Union(
  [Type.Literal("buyer_id"), Type.Literal("email"), Type.Literal("phone"), Type.Literal("address")],
  { description: "How customers are told apart" },
);
const StatusSchema = Type.Union([
  Type.Literal("unpaid"),
  Type.Literal("paid"),
  Type.Literal("shipped"),
  Type.Literal("completed"),
  Type.Literal("cancelled"),
  Type.Literal("refunded"),
]);
const Currency = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217" });

export const ShopSchema = Type.Object({
  id: Id,
  platform: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  customerIdentity: Type.String(),
  shipWindowHours: Type.Integer(),
  orders: Type.Integer(),
  version: Type.Integer(),
  createdAt: Instant,
});
const ShipWindow = Type.Integer({
  minimum: 1,
  maximum: 720,
  description:
    "Hours after payment an order should ship, when the export carries no promised time (default 48)",
});
export const CreateShopBody = Type.Object(
  {
    name: Name,
    platform: PlatformSchema,
    currency: Type.Optional(Currency),
    customerIdentity: Type.Optional(IdentitySchema),
    shipWindowHours: Type.Optional(ShipWindow),
  },
  strict,
);
export const UpdateShopBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    currency: Type.Optional(Currency),
    customerIdentity: Type.Optional(IdentitySchema),
    shipWindowHours: Type.Optional(ShipWindow),
  },
  strict,
);

export const FieldMap = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.String({ maxLength: 200 }),
);
export const ColumnMappingBody = Type.Object(
  {
    fields: FieldMap,
    utcOffset: Type.Optional(Type.String({ pattern: "^[+-]\\d{2}:\\d{2}$" })),
    currency: Type.Optional(Currency),
    statuses: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), StatusSchema)),
  },
  strict,
);
export const MappingSchema = Type.Object({
  id: Id,
  shopId: Id,
  name: Type.String(),
  mapping: ColumnMappingBody,
  version: Type.Integer(),
  updatedAt: Instant,
});
export const CreateMappingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.mappingNameMax }),
    mapping: ColumnMappingBody,
  },
  strict,
);
export const UpdateMappingBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.mappingNameMax })),
    mapping: Type.Optional(ColumnMappingBody),
  },
  strict,
);
export const MappingParams = Type.Object({ id: Id, mappingId: Id }, strict);

export const UploadQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200 }) },
  strict,
);
export const UploadSchema = Type.Object({
  id: Id,
  fileName: Type.String(),
  size: Type.Integer(),
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
});

export const Format = Type.String({
  pattern: "^(auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:.{1,60})$",
  description: "auto, a platform, or mapping:NAME (a saved column mapping of the shop)",
});
export const ImportBody = Type.Object(
  {
    uploadIds: Type.Array(Id, { minItems: 1, maxItems: LIMITS.importUploadFilesMax }),
    format: Type.Optional(Format),
  },
  strict,
);
export const ImportProblem = Type.Object({
  file: Type.String(),
  row: Type.Integer({ description: "1-based row in the file; the header is row 1" }),
  column: Type.String({ description: "Header of the column, as in the file" }),
  code: Type.String({
    description:
      "Message code (e.g. shop.cell.not_amount, upload.too_many_rows; src/core/messages/shop.en.ts)",
  }),
  params: MessageParamsSchema,
  message: Type.String({ description: "The problem rendered in the caller's language" }),
});
export const ImportNote = Type.Object(
  {
    file: Type.Optional(Type.String()),
    code: Type.String({ description: "Message code (e.g. shop.warning.unknown_status_paid)" }),
    params: MessageParamsSchema,
    message: Type.String({
      description: "The warning rendered in the caller's language, its file in front",
    }),
  },
  { description: "A warning: the import goes ahead, the reader is told" },
);
export const FileInfo = Type.Object({
  file: Type.String(),
  encoding: Type.String(),
  platform: Type.String(),
  kind: Type.String(),
  profile: Type.Optional(
    Type.String({
      description:
        "The format's id (taobao-orders, mapping:NAME …); its name in each language is the message shop.format.<id>",
    }),
  ),
  label: Type.String(),
  version: Type.String(),
  rows: Type.Integer(),
  unknownColumns: Type.Array(Type.String()),
});

export const ItemSchema = Type.Object({
  lineNo: Type.Integer(),
  subOrderId: Nullable(Type.String()),
  title: Type.String(),
  sku: Nullable(Type.String()),
  productId: Nullable(Type.String()),
  variant: Nullable(Type.String()),
  quantity: Type.Integer(),
  unitPrice: Nullable(Money),
  total: Money,
});
/** A stored order (the order list, one order, its owner): it always has an id. */
export const OrderSchema = Type.Object({
  id: Id,
  shopId: Nullable(Id),
  platform: Type.String(),
  platformOrderId: Type.String(),
  status: Type.String(),
  rawStatus: Type.String(),
  placedAt: Nullable(Instant),
  paidAt: Nullable(Instant),
  paidDate: Nullable(IsoDate),
  shippedAt: Nullable(Instant),
  completedAt: Nullable(Instant),
  cancelledAt: Nullable(Instant),
  currency: Type.String(),
  total: Money,
  goods: Money,
  shipping: Money,
  discount: Money,
  refund: Money,
  itemCount: Type.Integer(),
  customerKey: Nullable(Type.String()),
  buyer: Nullable(Type.String()),
  recipient: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  country: Nullable(Type.String()),
  province: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  district: Nullable(Type.String()),
  address: Nullable(Type.String()),
  zip: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  sellerMemo: Nullable(
    Type.String({ description: "The seller's memo (商家备注 / 订单备注 / Notes)" }),
  ),
  salesRef: Nullable(
    Type.String({
      description: "The salesperson the platform records (Shopify Employee, 抖店 达人)",
    }),
  ),
  promisedShipAt: Nullable(
    Type.String({
      description:
        "The ship-by time promised to the buyer (承诺发货时间), UTC, when the export has it",
    }),
  ),
  owner: Nullable(
    Type.Object(
      {
        memberId: Id,
        name: Type.String(),
        source: Type.Union([Type.Literal("rule"), Type.Literal("manual")]),
      },
      { description: "Who the sale is attributed to: by a rule, or set by hand" },
    ),
  ),
  version: Type.Integer({ description: "0 in previews" }),
  items: Type.Array(ItemSchema),
});
/** An order as a preview shows it: not stored yet, so no id (and version 0). */
export const PreviewOrderSchema = Type.Object({ ...OrderSchema.properties, id: Type.Null() });
export const RefundSchema = Type.Object({
  id: Id,
  platformRefundId: Type.String(),
  platformOrderId: Type.String(),
  status: Type.String(),
  rawStatus: Type.String(),
  amount: Money,
  reason: Nullable(Type.String()),
  requestedAt: Nullable(Instant),
  completedAt: Nullable(Instant),
});
export const OrderDetailSchema = Type.Intersect([
  OrderSchema,
  Type.Object({
    refunds: Type.Array(RefundSchema),
    raw: Type.Array(Type.Record(Type.String(), Type.String())),
  }),
]);

export const SummarySchema = Type.Object({
  orders: Type.Integer(),
  lineItems: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  refunds: Type.Integer(),
  visitorDays: Type.Integer(),
  errors: Type.Array(ImportProblem),
  warnings: Type.Array(ImportNote),
});
export const PreviewSchema = Type.Intersect([
  SummarySchema,
  Type.Object({
    platform: Nullable(Type.String()),
    files: Type.Array(FileInfo),
    sample: Type.Array(PreviewOrderSchema),
  }),
]);
export const ImportSchema = Type.Object({
  id: Id,
  shopId: Id,
  platform: Nullable(Type.String()),
  format: Type.String(),
  files: Type.Array(FileInfo),
  status: Type.String(),
  orders: Type.Integer(),
  lineItems: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  refunds: Type.Integer(),
  visitorDays: Type.Integer(),
  warnings: Type.Array(ImportNote),
  createdBy: Nullable(Type.String()),
  createdAt: Instant,
  rolledBackAt: Nullable(Instant),
});
export type ImportDto = Static<typeof ImportSchema>;

export const OrderListQuery = Type.Object(
  {
    shopId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    status: Type.Optional(StatusSchema),
    owner: Type.Optional(
      Type.Union([Id, Type.Literal("none")], {
        description: "Orders attributed to this member, or `none`: unattributed",
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);
export const ShopPageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export const CustomerSchema = Type.Object({
  key: Type.String(),
  display: Nullable(Type.String()),
  firstPaidDate: Nullable(IsoDate),
  lastPaidDate: Nullable(IsoDate),
  paidOrders: Type.Integer(),
  paid: Money,
});

export const VisitorDay = Type.Object(
  {
    date: IsoDate,
    visitors: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
  },
  strict,
);
export const VisitorsBody = Type.Object(
  { days: Type.Array(VisitorDay, { minItems: 1, maxItems: 1100 }) },
  strict,
);
export const RangeQuery = Type.Object({ from: IsoDate, to: IsoDate }, strict);

const kpiQueryFields = {
  from: IsoDate,
  to: IsoDate,
  shopId: Type.Optional(
    Type.String({
      maxLength: 2000,
      description: "One shop id, or several separated by commas; all shops when omitted",
    }),
  ),
  platform: Type.Optional(PlatformSchema),
  granularity: Type.Optional(
    Type.Union([Type.Literal("day"), Type.Literal("week"), Type.Literal("month")]),
  ),
  repurchase: Type.Optional(
    Type.Boolean({
      description:
        "Also compute the repurchase rate and customer counts (costs O(orders in the range))",
    }),
  ),
};
export const KpiQuery = Type.Object(kpiQueryFields, strict);
export const ShippingQuery = Type.Object(
  { from: IsoDate, to: IsoDate, shopId: kpiQueryFields.shopId },
  strict,
);
export const ShippingSchema = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    shopIds: Type.Array(Id),
    due: Type.Integer({
      description:
        "Paid orders (by paid date in the range) that had to ship by now: shipped, or past their ship-by time",
    }),
    onTime: Type.Integer(),
    late: Type.Integer({ description: "Shipped after the ship-by time" }),
    overdue: Type.Integer({ description: "Not shipped and past the ship-by time" }),
    rate: Rate,
  },
  {
    description:
      "Ship-on-time rate: ship-by = the promised time (承诺发货时间) when the export has it, else payment + the shop's shipWindowHours",
  },
);
export const KpiExportQuery = Type.Object(
  {
    ...kpiQueryFields,
    format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("xlsx")])),
  },
  strict,
);
export const KpiValuesSchema = Type.Object({
  gmv: Money,
  netGmv: Money,
  paidOrders: Type.Integer(),
  aov: Money,
  itemsPerOrder: Rate,
  refundRate: Rate,
  refundAmountRate: Rate,
  refundedOrders: Type.Integer(),
  refundAmount: Money,
  conversion: Rate,
  visitors: Type.Integer(),
  buyers: Type.Integer(),
  newCustomers: Type.Integer(),
  items: Type.Integer(),
});
export const KpiSchema = Type.Object({
  currency: Type.String(),
  from: IsoDate,
  to: IsoDate,
  granularity: Type.String(),
  shopIds: Type.Array(Id),
  excludedShopIds: Type.Array(Id, {
    description:
      'Shops left out of "all shops" because they keep another currency than the workspace',
  }),
  totals: Type.Intersect([
    KpiValuesSchema,
    Type.Object({
      repurchaseRate: Rate,
      customers: Nullable(Type.Integer()),
      returningCustomers: Nullable(Type.Integer()),
    }),
  ]),
  previous: Type.Object({ from: IsoDate, to: IsoDate, totals: KpiValuesSchema }),
  series: Type.Array(
    Type.Intersect([KpiValuesSchema, Type.Object({ period: IsoDate, from: IsoDate, to: IsoDate })]),
  ),
  previousSeries: Type.Array(
    Type.Intersect([KpiValuesSchema, Type.Object({ period: IsoDate, from: IsoDate, to: IsoDate })]),
  ),
  /** What each figure means, as catalog messages (kpi.def.*) the reader's language renders. */
  definitions: Type.Record(Type.String(), MessageSchema),
});
export const BreakdownSchema = Type.Object({
  currency: Type.String(),
  byShop: Type.Array(
    Type.Object({
      shopId: Id,
      name: Type.String(),
      platform: Type.String(),
      paidOrders: Type.Integer(),
      gmv: Money,
      refund: Money,
    }),
  ),
  byPlatform: Type.Array(
    Type.Object({ platform: Type.String(), paidOrders: Type.Integer(), gmv: Money, refund: Money }),
  ),
  topProducts: Type.Array(
    Type.Object({
      productKey: Type.String(),
      title: Type.String(),
      quantity: Type.Integer(),
      sales: Money,
    }),
  ),
  provinces: Type.Array(
    Type.Object({ province: Type.String(), paidOrders: Type.Integer(), gmv: Money }),
  ),
  refundReasons: Type.Array(
    Type.Object({ reason: Type.String(), refunds: Type.Integer(), amount: Money }),
  ),
});
