// English texts of the plans area's "capacity" part (issue 12, engine half): the plan file's
// efficiency, overtime and sharing fields, and the workspace's efficiency table (settings API).
export const PLANS_CAPACITY_EN = {
  // Plan file (core/engine/plan-validate-capacity.ts), nested in plans.file.field like the others.
  "plans.file.not_level_key": "must name a level 1..5, got {got}",
  "plans.file.overtime_not_object": "{path} must be an object {member, date, hours}",
  "plans.file.not_boolean": "must be true or false, got {got}",
  // The workspace's efficiency table (modules/plans/efficiency.*).
  "plans.efficiency.owner_only": "Only the workspace owner sets the efficiency table.",
  "plans.efficiency.stale":
    "The efficiency table was changed by someone else (now version {currentVersion}); reload and try again.",
  "plans.efficiency.reference_level":
    "Level 3 is the reference: its factor is always 1 (the others say how fast they work relative to it).",
  "plans.efficiency.out_of_range": "Enter a factor from {min} to {max}.",
  "audit.plans.efficiency_set":
    "Efficiency by skill level set to 1: {l1}, 2: {l2}, 3: {l3}, 4: {l4}, 5: {l5}",
} as const satisfies Record<string, string>;
