// Tier tables: whole (全额累进 — the whole base takes the rate of the band it falls in) and
// marginal (超额累进 — each slice of the base takes its own band's rate). Computed on the period's
// aggregate, never per order. A band covers [from, to): a base of exactly 10,000.00 falls in the
// band that starts at 10,000.00.
import type { FieldError } from "../errors.js";
import { parseMoney } from "../money.js";
import { formatMicro, formatPct, money, mulMicro, pctToPpm } from "./exact.js";

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

function bound(v: unknown, unit: "money" | "quantity"): number | string {
  if (typeof v !== "string") return 'must be text, e.g. "10000.00"';
  if (unit === "quantity") {
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= 0 && v.trim() !== ""
      ? n
      : "must be a whole number of units";
  }
  const r = parseMoney(v);
  if (!r.ok) return r.message;
  return r.fen < 0 ? "must not be negative" : r.fen;
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
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!Array.isArray(defs) || defs.length === 0)
    return { ok: false, errors: [{ field: at, message: "needs at least one band" }] };
  const bands: Band[] = [];
  defs.forEach((d, i) => {
    const f = `${at}.${i}`;
    const from = bound(d.from, unit);
    if (typeof from === "string") fail(`${f}.from`, from);
    let to: number | null = null;
    if (d.to === null) {
      if (i !== defs.length - 1) fail(`${f}.to`, "only the last band may be open-ended");
    } else {
      const t = bound(d.to, unit);
      if (typeof t === "string") fail(`${f}.to`, t);
      else to = t;
      if (i === defs.length - 1) fail(`${f}.to`, "the last band must be open-ended (to: null)");
    }
    if (typeof from === "number" && to !== null && to <= from)
      fail(`${f}.to`, "must be above from");
    if (i === 0 && typeof from === "number" && from !== 0)
      fail(`${f}.from`, "the first band starts at 0");
    const prev = bands[i - 1];
    if (prev && typeof from === "number" && prev.to !== null && from !== prev.to)
      fail(
        `${f}.from`,
        from > prev.to
          ? `leaves a gap after band ${i} (which ends at ${show(prev.to, unit)})`
          : `overlaps band ${i} (which ends at ${show(prev.to, unit)})`,
      );
    let rate = 0;
    if (unit === "money") {
      if (d.perUnit !== undefined) fail(`${f}.perUnit`, "money bases take ratePct");
      const ppm = typeof d.ratePct === "number" ? pctToPpm(d.ratePct) : null;
      if (ppm === null) fail(`${f}.ratePct`, "must be a percentage with at most 4 decimals");
      else if (ppm < 0) fail(`${f}.ratePct`, "must not be negative");
      else if (ppm > 1_000_000) fail(`${f}.ratePct`, "must be at most 100");
      else rate = ppm;
    } else {
      if (d.ratePct !== undefined) fail(`${f}.ratePct`, "a quantity base takes perUnit");
      const r = typeof d.perUnit === "string" ? parseMoney(d.perUnit) : null;
      if (!r || !r.ok) fail(`${f}.perUnit`, "must be an amount per unit as text");
      else if (r.fen < 0) fail(`${f}.perUnit`, "must not be negative");
      else rate = r.fen * 1_000_000;
    }
    bands.push({ from: typeof from === "number" ? from : 0, to, rate });
  });
  return errors.length ? { ok: false, errors } : { ok: true, table: { kind, unit, bands } };
}

const show = (v: number, unit: "money" | "quantity") => (unit === "money" ? money(v) : String(v));
export const showRate = (rate: number, unit: "money" | "quantity") =>
  unit === "money" ? formatPct(rate) : `${formatMicro(BigInt(rate))}/unit`;

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

/** "10,000.00 × 5% + 40,000.00 × 8% + 30,000.00 × 12%" */
export function describeSlices(table: TierTable, slices: TierSlice[]): string {
  if (slices.length === 0) return "0";
  return slices
    .map((s) => `${show(s.slice, table.unit)} × ${showRate(s.rate, table.unit)}`)
    .join(" + ");
}
