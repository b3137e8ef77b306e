// Activity lists from priority rules (LFT, LST, MTS, GRPW) and regret-based biased random
// sampling — the seeds of the quick pass and of the genetic search.

import type { Rng } from "../rng.js";
import { latestFinish, type Rcpsp } from "./problem.js";

/** Priority values where smaller is scheduled first. */
export function priorityRules(p: Rcpsp): { name: string; key: Float64Array }[] {
  const { n, dur, succStart, succ } = p;
  const { lf } = latestFinish(p);
  const lft = new Float64Array(lf);
  const lst = new Float64Array(n);
  for (let j = 0; j < n; j++) lst[j] = lf[j]! - dur[j]!;
  // Most total successors: size of the transitive successor set, bitsets in reverse topological order.
  const words = Math.ceil(n / 32);
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[p.topoRank[j]!] = j;
  const mts = new Float64Array(n);
  if (n <= 4096) {
    const bits = new Uint32Array(n * words);
    for (let i = n - 1; i >= 0; i--) {
      const j = order[i]!;
      for (let k = succStart[j]!; k < succStart[j + 1]!; k++) {
        const s = succ[k]!;
        bits[j * words + (s >>> 5)]! |= 1 << (s & 31);
        for (let w = 0; w < words; w++) bits[j * words + w]! |= bits[s * words + w]!;
      }
      let c = 0;
      for (let w = 0; w < words; w++) {
        let x = bits[j * words + w]!;
        while (x) {
          x &= x - 1;
          c++;
        }
      }
      mts[j] = -c;
    }
  }
  const grpw = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let w = dur[j]!;
    for (let k = succStart[j]!; k < succStart[j + 1]!; k++) w += dur[succ[k]!]!;
    grpw[j] = -w;
  }
  return [
    { name: "LFT", key: lft },
    { name: "LST", key: lst },
    { name: "MTS", key: mts },
    { name: "GRPW", key: grpw },
  ];
}

/** Binary min-heap of activities by (key, topological rank). */
export class Heap {
  private readonly items: number[] = [];
  constructor(
    private readonly key: Float64Array,
    private readonly rank: Int32Array,
  ) {}
  get size(): number {
    return this.items.length;
  }
  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && this.rank[a]! < this.rank[b]!);
  }
  push(v: number): void {
    const h = this.items;
    h.push(v);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** The precedence-feasible list that always picks the eligible activity with the smallest key. */
export function listByPriority(p: Rcpsp, key: Float64Array): Int32Array {
  const { n, predStart, succStart, succ } = p;
  const missing = new Int32Array(n);
  for (let j = 0; j < n; j++) missing[j] = predStart[j + 1]! - predStart[j]!;
  const heap = new Heap(key, p.topoRank);
  for (let j = 0; j < n; j++) if (missing[j] === 0) heap.push(j);
  const list = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = heap.pop();
    list[i] = j;
    for (let k = succStart[j]!; k < succStart[j + 1]!; k++)
      if (--missing[succ[k]!]! === 0) heap.push(succ[k]!);
  }
  return list;
}

/**
 * Regret-based biased random sampling (Drexl 1991): among eligible activities, pick j with
 * probability ∝ (max key − key_j + 1)^alpha.
 */
export function sampleList(p: Rcpsp, key: Float64Array, rng: Rng, alpha = 1): Int32Array {
  const { n, predStart, succStart, succ } = p;
  const missing = new Int32Array(n);
  for (let j = 0; j < n; j++) missing[j] = predStart[j + 1]! - predStart[j]!;
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) if (missing[j] === 0) eligible.push(j);
  const list = new Int32Array(n);
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    let maxKey = -Infinity;
    for (const j of eligible) if (key[j]! > maxKey) maxKey = key[j]!;
    let total = 0;
    weights.length = 0;
    for (const j of eligible) {
      const w = Math.pow(maxKey - key[j]! + 1, alpha);
      weights.push(w);
      total += w;
    }
    let r = rng.next() * total;
    let pick = eligible.length - 1;
    for (let e = 0; e < eligible.length; e++) {
      r -= weights[e]!;
      if (r < 0) {
        pick = e;
        break;
      }
    }
    const j = eligible[pick]!;
    eligible[pick] = eligible[eligible.length - 1]!;
    eligible.pop();
    list[i] = j;
    for (let k = succStart[j]!; k < succStart[j + 1]!; k++)
      if (--missing[succ[k]!]! === 0) eligible.push(succ[k]!);
  }
  return list;
}
