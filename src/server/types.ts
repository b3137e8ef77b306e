// The server's own decorations. What routes need (App, actorOf, the request's session and the
// route config) lives in src/http, below the modules.
export type { App } from "../http/app.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The app's live-event bus (see events.ts). */
    events: import("./events.js").EventBus;
  }
}
