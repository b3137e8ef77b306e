// The scheduling engine's public API (docs/ENGINE.md). Pure: no I/O, no imports outside src/core.

export * from "./types.js";
export { scheduleTeam, TEAM_MAX_PASSES, type TeamScheduleOptions } from "./team/schedule.js";
export { scheduleAbstract } from "./abstract.js";
export { reschedule, type RescheduleOptions } from "./reschedule.js";
export {
  computeCpm,
  criticalPathOf,
  cpmByIds,
  CycleError,
  UnknownTaskError,
  LINK_FS,
  LINK_SS,
  LINK_FF,
  LINK_SF,
} from "./cpm.js";
export type { CpmNetwork, CpmResult, CpmTask, CpmTaskTimes } from "./cpm.js";
export { parsePlanFile, serializeResult } from "./plan-file.js";
export { validatePlan, type ValidationResult, type ValidateOptions } from "./plan-validate.js";
export { parsePsplib, parsePsplibOptima, PsplibParseError } from "./psplib.js";
export { checkTeamSchedule } from "./checker/team-check.js";
export { checkAbstractSchedule } from "./checker/abstract-check.js";

import { scheduleAbstract } from "./abstract.js";
import { scheduleTeam } from "./team/schedule.js";
import type { Plan, ScheduleOptions, ScheduleResult } from "./types.js";

/** Schedule either kind of plan. */
export function schedulePlan(plan: Plan, options: ScheduleOptions = {}): ScheduleResult {
  return plan.mode === "team" ? scheduleTeam(plan, options) : scheduleAbstract(plan, options);
}
