// Speed and memory at scale: quick mode on 10,000 tasks / 200 members, incremental
// re-scheduling on 2,000 tasks, CPM on 10,000 and 1,000,000 tasks.

import {
  checkTeamSchedule,
  computeCpm,
  reschedule,
  scheduleTeam,
  type TeamPlan,
} from "../../src/core/engine/index.js";
import { addDays } from "../../src/core/calendar/index.js";
import { Rng } from "../../src/core/engine/rng.js";
import { generateTeamPlan } from "../../src/core/engine/testing/generate.js";
import { median, percentile, printFigures } from "./report.js";

export function benchTeamScale(): void {
  const plan = generateTeamPlan({ tasks: 10_000, members: 200, seed: 42, packageSize: 20 });
  let t = performance.now();
  const first = scheduleTeam(plan);
  const cold = performance.now() - t;
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    t = performance.now();
    scheduleTeam(plan);
    warm.push(performance.now() - t);
    warmCpu.push(cpuMs(c));
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const errors = checkTeamSchedule(plan, first);
  printFigures(
    "Team mode at scale (10,000 tasks, 200 members, 500 work packages, mixed FS/SS/FF/SF)",
    [
      { name: "quick mode, warm (median of 5)", value: median(warm), unit: "ms", target: 300 },
      {
        name: "quick mode, warm, CPU time of this process (median of 5)",
        value: median(warmCpu),
        unit: "ms",
        target: 300,
        note: "less sensitive to other load on a shared machine",
      },
      {
        name: "quick mode, first run in a fresh process (JIT cold)",
        value: cold,
        unit: "ms",
        target: 300,
      },
      {
        name: "peak resident memory of the benchmark process so far",
        value: peakMb,
        unit: "MB",
        target: 300,
        note: "includes Node, tsx and the plan itself",
      },
      {
        name: "checker violations",
        value: errors.length,
        unit: "",
        target: 0,
        note: `${first.unscheduled.length} unscheduled (no member at the level), finish ${first.finish}`,
      },
    ],
  );
}

export function benchReschedule(): void {
  const plan = generateTeamPlan({ tasks: 2_000, members: 50, seed: 7, packageSize: 20 });
  const base = scheduleTeam(plan);
  const rng = new Rng(3);
  const times: number[] = [];
  const cpu: number[] = [];
  let moved = 0;
  let violations = 0;
  for (let k = 0; k < 120; k++) {
    const today = addDays(plan.start, 3 + rng.int(15));
    const i = rng.int(plan.tasks.length);
    const kind = k % 3;
    const next: TeamPlan = structuredClone(plan);
    if (kind === 0 && next.tasks[i]!.effortHours > 0) next.tasks[i]!.effortHours += 4 + rng.int(12);
    else if (kind === 1)
      next.members[rng.int(next.members.length)]!.daysOff.push(addDays(today, 1 + rng.int(5)));
    else if (i > 0)
      next.tasks[i]!.dependsOn.push({ task: next.tasks[rng.int(i)]!.id, type: "FS", lagDays: 0 });
    const c = process.cpuUsage();
    const t = performance.now();
    const after = reschedule(next, base, { today });
    if (k >= 20) {
      // the first 20 warm the JIT
      times.push(performance.now() - t);
      cpu.push(cpuMs(c));
    }
    const before = new Map(base.tasks.map((x) => [x.id, `${x.assignee}${x.start}${x.finish}`]));
    moved += after.tasks.filter(
      (x) => before.get(x.id) !== `${x.assignee}${x.start}${x.finish}`,
    ).length;
    if (k % 20 === 0)
      violations += checkTeamSchedule(
        { ...next, pinned: base.allocations.filter((a) => a.date <= today) },
        after,
      ).length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  printFigures(
    "Incremental re-scheduling (2,000 tasks, 50 members; 100 changes: effort, day off, new dependency)",
    [
      { name: "p50 (wall)", value: percentile(times, 50), unit: "ms" },
      { name: "p95 (wall)", value: percentile(times, 95), unit: "ms", target: 20 },
      {
        name: "p50 / p95 CPU time of this process",
        value: percentile(cpu, 95),
        unit: "ms",
        target: 20,
        note: `p50 ${percentile(cpu, 50).toFixed(2)} ms; includes GC threads`,
      },
      {
        name: "tasks whose assignee or dates changed, per change (mean)",
        value: moved / 120,
        unit: "tasks",
      },
      { name: "checker violations (every 20th change)", value: violations, unit: "", target: 0 },
    ],
  );
}

/** CPU milliseconds (user + system, all threads) since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function randomDag(
  n: number,
  seed: number,
): { durations: Float64Array; from: Int32Array; to: Int32Array } {
  const rng = new Rng(seed);
  const durations = new Float64Array(n);
  const from: number[] = [];
  const to: number[] = [];
  for (let j = 0; j < n; j++) {
    durations[j] = 1 + rng.int(10);
    const k = j === 0 ? 0 : 1 + rng.int(2);
    for (let e = 0; e < k; e++) {
      from.push(Math.max(0, j - 1 - Math.floor(-Math.log(1 - rng.next()) * 20)));
      to.push(j);
    }
  }
  return { durations, from: Int32Array.from(from), to: Int32Array.from(to) };
}

function chain(n: number): { durations: Float64Array; from: Int32Array; to: Int32Array } {
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  for (let j = 0; j + 1 < n; j++) {
    from[j] = j;
    to[j] = j + 1;
  }
  return { durations: new Float64Array(n).fill(1), from, to };
}

function timeCpm(
  net: { durations: Float64Array; from: Int32Array; to: Int32Array },
  reps: number,
): number {
  computeCpm(net); // warm-up
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    computeCpm(net);
    times.push(performance.now() - t);
  }
  return median(times);
}

export function benchCpm(): void {
  const small = randomDag(10_000, 1);
  const big = randomDag(1_000_000, 2);
  printFigures("CPM (forward + backward pass, total and free float)", [
    {
      name: "10,000-task chain (median of 21)",
      value: timeCpm(chain(10_000), 21),
      unit: "ms",
      target: 10,
      note: "DHTMLX: 23.5 ms",
    },
    {
      name: `10,000 tasks, ${small.from.length} random links (median of 21)`,
      value: timeCpm(small, 21),
      unit: "ms",
      target: 10,
    },
    {
      name: `1,000,000 tasks, ${big.from.length} random links (median of 3)`,
      value: timeCpm(big, 3),
      unit: "ms",
      target: 1500,
    },
  ]);
}
