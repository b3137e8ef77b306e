// Several stateless instances against one PostgreSQL: a session made on one is valid on the
// other, a write on one is seen on the other, and throttling counts across both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../core/limits.js";
import {
  createTestDatabase,
  PG_AVAILABLE,
  PG_URL,
  type TestDatabase,
} from "../../test/helpers/db.js";
import { Client, ORIGIN } from "../../test/helpers/http.js";
import { openDatabase, type Database } from "../db/database.js";
import { buildApp } from "./app.js";
import type { App } from "./types.js";

describe.skipIf(!PG_AVAILABLE)("two instances on one PostgreSQL", () => {
  let tdb: TestDatabase;
  let second: Database;
  let one: App;
  let two: App;
  beforeAll(async () => {
    tdb = await createTestDatabase("postgres");
    const current = await tdb.database.db
      .selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name"))
      .executeTakeFirstOrThrow();
    const base = new URL(PG_URL);
    base.pathname = `/${current.name}`;
    second = openDatabase({ url: base.toString(), poolSize: 2 });
    one = await buildApp({
      database: tdb.database,
      logger: false,
      config: { webRoot: "/nonexistent" },
    });
    two = await buildApp({ database: second, logger: false, config: { webRoot: "/nonexistent" } });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await second.close();
    await tdb.cleanup();
  });

  it("shares sessions, data and login throttling between instances", async () => {
    const onOne = new Client(one);
    expect(
      (
        await onOne.post("/api/v1/auth/signup", {
          workspaceName: "Shared",
          name: "O",
          email: "shared@example.com",
          password: "shared-pass",
        })
      ).status,
    ).toBe(201);
    const onTwo = new Client(two);
    onTwo.cookie = onOne.cookie;
    expect(
      (await onTwo.get<{ workspace: { name: string } }>("/api/v1/me")).body.workspace.name,
    ).toBe("Shared");
    expect((await onTwo.post("/api/v1/skills", { name: "打包" })).status).toBe(201);
    expect(
      (await onOne.get<{ items: { name: string }[] }>("/api/v1/skills")).body.items.map(
        (s) => s.name,
      ),
    ).toContain("打包");
    await onTwo.post("/api/v1/auth/logout");
    expect((await onOne.get("/api/v1/me")).status).toBe(401);

    const attackerOne = new Client(one, { origin: ORIGIN, "x-forwarded-for": "198.51.100.9" });
    const attackerTwo = new Client(two, { origin: ORIGIN, "x-forwarded-for": "198.51.100.9" });
    for (let i = 0; i < LIMITS.loginMaxFailures; i++) {
      await (i % 2 ? attackerOne : attackerTwo).post("/api/v1/auth/login", {
        email: "shared@example.com",
        password: "wrong-pass",
      });
    }
    expect(
      (
        await attackerOne.post("/api/v1/auth/login", {
          email: "shared@example.com",
          password: "shared-pass",
        })
      ).status,
    ).toBe(429);
  });
});
