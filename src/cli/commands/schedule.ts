// `dayclear schedule PLAN [--out RESULT.json] [--effort quick|N] [--seed S]`: reads a plan file
// (dayclear.plan/v1, team or abstract) or a PSPLIB .sm file, writes result format v1.
// Exit codes: 0 scheduled, 1 invalid plan or bad arguments, 2 file not readable or writable.

import { readFile, writeFile } from "node:fs/promises";
import {
  parsePlanFile,
  parsePsplib,
  PlanValidationError,
  PsplibParseError,
  schedulePlan,
  serializeResult,
  type Effort,
  type Plan,
} from "../../core/engine/index.js";

export async function scheduleCommand(
  file: string,
  opts: { out?: string; effort?: string; seed?: string },
): Promise<number> {
  const fail = (code: number, message: string): number => {
    process.stderr.write(`dayclear schedule: ${message}\n`);
    return code;
  };
  const effortText = (opts.effort ?? "quick").trim();
  let effort: Effort;
  if (effortText === "quick") effort = "quick";
  else if (/^[1-9]\d*$/.test(effortText)) effort = Number(effortText);
  else
    return fail(
      1,
      `--effort must be "quick" or a positive whole number of schedules, got "${effortText}"`,
    );
  const seedText = (opts.seed ?? "1").trim();
  if (!/^\d+$/.test(seedText)) return fail(1, `--seed must be a whole number, got "${seedText}"`);
  const seed = Number(seedText);

  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    return fail(
      2,
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }

  let plan: Plan;
  if (/\.sm$/i.test(file)) {
    try {
      plan = parsePsplib(text);
    } catch (e) {
      if (e instanceof PsplibParseError) return fail(1, `${file}: ${e.message}`);
      throw e;
    }
  } else {
    const parsed = parsePlanFile(text);
    if (!parsed.ok) {
      const lines = parsed.issues.map((i) => `  ${i.path ? `${i.path}: ` : ""}${i.message}`);
      return fail(
        1,
        `${file} is not a valid plan (${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`,
      );
    }
    plan = parsed.plan;
  }

  let output: string;
  try {
    output = serializeResult(schedulePlan(plan, { effort, seed }));
  } catch (e) {
    if (e instanceof PlanValidationError)
      return fail(
        1,
        `${file} is not a valid plan:\n${e.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
      );
    throw e;
  }
  if (opts.out) {
    try {
      await writeFile(opts.out, output);
    } catch (e) {
      return fail(
        2,
        `cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  } else {
    process.stdout.write(output);
  }
  return 0;
}
