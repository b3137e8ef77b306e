// The team plan's dependency network: summary tasks (tasks that are some task's `parent`) are not
// scheduled themselves; a link to or from a summary stands for links to or from each of its leaf
// tasks, so the span of the summary obeys the link.
//
// A link between two summaries is not expanded into every leaf × leaf pair (a product of their
// sizes): a summary that is a link's predecessor collects its leaves through its own node (the
// latest start and the latest finish below it, `LINK_UP` edges from each child), and a summary
// that is a link's successor has a gate node whose bounds (earliest start, earliest finish) hold
// for every child below it (`LINK_DOWN` edges). The network is then linear in the number of tasks
// and links, and the schedule is the one the leaf × leaf links give: a bound from the latest of
// the predecessor's leaves is the strongest of the bounds from each of them. A plan with a
// dependency cycle is built in the expanded form (`expand`), so what is said about the cycle (its
// path, the tasks it blocks) does not depend on the form.

import { buildCsr, findCycle } from "./graph.js";
import { LINK_FF, LINK_FS, LINK_SF, LINK_SS } from "./cpm.js";
import { msg, type Message } from "./messages.js";
import type { DependencyType, TeamTask } from "./types.js";

const CODE: Record<DependencyType, number> = { FS: LINK_FS, SS: LINK_SS, FF: LINK_FF, SF: LINK_SF };

/** A child → its summary's collector node (the latest start and finish below the summary). */
export const LINK_UP = 4;
/** A summary's gate → a child (the gate's earliest start and finish hold for the child). */
export const LINK_DOWN = 5;

export interface TeamNetwork {
  /** Plan task index → 1 for a summary task. */
  isSummary: Uint8Array;
  /** Plan task index → index of its parent, or -1. */
  parent: Int32Array;
  /** Plan task indices of leaf tasks (the ones that get scheduled). */
  leaves: number[];
  /**
   * Nodes: 0 … tasks − 1 are the plan's tasks (a summary's node, when it has edges, collects its
   * leaves), tasks … nodes − 1 are the summaries' gates.
   */
  nodes: number;
  /** Plan task index → its gate node, or -1 (leaves, and summaries no link points to). */
  gate: Int32Array;
  /**
   * Edges by node: the plan's links first (by dependent task, then in `dependsOn` order; type
   * LINK_FS … LINK_SF, from a leaf or a summary's collector to a leaf or a gate), then LINK_UP and
   * LINK_DOWN edges (lag 0).
   */
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  lag: Int32Array;
  /** The links of task i (its own `dependsOn`) are edges linkStart[i] … linkStart[i + 1] − 1. */
  linkStart: Int32Array;
  /** Links between summaries expanded into leaf × leaf links (no collectors or gates). */
  expanded: boolean;
  /** Problems that make the network unusable (dependency on an ancestor, parent loop). */
  problems: { task: number; field: string; problem: Message }[];
}

/** Parent index per task, or -1; parent loops are reported and cut. */
function parents(
  tasks: readonly TeamTask[],
  index: ReadonlyMap<string, number>,
  problems: TeamNetwork["problems"],
): Int32Array {
  const n = tasks.length;
  const parent = new Int32Array(n).fill(-1);
  tasks.forEach((t, i) => {
    if (t.parent === null) return;
    const p = index.get(t.parent);
    if (p !== undefined && p !== i) parent[i] = p;
  });
  // Cut loops in the parent chains (a → b → a) so every walk up terminates.
  const state = new Uint8Array(n); // 0 unvisited, 1 on current walk, 2 done
  for (let i = 0; i < n; i++) {
    const walk: number[] = [];
    let v = i;
    while (v >= 0 && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = parent[v]!;
    }
    if (v >= 0 && state[v] === 1) {
      const loop = walk.slice(walk.indexOf(v)).map((k) => tasks[k]!.id);
      problems.push({
        task: v,
        field: "parent",
        problem: msg("plans.file.parent_loop", {
          id: tasks[v]!.id,
          path: [...loop, loop[0]].join(" → "),
        }),
      });
      parent[v] = -1;
    }
    for (const w of walk) state[w] = 2;
  }
  return parent;
}

function isAncestor(parent: Int32Array, ancestor: number, of: number): boolean {
  for (let v = parent[of]!; v >= 0; v = parent[v]!) if (v === ancestor) return true;
  return false;
}

