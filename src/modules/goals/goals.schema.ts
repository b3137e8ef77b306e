import { Type, type Static, type TSchema } from "typebox";
import { GOAL_UNITS } from "../../core/goals/units.js";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const KPI_METRICS = [
  "gmv",
  "netGmv",
  "paidOrders",
  "aov",
  "conversion",
  "refundRate",
  "repurchaseRate",
  "attributedSales",
  "shipOnTimeRate",
  "inquiryConversion",
  "firstResponse",
  "averageResponse",
  "parcelsPacked",
  "wrongShipments",
  "returnRate",
  "avgHandlingMinutes",
  "slaAttainment",
  "savedReturns",
  "reviewsTurnedGood",
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

const Decimal = Type.String({
  pattern: "^-?\\d{1,12}(\\.\\d{1,4})?$",
  description:
    'A number as decimal text: money in yuan ("50000.00"), counts, or percentages for rates ("3.5" = 3.5 %)',
});
const Better = Type.Union([Type.Literal("higher"), Type.Literal("lower")]);

/** A unit the reader's language names (core/goals/units.ts): "unit.yuan" reads "元" / "¥". */
const UnitCode = Type.Enum(GOAL_UNITS);
/** What a goal is counted in, as the server answers it. */
const GoalUnit = Type.Union([UnitCode, Type.String({ maxLength: 20 })], {
  description: `A unit code (${GOAL_UNITS.join(", ")}), rendered in the reader's language by the message catalog ("元" / "¥"; a value with its unit: the message <code>.value); else a unit a person typed that no code stands for ("张"), shown as written; "" for none`,
});
export const MetricSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal("manual"), better: Type.Optional(Better) }, strict),
    Type.Object(
      {
        kind: Type.Literal("kpi"),
        kpi: Type.Union(
          [
            Type.Literal("gmv"),
            Type.Literal("netGmv"),
            Type.Literal("paidOrders"),
            Type.Literal("aov"),
            Type.Literal("conversion"),
            Type.Literal("refundRate"),
            Type.Literal("repurchaseRate"),
            Type.Literal("attributedSales"),
            Type.Literal("shipOnTimeRate"),
            Type.Literal("inquiryConversion"),
            Type.Literal("firstResponse"),
            Type.Literal("averageResponse"),
            Type.Literal("parcelsPacked"),
            Type.Literal("wrongShipments"),
            Type.Literal("returnRate"),
            Type.Literal("avgHandlingMinutes"),
            Type.Literal("slaAttainment"),
            Type.Literal("savedReturns"),
            Type.Literal("reviewsTurnedGood"),
          ],
          {
            description:
              "The shop KPI the actual comes from over the cycle's dates (to date); attributedSales: the sales attributed to the goal's member, or to the members of the goal's department (sub-departments included); shipOnTimeRate: paid orders shipped by their ship-by time, %; inquiryConversion (%), firstResponse and averageResponse (seconds, lower is better): the customer-service data of the goal's member, or of the members of its department (sub-departments included); parcelsPacked and wrongShipments (lower is better): the parcels the goal's member (the members of its department) packed and the wrong parcels the pack station stopped, read when the workspace recorded packing in the cycle; returnRate (%, lower is better), avgHandlingMinutes (lower is better), slaAttainment (%), savedReturns and reviewsTurnedGood: the after-sales cases of the goal's member (assignee), of its department's members, or of every case and the paid orders for a goal of neither (docs/AFTERSALES.md, \"KPIs\"), read when the workspace had cases in the cycle",
          },
        ),
        shopIds: Type.Optional(
          Type.Array(Id, {
            maxItems: 50,
            uniqueItems: true,
            description: "Only these shops; empty or absent = every shop",
          }),
        ),
      },
      strict,
    ),
  ],
  { description: "manual (actual entered in the self-assessment) or bound to a KPI" },
);
export type MetricDto = Static<typeof MetricSchema>;

