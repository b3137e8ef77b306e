// The after-sales dashboard's query and answer (docs/AFTERSALES.md, "KPIs").
import { Type, type TSchema } from "typebox";
import { IsoDate } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(
  Type.Number({ description: "A fraction (0.3 = 30 %); null: nothing to divide by" }),
);

const queryFields = {
  from: IsoDate,
  to: IsoDate,
  shopId: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: "One shop, by id or name; absent: every shop",
    }),
  ),
};
export const DashboardQuery = Type.Object(queryFields, strict);
export const DashboardExportQuery = Type.Object(
  {
    ...queryFields,
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

const figures = {
  paidOrders: Nullable(
    Type.Integer({
      description:
        "Orders paid on the local days from…to (paid date) the rates divide by: the shop's, every shop's (totals, reasons), the orders with a line of the SKU; null for a person and in a member's own view",
    }),
  ),
  cases: { ...Count, description: "Cases opened in the period" },
  returns: {
    ...Count,
    description: "Return cases (return and refund, exchange) opened in the period",
  },
  ended: { ...Count, description: "Cases resolved or closed in the period" },
  handlingMinutes: {
    ...Count,
    description: "Σ whole minutes from opening to the end over `ended`",
  },
  refunds: { ...Count, description: "Cases resolved as refunded in the period" },
  refundFen: { ...Count, description: "Σ refunded amount over `refunds`, integer fen" },
  savedReturns: {
    ...Count,
    description:
      "Money cases (refund before/after shipping, return and refund) that ended in the period without money back: closed unrefunded, exchanged or reshipped",
  },
  reviewsTurnedGood: {
    ...Count,
    description: "Bad reviews turned good in the period (0 in reason and SKU lines)",
  },
  slaMet: { ...Count, description: "SLA clocks of the cases opened in the period met" },
  slaBreached: { ...Count, description: "… breached (stopped late or running past the deadline)" },
  refundRate: Rate,
  returnRate: Rate,
  avgHandlingMinutes: Nullable(Type.Number({ description: "handlingMinutes ÷ ended" })),
  slaAttainment: Rate,
};

export const DashboardSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  shopId: Nullable(Type.String()),
  scope: Type.Union([Type.Literal("all"), Type.Literal("own")], {
    description:
      "all: every case (owner, customer_service leads); own: the caller's cases (a customer_service member)",
  }),
  memberId: Nullable(Type.String({ description: "Whose cases, in the own scope" })),
  totals: Type.Object(figures),
  byShop: Type.Array(Type.Object({ shopId: Type.String(), name: Type.String(), ...figures })),
  byMember: Type.Array(
    Type.Object({
      memberId: Nullable(Type.String({ description: "null: cases nobody had" })),
      name: Nullable(Type.String()),
      ...figures,
    }),
  ),
  byReason: Type.Array(
    Type.Object({
      reasonCode: Nullable(Type.String({ description: "The reason class; null: none given" })),
      ...figures,
    }),
  ),
  bySku: Type.Array(
    Type.Object({
      sku: Nullable(Type.String({ description: "The SKU of the case's first line; null: none" })),
      ...figures,
    }),
  ),
});
