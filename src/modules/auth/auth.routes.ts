import { Type } from "typebox";
import { fail } from "../../core/errors.js";
import type { Locale } from "../../core/limits.js";
import { clearSessionCookie, setSessionCookie } from "../../http/session.js";
import type { AuthService } from "./auth.service.js";
import type { MemberService } from "../org/member.service.js";
import { actorOf, type App } from "../../http/app.js";
import { presentWorkspace, type WorkspaceService } from "../workspaces/workspace.service.js";
import { Ok } from "../shared/common.schema.js";
import {
  ChangePasswordBody,
  LoginBody,
  LogoutAllBody,
  SignedOutSchema,
  MembershipSchema,
  MeSchema,
  SignupBody,
  SwitchWorkspaceBody,
  UpdateMeBody,
} from "./auth.schema.js";

const tags = ["auth"];

export async function authRoutes(
  app: App,
  services: { auth: AuthService; workspaces: WorkspaceService; members: MemberService },
): Promise<void> {
  app.post(
    "/auth/signup",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Create a workspace and its owner, and sign in",
        body: SignupBody,
        response: { 201: Ok },
      },
    },
    async (req, reply) => {
      const session = await services.auth.signup(req.body);
      setSessionCookie(req, reply, session);
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    "/auth/login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Sign in with email and password",
        body: LoginBody,
        response: { 200: Ok },
      },
    },
    async (req, reply) => {
      const session = await services.auth.login(req.body, req.ip);
      setSessionCookie(req, reply, session);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { public: true },
      schema: { tags, summary: "Sign out of this browser", response: { 200: Ok } },
    },
    async (req, reply) => {
      if (req.sessionToken) await services.auth.logout(req.sessionToken);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/logout-all",
    {
      schema: {
        tags,
        summary:
          "Sign out everywhere else: every other session of this account ends (this one stays); `revokeApiTokens` revokes the account's API tokens too",
        body: LogoutAllBody,
        response: { 200: SignedOutSchema },
      },
      // A script may send no body at all: that is `{}`.
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    async (req) =>
      services.auth.logoutEverywhere(actorOf(req), req.sessionToken, {
        revokeApiTokens: req.body.revokeApiTokens === true,
      }),
  );

  app.get(
    "/me",
    {
      schema: {
        tags,
        summary: "The signed-in member and their workspace",
        response: { 200: MeSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      {
        const ctx = req.session;
        if (ctx) {
          return {
            user: {
              id: ctx.user.id,
              email: ctx.user.email,
              name: ctx.user.name,
              locale: ctx.user.locale as Locale | null,
            },
            member: {
              id: ctx.member.id,
              name: ctx.member.name,
              role: ctx.member.role,
              title: ctx.member.title,
              departmentId: ctx.member.departmentId,
              version: ctx.member.version,
            },
            workspace: presentWorkspace(ctx.workspace),
            via: actor.via,
          };
        }
      }
      const member = await services.members.get(actor, actor.memberId);
      return {
        user: { id: actor.userId, email: member.email, name: member.name, locale: null },
        member: {
          id: member.id,
          name: member.name,
          role: member.role,
          title: member.title,
          departmentId: member.departmentId,
          version: member.version,
        },
        workspace: await services.workspaces.get(actor),
        via: actor.via,
      };
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags,
        summary: "Change your name or language",
        body: UpdateMeBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await services.auth.updateProfile(actorOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/me/password",
    {
      schema: {
        tags,
        summary:
          "Change your password; every other session ends and the account's API tokens are revoked",
        body: ChangePasswordBody,
        response: { 200: SignedOutSchema },
      },
    },
    async (req) =>
      services.auth.changePassword(
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionToken,
      ),
  );

  app.get(
    "/me/workspaces",
    {
      schema: {
        tags,
        summary: "Workspaces you belong to",
        response: {
          200: Type.Object({ items: Type.Array(MembershipSchema), nextCursor: Type.Null() }),
        },
      },
    },
    async (req) => {
      return { items: await services.auth.memberships(actorOf(req)), nextCursor: null };
    },
  );

  app.post(
    "/auth/switch",
    {
      schema: {
        tags,
        summary: "Switch this browser to another of your workspaces",
        body: SwitchWorkspaceBody,
        response: { 200: Ok },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (
        !(await services.auth.memberships(actor)).some(
          (m) => m.workspaceId === req.body.workspaceId,
        )
      )
        throw fail("forbidden", "auth.not_a_member");
      if (req.sessionToken) await services.auth.logout(req.sessionToken);
      setSessionCookie(
        req,
        reply,
        await services.auth.createSession(actor.userId, req.body.workspaceId),
      );
      return { ok: true as const };
    },
  );
}
