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
import type { SessionContext } from "../modules/auth/auth.repository.js";
import { unauthorized } from "../core/errors.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    /** The app's live-event bus (see events.ts). */
    events: import("./events.js").EventBus;
  }
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

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
