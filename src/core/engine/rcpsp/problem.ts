// The RCPSP in flat typed arrays: durations, demands (n × resources), capacities, predecessor
// and successor lists. Built once per plan; every search pass reads it without allocating.

import { computeCpm, CycleError } from "../cpm.js";
import { buildCsr, findCycle, topologicalOrder } from "../graph.js";
import type { AbstractPlan } from "../types.js";

export interface Rcpsp {
  n: number;
  nRes: number;
  dur: Int32Array;
  /** demand[j * nRes + r] */
  demand: Int32Array;
  cap: Int32Array;
  predStart: Int32Array;
  pred: Int32Array;
  succStart: Int32Array;
  succ: Int32Array;
  /** Resources each activity uses: resUsed[resStart[j] .. resStart[j+1]). */
  resStart: Int32Array;
  resUsed: Int32Array;
  /** Position of each activity in one fixed topological order (for tie-breaking). */
  topoRank: Int32Array;
  /** An upper bound on any serial schedule's makespan: the sum of durations. */
  horizon: number;
}

export function buildRcpsp(
  n: number,
  nRes: number,
  dur: Int32Array,
  demand: Int32Array,
  cap: Int32Array,
  from: Int32Array,
  to: Int32Array,
): Rcpsp {
  const s = buildCsr(n, from, to);
  const p = buildCsr(n, to, from);
  const order = topologicalOrder(n, s);
  if (!order) throw new CycleError(findCycle(n, s) ?? []);
  const topoRank = new Int32Array(n);
  order.forEach((v, i) => (topoRank[v] = i));
  const resStart = new Int32Array(n + 1);
  const used: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < nRes; r++) if (demand[j * nRes + r]! > 0) used.push(r);
    resStart[j + 1] = used.length;
  }
  let horizon = 0;
  for (let j = 0; j < n; j++) horizon += dur[j]!;
  return {
    n,
    nRes,
    dur,
    demand,
    cap,
    predStart: p.start,
    pred: p.adj,
    succStart: s.start,
    succ: s.adj,
    resStart,
    resUsed: Int32Array.from(used),
    topoRank,
    horizon,
  };
}

export function rcpspFromPlan(plan: AbstractPlan): Rcpsp {
  const n = plan.tasks.length;
  const nRes = plan.resources.length;
  const resIndex = new Map(plan.resources.map((r, i) => [r.id, i]));
  const taskIndex = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const dur = new Int32Array(n);
  const demand = new Int32Array(n * nRes);
  const from: number[] = [];
  const to: number[] = [];
  plan.tasks.forEach((t, j) => {
    dur[j] = t.duration;
    for (const [res, q] of Object.entries(t.demands)) demand[j * nRes + resIndex.get(res)!] = q;
    for (const p of t.predecessors) {
      from.push(taskIndex.get(p)!);
      to.push(j);
    }
  });
  try {
    return buildRcpsp(
      n,
      nRes,
      dur,
      demand,
      Int32Array.from(plan.resources.map((r) => r.capacity)),
      Int32Array.from(from),
      Int32Array.from(to),
    );
  } catch (e) {
    // The cycle by task ids, as the plan names them.
    if (e instanceof CycleError) throw new CycleError(e.cycle, (i) => plan.tasks[i]!.id);
    throw e;
  }
}

/** The same problem with every precedence reversed (for backward passes). */
export function reverseRcpsp(p: Rcpsp): Rcpsp {
  const topoRank = new Int32Array(p.n);
  for (let j = 0; j < p.n; j++) topoRank[j] = p.n - 1 - p.topoRank[j]!;
  return {
    ...p,
    predStart: p.succStart,
    pred: p.succ,
    succStart: p.predStart,
    succ: p.pred,
    topoRank,
  };
}

/** CPM over the problem's precedence network, ignoring resources. */
function cpmOf(p: Rcpsp) {
  const from: number[] = [];
  const to: number[] = [];
  for (let j = 0; j < p.n; j++) {
    for (let k = p.succStart[j]!; k < p.succStart[j + 1]!; k++) {
      from.push(j);
      to.push(p.succ[k]!);
    }
  }
  return computeCpm({ durations: p.dur, from, to });
}

/** Critical path length and resource bound: max(CPM, max_r ⌈Σ d·q / capacity⌉). */
export function lowerBound(p: Rcpsp): number {
  const cpm = cpmOf(p);
  let lb = cpm.projectEnd;
  for (let r = 0; r < p.nRes; r++) {
    let work = 0;
    for (let j = 0; j < p.n; j++) work += p.dur[j]! * p.demand[j * p.nRes + r]!;
    if (p.cap[r]! > 0) lb = Math.max(lb, Math.ceil(work / p.cap[r]!));
  }
  return lb;
}

/** Latest finish times (CPM backward pass against the critical path length), used by the LFT rule. */
export function latestFinish(p: Rcpsp): { es: Float64Array; lf: Float64Array } {
  const cpm = cpmOf(p);
  return { es: cpm.es, lf: cpm.lf };
}
