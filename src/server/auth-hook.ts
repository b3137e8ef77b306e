import type { FastifyReply, FastifyRequest } from "fastify";
import { fail } from "../core/errors.js";
import type { Actor } from "../core/actor.js";
import { SESSION_COOKIE, type SessionContext } from "../http/session.js";
import type { Services } from "./services.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function originOf(req: FastifyRequest): string | undefined {
  const origin = req.headers.origin;
  if (origin && origin !== "null") return origin;
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}

const actorFrom = (ctx: SessionContext, via: "session" | "token"): Actor => ({
  userId: ctx.user.id,
  memberId: ctx.member.id,
  workspaceId: ctx.workspace.id,
  role: ctx.member.role,
  departmentId: ctx.member.departmentId,
  via,
});

/**
 * Resolves who is calling (Bearer token or session cookie) and refuses cross-site writes: a write
 * that carries a session cookie must come from the app's own origin (Origin, else Referer); a
 * foreign origin is refused on every write. Bearer-token calls are not cookie-authenticated.
 */
export function authHook(services: Services, publicOrigins: string[]) {
  return async function onRequest(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    req.actor = undefined;
    req.sessionToken = undefined;
    req.session = undefined;
    const authz = req.headers.authorization;
    if (authz?.startsWith("Bearer ")) {
      const ctx = await services.tokens.resolve(authz.slice(7).trim());
      if (!ctx) throw fail("unauthorized", "auth.token_invalid");
      req.session = ctx;
      req.actor = actorFrom(ctx, "token");
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (UNSAFE.has(req.method)) {
      const origin = originOf(req);
      const own = `${req.protocol}://${req.host}`;
      const allowed = origin === own || (origin !== undefined && publicOrigins.includes(origin));
      if (origin !== undefined ? !allowed : cookie !== undefined) {
        throw fail("forbidden", "auth.cross_site");
      }
    }
    if (cookie) {
      const ctx = await services.auth.resolveSession(cookie);
      if (ctx) {
        req.sessionToken = cookie;
        req.session = ctx;
        req.actor = actorFrom(ctx, "session");
      }
    }
    if (!req.actor && !req.routeOptions.config.public)
      throw fail("unauthorized", "auth.not_signed_in");
  };
}
