import { Type, type Static } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, Name, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const PlanKind = Type.Union([Type.Literal("campaign"), Type.Literal("project")]);
const PlanStatus = Type.Union([
  Type.Literal("draft"),
  Type.Literal("active"),
  Type.Literal("done"),
  Type.Literal("archived"),
]);
const TaskStatus = Type.Union([
  Type.Literal("todo"),
  Type.Literal("in_progress"),
  Type.Literal("done"),
]);
const DepType = Type.Union([
  Type.Literal("FS"),
  Type.Literal("SS"),
  Type.Literal("FF"),
  Type.Literal("SF"),
]);
const Hours = Type.Number({ minimum: 0, maximum: 10000 });
const Description = Type.String({ maxLength: LIMITS.noteMax });

export const DependencySchema = Type.Object(
  {
    taskId: Id,
    type: Type.Optional(DepType),
    lagDays: Type.Optional(Type.Integer({ minimum: -365, maximum: 365 })),
  },
  strict,
);
export type DependencyInput = Static<typeof DependencySchema>;

export const PlanSchema = Type.Object({
  id: Id,
  name: Type.String(),
  kind: PlanKind,
  description: Nullable(Type.String()),
  ownerMemberId: Id,
  status: PlanStatus,
  startDate: IsoDate,
  launchDate: Nullable(IsoDate),
  baselineAt: Nullable(Instant),
  version: Type.Integer(),
  createdAt: Instant,
  finish: Nullable(IsoDate),
  taskCount: Type.Integer(),
  doneCount: Type.Integer(),
  lateCount: Type.Integer(),
  unscheduledCount: Type.Integer(),
});
export type PlanDto = Static<typeof PlanSchema>;

export const TaskSchema = Type.Object({
  id: Id,
  planId: Id,
  parentId: Nullable(Id),
  sortOrder: Type.Integer(),
  name: Type.String(),
  effortHours: Type.Number(),
  skillId: Nullable(Id),
  minLevel: Nullable(Type.Integer()),
  assigneeMemberId: Nullable(Id),
  priority: Type.Integer(),
  earliestStart: Nullable(IsoDate),
  deadline: Nullable(IsoDate),
  milestone: Type.Boolean(),
  optional: Type.Boolean({ description: "May be cut (deferred) when the plan is late" }),
  deferred: Type.Boolean({
    description: "Cut by an applied what-if: left out of the schedule until brought back",
  }),
  status: TaskStatus,
  remainingHours: Nullable(Type.Number()),
  loggedHours: Type.Number(),
  actualStart: Nullable(IsoDate),
  dependsOn: Type.Array(Type.Object({ taskId: Id, type: DepType, lagDays: Type.Integer() })),
  version: Type.Integer(),
});
export type TaskDto = Static<typeof TaskSchema>;

export const PlanDetailSchema = Type.Object({
  plan: PlanSchema,
  tasks: Type.Array(TaskSchema),
  baseline: Nullable(Type.Record(Type.String(), Type.Object({ start: IsoDate, finish: IsoDate }))),
});

export const PlanListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(PlanStatus),
  },
  strict,
);

export const CreatePlanBody = Type.Object(
  {
    name: Name,
    kind: Type.Optional(PlanKind),
    description: Type.Optional(Nullable(Description)),
    ownerMemberId: Type.Optional(Id),
    status: Type.Optional(PlanStatus),
    startDate: Type.Optional(IsoDate),
    launchDate: Type.Optional(Nullable(IsoDate)),
  },
  strict,
);
export type CreatePlanInput = Static<typeof CreatePlanBody>;
export const UpdatePlanBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    kind: Type.Optional(PlanKind),
    description: Type.Optional(Nullable(Description)),
    ownerMemberId: Type.Optional(Id),
    status: Type.Optional(PlanStatus),
    startDate: Type.Optional(IsoDate),
    launchDate: Type.Optional(Nullable(IsoDate)),
  },
  strict,
);
export type UpdatePlanInput = Static<typeof UpdatePlanBody>;

export const FromTemplateBody = Type.Object(
  {
    templateId: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Optional(Name),
    launchDate: IsoDate,
    startDate: Type.Optional(IsoDate),
    locale: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
  },
  strict,
);
export const SaveTemplateBody = Type.Object({ name: Name }, strict);
export const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: PlanKind,
  builtin: Type.Boolean(),
  taskCount: Type.Integer(),
});

const taskFields = {
  parentId: Type.Optional(Nullable(Id)),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  skillId: Type.Optional(Nullable(Id)),
  minLevel: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 5 }))),
  assigneeMemberId: Type.Optional(Nullable(Id)),
  priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  earliestStart: Type.Optional(Nullable(IsoDate)),
  deadline: Type.Optional(Nullable(IsoDate)),
  milestone: Type.Optional(Type.Boolean()),
  optional: Type.Optional(
    Type.Boolean({ description: "The task may be cut (deferred) when the plan is late" }),
  ),
  dependsOn: Type.Optional(Type.Array(DependencySchema, { maxItems: 100 })),
};
export const CreateTaskBody = Type.Object(
  {
    name: Name,
    effortHours: Type.Optional(Hours),
    summary: Type.Optional(
      Type.Boolean({
        description: "A summary row (WBS) whose span comes from its subtasks; needs no effort",
      }),
    ),
    ...taskFields,
  },
  strict,
);
export type CreateTaskInput = Static<typeof CreateTaskBody>;
export const UpdateTaskBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    effortHours: Type.Optional(Hours),
    status: Type.Optional(TaskStatus),
    remainingHours: Type.Optional(Nullable(Hours)),
    deferred: Type.Optional(
      Type.Boolean({
        description:
          "false brings a deferred task back into the schedule (true: only an optional task)",
      }),
    ),
    ...taskFields,
  },
  strict,
);
export type UpdateTaskInput = Static<typeof UpdateTaskBody>;
export const TaskChangeSchema = Type.Object({
  task: TaskSchema,
  schedule: Type.Object({
    finish: Nullable(IsoDate),
    late: Type.Integer(),
    unscheduled: Type.Integer(),
    ms: Type.Number(),
  }),
});
export const WorkloadQuery = Type.Object(
  { from: IsoDate, to: IsoDate, planId: Type.Optional(Id) },
  strict,
);
