// The calculator: a compiled plan and its inputs → a statement of lines, each with its formula,
// inputs and source numbers. Pure and deterministic; rounding per line (exact.ts), total = Σ lines.
import { msg, type Message } from "../messages/index.js";
import { MICRO, mulMicro, pctToPpm, roundMicro } from "./exact.js";
import { planText } from "./labels.js";
import type {
  CompiledBonus,
  CompiledCommission,
  CompiledPlan,
  CommissionBase,
  EventKpi,
  Scope,
  ScoreKpi,
} from "./plan.js";
import { applyTiers, type TierTable, type TierSlice } from "./tiers.js";

export interface InputValue {
  /** fen for money bases, units for quantity, the metric's own unit for scorecards, counts for events. */
  value: number;
  /** Where the number comes from, e.g. KPI GMV 2026-11-01…2026-11-30, 1 shop(s), 230 paid orders. */
  source: Message;
}
export type Inputs = Record<string, InputValue>;

/** One number a line was computed from: what it is (`key`, named by `label`) and its value. */
export interface LineInput {
  key: string;
  label: Message;
  value: Message;
}

export type LineKind = "base" | "commission" | "bonus" | "event" | "pool" | "adjustment";
/**
 * A statement line. Its name, formula, inputs and sources are messages with the numbers as
 * parameters: stored with the line (a locked statement never changes) and rendered when read, in
 * the reader's language.
 */
export interface PayLine {
  kind: LineKind;
  code: string;
  label: Message;
  amountFen: number;
  formula: Message;
  inputs: LineInput[];
  sources: Message[];
  /** An input the line needs and nobody entered (an if_none event's count): the run cannot be locked until it is entered. */
  missing?: boolean;
}
export interface Statement {
  memberId: string;
  lines: PayLine[];
  totalFen: number;
}

/** Values inside formulas and inputs: numbers as parameters, rendered in the reader's language. */
export const V = {
  money: (fen: number): Message => msg("pay.v.money", { amount: fen }),
  units: (count: number): Message => msg("pay.v.units", { count }),
  /** A rate in millionths of one as a percentage (125000 → 12.5%). */
  pct: (ppm: number): Message => msg("pay.v.pct", { pct: ppm / 10_000 }),
  number: (n: number): Message => msg("pay.v.number", { n }),
  dates: (from: string, to: string): Message => msg("pay.v.dates", { from, to }),
};

/** A base value: units for the quantity base, money otherwise. */
export const showBase = (v: number, base: CommissionBase | "money"): Message =>
  base === "quantity" ? V.units(v) : V.money(v);

/** A tier or flat rate: a percentage (money bases) or money per unit (quantity; whole fen × 10⁶). */
export const showRate = (rate: number, unit: "money" | "quantity"): Message =>
  unit === "money" ? V.pct(rate) : msg("pay.v.per_unit", { amount: rate / 1_000_000 });

/** Terms joined by " + " (nested, so each part keeps its own parameters); nothing is 0. */
export function sumOf(parts: readonly Message[]): Message {
  if (parts.length === 0) return V.number(0);
  if (parts.length === 1) return parts[0]!;
  return msg("pay.f.sum", { a: parts[0]!, b: sumOf(parts.slice(1)) });
}

/** Sources joined by "; " as one source. */
export function listOf(parts: readonly Message[]): Message {
  if (parts.length === 0) return msg("pay.src.not_entered");
  if (parts.length === 1) return parts[0]!;
  return msg("pay.src.list", { a: parts[0]!, b: listOf(parts.slice(1)) });
}

/** "10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12%" */
export function describeSlices(table: TierTable, slices: TierSlice[]): Message {
  return sumOf(
    slices.map((x) =>
      msg("pay.f.times", {
        a: table.unit === "quantity" ? V.number(x.slice) : V.money(x.slice),
        b: showRate(x.rate, table.unit),
      }),
    ),
  );
}

/** Sets (or replaces) an input of a line, keeping the order inputs were first set in. */
export function setInput(line: PayLine, key: string, value: Message, label?: Message): void {
  const input: LineInput = { key, label: label ?? inputLabel(key), value };
  const i = line.inputs.findIndex((x) => x.key === key);
  if (i >= 0) line.inputs[i] = input;
  else line.inputs.push(input);
}

/** The names of the inputs the engine sets; a scorecard metric's name is its label. */
export const INPUT_KEYS = [
  "base",
  "scope",
  "basis",
  "target",
  "gate",
  "split",
  "cap",
  "bonusBase",
  "goalScore",
  "score",
  "rate",
  "pool",
  "members",
  "count",
  "amount",
  "dates",
  "share",
] as const;
export type InputKey = (typeof INPUT_KEYS)[number];
export const isInputKey = (k: string): k is InputKey =>
  (INPUT_KEYS as readonly string[]).includes(k);
