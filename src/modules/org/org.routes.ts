import { Type } from "typebox";
import { fail, fieldError } from "../../core/errors.js";
import type { AuthService } from "../auth/auth.service.js";
import type { DepartmentService } from "./department.service.js";
import type { SkillService } from "./skill.service.js";
import type { InvitationService } from "./invitation.service.js";
import { setSessionCookie } from "../../http/session.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams, Ok } from "../shared/common.schema.js";
import {
  AcceptInvitationBody,
  CreateDepartmentBody,
  CreatedInvitationSchema,
  CreateInvitationBody,
  CreateSkillBody,
  DepartmentSchema,
  InvitationLookupSchema,
  InvitationSchema,
  SkillSchema,
  TokenParams,
  UpdateDepartmentBody,
  UpdateSkillBody,
} from "./org.schema.js";

/** A signed-out accept makes a new account, so it needs all three. */
function detailsRequired(given: Record<string, string | undefined>) {
  const missing = Object.keys(given).filter((k) => given[k] === undefined);
  const fields = missing.map((field) => fieldError(field, "invitation.field_required"));
  return fail("invalid", "invitation.details_required", undefined, { fields });
}

const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Null() });
const NoContent = { 204: Type.Null() };

export async function orgRoutes(
  app: App,
  services: {
    auth: AuthService;
    departments: DepartmentService;
    skills: SkillService;
    invitations: InvitationService;
  },
): Promise<void> {
  let tags = ["departments"];
  app.get(
    "/departments",
    {
      schema: {
        tags,
        summary: "All departments (a tree through parentId)",
        response: { 200: list(DepartmentSchema) },
      },
    },
    async (req) => ({
      items: await services.departments.list(actorOf(req)),
      nextCursor: null,
    }),
  );
  app.post(
    "/departments",
    {
      schema: {
        tags,
        summary: "Add a department",
        body: CreateDepartmentBody,
        response: { 201: DepartmentSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.departments.create(actorOf(req), req.body)),
  );
  app.patch(
    "/departments/:id",
    {
      schema: {
        tags,
        summary: "Rename, move or set the lead of a department",
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: DepartmentSchema },
      },
    },
    async (req) => services.departments.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/departments/:id",
    {
      schema: {
        tags,
        summary: "Delete an empty department (its members keep working, without a department)",
        params: IdParams,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await services.departments.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ["skills"];
  app.get(
    "/skills",
    { schema: { tags, summary: "Skills of this workspace", response: { 200: list(SkillSchema) } } },
    async (req) => ({ items: await services.skills.list(actorOf(req)), nextCursor: null }),
  );
  app.post(
    "/skills",
    {
      schema: {
        tags,
        summary: "Add a skill",
        body: CreateSkillBody,
        response: { 201: SkillSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.skills.create(actorOf(req), req.body)),
  );
  app.patch(
    "/skills/:id",
    {
      schema: {
        tags,
        summary: "Rename a skill",
        params: IdParams,
        body: UpdateSkillBody,
        response: { 200: SkillSchema },
      },
    },
    async (req) => services.skills.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/skills/:id",
    { schema: { tags, summary: "Delete a skill", params: IdParams, response: NoContent } },
    async (req, reply) => {
      await services.skills.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ["invitations"];
  app.get(
    "/invitations",
    { schema: { tags, summary: "Pending invitations", response: { 200: list(InvitationSchema) } } },
    async (req) => ({ items: await services.invitations.list(actorOf(req)), nextCursor: null }),
  );
  app.post(
    "/invitations",
    {
      schema: {
        tags,
        summary: "Create an invitation link",
        body: CreateInvitationBody,
        response: { 201: CreatedInvitationSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.invitations.create(actorOf(req), req.body)),
  );
  app.delete(
    "/invitations/:id",
    { schema: { tags, summary: "Revoke an invitation", params: IdParams, response: NoContent } },
    async (req, reply) => {
      await services.invitations.revoke(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/invitations/lookup/:token",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "What an invitation link is for",
        params: TokenParams,
        response: { 200: InvitationLookupSchema },
      },
    },
    async (req) => services.invitations.lookup(req.params.token),
  );
  app.post(
    "/invitations/accept",
    {
      config: { public: true },
      schema: {
        tags,
        body: AcceptInvitationBody,
        response: { 200: Ok },
        summary:
          "Accept an invitation and sign in to its workspace: signed in, as yourself (send only the token); signed out, as a new account (name, email, password)",
      },
    },
    async (req, reply) => {
      const { token, name, email, password } = req.body;
      const signedIn = req.actor?.via === "session" ? req.actor : undefined;
      let joined;
      if (signedIn) {
        joined = await services.invitations.acceptSignedIn(
          { token, userId: signedIn.userId },
          req.ip,
        );
      } else {
        if (name === undefined || email === undefined || password === undefined)
          throw detailsRequired({ name, email, password });
        joined = await services.invitations.acceptAsNewUser(
          { token, name, email, password },
          req.ip,
        );
      }
      // This browser moves to the workspace just joined.
      if (req.sessionToken) await services.auth.logout(req.sessionToken);
      setSessionCookie(
        req,
        reply,
        await services.auth.createSession(joined.userId, joined.workspaceId),
      );
      return { ok: true as const };
    },
  );
}
