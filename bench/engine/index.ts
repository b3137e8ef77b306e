// `npm run bench -- engine [--only j30,scale,reschedule,cpm,tj,sharing] [--schedules 5000] [--every 1]
//  [--seed 1] [--tj-tasks 2000] [--tj-people 50] [--cli bin/dayclear.js] [--cli-runs 5]`: the scheduling
// engine's benchmarks (`tj`: tj3 against the whole `dayclear schedule` process), each figure
// printed next to its target from scheduling.md.

import path from "node:path";
import { benchJ30 } from "./j30.js";
import { arg } from "./report.js";
import { benchCpm, benchReschedule, benchTeamScale } from "./scale.js";
import { benchSharing } from "./sharing.js";
import { benchTaskJuggler } from "./taskjuggler.js";

const ALL = ["scale", "reschedule", "cpm", "j30", "tj", "sharing"];

export async function runEngineBench(args: string[]): Promise<void> {
  const only = (arg(args, "only") ?? ALL.join(",")).split(",");
  const quick = args.includes("--quick");
  const repoRoot = path.resolve(import.meta.dirname, "../..");
  const dataDir = path.resolve(repoRoot, "../shared/data");
  console.log(
    `# Engine benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  // Scale first, so the peak-memory figure is about the 10,000-task plan.
  if (only.includes("scale")) benchTeamScale();
  if (only.includes("reschedule")) benchReschedule();
  if (only.includes("cpm")) benchCpm();
  if (only.includes("j30")) {
    benchJ30({
      dataDir,
      schedules: Number(arg(args, "schedules") ?? 5000),
      every: Number(arg(args, "every") ?? (quick ? 8 : 1)),
      seed: Number(arg(args, "seed") ?? 1),
    });
  }
  if (only.includes("sharing")) benchSharing(quick);
  if (only.includes("tj"))
    benchTaskJuggler(
      Number(arg(args, "tj-tasks") ?? (quick ? 500 : 2000)),
      Number(arg(args, "tj-people") ?? 50),
      { cli: arg(args, "cli"), runs: Number(arg(args, "cli-runs") ?? 5) },
    );
}
