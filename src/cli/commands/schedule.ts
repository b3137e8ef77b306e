// `dayclear schedule PLAN [--out RESULT.json] [--effort quick|N] [--seed S] [--lang L]`: reads a
// plan file (dayclear.plan/v1, team or abstract) or a PSPLIB .sm file, writes result format v1.
// What it says on stderr — a plan's problems, the tasks it could not place, the scheduler's
// warnings — is rendered from message codes in the CLI's language (--lang, else LC_ALL/LANG); the
// result file keeps its English `reason`/`warnings` and carries the codes (`code`, `notices`).
// Exit codes: 0 scheduled, 1 invalid plan or bad arguments, 2 file not readable or writable.

import { readFile, writeFile } from "node:fs/promises";
import {
  parsePlanFile,
  parsePsplib,
  PlanValidationError,
  PsplibParseError,
  schedulePlan,
  scheduleTeam,
  serializeResult,
  type Effort,
  type Plan,
  type PlanIssue,
  type ScheduleResult,
} from "../../core/engine/index.js";
import { msg, renderMessage, type Locale, type Message } from "../../core/messages/index.js";
import { cliLocale } from "../locale.js";

export async function scheduleCommand(
  file: string,
  opts: { out?: string; effort?: string; seed?: string; lang?: string },
): Promise<number> {
  const locale = cliLocale(opts.lang);
  const say = (m: Message) => renderMessage(locale, m);
  const fail = (code: number, ...lines: string[]): number => {
    process.stderr.write(`dayclear schedule: ${lines.join("\n")}\n`);
    return code;
  };
  const effortText = (opts.effort ?? "quick").trim();
  let effort: Effort;
  if (effortText === "quick") effort = "quick";
  else if (/^[1-9]\d*$/.test(effortText)) effort = Number(effortText);
  else return fail(1, say(msg("plans.cli.bad_effort", { effort: effortText })));
  const seedText = (opts.seed ?? "1").trim();
  if (!/^\d+$/.test(seedText)) return fail(1, say(msg("plans.cli.bad_seed", { seed: seedText })));
  const seed = Number(seedText);

  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    return fail(2, say(msg("plans.cli.cannot_read", { file, reason: errorCode(e) })));
  }

  const invalid = (issues: readonly PlanIssue[]) =>
    fail(
      1,
      say(msg("plans.cli.invalid", { file, count: issues.length })),
      ...issues.map(
        (i) => `  ${i.path ? `${i.path}: ` : ""}${say({ code: i.code, params: i.params })}`,
      ),
    );
  let plan: Plan;
  let validated = false;
  if (/\.sm$/i.test(file)) {
    try {
      plan = parsePsplib(text);
    } catch (e) {
      if (e instanceof PsplibParseError) return fail(1, `${file}: ${say(e.coded)}`);
      throw e;
    }
  } else {
    const parsed = parsePlanFile(text);
    if (!parsed.ok) return invalid(parsed.issues);
    plan = parsed.plan;
    validated = true;
  }

  let result: ScheduleResult;
  try {
    // A plan file parsePlanFile accepted is not validated a second time (a quarter of the work).
    result =
      validated && plan.mode === "team"
        ? scheduleTeam(plan, { effort, seed, skipValidation: true })
        : schedulePlan(plan, { effort, seed });
  } catch (e) {
    if (e instanceof PlanValidationError) return invalid(e.issues);
    throw e;
  }
  const output = serializeResult(result);
  if (opts.out) {
    try {
      await writeFile(opts.out, output);
    } catch (e) {
      return fail(2, say(msg("plans.cli.cannot_write", { file: opts.out, reason: errorCode(e) })));
    }
  } else {
    process.stdout.write(output);
  }
  const notes = notesOf(locale, plan, result);
  if (notes.length > 0) process.stderr.write(`${notes.join("\n")}\n`);
  return 0;
}

/** What the reader should know about a result: the tasks not placed and why, and the warnings. */
function notesOf(locale: Locale, plan: Plan, result: ScheduleResult): string[] {
  const say = (m: Message) => renderMessage(locale, m);
  const names = new Map<string, string>(
    plan.mode === "team" ? plan.tasks.map((t) => [t.id, t.name]) : [],
  );
  const out: string[] = [];
  if (result.unscheduled.length > 0) {
    out.push(
      `dayclear schedule: ${say(msg("plans.cli.unscheduled", { count: result.unscheduled.length }))}`,
    );
    for (const u of result.unscheduled) {
      const name = names.get(u.task);
      const reason = u.code ? say({ code: u.code, params: u.params ?? {} }) : u.reason;
      out.push(`  ${u.task}${name && name !== u.task ? ` (${name})` : ""}: ${reason}`);
    }
  }
  const warnings: Message[] =
    (result.mode === "team" ? result.notices : undefined) ??
    result.warnings.map((text) => msg("legacy.text", { text }));
  for (const w of warnings)
    out.push(`dayclear schedule: ${say(msg("plans.cli.note", { warning: w }))}`);
  return out;
}

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
