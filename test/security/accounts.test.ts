// Accounts (issue 10, findings 5–8), over HTTP on both databases: invitation accept, the login
// throttle under forged proxy headers and parallel tries, sessions and API tokens after a password
// change or "sign out everywhere", the password rule, security headers, and the API-token lookup.
import { createHash } from "node:crypto";
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import { buildApp } from "../../src/server/app.js";
import type { App } from "../../src/server/types.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/db.js";
import { uniqueEmail } from "../helpers/factories.js";
import { Client, ORIGIN, signupClient } from "../helpers/http.js";

interface FieldError {
  field: string;
  code?: string;
  params?: Record<string, string | number>;
}
interface Problem {
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
}
interface Me {
  user: { id: string; email: string };
  member: { id: string };
  workspace: { id: string; name: string };
  via: string;
}

const OWNER_PASSWORD = "owner-password";
const STRONG = "Plum-rain-over-Hangzhou-42";

/** Counts the SQL statements the app runs, so a request's cost can be read without a stopwatch. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  // Called once per statement run, precompiled ones included.
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return Promise.resolve(args.result);
  }
}

async function appOn(
  tdb: TestDatabase,
  trustProxy: boolean | string[] = false,
  counter?: QueryCounter,
): Promise<App> {
  const database = counter
    ? { ...tdb.database, db: tdb.database.db.withPlugin(counter) }
    : tdb.database;
  const app = await buildApp({
    database,
    logger: false,
    config: { webRoot: "/nonexistent", demo: false, trustProxy },
  });
  await app.ready();
  return app;
}

const login = (c: Client, email: string, password: string) =>
  c.post<Problem>("/api/v1/auth/login", { email, password });

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: App;
    const counter = new QueryCounter();
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      app = await appOn(tdb, false, counter);
    });
    afterAll(async () => {
      await app.close();
      await tdb.cleanup();
    });

    /** A workspace whose owner invites `email` (or anyone), and the invitation's token. */
    async function invitation(email: string | null) {
      const { client } = await signupClient(app);
      const inv = await client.post<{ token: string }>("/api/v1/invitations", {
        email,
        role: "member",
      });
      expect(inv.status).toBe(201);
      const workspace = (await client.get<Me>("/api/v1/me")).body.workspace;
      return { token: inv.body.token, workspace };
    }

    describe("invitation accept (finding 5)", () => {
      it("does not join an existing account on its password: the account must be signed in", async () => {
        const victim = await signupClient(app);
        const victimWorkspace = (await victim.client.get<Me>("/api/v1/me")).body.workspace.id;
        const { token, workspace } = await invitation(null);
        const stranger = new Client(app);
        const res = await stranger.post<Problem>("/api/v1/invitations/accept", {
          token,
          name: "Mallory",
          email: victim.email,
          password: OWNER_PASSWORD,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          expect.objectContaining({ field: "email", code: "auth.email_taken" }),
        ]);
        expect(stranger.cookie).toBeUndefined();
        // The victim's account was not joined to the inviter's workspace.
        const theirs = (
          await victim.client.get<{ items: { workspaceId: string }[] }>("/api/v1/me/workspaces")
        ).body.items.map((w) => w.workspaceId);
        expect(theirs).toEqual([victimWorkspace]);
        expect(theirs).not.toContain(workspace.id);
      });

      it("answers a known and an unknown email alike", async () => {
        const known = await signupClient(app);
        const { token } = await invitation(null);
        // Without a name (the old route answered 401 for a known email here, 400 for an unknown one).
        const a = await new Client(app).post<Problem>("/api/v1/invitations/accept", {
          token,
          email: known.email,
          password: "a-wrong-guess-1",
        });
        const b = await new Client(app).post<Problem>("/api/v1/invitations/accept", {
          token,
          email: uniqueEmail("nobody"),
          password: "a-wrong-guess-1",
        });
        expect([a.status, a.body.code, a.body.errors]).toEqual([
          b.status,
          b.body.code,
          b.body.errors,
        ]);
        expect(a.status).toBe(400);
        // A taken email gets exactly signup's answer, right password or not.
        const right = await new Client(app).post<Problem>("/api/v1/invitations/accept", {
          token,
          name: "X",
          email: known.email,
          password: OWNER_PASSWORD,
        });
        const wrong = await new Client(app).post<Problem>("/api/v1/invitations/accept", {
          token,
          name: "X",
          email: known.email,
          password: STRONG,
        });
        const signup = await new Client(app).post<Problem>("/api/v1/auth/signup", {
          workspaceName: "W",
          name: "X",
          email: known.email,
          password: STRONG,
        });
        expect(right.body).toEqual(wrong.body);
        expect([right.status, right.body.errors]).toEqual([signup.status, signup.body.errors]);
      });

      it("is throttled like login", async () => {
        const { token } = await invitation(null);
        const guesser = new Client(app);
        const statuses: number[] = [];
        for (let i = 0; i < LIMITS.loginMaxFailures + 2; i++) {
          statuses.push(
            (
              await guesser.post("/api/v1/invitations/accept", {
                token,
                name: "G",
                email: uniqueEmail("g"),
                password: "aaaaaaaa",
              })
            ).status,
          );
        }
        expect(statuses.slice(0, LIMITS.loginMaxFailures).every((s) => s === 400)).toBe(true);
        expect(statuses.slice(LIMITS.loginMaxFailures)).toEqual([429, 429]);
      });

      it("lets a signed-in user accept with the token alone, joining the workspace", async () => {
        const existing = await signupClient(app);
        const { token, workspace } = await invitation(existing.email);
        const res = await existing.client.post<Problem>("/api/v1/invitations/accept", { token });
        expect(res.status).toBe(200);
        const me = (await existing.client.get<Me>("/api/v1/me")).body;
        expect(me.workspace.id).toBe(workspace.id);
        expect(
          (await existing.client.get<{ items: unknown[] }>("/api/v1/me/workspaces")).body.items,
        ).toHaveLength(2);
        // An invitation for someone else's email cannot be taken by another signed-in account.
        const other = await invitation(uniqueEmail("someone-else"));
        const refused = await existing.client.post<Problem>("/api/v1/invitations/accept", {
          token: other.token,
        });
        expect([refused.status, refused.body.code]).toEqual([400, "invitation.other_email"]);
      });
    });

    // Each wrong password costs a scrypt; on a loaded machine these take longer than most tests.
    describe("login throttle (finding 6)", { timeout: 180_000 }, () => {
      it("counts a forged X-Forwarded-For as the same client when no proxy is configured", async () => {
        const { email } = await signupClient(app);
        for (let i = 0; i < LIMITS.loginMaxFailures; i++) {
          const forged = new Client(app, {
            origin: ORIGIN,
            "x-forwarded-for": `203.0.113.${i + 1}`,
          });
          expect((await login(forged, email, "wrong-password-1")).status).toBe(401);
        }
        const next = new Client(app, { origin: ORIGIN, "x-forwarded-for": "198.51.100.77" });
        expect((await login(next, email, OWNER_PASSWORD)).status).toBe(429);
      });

      it("believes X-Forwarded-For only from a configured proxy (DAYCLEAR_TRUST_PROXY)", async () => {
        const behindProxy = await appOn(tdb, ["127.0.0.1"]);
        try {
          const { email } = await signupClient(behindProxy);
          const attacker = new Client(behindProxy, {
            origin: ORIGIN,
            "x-forwarded-for": "203.0.113.200",
          });
          for (let i = 0; i < LIMITS.loginMaxFailures; i++)
            await login(attacker, email, "wrong-password-1");
          expect((await login(attacker, email, OWNER_PASSWORD)).status).toBe(429);
          // The real person, behind the same proxy at another address, is not locked out.
          const owner = new Client(behindProxy, {
            origin: ORIGIN,
            "x-forwarded-for": "198.51.100.5",
          });
          expect((await login(owner, email, OWNER_PASSWORD)).status).toBe(200);
          // A peer that is not the configured proxy cannot forge its address.
          const direct = (forwardedFor: string, password: string) =>
            behindProxy.inject({
              method: "POST",
              url: "/api/v1/auth/login",
              remoteAddress: "192.0.2.9",
              headers: {
                host: "dayclear.test",
                origin: ORIGIN,
                "content-type": "application/json",
                "x-forwarded-for": forwardedFor,
              },
              payload: JSON.stringify({ email, password }),
            });
          for (let i = 0; i < LIMITS.loginMaxFailures; i++)
            expect((await direct(`203.0.113.${i + 1}`, "wrong-password-1")).statusCode).toBe(401);
          expect((await direct("198.51.100.99", OWNER_PASSWORD)).statusCode).toBe(429);
        } finally {
          await behindProxy.close();
        }
      });

      it("holds the limit against 100 parallel wrong passwords", async () => {
        const own = await createTestDatabase(dialect);
        const parallelApp = await appOn(own);
        try {
          const { email } = await signupClient(parallelApp);
          const statuses = await Promise.all(
            Array.from({ length: 100 }, () =>
              login(new Client(parallelApp), email, "wrong-password-1").then((r) => r.status),
            ),
          );
          const unauthorized = statuses.filter((s) => s === 401).length;
          expect(unauthorized).toBeLessThanOrEqual(LIMITS.loginMaxFailures);
          expect(statuses.filter((s) => s === 429).length).toBe(100 - unauthorized);
          expect((await login(new Client(parallelApp), email, OWNER_PASSWORD)).status).toBe(429);
        } finally {
          await parallelApp.close();
          await own.cleanup();
        }
      });
    });

    describe("sessions and API tokens (finding 7)", () => {
      async function account() {
        const { client: here, email } = await signupClient(app);
        const elsewhere = new Client(app);
        expect((await login(elsewhere, email, OWNER_PASSWORD)).status).toBe(200);
        const token = (await here.post<{ token: string }>("/api/v1/tokens", { name: "script" }))
          .body.token;
        const script = new Client(app, { authorization: `Bearer ${token}` });
        expect((await script.get("/api/v1/me")).status).toBe(200);
        return { here, elsewhere, script, email };
      }

      it("a password change ends the other sessions and the API tokens, and keeps this one", async () => {
        const { here, elsewhere, script, email } = await account();
        const res = await here.post<{ sessionsEnded: number; apiTokensRevoked: number }>(
          "/api/v1/me/password",
          { currentPassword: OWNER_PASSWORD, newPassword: STRONG },
        );
        expect(res.body).toEqual({ sessionsEnded: 1, apiTokensRevoked: 1 });
        expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
        expect((await script.get("/api/v1/me")).status).toBe(401);
        expect((await here.get("/api/v1/me")).status).toBe(200);
        expect((await login(new Client(app), email, STRONG)).status).toBe(200);
      });

      it("sign out everywhere ends the other sessions, and the API tokens when asked", async () => {
        const { here, elsewhere, script } = await account();
        // A script may send no body at all.
        expect((await here.req("POST", "/api/v1/auth/logout-all")).body).toEqual({
          sessionsEnded: 1,
          apiTokensRevoked: 0,
        });
        expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
        expect((await here.get("/api/v1/me")).status).toBe(200);
        expect((await script.get("/api/v1/me")).status).toBe(200);
        expect(
          (await here.post("/api/v1/auth/logout-all", { revokeApiTokens: true })).body,
        ).toEqual({ sessionsEnded: 0, apiTokensRevoked: 1 });
        expect((await script.get("/api/v1/me")).status).toBe(401);
      });
    });

    describe("password rule (finding 7)", () => {
      it.each(["aaaaaaaa", "password1", "12345678"])(
        "refuses %s at signup, on a password change and on an invitation",
        async (weak) => {
          const signup = await new Client(app).post<Problem>("/api/v1/auth/signup", {
            workspaceName: "W",
            name: "W",
            email: uniqueEmail("weak"),
            password: weak,
          });
          expect(signup.status).toBe(400);
          expect(signup.body.errors).toEqual([
            {
              field: "password",
              message: expect.any(String),
              code: "password.too_weak",
              params: { score: expect.any(Number), minScore: LIMITS.passwordMinScore },
            },
          ]);
          const { client } = await signupClient(app);
          const change = await client.post<Problem>("/api/v1/me/password", {
            currentPassword: OWNER_PASSWORD,
            newPassword: weak,
          });
          expect(change.body.errors?.map((e) => [e.field, e.code])).toEqual([
            ["newPassword", "password.too_weak"],
          ]);
          const { token } = await invitation(null);
          const accept = await new Client(app).post<Problem>("/api/v1/invitations/accept", {
            token,
            name: "W",
            email: uniqueEmail("weak"),
            password: weak,
          });
          expect(accept.body.errors?.map((e) => [e.field, e.code])).toEqual([
            ["password", "password.too_weak"],
          ]);
          const member = await client.post<Problem>("/api/v1/members", {
            name: "W",
            email: uniqueEmail("weak"),
            password: weak,
          });
          expect(member.body.errors?.map((e) => [e.field, e.code])).toEqual([
            ["password", "password.too_weak"],
          ]);
        },
      );

      it("refuses a password made of the person's own email", async () => {
        const email = uniqueEmail("xiaomei.zhang");
        const res = await new Client(app).post<Problem>("/api/v1/auth/signup", {
          workspaceName: "W",
          name: "Xiaomei Zhang",
          email,
          password: "xiaomeizhang",
        });
        expect(res.body.errors?.[0]?.code).toBe("password.too_weak");
      });
    });

    describe("security headers (finding 7)", () => {
      it.each(["/", "/login", "/api/v1/me", "/api/v1/instance", "/api/docs/"])(
        "are on %s",
        async (path) => {
          const res = await app.inject({ method: "GET", url: path });
          const csp = String(res.headers["content-security-policy"]);
          expect(csp).toContain("frame-ancestors 'none'");
          expect(csp).toMatch(/script-src 'self'(;|$)/);
          expect(csp).not.toContain("unsafe-eval");
          expect(res.headers["x-content-type-options"]).toBe("nosniff");
          expect(res.headers["referrer-policy"]).toBe("same-origin");
          expect(res.headers["x-frame-options"]).toBe("DENY");
        },
      );
    });

    describe("API token lookup (finding 8)", () => {
      it("stores the SHA-256 of a 256-bit secret and resolves it in as many queries as a session cookie", async () => {
        const { client } = await signupClient(app);
        const created = (
          await client.post<{ id: string; token: string }>("/api/v1/tokens", { name: "bench" })
        ).body;
        expect(Buffer.from(created.token.replace(/^dct_/, ""), "base64url")).toHaveLength(32);
        const stored = await tdb.database.db
          .selectFrom("apiTokens")
          .select("tokenHash")
          .where("id", "=", created.id)
          .executeTakeFirstOrThrow();
        expect(stored.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
        const script = new Client(app, { authorization: `Bearer ${created.token}` });
        expect((await script.get<Me>("/api/v1/me")).body.via).toBe("token"); // the first use records lastUsedAt
        // The fewest statements of three requests, so work in the background cannot inflate it.
        const queries = async (c: Client) => {
          let fewest = Infinity;
          for (let i = 0; i < 3; i++) {
            const before = counter.count;
            expect((await c.get("/api/v1/me")).status).toBe(200);
            fewest = Math.min(fewest, counter.count - before);
          }
          return fewest;
        };
        const byCookie = await queries(client);
        expect(byCookie).toBe(1);
        expect(await queries(script)).toBe(byCookie);
      });
    });
  });
}
