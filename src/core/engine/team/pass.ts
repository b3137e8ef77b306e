// One serial scheduling pass in team mode: take the most urgent ready task (priority, then
// latest start), find its earliest start from its dependencies, and give it to the candidate
// member who would finish it first (ties: the previous assignee, then the least loaded), filling
// each of their days up to their free hours.

import { Heap } from "../rcpsp/priority.js";
import { LINK_FF, LINK_FS, LINK_SF, LINK_SS } from "../cpm.js";
import type { Rng } from "../rng.js";
import { MemberCapacity, simulate, type Placement } from "./capacity.js";
import { EFFORT_EPS, placeShared, type SharedTask } from "./shared.js";
import type { TeamContext } from "./context.js";
import { LINK_DOWN, LINK_UP } from "../team-network.js";
import { msg, type Message } from "../messages.js";
import type { Unscheduled } from "../types.js";

export interface PassOptions {
  /** Member index preferred per task (-1 none): the previous assignee, for stable re-plans. */
  preferred?: Int32Array;
  /**
   * Order to place tasks in, overriding priority and urgency where not NaN (smaller first): the
   * previous schedule's placement sequence, so a re-plan replays it and moves only what the
   * change forces to move.
   */
  orderKey?: Float64Array;
  /** Random perturbation of the urgency order, for the search (0 = none). */
  noise?: number;
  rng?: Rng;
  /** 1 per task the previous schedule shared among members: a re-plan keeps it shared. */
  previousShared?: Uint8Array;
}

export interface PassResult {
  assignee: Int32Array;
  /** Day indices (from the placement start); NaN when not scheduled. */
  startDay: Float64Array;
  finishDay: Float64Array;
  /** Work per task: [member, day, minutes] triples, pinned work first. */
  work: number[][];
  unscheduled: Map<number, Omit<Unscheduled, "task">>;
  caps: MemberCapacity[];
  warnings: Message[];
  /** Placement sequence number per task (-1: not placed). */
  seq: Int32Array;
  /** Members of each task shared among several, most hours first (the first is `assignee`). */
  shared: Map<number, number[]>;
}

