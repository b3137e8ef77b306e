// What every routes file needs from the HTTP layer, below the modules: the app type with its
// TypeBox type provider, what the auth hook puts on a request, and `actorOf`. The server (the
// composition root) builds the app and wires the services; routes import from here, never from
// src/server.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { Actor } from "../core/actor.js";
import { fail } from "../core/errors.js";
import type { SessionContext } from "./session.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
    /** Who is calling (user, member, workspace), by session cookie or API token; `actor.via` says which. */
    session: SessionContext | undefined;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in member. */
    public?: boolean;
  }
}

/** The signed-in member making the request; 401 when nobody is signed in. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw fail("unauthorized", "auth.not_signed_in");
  return req.actor;
}
