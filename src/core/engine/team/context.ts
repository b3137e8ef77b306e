// Everything one team scheduling pass needs, derived once from a validated plan: calendars,
// the dependency network (team-network.ts), candidate members per task, pinned work and the urgency keys that
// order tasks of equal priority.

import { WorkCalendar, type MemberCalendar } from "../../calendar/calendar.js";
import { toEpochDay } from "../../calendar/date.js";
import { buildCsr, findCycle, type Csr } from "../graph.js";
import {
  buildTeamNetwork,
  findTeamCycle,
  tasksBlockedByCycles,
  type TeamNetwork,
} from "../team-network.js";
import { msg, type Message } from "../messages.js";
import type { TeamPlan } from "../types.js";
import { isNeutral, memberFactor } from "../efficiency.js";

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
  /** Predecessors per node of `net` (CSR over its nodes; edge = edge index). */
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
  /** What the scheduler noticed, as messages (the result's `notices`, and in English its `warnings`). */
  warnings: Message[];
  /**
   * Per task, the efficiency factor of each member (by member index), or null when every member
   * works it at 1 (no table, or a task without a skill): hours = effort ÷ factor.
   */
  taskEff: (Float64Array | null)[];
  /** Most members on the task on one day (1: not shared). */
  maxPeople: Int32Array;
  /** Smallest piece of a shared task one member works on one day, in minutes (bar the last). */
  minChunk: Int32Array;
  /** Per member, overtime minutes by day index (null: none, or the plan does not use overtime). */
  overtime: (Map<number, number> | null)[];
}

export function buildContext(
  plan: TeamPlan,
  placementStart: string,
  preferredDays: number,
  options: { expandSummaryLinks?: boolean } = {},
): TeamContext {
  const cal = new WorkCalendar(plan.calendar);
  const memberCals = plan.members.map((m) =>
    cal.forMember({ workweek: m.workweek, hoursPerDay: m.hoursPerDay, daysOff: m.daysOff }),
  );
  const startEpoch = toEpochDay(placementStart);
  const taskIndex = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const memberIndex = new Map(plan.members.map((m, i) => [m.id, i]));
  let net = buildTeamNetwork(plan.tasks, taskIndex, { expand: options.expandSummaryLinks });
  const n = plan.tasks.length;
  let succ = buildCsr(net.nodes, net.from, net.to);
  const hasCycle = findCycle(net.nodes, succ) !== null;
  if (hasCycle && !net.expanded) {
    // A plan with a cycle is scheduled on the expanded form: its path and what it blocks read the same.
    net = buildTeamNetwork(plan.tasks, taskIndex, { expand: true });
    succ = buildCsr(net.nodes, net.from, net.to);
  }
  const pred = buildCsr(net.nodes, net.to, net.from);
  const warnings: Message[] = [];

  const cycle = hasCycle ? findTeamCycle(plan.tasks, taskIndex, net) : null;
  const blocked = cycle ? tasksBlockedByCycles(net) : new Uint8Array(n);
  const cycleText = cycle ? cycle.join(" → ") : null;
  if (cycleText) warnings.push(msg("plans.engine.cycle", { path: cycleText }));

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

  const taskEff = efficiencyByTask(plan);
  const maxPeople = Int32Array.from(plan.tasks, (t) => t.maxPeople ?? 1);
  const minChunk = Int32Array.from(plan.tasks, (t) => Math.round((t.minChunkHours ?? 1) * 60));
  const overtime = overtimeByMember(plan, memberIndex, startEpoch);

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
    taskEff,
    maxPeople,
    minChunk,
    overtime,
  };
}

/** Each task's factor per member (arrays shared between tasks of one skill); null = all 1. */
function efficiencyByTask(plan: TeamPlan): (Float64Array | null)[] {
  if (isNeutral(plan.efficiency)) return plan.tasks.map(() => null);
  const bySkill = new Map<string, Float64Array>();
  return plan.tasks.map((t) => {
    if (t.skill === null) return null;
    let eff = bySkill.get(t.skill);
    if (!eff) {
      eff = Float64Array.from(plan.members, (m) =>
        memberFactor(plan.efficiency, m.skills, t.skill),
      );
      bySkill.set(t.skill, eff);
    }
    return eff;
  });
}

/**
 * Overtime minutes per member and day index, when the plan uses overtime. Not on a member's day
 * off (leave); on a weekend or holiday it is the whole day's capacity. A day never exceeds 24 h.
 */
function overtimeByMember(
  plan: TeamPlan,
  memberIndex: ReadonlyMap<string, number>,
  startEpoch: number,
): (Map<number, number> | null)[] {
  const out: (Map<number, number> | null)[] = plan.members.map(() => null);
  if (!plan.useOvertime || !plan.overtime) return out;
  const daysOff = plan.members.map((m) => new Set(m.daysOff));
  for (const o of plan.overtime) {
    const k = memberIndex.get(o.member)!;
    if (daysOff[k]!.has(o.date)) continue;
    const day = toEpochDay(o.date) - startEpoch;
    const map = (out[k] ??= new Map());
    map.set(day, (map.get(day) ?? 0) + Math.round(o.hours * 60));
  }
  return out;
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
  const tasks = plan.tasks.length;
  const n = net.nodes;
  // A summary's collector and gate are points in time: no duration, no release, no deadline.
  const dur = new Float64Array(n);
  for (let i = 0; i < tasks; i++)
    if (!net.isSummary[i]) dur[i] = Math.max(1, Math.ceil(effort[i]! / 60 / hoursPerDay));
  const releaseOf = (v: number): number => (v < tasks && !net.isSummary[v] ? release[v]! : 0);
  const deadlineOf = (v: number): number =>
    v < tasks && !net.isSummary[v] ? deadline[v]! : Infinity;
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
    es[v] = Math.max(es[v]!, releaseOf(v));
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
    let f = Math.min(lf[v]!, deadlineOf(v));
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++)
      f = Math.min(f, ls[succ.adj[p]!]! - net.lag[succ.edge[p]!]!);
    lf[v] = f;
    ls[v] = f - dur[v]!;
  }
  return ls.subarray(0, tasks);
}
