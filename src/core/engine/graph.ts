// Directed graphs over task indices in compressed sparse row form, topological order (Kahn) and
// cycle finding (iterative DFS) — no recursion, so a million tasks do not blow the stack.

export interface Csr {
  /** adj[start[v] .. start[v+1]) are v's neighbours; edge[k] is the index of the original edge. */
  start: Int32Array;
  adj: Int32Array;
  edge: Int32Array;
}

/** Forward (from → to) adjacency of `m` edges over `n` nodes. */
export function buildCsr(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  m = from.length,
): Csr {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[from[k]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(m);
  const edge = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const p = fill[from[k]!]!++;
    adj[p] = to[k]!;
    edge[p] = k;
  }
  return { start, adj, edge };
}

/** A topological order of all nodes, or null when the graph has a cycle. */
export function topologicalOrder(n: number, succ: Csr): Int32Array | null {
  const indeg = new Int32Array(n);
  const { start, adj } = succ;
  for (let k = 0; k < adj.length; k++) indeg[adj[k]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    for (let p = start[v]!; p < start[v + 1]!; p++) {
      const w = adj[p]!;
      if (--indeg[w]! === 0) order[tail++] = w;
    }
  }
  return tail === n ? order : null;
}

/**
 * One cycle as a list of nodes [a, b, …, a] (first node repeated at the end), or null.
 * Iterative three-colour DFS.
 */
export function findCycle(n: number, succ: Csr): number[] | null {
  const { start, adj } = succ;
  const colour = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (colour[root] !== 0) continue;
    let top = 0;
    stack[top++] = root;
    colour[root] = 1;
    cursor[root] = start[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = adj[cursor[v]!++]!;
        if (colour[w] === 0) {
          colour[w] = 1;
          parent[w] = v;
          cursor[w] = start[w]!;
          stack[top++] = w;
        } else if (colour[w] === 1) {
          const path = [w];
          for (let u = v; u !== w; u = parent[u]!) path.push(u);
          path.push(w);
          return path.reverse();
        }
      } else {
        colour[v] = 2;
        top--;
      }
    }
  }
  return null;
}
