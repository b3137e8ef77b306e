// Critical path method on an index-based network with FS/SS/FF/SF links and lags.
// Typed arrays, a topological order and two linear passes: no recursion, no per-task objects,
// so a million tasks take well under a second.

import { buildCsr, findCycle, topologicalOrder } from "./graph.js";
import { english, msg, what, type Message } from "./messages.js";

/** Link types as small integers for typed arrays. */
export const LINK_FS = 0;
export const LINK_SS = 1;
export const LINK_FF = 2;
export const LINK_SF = 3;

export interface CpmNetwork {
  /** Duration of each task (any unit: periods, workdays). */
  durations: ArrayLike<number>;
  /** Link k: `to[k]` depends on `from[k]`. */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  /** LINK_FS (default), LINK_SS, LINK_FF or LINK_SF per link. */
  type?: ArrayLike<number>;
  /** Lag per link (default 0). */
  lag?: ArrayLike<number>;
  /** Earliest start per task (default 0). */
  release?: ArrayLike<number>;
}

export interface CpmResult {
  order: Int32Array;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  totalFloat: Float64Array;
  freeFloat: Float64Array;
  /** 1 when the task has no total float. */
  critical: Uint8Array;
  projectEnd: number;
}

export class CycleError extends Error {
  /** Task names (ids, or indices as strings) along the cycle, the first repeated at the end. */
  readonly path: string[];
  /** What a reader is told (plans.file.cycle), in their language; `message` is its English text. */
  readonly coded: Message;

  /** `cycle`: task indices along the cycle, the first repeated at the end. */
  constructor(
    readonly cycle: number[],
    name: (index: number) => string = String,
  ) {
    const path = cycle.map(name);
    const coded = msg("plans.file.cycle", { path: path.join(" → ") });
    super(english(coded));
    this.name = "CycleError";
    this.path = path;
    this.coded = coded;
  }
}

/** A dependency on a task that is not in the list: `coded` for the reader, the English text as `message`. */
export class UnknownTaskError extends RangeError {
  constructor(readonly coded: Message) {
    super(english(coded));
    this.name = "UnknownTaskError";
  }
}

const EPS = 1e-9;

/**
 * Forward and backward pass. `projectEnd` defaults to the latest early finish; a later value
 * (a deadline) gives every task that much more float.
 */
export function computeCpm(net: CpmNetwork, options: { projectEnd?: number } = {}): CpmResult {
  const n = net.durations.length;
  const m = net.from.length;
  const { from, to, durations: dur } = net;
  const type = net.type;
  const lag = net.lag;
  const succ = buildCsr(n, from, to, m);
  const order = topologicalOrder(n, succ);
  if (!order) throw new CycleError(findCycle(n, succ) ?? []);
  const pred = buildCsr(n, to, from, m);

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const d = dur[v]!;
    let start = net.release ? Math.max(0, net.release[v]!) : 0;
    for (let p = pred.start[v]!; p < pred.start[v + 1]!; p++) {
      const u = pred.adj[p]!;
      const k = pred.edge[p]!;
      const l = lag ? lag[k]! : 0;
      const t = type ? type[k]! : LINK_FS;
      let s: number;
      if (t === LINK_FS) s = ef[u]! + l;
      else if (t === LINK_SS) s = es[u]! + l;
      else if (t === LINK_FF) s = ef[u]! + l - d;
      else s = es[u]! + l - d;
      if (s > start) start = s;
    }
    es[v] = start;
    ef[v] = start + d;
  }
  let end = 0;
  for (let v = 0; v < n; v++) if (ef[v]! > end) end = ef[v]!;
  if (options.projectEnd !== undefined && options.projectEnd > end) end = options.projectEnd;

  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const freeFloat = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const v = order[i]!;
    const d = dur[v]!;
    let finish = end;
    let free = Infinity;
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++) {
      const w = succ.adj[p]!;
      const k = succ.edge[p]!;
      const l = lag ? lag[k]! : 0;
      const t = type ? type[k]! : LINK_FS;
      let f: number;
      let slack: number;
      if (t === LINK_FS) {
        f = ls[w]! - l;
        slack = es[w]! - l - ef[v]!;
      } else if (t === LINK_SS) {
        f = ls[w]! - l + d;
        slack = es[w]! - l - es[v]!;
      } else if (t === LINK_FF) {
        f = lf[w]! - l;
        slack = ef[w]! - l - ef[v]!;
      } else {
        f = lf[w]! - l + d;
        slack = ef[w]! - l - es[v]!;
      }
      if (f < finish) finish = f;
      if (slack < free) free = slack;
    }
    if (free === Infinity) free = end - ef[v]!;
    lf[v] = finish;
    ls[v] = finish - d;
    freeFloat[v] = Math.max(0, free);
  }
  const totalFloat = new Float64Array(n);
  const critical = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const tf = ls[v]! - es[v]!;
    totalFloat[v] = tf;
    critical[v] = tf <= EPS ? 1 : 0;
  }
  return { order, es, ef, ls, lf, totalFloat, freeFloat, critical, projectEnd: end };
}

