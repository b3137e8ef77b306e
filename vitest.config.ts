import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import InterleavingSequencer from "./test/helpers/sequencer.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Vitest's default (cores − 1) is one worker on the 2-core CI machine, where test time is
    // spent in PostgreSQL, the in-process server, Chromium and the CLI's child processes as much as
    // in the worker. Measured on this machine (docs/BENCHMARKS.md, "The test suite"): the files
    // other than the browser journeys keep only about one core busy, the journeys saturate both;
    // with the journeys spread through the run (test/helpers/sequencer.ts) four workers ran Vitest
    // in 670 s against 1,057–1,112 s with three and Vitest's order, both cores ~90 % busy.
    maxWorkers: Math.max(4, availableParallelism()),
    // A worker runs its files one after another in the same process: the app's modules are
    // imported once per worker instead of once per file (imports were ~280 s of a run). Every
    // file makes its own databases, servers and browsers, and cleans them up.
    isolate: false,
    env: { TZ: "UTC" },
    // src/ transpiled once for the CLI suites' child processes (test/helpers/cli-build.ts).
    globalSetup: ["test/helpers/cli-build.ts"],
    // The browser journeys spread through the run instead of all at its start (the helper says why).
    sequence: { sequencer: InterleavingSequencer },
  },
});
