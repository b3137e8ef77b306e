// Starts the real server in-process on a fresh database (a SQLite file by default, or a fresh
// PostgreSQL database on DAYCLEAR_TEST_PG), with a fresh web build when needed.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { DialectName } from "../../src/db/database.js";
import { createTestDatabase } from "../helpers/db.js";
import type { Clock } from "../../src/core/actor.js";
import { buildApp } from "../../src/server/app.js";
import { startSlaSweep } from "../../src/cli/commands/sla-sweep.js";

const ROOT = join(import.meta.dirname, "..", "..");
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function webBuildIsFresh(): boolean {
  const index = join(ROOT, "dist", "web", "index.html");
  const sources = Math.max(
    newestMtime(join(ROOT, "web", "src")),
    statSync(join(ROOT, "web", "index.html")).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * Builds the web app when dist/web is missing or older than the newest source under web/. Test
 * files run in parallel, so one builds under a lock (an atomic mkdir) while the others wait.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = join(ROOT, "dist", ".web-build.lock");
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const deadline = Date.now() + 170_000;
  while (!webBuildIsFresh()) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than the deadline is a crashed run's.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (Date.now() > deadline || (held && Date.now() - held.mtimeMs > 170_000))
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!webBuildIsFresh())
        execSync("npx vite build --config web/vite.config.ts", { cwd: ROOT, stdio: "inherit" });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A clock a test can move: `clock.set("2026-11-27T02:00:00Z")` makes that "now" for the server. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
}
export function testClock(iso: string): TestClock {
  let now = new Date(iso);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (next: string) => {
    now = new Date(next);
  };
  return clock;
}

export interface RunningServer {
  url: string;
  /** Which database the server runs on. */
  dialect: DialectName;
  close: () => Promise<void>;
}

/**
 * The real app on a fresh migrated database: SQLite unless `dialect: "postgres"` (a new database
 * on DAYCLEAR_TEST_PG, dropped on close; journeys that must hold on both run once per dialect).
 */
export async function startServer(
  opts: {
    clock?: Clock;
    dialect?: DialectName;
    /**
     * Runs the after-sales SLA sweep of `dayclear serve` (src/cli/commands/sla-sweep.ts) on the
     * server's clock, every this many ms instead of every minute; it stops when the server closes.
     */
    slaSweepEveryMs?: number;
  } = {},
): Promise<RunningServer> {
  await ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dialect = opts.dialect ?? "sqlite";
  const tdb = await createTestDatabase(dialect);
  const app = await buildApp({
    database: tdb.database,
    logger: false,
    ...(opts.clock && { clock: opts.clock }),
  });
  if (opts.slaSweepEveryMs)
    await startSlaSweep(app, tdb.database, {
      ...(opts.clock && { clock: opts.clock }),
      firstMs: opts.slaSweepEveryMs,
      everyMs: opts.slaSweepEveryMs,
    });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server did not bind a TCP port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    dialect,
    close: async () => {
      await app.close();
      await tdb.cleanup();
    },
  };
}
