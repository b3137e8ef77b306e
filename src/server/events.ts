// Live updates: services publish small events ("the schedule changed", "you have a notification");
// open pages receive them over server-sent events and refetch. On PostgreSQL the events travel
// through LISTEN/NOTIFY, so a change made on one instance reaches pages served by another; on
// SQLite (one process) they stay in memory.
import { EventEmitter } from "node:events";
import pg from "pg";
import type { Database } from "../db/database.js";
import type { EventPublisher, LiveEvent } from "../modules/shared/context.js";

const CHANNEL = "dayclear_events";

export interface EventBus extends EventPublisher {
  subscribe(workspaceId: string, listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

export async function createEventBus(database: Database, pgUrl?: string): Promise<EventBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (workspaceId: string, event: LiveEvent) => local.emit(workspaceId, event);
  const subscribe = (workspaceId: string, listener: (event: LiveEvent) => void) => {
    local.on(workspaceId, listener);
    return () => void local.off(workspaceId, listener);
  };
  if (database.dialect !== "postgres" || !pgUrl) {
    return { publish: deliver, subscribe, close: async () => undefined };
  }
  const listener = new pg.Client({ connectionString: pgUrl });
  await listener.connect();
  listener.on("notification", (msg) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    try {
      const { workspaceId, event } = JSON.parse(msg.payload) as {
        workspaceId: string;
        event: LiveEvent;
      };
      deliver(workspaceId, event);
    } catch {
      // A malformed payload is not ours; ignore it.
    }
  });
  listener.on("error", () => undefined);
  await listener.query(`LISTEN ${CHANNEL}`);
  const sender = new pg.Pool({ connectionString: pgUrl, max: 1 });
  return {
    publish: (workspaceId, event) => {
      // NOTIFY payloads are limited to 8000 bytes; our events are a few ids.
      sender
        .query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ workspaceId, event })])
        .catch(() => deliver(workspaceId, event));
    },
    subscribe,
    close: async () => {
      await listener.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
