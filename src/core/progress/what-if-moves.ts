// The before/after of a corrective action, task by task (issue 12): which of the plan's tasks
// start or finish on other days, or change hands, once the option is applied — what the 纠偏
// panel draws as a Gantt diff. Pure: compares two engine results of the same workspace input.
import type { TeamResult, TeamTaskResult } from "../engine/types.js";
import { isDutyTask, type BuildInput } from "../plans/team-plan.js";
import type { WhatIfChange } from "./what-ifs.js";

/** Where a task sits in one schedule: its span and who works on it (most hours first). */
export interface TaskSpan {
  start: string;
  finish: string;
  assignees: string[];
}

export interface TaskMove {
  taskId: string;
  name: string;
  /** Null when the task was not placed before. */
  before: TaskSpan | null;
  /** Null when the option takes the task out of the schedule (a deferred optional task). */
  after: TaskSpan | null;
}

export interface TaskMoves {
  /** At most `limit` moves: the tasks the option edits first, then the largest shifts; by start. */
  moves: TaskMove[];
  /** How many of the plan's tasks move in all. */
  total: number;
}

const spanOf = (t: TeamTaskResult): TaskSpan => ({
  start: t.start,
  finish: t.finish,
  assignees: t.assignees ?? (t.assignee ? [t.assignee] : []),
});

const same = (a: TaskSpan | null, b: TaskSpan | null) =>
  !!a &&
  !!b &&
  a.start === b.start &&
  a.finish === b.finish &&
  a.assignees.join() === b.assignees.join();

const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** The plan's work tasks whose span or people differ between `before` and `after`. */
export function taskMoves(
  input: BuildInput,
  planId: string,
  before: TeamResult,
  after: TeamResult,
  changes: readonly WhatIfChange[],
  limit: number,
): TaskMoves {
  const mine = new Map(
    input.tasks.filter((t) => t.planId === planId && !t.milestone).map((t) => [t.id, t]),
  );
  const placed = (r: TeamResult) =>
    new Map(
      r.tasks
        .filter((t) => !t.summary && !isDutyTask(t.id) && mine.has(t.id))
        .map((t) => [t.id, spanOf(t)]),
    );
  const b = placed(before);
  const a = placed(after);
  const edited = new Set(changes.flatMap((c) => ("taskId" in c ? [c.taskId] : [])));
  const all: (TaskMove & { weight: number })[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(id) ?? null;
    const y = a.get(id) ?? null;
    if (same(x, y)) continue;
    const shift = x && y ? Math.abs(dayNo(y.finish) - dayNo(x.finish)) : 1000;
    all.push({
      taskId: id,
      name: mine.get(id)!.name,
      before: x,
      after: y,
      weight: (edited.has(id) ? 10_000 : 0) + shift,
    });
  }
  const startOf = (m: TaskMove) => (m.before ?? m.after)!.start;
  const moves = all
    .sort((p, q) => q.weight - p.weight || (p.taskId < q.taskId ? -1 : 1))
    .slice(0, limit)
    .sort((p, q) => (startOf(p) < startOf(q) ? -1 : startOf(p) > startOf(q) ? 1 : 0))
    .map(({ weight: _, ...m }) => m);
  return { moves, total: all.length };
}
