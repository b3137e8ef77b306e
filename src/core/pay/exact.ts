// Exact arithmetic for pay: amounts are integer fen, rates integer millionths, intermediate
// products BigInt "micro-fen" (fen × 10⁻⁶). A line is rounded once, at its end.
//
// THE ROUNDING RULE (docs/PAY.md): every statement line is computed exactly and then rounded
// half away from zero to the fen (0.5 fen → 1 fen, −0.5 fen → −1 fen). Nothing else is rounded:
// tier slices, weights and split shares stay exact inside the line. A statement's total is the
// sum of its printed lines. A shared pool is rounded once as a pool and then divided by largest
// remainder, so the members' shares add up to the pool exactly.
import { formatMoneyGrouped } from "../money.js";

export const MICRO = 1_000_000n;

/** micro-fen → fen, half away from zero. */
export function roundMicro(micro: bigint): number {
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  let q = abs / MICRO;
  if ((abs % MICRO) * 2n >= MICRO) q += 1n;
  const fen = Number(q);
  return neg && fen !== 0 ? -fen : fen;
}

/** A percentage (up to 4 decimals, e.g. 12.5 or 0.0125) → millionths of one. null when it has more decimals. */
export function pctToPpm(pct: number): number | null {
  if (!Number.isFinite(pct)) return null;
  const scaled = pct * 10_000;
  const r = Math.round(scaled);
  return Math.abs(scaled - r) < 1e-6 ? r : null;
}

/** base (fen or units) × rate (ppm for a percentage, or fen-per-unit × 10⁶) → micro-fen. */
export const mulMicro = (base: number, rateMicro: number): bigint =>
  BigInt(base) * BigInt(rateMicro);

/** "12.5%" from ppm, without trailing zeros. */
export function formatPct(ppm: number): string {
  const neg = ppm < 0;
  const s = String(Math.abs(ppm)).padStart(5, "0");
  const whole = s.slice(0, -4).replace(/^0+(?=\d)/, "");
  const frac = s.slice(-4).replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}%`;
}

/** Micro-fen as money text; exact (shows sub-fen digits only when there are any). */
export function formatMicro(micro: bigint): string {
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  const fen = abs / MICRO;
  const rest = abs % MICRO;
  const main = formatMoneyGrouped(Number(fen));
  const extra = rest === 0n ? "" : String(rest).padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${main}${extra}`;
}

export const money = (fen: number): string => formatMoneyGrouped(fen);
