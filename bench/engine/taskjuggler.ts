// Dayclear against TaskJuggler 3 on the same generated project (work packages, roles with
// levels, part-timers, leave, public holidays, finish-to-start dependencies, priorities),
// written once as a .tjp and once as a plan file. Runs tj3 if it is installed.

import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  checkTeamSchedule,
  scheduleTeam,
  serializeResult,
  type TeamPlan,
} from "../../src/core/engine/index.js";
import { generateTeamPlan } from "../../src/core/engine/testing/generate.js";
import { fmt, median, printFigures } from "./report.js";

const fmtMs = (ms: number): string => `${fmt(ms, 0)} ms`;

const REPO = path.resolve(import.meta.dirname, "../..");

/** Wall and CPU (user + system) seconds of a command, CPU from /usr/bin/time when it is there. */
function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { wall: number; cpu: number; status: number | null; stderr: string } {
  const gnuTime = existsSync("/usr/bin/time");
  const t = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "@cpu %U %S", cmd, ...args], { encoding: "utf8", env })
    : spawnSync(cmd, args, { encoding: "utf8", env });
  const wall = (performance.now() - t) / 1000;
  const m = /@cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  return {
    wall,
    cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN,
    status: r.status,
    stderr: (r.stderr ?? "").replace(/@cpu [\d.]+ [\d.]+\s*$/, ""),
  };
}

/** Whether bin/dayclear.js runs the build (dist/ newer than every source) or the sources (tsx). */
function cliRunsBuild(bin: string): boolean {
  const root = path.resolve(path.dirname(bin), "..");
  const stamp = path.join(root, "dist", ".build-stamp");
  if (!existsSync(path.join(root, "dist", "cli", "index.js")) || !existsSync(stamp)) return false;
  const src = path.join(root, "src");
  if (!existsSync(src)) return true;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  return statSync(stamp).mtimeMs >= newest(src);
}

/** A project both tools can express: FS links without lag, no deadlines or earliest starts, no make-up days. */
export function comparablePlan(tasks: number, members: number, seed: number): TeamPlan {
  const plan = generateTeamPlan({
    tasks,
    members,
    seed,
    packageSize: 20,
    finishToStartOnly: true,
    fixedShare: 0.1,
  });
  plan.calendar.extraWorkdays = []; // TaskJuggler has no make-up workdays
  const best = new Map<string, number>();
  for (const m of plan.members)
    for (const [s, l] of Object.entries(m.skills)) best.set(s, Math.max(best.get(s) ?? 0, l));
  for (const t of plan.tasks) {
    t.deadline = null;
    t.earliestStart = null;
    for (const d of t.dependsOn) d.lagDays = 0;
    if (t.skill !== null) t.minLevel = Math.min(t.minLevel ?? 1, best.get(t.skill) ?? 1);
  }
  return plan;
}

const DAYS = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function toTjp(plan: TeamPlan): string {
  const out: string[] = [];
  out.push(`project bench "Dayclear benchmark" ${plan.start} +24m {`);
  out.push(
    `  timeformat "%Y-%m-%d"`,
    `  dailyworkinghours ${plan.calendar.hoursPerDay}`,
    `  now ${plan.start}`,
  );
  out.push(
    `  workinghours mon - fri 9:00 - 13:00, 14:00 - 18:00`,
    `  workinghours sat, sun off`,
    `}`,
  );
  for (const h of plan.calendar.holidays) out.push(`leaves holiday "holiday" ${h} +1d`);
  for (const m of plan.members) {
    out.push(`resource ${m.id} "${m.name}" {`);
    const days = m.workweek ?? [1, 2, 3, 4, 5];
    const hours = m.hoursPerDay ?? plan.calendar.hoursPerDay;
    const span = hours === 8 ? "9:00 - 13:00, 14:00 - 18:00" : `9:00 - ${9 + hours}:00`;
    out.push(`  workinghours ${days.map((d) => DAYS[d]).join(", ")} ${span}`);
    const off = [1, 2, 3, 4, 5, 6, 7].filter((d) => !days.includes(d));
    if (off.length > 0) out.push(`  workinghours ${off.map((d) => DAYS[d]).join(", ")} off`);
    for (const d of m.daysOff) out.push(`  leaves annual ${d} +1d`);
    out.push(`}`);
  }
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const fullId = (id: string): string => {
    const t = byId.get(id)!;
    return t.parent ? `${fullId(t.parent)}.${id}` : id;
  };
  const candidates = (t: TeamPlan["tasks"][number]): string[] => {
    if (t.assignee) return [t.assignee];
    return plan.members
      .filter((m) => t.skill === null || (m.skills[t.skill] ?? 0) >= (t.minLevel ?? 1))
      .map((m) => m.id);
  };
  const children = new Map<string | null, TeamPlan["tasks"]>();
  for (const t of plan.tasks) children.set(t.parent, [...(children.get(t.parent) ?? []), t]);
  const emit = (t: TeamPlan["tasks"][number], indent: string): void => {
    out.push(`${indent}task ${t.id} "${t.name}" {`);
    const kids = children.get(t.id);
    if (kids) for (const k of kids) emit(k, `${indent}  `);
    else {
      out.push(`${indent}  effort ${t.effortHours}h`, `${indent}  priority ${t.priority}`);
      const [first, ...rest] = candidates(t);
      out.push(
        `${indent}  allocate ${first}${rest.length > 0 ? ` { alternative ${rest.join(", ")} select minloaded persistent }` : ""}`,
      );
    }
    if (t.dependsOn.length > 0)
      out.push(`${indent}  depends ${t.dependsOn.map((d) => fullId(d.task)).join(", ")}`);
    out.push(`${indent}}`);
  };
  for (const t of children.get(null) ?? []) emit(t, "");
  out.push(
    `taskreport finish "finish" {`,
    `  formats csv`,
    `  columns id, end`,
    `  hidetask treelevel() > 1`,
    `}`,
  );
  return `${out.join("\n")}\n`;
}

