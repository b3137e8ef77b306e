// Real HTTP semantics through Fastify's inject: cookies kept per client, the browser's Origin sent.
import type { Clock } from "../../src/core/actor.js";
import type { DialectName } from "../../src/db/database.js";
import { buildApp } from "../../src/server/app.js";
import type { App } from "../../src/server/types.js";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { uniqueEmail } from "./factories.js";

export const ORIGIN = "http://dayclear.test";

export interface TestApp {
  app: App;
  tdb: TestDatabase;
  close(): Promise<void>;
}

export async function startTestApp(dialect: DialectName, clock?: Clock): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const app = await buildApp({
    database: tdb.database,
    logger: false,
    clock,
    config: { webRoot: "/nonexistent", demo: true },
  });
  await app.ready();
  return {
    app,
    tdb,
    close: async () => {
      await app.close();
      await tdb.cleanup();
    },
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export class Client {
  cookie: string | undefined;
  constructor(
    private readonly app: App,
    readonly headers: Record<string, string> = { origin: ORIGIN },
  ) {}

  async req<T = unknown>(
    method: Method,
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        host: "dayclear.test",
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...extra,
      },
      ...(body !== undefined && {
        payload: typeof body === "string" ? body : JSON.stringify(body),
        headers: {
          host: "dayclear.test",
          "content-type": "application/json",
          ...this.headers,
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...extra,
        },
      }),
    });
    const setCookie = res.cookies.find((c) => c.name === "dc_session");
    if (setCookie) this.cookie = setCookie.value ? `dc_session=${setCookie.value}` : undefined;
    let json: T | undefined;
    try {
      json = res.body ? (JSON.parse(res.body) as T) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, body: json as T, headers: res.headers, raw: res.body };
  }

  get = <T = unknown>(url: string) => this.req<T>("GET", url);
  post = <T = unknown>(url: string, body?: unknown) => this.req<T>("POST", url, body ?? {});
  patch = <T = unknown>(url: string, body: unknown) => this.req<T>("PATCH", url, body);
  put = <T = unknown>(url: string, body: unknown) => this.req<T>("PUT", url, body);
  del = <T = unknown>(url: string) => this.req<T>("DELETE", url);
}

/** Signs up a fresh workspace through the API and returns its owner's client. */
export async function signupClient(app: App, template?: "ecommerce" | "brand" | "empty") {
  const c = new Client(app);
  const email = uniqueEmail("owner");
  const res = await c.post("/api/v1/auth/signup", {
    workspaceName: "HTTP shop",
    name: "Owner",
    email,
    password: "owner-password",
    ...(template && { template }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.raw}`);
  return { client: c, email };
}

/** A client signed in with a password (throws with the answer when the sign-in is refused). */
export async function signedInClient(app: App, email: string, password: string) {
  const c = new Client(app);
  const r = await c.post("/api/v1/auth/login", { email, password });
  if (r.status !== 200) throw new Error(`login ${r.status} ${r.raw}`);
  return c;
}