const CycleKind = Type.Union([
  Type.Literal("month"),
  Type.Literal("quarter"),
  Type.Literal("custom"),
]);
const CycleStatus = Type.Union([Type.Literal("open"), Type.Literal("closed")]);
const CycleFields = {
  id: Id,
  name: Type.String(),
  kind: CycleKind,
  from: IsoDate,
  to: IsoDate,
  status: CycleStatus,
  phase: Type.Union([Type.Literal("upcoming"), Type.Literal("running"), Type.Literal("ended")]),
  version: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const CycleSchema = Type.Object(CycleFields);
const PersonProgress = Type.Object({
  memberId: Id,
  name: Type.String(),
  departmentId: Nullable(Id),
  goals: Type.Integer(),
  agreed: Type.Integer(),
  weightTotal: Type.Integer(),
  assessment: Type.String(),
  finalScore: Nullable(Type.Number()),
  achievement: Nullable(
    Type.Number({ description: "Weighted achievement of the goals with an actual, as a fraction" }),
  ),
});
export const CycleDetailSchema = Type.Object({
  ...CycleFields,
  people: Type.Array(PersonProgress),
});
export const CreateCycleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMax }),
    kind: CycleKind,
    from: IsoDate,
    to: IsoDate,
  },
  strict,
);
export const UpdateCycleBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.nameMax })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    status: Type.Optional(CycleStatus),
  },
  strict,
);

const GoalStatus = Type.Union([
  Type.Literal("draft"),
  Type.Literal("proposed"),
  Type.Literal("agreed"),
  Type.Literal("returned"),
]);
const AgreementSchema = Type.Object({
  agreementNo: Type.Integer(),
  snapshot: Type.Unknown(),
  agreedBy: Nullable(Id),
  agreedAt: Instant,
});
const GoalFields = {
  id: Id,
  cycleId: Id,
  memberId: Nullable(Id),
  departmentId: Nullable(Id),
  title: Type.String(),
  weight: Type.Integer(),
  target: Type.String(),
  unit: GoalUnit,
  metric: MetricSchema,
  better: Better,
  status: GoalStatus,
  statusComment: Nullable(Type.String()),
  agreementNo: Type.Integer(),
  proposedBy: Nullable(Id),
  actual: Nullable(
    Type.String({
      description:
        "Live from the KPI for bound goals (to date), entered for manual ones; fixed when the cycle's result is final",
    }),
  ),
  actualSource: Type.Union([
    Type.Literal("kpi"),
    Type.Literal("entered"),
    Type.Literal("final"),
    Type.Literal("none"),
  ]),
  achievement: Nullable(
    Type.Number({ description: "actual ÷ target (target ÷ actual when lower is better)" }),
  ),
  selfScore: Nullable(Type.Number()),
  selfComment: Nullable(Type.String()),
  leadScore: Nullable(Type.Number()),
  leadComment: Nullable(Type.String()),
  createdBy: Nullable(Id),
  version: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const GoalSchema = Type.Object(GoalFields);
export const GoalDetailSchema = Type.Object({
  ...GoalFields,
  agreements: Type.Array(AgreementSchema),
});
export const GoalListQuery = Type.Object(
  { cycleId: Id, memberId: Type.Optional(Id), departmentId: Type.Optional(Id) },
  strict,
);
const Title = Type.String({ minLength: 1, maxLength: LIMITS.titleMax });
const Weight = Type.Integer({
  minimum: 1,
  maximum: 100,
  description: "A member's weights in a cycle add up to 100",
});
/**
 * A unit as sent: a code, or written out — a code's sign or word in either language ("元", "¥",
 * "%", "秒", "orders" …) is stored as the code, anything else as typed. Text that looks like a code
 * but is none ("unit.kg") is refused, so no reader is shown a raw code.
 */
const Unit = Type.Union([UnitCode, Type.String({ maxLength: 20, pattern: "^(?!unit\\.)" })], {
  description: `A unit code (${GOAL_UNITS.join(", ")}), or the unit written out: a code's sign or word in either language ("元", "%", "秒", "orders") is stored as its code, other text ("张") as typed, "" for none; a text starting "unit." that is no code is refused`,
});
export const CreateGoalBody = Type.Object(
  {
    cycleId: Id,
    memberId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    title: Title,
    weight: Weight,
    target: Decimal,
    unit: Type.Optional(Unit),
    metric: MetricSchema,
  },
  strict,
);
export const UpdateGoalBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    weight: Type.Optional(Weight),
    target: Type.Optional(Decimal),
    unit: Type.Optional(Unit),
    metric: Type.Optional(MetricSchema),
  },
  strict,
);
export const VersionBody = Type.Object({ version: Version }, strict);
export const FinalizeBody = Type.Object(
  {
    version: Version,
    early: Type.Optional(
      Type.Boolean({
        description:
          "Confirms finalising before the cycle has ended (refused with goal.finalize_early otherwise)",
      }),
    ),
  },
  strict,
);
export const CommentBody = Type.Object(
  { version: Version, comment: Type.String({ minLength: 1, maxLength: LIMITS.noteMax }) },
  strict,
);
export const ReopenBody = Type.Object(
  { version: Version, comment: Type.Optional(Type.String({ maxLength: LIMITS.noteMax })) },
  strict,
);

