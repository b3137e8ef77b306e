// Losing access takes effect on the very next request (issue 13: the per-request lookup must stay
// exact while it is made cheaper), over HTTP on both databases: a signed-out or switched session,
// a revoked API token, a deactivated member; a role, department or workspace change shows in the
// next /me and decides the next action. On PostgreSQL the lookup runs as a named prepared
// statement, planned once per connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { AuthRepository } from "../../src/modules/auth/auth.repository.js";
import { hashSecret } from "../../src/modules/auth/tokens.js";
import type { App } from "../../src/server/types.js";
import { buildApp } from "../../src/server/app.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/db.js";
import { uniqueEmail } from "../helpers/factories.js";
import { Client, signupClient } from "../helpers/http.js";

interface Me {
  member: { id: string; role: string; departmentId: string | null; version: number };
  workspace: { name: string; version: number };
  via: string;
}

const PASSWORD = "member-password";

for (const dialect of DIALECTS) {
  describe(`losing access on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: App;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      app = await buildApp({
        database: tdb.database,
        logger: false,
        config: { webRoot: "/nonexistent", demo: false },
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await tdb.cleanup();
    });

    /** An owner, and a member signed in by cookie and by API token who has used both. */
    async function team() {
      const { client: owner } = await signupClient(app);
      const email = uniqueEmail("member");
      const created = await owner.post<{ id: string }>("/api/v1/members", {
        name: "店员",
        email,
        password: PASSWORD,
        role: "member",
      });
      expect(created.status).toBe(201);
      const browser = new Client(app);
      expect((await browser.post("/api/v1/auth/login", { email, password: PASSWORD })).status).toBe(
        200,
      );
      const token = await browser.post<{ id: string; token: string }>("/api/v1/tokens", {
        name: "script",
      });
      const script = new Client(app, { authorization: `Bearer ${token.body.token}` });
      // Both credentials are in use before anything changes (a cache would hold them now).
      expect((await browser.get<Me>("/api/v1/me")).body.member.role).toBe("member");
      expect((await script.get<Me>("/api/v1/me")).body.via).toBe("token");
      return { owner, browser, script, memberId: created.body.id, tokenId: token.body.id, email };
    }

    const version = async (c: Client) => (await c.get<Me>("/api/v1/me")).body.member.version;

    it("a signed-out session is refused at once; a copy of its cookie too", async () => {
      const { browser } = await team();
      const stolen = new Client(app);
      stolen.cookie = browser.cookie;
      expect((await stolen.get("/api/v1/me")).status).toBe(200);
      expect((await browser.post("/api/v1/auth/logout")).status).toBe(200);
      expect((await stolen.get("/api/v1/me")).status).toBe(401);
      expect((await stolen.get("/api/v1/members")).status).toBe(401);
    });

    it("a revoked API token is refused on the next request; the session stays", async () => {
      const { browser, script, tokenId } = await team();
      expect((await browser.del(`/api/v1/tokens/${tokenId}`)).status).toBe(204);
      expect((await script.get("/api/v1/me")).status).toBe(401);
      expect((await script.get("/api/v1/members")).status).toBe(401);
      expect((await browser.get("/api/v1/me")).status).toBe(200);
    });

    it("a deactivated member loses both the session and the token at once", async () => {
      const { owner, browser, script, memberId } = await team();
      expect((await owner.post(`/api/v1/members/${memberId}/deactivate`)).status).toBe(200);
      expect((await browser.get("/api/v1/me")).status).toBe(401);
      expect((await script.get("/api/v1/me")).status).toBe(401);
      expect((await browser.get("/api/v1/members")).status).toBe(401);
      // Reactivated, the same credentials work again: they were refused for the member's status.
      expect((await owner.post(`/api/v1/members/${memberId}/reactivate`)).status).toBe(200);
      expect((await browser.get("/api/v1/me")).status).toBe(200);
    });

    it("a promotion and a demotion show in the next /me and decide the next action", async () => {
      const { owner, browser, script, memberId } = await team();
      const skill = (c: Client, name: string) => c.post("/api/v1/skills", { name });
      expect((await skill(browser, "直播")).status).toBe(403);
      expect(
        (
          await owner.patch(`/api/v1/members/${memberId}`, {
            version: await version(browser),
            role: "lead",
          })
        ).status,
      ).toBe(200);
      expect((await browser.get<Me>("/api/v1/me")).body.member.role).toBe("lead");
      expect((await script.get<Me>("/api/v1/me")).body.member.role).toBe("lead");
      expect((await skill(script, "直播")).status).toBe(201);
      expect(
        (
          await owner.patch(`/api/v1/members/${memberId}`, {
            version: await version(browser),
            role: "member",
          })
        ).status,
      ).toBe(200);
      expect((await browser.get<Me>("/api/v1/me")).body.member.role).toBe("member");
      expect((await skill(browser, "美工")).status).toBe(403);
      expect((await skill(script, "美工")).status).toBe(403);
    });

    it("a department move and a workspace rename show in the next /me", async () => {
      const { owner, browser, memberId } = await team();
      const dept = await owner.post<{ id: string }>("/api/v1/departments", { name: "客服部" });
      expect(dept.status).toBe(201);
      const before = await version(browser);
      expect(
        (
          await owner.patch(`/api/v1/members/${memberId}`, {
            version: before,
            departmentId: dept.body.id,
          })
        ).status,
      ).toBe(200);
      const me = (await browser.get<Me>("/api/v1/me")).body;
      expect(me.member.departmentId).toBe(dept.body.id);
      // The version /me hands out is the one a save must send: a stale one would answer 409.
      expect(me.member.version).toBeGreaterThan(before);
      const ws = (await owner.get<Me>("/api/v1/me")).body.workspace;
      expect(
        (await owner.patch("/api/v1/workspace", { version: ws.version, name: "改名的店" })).status,
      ).toBe(200);
      expect((await browser.get<Me>("/api/v1/me")).body.workspace.name).toBe("改名的店");
    });

    it("switching workspace ends the old session", async () => {
      const { browser, email } = await team();
      const { client: other } = await signupClient(app);
      const inv = await other.post<{ token: string }>("/api/v1/invitations", {
        email,
        role: "member",
      });
      expect(inv.status).toBe(201);
      expect(
        (await browser.post("/api/v1/invitations/accept", { token: inv.body.token })).status,
      ).toBeLessThan(300);
      const here = (await browser.get<{ workspace: { id: string } }>("/api/v1/me")).body;
      const elsewhere = (
        await browser.get<{ items: { workspaceId: string }[] }>("/api/v1/me/workspaces")
      ).body.items.find((w) => w.workspaceId !== here.workspace.id);
      expect(elsewhere).toBeDefined();
      const old = new Client(app);
      old.cookie = browser.cookie;
      expect(
        (await browser.post("/api/v1/auth/switch", { workspaceId: elsewhere!.workspaceId })).status,
      ).toBe(200);
      expect((await old.get("/api/v1/me")).status).toBe(401);
      expect(
        (await browser.get<{ workspace: { id: string } }>("/api/v1/me")).body.workspace.id,
      ).toBe(elsewhere!.workspaceId);
    });

    it.runIf(dialect === "postgres")(
      "resolves a session through a named prepared statement, planned once per connection",
      async () => {
        const { browser } = await team();
        // One connection, so the statement and the view of it are on the same backend.
        const one = openDatabase({ url: tdb.url!, poolSize: 1 });
        try {
          const id = hashSecret(browser.cookie!.replace(/^dc_session=/, ""));
          const repo = new AuthRepository(one.db);
          const now = new Date().toISOString();
          expect((await repo.findSession(id, now))?.member.role).toBe("member");
          expect((await repo.findSession(id, now))?.member.role).toBe("member");
          const statements = await one.db
            .selectFrom("pg_prepared_statements" as never)
            .select(["name" as never, "statement" as never])
            .execute();
          const named = (statements as { name: string; statement: string }[]).filter((s) =>
            s.name.startsWith("dc_"),
          );
          expect(named).toHaveLength(1);
          expect(named[0]!.statement).toContain('"sessions"');
        } finally {
          await one.close();
        }
      },
    );
  });
}
