// The answers of the daily loop's read-only views that are not Today or a report itself: the agenda
// (a week, the team calendar), who has submitted a report on a date, a member's reports over a
// range, and a report's draft. Each field is one the services send (fastify serializes by these,
// so a field left out here would vanish from the answer).
import { Type } from "typebox";
import { Id, Instant, IsoDate, MessageSchema, Page } from "../shared/common.schema.js";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const ReportStatus = Type.Union([
  Type.Literal("none"),
  Type.Literal("draft"),
  Type.Literal("submitted"),
]);

export const AgendaSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  members: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      departmentId: Nullable(Id),
      allocations: Type.Array(
        Type.Object({
          memberId: Id,
          date: IsoDate,
          taskId: Id,
          hours: Type.Number(),
          planId: Id,
          name: Type.String({ description: "The task's name" }),
          status: Type.Union(
            [Type.Literal("todo"), Type.Literal("in_progress"), Type.Literal("done")],
            { description: "The task's status" },
          ),
        }),
      ),
    }),
  ),
});

export const ReportStatusSchema = Type.Object({
  date: IsoDate,
  submitted: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      departmentId: Nullable(Id),
      status: ReportStatus,
      submittedAt: Nullable(Instant),
      acknowledged: Type.Boolean(),
    }),
  ),
});

export const ReportHistoryPage = Page(
  Type.Object({
    id: Id,
    date: IsoDate,
    status: ReportStatus,
    submittedAt: Nullable(Instant),
    acknowledgedBy: Nullable(Id),
    blockers: Nullable(Type.String()),
    helpNeeded: Nullable(Type.String()),
  }),
);

const PlannedWork = Type.Object({
  taskId: Id,
  title: Type.String(),
  planName: Nullable(Type.String()),
  hours: Type.Number(),
});

/**
 * A report's draft as the presenter sends it: stored drafts of older versions lack what a new one
 * has (`unplanned[].done`), so that is optional; `progress` is always sent (empty if none).
 */
export const ReportDraftSchema = Type.Object({
  date: IsoDate,
  done: Type.Array(
    Type.Object({
      taskId: Nullable(Id),
      itemId: Nullable(Id),
      title: Type.String(),
      planName: Nullable(Type.String()),
      hours: Type.Number(),
    }),
  ),
  notDone: Type.Array(
    Type.Object({
      taskId: Id,
      title: Type.String(),
      planName: Nullable(Type.String()),
      plannedHours: Type.Number(),
      loggedHours: Type.Number(),
      remainingHours: Nullable(Type.Number()),
      reason: Type.String(),
    }),
  ),
  unplanned: Type.Array(
    Type.Object({
      itemId: Nullable(Id),
      taskId: Nullable(Id),
      title: Type.String(),
      hours: Type.Number(),
      done: Type.Optional(Type.Boolean()),
    }),
  ),
  plannedHours: Type.Number(),
  actualHours: Type.Number(),
  tomorrow: Type.Object({ date: Nullable(IsoDate), items: Type.Array(PlannedWork) }),
  metrics: Type.Array(
    Type.Object({
      key: Type.String(),
      message: MessageSchema,
      label: Type.String({ description: "The message in the language asked for" }),
      value: Type.Union([Type.String(), Type.Number()]),
    }),
  ),
  progress: Type.Array(
    Type.Object({
      planId: Id,
      planName: Type.String(),
      spi: Nullable(Type.Number()),
      light: Nullable(
        Type.Union([Type.Literal("green"), Type.Literal("amber"), Type.Literal("red")]),
      ),
      forecastFinish: Nullable(IsoDate),
      engineFinish: Nullable(IsoDate),
      deadline: Nullable(IsoDate),
      late: Type.Boolean(),
      message: MessageSchema,
      text: Type.String({ description: "The message in the language asked for" }),
    }),
    {
      description: "A lead's report: SPI and forecast finish per active plan of their departments",
    },
  ),
});
