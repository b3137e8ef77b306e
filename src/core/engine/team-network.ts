// The team plan's dependency network after WBS expansion: summary tasks (tasks that are some
// task's `parent`) are not scheduled themselves; a link to or from a summary stands for links to
// or from each of its leaf tasks, so the span of the summary obeys the link.

import { buildCsr, findCycle } from "./graph.js";
import { LINK_FF, LINK_FS, LINK_SF, LINK_SS } from "./cpm.js";
import { msg, type Message } from "./messages.js";
import type { DependencyType, TeamTask } from "./types.js";

const CODE: Record<DependencyType, number> = { FS: LINK_FS, SS: LINK_SS, FF: LINK_FF, SF: LINK_SF };

export interface TeamNetwork {
  /** Plan task index → 1 for a summary task. */
  isSummary: Uint8Array;
  /** Plan task index → index of its parent, or -1. */
  parent: Int32Array;
  /** Plan task indices of leaf tasks (the ones that get scheduled). */
  leaves: number[];
  /** Links between leaf tasks, by plan task index. */
  from: Int32Array;
  to: Int32Array;
  type: Uint8Array;
  lag: Int32Array;
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
): TeamNetwork {
  const n = tasks.length;
  const problems: TeamNetwork["problems"] = [];
  const parent = parents(tasks, index, problems);
  const isSummary = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) isSummary[parent[i]!] = 1;
  const leaves: number[] = [];
  for (let i = 0; i < n; i++) if (!isSummary[i]) leaves.push(i);

  // Leaf descendants of each summary, gathered by walking each leaf up its chain.
  const leafSets = new Map<number, number[]>();
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
  tasks.forEach((t, i) => {
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
      for (const a of leavesOf(p)) {
        for (const b of leavesOf(i)) {
          from.push(a);
          to.push(b);
          type.push(CODE[d.type]);
          lag.push(d.lagDays);
        }
      }
    });
  });
  return {
    isSummary,
    parent,
    leaves,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    type: Uint8Array.from(type),
    lag: Int32Array.from(lag),
    problems,
  };
}

/** One dependency cycle among the network's tasks as ids (first repeated last), or null. */
export function findTeamCycle(tasks: readonly TeamTask[], net: TeamNetwork): string[] | null {
  const cycle = findCycle(tasks.length, buildCsr(tasks.length, net.from, net.to));
  return cycle ? cycle.map((i) => tasks[i]!.id) : null;
}

/** All tasks on some cycle or downstream of one (these cannot be scheduled). */
export function tasksBlockedByCycles(n: number, net: TeamNetwork): Uint8Array {
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
