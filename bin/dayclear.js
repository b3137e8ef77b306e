#!/usr/bin/env node
// Runs the built CLI when `npm run build` has produced it, otherwise the TypeScript sources
// through tsx, so `npx dayclear …` works in a fresh clone without a build step.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "cli", "index.js");
if (existsSync(built) && !process.env.DAYCLEAR_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "src", "cli", "index.ts")).href);
}
