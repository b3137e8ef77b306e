import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, Page } from "../shared/common.schema.js";
import { ImportNote } from "../orders/orders.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Money = Type.String({ description: 'Amount in yuan as decimal text, e.g. "1234.50"' });
const Account = Type.String({
  minLength: 1,
  maxLength: 100,
  description:
    "The chat tool's agent account as the export writes it, e.g. 日清服饰:小美 (matched after NFKC: full-width ： is :)",
});

const MetricFields = {
  days: Type.Integer({ description: "Account-days in the period" }),
  inquirers: Type.Integer({ description: "询单人数, summed" }),
  paying: Type.Integer({ description: "Inquirers who paid (最终付款人数), summed" }),
  conversion: Nullable(
    Type.String({
      description:
        'Inquiry conversion 询单转化率 = Σ paying ÷ Σ inquirers, in percent with two decimals ("63.33"); null without inquirers',
    }),
  ),
  firstResponse: Nullable(
    Type.String({
      description:
        "First response time in seconds, one decimal: the days' times weighted by their inquirers; null without such days",
    }),
  ),
  averageResponse: Nullable(
    Type.String({ description: "Average response time in seconds, weighted like firstResponse" }),
  ),
  consultations: Type.Integer({ description: "咨询人数, summed (days without it count 0)" }),
  received: Type.Integer({ description: "接待人数, summed" }),
  sales: Money,
};
export const MetricsSchema = Type.Object(MetricFields);

export const ImportQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200 }) },
  strict,
);
export const CsImportSchema = Type.Object({
  id: Id,
  fileName: Type.String(),
  encoding: Type.String(),
  days: Type.Integer({ description: "Account-day rows written" }),
  replaced: Type.Integer({
    description: "Of which replaced rows of an earlier import (same date and account)",
  }),
  created: Type.Integer(),
  accounts: Type.Integer(),
  from: IsoDate,
  to: IsoDate,
  warnings: Type.Array(ImportNote),
  createdBy: Nullable(Id),
  createdAt: Instant,
});
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);

export const DaysQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    memberId: Type.Optional(Id),
    account: Type.Optional(Account),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: "nextCursor of the previous page" }),
    ),
  },
  strict,
);
export const DaySchema = Type.Object({
  date: IsoDate,
  account: Type.String(),
  memberId: Id,
  memberName: Type.String(),
  inquirers: Type.Integer(),
  paying: Type.Integer(),
  conversion: Nullable(Type.String()),
  firstResponse: Nullable(Type.String()),
  averageResponse: Nullable(Type.String()),
  consultations: Nullable(Type.Integer()),
  received: Nullable(Type.Integer()),
  sales: Nullable(Money),
  importId: Id,
});

export const SummaryQuery = Type.Object({ from: IsoDate, to: IsoDate }, strict);
export const SummarySchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  total: MetricsSchema,
  members: Type.Array(
    Type.Object(
      {
        memberId: Id,
        name: Type.String(),
        departmentId: Nullable(Id),
        accounts: Type.Array(Type.String()),
        ...MetricFields,
      },
      { description: "Members with CS data in the period" },
    ),
  ),
  departments: Type.Array(
    Type.Object(
      { departmentId: Id, name: Type.String(), ...MetricFields },
      {
        description:
          "Departments whose members (sub-departments included) have CS data in the period",
      },
    ),
  ),
});

export const AccountSchema = Type.Object({
  account: Type.String(),
  memberId: Nullable(Id),
  memberName: Nullable(Type.String()),
  days: Type.Integer({ description: "Days of data under this account" }),
  firstDate: Nullable(IsoDate),
  lastDate: Nullable(IsoDate),
});
export const AccountPage = Page(AccountSchema);
export const PutAccountsBody = Type.Object(
  {
    accounts: Type.Array(Type.Object({ account: Account, memberId: Nullable(Id) }, strict), {
      minItems: 1,
      maxItems: 200,
      description: "memberId null removes the link (days already imported keep their member)",
    }),
  },
  strict,
);
export const PutAccountsResponse = Type.Object({
  items: Type.Array(AccountSchema),
  nextCursor: Type.Null(),
  movedDays: Type.Integer({
    description: "Days given to the newly linked member (those after the last locked pay run)",
  }),
});
