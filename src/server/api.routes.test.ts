import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../core/limits.js";
import { DIALECTS } from "../../test/helpers/db.js";
import {
  Client,
  ORIGIN,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../test/helpers/http.js";

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`HTTP API on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    it("reports health with the database in use", async () => {
      const res = await new Client(t.app).get("/api/health");
      expect(res.body).toMatchObject({ status: "ok", database: dialect });
      expect(typeof (res.body as { version: string }).version).toBe("string");
    });

    it("signs up with a session cookie that is HttpOnly and SameSite, and /me needs it", async () => {
      const anon = new Client(t.app);
      expect((await anon.get("/api/v1/me")).status).toBe(401);
      const c = new Client(t.app);
      const res = await c.req("POST", "/api/v1/auth/signup", {
        workspaceName: "店",
        name: "店长",
        email: "cookie-check@example.com",
        password: "secret-pass",
      });
      expect(res.status).toBe(201);
      const setCookie = String(res.headers["set-cookie"]);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      // Its life is counted on the browser's clock (Max-Age), so a server clock that differs from
      // the browser's — frozen in the journeys — never hands out a cookie that is already expired.
      expect(setCookie).toMatch(new RegExp(`Max-Age=${LIMITS.sessionDays * 86_400}`));
      expect(setCookie).not.toMatch(/Expires=/);
      const me = await c.get<{ member: { role: string }; workspace: { name: string } }>(
        "/api/v1/me",
      );
      expect(me.status).toBe(200);
      expect(me.body.member.role).toBe("owner");
      expect(me.body.workspace.name).toBe("店");
      await c.post("/api/v1/auth/logout");
      expect((await c.get("/api/v1/me")).status).toBe(401);
    });

    it("refuses a cookie-authenticated write from a foreign or missing origin with 403", async () => {
      const { client } = await signupClient(t.app);
      const foreign = await client.req(
        "POST",
        "/api/v1/skills",
        { name: "x" },
        { origin: "https://evil.example" },
      );
      expect(foreign.status).toBe(403);
      const noOrigin = new Client(t.app, {});
      noOrigin.cookie = client.cookie;
      expect((await noOrigin.post("/api/v1/skills", { name: "y" })).status).toBe(403);
      const viaReferer = new Client(t.app, { referer: `${ORIGIN}/org/members` });
      viaReferer.cookie = client.cookie;
      expect((await viaReferer.post("/api/v1/skills", { name: "z" })).status).toBe(201);
      expect((await client.post("/api/v1/skills", { name: "w" })).status).toBe(201);
      const names = (
        await client.get<{ items: { name: string }[] }>("/api/v1/skills")
      ).body.items.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(["z", "w"]));
      expect(names).not.toContain("x");
    });

    it("answers bad input with 400 naming the field, never 500", async () => {
      const { client } = await signupClient(t.app);
      const cases: [unknown, string][] = [
        ["{not json", "body"],
        [{ name: "A", email: "a@example.com", password: "password1", favourite: "x" }, "favourite"],
        [
          { name: "x".repeat(LIMITS.nameMax + 1), email: "a@example.com", password: "password1" },
          "name",
        ],
        [{ name: 42, email: "a@example.com", password: "password1" }, "name"],
        [{ email: "a@example.com", password: "password1" }, "name"],
        [{ name: "A", email: "not-an-email", password: "password1" }, "email"],
        [
          {
            name: "A",
            email: "a@example.com",
            password: "password1",
            skills: [{ skillId: "s", level: 9 }],
          },
          "skills.0.level",
        ],
      ];
      for (const [body, field] of cases) {
        const res = await client.req<Problem>("POST", "/api/v1/members", body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
        expect(res.body.errors?.map((e) => e.field)).toContain(field);
      }
      expect((await client.req<Problem>("GET", "/api/v1/members?limit=abc")).status).toBe(400);
      expect(
        (
          await client.req<Problem>("PUT", "/api/v1/workspace/calendar/days/2026-13-45", {
            kind: "holiday",
            name: "x",
          })
        ).status,
      ).toBe(400);
      const me = (await client.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
      const feb30 = await client.req<Problem>("POST", `/api/v1/members/${me}/leaves`, {
        startDate: "2026-02-30",
        endDate: "2026-03-01",
      });
      expect(feb30.status).toBe(400);
      expect(feb30.body.errors?.map((e) => e.field)).toEqual(["startDate"]);
    });

    it("gives 401 for a wrong password and 429 after too many attempts", async () => {
      const { email } = await signupClient(t.app);
      const c = new Client(t.app, { origin: ORIGIN, "x-forwarded-for": "192.0.2.44" });
      const unknown = await c.post<Problem>("/api/v1/auth/login", {
        email: "nobody@example.com",
        password: "whatever1",
      });
      const wrong = await c.post<Problem>("/api/v1/auth/login", { email, password: "whatever1" });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(wrong.body.detail).toBe(unknown.body.detail);
      let last = 0;
      for (let i = 0; i < LIMITS.loginMaxFailures; i++)
        last = (await c.post("/api/v1/auth/login", { email, password: "whatever1" })).status;
      expect(last).toBe(429);
      const locked = await c.post("/api/v1/auth/login", { email, password: "owner-password" });
      expect(locked.status).toBe(429);
      expect(locked.headers["retry-after"]).toBeDefined();
    });

    it("refuses a stale update with 409", async () => {
      const { client } = await signupClient(t.app);
      const w = (await client.get<{ version: number }>("/api/v1/workspace")).body;
      expect(
        (await client.patch("/api/v1/workspace", { version: w.version, name: "One" })).status,
      ).toBe(200);
      const stale = await client.patch<Problem>("/api/v1/workspace", {
        version: w.version,
        name: "Two",
      });
      expect(stale.status).toBe(409);
      expect((await client.get<{ name: string }>("/api/v1/workspace")).body.name).toBe("One");
    });

    it("lets scripts use an API token without cookies or Origin, until it is revoked", async () => {
      const { client } = await signupClient(t.app);
      const created = await client.post<{ id: string; token: string }>("/api/v1/tokens", {
        name: "script",
      });
      expect(created.status).toBe(201);
      const script = new Client(t.app, { authorization: `Bearer ${created.body.token}` });
      expect((await script.get<{ via: string }>("/api/v1/me")).body.via).toBe("token");
      expect((await script.post("/api/v1/skills", { name: "from script" })).status).toBe(201);
      expect((await client.del(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
      expect((await script.get("/api/v1/me")).status).toBe(401);
    });

    it("keeps members to their role: a member cannot add people or read the audit log", async () => {
      const { client } = await signupClient(t.app, "ecommerce");
      const email = `m-${Date.now()}@example.com`;
      expect(
        (await client.post("/api/v1/members", { name: "刘婷", email, password: "member-pass" }))
          .status,
      ).toBe(201);
      const member = new Client(t.app);
      expect(
        (await member.post("/api/v1/auth/login", { email, password: "member-pass" })).status,
      ).toBe(200);
      expect((await member.get("/api/v1/members")).status).toBe(200);
      expect(
        (
          await member.post("/api/v1/members", {
            name: "x",
            email: "x2@example.com",
            password: "member-pass",
          })
        ).status,
      ).toBe(403);
      expect((await member.get("/api/v1/audit")).status).toBe(403);
      expect(
        (await client.get<{ items: unknown[] }>("/api/v1/audit")).body.items.length,
      ).toBeGreaterThan(0);
    });

    it("publishes an OpenAPI document generated from the route schemas", async () => {
      const doc = (
        await new Client(t.app).get<{ openapi: string; paths: Record<string, unknown> }>(
          "/api/openapi.json",
        )
      ).body;
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/v1/auth/signup", "/api/v1/me", "/api/v1/members/{id}"]),
      );
      const docs = await new Client(t.app).get("/api/docs/");
      expect(docs.status).toBe(200);
    });
  });
}
