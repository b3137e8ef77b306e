// Team mode: validate, run the quick pass, and with a budget run perturbed passes and keep the
// best (fewest unscheduled, least priority-weighted lateness, earliest finish). The quick pass
// is always a candidate, so a search never returns anything worse.

import { Rng } from "../rng.js";
import { validateTeamPlan } from "../plan-validate.js";
import {
  PlanValidationError,
  type ScheduleOptions,
  type TeamPlan,
  type TeamResult,
} from "../types.js";
import { buildContext } from "./context.js";
import { runPass, type PassResult } from "./pass.js";
import { betterScore, buildTeamResult, scorePass } from "./result.js";

/** Full passes a team search runs at most, whatever the budget (each pass places every task). */
export const TEAM_MAX_PASSES = 200;

export interface TeamScheduleOptions extends ScheduleOptions {
  /** First date new work may be placed on (default: the plan's start). */
  placementStart?: string;
  /** Task id → member id to prefer on ties (the previous assignee, for stable re-plans). */
  preferredAssignees?: ReadonlyMap<string, string>;
  /** Task id → placement sequence in the previous result (`seq`): replayed for stability. */
  previousSeq?: ReadonlyMap<string, number>;
  /** Only for a plan that came unchanged out of validatePlan/parsePlanFile: skip validating it again. */
  skipValidation?: boolean;
  /** Ids of tasks the previous result shared among members (`assignees`): they stay shared. */
  previousShared?: ReadonlySet<string>;
}

/**
 * Schedule a team plan. Throws PlanValidationError for structural problems (unknown ids, bad
 * fields); dependency cycles do not throw — the tasks on and after a cycle go to `unscheduled`.
 */
export function scheduleTeam(plan: TeamPlan, options: TeamScheduleOptions = {}): TeamResult {
  const t0 = performance.now();
  let valid = plan;
  if (!options.skipValidation) {
    const checked = validateTeamPlan(plan as unknown as Record<string, unknown>, { cycles: false });
    if (!checked.ok) throw new PlanValidationError(checked.issues);
    valid = checked.plan;
  }
  const placementStart =
    options.placementStart && options.placementStart > valid.start
      ? options.placementStart
      : valid.start;
  const ctx = buildContext(valid, placementStart, 0);
  let preferred: Int32Array | undefined;
  if (options.preferredAssignees) {
    const memberIndex = new Map(valid.members.map((m, k) => [m.id, k]));
    preferred = Int32Array.from(
      valid.tasks,
      (t) => memberIndex.get(options.preferredAssignees!.get(t.id) ?? "") ?? -1,
    );
  }
  let orderKey: Float64Array | undefined;
  if (options.previousSeq) {
    const seq = options.previousSeq;
    orderKey = Float64Array.from(valid.tasks, (t) => seq.get(t.id) ?? Number.NaN);
  }
  let previousShared: Uint8Array | undefined;
  if (options.previousShared && options.previousShared.size > 0) {
    const ids = options.previousShared;
    previousShared = Uint8Array.from(valid.tasks, (t) => (ids.has(t.id) ? 1 : 0));
  }
  let best: PassResult = runPass(ctx, { preferred, orderKey, previousShared });
  let passes = 1;
  const effort = options.effort ?? "quick";
  if (effort !== "quick" && effort > 1) {
    let bestScore = scorePass(ctx, best);
    const rng = new Rng(options.seed ?? 1);
    const budget = Math.min(Math.floor(effort), TEAM_MAX_PASSES);
    while (passes < budget) {
      const r = runPass(ctx, {
        preferred,
        orderKey,
        previousShared,
        rng,
        noise: 0.1 + 0.4 * rng.next(),
      });
      passes++;
      const s = scorePass(ctx, r);
      if (betterScore(s, bestScore)) {
        best = r;
        bestScore = s;
      }
    }
  }
  const result = buildTeamResult(ctx, best, { schedules: passes, ms: 0 });
  result.stats.ms = Math.round((performance.now() - t0) * 100) / 100;
  return result;
}
