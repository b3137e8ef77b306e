// The pure parts of a pay run (pay-run.service.ts): a period's days, a statement as the API answers
// it, what a run still lacks before it can be locked, and its rows for XLSX/CSV in the reader's
// language.
import { daysBetween } from "../../core/calendar/date.js";
import { msg, renderMessage, type Locale, type Message } from "../../core/messages/index.js";
import { formatMoney } from "../../core/money.js";
import type { LineInput, PayLine } from "../../core/pay/statement.js";
import { missingLines } from "../../core/pay/statement.js";
import { payFieldError } from "./pay-errors.js";

export interface EnteredInput {
  /** null: the same value for everyone (e.g. unattributed sales for a pool). */
  memberId: string | null;
  key: string;
  /** Money as decimal text ("1234.50"); counts, seconds, rates and scores as numbers in text. */
  value: string;
}

export function periodRange(period: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw payFieldError("period", "pay.field.period");
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, "0")}` };
}

export const monthDaysOf = (period: string) => {
  const r = periodRange(period);
  return daysBetween(r.from, r.to) + 1;
};

/** A statement as the API answers: every line's name, formula, inputs and sources as messages. */
export const presentStatement = (s: {
  memberId: string;
  memberName: string;
  departmentId: string | null;
  planVersionId: string | null;
  totalFen: number;
  lines: readonly PayLine[];
}) => ({
  memberId: s.memberId,
  memberName: s.memberName,
  departmentId: s.departmentId,
  planVersionId: s.planVersionId,
  total: formatMoney(s.totalFen),
  lines: s.lines.map((l) => ({
    kind: l.kind,
    code: l.code,
    label: l.label,
    amount: formatMoney(l.amountFen),
    formula: l.formula,
    inputs: l.inputs,
    sources: l.sources,
    ...(l.missing && { missing: true }),
  })),
});

/** What a run still lacks before it can be locked: one entry per member and input (docs/PAY.md "Inputs still missing"). */
export const missingOf = (
  statements: {
    memberId: string;
    memberName: string;
    lines: readonly { kind: string; code: string; label: Message; missing?: boolean }[];
  }[],
) =>
  statements.flatMap((s) =>
    missingLines(s.lines).map((l) => ({
      memberId: s.memberId,
      memberName: s.memberName,
      key: `${l.kind}.${l.code}`,
      label: l.label,
    })),
  );

/** A run as `exportRowsOf` reads it: its period and each statement's lines, as presented. */
export interface ExportedRun {
  period: string;
  statements: readonly {
    memberName: string;
    total: string;
    lines: readonly {
      kind: string;
      code: string;
      label: Message;
      amount: string;
      formula: Message;
      inputs: readonly LineInput[];
      sources: readonly Message[];
    }[];
  }[];
}

/**
 * Rows for XLSX/CSV in the reader's language: one row per line, with each statement's total. The
 * kind and code columns stay machine values (a script reads them); names, formulas, inputs and
 * sources are rendered from their messages.
 */
export function exportRowsOf(run: ExportedRun, locale: Locale) {
  const t = (m: Message) => renderMessage(locale, m);
  const header = [
    "period",
    "member",
    "kind",
    "code",
    "label",
    "amount",
    "formula",
    "inputs",
    "sources",
  ] as const;
  const rows: (string | number)[][] = [header.map((h) => t(msg(`pay.export.${h}`)))];
  for (const s of run.statements) {
    for (const l of s.lines)
      rows.push([
        run.period,
        s.memberName,
        l.kind,
        l.code,
        t(l.label),
        l.amount,
        t(l.formula),
        l.inputs
          .map((i) => t(msg("pay.export.input", { label: i.label, value: i.value })))
          .join("; "),
        l.sources.map(t).join("; "),
      ]);
    rows.push([
      run.period,
      s.memberName,
      "total",
      "",
      "",
      s.total,
      t(msg("pay.export.total_rule")),
      "",
      "",
    ]);
  }
  return { period: run.period, rows };
}
