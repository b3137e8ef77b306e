import { Type, type Static } from "typebox";
import { LIMITS } from "../../core/limits.js";
import {
  HoursPerDay,
  Id,
  Instant,
  IsoDate,
  LocaleSchema,
  Version,
  Workweek,
  Year,
} from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "IANA time zone, e.g. Asia/Shanghai",
});
export const Currency = Type.String({
  pattern: "^[A-Z]{3}$",
  description: "ISO 4217 code, e.g. CNY",
});

export const WorkspaceSchema = Type.Object({
  id: Id,
  name: Type.String(),
  timeZone: Type.String(),
  currency: Type.String(),
  locale: LocaleSchema,
  workweek: Workweek,
  hoursPerDay: Type.Number(),
  orgTemplate: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Instant,
});
export type WorkspaceDto = Static<typeof WorkspaceSchema>;

export const UpdateWorkspaceBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.workspaceNameMax })),
    timeZone: Type.Optional(TimeZone),
    currency: Type.Optional(Currency),
    locale: Type.Optional(LocaleSchema),
    workweek: Type.Optional(Workweek),
    hoursPerDay: Type.Optional(HoursPerDay),
  },
  strict,
);
export type UpdateWorkspaceInput = Static<typeof UpdateWorkspaceBody>;

export const CalendarDaySchema = Type.Object({
  date: IsoDate,
  kind: Type.Union([Type.Literal("holiday"), Type.Literal("workday")]),
  name: Type.String(),
});
export const CalendarQuery = Type.Object({ year: Type.Optional(Year) }, strict);
export const CalendarResponse = Type.Object({
  officialYears: Type.Array(Type.Integer(), {
    description: "Years for which official holiday data ships with Dayclear",
  }),
  days: Type.Array(CalendarDaySchema),
});
export const DateParams = Type.Object({ date: IsoDate }, strict);
export const PutCalendarDayBody = Type.Object(
  {
    kind: Type.Union([Type.Literal("holiday"), Type.Literal("workday")]),
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
  },
  strict,
);
export const ResetCalendarBody = Type.Object(
  { years: Type.Array(Year, { minItems: 1, maxItems: 10 }) },
  strict,
);
export const ApplyTemplateBody = Type.Object(
  {
    template: Type.Union([Type.Literal("ecommerce"), Type.Literal("brand"), Type.Literal("empty")]),
    locale: Type.Optional(LocaleSchema),
  },
  strict,
);
export const OrgTemplateSchema = Type.Object({
  id: ApplyTemplateBody.properties.template,
  name: Type.String(),
  departments: Type.Array(
    Type.Object({
      name: Type.String(),
      skills: Type.Array(Type.String()),
      children: Type.Array(Type.String()),
    }),
  ),
});
