// TypeBox schemas of the carrier bill and logistics dashboard routes (cost.routes.ts).
import { Type, type TSchema } from "typebox";
import { BILL_LINE_STATUSES, WEIGHT_TOLERANCE_MAX_G } from "../../core/logistics/reconcile.js";
import { LIMITS } from "../../core/limits.js";
import { ImportNote } from "../orders/orders.schema.js";
import { Id, Instant, IsoDate, IsoMonth, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Money = Type.String({
  description: 'Yuan as decimal text, e.g. "1234.50" (integer fen inside)',
});
const Grams = Type.Integer({ description: "Grams" });
const Ratio = Nullable(
  Type.Number({ description: "A ratio (0.0123 = 1.23 %); null when the denominator is 0" }),
);
const Status = Type.Union(
  [
    Type.Literal("ok"),
    Type.Literal("reweighed"),
    Type.Literal("overcharged"),
    Type.Literal("undercharged"),
    Type.Literal("unknown"),
    Type.Literal("duplicate"),
    Type.Literal("not_costed"),
  ],
  {
    description:
      "ok (fee = computed cost) | reweighed (the carrier's weight differs from ours by more than the bill's tolerance) | overcharged | undercharged | unknown (no parcel of this carrier has the waybill) | duplicate (an earlier bill charged it) | not_costed (the parcel has no computed cost)",
  },
);
const Header = Type.String({ minLength: 1, maxLength: LIMITS.nameMax });

export const BillImportQuery = Type.Object(
  {
    carrierId: Id,
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    period: Type.Optional(IsoMonth),
    toleranceG: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: WEIGHT_TOLERANCE_MAX_G,
        description: "Grams the carrier's weight may differ from the parcel's (default 100)",
      }),
    ),
    mapping: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LIMITS.mappingNameMax,
        description: "A saved bill mapping's name, for a layout the header aliases do not find",
      }),
    ),
  },
  strict,
);

const Totals = Type.Object({
  lines: Type.Integer({ description: "Waybill lines (rows of one waybill added up)" }),
  billed: Money,
  computed: Type.String({
    description: "Σ computed cost of the lines compared (not unknown, duplicate or not costed)",
  }),
  matchedBilled: Type.String({ description: "Σ fee of the same lines" }),
  overcharged: Type.String({ description: "Σ (fee − cost) where the fee is higher" }),
  undercharged: Type.String({ description: "Σ (cost − fee) where the fee is lower" }),
  unknown: Type.String({ description: "Σ fee of waybills no parcel has" }),
  duplicate: Type.String({
    description: "Σ fee charged again for waybills an earlier bill charged",
  }),
  notCosted: Type.String({ description: "Σ fee of parcels without a computed cost" }),
  reweighedDiff: Type.String({ description: "Σ (fee − cost) of the re-weighed lines" }),
  counts: Type.Record(Type.String(), Type.Integer(), { description: "Lines per status" }),
});

export const BillSchema = Type.Object({
  id: Id,
  carrier: Type.Object({ id: Id, code: Type.String(), name: Type.String() }),
  fileName: Type.String(),
  encoding: Nullable(Type.String()),
  period: Nullable(Type.String()),
  toleranceG: Grams,
  createdAt: Instant,
  createdBy: Nullable(Id),
  totals: Totals,
});
export const BillImportSchema = Type.Intersect([
  BillSchema,
  Type.Object({ warnings: Type.Array(ImportNote) }),
]);

export const BillListQuery = Type.Object(
  {
    carrierId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);

export const BillLinesQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Status, { maxItems: BILL_LINE_STATUSES.length })),
    waybill: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: "Part of a waybill number" }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 12 })),
  },
  strict,
);

export const BillLineSchema = Type.Object({
  row: Type.Integer({ description: "The file row of the waybill's first row" }),
  rows: Type.Integer({ description: "Rows of the file added up into this line" }),
  waybill: Type.String(),
  status: Status,
  weightG: Nullable(Grams),
  ourWeightG: Nullable(Grams),
  weightDiffG: Nullable(Type.Integer({ description: "Carrier's weight − ours, grams" })),
  fee: Money,
  computed: Nullable(Money),
  diff: Nullable(Type.String({ description: "fee − computed cost" })),
  parcelId: Nullable(Id),
  shop: Nullable(Type.String()),
  province: Nullable(Type.String()),
  shippedAt: Nullable(Instant),
  duplicateOf: Nullable(Type.Object({ id: Id, fileName: Type.String() })),
});

