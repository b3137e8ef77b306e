// PSPLIB j30: every instance in quick mode and with a search budget, each schedule checked by
// the independent checker, deviation from the known optimum.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  checkAbstractSchedule,
  parsePsplib,
  parsePsplibOptima,
  scheduleAbstract,
} from "../../src/core/engine/index.js";
import { fmt, printFigures } from "./report.js";

export interface J30Options {
  dataDir: string;
  schedules: number;
  /** Take every k-th instance (1 = all 480). */
  every: number;
  seed: number;
}

export function benchJ30(o: J30Options): void {
  const dir = path.join(o.dataDir, "psplib", "j30");
  const optFile = path.join(o.dataDir, "psplib", "j30opt.sm");
  if (!existsSync(dir) || !existsSync(optFile)) {
    console.log(`\n## PSPLIB j30\nskipped: ${dir} or ${optFile} not found`);
    return;
  }
  const optima = parsePsplibOptima(readFileSync(optFile, "utf8"));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sm"))
    .sort()
    .filter((_, i) => i % o.every === 0);
  let quickSum = 0,
    quickMax = 0,
    quickMs = 0,
    quickOptimal = 0;
  let searchSum = 0,
    searchMax = 0,
    searchMs = 0,
    searchOptimal = 0,
    schedules = 0;
  let infeasible = 0;
  for (const f of files) {
    const plan = parsePsplib(readFileSync(path.join(dir, f), "utf8"));
    const opt = optima.get(f.replace(/\.sm$/, ""));
    if (opt === undefined) throw new Error(`no optimum for ${f}`);
    let t = performance.now();
    const quick = scheduleAbstract(plan);
    quickMs += performance.now() - t;
    t = performance.now();
    const search = scheduleAbstract(plan, { effort: o.schedules, seed: o.seed });
    searchMs += performance.now() - t;
    schedules += search.stats.schedules;
    for (const [r, label] of [
      [quick, "quick"],
      [search, "search"],
    ] as const) {
      const errors = checkAbstractSchedule(plan, r);
      if (errors.length > 0 || r.makespan < opt) {
        infeasible++;
        console.log(
          `INFEASIBLE ${f} ${label}: ${errors[0] ?? `makespan ${r.makespan} below the optimum ${opt}`}`,
        );
      }
    }
    const dq = (100 * (quick.makespan - opt)) / opt;
    const ds = (100 * (search.makespan - opt)) / opt;
    quickSum += dq;
    quickMax = Math.max(quickMax, dq);
    if (dq === 0) quickOptimal++;
    searchSum += ds;
    searchMax = Math.max(searchMax, ds);
    if (ds === 0) searchOptimal++;
  }
  const n = files.length;
  printFigures(
    `PSPLIB j30 (${n} instance${n === 1 ? "" : "s"}${o.every > 1 ? `, every ${o.every}th` : ""}; seed ${o.seed})`,
    [
      {
        name: "quick mode: mean deviation from optimum",
        value: quickSum / n,
        unit: "%",
        target: 4,
      },
      {
        name: "quick mode: max deviation",
        value: quickMax,
        unit: "%",
        note: `${quickOptimal}/${n} optimal`,
      },
      { name: "quick mode: time per instance", value: quickMs / n, unit: "ms" },
      {
        name: `search (${o.schedules} schedules): mean deviation from optimum`,
        value: searchSum / n,
        unit: "%",
        target: 0.25,
      },
      {
        name: `search (${o.schedules} schedules): max deviation`,
        value: searchMax,
        unit: "%",
        note: `${searchOptimal}/${n} optimal`,
      },
      {
        name: `search (${o.schedules} schedules): time per instance`,
        value: searchMs / n,
        unit: "ms",
        note: `${fmt(schedules / n, 0)} schedules on average (stops at the lower bound)`,
      },
      { name: "schedules failing the independent checker", value: infeasible, unit: "", target: 0 },
    ],
  );
}
