// Plan and result files, format v1: parse (JSON text or an already parsed value), validate,
// and write results with the fields in the documented order.

import { english, msg } from "./messages.js";
import { validatePlan, type ValidationResult } from "./plan-validate.js";
import type { Plan, ScheduleResult } from "./types.js";

/**
 * Parse and validate a plan file. Returns every problem found (task, field, message), including
 * a dependency cycle with its path, instead of throwing.
 */
export function parsePlanFile(json: string | unknown): ValidationResult<Plan> {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      const problem = msg("plans.file.not_json", { error: (e as Error).message });
      return {
        ok: false,
        issues: [
          { path: "", message: english(problem), code: problem.code, params: problem.params! },
        ],
      };
    }
  }
  return validatePlan(value);
}

/** A result as file text (2-space JSON, newline-terminated). */
export function serializeResult(result: ScheduleResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
