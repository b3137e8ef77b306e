// Independent feasibility check of an abstract (RCPSP) schedule: written apart from the
// scheduler, with plain loops over the plan as given, so a scheduler bug cannot hide here.

import type { AbstractPlan, AbstractResult } from "../types.js";

/** Every violated rule, as a sentence; empty when the schedule is feasible. */
export function checkAbstractSchedule(plan: AbstractPlan, result: AbstractResult): string[] {
  const errors: string[] = [];
  const byId = new Map<string, { start: number; finish: number }>();
  for (const t of result.tasks) {
    if (byId.has(t.id)) errors.push(`task "${t.id}" appears twice in the result`);
    byId.set(t.id, t);
  }
  let makespan = 0;
  for (const t of plan.tasks) {
    const r = byId.get(t.id);
    if (!r) {
      errors.push(`task "${t.id}" is missing from the result`);
      continue;
    }
    if (!Number.isInteger(r.start) || r.start < 0)
      errors.push(`task "${t.id}" starts at ${r.start}, not a period ≥ 0`);
    if (r.finish - r.start !== t.duration)
      errors.push(`task "${t.id}" lasts ${r.finish - r.start}, its duration is ${t.duration}`);
    makespan = Math.max(makespan, r.finish);
    for (const p of t.predecessors) {
      const q = byId.get(p);
      if (q && r.start < q.finish)
        errors.push(
          `task "${t.id}" starts at ${r.start} before its predecessor "${p}" finishes at ${q.finish}`,
        );
    }
  }
  if (byId.size !== plan.tasks.length)
    errors.push(`the result has ${byId.size} tasks, the plan ${plan.tasks.length}`);
  if (result.makespan !== makespan)
    errors.push(`makespan is ${result.makespan} but the last task finishes at ${makespan}`);
  if (result.lowerBound > makespan)
    errors.push(`lower bound ${result.lowerBound} exceeds the makespan ${makespan}`);
  for (const res of plan.resources) {
    const use = new Map<number, number>();
    for (const t of plan.tasks) {
      const q = t.demands[res.id] ?? 0;
      const r = byId.get(t.id);
      if (!r || q === 0) continue;
      for (let x = r.start; x < r.finish; x++) use.set(x, (use.get(x) ?? 0) + q);
    }
    for (const [x, u] of use)
      if (u > res.capacity)
        errors.push(`resource "${res.id}" is used ${u} > capacity ${res.capacity} in period ${x}`);
  }
  return errors;
}
