// Goals (MBO), pure rules: a member's weights add up to 100; the agreement flow
// draft → proposed → agreed (or returned with a comment → proposed again); an agreed goal changes
// only through a new agreement; the final score is Σ weight × lead score / 100, in hundredths.
import { fieldError, type FieldError } from "../errors.js";

export type GoalStatus = "draft" | "proposed" | "agreed" | "returned";
export type GoalAction = "propose" | "agree" | "return" | "reopen";

const TRANSITIONS: Record<GoalAction, { from: readonly GoalStatus[]; to: GoalStatus }> = {
  propose: { from: ["draft", "returned"], to: "proposed" },
  agree: { from: ["proposed"], to: "agreed" },
  return: { from: ["proposed"], to: "returned" },
  // Changing an agreed goal starts a new agreement; the agreed state stays in the history.
  reopen: { from: ["agreed"], to: "draft" },
};

/** The next status, or null when the action is not allowed from this status. */
export function transition(status: GoalStatus, action: GoalAction): GoalStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** A member's goal weights in a cycle: whole numbers 1–100 adding up to exactly 100. */
export function checkWeights(goals: readonly { weight: number }[], field = "weight"): FieldError[] {
  const errors: FieldError[] = [];
  goals.forEach((g, i) => {
    if (!Number.isInteger(g.weight) || g.weight < 1 || g.weight > 100)
      errors.push(fieldError(`goals.${i}.${field}`, "goals.weight.range"));
  });
  const total = goals.reduce((s, g) => s + g.weight, 0);
  if (goals.length > 0 && total !== 100)
    errors.push(fieldError("goals", "goals.weight.total", { total }));
  return errors;
}

/** Final score in hundredths of a point: Σ weight × score (scores 0–100 in hundredths), rounded half up. */
export function finalScore(goals: readonly { weight: number; scoreHundredths: number }[]): number {
  const sum = goals.reduce((s, g) => s + g.weight * g.scoreHundredths, 0);
  return Math.floor((sum + 50) / 100);
}

/** Achievement against target as a fraction; for "lower is better" metrics (response time) inverted. */
export function achievement(
  actual: number,
  target: number,
  better: "higher" | "lower" = "higher",
): number | null {
  if (better === "higher") return target === 0 ? null : actual / target;
  return actual === 0 ? null : target / actual;
}
