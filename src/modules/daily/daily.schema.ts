import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Id, Instant, IsoDate, MessageSchema, Version } from "../shared/common.schema.js";
import { PackingRunSchema } from "../logistics/packing.schema.js";
import { ReportDraftSchema } from "./daily-reads.schema.js";
import { FollowupSchema } from "../aftersales/care.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Hours = Type.Number({ exclusiveMinimum: 0, maximum: 24 });
const Text = Type.String({ maxLength: LIMITS.noteMax });
const Time = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", description: "HH:MM" });

export const DayQuery = Type.Object(
  { date: Type.Optional(IsoDate), memberId: Type.Optional(Id) },
  strict,
);
export const RangeQuery = Type.Object(
  { from: IsoDate, to: IsoDate, memberId: Type.Optional(Id), departmentId: Type.Optional(Id) },
  strict,
);

export const TodayTaskSchema = Type.Object({
  taskId: Id,
  planId: Id,
  planName: Type.String(),
  name: Type.String(),
  hours: Type.Number(),
  loggedHours: Type.Number(),
  status: Type.String(),
  remainingHours: Nullable(Type.Number()),
  deadline: Nullable(IsoDate),
  late: Type.Boolean(),
  version: Type.Integer(),
});
export const DayItemSchema = Type.Object({
  id: Id,
  title: Type.String(),
  kind: Type.Union([Type.Literal("inbox"), Type.Literal("unplanned")]),
  date: Nullable(IsoDate),
  estimateHours: Nullable(Type.Number()),
  loggedHours: Type.Number(),
  done: Type.Boolean(),
  version: Type.Integer(),
});
export const DutySchema = Type.Object({
  id: Id,
  memberId: Id,
  title: Type.String(),
  weekdays: Type.Array(Type.Integer()),
  startTime: Type.String(),
  endTime: Type.String(),
});
export const TodayCaseSchema = Type.Object({
  id: Id,
  platformCaseId: Nullable(Type.String()),
  /** The order's number on the platform: what a case opened by hand is called. */
  platformOrderId: Nullable(Type.String()),
  platform: Type.String(),
  type: Type.String(),
  state: Type.String(),
  /** The deadline the case shows now (the countdown); null: none. */
  dueAt: Nullable(Type.String()),
  openedAt: Type.String(),
  /** Counted in the member's capacity: the engine plans their tasks around it. */
  estimatedMinutes: Type.Integer(),
  version: Type.Integer(),
});
export const TodaySchema = Type.Object({
  date: IsoDate,
  memberId: Id,
  memberName: Type.String(),
  workday: Type.Boolean(),
  capacityHours: Type.Number(),
  plannedHours: Type.Number(),
  loggedHours: Type.Number(),
  tasks: Type.Array(TodayTaskSchema),
  duties: Type.Array(DutySchema),
  /** A 物流 member's packing run of the day (null for others, past days and days without one). */
  packing: Nullable(PackingRunSchema),
  /** The open after-sales cases assigned to the member (today only), soonest due first. */
  cases: Type.Array(TodayCaseSchema),
  /** The member's 好评回访 follow-ups due by today (today only), the oldest due first, with the script. */
  followups: Type.Array(FollowupSchema),
  items: Type.Array(DayItemSchema),
  inbox: Type.Array(DayItemSchema),
});

export const CheckOffBody = Type.Object(
  { hours: Type.Optional(Hours), note: Type.Optional(Nullable(Text)) },
  strict,
);
export const LogBody = Type.Object(
  {
    taskId: Type.Optional(Id),
    itemId: Type.Optional(Id),
    hours: Hours,
    date: Type.Optional(IsoDate),
    note: Type.Optional(Nullable(Text)),
  },
  strict,
);
export const RemainingBody = Type.Object(
  {
    remainingHours: Type.Number({ minimum: 0, maximum: 10000 }),
    reason: Type.Optional(Nullable(Text)),
  },
  strict,
);
export const CreateItemBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Optional(Type.Union([Type.Literal("inbox"), Type.Literal("unplanned")])),
    date: Type.Optional(Nullable(IsoDate)),
    estimateHours: Type.Optional(Nullable(Hours)),
    loggedHours: Type.Optional(Hours),
    done: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const UpdateItemBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    date: Type.Optional(Nullable(IsoDate)),
    estimateHours: Type.Optional(Nullable(Hours)),
    done: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const CreateDutyBody = Type.Object(
  {
    memberId: Type.Optional(Id),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
    }),
    startTime: Time,
    endTime: Time,
  },
  strict,
);

export const ReportSchema = Type.Object({
  id: Nullable(Id),
  memberId: Id,
  memberName: Type.String(),
  date: IsoDate,
  status: Type.Union([Type.Literal("draft"), Type.Literal("submitted"), Type.Literal("none")]),
  draft: ReportDraftSchema,
  blockers: Nullable(Type.String()),
  helpNeeded: Nullable(Type.String()),
  note: Nullable(Type.String()),
  submittedAt: Nullable(Instant),
  acknowledgedBy: Nullable(Id),
  version: Type.Integer(),
  comments: Type.Array(
    Type.Object({
      id: Id,
      authorMemberId: Id,
      authorName: Type.String(),
      body: Type.String(),
      createdAt: Instant,
    }),
  ),
});
export const SaveReportBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 0 })),
    blockers: Type.Optional(Nullable(Text)),
    helpNeeded: Type.Optional(Nullable(Text)),
    note: Type.Optional(Nullable(Text)),
    reasons: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 500 })),
    ),
    submit: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const ReportParams = Type.Object({ memberId: Id, date: IsoDate }, strict);
export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: LIMITS.noteMax }) },
  strict,
);
export const ReportStatusQuery = Type.Object(
  { date: Type.Optional(IsoDate), departmentId: Type.Optional(Id) },
  strict,
);

export const NoteSchema = Type.Object({
  id: Id,
  authorMemberId: Id,
  authorName: Type.String(),
  targetType: Type.Union([Type.Literal("day"), Type.Literal("task"), Type.Literal("plan")]),
  targetId: Type.String(),
  title: Nullable(Type.String()),
  body: Type.String(),
  version: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const CreateNoteBody = Type.Object(
  {
    targetType: Type.Union([Type.Literal("day"), Type.Literal("task"), Type.Literal("plan")]),
    targetId: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    body: Type.String({ minLength: 1, maxLength: 20000 }),
  },
  strict,
);
export const UpdateNoteBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
  },
  strict,
);
export const NoteQuery = Type.Object(
  {
    targetType: Type.Optional(
      Type.Union([Type.Literal("day"), Type.Literal("task"), Type.Literal("plan")]),
    ),
    targetId: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);

export const NotificationSchema = Type.Object({
  id: Id,
  kind: Type.String(),
  message: MessageSchema,
  lines: Type.Array(MessageSchema, { description: "The body's lines as messages" }),
  title: Type.String({ description: "`message` rendered in the caller's language" }),
  body: Type.String({ description: "`lines` rendered in the caller's language, one per line" }),
  link: Nullable(Type.String()),
  readAt: Nullable(Instant),
  createdAt: Instant,
});
