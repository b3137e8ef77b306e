// Corrective actions at scale (issue 12): "scoring 20 options on a 2,000-task / 50-person workspace
// ≤ 2 s in all". A generated team plan (2,000 tasks, 50 members, levels 1–5, efficiency 0.6…1.25)
// is read as a workspace of 10 plans (tasks dealt round-robin; links cross plans as members do); the
// plan that finishes last gets a deadline 3 workdays before its finish. Measured in-process on the
// pure core (core/progress/what-ifs.ts, through the plan-file path of `dayclear whatif`): the time to
// propose and score 20 options (21 engine runs with the one before), and the whole answer with the
// best-combination search (LIMITS.whatIfEngineWork ÷ 2,000 tasks = 40 runs at most). The machine's
// load average is printed with the figures (a shared 2-core VM). `--only brute`: the search
// against brute force on small generated late plans (brute.ts).
import { loadavg } from "node:os";
import { WorkCalendar } from "../../src/core/calendar/index.js";
import { generateTeamPlan } from "../../src/core/engine/testing/generate.js";
import { scheduleTeam, type TeamPlan } from "../../src/core/engine/index.js";
import { LIMITS } from "../../src/core/limits.js";
import { fileInput } from "../../src/core/progress/what-ifs-file.js";
import {
  evaluate,
  planFinishes,
  score as scoreOf,
  whatIfs,
  type WhatIfChange,
  type WhatIfContext,
} from "../../src/core/progress/what-ifs.js";
import { arg, fmt, median, printFigures, type Figure } from "../engine/report.js";
import { benchBruteForce } from "./brute.js";

const TASKS = Number(process.env.BENCH_WHATIF_TASKS ?? 2000);
const MEMBERS = 50;
const PLANS = 10;
const REPEATS = Number(process.env.BENCH_WHATIF_REPEATS ?? 3);

function workspace(seed: number): { ctx: Omit<WhatIfContext, "limits">; runMs: number } {
  const plan: TeamPlan = {
    ...generateTeamPlan({ tasks: TASKS, members: MEMBERS, dependencies: 1.2, seed }),
    efficiency: { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 },
  };
  const base = fileInput(plan);
  const input = {
    ...base,
    plans: Array.from({ length: PLANS }, (_, i) => ({ id: `p${i}`, startDate: plan.start })),
    tasks: base.tasks.map((t, i) => ({ ...t, planId: `p${i % PLANS}` })),
  };
  // The plan that finishes last, and a deadline 3 workdays before its finish.
  const t0 = performance.now();
  const result = scheduleTeam({ ...plan }, { effort: "quick" });
  const runMs = performance.now() - t0;
  const finishes = planFinishes(input, [], result);
  const [planId, finish] = [...finishes].sort((a, b) => (a[1] < b[1] ? 1 : -1))[0]!;
  const cal = new WorkCalendar(plan.calendar);
  const deadline = cal.subtractWorkdays(finish, 3);
  const members = plan.members.map((m) => ({ id: m.id, name: m.name, departmentId: null }));
  return { ctx: { input, planId, deadline, members, efficiency: plan.efficiency }, runMs };
}

export async function runWhatIfBench(args: string[]): Promise<void> {
  // `npm run bench -- whatif [--only scale,brute] [--quick] [--cases N] [--max-options K]`
  const only = (arg(args, "only") ?? "scale,brute").split(",");
  if (only.includes("scale")) benchScale();
  if (only.includes("brute")) benchBruteForce(args);
  const [l1, l5, l15] = loadavg();
  console.log(`- load average: ${fmt(l1!)} / ${fmt(l5!)} / ${fmt(l15!)} (1 / 5 / 15 min)`);
}

function benchScale(): void {
  const score: number[] = [];
  const full: number[] = [];
  const runs: number[] = [];
  const options: number[] = [];
  const single: number[] = [];
  let met = 0;
  for (let seed = 1; seed <= REPEATS; seed++) {
    const { ctx, runMs } = workspace(seed);
    single.push(runMs);
    // 20 options scored: the run before and one per option — the proposed ones, topped up to 20
    // with "another qualified member" for more of the plan's open tasks (generated plans drive
    // their finish through fewer tasks than the proposer's six).
    let t = performance.now();
    const proposed = whatIfs({ ...ctx, limits: { options: 20, runs: 1 } });
    const changes: WhatIfChange[][] = proposed.options.map((o) => o.changes);
    for (const task of ctx.input.tasks) {
      if (changes.length >= 20) break;
      if (task.planId !== ctx.planId || !task.skill || task.effortHours <= 0) continue;
      const other = ctx.input.members.find(
        (m) => m.id !== task.assignee && (m.skills[task.skill!] ?? 0) >= (task.minLevel ?? 1),
      );
      if (other) changes.push([{ kind: "assign", taskId: task.id, memberId: other.id }]);
    }
    const limits = { options: 20, runs: 40 };
    const before = evaluate(ctx.input, [], ctx.planId, ctx.efficiency);
    for (const c of changes)
      scoreOf({ ...ctx, limits }, before, evaluate(ctx.input, c, ctx.planId, ctx.efficiency), c);
    score.push(performance.now() - t);
    options.push(changes.length);
    t = performance.now();
    const answer = whatIfs({
      ...ctx,
      limits: {
        options: LIMITS.whatIfOptionsMax,
        runs: LIMITS.whatIfEngineRunsMax,
        work: LIMITS.whatIfEngineWork,
      },
    });
    full.push(performance.now() - t);
    runs.push(answer.runs);
    if (answer.best?.score.meetsDeadline) met++;
  }
  const [l1, l5, l15] = loadavg();
  const figures: Figure[] = [
    {
      name: `score 20 options, ${TASKS} tasks / ${MEMBERS} people / ${PLANS} plans (median of ${REPEATS})`,
      value: median(score) / 1000,
      unit: "s",
      target: 2,
      note: `options scored ${options.join(", ")} (proposal included); max ${fmt(Math.max(...score) / 1000)} s`,
    },
    {
      name: "… with the best-combination search",
      value: median(full) / 1000,
      unit: "s",
      note: `engine runs ${runs.join(", ")}; the best meets the deadline in ${met}/${REPEATS}; max ${fmt(Math.max(...full) / 1000)} s`,
    },
    {
      name: "one quick engine run on the same workspace",
      value: median(single),
      unit: "ms",
    },
    {
      name: "load average",
      unit: "",
      note: `${fmt(l1!)} / ${fmt(l5!)} / ${fmt(l15!)} (1 / 5 / 15 min)`,
    },
  ];
  printFigures("Corrective actions (what-ifs)", figures);
}
