// Live updates cross instances on PostgreSQL: an event published by one instance's bus reaches
// the pages served by another (LISTEN/NOTIFY); on SQLite the bus is in memory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  PG_AVAILABLE,
  PG_URL,
  type TestDatabase,
} from "../../test/helpers/db.js";
import type { LiveEvent } from "../modules/shared/context.js";
import { createEventBus, type EventBus } from "./events.js";

describe.skipIf(!PG_AVAILABLE)("live events through PostgreSQL", () => {
  let tdb: TestDatabase;
  let one: EventBus;
  let two: EventBus;
  beforeAll(async () => {
    tdb = await createTestDatabase("postgres");
    one = await createEventBus(tdb.database, PG_URL);
    two = await createEventBus(tdb.database, PG_URL);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await tdb.cleanup();
  });

  it("delivers an event published on one instance to subscribers of the same workspace on another", async () => {
    const seen: LiveEvent[] = [];
    const other: LiveEvent[] = [];
    two.subscribe("ws-a", (e) => seen.push(e));
    two.subscribe("ws-b", (e) => other.push(e));
    one.publish("ws-a", { type: "schedule.changed", planIds: ["p1"] });
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([{ type: "schedule.changed", planIds: ["p1"] }]);
    expect(other).toEqual([]);
  });
});

describe("live events on SQLite", () => {
  it("delivers in memory to the workspace's subscribers only", async () => {
    const tdb = await createTestDatabase("sqlite");
    const bus = await createEventBus(tdb.database);
    const seen: LiveEvent[] = [];
    bus.subscribe("ws-a", (e) => seen.push(e));
    bus.publish("ws-a", { type: "notification", memberId: "m1" });
    bus.publish("ws-b", { type: "notification", memberId: "m2" });
    expect(seen).toEqual([{ type: "notification", memberId: "m1" }]);
    await bus.close();
    await tdb.cleanup();
  });
});
