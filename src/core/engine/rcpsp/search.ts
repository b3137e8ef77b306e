// The two searches of abstract mode.
//  - quick: each priority rule (LFT, LST, MTS, GRPW) once through the serial SGS, each improved by
//    forward–backward justification; the best wins. A few dozen passes: microseconds on j30.
//  - genetic: Hartmann's activity-list GA (two-point crossover, adjacent-swap mutation, elitist
//    ranking) where every child is decoded by the serial SGS and improved by double
//    justification, and the justified order replaces the child's genes (Valls et al. 2005).
//    The quick pass's schedules seed the population, so it never returns anything worse.

import { Rng } from "../rng.js";
import type { Rcpsp } from "./problem.js";
import { listByPriority, priorityRules, sampleList } from "./priority.js";
import { justify, serialSgs, SgsWorkspace } from "./sgs.js";

export interface SearchResult {
  start: Int32Array;
  makespan: number;
  schedules: number;
}

interface Individual {
  list: Int32Array;
  span: number;
}

/** Decode a list (SGS + justification) in place; returns the makespan, `start` gets the schedule. */
function decode(p: Rcpsp, rev: Rcpsp, ws: SgsWorkspace, list: Int32Array, start: Int32Array, rounds = 8): number {
  const span = serialSgs(p, list, ws, start);
  return justify(p, rev, ws, start, span, list, rounds);
}
/** Tuned on a quarter of j30 at 5,000 schedules (population 25…150, mutation 0.05…0.1 tried). */
const GA = { population: 80, mutation: 0.05 };

export function quickSearch(p: Rcpsp, rev: Rcpsp, ws: SgsWorkspace = new SgsWorkspace(p)): SearchResult & { seeds: Individual[] } {
  const before = ws.passes;
  const start = new Int32Array(p.n);
  const best = new Int32Array(p.n);
  let bestSpan = Infinity;
  const seeds: Individual[] = [];
  for (const rule of priorityRules(p)) {
    const list = listByPriority(p, rule.key);
    const span = decode(p, rev, ws, list, start);
    seeds.push({ list, span });
    if (span < bestSpan) {
      bestSpan = span;
      best.set(start);
    }
  }
  return { start: best, makespan: bestSpan, schedules: ws.passes - before, seeds };
}

/** Two-point crossover on activity lists; both parents precedence-feasible ⇒ so is the child. */
function crossover(mother: Int32Array, father: Int32Array, q1: number, q2: number, taken: Uint8Array, out: Int32Array): void {
  const n = mother.length;
  taken.fill(0);
  let k = 0;
  for (let i = 0; i < q1; i++) {
    out[k++] = mother[i]!;
    taken[mother[i]!] = 1;
  }
  for (let i = 0; i < n && k < q2; i++) {
    const v = father[i]!;
    if (!taken[v]) {
      out[k++] = v;
      taken[v] = 1;
    }
  }
  for (let i = 0; i < n && k < n; i++) {
    const v = mother[i]!;
    if (!taken[v]) {
      out[k++] = v;
      taken[v] = 1;
    }
  }
}

function isPredecessor(p: Rcpsp, a: number, b: number): boolean {
  for (let k = p.predStart[b]!; k < p.predStart[b + 1]!; k++) if (p.pred[k] === a) return true;
  return false;
}

function mutate(p: Rcpsp, list: Int32Array, rate: number, rng: Rng): void {
  for (let i = 0; i + 1 < list.length; i++) {
    if (rng.next() >= rate) continue;
    const a = list[i]!;
    const b = list[i + 1]!;
    if (!isPredecessor(p, a, b)) {
      list[i] = b;
      list[i + 1] = a;
    }
  }
}

function sameList(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Genetic search within `budget` schedule-generation passes (justification passes included).
 * Stops early at `lowerBound`.
 */
export function geneticSearch(p: Rcpsp, rev: Rcpsp, budget: number, seed: number, lowerBound: number): SearchResult {
  const ws = new SgsWorkspace(p);
  const rng = new Rng(seed);
  const quick = quickSearch(p, rev, ws);
  const best = new Int32Array(quick.start);
  let bestSpan = quick.makespan;
  if (bestSpan <= lowerBound || ws.passes >= budget) return { start: best, makespan: bestSpan, schedules: ws.passes };

  const n = p.n;
  const popSize = Math.max(10, Math.min(GA.population, Math.round(budget / 20)));
  const start = new Int32Array(n);
  const pop: Individual[] = [...quick.seeds];
  const rules = priorityRules(p);
  const lftKey = rules[0]!.key;
  while (pop.length < popSize && ws.passes < budget) {
    const list = sampleList(p, lftKey, rng, 1 + rng.int(3));
    const span = decode(p, rev, ws, list, start);
    pop.push({ list, span });
    if (span < bestSpan) {
      bestSpan = span;
      best.set(start);
    }
  }
  const taken = new Uint8Array(n);
  const mutationRate = GA.mutation;
  while (ws.passes < budget && bestSpan > lowerBound) {
    pop.sort((a, b) => a.span - b.span);
    const children: Individual[] = [];
    for (let c = 0; c < popSize && ws.passes < budget; c++) {
      // Tournament of two for each parent.
      const pick = (): Individual => {
        const a = pop[rng.int(pop.length)]!;
        const b = pop[rng.int(pop.length)]!;
        return a.span <= b.span ? a : b;
      };
      const mother = pick();
      const father = pick();
      const q1 = rng.int(n);
      const q2 = q1 + rng.int(n - q1 + 1);
      const list = new Int32Array(n);
      crossover(mother.list, father.list, q1, q2, taken, list);
      mutate(p, list, mutationRate, rng);
      const span = decode(p, rev, ws, list, start);
      if (span < bestSpan) {
        bestSpan = span;
        best.set(start);
        if (bestSpan <= lowerBound) break;
      }
      children.push({ list, span });
    }
    // Elitist survival of the fittest distinct individuals.
    const merged = [...pop, ...children].sort((a, b) => a.span - b.span);
    pop.length = 0;
    for (const ind of merged) {
      if (pop.length >= popSize) break;
      if (pop.some((o) => o.span === ind.span && sameList(o.list, ind.list))) continue;
      pop.push(ind);
    }
  }
  return { start: best, makespan: bestSpan, schedules: ws.passes };
}
