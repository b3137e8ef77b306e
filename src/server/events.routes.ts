import type { EventBus } from "./events.js";
import { actorOf, type App } from "../http/app.js";

/** GET /api/v1/events: a server-sent event stream of the workspace's changes for this member. */
export async function eventRoutes(app: App, bus: EventBus): Promise<void> {
  app.get(
    "/events",
    {
      schema: {
        tags: ["live"],
        summary: "Server-sent events: schedule changes, notifications, submitted reports",
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write(`event: ready\ndata: {}\n\n`);
      const unsubscribe = bus.subscribe(actor.workspaceId, (event) => {
        if (event.memberId && event.memberId !== actor.memberId) return;
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), 25_000);
      req.raw.on("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