export function runPass(ctx: TeamContext, options: PassOptions = {}): PassResult {
  const { plan, net, pred, candidates, effortMinutes, pinnedByTask } = ctx;
  const n = plan.tasks.length;
  const initialDays = 64;
  const caps = ctx.memberCals.map(
    (c, k) => new MemberCapacity(c, ctx.startEpoch, initialDays, ctx.overtime[k]),
  );
  const shared = new Map<number, number[]>();
  const assignee = new Int32Array(n).fill(-1);
  const startDay = new Float64Array(n).fill(Number.NaN);
  const finishDay = new Float64Array(n).fill(Number.NaN);
  const work: number[][] = plan.tasks.map(() => []);
  const unscheduled = new Map<number, Omit<Unscheduled, "task">>();
  const cycle = (): Omit<Unscheduled, "task"> => ({
    reason: `dependency cycle: ${ctx.cycleText ?? "?"}`,
    code: "schedule.cycle",
    params: { path: ctx.cycleText ?? "?" },
  });
  const warnings: Message[] = [];
  const seq = new Int32Array(n).fill(-1);
  let placedCount = 0;
  const scratch: Placement = { days: [], minutes: [], first: -1, last: -1 };

  // Pinned work first: it stays where it is and uses its members' time.
  pinnedByTask.forEach((list, i) => {
    for (const w of list) {
      caps[w.member]!.take(w.day, w.minutes);
      work[i]!.push(w.member, w.day, w.minutes);
    }
  });

  const key = new Float64Array(n);
  const rank = new Int32Array(n);
  const noise = options.noise ?? 0;
  for (let i = 0; i < n; i++) {
    let u = ctx.urgency[i]!;
    if (noise > 0 && options.rng) u += (options.rng.next() - 0.5) * noise * (Math.abs(u) + 5);
    const given = options.orderKey ? options.orderKey[i]! : Number.NaN;
    // Tasks without a given place come after those with one, by priority and urgency.
    key[i] = Number.isNaN(given)
      ? (options.orderKey ? 1e12 : 0) +
        (1000 - plan.tasks[i]!.priority) * 1e7 +
        Math.max(-4e6, Math.min(4e6, u))
      : given;
    rank[i] = i;
  }
  const nodes = net.nodes;
  const missing = new Int32Array(nodes);
  for (let v = 0; v < nodes; v++) missing[v] = pred.start[v + 1]! - pred.start[v]!;
  const heap = new Heap(key, rank);
  for (let i = 0; i < n; i++) if (missing[i] === 0 && !net.isSummary[i]) heap.push(i);
  // A summary's collector (its node: latest start and finish of its leaves) and gate (node ≥ n:
  // earliest start and finish it imposes on its leaves), NaN when a leaf they wait for was not
  // placed; `firstUnplaced`: the first such leaf by plan order, which its successors name.
  const nodeStart = new Float64Array(nodes).fill(Number.NaN);
  const nodeFinish = new Float64Array(nodes).fill(Number.NaN);
  const firstUnplaced = new Int32Array(nodes).fill(-1);
  const isLeaf = (v: number): boolean => v < n && !net.isSummary[v];
  const startOf = (v: number): number => (isLeaf(v) ? startDay[v]! : nodeStart[v]!);
  const finishOf = (v: number): number => (isLeaf(v) ? finishDay[v]! : nodeFinish[v]!);

  const shift = (day: number, lag: number): number =>
    lag === 0 ? day : ctx.cal.addWorkdaysEpoch(ctx.startEpoch + day, lag) - ctx.startEpoch;

  const ready: number[] = [];
  const release = (v: number): void => {
    ready.push(v);
    while (ready.length > 0) {
      const u = ready.pop()!;
      for (let p = ctx.succ.start[u]!; p < ctx.succ.start[u + 1]!; p++) {
        const s = ctx.succ.adj[p]!;
        if (--missing[s]! !== 0) continue;
        if (isLeaf(s)) heap.push(s);
        else {
          resolve(s);
          ready.push(s);
        }
      }
    }
  };

  while (heap.size > 0) {
    const i = heap.pop();
    placeTask(i);
    if (!Number.isNaN(finishDay[i]!)) seq[i] = placedCount++;
    release(i);
  }
  // Tasks never released (on or after a cycle).
  for (let i = 0; i < n; i++) {
    if (!net.isSummary[i] && Number.isNaN(finishDay[i]!) && !unscheduled.has(i)) {
      unscheduled.set(
        i,
        ctx.blocked[i]
          ? cycle()
          : {
              reason: "waits for a task that could not be scheduled",
              code: "schedule.waits",
              params: {},
            },
      );
    }
  }
  return { assignee, startDay, finishDay, work, unscheduled, caps, warnings, seq, shared };

  /** A collector or a gate whose predecessors are all placed (or known not to be). */
  function resolve(v: number): void {
    let es = -Infinity;
    let ef = -Infinity;
    let unplaced = -1;
    for (let p = pred.start[v]!; p < pred.start[v + 1]!; p++) {
      const q = pred.adj[p]!;
      const k = pred.edge[p]!;
      const t = net.type[k]!;
      if (Number.isNaN(finishOf(q))) {
        const first = isLeaf(q) ? q : firstUnplaced[q]!;
        if (unplaced < 0 || first < unplaced) unplaced = first;
        continue;
      }
      if (t === LINK_UP || t === LINK_DOWN) {
        es = Math.max(es, startOf(q));
        ef = Math.max(ef, finishOf(q));
        continue;
      }
      const lag = net.lag[k]!;
      if (t === LINK_FS) es = Math.max(es, shift(finishOf(q), lag));
      else if (t === LINK_SS) es = Math.max(es, shift(startOf(q), lag));
      else if (t === LINK_FF) ef = Math.max(ef, shift(finishOf(q), lag));
      else if (t === LINK_SF) ef = Math.max(ef, shift(startOf(q), lag));
    }
    if (unplaced >= 0) {
      firstUnplaced[v] = unplaced;
      return;
    }
    nodeStart[v] = es;
    nodeFinish[v] = ef;
  }

  /**
   * The task a leaf waits for that could not be placed: the first by the links of the leaf and of
   * its summaries in plan order, a summary's leaves in plan order (as if every link to or from a
   * summary were a link from or to each of its leaves).
   */
  function waitedFor(i: number): number {
    if (net.expanded) {
      for (let p = pred.start[i]!; p < pred.start[i + 1]!; p++)
        if (Number.isNaN(finishDay[pred.adj[p]!]!)) return pred.adj[p]!;
      return -1;
    }
    const chain: number[] = [];
    for (let v = i; v >= 0; v = net.parent[v]!) chain.push(v);
    chain.sort((x, y) => x - y);
    for (const v of chain)
      for (let e = net.linkStart[v]!; e < net.linkStart[v + 1]!; e++) {
        const q = net.from[e]!;
        if (Number.isNaN(finishOf(q))) return isLeaf(q) ? q : firstUnplaced[q]!;
      }
    return -1;
  }

  function placeTask(i: number): void {
    const task = plan.tasks[i]!;
    if (ctx.blocked[i]) {
      unscheduled.set(i, cycle());
      return;
    }
    let linkEs = -Infinity;
    let minFinish = -Infinity;
    for (let p = pred.start[i]!; p < pred.start[i + 1]!; p++) {
      const q = pred.adj[p]!;
      const k = pred.edge[p]!;
      if (Number.isNaN(finishOf(q))) {
        const w = plan.tasks[waitedFor(i)]!.id;
        unscheduled.set(i, {
          reason: `waits for task "${w}", which could not be scheduled`,
          code: "schedule.waits",
          params: { task: w },
        });
        return;
      }
      const lag = net.lag[k]!;
      const t = net.type[k]!;
      if (t === LINK_FS) linkEs = Math.max(linkEs, shift(finishOf(q), lag));
      else if (t === LINK_SS) linkEs = Math.max(linkEs, shift(startOf(q), lag));
      else if (t === LINK_FF) minFinish = Math.max(minFinish, shift(finishOf(q), lag));
      else if (t === LINK_SF) minFinish = Math.max(minFinish, shift(startOf(q), lag));
      else if (t === LINK_DOWN) {
        linkEs = Math.max(linkEs, nodeStart[q]!);
        minFinish = Math.max(minFinish, nodeFinish[q]!);
      }
    }
    const pinned = pinnedByTask[i]!;
    const eff = ctx.taskEff[i]!;
    let done = 0;
    let pinFirst = Infinity;
    let pinLast = -Infinity;
    for (const w of pinned) {
      done += eff ? w.minutes * eff[w.member]! : w.minutes;
      pinFirst = Math.min(pinFirst, w.day);
      pinLast = Math.max(pinLast, w.day);
    }
    let es = Math.max(ctx.release[i]!, linkEs);
    if (pinned.length > 0 && (pinFirst < linkEs || pinLast < minFinish)) {
      warnings.push(msg("plans.engine.pinned_out_of_order", { task: task.id }));
    }
    const remaining = effortMinutes[i]! - done;
    if (remaining <= EFFORT_EPS) {
      // Done (or fully pinned): it is where its pinned work is.
      assignee[i] = pinned[pinned.length - 1]!.member;
      if (ctx.maxPeople[i]! > 1) setCrew(i);
      startDay[i] = pinFirst;
      finishDay[i] = pinLast;
      return;
    }
    // Remaining work after pinned work goes to the same member, after it (a shared task under
    // way stays shared).
    const k = ctx.maxPeople[i]!;
    const stayShared =
      k > 1 &&
      pinned.length > 0 &&
      (options.previousShared?.[i] === 1 || pinned.some((w) => w.member !== pinned[0]!.member));
    const cands =
      pinned.length > 0 && !stayShared ? [pinned[pinned.length - 1]!.member] : candidates[i]!;
    if (pinned.length > 0) es = Math.max(es, pinLast);
    if (cands.length === 0) {
      unscheduled.set(
        i,
        task.skill
          ? {
              reason: `no member has skill "${task.skill}" at level ≥ ${task.minLevel ?? 1}`,
              code: "schedule.no_skill",
              params: { skill: task.skill, level: task.minLevel ?? 1 },
            }
          : { reason: "the plan has no members", code: "schedule.no_members", params: {} },
      );
      return;
    }
    const preferred = options.preferred ? options.preferred[i]! : -1;
    if (k > 1) {
      placeSharedTask(i, es, minFinish, remaining, cands, stayShared, preferred, pinFirst, pinLast);
      return;
    }
    let best = -1;
    let bestFrom = 0;
    let bestFinish = Infinity;
    let bestNeed = 0;
    const sim = scratch;
    for (const m of cands) {
      const cap = caps[m]!;
      // Hours = effort ÷ the member's efficiency (whole minutes).
      const need = eff ? Math.ceil(remaining / eff[m]! - 1e-9) : remaining;
      let from = es;
      let ok = simulate(cap, from, need, sim, false);
      if (ok && sim.last < minFinish) {
        // FF/SF: the latest day finishes later the later work starts, so binary-search the
        // earliest start whose finish reaches minFinish (starting at minFinish always does).
        let lo = from + 1;
        let hi = minFinish;
        while (lo < hi) {
          const mid = lo + ((hi - lo) >> 1);
          if (simulate(cap, mid, need, sim, false) && sim.last >= minFinish) hi = mid;
          else lo = mid + 1;
        }
        from = lo;
        ok = simulate(cap, from, need, sim, false);
      }
      if (!ok) continue;
      const fin = sim.last;
      // Ties: the preferred member, then the fewest hours (the most efficient), the least loaded.
      const better =
        best < 0 ||
        fin < bestFinish ||
        (fin === bestFinish && m === preferred && best !== preferred) ||
        (fin === bestFinish &&
          best !== preferred &&
          (need < bestNeed || (need === bestNeed && cap.load < caps[best]!.load)));
      if (better) {
        best = m;
        bestFrom = from;
        bestFinish = fin;
        bestNeed = need;
      }
    }
    if (best < 0) {
      noTime(i);
      return;
    }
    const cap = caps[best]!;
    const placed = scratch;
    simulate(cap, bestFrom, bestNeed, placed, true);
    for (let k = 0; k < placed.days.length; k++) {
      cap.take(placed.days[k]!, placed.minutes[k]!);
      work[i]!.push(best, placed.days[k]!, placed.minutes[k]!);
    }
    assignee[i] = best;
    startDay[i] = Math.min(placed.first, pinFirst);
    finishDay[i] = Math.max(placed.last, pinLast);
  }

  function noTime(i: number): void {
    const years = Math.round((366 * 20) / 365);
    unscheduled.set(i, {
      reason: `no working time available within the ${years}-year horizon for the members who could do it`,
      code: "schedule.no_time",
      params: { years },
    });
  }

  /**
   * A shared task's members by hours on it (pinned work included), then first day, then order:
   * the first is its assignee; with more than one they are its `assignees`.
   */
  function setCrew(i: number): void {
    const minutes = new Map<number, number>();
    const first = new Map<number, number>();
    const all = work[i]!;
    for (let k = 0; k < all.length; k += 3) {
      const m = all[k]!;
      minutes.set(m, (minutes.get(m) ?? 0) + all[k + 2]!);
      if (!first.has(m) || all[k + 1]! < first.get(m)!) first.set(m, all[k + 1]!);
    }
    const members = [...minutes.keys()].sort(
      (a, b) => minutes.get(b)! - minutes.get(a)! || first.get(a)! - first.get(b)! || a - b,
    );
    if (members.length > 1) shared.set(i, members);
    assignee[i] = members[0]!;
  }

  /** A task several members may share (maxPeople > 1): see shared.ts. */
  function placeSharedTask(
    i: number,
    es: number,
    minFinish: number,
    remaining: number,
    cands: readonly number[],
    stayShared: boolean,
    preferred: number,
    pinFirst: number,
    pinLast: number,
  ): void {
    let pinnedOn: Map<number, number[]> | null = null;
    for (const w of pinnedByTask[i]!) {
      if (w.day < es) continue;
      pinnedOn ??= new Map();
      const list = pinnedOn.get(w.day) ?? [];
      if (!list.includes(w.member)) list.push(w.member);
      pinnedOn.set(w.day, list);
    }
    const task: SharedTask = {
      caps,
      eff: ctx.taskEff[i]!,
      maxPeople: ctx.maxPeople[i]!,
      minChunk: ctx.minChunk[i]!,
      pinnedOn,
    };
    const fill = placeShared(task, cands, remaining, es, minFinish, stayShared, preferred);
    if (!fill) {
      noTime(i);
      return;
    }
    const w = fill.work;
    for (let k = 0; k < w.length; k += 3) {
      caps[w[k]!]!.take(w[k + 1]!, w[k + 2]!);
      work[i]!.push(w[k]!, w[k + 1]!, w[k + 2]!);
    }
    setCrew(i);
    startDay[i] = Math.min(fill.first, pinFirst);
    finishDay[i] = Math.max(fill.last, pinLast);
  }
}
