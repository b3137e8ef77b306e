// A plan version effective mid-month (docs/PAY.md "A version effective mid-month"): the month is cut
// into segments, one per version in force, and the lines that measure days — base salary and
// commissions — get one line per version, each over its own dates; never a date before the version.
//
// Commissions: the band (and the gate, and the cap) is found from the version's base over the
// WHOLE month, and the version is paid its share of that month's commission in proportion to the
// sales of its own dates: line = commission(month total) × own sales ÷ month total. A shop owner
// expects the month to stay one month for thresholds — a plan change on the 16th must not drop a
// seller into a lower band for both halves — and the new rate to pay only the sales from the 16th.
// A rule the change did not touch (same definition in consecutive versions) stays one line over
// its dates, as if nothing changed. Monthly measures (scorecard and goal bonuses, event counts,
// pools) follow the version in force on the member's first day: a later version takes them over
// from the next month. Every line is rounded once, half away from zero; the total is the sum.
import { msg } from "../messages/index.js";
import type { CompiledCommission, CompiledPlan } from "./plan.js";
import {
  baseLine,
  commissionLine,
  commissionValue,
  computeRun,
  inputKey,
  listOf,
  roundRatio,
  setInput,
  showBase,
  V,
  type InputValue,
  type Inputs,
  type PayLine,
  type RunEntry,
  type Statement,
} from "./statement.js";

export interface PlanSegment {
  /** First and last date the version governs in this month (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Calendar days from..to. */
  days: number;
  planVersionId: string;
  plan: CompiledPlan;
  /** The version's inputs over the whole month: they find the band, the gate and the cap. */
  month: Inputs;
  /** The version's inputs over its own dates: its share of the month's sales. */
  own: Inputs;
}

/**
 * A number entered for the month (parcels packed, an override) split over segments by calendar
 * days, so the parts add up to the whole: the cumulative share is rounded, each part the difference.
 */
export function prorate(
  total: number,
  daysBefore: number,
  days: number,
  monthDays: number,
): number {
  const upTo = (d: number) => roundRatio(BigInt(total) * BigInt(d), BigInt(monthDays));
  return upTo(daysBefore + days) - upTo(daysBefore);
}

/** Consecutive segments whose `same` key matches merge into one run of dates. */
function runsOf<T>(
  segments: PlanSegment[],
  pick: (s: PlanSegment) => T | undefined,
  same: (t: T) => string,
): { item: T; segments: PlanSegment[] }[] {
  const out: { item: T; key: string; segments: PlanSegment[] }[] = [];
  for (const s of segments) {
    const item = pick(s);
    if (item === undefined) continue;
    const key = same(item);
    const last = out.at(-1);
    if (last && last.key === key && last.segments.at(-1) === segments[segments.indexOf(s) - 1])
      last.segments.push(s);
    else out.push({ item, key, segments: [s] });
  }
  return out;
}

/** Base salary: one line per run of days at one salary, salary × days ÷ days in the month. */
export function segmentBaseLines(segments: PlanSegment[], monthDays: number): PayLine[] {
  return runsOf(
    segments,
    (s) => s.plan,
    (p) => String(p.baseSalaryFen),
  ).map(({ item: plan, segments: run }): PayLine => {
    const days = run.reduce((n, s) => n + s.days, 0);
    const from = run[0]!.from,
      to = run.at(-1)!.to;
    const line = baseLine(plan);
    if (days === monthDays) return line;
    const fen = roundRatio(BigInt(plan.baseSalaryFen) * BigInt(days), BigInt(monthDays));
    line.amountFen = fen;
    line.formula = msg("pay.f.base_days", {
      salary: plan.baseSalaryFen,
      days,
      monthDays,
      amount: fen,
    });
    setInput(line, "dates", V.dates(from, to));
    return line;
  });
}

/** One commission over some of the month's dates: its month's commission × own ÷ month total. */
export function segmentCommissionLine(
  c: CompiledCommission,
  memberId: string,
  month: Inputs,
  own: InputValue,
  range: { from: string; to: string },
): PayLine {
  const key = inputKey.commission(c.def.code);
  const total = month[key]?.value ?? 0;
  const v = commissionValue(c, memberId, month);
  const line = v.line;
  setInput(line, "dates", V.dates(range.from, range.to));
  setInput(
    line,
    "share",
    msg("pay.v.ratio", { a: showBase(own.value, c.def.base), b: showBase(total, c.def.base) }),
  );
  line.sources = [...line.sources, own.source];
  if (v.done) return line; // below the gate over the month: nothing for any of its dates
  let { num, den, formula } = v;
  if (c.capFen !== null && num > BigInt(c.capFen) * den) {
    setInput(line, "cap", V.money(c.capFen));
    formula = msg("pay.f.cap", { formula, cap: c.capFen });
    num = BigInt(c.capFen);
    den = 1n;
  }
  const fen = total <= 0 ? 0 : roundRatio(num * BigInt(own.value), den * BigInt(total));
  line.amountFen = fen;
  line.formula = msg("pay.f.share_of_month", {
    formula,
    own: showBase(own.value, c.def.base),
    total: showBase(total, c.def.base),
    amount: fen,
  });
  return line;
}

/** Commission lines: per rule, one line per run of segments with the same definition; a rule unchanged all month is the usual single line. */
export function segmentCommissionLines(
  segments: PlanSegment[],
  memberId: string,
  monthDays: number,
): PayLine[] {
  const codes = [...new Set(segments.flatMap((s) => s.plan.commissions.map((c) => c.def.code)))];
  const lines: PayLine[] = [];
  for (const code of codes) {
    const key = inputKey.commission(code);
    for (const { item: c, segments: run } of runsOf(
      segments,
      (s) => s.plan.commissions.find((x) => x.def.code === code),
      (x) => JSON.stringify(x.def),
    )) {
      const first = run[0]!;
      const days = run.reduce((n, s) => n + s.days, 0);
      if (days === monthDays) {
        lines.push(commissionLine(c, memberId, first.month));
        continue;
      }
      const own: InputValue = {
        value: run.reduce((sum, s) => sum + (s.own[key]?.value ?? 0), 0),
        source: listOf(run.map((s) => s.own[key]?.source ?? msg("pay.src.not_entered"))),
      };
      lines.push(
        segmentCommissionLine(c, memberId, first.month, own, {
          from: first.from,
          to: run.at(-1)!.to,
        }),
      );
    }
  }
  return lines;
}

export interface MonthEntry extends RunEntry {
  /** The member's versions over the month, in date order; `plan`/`inputs` are the first one's (with whole-month inputs). */
  segments?: PlanSegment[];
}

/**
 * Every member's statement for a month: as computeRun(), and for a member whose plan changed
 * mid-month, base salary and commissions per version over its dates (the monthly lines stay).
 */
export function computeMonth(entries: MonthEntry[], monthDays: number): Statement[] {
  return computeRun(entries).map((st, i) => {
    const segments = entries[i]!.segments;
    if (!segments || segments.length < 2) return st;
    const lines = [
      ...segmentBaseLines(segments, monthDays),
      ...segmentCommissionLines(segments, st.memberId, monthDays),
      ...st.lines.filter((l) => l.kind !== "base" && l.kind !== "commission"),
    ];
    return {
      memberId: st.memberId,
      lines,
      totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    };
  });
}
