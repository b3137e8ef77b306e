// Tier tables: whole (全额累进 — the whole base takes the rate of the band it falls in) and
// marginal (超额累进 — each slice of the base takes its own band's rate). Computed on the period's
// aggregate, never per order. A band covers [from, to): a base of exactly 10,000.00 falls in the
// band that starts at 10,000.00.
import { fieldError, type FieldError } from "../errors.js";
import { msg, type MessageCode, type MessageParams } from "../messages/index.js";
import { parseMoney } from "../money.js";
import { mulMicro, pctToPpm } from "./exact.js";

/** As written in a plan: bounds in yuan (money bases) or whole units (quantity), rate in % or per unit. */
export interface BandDef {
  from: string;
  /** null: open-ended (only the last band). */
  to: string | null;
  ratePct?: number;
  perUnit?: string;
}

export interface Band {
  from: number;
  to: number | null;
  /** micro-fen per base unit: ppm for money bases, fen×10⁶ per unit for quantity. */
  rate: number;
}
export interface TierTable {
  kind: "whole" | "marginal";
  unit: "money" | "quantity";
  bands: Band[];
}

export interface TierSlice {
  from: number;
  to: number | null;
  slice: number;
  rate: number;
  micro: bigint;
}

type Problem = { code: MessageCode; params?: MessageParams };

function bound(v: unknown, unit: "money" | "quantity"): number | Problem {
  if (typeof v !== "string") return { code: "pay.field.money_text" };
  if (unit === "quantity") {
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= 0 && v.trim() !== "" ? n : { code: "pay.field.units" };
  }
  const r = parseMoney(v);
  if (!r.ok) return { code: "pay.field.money_invalid", params: { value: v } };
  return r.fen < 0 ? { code: "pay.field.negative" } : r.fen;
}

/**
 * Checks a tier table: it starts at 0, each band starts where the previous ended (no gap, no
 * overlap), every band but the last ends above its start, only the last is open-ended, and no
 * rate is negative.
 */
export function compileTiers(
  kind: "whole" | "marginal",
  defs: BandDef[],
  unit: "money" | "quantity",
  at = "bands",
): { ok: true; table: TierTable } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, code: MessageCode, params?: MessageParams) =>
    errors.push(fieldError(field, code, params));
  const failWith = (field: string, p: Problem) => fail(field, p.code, p.params);
  if (!Array.isArray(defs) || defs.length === 0)
    return { ok: false, errors: [fieldError(at, "pay.field.no_bands")] };
  const bands: Band[] = [];
  defs.forEach((d, i) => {
    const f = `${at}.${i}`;
    const from = bound(d.from, unit);
    if (typeof from !== "number") failWith(`${f}.from`, from);
    let to: number | null = null;
    if (d.to === null) {
      if (i !== defs.length - 1) fail(`${f}.to`, "pay.field.band_open_not_last");
    } else {
      const t = bound(d.to, unit);
      if (typeof t !== "number") failWith(`${f}.to`, t);
      else to = t;
      if (i === defs.length - 1) fail(`${f}.to`, "pay.field.band_last_open");
    }
    if (typeof from === "number" && to !== null && to <= from)
      fail(`${f}.to`, "pay.field.band_above_from");
    if (i === 0 && typeof from === "number" && from !== 0)
      fail(`${f}.from`, "pay.field.band_first_zero");
    const prev = bands[i - 1];
    if (prev && typeof from === "number" && prev.to !== null && from !== prev.to)
      fail(`${f}.from`, from > prev.to ? "pay.field.band_gap" : "pay.field.band_overlap", {
        band: i,
        end: show(prev.to, unit),
      });
    let rate = 0;
    if (unit === "money") {
      if (d.perUnit !== undefined) fail(`${f}.perUnit`, "pay.field.money_rate");
      const ppm = typeof d.ratePct === "number" ? pctToPpm(d.ratePct) : null;
      if (ppm === null) fail(`${f}.ratePct`, "pay.field.pct");
      else if (ppm < 0) fail(`${f}.ratePct`, "pay.field.negative");
      else if (ppm > 1_000_000) fail(`${f}.ratePct`, "pay.field.max", { max: 100 });
      else rate = ppm;
    } else {
      if (d.ratePct !== undefined) fail(`${f}.ratePct`, "pay.field.quantity_per_unit");
      const r = typeof d.perUnit === "string" ? parseMoney(d.perUnit) : null;
      if (!r || !r.ok) fail(`${f}.perUnit`, "pay.field.per_unit_text");
      else if (r.fen < 0) fail(`${f}.perUnit`, "pay.field.negative");
      else rate = r.fen * 1_000_000;
    }
    bands.push({ from: typeof from === "number" ? from : 0, to, rate });
  });
  return errors.length ? { ok: false, errors } : { ok: true, table: { kind, unit, bands } };
}

const show = (v: number, unit: "money" | "quantity") =>
  unit === "money" ? msg("pay.v.money", { amount: v }) : msg("pay.v.units", { count: v });

/** The band a base falls in (for whole tiers). */
export function bandOf(table: TierTable, base: number): Band {
  const b = Math.max(0, base);
  return (
    table.bands.find((x) => b >= x.from && (x.to === null || b < x.to)) ??
    table.bands[table.bands.length - 1]!
  );
}

/** Exact tier amount in micro-fen, with the slices that make it up. Negative bases pay nothing. */
export function applyTiers(table: TierTable, base: number): { micro: bigint; slices: TierSlice[] } {
  const b = Math.max(0, base);
  if (table.kind === "whole") {
    const band = bandOf(table, b);
    const micro = mulMicro(b, band.rate);
    return { micro, slices: [{ from: band.from, to: band.to, slice: b, rate: band.rate, micro }] };
  }
  const slices: TierSlice[] = [];
  let micro = 0n;
  for (const band of table.bands) {
    if (b <= band.from) break;
    const slice = (band.to === null ? b : Math.min(b, band.to)) - band.from;
    const m = mulMicro(slice, band.rate);
    slices.push({ from: band.from, to: band.to, slice, rate: band.rate, micro: m });
    micro += m;
  }
  return { micro, slices };
}
