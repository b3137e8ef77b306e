// Re-schedule round trip through the API on a 2,000-task plan (50 members): edit one task's effort
// with PATCH /api/v1/tasks/{id} (the server re-plans the workspace before answering), then read
// the plan's schedule back. Goal: p95 ≤ 100 ms. SQLite and PostgreSQL, server in this process.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { newId } from "../../src/core/ids.js";
import { openDatabase, type Database } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import type { PlanTask, TaskDependency } from "../../src/db/schema.js";
import { buildApp } from "../../src/server/app.js";

const TASKS = Number(process.env.BENCH_PLAN_TASKS ?? 2000);
const MEMBERS = 50;
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const PG_BASE = process.env.DAYCLEAR_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function seedPlan(
  base: string,
  cookie: string,
  database: Database,
): Promise<{ planId: string; taskIds: string[] }> {
  const headers = { "content-type": "application/json", origin: base, cookie };
  const skills = ["主图设计", "详情页设计", "活动策划", "数据分析", "售前接待"];
  const skillIds: string[] = [];
  for (const name of skills)
    skillIds.push(
      (
        (await (
          await fetch(`${base}/api/v1/skills`, {
            method: "POST",
            headers,
            body: JSON.stringify({ name }),
          })
        ).json()) as { id: string }
      ).id,
    );
  for (let i = 0; i < MEMBERS; i++) {
    await fetch(`${base}/api/v1/members`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: `成员${i}`,
        email: `m${i}-${Date.now()}@bench.test`,
        password: "bench-pass",
        skills: [{ skillId: skillIds[i % skills.length], level: 3 }],
      }),
    });
  }
  const plan = (await (
    await fetch(`${base}/api/v1/plans`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Bench plan" }),
    })
  ).json()) as { id: string; ownerMemberId: string };
  const ws = await database.db
    .selectFrom("plans")
    .select("workspaceId")
    .where("id", "=", plan.id)
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const tasks: PlanTask[] = [];
  const deps: TaskDependency[] = [];
  for (let i = 0; i < TASKS; i++) {
    tasks.push({
      workspaceId: ws.workspaceId,
      id: newId(),
      planId: plan.id,
      parentId: null,
      sortOrder: i,
      name: `任务 ${i}`,
      effortHours: 4 + (i % 13),
      skillId: skillIds[i % skills.length]!,
      minLevel: null,
      assigneeMemberId: null,
      priority: 100 + (i % 900),
      earliestStart: null,
      deadline: null,
      milestone: 0,
      optional: 0,
      deferred: 0,
      status: "todo",
      remainingHours: null,
      doneAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    if (i > 10 && i % 3 !== 0)
      deps.push({
        workspaceId: ws.workspaceId,
        planId: plan.id,
        taskId: tasks[i]!.id,
        predecessorId: tasks[i - 1 - (i % 10)]!.id,
        type: "FS",
        lagDays: 0,
      });
  }
  for (let i = 0; i < tasks.length; i += 100)
    await database.db
      .insertInto("planTasks")
      .values(tasks.slice(i, i + 100))
      .execute();
  for (let i = 0; i < deps.length; i += 200)
    await database.db
      .insertInto("taskDependencies")
      .values(deps.slice(i, i + 200))
      .execute();
  return { planId: plan.id, taskIds: tasks.map((t) => t.id) };
}

async function run(label: string, database: Database) {
  await migrateToLatest(database);
  const app = await buildApp({ database, logger: false, config: { webRoot: "/nonexistent" } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({
        workspaceName: "Bench",
        name: "B",
        email: `b-${Date.now()}@bench.test`,
        password: "bench-pass",
      }),
    });
    const cookie = signup.headers.get("set-cookie")!.split(";")[0]!;
    const { planId, taskIds } = await seedPlan(base, cookie, database);
    const headers = { "content-type": "application/json", origin: base, cookie };
    // The tasks went in straight through the database: one edit through the API schedules them.
    const seeded = (await (await fetch(`${base}/api/v1/plans/${planId}`, { headers })).json()) as {
      tasks: { id: string; version: number }[];
    };
    await fetch(`${base}/api/v1/tasks/${seeded.tasks[0]!.id}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ version: seeded.tasks[0]!.version, effortHours: 5 }),
    });
    const first = performance.now();
    const initial = (await (
      await fetch(`${base}/api/v1/plans/${planId}/schedule`, { headers })
    ).json()) as { tasks: unknown[]; allocations: unknown[]; stats: { ms: number } };
    const firstMs = performance.now() - first;
    const patch: number[] = [];
    const roundTrip: number[] = [];
    const engine: number[] = [];
    // CPU of this process (client and server; on PostgreSQL the database server's is not in it).
    const cpu: number[] = [];
    const loadBefore = loadavg()[0]!;
    for (let i = 0; i < EDITS; i++) {
      const id = taskIds[(i * 37) % taskIds.length]!;
      const task = (await (await fetch(`${base}/api/v1/plans/${planId}`, { headers })).json()) as {
        tasks: { id: string; version: number }[];
      };
      const version = task.tasks.find((t) => t.id === id)!.version;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await fetch(`${base}/api/v1/tasks/${id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ version, effortHours: 3 + (i % 20) }),
      });
      const body = (await res.json()) as { schedule: { ms: number } };
      const t1 = performance.now();
      await (await fetch(`${base}/api/v1/plans/${planId}/schedule`, { headers })).json();
      const t2 = performance.now();
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      if (res.status !== 200) throw new Error(`PATCH failed: ${res.status}`);
      patch.push(t1 - t0);
      roundTrip.push(t2 - t0);
      engine.push(body.schedule.ms);
    }
    const f = (x: number) => x.toFixed(1);
    console.log(
      `| ${label} | ${TASKS} / ${MEMBERS} | ${initial.allocations.length} | ${f(firstMs)} | ${f(pct(engine, 50))} / ${f(pct(engine, 95))} | ${f(pct(patch, 50))} / ${f(pct(patch, 95))} | ${f(pct(roundTrip, 50))} / ${f(pct(roundTrip, 95))} | ${pct(roundTrip, 95) <= 100 ? "met" : `not met (${(pct(roundTrip, 95) / 100).toFixed(2)}×)`} | ${f(pct(cpu, 50))} / ${f(pct(cpu, 95))} | ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} |`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

export async function runPlansBench(_args: string[]): Promise<void> {
  console.log(
    `Re-schedule round trip: PATCH one task's effort (server re-plans the workspace), then GET the plan's schedule; ${EDITS} edits, ms`,
  );
  console.log(
    "| database | tasks / members | allocations | first schedule | engine p50 / p95 | PATCH p50 / p95 | PATCH + GET p50 / p95 | goal p95 ≤ 100 ms | CPU PATCH + GET p50 / p95 | load (1 min) |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---|---:|---|");
  const dir = mkdtempSync(join(tmpdir(), "dayclear-plans-bench-"));
  await run("sqlite", openDatabase({ file: join(dir, "bench.db") }));
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: PG_BASE });
  try {
    await admin.connect();
  } catch {
    console.log("PostgreSQL not reachable: skipped");
    return;
  }
  const name = `dc_plans_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  try {
    await run("postgres", openDatabase({ url: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
