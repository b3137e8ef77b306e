import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Vitest's default (cores − 1) is one worker on the 2-core CI machine, where test time is
    // spent in PostgreSQL, the in-process server, Chromium and the CLI's child processes as much as
    // in the worker: three workers keep both cores busy (measured on this machine, 2026-12-07, the
    // whole `npm test` with PostgreSQL required: 2 workers 1,032 s, 3 workers 963 s, both green).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // A worker runs its files one after another in the same process: the app's modules are
    // imported once per worker instead of once per file (imports were ~280 s of a run). Every
    // file makes its own databases, servers and browsers, and cleans them up.
    isolate: false,
    env: { TZ: "UTC" },
    // src/ transpiled once for the CLI suites' child processes (test/helpers/cli-build.ts).
    globalSetup: ["test/helpers/cli-build.ts"],
  },
});
