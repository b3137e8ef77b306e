// `npm test`'s static checks in two lanes, one a core: the two type checks one after the other
// beside the linter and then the formatter (each tool is single-threaded; four at once on two
// cores only fight over them). Each check's output is printed whole, in a fixed order; the exit
// code is non-zero when any of them failed.
import { spawn } from "node:child_process";

const LANES = [
  [
    ["typecheck (server)", "tsc", ["-p", "tsconfig.json", "--noEmit"]],
    ["typecheck (web)", "tsc", ["-p", "web/tsconfig.json", "--noEmit"]],
  ],
  [
    ["lint", "eslint", ["."]],
    ["format", "prettier", ["--check", "."]],
  ],
];

const run = ([name, bin, args]) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(`node_modules/.bin/${bin}`, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", (err) => resolve({ name, code: 1, out: String(err), seconds: 0 }));
    child.on("close", (code) =>
      resolve({ name, code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }),
    );
  });

const lane = async (checks) => {
  const done = [];
  for (const check of checks) done.push(await run(check));
  return done;
};
const results = (await Promise.all(LANES.map(lane))).flat();
for (const r of results) {
  console.log(
    `== ${r.name}: ${r.code === 0 ? "ok" : `failed (exit ${r.code})`}, ${r.seconds.toFixed(0)} s`,
  );
  if (r.code !== 0 || r.out.trim())
    process.stdout.write(r.out.endsWith("\n") ? r.out : `${r.out}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