export function benchTaskJuggler(
  tasks: number,
  members: number,
  options: { cli?: string; runs?: number } = {},
): void {
  const title = `Against TaskJuggler (${tasks} tasks, ${members} people, roles, part-timers, leave, FS links)`;
  const probe = spawnSync("tj3", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    console.log(`\n## ${title}\nskipped: tj3 is not installed (apt-get install -y tj3)`);
    return;
  }
  const plan = comparablePlan(tasks, members, 11);
  const dir = mkdtempSync(path.join(tmpdir(), "dayclear-tj-"));
  writeFileSync(path.join(dir, "bench.tjp"), toTjp(plan));
  writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan));
  const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const loadBefore = existsSync("/proc/loadavg") ? load() : "?";
  const tj = timed("tj3", ["--silent", "-o", dir, path.join(dir, "bench.tjp")], {
    ...process.env,
    TZ: "UTC",
  });
  if (tj.status !== 0) throw new Error(`tj3 failed on ${dir}/bench.tjp:\n${tj.stderr}`);
  const tjWarnings = (tj.stderr.match(/Warning:/g) ?? []).length;
  const tjMs = tj.wall * 1000;

  // The whole `dayclear schedule` process as a user runs it (Node's start, loading the CLI,
  // reading and validating the file, scheduling, writing the result), the median of a few runs
  // taken right after tj3's.
  const bin = path.resolve(options.cli ?? path.join(REPO, "bin", "dayclear.js"));
  const built = cliRunsBuild(bin);
  const runs: { wall: number; cpu: number }[] = [];
  for (let k = 0; k < (options.runs ?? 5); k++) {
    const r = timed(process.execPath, [
      bin,
      "schedule",
      path.join(dir, "plan.json"),
      "--out",
      path.join(dir, "cli-result.json"),
    ]);
    if (r.status !== 0) throw new Error(`dayclear schedule failed:\n${r.stderr}`);
    runs.push(r);
  }
  const cliWall = median(runs.map((r) => r.wall)) * 1000;
  const cliCpu = median(runs.map((r) => r.cpu)) * 1000;
  const loadAfter = existsSync("/proc/loadavg") ? load() : "?";
  const csv = readFileSync(path.join(dir, "finish.csv"), "utf8");
  const tjFinish =
    csv
      .split("\n")
      .slice(1)
      .map((l) => l.split(";")[1]?.replace(/"/g, "").slice(0, 10) ?? "")
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort()
      .pop() ?? "?";
  scheduleTeam(plan); // warm-up, as TaskJuggler's own start-up is not counted against it either
  const t = performance.now();
  const result = scheduleTeam(plan);
  const dcMs = performance.now() - t;
  writeFileSync(path.join(dir, "result.json"), serializeResult(result));
  const errors = checkTeamSchedule(plan, result);
  const tjLast = tjFinish;
  printFigures(title, [
    {
      name: "load average (1, 5, 15 min) before / after",
      unit: "",
      note: `${loadBefore} / ${loadAfter}`,
    },
    {
      name: "tj3 wall time (parse, schedule, one small CSV report)",
      value: tjMs,
      unit: "ms",
      note: `${tjWarnings} priority-inversion warnings from tj3; CPU ${fmtMs(tj.cpu * 1000)}`,
    },
    {
      name: `whole \`dayclear schedule\` process, median of ${runs.length} (${built ? "the build in dist/" : "the sources through tsx: dist/ is older than src/, run npm run build:server"})`,
      value: cliWall,
      unit: "ms",
      note: `CPU ${fmtMs(cliCpu)}; runs ${runs.map((r) => fmtMs(r.wall * 1000)).join(", ")}; ${bin}`,
    },
    {
      name: "whole-process ratio tj3 / dayclear schedule, wall",
      value: tjMs / cliWall,
      unit: "×",
      note: `target ≥ 20×: ${tjMs / cliWall >= 20 ? "✓ met" : "✗ NOT met"}; by CPU time ${fmt(tj.cpu / (cliCpu / 1000), 1)}×`,
    },
    { name: "Dayclear quick mode", value: dcMs, unit: "ms" },
    {
      name: "time ratio tj3 / Dayclear quick mode (in-process, warm)",
      value: tjMs / dcMs,
      unit: "×",
      note: "target ≥ 50×",
    },
    {
      name: "finish dates",
      unit: "",
      note: `Dayclear ${result.finish}, TaskJuggler ${tjLast} (${result.finish <= tjLast ? "Dayclear no later ✓" : "Dayclear later ✗"})`,
    },
    {
      name: "checker violations",
      value: errors.length,
      unit: "",
      target: 0,
      note: `files in ${dir}; ${result.unscheduled.length} unscheduled`,
    },
  ]);
}
