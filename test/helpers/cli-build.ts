// Vitest's global setup: transpiles src/ once per run (esbuild, no type check: `npm test`'s static
// checks do that) into .test-build-<pid>/ (one per run: runs side by side must not rebuild each
// other's), in dist/'s layout, and tells bin/dayclear.js to run it
// (DAYCLEAR_TEST_BUILD) when a suite asks for the sources (DAYCLEAR_FROM_SOURCE). The CLI suites
// start ~110 real `dayclear` processes a run; through tsx each spent ~0.7 CPU s transpiling the
// same sources again (docs/BENCHMARKS.md, "The test suite"). A run's sources do not change under
// it, so this is the same code, loaded as plain JavaScript.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..", "..");
const PREFIX = ".test-build-";
// At the project's top, like dist/: the code finds the project from its own place (server/config.ts).
const TEST_BUILD = join(ROOT, `${PREFIX}${process.pid}`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

export default async function setup(): Promise<() => void> {
  // A run that was killed leaves its build behind: remove those of runs no longer alive.
  for (const e of readdirSync(ROOT))
    if (e.startsWith(PREFIX) && !alive(Number(e.slice(PREFIX.length))))
      rmSync(join(ROOT, e), { recursive: true, force: true });
  await build({
    entryPoints: sources(join(ROOT, "src")),
    outdir: TEST_BUILD,
    outbase: join(ROOT, "src"),
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "inline",
    logLevel: "warning",
  });
  process.env.DAYCLEAR_TEST_BUILD = TEST_BUILD;
  return () => rmSync(TEST_BUILD, { recursive: true, force: true });
}
