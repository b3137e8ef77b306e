// Schemas of the after-sales routes (docs/AFTERSALES.md, "API"): cases, their moves, imports of the
// platforms' after-sales exports and saved mappings. Money is integer fen.
import { Type } from "typebox";
import { CASE_FIELDS } from "../../core/aftersales/case-file.js";
import {
  CASE_SOURCES,
  CASE_STATES,
  CASE_TYPES,
  INSPECTION_RESULTS,
  RESOLUTIONS,
} from "../../core/aftersales/cases.js";
import { LIMITS } from "../../core/limits.js";
import { ImportNote } from "../orders/orders.schema.js";
import { Id, Instant, MessageSchema, Version } from "../shared/common.schema.js";
import { CaseSlaSchema } from "./sla.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      description ? { description } : {},
    ),
  );

const CaseType = literals(CASE_TYPES, "Our case type");
const CaseState = literals(CASE_STATES, "Our case state");
const Resolution = literals(RESOLUTIONS, "How a resolved case ended");
const Inspection = literals(INSPECTION_RESULTS, "The returned goods' inspection");
/** Fen, bounded so a sum of thousands stays a safe integer. */
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: "Amount in fen" });

export const CaseListQuery = Type.Object(
  {
    state: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: "^[a-z_]+(,[a-z_]+)*$",
        description: `States, comma-separated (${CASE_STATES.join(", ")}), or open (every state before resolved and closed)`,
      }),
    ),
    type: Type.Optional(CaseType),
    shopId: Type.Optional(Id),
    assignee: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "me, none (unassigned) or a member's id",
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 400, description: "nextCursor of the previous page" }),
    ),
  },
  strict,
);

const caseFields = {
  id: Id,
  shopId: Id,
  platform: Type.String({ description: "taobao, jd, pdd, douyin, shopify, woocommerce, custom" }),
  caseKey: Type.String({
    description:
      "The case's identity in the shop: the platform's case id, order:<order key> (a refund only an order export carried) or manual:<id>",
  }),
  platformCaseId: Nullable(Type.String()),
  source: literals(CASE_SOURCES, "Where the case came from"),
  orderId: Nullable(Id),
  platformOrderId: Nullable(Type.String()),
  customerKey: Nullable(Type.String()),
  type: CaseType,
  platformType: Nullable(Type.String({ description: "The platform's own type code, as written" })),
  state: CaseState,
  resolution: Nullable(Resolution),
  platformState: Nullable(
    Type.String({ description: "The platform's own state code or text, as written" }),
  ),
  reason: Nullable(Type.String()),
  reasonCode: Nullable(Type.String({ description: "The reason's class (case.reason.<code>)" })),
  currency: Type.String(),
  requestedFen: Type.Integer({ description: "What the buyer asked for, in fen" }),
  refundFen: Nullable(Type.Integer({ description: "What was refunded, in fen" })),
  returnCarrier: Nullable(Type.String()),
  returnWaybill: Nullable(Type.String()),
  inspection: Nullable(Inspection),
  inspectionNote: Nullable(Type.String()),
  assigneeMemberId: Nullable(Id),
  assigneeName: Nullable(Type.String()),
  openedAt: Instant,
  firstResponseAt: Nullable(Instant),
  decidedAt: Nullable(Instant),
  resolvedAt: Nullable(Instant),
  platformDeadlineAt: Nullable(Instant),
  dueAt: Nullable(
    Type.String({
      description:
        "The deadline the case shows now: the running SLA clock due first (a platform's deadline wins over the policy's); null: none (ended, or waiting for the buyer)",
    }),
  ),
  nextStates: Type.Array(CaseState, { description: "The moves a person may make from here" }),
  sla: CaseSlaSchema,
  version: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const CaseSchema = Type.Object(caseFields);
export const CasePageSchema = Type.Object({
  items: Type.Array(CaseSchema),
  nextCursor: Nullable(Type.String()),
});
export const CaseDetailSchema = Type.Object({
  ...caseFields,
  lines: Type.Array(
    Type.Object({
      lineNo: Type.Integer(),
      orderLineNo: Nullable(Type.Integer()),
      title: Type.String(),
      sku: Nullable(Type.String()),
      quantity: Type.Integer(),
      amountFen: Nullable(Type.Integer()),
    }),
  ),
  history: Type.Array(
    Type.Object({
      id: Id,
      at: Instant,
      kind: Type.String({
        description: "created, imported, platform, updated, linked, transition",
      }),
      actorMemberId: Nullable(Id),
      actorName: Nullable(Type.String()),
      fromState: Nullable(CaseState),
      toState: Nullable(CaseState),
      message: MessageSchema,
    }),
    { description: "Who did what when, oldest first" },
  ),
  pauses: Type.Array(Type.Object({ startedAt: Instant, endedAt: Nullable(Instant) }), {
    description: "When the case waited for the buyer (the clocks pause)",
  }),
});

export const CreateCaseBody = Type.Object(
  {
    orderId: Id,
    type: CaseType,
    reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    requestedFen: Type.Optional(Fen),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            orderLineNo: Type.Integer({ minimum: 1, maximum: 10_000 }),
            quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          },
          strict,
        ),
        { maxItems: 200 },
      ),
    ),
  },
  strict,
);

