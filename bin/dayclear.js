#!/usr/bin/env node
// Runs the built CLI when `npm run build` produced it after the last change to src/, otherwise the
// TypeScript sources through tsx, so `npx dayclear …` works in a fresh clone without a build step
// and never runs a stale build. Under the test runner (DAYCLEAR_FROM_SOURCE with DAYCLEAR_TEST_BUILD,
// set by test/helpers/cli-build.ts) it runs the sources as that run transpiled them at its start.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "cli", "index.js");
const stamp = join(root, "dist", ".build-stamp");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const fresh =
  existsSync(built) &&
  existsSync(stamp) &&
  !process.env.DAYCLEAR_FROM_SOURCE &&
  (!existsSync(join(root, "src")) || statSync(stamp).mtimeMs >= newestSource(join(root, "src")));
const testBuild = process.env.DAYCLEAR_FROM_SOURCE && process.env.DAYCLEAR_TEST_BUILD;
if (testBuild && existsSync(join(testBuild, "cli", "index.js"))) {
  await import(pathToFileURL(join(testBuild, "cli", "index.js")).href);
} else if (fresh) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "src", "cli", "index.ts")).href);
}
