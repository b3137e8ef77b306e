// From a pass to result format v1: dates, summary spans, lateness, total float and the
// critical path (on team workdays, over the dependencies of the levelled schedule).

import { fromEpochDay } from "../../calendar/date.js";
import { LINK_FF, LINK_FS, LINK_SF, LINK_SS } from "../cpm.js";
import {
  RESULT_FORMAT,
  type Allocation,
  type TeamResult,
  type TeamTaskResult,
  type Unscheduled,
} from "../types.js";
import { english } from "../messages.js";
import { LINK_DOWN, LINK_UP } from "../team-network.js";
import type { TeamContext } from "./context.js";
import type { PassResult } from "./pass.js";

/** Lexicographic score of a pass (smaller is better): unscheduled, weighted lateness, finish, Σ finish. */
export function scorePass(ctx: TeamContext, r: PassResult): number[] {
  let late = 0;
  let last = 0;
  let sum = 0;
  for (let i = 0; i < ctx.plan.tasks.length; i++) {
    const f = r.finishDay[i]!;
    if (Number.isNaN(f)) continue;
    if (f > ctx.deadline[i]!) late += (f - ctx.deadline[i]!) * ctx.plan.tasks[i]!.priority;
    last = Math.max(last, f);
    sum += f;
  }
  return [r.unscheduled.size, late, last, sum];
}

export function betterScore(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
}

