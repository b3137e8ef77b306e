import { Type } from "typebox";
import { Id, Instant, IsoDate, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Money = Type.String({ description: 'Amount in yuan as decimal text, e.g. "1234.50"' });
const Kind = Type.Union(
  [Type.Literal("memo"), Type.Literal("salesRef"), Type.Literal("sku"), Type.Literal("shop")],
  {
    description:
      "memo: the seller's memo contains the pattern; salesRef: the salesperson field (Shopify Employee, 抖店 达人) equals it; sku: an item's SKU starts with it; shop: every order of `shopId`",
  },
);
const Pattern = Type.String({
  maxLength: 100,
  description: 'Matched on NFKC-normalised, lower-cased text; "" for kind shop',
});

export const RuleSchema = Type.Object({
  id: Id,
  kind: Kind,
  pattern: Type.String(),
  shopId: Type.Union([Id, Type.Null()]),
  memberId: Id,
  memberName: Type.String(),
  position: Type.Integer({
    description: "1 = tried first; the first rule that matches an order wins",
  }),
  version: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const RuleChangeSchema = Type.Object({
  rule: RuleSchema,
  reattributed: Type.Integer({
    description: "Orders whose owner changed (not those set by hand or in locked months)",
  }),
});
export const RuleDeletedSchema = Type.Object({ reattributed: Type.Integer() });
export const CreateRuleBody = Type.Object(
  {
    kind: Kind,
    pattern: Pattern,
    memberId: Id,
    shopId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  strict,
);
export const UpdateRuleBody = Type.Object(
  {
    version: Version,
    pattern: Type.Optional(Pattern),
    memberId: Type.Optional(Id),
    shopId: Type.Optional(Type.Union([Id, Type.Null()])),
    position: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        description: "Move the rule to this place (1 = first)",
      }),
    ),
  },
  strict,
);
export const SetOwnerBody = Type.Object(
  {
    version: Version,
    memberId: Type.Union([Id, Type.Null()], {
      description:
        "A member: set by hand (kept through re-imports and rule changes); null: back to the rules",
    }),
  },
  strict,
);

const Sales = { paidOrders: Type.Integer(), gmv: Money, netGmv: Money, items: Type.Integer() };
export const SummaryQuery = Type.Object(
  { from: IsoDate, to: IsoDate, shopId: Type.Optional(Id) },
  strict,
);
export const AttributionSummarySchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  total: Type.Object(Sales),
  unattributed: Type.Object(Sales),
  members: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      departmentId: Type.Union([Id, Type.Null()]),
      ...Sales,
    }),
  ),
  departments: Type.Array(
    Type.Object(
      { departmentId: Id, name: Type.String(), ...Sales },
      { description: "A department's members' sales, sub-departments included" },
    ),
  ),
});
