// Schemas of the pack station, tracking import and write-back routes (logistics part "scan").
import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { SCAN_OUTCOMES } from "../../core/logistics/scan.js";
import { PARCEL_WEIGHT_MAX_G } from "../../core/logistics/tracking-file.js";
import { WRITEBACK_FORMATS, WRITEBACK_PLATFORMS } from "../../core/logistics/writeback-file.js";
import { Id, Instant, IsoDate, MessageSchema, Version } from "../shared/common.schema.js";
import { ImportNote } from "../orders/orders.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(xs.map((x) => Type.Literal(x))));

const Code = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "What the scanner (or the person) typed: a parcel id, an order number or a waybill",
});
const WeightG = Type.Integer({
  minimum: 1,
  maximum: PARCEL_WEIGHT_MAX_G,
  description: `Weight in grams (1 – ${PARCEL_WEIGHT_MAX_G})`,
});
const CarrierCode = Type.String({
  minLength: 1,
  maxLength: 20,
  description: "A carrier's code in this workspace (SF, ZTO, YTO …)",
});

export const SlipBody = Type.Object({ code: Code }, strict);
export const WaybillBody = Type.Object(
  {
    slip: Code,
    waybill: Code,
    carrierCode: Type.Optional(CarrierCode),
    weightG: Type.Optional(WeightG),
    weightSource: Type.Optional(
      Type.Union([Type.Literal("scale"), Type.Literal("typed")], {
        description: "scale: read from a scale; typed: typed by the packer",
      }),
    ),
  },
  strict,
);
export const TypedWaybillBody = Type.Object(
  {
    waybill: Code,
    carrierCode: Type.Optional(CarrierCode),
    weightG: Type.Optional(WeightG),
    version: Type.Optional(Version),
  },
  strict,
);

export const ParcelViewSchema = Type.Object({
  id: Nullable(Id),
  shopId: Id,
  batchId: Nullable(Id),
  status: Type.String({ description: "open | packed | shipped | cancelled" }),
  carrier: Nullable(Type.Object({ id: Id, code: Type.String(), name: Type.String() })),
  waybillNo: Nullable(Type.String()),
  waybillSource: Nullable(Type.String()),
  weightG: Nullable(Type.Integer()),
  packedBy: Nullable(Id),
  packedAt: Nullable(Instant),
  shippedAt: Nullable(Instant),
  version: Type.Integer({ description: "0 for an order that has no parcel yet" }),
  orders: Type.Array(
    Type.Object({
      id: Id,
      platformOrderId: Type.String(),
      status: Type.String(),
      rawStatus: Type.String(),
      recipient: Nullable(Type.String()),
      province: Nullable(Type.String()),
      city: Nullable(Type.String()),
      sellerMemo: Nullable(Type.String()),
    }),
  ),
  lines: Type.Array(
    Type.Object({
      orderId: Id,
      title: Type.String(),
      sku: Nullable(Type.String()),
      variant: Nullable(Type.String()),
      quantity: Type.Integer(),
    }),
  ),
});

export const ReturnCaseSchema = Type.Object({
  id: Id,
  caseNumber: Type.String({ description: "The platform's case number, else Dayclear's id" }),
  platformOrderId: Nullable(Type.String()),
  from: Type.String({ description: "The case's state before the scan" }),
  state: Type.String({ description: "The case's state after the scan" }),
  outcome: literals(["received", "already_received", "finished", "not_returning"] as const),
});

export const ScanResultSchema = Type.Object({
  step: literals(["slip", "waybill", "typed", "return"] as const),
  outcome: literals(SCAN_OUTCOMES),
  stop: Type.Boolean({
    description:
      "True: the parcel must not leave as it is (unknown, wrong_parcel, already_shipped, refunded, cancelled, unpaid; return_refused for a return); the pack station waits for an acknowledge",
  }),
  message: MessageSchema,
  parcel: Nullable(ParcelViewSchema),
  cases: Type.Optional(
    Type.Array(ReturnCaseSchema, {
      description: "Step return: the after-sales cases whose return waybill was scanned",
    }),
  ),
  eventId: Id,
  at: Instant,
});

export const ScansQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    mine: Type.Optional(Type.Boolean({ description: "Only the caller's scans" })),
  },
  strict,
);
export const ScanEventSchema = Type.Object({
  id: Id,
  at: Instant,
  memberId: Id,
  step: Type.String(),
  code: Type.String(),
  parcelId: Nullable(Id),
  outcome: literals(SCAN_OUTCOMES),
  stop: Type.Boolean(),
  message: MessageSchema,
});

