// "Bad input gets a clear error, never a 500": every write route in the OpenAPI document gets
// random JSON (fast-check) with the workspace's own ids in its path, and must answer below 500.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupClient, startTestApp, type Client, type TestApp } from "../../test/helpers/http.js";

describe("random input on every write route (SQLite)", () => {
  let t: TestApp;
  let client: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp("sqlite");
    client = (await signupClient(t.app, "ecommerce")).client;
    ids.departments = (await client.get<{ items: { id: string }[] }>("/api/v1/departments")).body.items[0]!.id;
    ids.skills = (await client.get<{ items: { id: string }[] }>("/api/v1/skills")).body.items[0]!.id;
    ids.members = (await client.post<{ id: string }>("/api/v1/members", { name: "成员", email: "fuzz-member@example.com", password: "member-pass" })).body.id;
    ids.plans = (await client.post<{ id: string }>("/api/v1/plans", { name: "计划" })).body.id;
    ids.tasks = (await client.post<{ task: { id: string } }>(`/api/v1/plans/${ids.plans}/tasks`, { name: "任务", effortHours: 4 })).body.task.id;
    ids["goal-cycles"] = (await client.post<{ id: string }>("/api/v1/goal-cycles", { name: "2026-11", kind: "month", from: "2026-11-01", to: "2026-11-30" })).body.id;
    ids.goals = (await client.post<{ id: string }>("/api/v1/goals", { cycleId: ids["goal-cycles"], memberId: ids.members, title: "GMV", weight: 100, target: "1000", metric: { kind: "kpi", kpi: "gmv" } })).body.id;
  });
  afterAll(async () => t.close());

  it("answers every random body with a 2xx or a 4xx problem", async () => {
    const doc = (await client.get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json")).body;
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ["post", "put", "patch"].includes(m)).map((m) => ({ method: m.toUpperCase() as "POST", path })),
    ).filter((r) => !r.path.includes("/auth/") && !r.path.endsWith("/demo") && !r.path.includes("logout"));
    expect(routes.length).toBeGreaterThan(25);
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === "id") return ids[path.split("/")[3] === "today" ? "tasks" : path.split("/")[3]!] ?? "unknown-id";
      if (name === "memberId") return ids.members!;
      if (name === "date") return "2026-11-02";
      return "x";
    });
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
      array: fc.array(tie("any"), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom("name", "version", "effortHours", "dependsOn", "startDate", "email", "hours", "title", "body", "skills", "weekdays", "x"), tie("any"), { maxKeys: 5 }),
    })).any;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), value, async (route, body) => {
        const res = await client.req(route.method, fill(route.path), body ?? {});
        if (res.status >= 500) throw new Error(`${route.method} ${route.path} with ${JSON.stringify(body)} → ${res.status} ${res.raw}`);
      }),
      { numRuns: 400, seed: 7 },
    );
  }, 120_000);
});
