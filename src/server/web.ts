import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { App } from "./types.js";

/** Serves the built web app, with index.html for every client-side route. */
export async function registerWeb(app: App, webRoot: string): Promise<void> {
  const index = join(webRoot, "index.html");
  if (!existsSync(index)) {
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type("text/html")
        .send(
          "<h1>Dayclear</h1><p>The web app is not built. Run <code>npm run build</code> (npm start does it).</p>",
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    maxAge: "1h",
    immutable: false,
  });
  app.get("/", { schema: { hide: true } }, async (_req, reply) =>
    reply.header("cache-control", "no-cache").sendFile("index.html"),
  );
  app.get("/*", { schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith("/api/")) return reply.callNotFound();
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