export const inputLabel = (key: string): Message =>
  isInputKey(key) ? msg(`pay.in.${key}`) : msg("pay.text", { text: key });

export type RequiredInput =
  | {
      key: string;
      kind: "commission";
      base: CommissionBase;
      scope: Scope;
      shopIds: string[];
      label: string;
      /** The plan asks for an entered base, not the shop data. */ entered: boolean;
      /** The base is the parcels packed (pack station), not sales. */ parcels?: true;
    }
  | {
      key: string;
      kind: "metric";
      label: string;
      /** The metric's data source, when the plan names one. */ kpi?: ScoreKpi;
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
      ...(c.def.source === "parcels" ? { parcels: true as const } : {}),
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

const NOT_ENTERED: InputValue = { value: 0, source: msg("pay.src.not_entered") };
const get = (inputs: Inputs, key: string): InputValue => inputs[key] ?? NOT_ENTERED;

/** A commission's exact amount before its line is rounded: num/den fen, or a finished line (below the gate: nothing). */
export type CommissionValue =
  | { done: true; line: PayLine }
  | { done: false; line: PayLine; num: bigint; den: bigint; formula: Message };

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
    label: planText(d.label),
    amountFen: 0,
    formula: V.number(0),
    inputs: [],
    sources: [inp.source],
  };
  setInput(line, "base", showBase(base, d.base));
  setInput(line, "scope", msg(`pay.in.scope.${d.scope}`));
  setInput(line, "basis", msg(`pay.basis.${d.base}`));
  if (c.gate) {
    setInput(line, "target", showBase(c.gate.target, d.base));
    setInput(line, "gate", msg("pay.in.gate_of_target", { pct: c.gate.minPpm / 10_000 }));
    if (BigInt(base) * MICRO < BigInt(c.gate.target) * BigInt(c.gate.minPpm)) {
      line.formula = msg("pay.f.below_gate", {
        base: showBase(base, d.base),
        pct: c.gate.minPpm / 10_000,
        target: showBase(c.gate.target, d.base),
      });
      return { done: true, line };
    }
  }
  let micro: bigint;
  let formula: Message;
  if (c.tiers) {
    const r = applyTiers(c.tiers, base);
    micro = r.micro;
    formula = msg(c.tiers.kind === "whole" ? "pay.f.tiers_whole" : "pay.f.tiers_marginal", {
      base: showBase(base, d.base),
      slices: describeSlices(c.tiers, r.slices),
    });
  } else {
    micro = mulMicro(Math.max(0, base), c.flatRate ?? 0);
    formula = msg("pay.f.times", {
      a: showBase(Math.max(0, base), d.base),
      b: showRate(c.flatRate ?? 0, d.base === "quantity" ? "quantity" : "money"),
    });
  }
  if (!c.splits) return { done: false, line, num: micro, den: MICRO, formula };
  const share = c.splits.get(memberId) ?? 0;
  setInput(line, "split", V.pct(share));
  return {
    done: false,
    line,
    num: micro * BigInt(share),
    den: MICRO * MICRO,
    formula: msg("pay.f.split", { formula, pct: share / 10_000 }),
  };
}

export function commissionLine(c: CompiledCommission, memberId: string, inputs: Inputs): PayLine {
  const v = commissionValue(c, memberId, inputs);
  if (v.done) return v.line;
  const { line } = v;
  let fen = roundRatio(v.num, v.den);
  let formula = v.formula;
  if (c.capFen !== null && fen > c.capFen) {
    setInput(line, "cap", V.money(c.capFen));
    formula = msg("pay.f.cap", { formula, cap: c.capFen });
    fen = c.capFen;
  }
  line.amountFen = fen;
  line.formula = msg("pay.f.equals", { formula, amount: fen });
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
    label: planText(d.label),
    amountFen: 0,
    formula: V.number(0),
    inputs: [],
    sources: [],
  };
  setInput(line, "bonusBase", V.money(b.bonusBaseFen));
  // Σ weight × score, both in ppm of 100 → units of 10⁻¹² of the bonus base.
  let weighted = 0n;
  const parts: Message[] = [];
  if (d.score.kind === "goal") {
    const inp = get(inputs, inputKey.goal(d.code));
    const s = scorePpm(inp.value);
    weighted = 1_000_000n * BigInt(s);
    setInput(line, "goalScore", V.number(s / 10_000));
    line.sources.push(inp.source);
    parts.push(msg("pay.f.goal_score", { score: s / 10_000 }));
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
      const label = planText(m.label);
      setInput(
        line,
        m.code,
        missing
          ? msg("pay.in.not_entered_points")
          : msg("pay.in.points", { value: inp.value, score }),
        label,
      );
      line.sources.push(msg("pay.src.metric", { metric: label, source: inp.source }));
      parts.push(msg("pay.f.times", { a: V.pct(w), b: V.number(score) }));
    }
  }
  const score = Number((weighted * 100n) / MICRO / 10_000n) / 100; // weighted score, 2 decimals, for reading
  setInput(line, "score", V.number(score));
  if (d.gate) {
    const min = BigInt(pctToPpm(d.gate.minScore) ?? 0) * MICRO;
    setInput(line, "gate", msg("pay.in.score_at_least", { min: d.gate.minScore }));
    if (weighted < min) {
      line.formula = msg("pay.f.score_below_gate", { score, min: d.gate.minScore });
      return line;
    }
  }
  const fen = roundRatio(BigInt(b.bonusBaseFen) * weighted, MICRO * MICRO);
  line.amountFen = fen;
  line.formula = msg("pay.f.bonus", { base: b.bonusBaseFen, parts: sumOf(parts), amount: fen });
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
  source: Message;
}

