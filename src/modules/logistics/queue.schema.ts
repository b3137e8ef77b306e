// TypeBox schemas of the queue, parcels, batches, their print data and SKU settings.
import { Type, type TSchema } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, MessageSchema, Version } from "../shared/common.schema.js";
import { BATCH_PARCELS_MAX, PARCEL_ORDERS_MAX } from "./parcels.service.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Money = Type.String({ description: 'Amount in yuan as decimal text, e.g. "1234.50"' });
const Text = Nullable(Type.String());
const Cursor = Type.String({ maxLength: 200, description: "nextCursor of the previous page" });
const Limit = Type.Integer({
  minimum: 1,
  maximum: LIMITS.pageSizeMax,
  default: LIMITS.pageSizeDefault,
});
const ParcelStatus = Type.Union(
  [
    Type.Literal("open"),
    Type.Literal("packed"),
    Type.Literal("shipped"),
    Type.Literal("cancelled"),
  ],
  { description: "open → packed → shipped; cancelled = a merge or split undone" },
);
const BatchStatus = Type.Union([
  Type.Literal("open"),
  Type.Literal("printed"),
  Type.Literal("handed_over"),
]);
const Sku = Type.String({ minLength: 1, maxLength: 100 });

export const QueueQuery = Type.Object(
  {
    shopId: Type.Optional(Id),
    platform: Type.Optional(
      Type.String({
        maxLength: 20,
        description: "taobao, jd, pdd, douyin, shopify, woocommerce …",
      }),
    ),
    province: Type.Optional(
      Type.String({
        maxLength: 20,
        description:
          "Destination province: full or short name (浙江省, 浙江, 浙) or GB/T 2260 code",
      }),
    ),
    carrierId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          "A carrier: orders whose parcel has it, or (no parcel yet) whose export names it",
      }),
    ),
    sku: Type.Optional(
      Type.String({ maxLength: 100, description: "A line's SKU equals it or starts with it" }),
    ),
    memo: Type.Optional(
      Type.String({ maxLength: 100, description: "Text inside the buyer's or the seller's memo" }),
    ),
    overdue: Type.Optional(
      Type.Boolean({ description: "true: only past ship-by; false: only not yet" }),
    ),
    inParcel: Type.Optional(
      Type.Boolean({
        description: "true: only orders in an open parcel; false: only those in none",
      }),
    ),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  strict,
);

export const ShopQuery = Type.Object({ shopId: Type.Optional(Id) }, strict);

const OrderParcelSchema = Type.Object({
  id: Id,
  status: ParcelStatus,
  batchId: Nullable(Id),
  batchNumber: Text,
  carrierId: Nullable(Id),
  waybillNo: Text,
});

const Address = {
  recipient: Text,
  phone: Text,
  province: Text,
  city: Text,
  district: Text,
  address: Text,
};

export const QueueItemSchema = Type.Object({
  id: Id,
  shopId: Id,
  shopName: Type.String(),
  platform: Type.String(),
  platformOrderId: Type.String(),
  paidAt: Instant,
  shipBy: Type.String({
    description:
      "Ship-by instant (UTC): the promised time when the export has one, else paid_at + the shop's dispatch window",
  }),
  promised: Type.Boolean({ description: "The ship-by time is the platform's promised time" }),
  secondsLeft: Type.Integer({
    description: "Seconds until ship-by at `now`; negative when overdue",
  }),
  overdue: Type.Boolean(),
  total: Money,
  refund: Money,
  itemCount: Type.Integer(),
  buyer: Text,
  ...Address,
  carrier: Nullable(Type.String({ description: "The carrier the export names, if any" })),
  buyerMemo: Text,
  sellerMemo: Text,
  items: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      title: Type.String(),
      sku: Text,
      variant: Text,
      quantity: Type.Integer(),
    }),
  ),
  parcels: Type.Array(OrderParcelSchema, { description: "Its live parcels (several when split)" }),
});

export const QueuePageSchema = Type.Object({
  now: Instant,
  items: Type.Array(QueueItemSchema),
  nextCursor: Nullable(Type.String()),
});