export const TrackingQuery = Type.Object(
  {
    shop: Type.String({ minLength: 1, maxLength: 100, description: "The shop's id or name" }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    mapping: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LIMITS.mappingNameMax,
        description: "A saved tracking mapping's name",
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: "Check everything, store nothing" })),
  },
  strict,
);
export const TrackingSummarySchema = Type.Object({
  shopId: Id,
  files: Type.Array(
    Type.Object({ file: Type.String(), encoding: Type.String(), rows: Type.Integer() }),
  ),
  rows: Type.Integer(),
  parcelsCreated: Type.Integer({ description: "Parcels made for orders that had none" }),
  updated: Type.Integer({ description: "Parcels whose waybill, carrier or weight changed" }),
  unchanged: Type.Integer({ description: "Rows that changed nothing (the same file again)" }),
  warnings: Type.Array(ImportNote),
  dryRun: Type.Boolean(),
});

const MappingKind = Type.Union([Type.Literal("tracking"), Type.Literal("writeback")]);
export const MappingsQuery = Type.Object({ kind: MappingKind }, strict);
const MappingBodyFields = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.mappingNameMax }),
  shopId: Type.Optional(Nullable(Id)),
  platform: Type.Optional(Nullable(literals(WRITEBACK_PLATFORMS))),
  mapping: Type.Object(
    {
      columns: Type.Optional(
        Type.Object(
          {
            order: Type.Optional(Type.String({ maxLength: 100 })),
            carrier: Type.Optional(Type.String({ maxLength: 100 })),
            waybill: Type.Optional(Type.String({ maxLength: 100 })),
            weight: Type.Optional(Type.String({ maxLength: 100 })),
          },
          strict,
        ),
      ),
      weightUnit: Type.Optional(Type.Union([Type.Literal("kg"), Type.Literal("g")])),
      carrier: Type.Optional(Type.String({ maxLength: 20 })),
      headers: Type.Optional(
        Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 100 }), {
          description:
            "Write-back templates: header per field (order, carrier, waybill, date, status, command, notify)",
        }),
      ),
      format: Type.Optional(literals(WRITEBACK_FORMATS)),
    },
    {
      ...strict,
      description:
        'Tracking: {"columns":{"order","carrier","waybill","weight"},"weightUnit":"kg|g","carrier":"ZTO"}; write-back: {"headers":{…},"format":"csv-gbk|csv-utf8|csv-utf8-bom|xlsx"}',
    },
  ),
};
export const MappingBody = Type.Object({ kind: MappingKind, ...MappingBodyFields }, strict);
export const MappingUpdateBody = Type.Object({ ...MappingBodyFields, version: Version }, strict);
export const MappingSchema = Type.Object({
  id: Id,
  kind: MappingKind,
  shopId: Nullable(Id),
  platform: Nullable(Type.String()),
  name: Type.String(),
  mapping: Type.Record(Type.String(), Type.Unknown()),
  version: Type.Integer(),
  updatedAt: Instant,
});

export const WritebackBody = Type.Object(
  {
    shop: Type.String({ minLength: 1, maxLength: 100, description: "The shop's id or name" }),
    platform: literals(WRITEBACK_PLATFORMS),
    batch: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "A batch's id or number" }),
    ),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  strict,
);
export const WritebackFileSchema = Type.Object({
  id: Id,
  shopId: Id,
  platform: Type.String(),
  fileName: Type.String(),
  format: Type.String(),
  batchId: Nullable(Id),
  from: Nullable(IsoDate),
  to: Nullable(IsoDate),
  lines: Type.Integer(),
  createdBy: Nullable(Id),
  createdAt: Instant,
});
export const WritebackFilesQuery = Type.Object(
  {
    shop: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
  },
  strict,
);
export const CheckQuery = Type.Object(
  { shop: Type.String({ minLength: 1, maxLength: 100, description: "The shop's id or name" }) },
  strict,
);
export const CheckSchema = Type.Object({
  shopId: Id,
  lastImportAt: Nullable(Instant),
  orders: Type.Integer({ description: "Orders a write-back file carried" }),
  agree: Type.Integer(),
  pending: Type.Integer({
    description: "Sent after the shop's latest order import: not checked yet",
  }),
  mismatches: Type.Array(
    Type.Object({
      orderId: Id,
      platformOrderId: Type.String(),
      reason: MessageSchema,
      sent: Type.Object({
        carrier: Type.String(),
        waybills: Type.Array(Type.String()),
        at: Instant,
        fileId: Id,
      }),
      platform: Type.Object({
        status: Type.String(),
        rawStatus: Type.String(),
        trackingNo: Nullable(Type.String()),
        carrier: Nullable(Type.String()),
      }),
    }),
  ),
});
