// The best combination against brute force (issue 12): "on generated late plans, the best proposed
// combination meets the deadline whenever a brute-force search over the same option space finds
// one (small cases), and is never worse than the single best option". Plans from
// core/progress/testing/late-plans.ts (a late plan of 5–12 tasks, a second plan sharing its
// people, a deadline 1–4 workdays before the finish), seeds 1…N; brute force runs every set of the
// options the what-ifs propose that may go together (cases with more than --max-options options are
// skipped and counted). Figures: cases compared, how often brute force meets the deadline and the
// proposal does too, how often the proposal equals brute force's best (meets the deadline when it
// can, else the same earliest finish), never worse than the best single option, the runs the search
// spent and its time per case, and the same with the budget of 40 runs alone.
import { LIMITS } from "../../src/core/limits.js";
import { bruteForce, generateLatePlan } from "../../src/core/progress/testing/late-plans.js";
import { whatIfs, type WhatIfContext } from "../../src/core/progress/what-ifs.js";
import { arg, fmt, median, printFigures, type Figure } from "../engine/report.js";

interface Tally {
  meets: number;
  matched: number;
  notWorse: number;
  runs: number[];
  ms: number[];
}

function tally(): Tally {
  return { meets: 0, matched: 0, notWorse: 0, runs: [], ms: [] };
}

function compare(
  t: Tally,
  ctx: WhatIfContext,
  brute: { meets: boolean; earliest: string | null; bestSingle: string | null },
  work: number | undefined,
): void {
  const t0 = performance.now();
  const a = whatIfs({
    ...ctx,
    limits: { options: LIMITS.whatIfOptionsMax, runs: LIMITS.whatIfEngineRunsMax, work },
  });
  t.ms.push(performance.now() - t0);
  t.runs.push(a.runs);
  const meets = !!a.best?.score.meetsDeadline;
  const finish = a.best?.score.finish ?? a.finish;
  if (brute.meets && meets) t.meets++;
  if (meets === brute.meets && (meets || finish === brute.earliest)) t.matched++;
  if (meets || !brute.bestSingle || (finish && finish <= brute.bestSingle)) t.notWorse++;
}

export function benchBruteForce(args: string[]): void {
  const quick = args.includes("--quick");
  const cases = Number(arg(args, "cases") ?? (quick ? 60 : 200));
  const maxOptions = Number(arg(args, "max-options") ?? 10);
  let compared = 0;
  let skipped = 0;
  let bruteMeets = 0;
  let combinations = 0;
  const bruteMs: number[] = [];
  const search = tally();
  const forty = tally();
  for (let seed = 1; seed <= cases; seed++) {
    const ctx = generateLatePlan({ seed, tasks: 5 + (seed % 8), members: 2 + (seed % 3) });
    if (!ctx) {
      skipped++;
      continue;
    }
    const t0 = performance.now();
    const brute = bruteForce(ctx, maxOptions);
    if (!brute) {
      skipped++;
      continue;
    }
    bruteMs.push(performance.now() - t0);
    compared++;
    combinations += brute.combinations;
    if (brute.meets) bruteMeets++;
    compare(search, ctx, brute, LIMITS.whatIfEngineWork);
    compare(forty, ctx, brute, undefined);
  }
  const line = (t: Tally, what: string): Figure[] => [
    {
      name: `${what}: meets the deadline where brute force does`,
      value: t.meets,
      unit: `of ${bruteMeets}`,
      note: `${bruteMeets - t.meets} missed`,
    },
    {
      name: `${what}: equals brute force's best (meets when it can, else the same earliest finish)`,
      value: t.matched,
      unit: `of ${compared}`,
      note: `never worse than the best single option in ${t.notWorse} of ${compared}`,
    },
    {
      name: `${what}: engine runs a case, median (max)`,
      value: median(t.runs),
      unit: "",
      note: `max ${Math.max(...t.runs)}; the whole answer ${fmt(median(t.ms), 1)} ms median, ${fmt(Math.max(...t.ms), 1)} ms max`,
    },
  ];
  printFigures(
    `Best combination against brute force (${compared} generated late plans of seeds 1–${cases}; ${skipped} skipped: not late enough or more than ${maxOptions} options)`,
    [
      {
        name: "brute force: combinations run",
        value: combinations,
        unit: "",
        note: `a case ${fmt(median(bruteMs), 0)} ms median; some combination meets the deadline in ${bruteMeets} of ${compared}`,
      },
      ...line(search, `the search (budget ${LIMITS.whatIfEngineWork} task-runs)`),
      ...line(forty, `the search with ${LIMITS.whatIfEngineRunsMax} runs alone`),
    ],
  );
}