const Counts = {
  orders: Type.Integer(),
  overdue: Type.Integer(),
  dueToday: Type.Integer({ description: "Not overdue, ship-by within the next 24 hours" }),
};
export const QueueSummarySchema = Type.Object({
  now: Instant,
  ...Counts,
  shops: Type.Array(
    Type.Object({ id: Id, name: Type.String(), platform: Type.String(), ...Counts }),
  ),
  carriers: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Type.String() })),
});

export const ProposalsSchema = Type.Object({
  now: Instant,
  considered: Type.Integer({ description: "Orders looked at (paid, not refunded, in no parcel)" }),
  items: Type.Array(
    Type.Object({
      shopId: Id,
      shopName: Type.String(),
      reason: MessageSchema,
      shipBy: Instant,
      overdue: Type.Boolean(),
      orders: Type.Array(
        Type.Object({
          id: Id,
          platformOrderId: Type.String(),
          shipBy: Instant,
          total: Money,
          itemCount: Type.Integer(),
          buyer: Text,
          ...Address,
          buyerMemo: Text,
        }),
      ),
    }),
  ),
});

const OrderIds = Type.Array(Id, { minItems: 1, maxItems: PARCEL_ORDERS_MAX });
export const CreateParcelsBody = Type.Object(
  {
    orderIds: OrderIds,
    merge: Type.Optional(
      Type.Boolean({
        description:
          "One parcel for all the orders (合单: one shop, the same recipient); else one parcel per order",
      }),
    ),
  },
  strict,
);
const LineQty = Type.Object(
  { lineNo: Type.Integer({ minimum: 0 }), quantity: Type.Integer({ minimum: 1, maximum: 100000 }) },
  strict,
);
export const SplitBody = Type.Object(
  {
    orderId: Id,
    parcels: Type.Array(Type.Array(LineQty, { maxItems: 500 }), {
      minItems: 1,
      maxItems: 50,
      description:
        "The parcels, each a list of the order's lines and how many of each; every piece in exactly one parcel",
    }),
  },
  strict,
);
export const VersionBody = Type.Object({ version: Version }, strict);

export const ParcelSchema = Type.Object({
  id: Id,
  shopId: Id,
  batchId: Nullable(Id),
  status: ParcelStatus,
  carrierId: Nullable(Id),
  waybillNo: Text,
  weightG: Nullable(Type.Integer()),
  province: Text,
  packedAt: Nullable(Instant),
  shippedAt: Nullable(Instant),
  orderIds: Type.Array(Id),
  items: Type.Array(Type.Object({ orderId: Id, lineNo: Type.Integer(), quantity: Type.Integer() })),
  version: Type.Integer(),
  createdAt: Instant,
});
export const ParcelListSchema = Type.Object({ items: Type.Array(ParcelSchema) });
export const UndoSchema = Type.Object({
  cancelled: Type.Array(Id, { description: "The parcels undone (a split's other parts too)" }),
  orderIds: Type.Array(Id, { description: "Orders back in the queue with no parcel" }),
});

export const CreateBatchBody = Type.Object(
  {
    orderIds: Type.Optional(Type.Array(Id, { maxItems: BATCH_PARCELS_MAX })),
    parcelIds: Type.Optional(Type.Array(Id, { maxItems: BATCH_PARCELS_MAX })),
  },
  strict,
);

const BatchFields = {
  id: Id,
  number: Type.String({
    description: "B + the workspace's date + the day's sequence: B20261207-01",
  }),
  status: BatchStatus,
  createdAt: Instant,
  printedAt: Nullable(Instant),
  handedOverAt: Nullable(Instant),
  version: Type.Integer(),
};
const BatchHead = Type.Object(BatchFields);

