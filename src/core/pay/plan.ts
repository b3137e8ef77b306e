// A pay plan as people write and share it (JSON format "dayclear.pay-plan/v1", docs/PAY.md):
// money as decimal strings in yuan, percentages as numbers. compilePlan() checks every field and
// turns it into integers (fen, ppm) for the calculator, or lists every problem with its path.
import {
  isScoreAftersalesKpi,
  SCORE_AFTERSALES_BETTER,
  SCORE_AFTERSALES_KPIS,
  type ScoreAftersalesKpi,
} from "../aftersales/kpi.js";
import { CS_KPI_BETTER, CS_KPIS, isCsKpi, type CsKpi } from "../cs/cs-metrics.js";
import { fieldError, type FieldError } from "../errors.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { parseMoney } from "../money.js";
import { pctToPpm } from "./exact.js";
import { compileTiers, type BandDef, type TierTable } from "./tiers.js";

export const PAY_PLAN_FORMAT = "dayclear.pay-plan/v1";
export const COMMISSION_BASES = ["gmv", "paid", "net", "margin", "quantity"] as const;
export const SCOPES = ["person", "department", "shop"] as const;
export type CommissionBase = (typeof COMMISSION_BASES)[number];
export type Scope = (typeof SCOPES)[number];

export const COMMISSION_SOURCES = ["data", "entered", "parcels"] as const;
export type CommissionSource = (typeof COMMISSION_SOURCES)[number];

export interface CommissionDef {
  code: string;
  label: string;
  base: CommissionBase;
  scope: Scope;
  /** Shop scope: which shops (empty or absent: all). */
  shopIds?: string[];
  attribution?: { kind: "owner" } | { kind: "split"; splits: { memberId: string; pct: number }[] };
  /**
   * Where the base comes from: the shop data of the period (default), a number entered with each
   * run, or `parcels` — the parcels packed in the period by the person (their department, everyone
   * for the shop scope), from the pack station; base quantity. Parcels are read only when the
   * workspace recorded packing in the period (a shop that does not scan enters the count), and an
   * entered count wins over them.
   */
  source?: CommissionSource;
  /** Flat rate: a percentage for money bases. */
  ratePct?: number;
  /** Flat rate for the quantity base: money per unit. */
  perUnit?: string;
  tiers?: { kind: "whole" | "marginal"; bands: BandDef[] };
  /** Nothing is paid below this share of the target (both in the base's units). */
  gate?: { minAchievementPct: number; target: string };
  /** The line never pays more than this. */
  cap?: string;
}

export interface ScoreMetricDef {
  code: string;
  label: string;
  weight: number;
  /** "higher": a band applies when value ≥ threshold; "lower": when value ≤ threshold (e.g. seconds). */
  better: "higher" | "lower";
  /** Best band first. */
  bands: { threshold: number; score: number }[];
  elseScore?: number;
  /**
   * Where the value comes from when nobody enters one: the member's customer-service data of the
   * period — inquiryConversion in percent (better: higher), firstResponse / averageResponse in seconds (better: lower);
   * or the member's after-sales cases — slaAttainment in percent (higher), avgHandlingMinutes in
   * minutes (lower) (docs/AFTERSALES.md "KPIs").
   */
  kpi?: ScoreKpi;
}

/** The data a scorecard metric may read: customer-service data or after-sales cases. */
export type ScoreKpi = CsKpi | ScoreAftersalesKpi;
export const SCORE_KPIS = [...CS_KPIS, ...SCORE_AFTERSALES_KPIS] as const;
const scoreBetter = (k: string): "higher" | "lower" | null =>
  isCsKpi(k) ? CS_KPI_BETTER[k] : isScoreAftersalesKpi(k) ? SCORE_AFTERSALES_BETTER[k] : null;

export interface BonusDef {
  code: string;
  label: string;
  bonusBase: string;
  score: { kind: "goal" } | { kind: "bands"; metrics: ScoreMetricDef[] };
  /** Nothing below this weighted score (0–100). */
  gate?: { minScore: number };
}

