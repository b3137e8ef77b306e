// Schemas of the quality-case and follow-up routes (docs/AFTERSALES.md, "Quality cases",
// "Follow-ups"). Money is integer fen; dates YYYY-MM-DD in the workspace's time zone.
import { Type, type TSchema } from "typebox";
import {
  FOLLOWUP_LIMITS,
  FOLLOWUP_OUTCOMES,
  FOLLOWUP_TRIGGERS,
} from "../../core/aftersales/followups.js";
import { CASE_PLATFORMS } from "../../core/aftersales/platform-codes.js";
import { QUALITY_LIMITS } from "../../core/aftersales/quality.js";
import { Id, Instant, IsoDate, Version } from "../shared/common.schema.js";

const SettingsVersion = Type.Integer({
  minimum: 0,
  description: "The version read (0 while none was saved); stale: 409",
});

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      description ? { description } : {},
    ),
  );
const Department = literals(["operations", "design"] as const, "The department function");

const MinCases = Type.Integer({
  minimum: QUALITY_LIMITS.minCases[0],
  maximum: QUALITY_LIMITS.minCases[1],
  description: "Quality cases of one SKU within the window that open a task",
});
const WindowDays = Type.Integer({
  minimum: QUALITY_LIMITS.windowDays[0],
  maximum: QUALITY_LIMITS.windowDays[1],
  description: "The rolling window in days, ending now",
});

export const QualityBody = Type.Object(
  { minCases: MinCases, windowDays: WindowDays, version: SettingsVersion },
  strict,
);
export const QualitySchema = Type.Object({
  minCases: Type.Integer(),
  windowDays: Type.Integer(),
  version: Type.Integer(),
  isDefault: Type.Boolean(),
  defaults: Type.Object({ minCases: Type.Integer(), windowDays: Type.Integer() }),
  tasks: Type.Array(
    Type.Object({
      id: Id,
      sku: Type.String(),
      department: Department,
      planId: Id,
      taskId: Id,
      taskName: Nullable(Type.String()),
      taskStatus: Nullable(
        Type.String({ description: "todo | in_progress | done; null: deleted" }),
      ),
      assigneeMemberId: Nullable(Id),
      caseIds: Type.Array(Id),
      caseCount: Type.Integer(),
      counts: Type.Object({ operations: Type.Integer(), design: Type.Integer() }),
      minCases: Type.Integer(),
      windowDays: Type.Integer(),
      openedAt: Instant,
    }),
  ),
});

const Trigger = literals(
  FOLLOWUP_TRIGGERS,
  "delivered: N days after the order was completed; case_resolved: after a case was resolved",
);
const Outcome = literals(FOLLOWUP_OUTCOMES, "What came of the call");
const Platform = literals(CASE_PLATFORMS);
const [minDays, maxDays] = FOLLOWUP_LIMITS.daysAfter;

export const FollowupRuleBody = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: FOLLOWUP_LIMITS.nameChars }),
    shopId: Type.Optional(Nullable(Id)),
    platform: Type.Optional(Nullable(Platform)),
    minAmountFen: Type.Optional(Type.Integer({ minimum: 0 })),
    trigger: Trigger,
    daysAfter: Type.Integer({ minimum: minDays, maximum: maxDays }),
    script: Type.String({ minLength: 1, maxLength: FOLLOWUP_LIMITS.scriptChars }),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const FollowupRulesBody = Type.Object(
  {
    version: SettingsVersion,
    rules: Type.Array(FollowupRuleBody, { maxItems: FOLLOWUP_LIMITS.rules }),
  },
  strict,
);
export const FollowupRulesSchema = Type.Object({
  version: Type.Integer(),
  rules: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      shopId: Nullable(Id),
      platform: Nullable(Type.String()),
      minAmountFen: Type.Integer(),
      trigger: Trigger,
      daysAfter: Type.Integer(),
      script: Type.String(),
      active: Type.Boolean(),
    }),
  ),
});

export const FollowupSchema = Type.Object({
  id: Id,
  ruleId: Id,
  ruleName: Type.String(),
  source: literals(["order", "case"] as const),
  shopId: Id,
  orderId: Nullable(Id),
  caseId: Nullable(Id),
  platformOrderId: Nullable(Type.String()),
  dueDate: IsoDate,
  memberId: Nullable(Id),
  script: Type.String(),
  state: literals(["open", "done"] as const),
  outcome: Nullable(Outcome),
  turnedGood: Type.Boolean(),
  complaintCaseId: Nullable(Id),
  note: Nullable(Type.String()),
  doneAt: Nullable(Instant),
  doneBy: Nullable(Id),
  version: Type.Integer(),
  estimatedMinutes: Type.Integer({
    description:
      "Minutes the call takes of the agent's day (FOLLOWUP_MINUTES; the engine reserves them)",
  }),
});
export const FollowupListQuery = Type.Object(
  {
    state: Type.Optional(literals(["open", "done"] as const)),
    assignee: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "me, none or a member's id" }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export const FollowupListSchema = Type.Object({ items: Type.Array(FollowupSchema) });
export const RecordBody = Type.Object(
  {
    outcome: Outcome,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    version: Version,
  },
  strict,
);
export const TurnedGoodQuery = Type.Object(
  { from: IsoDate, to: IsoDate, memberId: Type.Optional(Id) },
  strict,
);
export const TurnedGoodSchema = Type.Object({
  items: Type.Array(Type.Object({ memberId: Id, month: Type.String(), count: Type.Integer() })),
});
