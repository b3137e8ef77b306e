// Random but realistic team plans for property tests and benchmarks: roles (skills and
// levels), part-timers, leave, public holidays with make-up days, deadlines, priorities,
// work packages (summary tasks) and FS/SS/FF/SF dependencies that never form a cycle.

import { addDays } from "../../calendar/date.js";
import { Rng } from "../rng.js";
import {
  PLAN_FORMAT,
  type DependencyType,
  type TeamMember,
  type TeamPlan,
  type TeamTask,
} from "../types.js";

export interface GenerateOptions {
  tasks: number;
  members: number;
  seed?: number;
  start?: string;
  skills?: string[];
  /** Average number of predecessors per task. */
  dependencies?: number;
  /** Share of tasks with a fixed assignee. */
  fixedShare?: number;
  /** Put tasks into work packages of about this size (0: no summaries). */
  packageSize?: number;
  /** Only FS links (default: mixed types and lags). */
  finishToStartOnly?: boolean;
  /** Share of leaf tasks several members may work on (maxPeople 2–4, minChunkHours 1–4). */
  sharedShare?: number;
  /** Give the plan an efficiency table (levels 1–5 between 0.5 and 1.5, level 3 at 1). */
  efficiency?: boolean;
  /** Overtime entries to add (random members, dates in the first 30 days, 1–4 h), used. */
  overtime?: number;
}

export const DEFAULT_SKILLS = ["design", "copy", "ops", "cs", "photo", "data"];

export function generateTeamPlan(o: GenerateOptions): TeamPlan {
  const rng = new Rng(o.seed ?? 1);
  const start = o.start ?? "2026-09-14";
  const skills = o.skills ?? DEFAULT_SKILLS;
  const members: TeamMember[] = [];
  for (let k = 0; k < o.members; k++) {
    const own: Record<string, number> = {};
    own[skills[k % skills.length]!] = 1 + rng.int(5);
    if (rng.next() < 0.4) own[skills[rng.int(skills.length)]!] = 1 + rng.int(5);
    const partTime = rng.next() < 0.15;
    const daysOff: string[] = [];
    if (rng.next() < 0.3) {
      const from = rng.int(40);
      for (let d = 0; d < 1 + rng.int(5); d++) daysOff.push(addDays(start, from + d));
    }
    members.push({
      id: `m${k + 1}`,
      name: `Member ${k + 1}`,
      skills: own,
      hoursPerDay: partTime ? 4 : null,
      workweek: partTime && rng.next() < 0.5 ? [1, 3, 5] : null,
      daysOff,
    });
  }
  const tasks: TeamTask[] = [];
  const packageSize = o.packageSize ?? 0;
  const avgDeps = o.dependencies ?? 1.2;
  const types: DependencyType[] = ["FS", "FS", "FS", "SS", "FF", "SF"];
  let pkg: string | null = null;
  for (let i = 0; i < o.tasks; i++) {
    if (packageSize > 0 && i % packageSize === 0) {
      pkg = `wp${i / packageSize + 1}`;
      tasks.push({
        id: pkg,
        name: `Package ${pkg}`,
        effortHours: 0,
        skill: null,
        minLevel: null,
        assignee: null,
        priority: 500,
        earliestStart: null,
        deadline: null,
        dependsOn: [],
        parent: null,
      });
    }
    const skill = skills[rng.int(skills.length)]!;
    const dependsOn: TeamTask["dependsOn"] = [];
    const leafBefore = tasks.length;
    const nDeps = Math.min(leafBefore, Math.floor(rng.next() * avgDeps * 2 + 0.5));
    const seen = new Set<string>();
    for (let d = 0; d < nDeps; d++) {
      // Predecessors come from earlier tasks (mostly nearby), so there is never a cycle.
      const back = 1 + Math.min(leafBefore - 1, Math.floor(-Math.log(1 - rng.next()) * 8));
      const pred = tasks[leafBefore - back]!;
      if (
        pred.id === pkg ||
        seen.has(pred.id) ||
        (pred.parent === null && pred.effortHours === 0 && pred.id.startsWith("wp"))
      )
        continue;
      seen.add(pred.id);
      const type = o.finishToStartOnly ? "FS" : types[rng.int(types.length)]!;
      dependsOn.push({ task: pred.id, type, lagDays: rng.next() < 0.2 ? rng.int(3) : 0 });
    }
    const fixed = rng.next() < (o.fixedShare ?? 0.1);
    const assignee = fixed && members.length > 0 ? members[rng.int(members.length)]!.id : null;
    tasks.push({
      id: `t${i + 1}`,
      name: `Task ${i + 1}`,
      effortHours: [1, 2, 3, 4, 6, 8, 12, 16, 24, 40][rng.int(10)]!,
      skill: assignee ? null : skill,
      minLevel: assignee ? null : 1 + rng.int(3),
      assignee,
      priority: [100, 300, 500, 500, 500, 700, 900][rng.int(7)]!,
      earliestStart: rng.next() < 0.1 ? addDays(start, rng.int(20)) : null,
      deadline: rng.next() < 0.3 ? addDays(start, 5 + rng.int(60)) : null,
      dependsOn,
      parent: pkg,
    });
  }
  // The capacity extensions draw from their own generator, so a plan without them is exactly
  // the plan this function always made for the seed.
  const extras = new Rng((o.seed ?? 1) * 7919 + 17);
  const sharedShare = o.sharedShare ?? 0;
  if (sharedShare > 0)
    for (const t of tasks) {
      if (t.id.startsWith("wp") || extras.next() >= sharedShare) continue;
      t.maxPeople = 2 + extras.int(3);
      t.minChunkHours = 1 + extras.int(4);
    }
  const capacity: Pick<TeamPlan, "efficiency" | "overtime" | "useOvertime"> = {};
  if (o.efficiency) {
    const f = () => Math.round((0.5 + extras.next()) * 100) / 100;
    capacity.efficiency = { "1": f(), "2": f(), "3": 1, "4": f(), "5": f() };
  }
  if (o.overtime && members.length > 0) {
    capacity.overtime = [];
    for (let k = 0; k < o.overtime; k++)
      capacity.overtime.push({
        member: members[extras.int(members.length)]!.id,
        date: addDays(start, extras.int(30)),
        hours: 1 + extras.int(4),
      });
    capacity.useOvertime = true;
  }
  return {
    format: PLAN_FORMAT,
    mode: "team",
    start,
    calendar: {
      workweek: [1, 2, 3, 4, 5],
      hoursPerDay: 8,
      holidays: [
        "2026-09-25",
        "2026-10-01",
        "2026-10-02",
        "2026-10-05",
        "2026-10-06",
        "2026-10-07",
        "2027-01-01",
      ],
      extraWorkdays: ["2026-09-20", "2026-10-10"],
    },
    members,
    tasks,
    pinned: [],
    ...capacity,
  };
}