export interface EventDef {
  code: string;
  label: string;
  /** Signed money per event: "-10.00" a penalty, "5.00" an extra. */
  amount: string;
  /** per_event: count × amount; if_none: amount once when the count is zero (e.g. no late hand-over). */
  when: "per_event" | "if_none";
  /**
   * The count from the shop data: `lateShipments` = paid orders of the period shipped late or
   * overdue (every shop); `wrongShipments` = the member's scans the pack station stopped as the
   * wrong parcel (read when the workspace scanned in the period); `reviewsTurnedGood` = the
   * member's bad reviews turned good (after-sales, read when the workspace had cases in the
   * period). Otherwise entered; an entered count wins.
   */
  kpi?: EventKpi;
}

export const EVENT_KPIS = ["lateShipments", "wrongShipments", "reviewsTurnedGood"] as const;
export type EventKpi = (typeof EVENT_KPIS)[number];

export interface PoolDef {
  code: string;
  label: string;
  /** The pool is ratePct of this base (entered or from the KPIs), split equally among its members. */
  base: Exclude<CommissionBase, "quantity">;
  source: "unattributed" | "shop";
  ratePct: number;
}

export interface PayPlanDefinition {
  format: typeof PAY_PLAN_FORMAT;
  name: string;
  description?: string;
  baseSalary: string;
  commissions: CommissionDef[];
  bonuses: BonusDef[];
  events: EventDef[];
  pools: PoolDef[];
}

export interface CompiledCommission {
  def: CommissionDef;
  /** micro-fen per base unit (ppm for money bases). */
  flatRate: number | null;
  tiers: TierTable | null;
  splits: Map<string, number> | null; // memberId → basis points of 100 %
  gate: { minPpm: number; target: number } | null;
  capFen: number | null;
}
export interface CompiledBonus {
  def: BonusDef;
  bonusBaseFen: number;
}
export interface CompiledEvent {
  def: EventDef;
  amountFen: number;
}
export interface CompiledPool {
  def: PoolDef;
  ratePpm: number;
}
export interface CompiledPlan {
  def: PayPlanDefinition;
  baseSalaryFen: number;
  commissions: CompiledCommission[];
  bonuses: CompiledBonus[];
  events: CompiledEvent[];
  pools: CompiledPool[];
}

export type CompileResult = { ok: true; plan: CompiledPlan } | { ok: false; errors: FieldError[] };

const CODE = /^[a-z][a-z0-9_-]{0,39}$/;

class Checker {
  errors: FieldError[] = [];
  fail(field: string, code: MessageCode, params?: MessageParams): void {
    this.errors.push(fieldError(field, code, params));
  }
  oneOf(field: string, options: readonly string[]): void {
    this.fail(field, "pay.field.one_of", { options: [...options] });
  }
  money(field: string, v: unknown, { signed = false } = {}): number {
    if (typeof v !== "string") return (this.fail(field, "pay.field.money_text"), 0);
    const r = parseMoney(v);
    if (!r.ok) return (this.fail(field, "pay.field.money_invalid", { value: v }), 0);
    if (!signed && r.fen < 0) return (this.fail(field, "pay.field.negative"), 0);
    return r.fen;
  }
  pct(field: string, v: unknown, max = Infinity): number {
    const ppm = typeof v === "number" ? pctToPpm(v) : null;
    if (ppm === null) return (this.fail(field, "pay.field.pct"), 0);
    if (ppm < 0) return (this.fail(field, "pay.field.negative"), 0);
    if (ppm > max * 10_000) return (this.fail(field, "pay.field.max", { max }), 0);
    return ppm;
  }
  text(field: string, v: unknown, max = 100): void {
    if (typeof v !== "string" || v.trim() === "" || v.length > max)
      this.fail(field, "pay.field.text", { max });
  }
  codes(field: string, items: { code: string }[]): void {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (typeof it.code !== "string" || !CODE.test(it.code))
        this.fail(`${field}.${i}.code`, "pay.field.code");
      else if (seen.has(it.code))
        this.fail(`${field}.${i}.code`, "pay.field.code_twice", { code: it.code });
      seen.add(it.code);
    });
  }
}

