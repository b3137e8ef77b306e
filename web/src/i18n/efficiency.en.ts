// English strings of the workspace's efficiency table (settings). efficiency.zh-CN.ts carries the same keys.
export const efficiencyEn = {
  "efficiency.title": "Efficiency by skill level",
  "efficiency.intro":
    "How fast each level works relative to level 3: a task takes effort ÷ the factor of its assignee's level in the task's skill (a level-5 member at 1.25 does 10 h of effort in 8 h). Every level at 1 keeps plans as they are.",
  "efficiency.level": "Level {level}",
  "efficiency.reference": "the reference: always 1",
  "efficiency.hours": "10 h of effort: {hours} h",
  "efficiency.neutral": "Every level works at 1: the plans are scheduled without it.",
  "efficiency.ownerOnly":
    "Only the owner changes this table; everyone's plans are scheduled with it.",
  "efficiency.saved": "Saved: the plans are re-planned with these factors.",
  "efficiency.reset": "All at 1",
} as const;
