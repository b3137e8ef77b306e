import { Type } from "typebox";
import { ORG_TEMPLATES } from "../../core/org/templates.js";
import type { Locale } from "../../core/limits.js";
import type { WorkspaceService } from "./workspace.service.js";
import { actorOf, type App } from "../../http/app.js";
import {
  ApplyTemplateBody,
  CalendarDaySchema,
  CalendarQuery,
  CalendarResponse,
  DateParams,
  OrgTemplateSchema,
  PutCalendarDayBody,
  ResetCalendarBody,
  UpdateWorkspaceBody,
  WorkspaceSchema,
} from "./workspace.schema.js";

const tags = ["workspace"];

export async function workspaceRoutes(
  app: App,
  services: { workspaces: WorkspaceService },
): Promise<void> {
  app.get(
    "/workspace",
    { schema: { tags, summary: "Workspace settings", response: { 200: WorkspaceSchema } } },
    async (req) => services.workspaces.get(actorOf(req)),
  );

  app.patch(
    "/workspace",
    {
      schema: {
        tags,
        summary: "Change workspace settings (owner)",
        body: UpdateWorkspaceBody,
        response: { 200: WorkspaceSchema },
      },
    },
    async (req) => services.workspaces.update(actorOf(req), req.body),
  );

  app.get(
    "/workspace/calendar",
    {
      schema: {
        tags,
        summary: "Public holidays and make-up workdays",
        querystring: CalendarQuery,
        response: { 200: CalendarResponse },
      },
    },
    async (req) => services.workspaces.calendar(actorOf(req), req.query.year),
  );

  app.put(
    "/workspace/calendar/days/:date",
    {
      schema: {
        tags,
        summary: "Mark a date as a holiday or a make-up workday",
        params: DateParams,
        body: PutCalendarDayBody,
        response: { 200: CalendarDaySchema },
      },
    },
    async (req) => services.workspaces.putCalendarDay(actorOf(req), req.params.date, req.body),
  );

  app.delete(
    "/workspace/calendar/days/:date",
    {
      schema: {
        tags,
        summary: "Make a date an ordinary day again",
        params: DateParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await services.workspaces.deleteCalendarDay(actorOf(req), req.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/workspace/calendar/reset",
    {
      schema: {
        tags,
        summary: "Restore the official holiday data for some years",
        body: ResetCalendarBody,
        response: { 200: CalendarResponse },
      },
    },
    async (req) => services.workspaces.resetCalendar(actorOf(req), req.body.years),
  );

  app.get(
    "/org-templates",
    {
      schema: {
        tags,
        summary: "Organisation templates",
        querystring: Type.Object({ locale: Type.Optional(Type.String()) }),
        response: {
          200: Type.Object({ items: Type.Array(OrgTemplateSchema), nextCursor: Type.Null() }),
        },
      },
    },
    async (req) => {
      const lang: Locale = req.query.locale === "en" ? "en" : "zh-CN";
      return {
        items: ORG_TEMPLATES.map((t) => ({
          id: t.id,
          name: t.name[lang],
          departments: t.departments.map((d) => ({
            name: d.name[lang],
            skills: d.skills.map((s) => s[lang]),
            children: (d.children ?? []).map((c) => c.name[lang]),
          })),
        })),
        nextCursor: null,
      };
    },
  );

  app.post(
    "/workspace/apply-template",
    {
      schema: {
        tags,
        summary: "Add a template's departments and skills (owner)",
        body: ApplyTemplateBody,
        response: { 200: WorkspaceSchema },
      },
    },
    async (req) =>
      services.workspaces.applyTemplate(actorOf(req), req.body.template, req.body.locale),
  );
}