export function buildTeamResult(
  ctx: TeamContext,
  r: PassResult,
  stats: { schedules: number; ms: number },
): TeamResult {
  const { plan, net, startEpoch, cal } = ctx;
  const n = plan.tasks.length;
  const dates = new Map<number, string>();
  const date = (day: number): string => {
    let d = dates.get(day);
    if (d === undefined) dates.set(day, (d = fromEpochDay(startEpoch + day)));
    return d;
  };

  // Summary spans from their scheduled leaves.
  const sStart = new Float64Array(r.startDay);
  const sFinish = new Float64Array(r.finishDay);
  for (let i = 0; i < n; i++) {
    if (net.isSummary[i] || Number.isNaN(r.finishDay[i]!)) continue;
    for (let v = net.parent[i]!; v >= 0; v = net.parent[v]!) {
      sStart[v] = Number.isNaN(sStart[v]!) ? r.startDay[i]! : Math.min(sStart[v]!, r.startDay[i]!);
      sFinish[v] = Number.isNaN(sFinish[v]!)
        ? r.finishDay[i]!
        : Math.max(sFinish[v]!, r.finishDay[i]!);
    }
  }

  // Team-workday index of each day (days off the team calendar map to the next workday's index),
  // from a prefix count over the scheduled span.
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(r.finishDay[i]!)) continue;
    lo = Math.min(lo, r.startDay[i]!);
    hi = Math.max(hi, r.finishDay[i]!);
  }
  const prefix = new Int32Array(hi - lo + 2);
  for (let d = lo; d <= hi; d++)
    prefix[d - lo + 1] = prefix[d - lo]! + (cal.isWorkdayEpoch(startEpoch + d) ? 1 : 0);
  const workIndex = (day: number): number => prefix[day - lo]! - prefix[-lo]!;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let end = -Infinity;
  let lastDay = 0;
  const scheduled: number[] = [];
  // A task whose every hour is pinned to a date (a duty, reserved packing hours, work already
  // booked) cannot move: it has no float, sets no end to measure float against, and is no
  // member's place in line — otherwise a reservation weeks out would make it, not the work,
  // decide what is critical.
  const fixed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (net.isSummary[i] || ctx.pinnedByTask[i]!.length === 0) continue;
    let pinned = 0;
    for (const w of ctx.pinnedByTask[i]!) pinned += w.minutes;
    fixed[i] = pinned >= ctx.effortMinutes[i]! ? 1 : 0;
  }
  let endAll = -Infinity;
  for (let i = 0; i < n; i++) {
    if (net.isSummary[i] || Number.isNaN(r.finishDay[i]!)) continue;
    scheduled.push(i);
    a[i] = workIndex(r.startDay[i]!);
    b[i] = workIndex(r.finishDay[i]!);
    endAll = Math.max(endAll, b[i]!);
    if (!fixed[i]) end = Math.max(end, b[i]!);
    lastDay = Math.max(lastDay, r.finishDay[i]!);
  }
  if (end === -Infinity) end = endAll;
  // Resource links: a member's next task (starting on or after this one's finish) must keep
  // its place behind it — one day behind if it starts on a later day — so float reflects the
  // levelled schedule, not only the dependencies.
  // A shared task is in the line of each of its members (`moreNext`: its links beyond the first).
  const nextOfMember = new Int32Array(n).fill(-1);
  const moreNext = new Map<number, number[]>();
  const perMember = new Map<number, number[]>();
  for (const i of scheduled) {
    if (fixed[i]) continue;
    for (const m of r.shared.get(i) ?? [r.assignee[i]!]) {
      let list = perMember.get(m);
      if (!list) perMember.set(m, (list = []));
      list.push(i);
    }
  }
  for (const list of perMember.values()) {
    list.sort((x, y) => a[x]! - a[y]! || b[x]! - b[y]! || x - y);
    for (let k = 0; k + 1 < list.length; k++) {
      const cur = list[k]!;
      const nx = list[k + 1]!;
      if (a[nx]! < b[cur]!) continue;
      if (nextOfMember[cur]! < 0) nextOfMember[cur] = nx;
      else moreNext.set(cur, [...(moreNext.get(cur) ?? []), nx]);
    }
  }
  // Backward pass over the levelled schedule, latest finishing first. A link to a summary binds
  // through its gate: the least late start and late finish of the leaves below it done so far.
  const lateF = new Float64Array(n).fill(Infinity);
  const gateLS = new Float64Array(net.nodes).fill(Infinity);
  const gateLF = new Float64Array(net.nodes).fill(Infinity);
  const order = [...scheduled].sort((x, y) => b[y]! - b[x]! || a[y]! - a[x]! || y - x);
  const lagOf = (k: number): number => net.lag[k]!;
  for (const i of order) {
    let f = end;
    const nx = nextOfMember[i]!;
    if (nx >= 0 && lateF[nx] !== Infinity)
      f = Math.min(f, lateF[nx]! - (b[nx]! - a[nx]!) - (a[nx]! > b[i]! ? 1 : 0));
    for (const x of moreNext.get(i) ?? [])
      if (lateF[x] !== Infinity)
        f = Math.min(f, lateF[x]! - (b[x]! - a[x]!) - (a[x]! > b[i]! ? 1 : 0));
    // The links of the leaf and of each summary above it (whose collector stands for its leaves).
    for (let v = i; v >= 0; v = net.parent[v]!) {
      for (let p = ctx.succ.start[v]!; p < ctx.succ.start[v + 1]!; p++) {
        const k = ctx.succ.edge[p]!;
        const t = net.type[k]!;
        if (t === LINK_UP || t === LINK_DOWN) continue;
        const s = ctx.succ.adj[p]!;
        let sLF: number;
        let sLS: number;
        if (s >= n) {
          if (gateLF[s] === Infinity) continue;
          sLF = gateLF[s]!;
          sLS = gateLS[s]!;
        } else {
          if (Number.isNaN(r.finishDay[s]!) || lateF[s] === Infinity) continue;
          sLF = lateF[s]!;
          sLS = lateF[s]! - (b[s]! - a[s]!);
        }
        const span = b[i]! - a[i]!;
        if (t === LINK_FS) f = Math.min(f, sLS - lagOf(k));
        else if (t === LINK_SS) f = Math.min(f, sLS - lagOf(k) + span);
        else if (t === LINK_FF) f = Math.min(f, sLF - lagOf(k));
        else if (t === LINK_SF) f = Math.min(f, sLF - lagOf(k) + span);
      }
    }
    lateF[i] = f;
    for (let v = net.parent[i]!; v >= 0; v = net.parent[v]!) {
      const g = net.gate[v]!;
      if (g < 0) continue;
      gateLF[g] = Math.min(gateLF[g]!, f);
      gateLS[g] = Math.min(gateLS[g]!, f - (b[i]! - a[i]!));
    }
  }
  const float = (i: number): number => Math.max(0, lateF[i]! - b[i]!);

  const tasks: TeamTaskResult[] = [];
  const unscheduled: Unscheduled[] = [];
  for (let i = 0; i < n; i++) {
    const t = plan.tasks[i]!;
    if (net.isSummary[i]) {
      if (Number.isNaN(sFinish[i]!))
        unscheduled.push({
          task: t.id,
          reason: "none of its subtasks could be scheduled",
          code: "schedule.no_subtask",
          params: {},
        });
      continue;
    }
    const why = r.unscheduled.get(i);
    if (why !== undefined) unscheduled.push({ task: t.id, ...why });
  }
  const critical = new Uint8Array(n);
  for (const i of scheduled) critical[i] = !fixed[i] && float(i) <= 0 ? 1 : 0;
  // A summary's float is its least-float leaf's; it is critical if any leaf is.
  const sFloat = new Float64Array(n).fill(Infinity);
  const sCritical = new Uint8Array(n);
  for (const j of scheduled) {
    for (let v = net.parent[j]!; v >= 0; v = net.parent[v]!) {
      sFloat[v] = Math.min(sFloat[v]!, float(j));
      if (critical[j]) sCritical[v] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const t = plan.tasks[i]!;
    const fin = sFinish[i]!;
    if (Number.isNaN(fin)) continue;
    const dl = ctx.deadline[i]!;
    const lateDays =
      fin > dl ? cal.countWorkdaysEpoch(startEpoch + dl + 1, startEpoch + fin) || 1 : 0;
    const summaryFloat = sFloat[i]!;
    const summaryCritical = sCritical[i] === 1;
    const entry: TeamTaskResult = {
      id: t.id,
      assignee: net.isSummary[i] ? null : plan.members[r.assignee[i]!]!.id,
      ...(r.shared.has(i) ? { assignees: r.shared.get(i)!.map((m) => plan.members[m]!.id) } : {}),
      start: date(sStart[i]!),
      finish: date(fin),
      totalFloatDays: net.isSummary[i] ? summaryFloat : float(i),
      critical: net.isSummary[i] ? summaryCritical : critical[i] === 1,
      late: lateDays > 0,
      lateDays,
      summary: net.isSummary[i] === 1,
    };
    if (r.seq[i]! >= 0) entry.seq = r.seq[i]!;
    tasks.push(entry);
  }

  // Allocations by date, then member and task in plan order (sorted on numbers, not strings).
  const rows: number[][] = [];
  r.work.forEach((w, i) => {
    for (let k = 0; k < w.length; k += 3) rows.push([w[k + 1]!, w[k]!, i, w[k + 2]!]);
  });
  rows.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!);
  const allocations: Allocation[] = rows.map(([day, m, i, minutes]) => ({
    member: plan.members[m!]!.id,
    date: date(day!),
    task: plan.tasks[i!]!.id,
    hours: Math.round((minutes! / 60) * 100) / 100,
  }));

  return {
    format: RESULT_FORMAT,
    mode: "team",
    finish: scheduled.length > 0 ? date(lastDay) : plan.start,
    tasks,
    criticalPath: criticalPath(ctx, r, a, b, critical, end).map((i) => plan.tasks[i]!.id),
    allocations,
    unscheduled,
    warnings: [...ctx.warnings, ...r.warnings].map(english),
    notices: [...ctx.warnings, ...r.warnings],
    stats,
  };
}

