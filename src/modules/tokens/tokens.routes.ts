import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import type { TokenService } from "./tokens.service.js";
import { actorOf, type App } from "../../http/app.js";
import { Id, IdParams, Instant } from "../shared/common.schema.js";

const TokenSchema = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Instant,
  lastUsedAt: Type.Union([Instant, Type.Null()]),
});
const tags = ["api tokens"];

export async function tokenRoutes(app: App, services: { tokens: TokenService }): Promise<void> {
  app.get(
    "/tokens",
    {
      schema: {
        tags,
        summary: "Your API tokens",
        response: { 200: Type.Object({ items: Type.Array(TokenSchema), nextCursor: Type.Null() }) },
      },
    },
    async (req) => ({
      items: await services.tokens.list(actorOf(req)),
      nextCursor: null,
    }),
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags,
        summary: "Create an API token (the secret is shown only in this response)",
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: LIMITS.tokenNameMax }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([TokenSchema, Type.Object({ token: Type.String() })]) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.tokens.create(actorOf(req), req.body.name)),
  );

  app.delete(
    "/tokens/:id",
    {
      schema: {
        tags,
        summary: "Revoke an API token",
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await services.tokens.revoke(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
