import { Type, type Static } from "typebox";
import { PAY_PLAN_FORMAT, type PayPlanDefinition } from "../../core/pay/plan.js";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, IsoMonth, MessageSchema, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Money = Type.String({
  maxLength: 24,
  description: 'Money in yuan as decimal text, e.g. "1234.50"',
});

/**
 * The pay plan file (docs/PAY.md). The top level is checked here; every nested rule is checked by
 * the pay core, which names each bad field (e.g. definition.commissions.0.tiers.bands.1.from).
 */
export const PlanDefinition = Type.Unsafe<PayPlanDefinition>(
  Type.Object(
    {
      format: Type.Literal(PAY_PLAN_FORMAT),
      name: Type.String({ minLength: 1, maxLength: 100 }),
      description: Type.Optional(Type.String({ maxLength: 2000 })),
      baseSalary: Money,
      commissions: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 50 }),
      bonuses: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 50 }),
      events: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 50 }),
      pools: Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 50 }),
    },
    { description: `A pay plan definition, format "${PAY_PLAN_FORMAT}"` },
  ),
);

const VersionSchema = Type.Object({
  id: Id,
  number: Type.Integer(),
  effectiveFrom: IsoDate,
  definition: Type.Unknown(),
  createdAt: Instant,
});
const TargetType = Type.Union(
  [Type.Literal("department"), Type.Literal("member"), Type.Literal("role")],
  { description: "member beats role beats department; a role's targetId is owner, lead or member" },
);
const AssignmentSchema = Type.Object({
  id: Id,
  targetType: TargetType,
  targetId: Id,
  effectiveFrom: IsoDate,
});
export const PayPlanSchema = Type.Object({
  id: Id,
  name: Type.String(),
  version: Type.Integer(),
  versions: Type.Array(VersionSchema),
  assignments: Type.Array(AssignmentSchema),
  createdAt: Instant,
  updatedAt: Instant,
});
export const TemplateSchema = Type.Object({
  id: Type.String(),
  department: MessageSchema,
  name: MessageSchema,
  plan: Type.Unknown({
    description:
      "The plan a new plan from the template starts from, its name in the language asked for",
  }),
});

export const CreatePlanBody = Type.Object(
  {
    effectiveFrom: IsoDate,
    templateId: Type.Optional(Type.String({ maxLength: 40 })),
    definition: Type.Optional(PlanDefinition),
  },
  strict,
);
export const AddVersionBody = Type.Object(
  { version: Version, effectiveFrom: IsoDate, definition: PlanDefinition },
  strict,
);
export const AssignBody = Type.Object(
  { targetType: TargetType, targetId: Id, effectiveFrom: IsoDate },
  strict,
);
export const ExportQuery = Type.Object({ on: Type.Optional(IsoDate) }, strict);

const LineInputSchema = Type.Object({
  key: Type.String({
    description: "What the number is: base, rate, count … or a scorecard metric's code",
  }),
  label: MessageSchema,
  value: MessageSchema,
});
const LineSchema = Type.Object({
  kind: Type.String(),
  code: Type.String(),
  /** The line's name: the rule's label as the plan wrote it (pay.text) or a catalog code. */
  label: MessageSchema,
  amount: Money,
  /** How the amount was computed, numbers as parameters (statements stored before codes: legacy.text). */
  formula: MessageSchema,
  inputs: Type.Array(LineInputSchema),
  sources: Type.Array(MessageSchema, { description: "Where each number comes from" }),
  missing: Type.Optional(
    Type.Boolean({
      description:
        "An input the line needs and nobody entered: the run cannot be locked until it is",
    }),
  ),
});
const MissingInputSchema = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  key: Type.String({ description: "The input key, e.g. event.no-late-handover" }),
  label: MessageSchema,
});
export const StatementSchema = Type.Object({
  memberId: Id,
  memberName: Type.String(),
  departmentId: Type.Union([Id, Type.Null()]),
  planVersionId: Type.Union([Id, Type.Null()]),
  total: Money,
  lines: Type.Array(LineSchema),
});
const InputSchema = Type.Object(
  {
    memberId: Type.Union([Id, Type.Null()]),
    key: Type.String({ minLength: 1, maxLength: 120 }),
    value: Type.String({ maxLength: 40 }),
  },
  strict,
);
export type InputDto = Static<typeof InputSchema>;
const RunFields = {
  id: Id,
  period: Type.String(),
  from: IsoDate,
  to: IsoDate,
  status: Type.Union([Type.Literal("draft"), Type.Literal("locked")]),
  total: Type.Union([Money, Type.Null()]),
  computedAt: Instant,
  lockedAt: Type.Union([Instant, Type.Null()]),
  version: Type.Integer(),
};
export const RunSummarySchema = Type.Object(RunFields);
export const RunSchema = Type.Object({
  ...RunFields,
  inputs: Type.Array(InputSchema),
  statements: Type.Array(StatementSchema),
  missing: Type.Array(MissingInputSchema, {
    description:
      "Inputs still missing (a draft's): locking is refused (409 pay.inputs_missing) until they are entered",
  }),
});
export const ComputeRunBody = Type.Object(
  {
    period: IsoMonth,
    inputs: Type.Optional(Type.Array(InputSchema, { maxItems: 5000 })),
    version: Type.Optional(Version),
  },
  strict,
);
export const LockBody = Type.Object({ version: Version }, strict);
export const RunPageQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);
export const StatementParams = Type.Object({ id: Id, memberId: Id }, strict);
export const StatementResponse = Type.Object({
  run: Type.Object({ id: Id, period: Type.String(), status: Type.String() }),
  statement: StatementSchema,
});
export const RunExportQuery = Type.Object(
  { format: Type.Union([Type.Literal("csv"), Type.Literal("xlsx")]) },
  strict,
);
export const AdjustmentBody = Type.Object(
  { memberId: Id, amount: Money, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  strict,
);
export const AdjustmentSchema = Type.Object({
  id: Id,
  memberId: Id,
  amount: Money,
  reason: Type.String(),
  runId: Type.Union([Id, Type.Null()]),
  createdAt: Instant,
});
export const AdjustmentListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal("open"), Type.Literal("settled"), Type.Literal("all")], {
        default: "all",
        description: "open: not yet paid by a locked run; settled: paid by one; all (default)",
      }),
    ),
    memberId: Type.Optional(Id),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 64, description: "nextCursor of the previous page" }),
    ),
  },
  strict,
);
export const AdjustmentListItem = Type.Object({
  id: Id,
  memberId: Id,
  memberName: Type.String(),
  amount: Money,
  reason: Type.String(),
  status: Type.Union([Type.Literal("open"), Type.Literal("settled")]),
  runId: Type.Union([Id, Type.Null()], { description: "The run that paid it; null while open" }),
  runPeriod: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Id, Type.Null()]),
  createdAt: Instant,
});
export const ProjectionParams = Type.Object({ memberId: Id }, strict);
export const ProjectionQuery = Type.Object(
  {
    shopGmv: Type.Optional(
      Type.String({ maxLength: 24, description: '"If the shop reaches ¥X": a GMV in yuan' }),
    ),
  },
  strict,
);
export const ProjectionSchema = Type.Object({
  period: Type.String(),
  from: IsoDate,
  to: IsoDate,
  monthToDate: StatementSchema,
  atShopGmv: Type.Union([
    Type.Object({ shopGmv: Money, statement: Type.Union([StatementSchema, Type.Null()]) }),
    Type.Null(),
  ]),
});