export function poolLine(p: PoolShare): PayLine {
  const line: PayLine = {
    kind: "pool",
    code: p.code,
    label: planText(p.label),
    amountFen: p.shareFen,
    formula: msg("pay.f.pool", {
      base: p.baseValue,
      pct: p.ratePpm / 10_000,
      pool: p.poolFen,
      members: p.members,
      share: p.shareFen,
    }),
    inputs: [],
    sources: [p.source],
  };
  setInput(line, "base", V.money(p.baseValue));
  setInput(line, "rate", V.pct(p.ratePpm));
  setInput(line, "pool", V.money(p.poolFen));
  setInput(line, "members", V.number(p.members));
  return line;
}

export interface Adjustment {
  amountFen: number;
  reason: string;
}

/** The base salary line of a plan over the whole month. */
export const baseLine = (plan: CompiledPlan): PayLine => ({
  kind: "base",
  code: "base",
  label: msg("pay.line.base"),
  amountFen: plan.baseSalaryFen,
  formula: msg("pay.f.base", { amount: plan.baseSalaryFen }),
  inputs: [],
  sources: [msg("pay.src.plan", { name: plan.def.name })],
});

/** One member's statement. Pool shares come from computeRun(), which sees every member. */
export function computeStatement(
  plan: CompiledPlan,
  memberId: string,
  inputs: Inputs,
  pools: PoolShare[] = [],
  adjustments: Adjustment[] = [],
): Statement {
  const lines: PayLine[] = [baseLine(plan)];
  for (const c of plan.commissions) lines.push(commissionLine(c, memberId, inputs));
  for (const b of plan.bonuses) lines.push(bonusLine(b, inputs));
  for (const e of plan.events) {
    const inp = get(inputs, inputKey.event(e.def.code));
    const line: PayLine = {
      kind: "event",
      code: e.def.code,
      label: planText(e.def.label),
      amountFen: 0,
      formula: V.number(0),
      inputs: [],
      sources: [],
    };
    if (e.def.when === "if_none" && inputs[inputKey.event(e.def.code)] === undefined) {
      // "+100 for a month without a late hand-over" must not pay because nobody entered the count.
      line.formula = msg("pay.f.count_missing");
      setInput(line, "amount", V.money(e.amountFen));
      line.missing = true;
      lines.push(line);
      continue;
    }
    const count = Math.max(0, Math.trunc(inp.value));
    const amountFen =
      e.def.when === "per_event" ? count * e.amountFen : count === 0 ? e.amountFen : 0;
    line.amountFen = amountFen;
    line.formula =
      e.def.when === "per_event"
        ? msg("pay.f.per_event", { count, amount: e.amountFen, total: amountFen })
        : count === 0
          ? msg("pay.f.if_none_none", { amount: amountFen })
          : msg("pay.f.if_none_count", { count, amount: amountFen });
    setInput(line, "count", V.number(count));
    setInput(line, "amount", V.money(e.amountFen));
    line.sources.push(inp.source);
    lines.push(line);
  }
  for (const p of pools) lines.push(poolLine(p));
  adjustments.forEach((a, i) =>
    lines.push({
      kind: "adjustment",
      code: `adjustment-${i + 1}`,
      label: msg("pay.line.adjustment"),
      amountFen: a.amountFen,
      formula: msg("pay.f.adjustment", { amount: a.amountFen, reason: a.reason }),
      inputs: [],
      sources: [msg("pay.text", { text: a.reason })],
    }),
  );
  return { memberId, lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
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