export function buildTeamNetwork(
  tasks: readonly TeamTask[],
  index: ReadonlyMap<string, number>,
  options: { expand?: boolean } = {},
): TeamNetwork {
  const n = tasks.length;
  const expand = options.expand === true;
  const problems: TeamNetwork["problems"] = [];
  const parent = parents(tasks, index, problems);
  const isSummary = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) isSummary[parent[i]!] = 1;
  const leaves: number[] = [];
  for (let i = 0; i < n; i++) if (!isSummary[i]) leaves.push(i);

  // Leaf descendants of each summary (expanded form only), gathered by walking each leaf up.
  const leafSets = new Map<number, number[]>();
  if (expand)
    for (const leaf of leaves) {
      for (let v = parent[leaf]!; v >= 0; v = parent[v]!) {
        let list = leafSets.get(v);
        if (!list) leafSets.set(v, (list = []));
        list.push(leaf);
      }
    }
  const leavesOf = (i: number): readonly number[] => (isSummary[i] ? (leafSets.get(i) ?? []) : [i]);

  const from: number[] = [];
  const to: number[] = [];
  const type: number[] = [];
  const lag: number[] = [];
  const linkStart = new Int32Array(n + 1);
  // Summaries whose collector (a link's predecessor) or gate (a link's successor) is needed.
  const collects = new Uint8Array(n);
  const gated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    linkStart[i] = from.length;
    const t = tasks[i]!;
    t.dependsOn.forEach((d, k) => {
      const p = index.get(d.task);
      if (p === undefined || p === i) return; // reported by validation
      if (isAncestor(parent, p, i) || isAncestor(parent, i, p)) {
        const field = `dependsOn[${k}]`;
        problems.push({
          task: i,
          field,
          problem: msg(
            isAncestor(parent, p, i) ? "plans.file.names_summary" : "plans.file.names_subtask",
            { id: t.id, field, ref: d.task },
          ),
        });
        return;
      }
      if (expand) {
        for (const a of leavesOf(p)) {
          for (const b of leavesOf(i)) {
            from.push(a);
            to.push(b);
            type.push(CODE[d.type]);
            lag.push(d.lagDays);
          }
        }
        return;
      }
      if (isSummary[p]) collects[p] = 1;
      if (isSummary[i]) gated[i] = 1;
      from.push(p);
      to.push(i); // a summary's gate: renumbered below
      type.push(CODE[d.type]);
      lag.push(d.lagDays);
    });
  }
  linkStart[n] = from.length;
  const gate = new Int32Array(n).fill(-1);
  let nodes = n;
  if (!expand) {
    // A collector gathers its children (a child summary through its own collector), and a gate
    // passes its bounds to its children (a child summary through its own gate).
    const inherit = (own: Uint8Array): Uint8Array => {
      const out = new Uint8Array(n);
      const state = new Uint8Array(n); // 0 unknown, 1 known
      const chain: number[] = [];
      for (let i = 0; i < n; i++) {
        if (!isSummary[i] || state[i]) continue;
        chain.length = 0;
        let v = i;
        while (v >= 0 && !state[v]) {
          chain.push(v);
          v = parent[v]!;
        }
        let on = v >= 0 ? out[v]! : 0;
        for (let c = chain.length - 1; c >= 0; c--) {
          const w = chain[c]!;
          on = on || own[w]! ? 1 : 0;
          out[w] = on;
          state[w] = 1;
        }
      }
      return out;
    };
    const hasCollector = inherit(collects);
    const hasGate = inherit(gated);
    for (let i = 0; i < n; i++) if (hasGate[i]) gate[i] = nodes++;
    for (let e = 0; e < to.length; e++) if (isSummary[to[e]!]) to[e] = gate[to[e]!]!;
    for (let c = 0; c < n; c++) {
      const q = parent[c]!;
      if (q < 0) continue;
      if (hasCollector[q]) {
        from.push(c);
        to.push(q);
        type.push(LINK_UP);
        lag.push(0);
      }
      if (hasGate[q]) {
        from.push(gate[q]!);
        to.push(isSummary[c] ? gate[c]! : c);
        type.push(LINK_DOWN);
        lag.push(0);
      }
    }
  }
  return {
    isSummary,
    parent,
    leaves,
    nodes,
    gate,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    type: Uint8Array.from(type),
    lag: Int32Array.from(lag),
    linkStart,
    expanded: expand,
    problems,
  };
}

/** Whether the network has a dependency cycle (either form). */
export function hasTeamCycle(net: TeamNetwork): boolean {
  return findCycle(net.nodes, buildCsr(net.nodes, net.from, net.to)) !== null;
}

/**
 * One dependency cycle among the plan's tasks as ids (first repeated last), or null. Found on the
 * expanded form, built only when there is a cycle, so its path reads as it always has.
 */
export function findTeamCycle(
  tasks: readonly TeamTask[],
  index: ReadonlyMap<string, number>,
  net: TeamNetwork,
): string[] | null {
  if (!net.expanded) {
    if (!hasTeamCycle(net)) return null;
    net = buildTeamNetwork(tasks, index, { expand: true });
  }
  const cycle = findCycle(tasks.length, buildCsr(tasks.length, net.from, net.to));
  return cycle ? cycle.map((i) => tasks[i]!.id) : null;
}

/** All nodes on some cycle or downstream of one (these cannot be scheduled). */
export function tasksBlockedByCycles(net: TeamNetwork): Uint8Array {
  const n = net.nodes;
  const succ = buildCsr(n, net.from, net.to);
  const indeg = new Int32Array(n);
  for (let k = 0; k < succ.adj.length; k++) indeg[succ.adj[k]!]!++;
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue.push(v);
  const done = new Uint8Array(n);
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    done[v] = 1;
    for (let p = succ.start[v]!; p < succ.start[v + 1]!; p++)
      if (--indeg[succ.adj[p]!]! === 0) queue.push(succ.adj[p]!);
  }
  const blocked = new Uint8Array(n);
  for (let v = 0; v < n; v++) blocked[v] = done[v] ? 0 : 1;
  return blocked;
}
