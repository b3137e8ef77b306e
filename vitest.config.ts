import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Vitest's default (cores − 1) is one worker on the 2-core CI machine, where most test time is
    // spent waiting on PostgreSQL, the in-process server and Chromium: two workers keep both cores
    // busy and bring the run under the 20-minute budget.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker runs its files one after another in the same process: the app's modules are
    // imported once per worker instead of once per file (imports were ~280 s of a run). Every
    // file makes its own databases, servers and browsers, and cleans them up.
    isolate: false,
    env: { TZ: "UTC" },
  },
});
