// The calculator: a compiled plan and its inputs → a statement of lines, each with its formula,
// inputs and source numbers. Pure and deterministic; rounding per line (exact.ts), total = Σ lines.
import type { CsKpi } from "../cs/cs-metrics.js";
import { formatMoney } from "../money.js";
import { formatPct, money, MICRO, mulMicro, pctToPpm, roundMicro } from "./exact.js";
import type {
  CompiledBonus,
  CompiledCommission,
  CompiledPlan,
  CommissionBase,
  EventKpi,
  Scope,
} from "./plan.js";
import { applyTiers, describeSlices, showRate } from "./tiers.js";

export interface InputValue {
  /** fen for money bases, units for quantity, the metric's own unit for scorecards, counts for events. */
  value: number;
  /** Where the number comes from, e.g. "KPI GMV 2026-11-01…2026-11-30, shops: 天猫旗舰店". */
  source: string;
}
export type Inputs = Record<string, InputValue>;

export type LineKind = "base" | "commission" | "bonus" | "event" | "pool" | "adjustment";
export interface PayLine {
  kind: LineKind;
  code: string;
  label: string;
  amountFen: number;
  formula: string;
  inputs: Record<string, string>;
  sources: string[];
  /** An input the line needs and nobody entered (an if_none event's count): the run cannot be locked until it is entered. */
  missing?: boolean;
}
export interface Statement {
  memberId: string;
  lines: PayLine[];
  totalFen: number;
}

export type RequiredInput =
  | {
      key: string;
      kind: "commission";
      base: CommissionBase;
      scope: Scope;
      shopIds: string[];
      label: string;
      /** The plan asks for an entered base, not the shop data. */ entered: boolean;
    }
  | {
      key: string;
      kind: "metric";
      label: string;
      /** The metric's data source, when the plan names one. */ kpi?: CsKpi;
    }
  | { key: string; kind: "goal_score"; label: string }
  | {
      key: string;
      kind: "event";
      label: string;
      /** The count's data source, when the plan names one. */ kpi?: EventKpi;
    }
  | {
      key: string;
      kind: "pool";
      base: CommissionBase;
      source: "unattributed" | "shop";
      label: string;
    };

export const inputKey = {
  commission: (code: string) => `commission.${code}`,
  metric: (bonus: string, metric: string) => `bonus.${bonus}.${metric}`,
  goal: (bonus: string) => `bonus.${bonus}.goal`,
  event: (code: string) => `event.${code}`,
  pool: (code: string) => `pool.${code}`,
};

/** What a plan needs to be computed: the service fills KPI-bound keys and asks people for the rest. */
export function requiredInputs(plan: CompiledPlan): RequiredInput[] {
  const out: RequiredInput[] = [];
  for (const c of plan.commissions)
    out.push({
      key: inputKey.commission(c.def.code),
      kind: "commission",
      base: c.def.base,
      scope: c.def.scope,
      shopIds: c.def.shopIds ?? [],
      label: c.def.label,
      entered: c.def.source === "entered",
    });
  for (const b of plan.bonuses) {
    if (b.def.score.kind === "goal")
      out.push({ key: inputKey.goal(b.def.code), kind: "goal_score", label: b.def.label });
    else
      for (const m of b.def.score.metrics)
        out.push({
          key: inputKey.metric(b.def.code, m.code),
          kind: "metric",
          label: `${b.def.label}: ${m.label}`,
          ...(m.kpi ? { kpi: m.kpi } : {}),
        });
  }
  for (const e of plan.events)
    out.push({
      key: inputKey.event(e.def.code),
      kind: "event",
      label: e.def.label,
      ...(e.def.kpi ? { kpi: e.def.kpi } : {}),
    });
  for (const p of plan.pools)
    out.push({
      key: inputKey.pool(p.def.code),
      kind: "pool",
      base: p.def.base,
      source: p.def.source,
      label: p.def.label,
    });
  return out;
}

