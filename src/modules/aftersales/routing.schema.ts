// Schemas of the routing routes (docs/AFTERSALES.md, "Routing"): the workspace's rules, the queue per
// person, assigning a case. Money is integer fen; minutes are whole minutes.
import { Type, type TSchema } from "typebox";
import { CASE_MINUTES_MAX } from "../../core/aftersales/case-load.js";
import { CASE_TYPES } from "../../core/aftersales/cases.js";
import { CASE_PLATFORMS } from "../../core/aftersales/platform-codes.js";
import { ROUTING_STRATEGIES } from "../../core/aftersales/routing.js";
import { LIMITS } from "../../core/limits.js";
import { Id, IsoDate, MessageSchema, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends string>(xs: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      xs.map((x) => Type.Literal(x)),
      description ? { description } : {},
    ),
  );

/** At most this many members or buyers in one list of the rules. */
const LIST_MAX = 500;
const Strategy = literals(ROUTING_STRATEGIES, "How a case is picked among those who can take it");
const Members = Type.Array(Id, { maxItems: LIST_MAX, uniqueItems: true });
const Platform = literals(CASE_PLATFORMS, "A platform's queue");
const perType = <T extends TSchema>(t: T) =>
  Type.Object(Object.fromEntries(CASE_TYPES.map((k) => [k, Type.Optional(t)])), strict);
const Minutes = Type.Integer({ minimum: 1, maximum: CASE_MINUTES_MAX });
const SkillNames = Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.nameMax }), {
  maxItems: 20,
  uniqueItems: true,
});
const Queues = Type.Record(
  Type.String({ minLength: 1, maxLength: 64 }),
  Type.Array(Platform, { maxItems: CASE_PLATFORMS.length, uniqueItems: true }),
  {
    maxProperties: LIST_MAX,
    description: "memberId → the platforms they serve (a member not listed serves every one)",
  },
);

const ruleFields = {
  strategy: Strategy,
  vipMembers: Members,
  vipCustomers: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    maxItems: LIST_MAX,
    uniqueItems: true,
    description: "Buyers (customer keys) whose cases are VIP cases",
  }),
  highAmountFen: Nullable(
    Type.Integer({
      minimum: 1,
      maximum: 100_000_000_000,
      description: "Cases asking for at least this (fen) go to highAmountMembers; null: none",
    }),
  ),
  highAmountMembers: Members,
  overrideFallback: Type.Boolean({
    description: "Route a VIP or high-amount case as any other when no named member can take it",
  }),
  queues: Queues,
  skillsByType: perType(SkillNames),
  minutesByType: perType(Minutes),
};

export const RoutingRulesBody = Type.Object(
  {
    strategy: Strategy,
    vipMembers: Type.Optional(ruleFields.vipMembers),
    vipCustomers: Type.Optional(ruleFields.vipCustomers),
    highAmountFen: Type.Optional(ruleFields.highAmountFen),
    highAmountMembers: Type.Optional(ruleFields.highAmountMembers),
    overrideFallback: Type.Optional(ruleFields.overrideFallback),
    queues: Type.Optional(Queues),
    skillsByType: Type.Optional(ruleFields.skillsByType),
    minutesByType: Type.Optional(ruleFields.minutesByType),
    version: Type.Integer({ minimum: 0, description: "The rules' version (0: none saved yet)" }),
  },
  strict,
);

export const RoutingRulesSchema = Type.Object({
  ...ruleFields,
  queues: Type.Record(Type.String(), Type.Array(Type.String())),
  defaultMinutes: perType(Minutes),
  version: Type.Integer({ minimum: 0 }),
});

export const RoutingQueueSchema = Type.Object({
  date: IsoDate,
  members: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      customerService: Type.Boolean({
        description: "Of a customer_service department (false: someone else who still has cases)",
      }),
      working: Type.Boolean(),
      freeMinutes: Type.Integer({ description: "Minutes free today after duties" }),
      count: Type.Integer({ description: "Open cases" }),
      estimatedMinutes: Type.Integer({ description: "Their estimated minutes" }),
      followups: Type.Object(
        {
          count: Type.Integer({ description: "Open 好评回访 follow-ups due by today" }),
          estimatedMinutes: Type.Integer({ description: "Their minutes (FOLLOWUP_MINUTES each)" }),
        },
        { description: "The follow-up calls on their Today, beside the cases" },
      ),
    }),
  ),
  unassigned: Type.Object({
    count: Type.Integer(),
    estimatedMinutes: Type.Integer(),
    reasons: Type.Array(
      Type.Object({ reason: Type.String(), count: Type.Integer(), message: MessageSchema }),
    ),
  }),
  caseTypes: Type.Array(Type.Object({ type: Type.String(), minutes: Type.Integer() })),
});

export const AssignBody = Type.Object({ memberId: Id, version: Version }, strict);
