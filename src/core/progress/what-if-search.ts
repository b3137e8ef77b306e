// The best combination of corrective actions (issue 12): after every option has been run alone,
// find the set of options that meets the deadline at the least cost, else the one that brings the
// finish earliest — never worse than the best single option. Options interact (two people's
// overtime on parallel work gains nothing alone and a day together; three moves to one free member
// overload them), so the search does not stop where one more option fails to move the finish:
//   1. a single option that meets the deadline: the cheapest such;
//   2. else a beam search: from the best few sets, add each option that may go with them; sets
//      are ranked by the finish, then the hours of the plan's work still after the deadline (the
//      progress an option makes before the finish moves), then the sum of the plan's task finishes;
//      it goes on while the best set improves and stops at the first level with a set that meets
//   3. else, with runs left, every remaining set of 2, 3, … options in turn (the brute force the
//      property test compares with), up to the end of the size at which some set meets.
// Among the sets run, the answer is the cheapest that meets the deadline (fewest options, then
// earliest, on a tie), else the earliest finish (then cheapest). Pure; runs the engine through
// the caller's `run`, which answers null once its budget is spent.
import { toEpochDay } from "../calendar/date.js";
import type { WhatIfChange, WhatIfOption, WhatIfScore, Evaluated } from "./what-ifs.js";

/** How many sets the beam keeps at each level. */
export const BEAM_WIDTH = 4;

export interface SearchSet<O extends WhatIfOption> {
  options: O[];
  changes: WhatIfChange[];
  score: WhatIfScore;
  evaluated: Evaluated;
}

export interface SearchInput<O extends WhatIfOption> {
  /** Every option with its own run and score (the singles). */
  singles: { option: O; score: WhatIfScore; evaluated: Evaluated }[];
  /** Runs a set of changes and scores it; null when the run budget is spent. */
  run: (changes: WhatIfChange[]) => { score: WhatIfScore; evaluated: Evaluated } | null;
  /** Whether an option may join a set (it edits nothing the set edits). */
  compatible: (set: readonly O[], option: O) => boolean;
  /** The plan's task ids (for the hours still after the deadline). */
  planTasks: ReadonlySet<string>;
  deadline: string;
}

export const costOf = (s: WhatIfScore) => s.hoursMoved + s.overtimeHours + s.hoursCut;

interface Ranked<O extends WhatIfOption> extends SearchSet<O> {
  key: string;
  /** Hours of the plan's work placed after the deadline; sum of the plan's task finishes (epoch days). */
  late: number;
  finishes: number;
}

const NEVER = "9999-12-31";

/** Better first: meets the deadline; then, meeting, the cheapest; missing, the earliest and closest. */
function rank<O extends WhatIfOption>(a: Ranked<O>, b: Ranked<O>): number {
  const am = a.score.meetsDeadline;
  const bm = b.score.meetsDeadline;
  if (am !== bm) return am ? -1 : 1;
  const fa = a.score.finish ?? NEVER;
  const fb = b.score.finish ?? NEVER;
  if (am)
    return (
      costOf(a.score) - costOf(b.score) ||
      a.options.length - b.options.length ||
      (fa < fb ? -1 : fa > fb ? 1 : 0) ||
      a.score.slipsElsewhere.length - b.score.slipsElsewhere.length
    );
  return (
    (fa < fb ? -1 : fa > fb ? 1 : 0) ||
    a.late - b.late ||
    a.finishes - b.finishes ||
    costOf(a.score) - costOf(b.score) ||
    a.options.length - b.options.length
  );
}

/** The best set of options found (see the file's head), or null when there are no options. */
export function bestCombination<O extends WhatIfOption>(
  input: SearchInput<O>,
): SearchSet<O> | null {
  const { singles, planTasks, deadline } = input;
  if (!singles.length) return null;
  const position = new Map(singles.map((s, i) => [s.option.id, i]));
  const keyOf = (os: readonly O[]) =>
    os
      .map((o) => position.get(o.id)!)
      .sort((a, b) => a - b)
      .join(",");
  const seen = new Map<string, Ranked<O>>();
  const ranked = (options: O[], score: WhatIfScore, evaluated: Evaluated): Ranked<O> => {
    let late = 0;
    let finishes = 0;
    for (const a of evaluated.result.allocations)
      if (a.date > deadline && planTasks.has(a.task)) late += a.hours;
    for (const t of evaluated.result.tasks)
      if (planTasks.has(t.id) && !t.summary) finishes += toEpochDay(t.finish);
    const sorted = [...options].sort((x, y) => position.get(x.id)! - position.get(y.id)!);
    return {
      options: sorted,
      changes: sorted.flatMap((o) => o.changes),
      score,
      evaluated,
      key: keyOf(options),
      late: Math.round(late * 100) / 100,
      finishes,
    };
  };
  let spent = false;
  /** The set run and ranked (once per set); null when the budget is spent. */
  const tryset = (options: O[]): Ranked<O> | null => {
    const key = keyOf(options);
    const known = seen.get(key);
    if (known) return known;
    if (spent) return null;
    const sorted = [...options].sort((x, y) => position.get(x.id)! - position.get(y.id)!);
    const out = input.run(sorted.flatMap((o) => o.changes));
    if (!out) {
      spent = true;
      return null;
    }
    const r = ranked(sorted, out.score, out.evaluated);
    seen.set(key, r);
    return r;
  };
  for (const s of singles) {
    const r = ranked([s.option], s.score, s.evaluated);
    seen.set(r.key, r);
  }
  const bestSeen = () => [...seen.values()].sort(rank)[0]!;
  const meets = () => [...seen.values()].some((r) => r.score.meetsDeadline);
  if (meets()) return strip(bestSeen());

  // 2. Beam search.
  let level = [...seen.values()].sort(rank).slice(0, BEAM_WIDTH);
  let best = level[0]!;
  const options = singles.map((s) => s.option);
  for (let size = 2; size <= options.length && !spent; size++) {
    const next = new Map<string, Ranked<O>>();
    for (const set of level) {
      for (const o of options) {
        if (set.options.includes(o) || !input.compatible(set.options, o)) continue;
        const r = tryset([...set.options, o]);
        if (!r) break;
        next.set(r.key, r);
      }
      if (spent) break;
    }
    if (!next.size) break;
    level = [...next.values()].sort(rank).slice(0, BEAM_WIDTH);
    if (level[0]!.score.meetsDeadline) return strip(bestSeen());
    if (rank(level[0]!, best) >= 0) break;
    best = level[0]!;
  }

  // 3. Every other set, by size, while runs remain.
  for (let size = 2; size <= options.length && !spent && !meets(); size++) {
    const pick: O[] = [];
    const visit = (from: number): void => {
      if (spent) return;
      if (pick.length === size) {
        tryset([...pick]);
        return;
      }
      for (let i = from; i < options.length && !spent; i++) {
        const o = options[i]!;
        if (!input.compatible(pick, o)) continue;
        pick.push(o);
        visit(i + 1);
        pick.pop();
      }
    };
    visit(0);
  }
  return strip(bestSeen());
}

const strip = <O extends WhatIfOption>(r: Ranked<O>): SearchSet<O> => ({
  options: r.options,
  changes: r.changes,
  score: r.score,
  evaluated: r.evaluated,
});
