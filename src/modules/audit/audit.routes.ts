import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import type { AuditService } from "./audit.service.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { Id, Instant, MessageSchema, Page } from "../shared/common.schema.js";

const AuditEntrySchema = Type.Object({
  id: Id,
  at: Instant,
  actorMemberId: Type.Union([Id, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  message: MessageSchema,
  summary: Type.String({
    description:
      "The entry as a sentence with names, in the caller's language (the message rendered); entries written before messages that their data cannot name show their old text",
  }),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export async function auditRoutes(app: App, services: { audit: AuditService }): Promise<void> {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Who changed what, newest first (owner)",
        querystring: AuditQuery,
        response: { 200: Page(AuditEntrySchema) },
      },
    },
    async (req) =>
      services.audit.list(
        actorOf(req),
        { ...req.query, limit: req.query.limit ?? 50 },
        requestLocale(req),
      ),
  );
}
