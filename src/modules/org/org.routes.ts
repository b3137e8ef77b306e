import { Type } from "typebox";
import type { Services } from "../../server/services.js";
import { setSessionCookie } from "../auth/auth.routes.js";
import { actorOf, type App } from "../../server/types.js";
import { IdParams, Ok } from "../shared/common.schema.js";
import {
  AcceptInvitationBody, CreateDepartmentBody, CreatedInvitationSchema, CreateInvitationBody, CreateSkillBody, DepartmentSchema,
  InvitationLookupSchema, InvitationSchema, SkillSchema, TokenParams, UpdateDepartmentBody, UpdateSkillBody,
} from "./org.schema.js";

const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Null() });
const NoContent = { 204: Type.Null() };

export async function orgRoutes(app: App, services: Services): Promise<void> {
  let tags = ["departments"];
  app.get("/departments", { schema: { tags, summary: "All departments (a tree through parentId)", response: { 200: list(DepartmentSchema) } } }, async (req) => ({
    items: await services.departments.list(actorOf(req)), nextCursor: null,
  }));
  app.post("/departments", { schema: { tags, summary: "Add a department", body: CreateDepartmentBody, response: { 201: DepartmentSchema } } }, async (req, reply) =>
    reply.status(201).send(await services.departments.create(actorOf(req), req.body)));
  app.patch("/departments/:id", { schema: { tags, summary: "Rename, move or set the lead of a department", params: IdParams, body: UpdateDepartmentBody, response: { 200: DepartmentSchema } } }, async (req) =>
    services.departments.update(actorOf(req), req.params.id, req.body));
  app.delete("/departments/:id", { schema: { tags, summary: "Delete an empty department (its members keep working, without a department)", params: IdParams, response: NoContent } }, async (req, reply) => {
    await services.departments.delete(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  tags = ["skills"];
  app.get("/skills", { schema: { tags, summary: "Skills of this workspace", response: { 200: list(SkillSchema) } } }, async (req) => ({ items: await services.skills.list(actorOf(req)), nextCursor: null }));
  app.post("/skills", { schema: { tags, summary: "Add a skill", body: CreateSkillBody, response: { 201: SkillSchema } } }, async (req, reply) =>
    reply.status(201).send(await services.skills.create(actorOf(req), req.body)));
  app.patch("/skills/:id", { schema: { tags, summary: "Rename a skill", params: IdParams, body: UpdateSkillBody, response: { 200: SkillSchema } } }, async (req) =>
    services.skills.update(actorOf(req), req.params.id, req.body));
  app.delete("/skills/:id", { schema: { tags, summary: "Delete a skill", params: IdParams, response: NoContent } }, async (req, reply) => {
    await services.skills.delete(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  tags = ["invitations"];
  app.get("/invitations", { schema: { tags, summary: "Pending invitations", response: { 200: list(InvitationSchema) } } }, async (req) => ({ items: await services.invitations.list(actorOf(req)), nextCursor: null }));
  app.post("/invitations", { schema: { tags, summary: "Create an invitation link", body: CreateInvitationBody, response: { 201: CreatedInvitationSchema } } }, async (req, reply) =>
    reply.status(201).send(await services.invitations.create(actorOf(req), req.body)));
  app.delete("/invitations/:id", { schema: { tags, summary: "Revoke an invitation", params: IdParams, response: NoContent } }, async (req, reply) => {
    await services.invitations.revoke(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get("/invitations/lookup/:token", { config: { public: true }, schema: { tags, summary: "What an invitation link is for", params: TokenParams, response: { 200: InvitationLookupSchema } } }, async (req) =>
    services.invitations.lookup(req.params.token));
  app.post("/invitations/accept", { config: { public: true }, schema: { tags, summary: "Accept an invitation and sign in", body: AcceptInvitationBody, response: { 200: Ok } } }, async (req, reply) => {
    const { userId, workspaceId } = await services.invitations.accept(req.body);
    setSessionCookie(req, reply, await services.auth.createSession(userId, workspaceId));
    return { ok: true as const };
  });
}