/**
 * One critical path, start to end, as task indices: from a critical task finishing at the
 * project end, walk back along binding links to critical predecessors.
 */
export function criticalPathOf(net: CpmNetwork, cpm: CpmResult): number[] {
  const n = net.durations.length;
  let last = -1;
  for (let v = 0; v < n; v++) {
    if (
      cpm.critical[v] &&
      Math.abs(cpm.ef[v]! - cpm.projectEnd) <= EPS &&
      (last < 0 || net.durations[v]! > 0)
    )
      last = v;
  }
  if (last < 0) return [];
  const pred = buildCsr(n, net.to, net.from, net.from.length);
  const path = [last];
  const seen = new Uint8Array(n);
  seen[last] = 1;
  let v = last;
  for (;;) {
    let next = -1;
    for (let p = pred.start[v]!; p < pred.start[v + 1]!; p++) {
      const u = pred.adj[p]!;
      if (!cpm.critical[u] || seen[u]) continue;
      const k = pred.edge[p]!;
      const l = net.lag ? net.lag[k]! : 0;
      const t = net.type ? net.type[k]! : LINK_FS;
      const bound =
        t === LINK_FS
          ? cpm.ef[u]! + l
          : t === LINK_SS
            ? cpm.es[u]! + l
            : t === LINK_FF
              ? cpm.ef[u]! + l - net.durations[v]!
              : cpm.es[u]! + l - net.durations[v]!;
      if (Math.abs(bound - cpm.es[v]!) <= EPS) {
        next = u;
        break;
      }
    }
    if (next < 0) break;
    seen[next] = 1;
    path.push(next);
    v = next;
  }
  return path.reverse();
}

export interface CpmTask {
  id: string;
  duration: number;
  dependsOn?: readonly { task: string; type?: "FS" | "SS" | "FF" | "SF"; lagDays?: number }[];
}

export interface CpmTaskTimes {
  id: string;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

const TYPE_CODE = { FS: LINK_FS, SS: LINK_SS, FF: LINK_FF, SF: LINK_SF } as const;

/** CPM by task ids, for callers that do not need typed arrays. Throws on an unknown id or a cycle (with ids). */
export function cpmByIds(tasks: readonly CpmTask[]): {
  tasks: CpmTaskTimes[];
  projectEnd: number;
  criticalPath: string[];
} {
  const index = new Map<string, number>();
  tasks.forEach((t, i) => index.set(t.id, i));
  const from: number[] = [];
  const to: number[] = [];
  const type: number[] = [];
  const lag: number[] = [];
  tasks.forEach((t, i) => {
    for (const d of t.dependsOn ?? []) {
      const p = index.get(d.task);
      if (p === undefined)
        throw new UnknownTaskError(
          msg("plans.file.unknown_task", {
            what: what.task(t.id),
            field: "dependsOn",
            ref: d.task,
          }),
        );
      from.push(p);
      to.push(i);
      type.push(TYPE_CODE[d.type ?? "FS"]);
      lag.push(d.lagDays ?? 0);
    }
  });
  const net: CpmNetwork = { durations: tasks.map((t) => t.duration), from, to, type, lag };
  let cpm: CpmResult;
  try {
    cpm = computeCpm(net);
  } catch (e) {
    if (e instanceof CycleError) throw new CycleError(e.cycle, (i) => tasks[i]!.id);
    throw e;
  }
  return {
    projectEnd: cpm.projectEnd,
    criticalPath: criticalPathOf(net, cpm).map((i) => tasks[i]!.id),
    tasks: tasks.map((t, i) => ({
      id: t.id,
      es: cpm.es[i]!,
      ef: cpm.ef[i]!,
      ls: cpm.ls[i]!,
      lf: cpm.lf[i]!,
      totalFloat: cpm.totalFloat[i]!,
      freeFloat: cpm.freeFloat[i]!,
      critical: cpm.critical[i] === 1,
    })),
  };
}