function compileCommission(c: Checker, d: CommissionDef, at: string): CompiledCommission {
  c.text(`${at}.label`, d.label);
  if (!COMMISSION_BASES.includes(d.base)) c.oneOf(`${at}.base`, COMMISSION_BASES);
  if (!SCOPES.includes(d.scope)) c.oneOf(`${at}.scope`, SCOPES);
  if (d.source !== undefined && !(COMMISSION_SOURCES as readonly string[]).includes(d.source))
    c.oneOf(`${at}.source`, COMMISSION_SOURCES);
  const quantity = d.base === "quantity";
  if (d.source === "parcels" && !quantity)
    c.fail(`${at}.base`, "logistics.people.field.parcels_quantity");
  const given = [d.ratePct !== undefined, d.perUnit !== undefined, d.tiers !== undefined].filter(
    Boolean,
  ).length;
  if (given !== 1) c.fail(at, "pay.field.one_rate");
  let flatRate: number | null = null;
  if (d.ratePct !== undefined) {
    if (quantity) c.fail(`${at}.ratePct`, "pay.field.quantity_per_unit");
    flatRate = c.pct(`${at}.ratePct`, d.ratePct, 100);
  }
  if (d.perUnit !== undefined) {
    if (!quantity) c.fail(`${at}.perUnit`, "pay.field.per_unit_money");
    flatRate = c.money(`${at}.perUnit`, d.perUnit) * 1_000_000;
  }
  let tiers: TierTable | null = null;
  if (d.tiers !== undefined) {
    if (d.tiers.kind !== "whole" && d.tiers.kind !== "marginal")
      c.oneOf(`${at}.tiers.kind`, ["whole", "marginal"]);
    const r = compileTiers(
      d.tiers.kind,
      d.tiers.bands,
      quantity ? "quantity" : "money",
      `${at}.tiers.bands`,
    );
    if (r.ok) tiers = r.table;
    else c.errors.push(...r.errors);
  }
  let splits: Map<string, number> | null = null;
  if (d.attribution?.kind === "split") {
    splits = new Map();
    let total = 0;
    d.attribution.splits.forEach((s, i) => {
      const ppm = c.pct(`${at}.attribution.splits.${i}.pct`, s.pct, 100);
      if (splits!.has(s.memberId))
        c.fail(`${at}.attribution.splits.${i}.memberId`, "pay.field.listed_twice");
      splits!.set(s.memberId, ppm);
      total += ppm;
    });
    if (total !== 1_000_000)
      c.fail(`${at}.attribution.splits`, "pay.field.splits_sum", { sum: total / 10_000 });
  }
  let gate: CompiledCommission["gate"] = null;
  if (d.gate) {
    const target = quantity
      ? intUnits(c, `${at}.gate.target`, d.gate.target)
      : c.money(`${at}.gate.target`, d.gate.target);
    gate = {
      minPpm: c.pct(`${at}.gate.minAchievementPct`, d.gate.minAchievementPct, 1000),
      target,
    };
  }
  const capFen = d.cap === undefined ? null : c.money(`${at}.cap`, d.cap);
  return { def: d, flatRate, tiers, splits, gate, capFen };
}

function intUnits(c: Checker, field: string, v: unknown): number {
  const n = typeof v === "string" ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) return (c.fail(field, "pay.field.units_text"), 0);
  return n;
}

