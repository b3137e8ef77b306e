// PSPLIB single-mode (.sm) instances → abstract plans: jobs become tasks (ids are the job
// numbers), renewable resources R1..Rk become resources, successor lists become predecessors.

import { english, msg, type Message } from "./messages.js";
import { PLAN_FORMAT, type AbstractPlan, type AbstractTask } from "./types.js";

/** A file the reader cannot read: `coded` for the reader's language, the English text as `message`. */
export class PsplibParseError extends Error {
  constructor(readonly coded: Message) {
    super(english(coded));
    this.name = "PsplibParseError";
  }
}

function numbers(line: string): number[] {
  return line.trim().split(/\s+/).filter(Boolean).map(Number);
}

export function parsePsplib(text: string): AbstractPlan {
  const lines = text.split(/\r?\n/);
  const find = (prefix: string): number =>
    lines.findIndex((l) => l.trim().toUpperCase().startsWith(prefix));
  const jobsLine = lines.find((l) => /^jobs \(incl\. supersource\/sink \)/i.test(l.trim()));
  const renewableLine = lines.find((l) => /^\s*-\s*renewable/i.test(l));
  if (!jobsLine || !renewableLine) throw new PsplibParseError(msg("plans.psplib.no_header"));
  const nJobs = Number(jobsLine.split(":")[1]);
  const nRes = Number.parseInt(renewableLine.split(":")[1] ?? "", 10);
  if (!Number.isInteger(nJobs) || nJobs < 1 || !Number.isInteger(nRes) || nRes < 0)
    throw new PsplibParseError(msg("plans.psplib.bad_counts"));

  const prec = find("PRECEDENCE RELATIONS");
  const req = find("REQUESTS/DURATIONS");
  const avail = find("RESOURCEAVAILABILITIES");
  if (prec < 0 || req < 0 || avail < 0) throw new PsplibParseError(msg("plans.psplib.no_sections"));

  const preds = new Map<number, string[]>();
  for (let j = 1; j <= nJobs; j++) preds.set(j, []);
  let seen = 0;
  for (let i = prec + 2; i < lines.length && seen < nJobs; i++) {
    const v = numbers(lines[i]!);
    if (v.length < 3 || v.some(Number.isNaN)) continue;
    const [job, , count] = v as [number, number, number];
    const succs = v.slice(3, 3 + count);
    if (succs.length !== count)
      throw new PsplibParseError(msg("plans.psplib.successor_count", { job, count, line: i + 1 }));
    for (const s of succs) {
      const list = preds.get(s);
      if (!list)
        throw new PsplibParseError(
          msg("plans.psplib.successor_unknown", { job, successor: s, line: i + 1 }),
        );
      list.push(String(job));
    }
    seen++;
  }
  if (seen !== nJobs)
    throw new PsplibParseError(
      msg("plans.psplib.precedence_lines", { expected: nJobs, found: seen }),
    );

  const tasks: AbstractTask[] = [];
  for (let i = req + 1; i < lines.length && tasks.length < nJobs; i++) {
    const v = numbers(lines[i]!);
    if (v.length !== 3 + nRes || v.some(Number.isNaN)) continue;
    const [job, , duration] = v as [number, number, number];
    const demands: Record<string, number> = {};
    for (let r = 0; r < nRes; r++) if (v[3 + r]! > 0) demands[`R${r + 1}`] = v[3 + r]!;
    tasks.push({ id: String(job), duration, demands, predecessors: preds.get(job) ?? [] });
  }
  if (tasks.length !== nJobs)
    throw new PsplibParseError(
      msg("plans.psplib.request_lines", { expected: nJobs, found: tasks.length }),
    );

  let caps: number[] | null = null;
  for (let i = avail + 1; i < lines.length; i++) {
    const v = numbers(lines[i]!);
    if (v.length === nRes && !v.some(Number.isNaN)) {
      caps = v;
      break;
    }
  }
  if (!caps) throw new PsplibParseError(msg("plans.psplib.no_availabilities"));
  return {
    format: PLAN_FORMAT,
    mode: "abstract",
    resources: caps.map((c, r) => ({ id: `R${r + 1}`, capacity: c })),
    tasks,
  };
}

/** Optimal (or best known) makespans from a PSPLIB `j30opt.sm`-style table: "j30<par>_<inst>" → makespan. */
export function parsePsplibOptima(text: string, prefix = "j30"): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const v = numbers(line);
    if (
      v.length >= 3 &&
      v.slice(0, 3).every(Number.isInteger) &&
      /^\s*\d+\s+\d+\s+\d+/.test(line)
    ) {
      out.set(`${prefix}${v[0]}_${v[1]}`, v[2]!);
    }
  }
  return out;
}
