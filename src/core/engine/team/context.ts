// Everything one team scheduling pass needs, derived once from a validated plan: calendars,
// the expanded leaf network, candidate members per task, pinned work and the urgency keys that
// order tasks of equal priority.

import { WorkCalendar, type MemberCalendar } from "../../calendar/calendar.js";
import { toEpochDay } from "../../calendar/date.js";
import { buildCsr, type Csr } from "../graph.js";
import {
  buildTeamNetwork,
  findTeamCycle,
  tasksBlockedByCycles,
  type TeamNetwork,
} from "../team-network.js";
import type { TeamPlan } from "../types.js";

export interface PinnedWork {
  member: number;
  day: number; // day index from the placement start (may be negative: in the past)
  minutes: number;
}

export interface TeamContext {
  plan: TeamPlan;
  cal: WorkCalendar;
  memberCals: MemberCalendar[];
  startEpoch: number;
  net: TeamNetwork;
  /** Leaf-link predecessors per task (CSR over plan task indices; edge = link index). */
  pred: Csr;
  succ: Csr;
  /** Candidate member indices per task (empty array: nobody can do it). */
  candidates: number[][];
  effortMinutes: Int32Array;
  pinnedByTask: PinnedWork[][];
  /** Day index of earliestStart (0 if none, never negative). */
  release: Int32Array;
  /** Day index of the deadline, or +∞. */
  deadline: Float64Array;
  /** Urgency: latest start in workdays (smaller first) from deadlines and the network. */
  urgency: Float64Array;
  /** 1 for tasks on or after a dependency cycle. */
  blocked: Uint8Array;
  cycleText: string | null;
  warnings: string[];
}

export function buildContext(
  plan: TeamPlan,
  placementStart: string,
  preferredDays: number,
): TeamContext {
  const cal = new WorkCalendar(plan.calendar);
  const memberCals = plan.members.map((m) =>
    cal.forMember({ workweek: m.workweek, hoursPerDay: m.hoursPerDay, daysOff: m.daysOff }),
  );
  const startEpoch = toEpochDay(placementStart);
  const taskIndex = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const memberIndex = new Map(plan.members.map((m, i) => [m.id, i]));
  const net = buildTeamNetwork(plan.tasks, taskIndex);
  const n = plan.tasks.length;
  const pred = buildCsr(n, net.to, net.from);
  const succ = buildCsr(n, net.from, net.to);
  const warnings: string[] = [];

  const cycle = findTeamCycle(plan.tasks, net);
  const blocked = cycle ? tasksBlockedByCycles(n, net) : new Uint8Array(n);
  const cycleText = cycle ? cycle.join(" → ") : null;
  if (cycleText)
    warnings.push(`dependency cycle: ${cycleText}; the tasks on it and after it are not scheduled`);

  // Inherit earliest start and deadline down the WBS.
  const release = new Int32Array(n);
  const deadline = new Float64Array(n).fill(Infinity);
  const ownRelease = plan.tasks.map((t) =>
    t.earliestStart ? toEpochDay(t.earliestStart) - startEpoch : 0,
  );
  const ownDeadline = plan.tasks.map((t) =>
    t.deadline ? toEpochDay(t.deadline) - startEpoch : Infinity,
  );
  for (let i = 0; i < n; i++) {
    let r = ownRelease[i]!;
    let dl = ownDeadline[i]!;
    for (let v = net.parent[i]!; v >= 0; v = net.parent[v]!) {
      r = Math.max(r, ownRelease[v]!);
      dl = Math.min(dl, ownDeadline[v]!);
    }
    release[i] = Math.max(0, r);
    deadline[i] = dl;
  }

  // Candidate lists are shared between tasks asking for the same skill and level.
  const bySkill = new Map<string, number[]>();
  const everyone = plan.members.map((_, k) => k);
  const candidates: number[][] = plan.tasks.map((t) => {
    if (t.assignee !== null) return [memberIndex.get(t.assignee)!];
    if (t.skill === null) return everyone;
    const min = t.minLevel ?? 1;
    const key = `${min}:${t.skill}`;
    let out = bySkill.get(key);
    if (!out) {
      out = [];
      for (let k = 0; k < plan.members.length; k++)
        if ((plan.members[k]!.skills[t.skill] ?? 0) >= min) out.push(k);
      bySkill.set(key, out);
    }
    return out;
  });

  const effortMinutes = new Int32Array(n);
  plan.tasks.forEach(
    (t, i) => (effortMinutes[i] = net.isSummary[i] ? 0 : Math.round(t.effortHours * 60)),
  );
  const pinnedByTask: PinnedWork[][] = plan.tasks.map(() => []);
  for (const a of plan.pinned) {
    pinnedByTask[taskIndex.get(a.task)!]!.push({
      member: memberIndex.get(a.member)!,
      day: toEpochDay(a.date) - startEpoch,
      minutes: Math.round(a.hours * 60),
    });
  }

  const urgency = urgencyKeys(
    plan,
    net,
    succ,
    effortMinutes,
    release,
    deadline,
    cal.hoursPerDay,
    preferredDays,
  );
  return {
    plan,
    cal,
    memberCals,
    startEpoch,
    net,
    pred,
    succ,
    candidates,
    effortMinutes,
    pinnedByTask,
    release,
    deadline,
    urgency,
    blocked,
    cycleText,
    warnings,
  };
}

/**
 * Latest start (in days) of each task from a backward pass: deadlines, the plan's estimated
 * end and durations estimated as effort / hours per day. Links are treated as finish-to-start
 * for ordering purposes only; the pass itself honours every link type exactly.
 */
function urgencyKeys(
  plan: TeamPlan,
  net: TeamNetwork,
  succ: Csr,
  effort: Int32Array,
  release: Int32Array,
  deadline: Float64Array,
  hoursPerDay: number,
  horizonDays: number,
): Float64Array {
  const n = plan.tasks.length;
  const dur = new Float64Array(n);
  for (let i = 0; i < n; i++) dur[i] = Math.max(1, Math.ceil(effort[i]! / 60 / hoursPerDay));
  // Topological order by Kahn over leaves; blocked tasks get whatever order remains.
  const indeg = new Int32Array(n);
  for (let k = 0; k < succ.adj.length; k++) indeg[succ.adj[k]!]!++;
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order.push(v);
  for (let h = 0; h < order.length; h++) {
    const v = order[h]!;
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++)
      if (--indeg[succ.adj[p]!]! === 0) order.push(succ.adj[p]!);
  }
  let end = horizonDays;
  const es = new Float64Array(n);
  for (const v of order) {
    es[v] = Math.max(es[v]!, release[v]!);
    end = Math.max(end, es[v]! + dur[v]!);
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++) {
      const w = succ.adj[p]!;
      es[w] = Math.max(es[w]!, es[v]! + dur[v]! + net.lag[succ.edge[p]!]!);
    }
  }
  const lf = new Float64Array(n).fill(end);
  const ls = new Float64Array(n);
  for (let h = order.length - 1; h >= 0; h--) {
    const v = order[h]!;
    let f = Math.min(lf[v]!, deadline[v]!);
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++)
      f = Math.min(f, ls[succ.adj[p]!]! - net.lag[succ.edge[p]!]!);
    lf[v] = f;
    ls[v] = f - dur[v]!;
  }
  return ls;
}
