// Progress control over HTTP: the earned value of a plan and its history (docs/ENGINE.md,
// "Progress control: earned value"). Undefined ratios are null; the web shows them as "—".
import { Type, type Static } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Id, IsoDate, MessageSchema } from "../shared/common.schema.js";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Ratio = Nullable(Type.Number({ description: "Undefined (a zero denominator): null" }));
const Hours = Type.Number({ description: "Hours" });
const Light = Nullable(
  Type.Union([Type.Literal("green"), Type.Literal("amber"), Type.Literal("red")], {
    description: "green ≥ 1.0, amber ≥ 0.9, red below; null when the ratio is undefined",
  }),
);

export const EvmSchema = Type.Object({
  bac: Hours,
  pv: Hours,
  ev: Hours,
  ac: Hours,
  sv: Type.Number({ description: "EV − PV (negative: behind)" }),
  cv: Type.Number({ description: "EV − AC (negative: over cost)" }),
  spi: Ratio,
  cpi: Ratio,
  csi: Ratio,
  eac: Nullable(Hours),
  eacCombined: Nullable(Hours),
  etc: Nullable(Hours),
  vac: Nullable(Hours),
  tcpi: Ratio,
  es: Type.Number({ description: "Earned schedule, working days" }),
  at: Type.Number({ description: "Actual time, working days" }),
  spiT: Ratio,
  plannedDays: Type.Number(),
  forecastDays: Ratio,
  forecastFinish: Nullable(IsoDate),
  baselineStart: Nullable(IsoDate),
  baselineFinish: Nullable(IsoDate),
  lights: Type.Object({ spi: Light, cpi: Light }),
});

const Cause = Type.Object({
  taskId: Type.String(),
  kind: Type.Union([
    Type.Literal("started_late"),
    Type.Literal("dependency_added"),
    Type.Literal("absent"),
    Type.Literal("effort_grew"),
    Type.Literal("slower"),
    Type.Literal("task_added"),
  ]),
  days: Type.Number({ description: "Working days of effect on the finish" }),
  message: MessageSchema,
});

export const ProgressSchema = Type.Object({
  planId: Type.String(),
  statusDate: IsoDate,
  today: IsoDate,
  baselineAt: Nullable(
    Type.String({ description: "When the baseline measured against was frozen" }),
  ),
  deadline: Nullable(IsoDate),
  forecasts: Type.Object({
    earnedSchedule: Nullable(IsoDate),
    engine: Nullable(IsoDate),
    baselineFinish: Nullable(IsoDate),
    deadline: Nullable(IsoDate),
  }),
  plan: EvmSchema,
  people: Type.Array(
    Type.Object({
      memberId: Nullable(Type.String({ description: "null: baseline work planned for nobody" })),
      name: Nullable(Type.String()),
      departmentId: Nullable(Type.String()),
      evm: EvmSchema,
    }),
  ),
  departments: Type.Array(
    Type.Object({ departmentId: Type.String(), name: Nullable(Type.String()), evm: EvmSchema }),
  ),
  outsideBaseline: Type.Object(
    { tasks: Type.Integer(), effortHours: Hours, ev: Hours, ac: Hours },
    {
      description:
        "Tasks added after the baseline: counted apart (not in BAC, PV, EV or AC) until re-baselined",
    },
  ),
  removedSinceBaseline: Type.Object(
    { tasks: Type.Integer(), effortHours: Hours },
    { description: "Baseline tasks deleted since: still in BAC (never earned) until re-baselined" },
  ),
  slip: Type.Object({
    slipped: Type.Boolean(),
    slipDays: Type.Number(),
    lateDays: Type.Number(),
    baselineFinish: Nullable(IsoDate),
    forecastFinish: Nullable(IsoDate),
    deadline: Nullable(IsoDate),
    summary: Type.Array(MessageSchema),
    chain: Type.Array(Type.Object({ taskId: Type.String(), name: Nullable(Type.String()) })),
    causes: Type.Array(Cause),
  }),
});

const Quad = Type.Array(Type.Number(), { description: "[BAC, PV, EV, AC]" });

export const SnapshotSchema = Type.Object({
  date: IsoDate,
  source: Type.Union([Type.Literal("daily"), Type.Literal("reconstructed")]),
  baselineAt: Type.String(),
  bac: Hours,
  pv: Hours,
  ev: Hours,
  ac: Hours,
  spi: Ratio,
  cpi: Ratio,
  es: Type.Number(),
  at: Type.Number(),
  spiT: Ratio,
  esFinish: Nullable(IsoDate),
  engineFinish: Nullable(IsoDate),
  baselineFinish: Nullable(IsoDate),
  deadline: Nullable(IsoDate),
  outsideTasks: Type.Integer(),
  breakdown: Type.Object({
    people: Type.Record(Type.String(), Quad),
    departments: Type.Record(Type.String(), Quad),
  }),
});

export const HistorySchema = Type.Object({
  planId: Type.String(),
  baselineAt: Nullable(Type.String()),
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  bac: Hours,
  planned: Type.Array(Type.Object({ date: IsoDate, pv: Hours })),
  items: Type.Array(SnapshotSchema),
  live: Nullable(
    Type.Object({ date: IsoDate, pv: Hours, ev: Hours, ac: Hours, spi: Ratio, cpi: Ratio }),
  ),
});

