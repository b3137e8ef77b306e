import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import type { TodayService } from "./today.service.js";
import type { DutyService } from "./duty.service.js";
import type { ReportService } from "./report.service.js";
import type { NoteService } from "./note.service.js";
import type { NotificationService } from "./notification.service.js";
import type { FeedService } from "./feed.service.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { Id, IdParams, IsoDate, Ok, Page } from "../shared/common.schema.js";
import {
  CheckOffBody,
  CommentBody,
  CreateDutyBody,
  CreateItemBody,
  CreateNoteBody,
  DayQuery,
  DutySchema,
  LogBody,
  NoteQuery,
  NoteSchema,
  NotificationSchema,
  RangeQuery,
  RemainingBody,
  ReportParams,
  ReportSchema,
  ReportStatusQuery,
  SaveReportBody,
  TodaySchema,
  UpdateItemBody,
  UpdateNoteBody,
} from "./daily.schema.js";
import { AgendaSchema, ReportHistoryPage, ReportStatusSchema } from "./daily-reads.schema.js";

export async function dailyRoutes(
  app: App,
  services: {
    today: TodayService;
    duties: DutyService;
    reports: ReportService;
    notes: NoteService;
    notifications: NotificationService;
    feeds: FeedService;
  },
): Promise<void> {
  let tags = ["today"];
  app.get(
    "/today",
    {
      schema: {
        tags,
        summary: "A member's day: scheduled work, duties, items and inbox (yours unless memberId)",
        querystring: DayQuery,
        response: { 200: TodaySchema },
      },
    },
    async (req) => services.today.day(actorOf(req), req.query),
  );
  app.get(
    "/agenda",
    {
      schema: {
        tags,
        summary:
          "Scheduled work over a date range: a member's week, or the team calendar of the members you oversee",
        querystring: RangeQuery,
        response: { 200: AgendaSchema },
      },
    },
    async (req) => services.today.range(actorOf(req), req.query),
  );
  app.post(
    "/today/tasks/:id/check-off",
    {
      schema: {
        tags,
        summary:
          "Mark a task of your schedule done (logs today's planned hours unless you logged some)",
        params: IdParams,
        body: CheckOffBody,
        response: { 200: TodaySchema },
      },
    },
    async (req) => services.today.checkOff(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/today/tasks/:id/remaining",
    {
      schema: {
        tags,
        summary: "Report the hours a task still needs; the plan re-flows",
        params: IdParams,
        body: RemainingBody,
        response: { 200: TodaySchema },
      },
    },
    async (req) => services.today.remaining(actorOf(req), req.params.id, req.body.remainingHours),
  );
  app.post(
    "/work-logs",
    {
      schema: {
        tags,
        summary: "Log hours on a task or an item (today or the last 14 days)",
        body: LogBody,
        response: { 201: TodaySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await services.today.log(actorOf(req), req.body)),
  );
  app.post(
    "/items",
    {
      schema: {
        tags,
        summary: "Capture an item: into the inbox (no date) or as unplanned work (计划外) on a day",
        body: CreateItemBody,
        response: { 201: TodaySchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.today.createItem(actorOf(req), req.body)),
  );
  app.patch(
    "/items/:id",
    {
      schema: {
        tags,
        summary: "Change an item: plan it for a day, tick it off",
        params: IdParams,
        body: UpdateItemBody,
        response: { 200: TodaySchema },
      },
    },
    async (req) => services.today.updateItem(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/items/:id",
    {
      schema: { tags, summary: "Delete an item", params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await services.today.deleteItem(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ["duties"];
  app.get(
    "/duties",
    {
      schema: {
        tags,
        summary: "Recurring duties",
        querystring: Type.Object({ memberId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(DutySchema), nextCursor: Type.Null() }) },
      },
    },
    async (req) => ({
      items: await services.duties.list(actorOf(req), req.query.memberId),
      nextCursor: null,
    }),
  );
  app.post(
    "/duties",
    {
      schema: {
        tags,
        summary: "Add a recurring duty (it takes the member's capacity)",
        body: CreateDutyBody,
        response: { 201: DutySchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.duties.create(actorOf(req), req.body)),
  );
  app.delete(
    "/duties/:id",
    {
      schema: { tags, summary: "Remove a duty", params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await services.duties.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ["reports"];
  app.get(
    "/reports/status",
    {
      schema: {
        tags,
        summary: "Who has and has not submitted a daily report",
        querystring: ReportStatusQuery,
        response: { 200: ReportStatusSchema },
      },
    },
    async (req) => services.reports.status(actorOf(req), req.query),
  );
  app.get(
    "/reports/:memberId",
    {
      schema: {
        tags,
        summary: "A member's reports over a range",
        params: Type.Object({ memberId: Id }, { additionalProperties: false }),
        querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
        response: { 200: ReportHistoryPage },
      },
    },
    async (req) =>
      services.reports.history(actorOf(req), req.params.memberId, req.query.from, req.query.to),
  );
  app.get(
    "/reports/:memberId/:date",
    {
      schema: {
        tags,
        summary: "A daily report, drafted from the data until submitted",
        params: ReportParams,
        response: { 200: ReportSchema },
      },
    },
    async (req) =>
      services.reports.get(actorOf(req), req.params.memberId, req.params.date, requestLocale(req)),
  );
  app.put(
    "/reports/:memberId/:date",
    {
      schema: {
        tags,
        summary: "Save or submit your own report for today",
        params: ReportParams,
        body: SaveReportBody,
        response: { 200: ReportSchema },
      },
    },
    async (req) =>
      services.reports.save(
        actorOf(req),
        req.params.memberId,
        req.params.date,
        req.body,
        requestLocale(req),
      ),
  );
  app.post(
    "/reports/:memberId/:date/comments",
    {
      schema: {
        tags,
        summary: "Comment on a report (点评)",
        params: ReportParams,
        body: CommentBody,
        response: { 201: ReportSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await services.reports.comment(
            actorOf(req),
            req.params.memberId,
            req.params.date,
            req.body.body,
            requestLocale(req),
          ),
        ),
  );
  app.post(
    "/reports/:memberId/:date/acknowledge",
    {
      schema: {
        tags,
        summary: "Acknowledge a report",
        params: ReportParams,
        response: { 200: ReportSchema },
      },
    },
    async (req) =>
      services.reports.acknowledge(
        actorOf(req),
        req.params.memberId,
        req.params.date,
        requestLocale(req),
      ),
  );
  app.post(
    "/members/:id/nudge",
    {
      schema: {
        tags,
        summary: "Remind a member to submit today's report",
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await services.reports.nudge(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  tags = ["notes"];
  app.get(
    "/notes",
    {
      schema: {
        tags,
        summary: "Notes on days (your own), tasks and plans; `q` searches",
        querystring: NoteQuery,
        response: { 200: Page(NoteSchema) },
      },
    },
    async (req) => services.notes.list(actorOf(req), req.query),
  );
  app.post(
    "/notes",
    {
      schema: {
        tags,
        summary: "Write a note in Markdown",
        body: CreateNoteBody,
        response: { 201: NoteSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.notes.create(actorOf(req), req.body)),
  );
  app.get(
    "/notes/:id",
    { schema: { tags, summary: "A note", params: IdParams, response: { 200: NoteSchema } } },
    async (req) => services.notes.get(actorOf(req), req.params.id),
  );
  app.patch(
    "/notes/:id",
    {
      schema: {
        tags,
        summary: "Edit your note",
        params: IdParams,
        body: UpdateNoteBody,
        response: { 200: NoteSchema },
      },
    },
    async (req) => services.notes.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/notes/:id",
    {
      schema: { tags, summary: "Delete a note", params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await services.notes.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ["notifications"];
  app.get(
    "/notifications",
    {
      schema: {
        tags,
        summary: "Your notifications, newest first",
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
            cursor: Type.Optional(Type.String({ maxLength: 64 })),
            unread: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Intersect([Page(NotificationSchema), Type.Object({ unread: Type.Integer() })]),
        },
      },
    },
    async (req) => services.notifications.list(actorOf(req), req.query, requestLocale(req)),
  );
  app.post(
    "/notifications/:id/read",
    {
      schema: {
        tags,
        summary: "Mark a notification read",
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await services.notifications.markRead(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    "/notifications/read-all",
    { schema: { tags, summary: "Mark all your notifications read", response: { 200: Ok } } },
    async (req) => {
      await services.notifications.markRead(actorOf(req), "all");
      return { ok: true as const };
    },
  );

  tags = ["calendar feed"];
  const FeedSchema = Type.Object({
    active: Type.Boolean(),
    createdAt: Type.Union([Type.String(), Type.Null()]),
    path: Type.Optional(Type.String()),
  });
  app.get(
    "/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Whether you have an iCalendar feed",
        response: { 200: FeedSchema },
      },
    },
    async (req) => services.feeds.status(actorOf(req)),
  );
  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Create (or replace) your secret iCalendar feed URL",
        response: { 201: FeedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await services.feeds.create(actorOf(req))),
  );
  app.delete(
    "/me/calendar-feed",
    { schema: { tags, summary: "Revoke your iCalendar feed", response: { 204: Type.Null() } } },
    async (req, reply) => {
      await services.feeds.revoke(actorOf(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/calendar/:file",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The iCalendar feed (the secret in the URL is the credential)",
        params: Type.Object(
          { file: Type.String({ pattern: "^cal_[A-Za-z0-9_-]{20,}\\.ics$" }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const ics = await services.feeds.ics(req.params.file.replace(/\.ics$/, ""));
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(ics);
    },
  );
}
