// `dayclear whatif PLAN.json [--deadline DATE] [--json] [--lang L]` (contract; docs/ENGINE.md
// "What-ifs from a plan file"): the corrective actions for a team plan file (dayclear.plan/v1, e.g.
// what `GET /plans/{id}/plan-file` gives), each with its predicted finish and cost (hours moved,
// overtime added), and the best combination — computed by the same core as the server's
// `POST /plans/{id}/what-ifs` (core/progress/what-ifs-file.ts → what-ifs.ts) on the file alone.
// The deadline is --deadline, else the latest task deadline in the file. Text in the reader's
// language (--lang, else LC_ALL/LANG); --json prints dayclear.whatif/v1 with the codes and the texts.
// Exit codes: 0 computed (late or not), 1 invalid plan or arguments, 2 file not readable.
import { readFile } from "node:fs/promises";
import { isSupportedDate } from "../../core/calendar/range.js";
import { parsePlanFile, type PlanIssue, type TeamPlan } from "../../core/engine/index.js";
import { LIMITS } from "../../core/limits.js";
import {
  msg,
  renderMessage,
  type Locale,
  type Message,
  type MessageCode,
} from "../../core/messages/index.js";
import { fileDeadline, fileWhatIfs } from "../../core/progress/what-ifs-file.js";
import type { WhatIfAnswer, WhatIfScore } from "../../core/progress/what-ifs.js";
import { cliErrorText, cliLocale } from "../locale.js";

export const WHATIF_FORMAT = "dayclear.whatif/v1";