export const TransitionBody = Type.Object(
  {
    to: CaseState,
    version: Version,
    resolution: Type.Optional(Nullable(Resolution)),
    inspection: Type.Optional(Nullable(Inspection)),
    inspectionNote: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax }))),
    refundFen: Type.Optional(Nullable(Fen)),
  },
  strict,
);

export const CaseImportQuery = Type.Object(
  {
    shop: Type.String({ minLength: 1, maxLength: 100, description: "The shop's id or name" }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    format: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 8 + LIMITS.mappingNameMax,
        description:
          "auto (the shop's platform; default), taobao, jd, pdd, douyin, shopify, woocommerce, or mapping:NAME",
      }),
    ),
    dryRun: Type.Optional(
      Type.Boolean({ description: "Check and plan everything, store nothing" }),
    ),
  },
  strict,
);
export const CaseImportSchema = Type.Object({
  shopId: Id,
  format: Type.String(),
  dryRun: Type.Boolean(),
  files: Type.Array(
    Type.Object({
      file: Type.String(),
      encoding: Type.String(),
      format: Type.String({ description: "The profile read (taobao-cases …, mapping:NAME)" }),
      rows: Type.Integer(),
    }),
  ),
  rows: Type.Integer(),
  cases: Type.Integer({ description: "Cases the rows name (a case's several lines once)" }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  warnings: Type.Array(ImportNote),
});

const Header = Type.String({ minLength: 1, maxLength: 100 });
const MappingFields = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.mappingNameMax }),
  mapping: Type.Object(
    {
      columns: Type.Object(
        Object.fromEntries(CASE_FIELDS.map((f) => [f, Type.Optional(Nullable(Header))])),
        {
          ...strict,
          description:
            "The file's header for each field; caseId, orderId, type, state and openedAt are required",
        },
      ),
      utcOffset: Type.Optional(
        Nullable(
          Type.String({ maxLength: 6, description: "The file's times' offset, like +08:00" }),
        ),
      ),
      currency: Type.Optional(Nullable(Type.String({ maxLength: 3 }))),
    },
    strict,
  ),
};
export const CaseMappingBody = Type.Object(MappingFields, strict);
export const CaseMappingUpdateBody = Type.Object({ ...MappingFields, version: Version }, strict);
export const CaseMappingSchema = Type.Object({
  id: Id,
  name: Type.String(),
  mapping: Type.Object({
    columns: Type.Record(Type.String(), Type.Unknown(), {
      description: "The file's header for each field",
    }),
    utcOffset: Type.Optional(Type.String()),
    currency: Type.Optional(Type.String()),
  }),
  version: Type.Integer(),
  updatedAt: Instant,
});

/** The workspace's rule for returned goods (docs/AFTERSALES.md, "States and moves"). */
export const ReturnRulesSchema = Type.Object({
  inspectBeforeRefund: Type.Boolean({
    description:
      "Returned goods are inspected (and pass) before they are refunded: a refund from received is refused with case.transition.inspect_first",
  }),
  version: Type.Integer({ description: "0 while never saved" }),
});
export const ReturnRulesBody = Type.Object(
  { inspectBeforeRefund: Type.Boolean(), version: Type.Integer({ minimum: 0 }) },
  strict,
);
