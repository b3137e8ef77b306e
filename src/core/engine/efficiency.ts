// Efficiency by skill level (docs/ENGINE.md, "Efficiency"): how fast a member works on a task,
// relative to level 3. A member spends effort ÷ factor hours on a task; one hour of theirs
// delivers `factor` hours of effort. Every level works at 1 unless the plan's table says otherwise,
// so a plan without a table schedules exactly as before.

import type { EfficiencyTable } from "./types.js";

export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;

/** Bounds of a factor, in the plan file and in the workspace's settings. */
export const EFFICIENCY_MIN = 0.1;
export const EFFICIENCY_MAX = 5;

/** The factor of a level (1 when the table does not list it). */
export function levelFactor(table: EfficiencyTable | undefined, level: number): number {
  return table?.[String(level)] ?? 1;
}

/**
 * The factor a member works a task at: their level in the task's skill; level 1 for a member
 * without it (a fixed assignee need not have the skill); 1 for a task that asks for no skill.
 */
export function memberFactor(
  table: EfficiencyTable | undefined,
  skills: Readonly<Record<string, number>>,
  skill: string | null,
): number {
  if (!table || skill === null) return 1;
  return levelFactor(table, skills[skill] ?? 1);
}

/** True when the table changes nothing (absent, or every listed level at 1). */
export function isNeutral(table: EfficiencyTable | undefined): boolean {
  return !table || Object.values(table).every((f) => f === 1);
}
