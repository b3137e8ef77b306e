// What `dayclear whatif PLAN.json` says (src/cli/commands/whatif.ts): corrective actions from a plan
// file alone. The Chinese texts are in plans-whatif-cli.zh-CN.ts, typed by these keys.
export const PLANS_WHATIF_CLI_EN = {
  "plans.whatif.cli.head_late":
    "{file}: forecast finish {finish}, deadline {deadline}: {days} workday(s) late.",
  "plans.whatif.cli.head_on_time":
    "{file}: forecast finish {finish}, deadline {deadline}: on time.",
  "plans.whatif.cli.options": "Corrective actions, earliest finish first:",
  "plans.whatif.cli.no_options": "No corrective action to propose.",
  "plans.whatif.cli.kind.add_person": "another member",
  "plans.whatif.cli.kind.experienced": "more experienced",
  "plans.whatif.cli.kind.cut_scope": "cut scope",
  "plans.whatif.cli.kind.fast_track": "fast-track",
  "plans.whatif.cli.kind.overtime": "overtime",
  "plans.whatif.cli.finish": "finish {finish}",
  "plans.whatif.cli.gained": "{days} workday(s) earlier",
  "plans.whatif.cli.lost": "{days} workday(s) later",
  "plans.whatif.cli.unchanged": "no earlier",
  "plans.whatif.cli.meets": "meets the deadline",
  "plans.whatif.cli.misses": "still late",
  "plans.whatif.cli.cost": "{hours} h moved, {overtime} h overtime",
  "plans.whatif.cli.try_only": "try only: not a plan edit",
  "plans.whatif.cli.risk": "risk: {risk}",
  "plans.whatif.cli.affected": "whose days change: {members}",
  "plans.whatif.cli.best": "Best combination (option(s) {options}):",
  "plans.whatif.cli.no_best": "No combination brings the finish earlier.",
  "plans.whatif.cli.notes": "Notes:",
  "plans.whatif.cli.no_deadline":
    "{file} has no task deadline: give the date to meet with --deadline YYYY-MM-DD",
  "plans.whatif.cli.not_team":
    "{file} is an abstract (RCPSP) plan: corrective actions need a team plan with people and skills",
} as const satisfies Record<string, string>;
