// Schemas of the customers routes (docs/CUSTOMERS.md, "API"). Money is integer fen; dates
// YYYY-MM-DD; a customer's id is its shop and customer key (opaque: use it as given).
import { Type } from "typebox";
import { CN_CLASSES, RFM_SEGMENTS } from "../../core/customers/rfm.js";
import { LIMITS } from "../../core/limits.js";
import { Id, IsoDate, MessageSchema } from "../shared/common.schema.js";
import { MAX_WINDOW_DAYS } from "./customers.service.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      description ? { description } : {},
    ),
  );

const Segment = literals(RFM_SEGMENTS, "A named segment of the R×F map");
const CnClass = literals(CN_CLASSES, "One of the Chinese eight classes (重要价值 …)");
const Fen = Type.Integer({ description: "Amount in fen" });

const ShopParam = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "The shop's id (customers are counted per shop)",
});
const WindowDays = Type.Integer({
  minimum: 1,
  maximum: MAX_WINDOW_DAYS,
  default: 365,
  description: "F and M count the paid orders of the last windowDays days up to asOf",
});
/** The analysis date (default: today in the workspace's time zone). */
const AsOf = Type.Optional(IsoDate);
const Limit = Type.Optional(
  Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
);
const Cursor = Type.Optional(
  Type.String({
    maxLength: 12,
    pattern: "^[0-9]+$",
    description: "nextCursor of the previous page",
  }),
);

export const RfmQuery = Type.Object(
  { shop: ShopParam, windowDays: Type.Optional(WindowDays), asOf: AsOf },
  strict,
);
export const ListQuery = Type.Object(
  {
    shop: ShopParam,
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "Part of the buyer as shown (masked) or of the customer key",
      }),
    ),
    segment: Type.Optional(Segment),
    windowDays: Type.Optional(WindowDays),
    asOf: AsOf,
    limit: Limit,
    cursor: Cursor,
  },
  strict,
);
export const CustomerQuery = Type.Object(
  { windowDays: Type.Optional(WindowDays), asOf: AsOf },
  strict,
);
export const CustomerParams = Type.Object(
  {
    id: Type.String({
      minLength: 3,
      maxLength: 600,
      description: "The customer's id as a list gave it",
    }),
  },
  strict,
);
const Days = Type.Integer({
  minimum: 1,
  maximum: MAX_WINDOW_DAYS,
  default: 90,
  description: "No paid order for this many days or more",
});
export const DormantQuery = Type.Object(
  { shop: ShopParam, days: Type.Optional(Days), asOf: AsOf, limit: Limit, cursor: Cursor },
  strict,
);
export const DormantExportQuery = Type.Object(
  {
    shop: ShopParam,
    days: Type.Optional(Days),
    asOf: AsOf,
    format: Type.Optional(
      Type.Union([Type.Literal("csv"), Type.Literal("xlsx")], { default: "csv" }),
    ),
  },
  strict,
);

const Window = Type.Object({ from: IsoDate, to: IsoDate, days: Type.Integer() });
const Range = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  atLeast: Type.Optional(Nullable(Type.Number())),
  lessThan: Type.Optional(Nullable(Type.Number())),
  moreThan: Type.Optional(Nullable(Type.Number())),
  atMost: Type.Optional(Nullable(Type.Number())),
});
const Cutoffs = Type.Object(
  {
    r: Type.Array(Type.Number(), { description: "Days, descending: R > k needs fewer days" }),
    f: Type.Array(Type.Number(), { description: "Orders, ascending: F > k needs more" }),
    m: Type.Array(Type.Number(), { description: "Fen, ascending: M > k needs more" }),
  },
  { description: "The four cut-offs of each dimension (empty without customers)" },
);
const Repurchase = Type.Object({
  definition: Type.String(),
  window: Type.Object({ from: IsoDate, to: IsoDate }),
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  rate: Nullable(Type.Number()),
  definitionMessage: MessageSchema,
});

export const RfmSchema = Type.Object({
  shopId: Id,
  asOf: IsoDate,
  window: Window,
  customers: Type.Integer({ description: "Customers with a paid order in the window" }),
  classCentre: Type.String(),
  cutoffs: Cutoffs,
  centres: Type.Object({ r: Type.Number(), f: Type.Number(), m: Type.Number() }),
  segments: Type.Array(
    Type.Object({
      segment: Segment,
      label: MessageSchema,
      count: Type.Integer(),
      cells: Type.Array(Type.Object({ r: Range, f: Range })),
    }),
  ),
  classes: Type.Array(Type.Object({ class: CnClass, label: MessageSchema, count: Type.Integer() })),
  grid: Type.Array(
    Type.Object({
      r: Type.Integer(),
      f: Type.Integer(),
      segment: Segment,
      count: Type.Integer(),
    }),
  ),
  repurchase: Type.Array(Repurchase),
});

