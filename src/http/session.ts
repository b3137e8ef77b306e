// The session cookie: its name, and setting and clearing it on a response.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Member, User, Workspace } from "../db/schema.js";

export const SESSION_COOKIE = "dc_session";

/** Who is calling, as the auth hook resolved it from a session cookie or an API token. */
export interface SessionContext {
  session: { id: string; expiresAt: string | null };
  user: Pick<User, "id" | "email" | "name" | "locale">;
  member: Member;
  workspace: Workspace;
}

/** A session just opened: the cookie's value and how long it lives. */
export interface IssuedSession {
  token: string;
  maxAgeSeconds: number;
}

// Max-Age, not Expires: the browser counts the session's life on its own clock, so a server whose
// clock differs (or is frozen in the journeys) never hands out a cookie that is already expired.
// The server still ends the session at its stored expiry.
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, s: IssuedSession): void {
  void reply.setCookie(SESSION_COOKIE, s.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
    maxAge: s.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