/** num ÷ den rounded half away from zero (den > 0). */
export function roundRatio(num: bigint, den: bigint): number {
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const n = Number(q);
  return neg && n !== 0 ? -n : n;
}

export const showBase = (v: number, base: CommissionBase) =>
  base === "quantity" ? `${v} units` : money(v);
const get = (inputs: Inputs, key: string): InputValue =>
  inputs[key] ?? { value: 0, source: "not entered (0)" };

/** A commission's exact amount before its line is rounded: num/den fen, or a finished line (below the gate: nothing). */
export type CommissionValue =
  | { done: true; line: PayLine }
  | { done: false; line: PayLine; num: bigint; den: bigint; formula: string };

/** The commission on the base in `inputs`, exact (tiers, rate, split); the cap and the rounding are the caller's. */
export function commissionValue(
  c: CompiledCommission,
  memberId: string,
  inputs: Inputs,
): CommissionValue {
  const d = c.def;
  const inp = get(inputs, inputKey.commission(d.code));
  const base = inp.value;
  const line: PayLine = {
    kind: "commission",
    code: d.code,
    label: d.label,
    amountFen: 0,
    formula: "",
    inputs: { base: showBase(base, d.base), scope: d.scope, basis: d.base },
    sources: [inp.source],
  };
  if (c.gate) {
    line.inputs.target = showBase(c.gate.target, d.base);
    line.inputs.gate = `${formatPct(c.gate.minPpm)} of target`;
    if (BigInt(base) * MICRO < BigInt(c.gate.target) * BigInt(c.gate.minPpm)) {
      line.formula = `${showBase(base, d.base)} is below the gate ${formatPct(c.gate.minPpm)} × ${showBase(c.gate.target, d.base)}: nothing paid`;
      return { done: true, line };
    }
  }
  let micro: bigint;
  let formula: string;
  if (c.tiers) {
    const r = applyTiers(c.tiers, base);
    micro = r.micro;
    formula = `${c.tiers.kind === "whole" ? "Whole tiers (全额累进)" : "Marginal tiers (超额累进)"} on ${showBase(base, d.base)}: ${describeSlices(c.tiers, r.slices)}`;
  } else {
    micro = mulMicro(Math.max(0, base), c.flatRate ?? 0);
    formula = `${showBase(Math.max(0, base), d.base)} × ${showRate(c.flatRate ?? 0, d.base === "quantity" ? "quantity" : "money")}`;
  }
  if (!c.splits) return { done: false, line, num: micro, den: MICRO, formula };
  const share = c.splits.get(memberId) ?? 0;
  line.inputs.split = formatPct(share);
  return {
    done: false,
    line,
    num: micro * BigInt(share),
    den: MICRO * MICRO,
    formula: `(${formula}) × ${formatPct(share)} split`,
  };
}

export function commissionLine(c: CompiledCommission, memberId: string, inputs: Inputs): PayLine {
  const v = commissionValue(c, memberId, inputs);
  if (v.done) return v.line;
  const { line } = v;
  let fen = roundRatio(v.num, v.den);
  let formula = v.formula;
  if (c.capFen !== null && fen > c.capFen) {
    line.inputs.cap = money(c.capFen);
    formula = `min(${formula}, cap ${money(c.capFen)})`;
    fen = c.capFen;
  }
  line.amountFen = fen;
  line.formula = `${formula} = ${money(fen)}`;
  return line;
}

function scorePpm(v: number): number {
  return pctToPpm(Math.round(v * 100) / 100) ?? 0;
}