/** Critical tasks from the one finishing last back along binding dependency links. */
function criticalPath(
  ctx: TeamContext,
  r: PassResult,
  a: Float64Array,
  b: Float64Array,
  critical: Uint8Array,
  end: number,
): number[] {
  const n = ctx.plan.tasks.length;
  let cur = -1;
  for (let i = 0; i < n; i++)
    if (critical[i] && b[i] === end && !Number.isNaN(r.finishDay[i]!))
      cur = cur < 0 || a[i]! < a[cur]! ? i : cur;
  if (cur < 0) return [];
  const path = [cur];
  const seen = new Set(path);
  const fits = (q: number): boolean =>
    critical[q] === 1 && !seen.has(q) && !Number.isNaN(r.finishDay[q]!);
  const net = ctx.net;
  // Leaves below each summary in plan order, for links from summaries (built when first asked).
  let below: Map<number, number[]> | null = null;
  const leavesBelow = (v: number): number[] => {
    if (!below) {
      below = new Map();
      for (const leaf of net.leaves)
        for (let u = net.parent[leaf]!; u >= 0; u = net.parent[u]!) {
          let list = below.get(u);
          if (!list) below.set(u, (list = []));
          list.push(leaf);
        }
    }
    return below.get(v) ?? [];
  };
  for (;;) {
    let next = -1;
    if (net.expanded) {
      for (let p = ctx.pred.start[cur]!; p < ctx.pred.start[cur + 1]!; p++) {
        const q = ctx.pred.adj[p]!;
        if (fits(q)) {
          next = q;
          break;
        }
      }
    } else {
      // The links of the task and of its summaries in plan order, a summary's leaves in plan order.
      const chain: number[] = [];
      for (let v = cur; v >= 0; v = net.parent[v]!) chain.push(v);
      chain.sort((x, y) => x - y);
      search: for (const v of chain)
        for (let e = net.linkStart[v]!; e < net.linkStart[v + 1]!; e++) {
          const q = net.from[e]!;
          if (!net.isSummary[q]) {
            if (fits(q)) {
              next = q;
              break search;
            }
          } else
            for (const leaf of leavesBelow(q))
              if (fits(leaf)) {
                next = leaf;
                break search;
              }
        }
    }
    if (next < 0) break;
    seen.add(next);
    path.push(next);
    cur = next;
  }
  return path.reverse();
}