const IdentityKind = literals(
  ["buyer_id", "email", "phone", "address", "order"] as const,
  "How the customer is told apart (the key the order import gave)",
);
const Score = Nullable(Type.Integer({ minimum: 1, maximum: 5 }));
export const CustomerListItem = Type.Object({
  id: Type.String(),
  customerKey: Type.String(),
  identityKind: IdentityKind,
  display: Nullable(Type.String({ description: "The buyer as the platform shows it (masked)" })),
  firstPaidDate: IsoDate,
  lastPaidDate: IsoDate,
  orders: Type.Integer({ description: "Paid orders up to asOf" }),
  spendFen: Fen,
  refundFen: Fen,
  windowOrders: Type.Integer(),
  windowSpendFen: Fen,
  recencyDays: Type.Integer(),
  r: Score,
  f: Score,
  m: Score,
  segment: Nullable(Segment),
  cnClass: Nullable(CnClass),
});
export const CustomerPageSchema = Type.Object({
  asOf: IsoDate,
  window: Window,
  total: Type.Integer(),
  items: Type.Array(CustomerListItem),
  nextCursor: Nullable(Type.String()),
});

export const CustomerSchema = Type.Object({
  id: Type.String(),
  shopId: Id,
  shopName: Type.String(),
  customerKey: Type.String(),
  identity: Type.Object({
    kind: IdentityKind,
    shopIdentity: Type.String({ description: "The shop's chosen identity (buyer_id, email …)" }),
    buyerRef: Nullable(Type.String()),
    buyerName: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    recipient: Nullable(Type.String()),
    province: Nullable(Type.String()),
    city: Nullable(Type.String()),
    district: Nullable(Type.String()),
  }),
  currency: Type.String(),
  totals: Type.Object({
    orders: Type.Integer(),
    paidOrders: Type.Integer(),
    spendFen: Fen,
    refundFen: Fen,
    firstPaidDate: Nullable(IsoDate),
    lastPaidDate: Nullable(IsoDate),
    firstPlacedAt: Nullable(Type.String()),
    lastPlacedAt: Nullable(Type.String()),
  }),
  orders: Type.Array(
    Type.Object({
      id: Id,
      platformOrderId: Type.String(),
      status: Type.String(),
      placedAt: Nullable(Type.String()),
      paidDate: Nullable(IsoDate),
      totalFen: Fen,
      refundFen: Fen,
      itemCount: Type.Integer(),
    }),
  ),
  ordersComplete: Type.Boolean({ description: "false: only the latest 200 orders are listed" }),
  cases: Type.Array(
    Type.Object({
      id: Id,
      platformCaseId: Nullable(Type.String()),
      platformOrderId: Nullable(Type.String()),
      orderId: Nullable(Id),
      type: Type.String(),
      state: Type.String(),
      resolution: Nullable(Type.String()),
      reasonCode: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      requestedFen: Fen,
      refundFen: Nullable(Fen),
      openedAt: Type.String(),
      resolvedAt: Nullable(Type.String()),
    }),
  ),
  asOf: IsoDate,
  window: Window,
  rfm: Nullable(
    Type.Object({
      recencyDays: Type.Integer(),
      orders: Type.Integer(),
      spendFen: Fen,
      r: Range,
      f: Range,
      m: Range,
      segment: Segment,
      cnClass: CnClass,
      sides: Type.Object({ r: Type.Boolean(), f: Type.Boolean(), m: Type.Boolean() }),
      explanation: Type.Array(MessageSchema),
      cutoffs: Cutoffs,
    }),
  ),
});

export const DormantPageSchema = Type.Object({
  asOf: IsoDate,
  days: Type.Integer(),
  lastDate: IsoDate,
  definition: MessageSchema,
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      customerKey: Type.String(),
      display: Nullable(Type.String()),
      lastPaidDate: IsoDate,
      daysSince: Type.Integer(),
      orders: Type.Integer(),
      spendFen: Fen,
      refundFen: Fen,
    }),
  ),
  nextCursor: Nullable(Type.String()),
});