export function bonusLine(b: CompiledBonus, inputs: Inputs): PayLine {
  const d = b.def;
  const line: PayLine = {
    kind: "bonus",
    code: d.code,
    label: d.label,
    amountFen: 0,
    formula: "",
    inputs: { bonusBase: money(b.bonusBaseFen) },
    sources: [],
  };
  // Σ weight × score, both in ppm of 100 → units of 10⁻¹² of the bonus base.
  let weighted = 0n;
  const parts: string[] = [];
  if (d.score.kind === "goal") {
    const inp = get(inputs, inputKey.goal(d.code));
    const s = scorePpm(inp.value);
    weighted = 1_000_000n * BigInt(s);
    line.inputs.goalScore = String(s / 10_000);
    line.sources.push(inp.source);
    parts.push(`goal score ${s / 10_000}`);
  } else {
    for (const m of d.score.metrics) {
      const key = inputKey.metric(d.code, m.code);
      const inp = get(inputs, key);
      // A metric nobody entered earns nothing: for "lower is better" (response seconds) a missing 0 must not read as the best band.
      const missing = inputs[key] === undefined;
      const band = missing
        ? undefined
        : m.bands.find((x) =>
            m.better === "higher" ? inp.value >= x.threshold : inp.value <= x.threshold,
          );
      const score = missing ? 0 : band ? band.score : (m.elseScore ?? 0);
      const w = pctToPpm(m.weight) ?? 0;
      weighted += BigInt(w) * BigInt(pctToPpm(score) ?? 0);
      line.inputs[m.code] = missing ? "not entered → 0 points" : `${inp.value} → ${score} points`;
      line.sources.push(`${m.label}: ${inp.source}`);
      parts.push(`${formatPct(w)} × ${score}`);
    }
  }
  const scoreText = (Number((weighted * 100n) / MICRO / 10_000n) / 100).toString(); // weighted score, 2 decimals, for reading
  line.inputs.score = scoreText;
  if (d.gate) {
    const min = BigInt(pctToPpm(d.gate.minScore) ?? 0) * MICRO;
    line.inputs.gate = `score ≥ ${d.gate.minScore}`;
    if (weighted < min) {
      line.formula = `score ${scoreText} is below the gate ${d.gate.minScore}: nothing paid`;
      return line;
    }
  }
  const fen = roundRatio(BigInt(b.bonusBaseFen) * weighted, MICRO * MICRO);
  line.amountFen = fen;
  line.formula = `${money(b.bonusBaseFen)} × (${parts.join(" + ")})/100 = ${money(fen)}`;
  return line;
}

/** A pool's shares: the pool is rounded once, then split by largest remainder (ties: member id order). */
export function splitPool(poolFen: number, memberIds: readonly string[]): Map<string, number> {
  const ids = [...memberIds].sort();
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const each = Math.trunc(poolFen / ids.length);
  let rest = poolFen - each * ids.length;
  for (const id of ids) {
    const extra = rest > 0 ? 1 : rest < 0 ? -1 : 0;
    rest -= extra;
    out.set(id, each + extra);
  }
  return out;
}

export interface PoolShare {
  code: string;
  label: string;
  poolFen: number;
  baseValue: number;
  ratePpm: number;
  members: number;
  shareFen: number;
  source: string;
}

export function poolLine(p: PoolShare): PayLine {
  return {
    kind: "pool",
    code: p.code,
    label: p.label,
    amountFen: p.shareFen,
    formula: `pool ${money(p.baseValue)} × ${formatPct(p.ratePpm)} = ${money(p.poolFen)}, shared by ${p.members}: ${money(p.shareFen)}`,
    inputs: {
      base: money(p.baseValue),
      rate: formatPct(p.ratePpm),
      pool: money(p.poolFen),
      members: String(p.members),
    },
    sources: [p.source],
  };
}

export interface Adjustment {
  label: string;
  amountFen: number;
  reason: string;
}