function compileBonus(c: Checker, d: BonusDef, at: string): CompiledBonus {
  c.text(`${at}.label`, d.label);
  const bonusBaseFen = c.money(`${at}.bonusBase`, d.bonusBase);
  if (d.score.kind === "bands") {
    const metrics = d.score.metrics;
    c.codes(`${at}.score.metrics`, metrics);
    let weights = 0;
    metrics.forEach((m, i) => {
      const mAt = `${at}.score.metrics.${i}`;
      weights += c.pct(`${mAt}.weight`, m.weight, 100);
      if (m.better !== "higher" && m.better !== "lower")
        c.oneOf(`${mAt}.better`, ["higher", "lower"]);
      if (m.bands.length === 0) c.fail(`${mAt}.bands`, "pay.field.no_bands");
      m.bands.forEach((b, j) => {
        if (!Number.isFinite(b.threshold))
          c.fail(`${mAt}.bands.${j}.threshold`, "pay.field.number");
        c.pct(`${mAt}.bands.${j}.score`, b.score, 100);
        const prev = m.bands[j - 1];
        if (
          prev &&
          (m.better === "higher" ? b.threshold >= prev.threshold : b.threshold <= prev.threshold)
        )
          c.fail(
            `${mAt}.bands.${j}.threshold`,
            m.better === "higher" ? "pay.field.bands_down" : "pay.field.bands_up",
          );
      });
      if (m.elseScore !== undefined) c.pct(`${mAt}.elseScore`, m.elseScore, 100);
      if (m.kpi !== undefined) {
        const better = scoreBetter(m.kpi);
        if (better === null) c.oneOf(`${mAt}.kpi`, SCORE_KPIS);
        else if (m.better !== better)
          c.fail(`${mAt}.better`, "pay.field.kpi_better", { kpi: m.kpi, better });
      }
    });
    if (weights !== 1_000_000)
      c.fail(`${at}.score.metrics`, "pay.field.weights_sum", { sum: weights / 10_000 });
  } else if (d.score.kind !== "goal") c.oneOf(`${at}.score.kind`, ["goal", "bands"]);
  if (d.gate) c.pct(`${at}.gate.minScore`, d.gate.minScore, 100);
  return { def: d, bonusBaseFen };
}

/** Validates a plan definition and compiles it; every problem is reported with its field path. */
export function compilePlan(def: PayPlanDefinition): CompileResult {
  const c = new Checker();
  if (def.format !== PAY_PLAN_FORMAT)
    c.fail("format", "pay.field.format", { format: PAY_PLAN_FORMAT });
  c.text("name", def.name);
  const baseSalaryFen = c.money("baseSalary", def.baseSalary);
  c.codes("commissions", def.commissions);
  c.codes("bonuses", def.bonuses);
  c.codes("events", def.events);
  c.codes("pools", def.pools);
  const commissions = def.commissions.map((d, i) => compileCommission(c, d, `commissions.${i}`));
  const bonuses = def.bonuses.map((d, i) => compileBonus(c, d, `bonuses.${i}`));
  const events = def.events.map((d, i) => {
    c.text(`events.${i}.label`, d.label);
    if (d.when !== "per_event" && d.when !== "if_none")
      c.oneOf(`events.${i}.when`, ["per_event", "if_none"]);
    if (d.kpi !== undefined && !(EVENT_KPIS as readonly string[]).includes(d.kpi))
      c.oneOf(`events.${i}.kpi`, EVENT_KPIS);
    return { def: d, amountFen: c.money(`events.${i}.amount`, d.amount, { signed: true }) };
  });
  const pools = def.pools.map((d, i) => {
    c.text(`pools.${i}.label`, d.label);
    if (!(["gmv", "paid", "net", "margin"] as string[]).includes(d.base))
      c.oneOf(`pools.${i}.base`, ["gmv", "paid", "net", "margin"]);
    if (d.source !== "unattributed" && d.source !== "shop")
      c.oneOf(`pools.${i}.source`, ["unattributed", "shop"]);
    return { def: d, ratePpm: c.pct(`pools.${i}.ratePct`, d.ratePct, 100) };
  });
  if (c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, plan: { def, baseSalaryFen, commissions, bonuses, events, pools } };
}
