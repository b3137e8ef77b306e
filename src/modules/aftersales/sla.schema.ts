// Schemas of the after-sales SLA routes (docs/AFTERSALES.md, "SLA"): the workspace's policies and
// shift hours, a case's clocks (the `sla` of a case read through the API) and SLA attainment.
import { Type } from "typebox";
import { CASE_TYPES } from "../../core/aftersales/cases.js";
import { SLA_CLOCKS, SLA_STATES } from "../../core/aftersales/sla.js";
import { PLATFORMS } from "../../core/orders/fields.js";
import { IsoDate } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      description ? { description } : {},
    ),
  );

/** At most a year of working minutes per target. */
export const SLA_TARGET_MAX_MINUTES = 525_600;
export const SLA_POLICIES_MAX = 100;

const HhMm = Type.String({
  pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$",
  description: "HH:MM on the workspace's wall clock",
});
const Target = Nullable(
  Type.Integer({
    minimum: 1,
    maximum: SLA_TARGET_MAX_MINUTES,
    description: "Working minutes; null: no clock from this policy",
  }),
);
const SlaState = literals(SLA_STATES, "on_track, at_risk, breached, paused, met, none");
const SlaClock = literals(SLA_CLOCKS, "firstResponse, decision, resolution");

const Shift = Type.Object(
  {
    start: HhMm,
    end: HhMm,
    breaks: Type.Array(Type.Object({ start: HhMm, end: HhMm }, strict), {
      maxItems: 4,
      description: "Unpaid breaks inside the shift (lunch)",
    }),
  },
  { ...strict, description: "The working hours of a working day of the workspace calendar" },
);

const PolicyFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  caseTypes: Type.Array(literals(CASE_TYPES), {
    maxItems: CASE_TYPES.length,
    uniqueItems: true,
    description: "Our case types it covers; empty: every type",
  }),
  platforms: Type.Array(literals(PLATFORMS), {
    maxItems: PLATFORMS.length,
    uniqueItems: true,
    description: "Platforms it covers; empty: every platform",
  }),
  targets: Type.Object(
    { firstResponse: Target, decision: Target, resolution: Target },
    { ...strict, description: "Targets in working minutes" },
  ),
  atRiskShare: Type.Number({
    minimum: 0.05,
    maximum: 1,
    description: "Share of the budget used from which a running clock is at risk (default 0.8)",
  }),
};

export const SlaPoliciesBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      description: "The version read (0 while the workspace runs on the defaults); stale: 409",
    }),
    shift: Shift,
    policies: Type.Array(Type.Object(PolicyFields, strict), { maxItems: SLA_POLICIES_MAX }),
  },
  strict,
);

export const SlaPoliciesSchema = Type.Object({
  version: Type.Integer({ description: "0 while the workspace runs on the defaults" }),
  isDefault: Type.Boolean({ description: "True when nothing was saved: the defaults apply" }),
  shift: Type.Object({
    start: Type.String(),
    end: Type.String(),
    breaks: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
  }),
  policies: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      caseTypes: Type.Array(Type.String()),
      platforms: Type.Array(Type.String()),
      targets: Type.Object({
        firstResponse: Nullable(Type.Integer()),
        decision: Nullable(Type.Integer()),
        resolution: Nullable(Type.Integer()),
      }),
      atRiskShare: Type.Number(),
    }),
  ),
  updatedAt: Nullable(Type.String()),
});

/** A case's clocks (the `sla` field of a case). */
export const CaseSlaSchema = Type.Object(
  {
    state: SlaState,
    policyId: Nullable(Type.String()),
    policyName: Nullable(Type.String()),
    nextClock: Nullable(SlaClock),
    nextDueAt: Nullable(Type.String()),
    clocks: Type.Array(
      Type.Object({
        clock: SlaClock,
        dueAt: Nullable(Type.String({ description: "null: no clock, or paused" })),
        source: literals(["policy", "platform", "none", "unmeasured"] as const),
        targetMinutes: Nullable(Type.Integer()),
        state: SlaState,
        minutesLeft: Nullable(
          Type.Integer({ description: "Working minutes left; negative: overdue by" }),
        ),
        stoppedAt: Nullable(Type.String()),
      }),
    ),
  },
  { description: "The SLA clocks: what is due when and each clock's state, now" },
);

export const SlaAttainmentQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    shop: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "The shop's id or name" }),
    ),
  },
  strict,
);

const Attainment = Type.Object({
  met: Type.Integer(),
  breached: Type.Integer(),
  rate: Nullable(Type.Number({ description: "met ÷ (met + breached); null when none decided" })),
});
export const SlaAttainmentSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  shopId: Nullable(Type.String()),
  cases: Type.Integer({ description: "Cases opened in the range (local days)" }),
  firstResponse: Attainment,
  decision: Attainment,
  resolution: Attainment,
  all: Attainment,
});