export const BatchSchema = Type.Object({
  ...BatchFields,
  parcels: Type.Array(
    Type.Object({
      id: Id,
      status: ParcelStatus,
      shopName: Type.String(),
      orderIds: Type.Array(Id),
      platformOrderIds: Type.Array(Type.String()),
      recipient: Text,
      province: Text,
      pieces: Type.Integer(),
      carrierId: Nullable(Id),
      carrierName: Text,
      waybillNo: Text,
      weightG: Nullable(Type.Integer()),
      cost: Nullable(
        Type.String({
          description: "The parcel's freight from its carrier's rate card, yuan (null: not costed)",
        }),
      ),
      costFormula: Nullable(MessageSchema),
      version: Type.Integer(),
    }),
  ),
  counts: Type.Object({
    parcels: Type.Integer(),
    open: Type.Integer(),
    packed: Type.Integer(),
    shipped: Type.Integer(),
    pieces: Type.Integer(),
  }),
});

export const BatchPageSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...BatchFields,
      createdBy: Nullable(Id),
      parcels: Type.Integer(),
      shipped: Type.Integer(),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
export const BatchListQuery = Type.Object(
  { limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
  strict,
);

export const PickListSchema = Type.Object({
  batch: BatchHead,
  parcels: Type.Integer(),
  pieces: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      sku: Text,
      title: Type.String(),
      variant: Text,
      location: Nullable(Type.String({ description: "Where the SKU sits (SKU settings)" })),
      quantity: Type.Integer(),
      parcels: Type.Integer({ description: "In how many parcels it goes" }),
    }),
  ),
});

export const SlipsSchema = Type.Object({
  batch: BatchHead,
  slips: Type.Array(
    Type.Object({
      parcelId: Id,
      shopName: Type.String(),
      ...Address,
      orders: Type.Array(
        Type.Object({
          id: Id,
          platformOrderId: Type.String(),
          paidAt: Instant,
          buyerMemo: Text,
          sellerMemo: Text,
        }),
      ),
      items: Type.Array(
        Type.Object({
          orderId: Id,
          lineNo: Type.Integer(),
          title: Type.String(),
          sku: Text,
          variant: Text,
          quantity: Type.Integer(),
          gift: Type.Boolean({ description: "Costs nothing (zero price): a gift" }),
        }),
      ),
      pieces: Type.Integer(),
      gifts: Type.Integer(),
      partOfSplit: Type.Boolean({
        description: "Holds part of an order whose other lines travel in other parcels",
      }),
    }),
  ),
});

export const ManifestQuery = Type.Object(
  {
    batchId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "A batch's id or number" }),
    ),
    date: Type.Optional(IsoDate),
  },
  strict,
);
export const ManifestSchema = Type.Object({
  batch: Nullable(BatchHead),
  date: Nullable(IsoDate),
  generatedAt: Instant,
  count: Type.Integer(),
  weightG: Type.Integer(),
  carriers: Type.Array(
    Type.Object({
      carrierId: Nullable(Id),
      code: Text,
      name: Text,
      count: Type.Integer(),
      weightG: Type.Integer({ description: "Sum of the weighed parcels, grams" }),
      unweighed: Type.Integer(),
      parcels: Type.Array(
        Type.Object({
          parcelId: Id,
          waybillNo: Text,
          weightG: Nullable(Type.Integer()),
          shippedAt: Nullable(Instant),
          platformOrderIds: Type.Array(Type.String()),
          recipient: Text,
          province: Text,
        }),
      ),
    }),
  ),
});

export const SkuParams = Type.Object({ sku: Sku }, strict);
export const SkuQuery = Type.Object(
  {
    prefix: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  strict,
);
const SkuSettingSchema = Type.Object({
  sku: Type.String(),
  location: Text,
  weightG: Nullable(Type.Integer()),
  updatedAt: Instant,
});
export const SkuPageSchema = Type.Object({
  items: Type.Array(SkuSettingSchema),
  nextCursor: Nullable(Type.String()),
});
export const PutSkuBody = Type.Object(
  {
    location: Nullable(
      Type.String({ maxLength: 40, description: "Shelf or bin, e.g. A-03-2; null clears" }),
    ),
    weightG: Nullable(
      Type.Integer({ minimum: 1, maximum: 100_000, description: "One piece, grams; null clears" }),
    ),
  },
  strict,
);
export { SkuSettingSchema };