export async function whatifCommand(
  file: string,
  opts: { deadline?: string; json?: boolean; lang?: string },
): Promise<number> {
  const locale = cliLocale(opts.lang);
  const say = (m: Message) => renderMessage(locale, m);
  const fail = (code: number, ...lines: string[]): number => {
    process.stderr.write(`dayclear whatif: ${lines.join("\n")}\n`);
    return code;
  };
  if (opts.deadline !== undefined && !isSupportedDate(opts.deadline))
    return fail(
      1,
      say(
        msg("cli.date.invalid", {
          flag: "--deadline",
          min: LIMITS.dateMin,
          max: LIMITS.dateMax,
          got: JSON.stringify(opts.deadline),
        }),
      ),
    );
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    // 找不到文件：… / No such file: … (the CLI's file errors), else the system's reason.
    const known = cliErrorText(e, locale);
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return fail(
      2,
      known !== (e as Error).message ? known : say(msg("plans.cli.cannot_read", { file, reason })),
    );
  }
  const parsed = parsePlanFile(text);
  if (!parsed.ok) {
    const issues: readonly PlanIssue[] = parsed.issues;
    return fail(
      1,
      say(msg("plans.cli.invalid", { file, count: issues.length })),
      ...issues.map(
        (i) => `  ${i.path ? `${i.path}: ` : ""}${say({ code: i.code, params: i.params })}`,
      ),
    );
  }
  if (parsed.plan.mode !== "team") return fail(1, say(msg("plans.whatif.cli.not_team", { file })));
  const plan: TeamPlan = parsed.plan;
  const deadline = opts.deadline ?? fileDeadline(plan);
  if (!deadline) return fail(1, say(msg("plans.whatif.cli.no_deadline", { file })));

  const answer = fileWhatIfs(plan, deadline, {
    options: LIMITS.whatIfOptionsMax,
    runs: LIMITS.whatIfEngineRunsMax,
    work: LIMITS.whatIfEngineWork,
  });
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(asJson(locale, file, plan, deadline, answer, names), null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${asText(locale, file, deadline, answer, names).join("\n")}\n`);
  }
  return 0;
}

const kindCode = (kind: string) => `plans.whatif.cli.kind.${kind}` as MessageCode;

/** The score as the reader reads it: finish, gain, deadline, cost. */
function scoreLine(locale: Locale, s: WhatIfScore): string {
  const say = (m: Message) => renderMessage(locale, m);
  return [
    say(msg("plans.whatif.cli.finish", { finish: s.finish ?? "—" })),
    say(
      s.daysGained > 0
        ? msg("plans.whatif.cli.gained", { days: s.daysGained })
        : s.daysGained < 0
          ? msg("plans.whatif.cli.lost", { days: -s.daysGained })
          : msg("plans.whatif.cli.unchanged"),
    ),
    say(msg(s.meetsDeadline ? "plans.whatif.cli.meets" : "plans.whatif.cli.misses")),
    say(msg("plans.whatif.cli.cost", { hours: s.hoursMoved, overtime: s.overtimeHours })),
  ].join(" · ");
}

function asText(
  locale: Locale,
  file: string,
  deadline: string,
  a: WhatIfAnswer,
  names: Map<string, string>,
): string[] {
  const say = (m: Message) => renderMessage(locale, m);
  const out: string[] = [
    say(
      a.lateDays > 0
        ? msg("plans.whatif.cli.head_late", {
            file,
            finish: a.finish ?? "—",
            deadline,
            days: a.lateDays,
          })
        : msg("plans.whatif.cli.head_on_time", { file, finish: a.finish ?? "—", deadline }),
    ),
  ];
  if (!a.options.length) out.push(say(msg("plans.whatif.cli.no_options")));
  else {
    out.push(say(msg("plans.whatif.cli.options")));
    a.options.forEach((o, i) => {
      out.push(`${String(i + 1).padStart(2)}. [${say(msg(kindCode(o.kind)))}] ${say(o.message)}`);
      out.push(`    ${scoreLine(locale, o.score)}`);
      if (!o.applicable) out.push(`    ${say(msg("plans.whatif.cli.try_only"))}`);
      if (o.risk) out.push(`    ${say(msg("plans.whatif.cli.risk", { risk: o.risk }))}`);
      if (o.score.affectedMembers.length)
        out.push(
          `    ${say(
            msg("plans.whatif.cli.affected", {
              members: o.score.affectedMembers.map((id) => names.get(id) ?? id),
            }),
          )}`,
        );
    });
  }
  if (a.best) {
    const numbers = a.best.optionIds.map((id) => a.options.findIndex((o) => o.id === id) + 1);
    out.push(say(msg("plans.whatif.cli.best", { options: numbers })));
    out.push(`    ${scoreLine(locale, a.best.score)}`);
    if (!a.best.applicable) out.push(`    ${say(msg("plans.whatif.cli.try_only"))}`);
  } else if (a.options.length) out.push(say(msg("plans.whatif.cli.no_best")));
  if (a.notes.length) {
    out.push(say(msg("plans.whatif.cli.notes")));
    for (const n of a.notes) out.push(`  - ${say(n)}`);
  }
  return out;
}

function asJson(
  locale: Locale,
  file: string,
  plan: TeamPlan,
  deadline: string,
  a: WhatIfAnswer,
  names: Map<string, string>,
) {
  const say = (m: Message) => renderMessage(locale, m);
  const coded = (m: Message) => ({ code: m.code, params: m.params ?? {}, text: say(m) });
  const score = (s: WhatIfScore) => ({
    ...s,
    affectedMembers: s.affectedMembers.map((id) => ({ memberId: id, name: names.get(id) ?? null })),
  });
  return {
    format: WHATIF_FORMAT,
    file,
    locale,
    start: plan.start,
    deadline,
    finish: a.finish,
    lateDays: a.lateDays,
    options: a.options.map((o) => ({
      id: o.id,
      kind: o.kind,
      message: coded(o.message),
      risk: o.risk && coded(o.risk),
      applicable: o.applicable,
      changes: o.changes,
      score: score(o.score),
    })),
    best: a.best && { ...a.best, score: score(a.best.score) },
    notes: a.notes.map(coded),
    runs: a.runs,
  };
}