export const ProgressQuery = Type.Object(
  { date: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const HistoryQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type ProgressDto = Static<typeof ProgressSchema>;

// Corrective actions as what-ifs (modules/progress/what-if.service.ts).
const ChangeSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal("assign"), taskId: Id, memberId: Id },
    { additionalProperties: false, description: "The task goes to this member" },
  ),
  Type.Object(
    {
      kind: Type.Literal("overlap"),
      taskId: Id,
      predecessorId: Id,
      lagDays: Type.Integer({ minimum: 0, maximum: 365 }),
    },
    {
      additionalProperties: false,
      description: "The finish-to-start link becomes start-to-start with this lag (workdays)",
    },
  ),
  Type.Object(
    {
      kind: Type.Literal("overtime"),
      memberId: Id,
      dates: Type.Array(IsoDate, { minItems: 1, maxItems: 31 }),
      hoursPerDay: Type.Number({ exclusiveMinimum: 0, maximum: 8 }),
    },
    {
      additionalProperties: false,
      description: "Extra hours for the member on these dates, stored as overtime capacity",
    },
  ),
  Type.Object(
    { kind: Type.Literal("defer"), taskId: Id },
    {
      additionalProperties: false,
      description: "The optional task is deferred: cut from the plan's schedule until brought back",
    },
  ),
]);

const ScoreSchema = Type.Object({
  finish: Nullable(IsoDate),
  daysGained: Type.Number({ description: "Workdays earlier than without it (negative: later)" }),
  meetsDeadline: Type.Boolean(),
  hoursMoved: Hours,
  overtimeHours: Hours,
  hoursCut: Hours,
  affectedMembers: Type.Array(
    Type.Object({ memberId: Type.String(), name: Nullable(Type.String()) }),
  ),
  slipsElsewhere: Type.Array(
    Type.Object({
      planId: Type.String(),
      name: Nullable(Type.String()),
      from: IsoDate,
      to: IsoDate,
      days: Type.Number(),
    }),
  ),
});

const SpanSchema = Type.Object({
  start: IsoDate,
  finish: IsoDate,
  assignees: Type.Array(Type.Object({ memberId: Type.String(), name: Nullable(Type.String()) }), {
    description: "Who works on it, most hours first",
  }),
});

const DiffSchema = Type.Object(
  {
    moves: Type.Array(
      Type.Object(
        {
          taskId: Type.String(),
          name: Type.String(),
          before: Nullable(SpanSchema),
          after: Nullable(SpanSchema),
        },
        {
          description: "before null: not placed before; after null: deferred (out of the schedule)",
        },
      ),
      {
        maxItems: LIMITS.whatIfMovesMax,
        description: "The plan's tasks that move or change hands, the most telling first; by start",
      },
    ),
    total: Type.Integer({ description: "How many of the plan's tasks move in all" }),
  },
  { description: "Before/after, task by task: the option's Gantt diff" },
);

export const WhatIfsSchema = Type.Object({
  planId: Type.String(),
  revision: Type.String({ description: "Send it back to apply: 409 when the plan changed since" }),
  today: IsoDate,
  deadline: Nullable(IsoDate),
  finish: Nullable(IsoDate),
  lateDays: Type.Number(),
  options: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Union([
        Type.Literal("add_person"),
        Type.Literal("experienced"),
        Type.Literal("cut_scope"),
        Type.Literal("fast_track"),
        Type.Literal("overtime"),
      ]),
      changes: Type.Array(ChangeSchema),
      message: MessageSchema,
      risk: Nullable(MessageSchema),
      applicable: Type.Boolean(),
      score: ScoreSchema,
      diff: DiffSchema,
    }),
  ),
  best: Nullable(
    Type.Object({
      optionIds: Type.Array(Type.String()),
      changes: Type.Array(ChangeSchema),
      score: ScoreSchema,
      applicable: Type.Boolean(),
      diff: DiffSchema,
    }),
  ),
  notes: Type.Array(MessageSchema),
  runs: Type.Integer({ description: "Engine runs spent" }),
});

export const ApplyWhatIfBody = Type.Object(
  {
    revision: Type.String({ minLength: 1, maxLength: 64 }),
    changes: Type.Array(ChangeSchema, { minItems: 1, maxItems: LIMITS.whatIfChangesMax }),
  },
  { additionalProperties: false },
);

export const ApplyWhatIfSchema = Type.Object({
  planId: Type.String(),
  applicationId: Type.String({
    description: "The applied what-if: POST …/what-ifs/{applicationId}/undo undoes it",
  }),
  revision: Type.String(),
  finish: Nullable(IsoDate),
  finishBefore: Nullable(IsoDate),
  deadline: Nullable(IsoDate),
  meetsDeadline: Type.Boolean(),
});

export const ApplicationParams = Type.Object(
  { id: Id, applicationId: Id },
  { additionalProperties: false },
);

export const LastWhatIfSchema = Type.Object({
  last: Nullable(
    Type.Object({
      applicationId: Type.String(),
      appliedAt: Type.String({ description: "ISO instant" }),
      finishBefore: Nullable(IsoDate),
      finishAfter: Nullable(IsoDate),
      undoable: Type.Boolean({
        description: "false once the plan changed after it (undo would answer 409)",
      }),
    }),
  ),
});

export const UndoWhatIfSchema = Type.Object({
  planId: Type.String(),
  applicationId: Type.String(),
  revision: Type.String({ description: "The plan's revision after the undo" }),
  finish: Nullable(IsoDate),
  deadline: Nullable(IsoDate),
  meetsDeadline: Type.Boolean(),
});
