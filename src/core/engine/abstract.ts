// Abstract mode (RCPSP): validate, search, and present the result in format v1.

import {
  PlanValidationError,
  RESULT_FORMAT,
  type AbstractPlan,
  type AbstractResult,
  type ScheduleOptions,
} from "./types.js";
import { validateAbstractPlan } from "./plan-validate.js";
import { lowerBound, rcpspFromPlan, reverseRcpsp, type Rcpsp } from "./rcpsp/problem.js";
import { geneticSearch, quickSearch } from "./rcpsp/search.js";

/**
 * Schedule an abstract plan. `effort: "quick"` (default) runs the priority-rule pass with
 * justification; a number runs the genetic search with that many schedules, seeded by the quick
 * pass (so never worse). Throws PlanValidationError on an invalid plan (cycle with its path).
 */
export function scheduleAbstract(
  plan: AbstractPlan,
  options: ScheduleOptions = {},
): AbstractResult {
  const t0 = performance.now();
  const checked = validateAbstractPlan(plan as unknown as Record<string, unknown>);
  if (!checked.ok) throw new PlanValidationError(checked.issues);
  const p = rcpspFromPlan(checked.plan);
  const rev = reverseRcpsp(p);
  const lb = lowerBound(p);
  const effort = options.effort ?? "quick";
  const search =
    effort === "quick" || effort <= 0
      ? quickSearch(p, rev)
      : geneticSearch(p, rev, Math.floor(effort), options.seed ?? 1, lb);
  const ids = plan.tasks.map((t) => t.id);
  return {
    format: RESULT_FORMAT,
    mode: "abstract",
    makespan: search.makespan,
    lowerBound: lb,
    tasks: ids.map((id, j) => ({
      id,
      start: search.start[j]!,
      finish: search.start[j]! + p.dur[j]!,
    })),
    criticalPath: criticalChain(p, search.start, search.makespan).map((j) => ids[j]!),
    unscheduled: [],
    warnings: [],
    stats: { schedules: search.schedules, ms: Math.round((performance.now() - t0) * 100) / 100 },
  };
}

/**
 * The chain of activities that fixes the makespan: from a latest-finishing activity, walk back
 * to an activity finishing exactly when the current one starts — a precedence predecessor if
 * there is one, otherwise one that held the resources (a resource link).
 */
export function criticalChain(p: Rcpsp, start: Int32Array, makespan: number): number[] {
  const finish = (j: number): number => start[j]! + p.dur[j]!;
  // Prefer an activity without successors (the project's sink, in PSPLIB terms).
  let cur = -1;
  for (let j = 0; j < p.n; j++) {
    if (finish(j) !== makespan) continue;
    const sink = p.succStart[j + 1] === p.succStart[j];
    if (cur < 0 || (sink && p.succStart[cur + 1] !== p.succStart[cur])) cur = j;
  }
  if (cur < 0) return [];
  const chain = [cur];
  const seen = new Uint8Array(p.n);
  seen[cur] = 1;
  while (start[cur]! > 0 || chain.length < p.n) {
    let next = -1;
    for (let k = p.predStart[cur]!; k < p.predStart[cur + 1]!; k++) {
      const q = p.pred[k]!;
      if (!seen[q] && finish(q) === start[cur]!) {
        next = q;
        break;
      }
    }
    if (next < 0) {
      for (let j = 0; j < p.n; j++) {
        if (!seen[j] && p.dur[j]! > 0 && finish(j) === start[cur]!) {
          next = j;
          break;
        }
      }
    }
    if (next < 0) break;
    seen[next] = 1;
    chain.push(next);
    cur = next;
  }
  return chain.reverse();
}