const Score = Type.Number({
  minimum: 0,
  maximum: 100,
  multipleOf: 0.01,
  description: "Points 0–100, two decimals at most",
});
export const AssessmentParams = Type.Object({ id: Id, memberId: Id }, strict);
export const AssessmentSchema = Type.Object({
  cycleId: Id,
  memberId: Id,
  memberName: Type.String(),
  status: Type.Union([
    Type.Literal("open"),
    Type.Literal("draft"),
    Type.Literal("submitted"),
    Type.Literal("reviewed"),
    Type.Literal("final"),
  ]),
  report: Nullable(Type.String()),
  submittedAt: Nullable(Instant),
  reviewComment: Nullable(Type.String()),
  reviewedBy: Nullable(Id),
  reviewedAt: Nullable(Instant),
  finalScore: Nullable(
    Type.Number({
      description: "Σ weight × lead score ÷ 100, points with two decimals; what pay runs read",
    }),
  ),
  version: Type.Integer({ description: "0 until the first save" }),
  canSelfAssess: Type.Boolean(),
  canReview: Type.Boolean(),
  goals: Type.Array(GoalSchema),
});
export const SelfAssessmentBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      description: "The version you read (0 for the first save)",
    }),
    report: Type.String({ maxLength: 20000 }),
    goals: Type.Array(
      Type.Object(
        {
          goalId: Id,
          selfScore: Type.Optional(Nullable(Score)),
          actual: Type.Optional(Nullable(Decimal)),
          comment: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax }))),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
    submit: Type.Optional(
      Type.Boolean({
        description:
          "true hands the self-assessment to the lead: the report and a self score per goal are then required",
      }),
    ),
  },
  strict,
);
export const ReviewBody = Type.Object(
  {
    version: Version,
    comment: Type.String({ maxLength: 20000 }),
    goals: Type.Array(
      Type.Object(
        {
          goalId: Id,
          score: Type.Optional(Nullable(Score)),
          comment: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.noteMax }))),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
  },
  strict,
);
export const RemindSchema = Type.Object({ notified: Type.Integer() });

const EvalGoal = Type.Object({
  id: Id,
  title: Type.String(),
  metric: MetricSchema,
  unit: GoalUnit,
  weight: Type.Integer(),
  target: Type.String(),
  actual: Nullable(Type.String()),
  achievement: Nullable(Type.Number()),
  leadScore: Nullable(Type.Number()),
});
export const EvaluationSchema = Type.Object({
  member: Type.Object({ id: Id, name: Type.String(), departmentId: Nullable(Id) }),
  cycles: Type.Array(
    Type.Object({
      cycleId: Id,
      name: Type.String(),
      from: IsoDate,
      to: IsoDate,
      finalScore: Nullable(Type.Number()),
      achievement: Nullable(Type.Number()),
      goals: Type.Array(EvalGoal),
    }),
  ),
  kpiSeries: Type.Array(
    Type.Object({
      // The same document as a union of literals; Unsafe gives it the KpiMetric type (a union
      // built from a mapped array types as never).
      kpi: Type.Unsafe<KpiMetric>(Type.Union(KPI_METRICS.map((k) => Type.Literal(k)))),
      points: Type.Array(
        Type.Object({
          cycleId: Id,
          cycleName: Type.String(),
          to: IsoDate,
          target: Type.String(),
          actual: Nullable(Type.String()),
          achievement: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
  trend: Type.Object({
    direction: Nullable(
      Type.Union([Type.Literal("up"), Type.Literal("down"), Type.Literal("flat")]),
    ),
    lastScore: Nullable(Type.Number()),
    previousScore: Nullable(Type.Number()),
  }),
});