export const BillMappingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.mappingNameMax, pattern: "\\S" }),
    waybill: Header,
    fee: Header,
    weight: Type.Optional(Nullable(Header)),
    weightUnit: Type.Optional(Type.Union([Type.Literal("kg"), Type.Literal("g")])),
  },
  strict,
);
export const BillMappingPatch = Type.Object(
  { ...BillMappingBody.properties, version: Version },
  strict,
);
export const BillMappingSchema = Type.Object({
  id: Id,
  name: Type.String(),
  waybill: Type.String(),
  fee: Type.String(),
  weight: Nullable(Type.String()),
  weightUnit: Type.Union([Type.Literal("kg"), Type.Literal("g")]),
  version: Type.Integer(),
  updatedAt: Instant,
});

// The dashboard.

export const DashboardQuery = Type.Object(
  { from: IsoDate, to: IsoDate, shopId: Type.Optional(Id) },
  strict,
);
export const DashboardExportQuery = Type.Object(
  {
    ...DashboardQuery.properties,
    format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("xlsx")])),
    lang: Type.Optional(
      Type.Union([Type.Literal("zh-CN"), Type.Literal("en")], {
        description:
          "The headers' language (a download link cannot send Accept-Language); else Accept-Language, else the user's",
      }),
    ),
  },
  strict,
);

const Figures = {
  parcels: Type.Integer({ description: "Parcels shipped" }),
  costed: Type.Integer({ description: "Of which with a computed cost" }),
  notCosted: Type.Integer(),
  cost: Type.String({ description: "Σ computed cost (yuan)" }),
  costPerParcel: Nullable(
    Type.String({ description: "cost ÷ costed parcels, rounded half away from zero to the fen" }),
  ),
};

export const DashboardSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  shopId: Nullable(Id),
  currency: Type.String(),
  totals: Type.Object({
    ...Figures,
    sales: Type.String({
      description:
        "GMV (paid date in the range) of the shops that shipped parcels in the range, shops in the cost currency",
    }),
    costRate: Ratio,
  }),
  byCarrier: Type.Array(
    Type.Object({
      carrierId: Nullable(Id),
      code: Nullable(Type.String()),
      name: Nullable(Type.String()),
      ...Figures,
    }),
  ),
  byProvince: Type.Array(Type.Object({ province: Nullable(Type.String()), ...Figures })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), ...Figures })),
  byDay: Type.Array(Type.Object({ date: IsoDate, ...Figures })),
  byShop: Type.Array(
    Type.Object({
      shopId: Id,
      name: Type.String(),
      platform: Type.String(),
      currency: Type.String(),
      ...Figures,
      sales: Type.String({ description: "The shop's GMV in its currency" }),
      costRate: Ratio,
    }),
  ),
  packers: Type.Object({
    members: Type.Array(
      Type.Object({
        memberId: Id,
        name: Nullable(Type.String()),
        parcels: Type.Integer(),
        days: Type.Integer({ description: "Days with at least one parcel packed" }),
        perDay: Type.Number({ description: "parcels ÷ days, one decimal" }),
      }),
    ),
    days: Type.Array(Type.Object({ date: IsoDate, memberId: Id, parcels: Type.Integer() })),
  }),
  wrong: Type.Object({
    total: Type.Integer(),
    wrongParcelScans: Type.Integer({
      description: "Scans stopped because the waybill belonged to another parcel",
    }),
    reshipped: Type.Integer({
      description: "Parcels shipped for an order another parcel had already shipped",
    }),
    byMember: Type.Array(
      Type.Object({
        memberId: Nullable(Id),
        name: Nullable(Type.String()),
        wrongParcelScans: Type.Integer(),
        reshipped: Type.Integer(),
      }),
    ),
  }),
  missed: Type.Object({
    count: Type.Integer({
      description: "Paid orders of the range past their ship-by time and still not shipped",
    }),
    orders: Type.Array(
      Type.Object({
        orderId: Id,
        platformOrderId: Type.String(),
        shopId: Id,
        shop: Type.String(),
        paidAt: Instant,
        shipBy: Instant,
      }),
    ),
  }),
  shipOnTime: Type.Object({
    due: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    overdue: Type.Integer(),
    rate: Ratio,
  }),
  billed: Type.Object({
    lines: Type.Integer({ description: "Carrier bill lines of the range's parcels" }),
    billed: Money,
    computed: Money,
    overcharged: Money,
    undercharged: Money,
    duplicate: Money,
    reweighed: Type.Integer(),
  }),
});