/** One member's statement. Pool shares come from computeRun(), which sees every member. */
export function computeStatement(
  plan: CompiledPlan,
  memberId: string,
  inputs: Inputs,
  pools: PoolShare[] = [],
  adjustments: Adjustment[] = [],
): Statement {
  const lines: PayLine[] = [];
  lines.push({
    kind: "base",
    code: "base",
    label: "Base salary",
    amountFen: plan.baseSalaryFen,
    formula: `base salary ${money(plan.baseSalaryFen)}`,
    inputs: {},
    sources: [`pay plan "${plan.def.name}"`],
  });
  for (const c of plan.commissions) lines.push(commissionLine(c, memberId, inputs));
  for (const b of plan.bonuses) lines.push(bonusLine(b, inputs));
  for (const e of plan.events) {
    const inp = get(inputs, inputKey.event(e.def.code));
    if (e.def.when === "if_none" && inputs[inputKey.event(e.def.code)] === undefined) {
      // "+100 for a month without a late hand-over" must not pay because nobody entered the count.
      lines.push({
        kind: "event",
        code: e.def.code,
        label: e.def.label,
        amountFen: 0,
        formula: "count not entered: missing, nothing paid until it is entered",
        inputs: { amount: money(e.amountFen) },
        sources: [],
        missing: true,
      });
      continue;
    }
    const count = Math.max(0, Math.trunc(inp.value));
    const amountFen =
      e.def.when === "per_event" ? count * e.amountFen : count === 0 ? e.amountFen : 0;
    const formula =
      e.def.when === "per_event"
        ? `${count} × ${money(e.amountFen)} = ${money(amountFen)}`
        : `${count === 0 ? "none" : `${count}`} this period → ${money(amountFen)}`;
    lines.push({
      kind: "event",
      code: e.def.code,
      label: e.def.label,
      amountFen,
      formula,
      inputs: { count: String(count), amount: money(e.amountFen) },
      sources: [inp.source],
    });
  }
  for (const p of pools) lines.push(poolLine(p));
  adjustments.forEach((a, i) =>
    lines.push({
      kind: "adjustment",
      code: `adjustment-${i + 1}`,
      label: a.label,
      amountFen: a.amountFen,
      formula: `adjustment ${money(a.amountFen)}: ${a.reason}`,
      inputs: {},
      sources: [a.reason],
    }),
  );
  return { memberId, lines, totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
}

/** The inputs a statement still lacks (lines marked missing): a run with any is not locked. */
export const missingLines = <L extends Pick<PayLine, "missing">>(lines: readonly L[]): L[] =>
  lines.filter((l) => l.missing === true);

export interface RunEntry {
  memberId: string;
  plan: CompiledPlan;
  inputs: Inputs;
  adjustments?: Adjustment[];
}

/** Every member's statement for a period; pools are formed across the members whose plans share them. */
export function computeRun(entries: RunEntry[]): Statement[] {
  const byPool = new Map<
    string,
    { label: string; ratePpm: number; base: InputValue; members: string[] }
  >();
  for (const e of entries)
    for (const p of e.plan.pools) {
      const cur = byPool.get(p.def.code) ?? {
        label: p.def.label,
        ratePpm: p.ratePpm,
        base: get(e.inputs, inputKey.pool(p.def.code)),
        members: [],
      };
      cur.members.push(e.memberId);
      byPool.set(p.def.code, cur);
    }
  const shares = new Map<string, PoolShare[]>();
  for (const [code, p] of byPool) {
    const poolFen = roundMicro(mulMicro(Math.max(0, p.base.value), p.ratePpm));
    for (const [memberId, shareFen] of splitPool(poolFen, p.members))
      shares.set(memberId, [
        ...(shares.get(memberId) ?? []),
        {
          code,
          label: p.label,
          poolFen,
          baseValue: p.base.value,
          ratePpm: p.ratePpm,
          members: p.members.length,
          shareFen,
          source: p.base.source,
        },
      ]);
  }
  return entries.map((e) =>
    computeStatement(e.plan, e.memberId, e.inputs, shares.get(e.memberId) ?? [], e.adjustments),
  );
}

export const fenText = formatMoney;
