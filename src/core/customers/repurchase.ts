// Repurchase, dormancy and win-back (docs/CUSTOMERS.md, "Repurchase"). 复购率 has several
// definitions in use, so every figure carries its numerator, its denominator, its window and the
// definition as a message — never a bare percentage:
//   customers    customers with ≥ 2 orders in the window ÷ customers with ≥ 1 (the KPI
//                `repurchaseRate` of core/kpi: the same definition);
//   orders       orders after each customer's first in the window ÷ all orders in the window;
//   within_days  new customers (first order ever in the window) who ordered again within N days of
//                it ÷ those new customers whose N days had passed by the as-of date (the others
//                are `pending`, counted in neither);
//   winback      customers contacted in the window who ordered within N days (default 30) of the
//                contact ÷ those contacted whose N days had passed by the as-of date.
// Dormant: no order for N days or more (default 90; 30 and 120 are also in use). At risk: the
// segments At risk and Can't lose them of the R×F map. Both lists come most valuable first. Pure.
import { assertSpan } from "../calendar/range.js";
import { addDays, toEpochDay } from "../calendar/date.js";
import { msg, type Message } from "../messages/index.js";
import { RFM_SEGMENTS, type RfmResult } from "./rfm.js";

export const DEFAULT_DORMANT_DAYS = 90;
export const DORMANCY_CUTOFFS_IN_USE = [30, 90, 120] as const;
export const DEFAULT_WINBACK_DAYS = 30;

export type RepurchaseDefinition = "customers" | "orders" | "within_days" | "winback";

/** A window of calendar days, both ends included (`YYYY-MM-DD`). */
export interface DayWindow {
  from: string;
  to: string;
}

export interface RepurchaseFigure {
  definition: RepurchaseDefinition;
  window: DayWindow;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  rate: number | null;
  /** within_days and winback: the days allowed and the as-of date. */
  days?: number;
  asOf?: string;
  /** within_days and winback: those whose days had not passed by the as-of date (in neither). */
  pending?: number;
  /** The definition with its window, rendered for the reader. */
  definitionMessage: Message;
}

/** The longest window a figure may cover (ten years of days). */
const MAX_WINDOW_DAYS = 3660;

const rateOf = (num: number, den: number) => (den > 0 ? num / den : null);

function count(name: string, v: number, i: number): number {
  if (!(Number.isInteger(v) && v >= 0))
    throw new RangeError(`${name}[${i}] must be a whole number ≥ 0, got ${v}`);
  return v;
}

/** Customers with ≥ 2 orders in the window ÷ customers with ≥ 1. */
export function repurchaseByCustomers(
  ordersPerCustomer: ArrayLike<number>,
  window: DayWindow,
): RepurchaseFigure {
  assertSpan(window.from, window.to, MAX_WINDOW_DAYS);
  let buyers = 0;
  let repeat = 0;
  for (let i = 0; i < ordersPerCustomer.length; i++) {
    const o = count("ordersPerCustomer", ordersPerCustomer[i]!, i);
    if (o >= 1) buyers++;
    if (o >= 2) repeat++;
  }
  return {
    definition: "customers",
    window,
    numerator: repeat,
    denominator: buyers,
    rate: rateOf(repeat, buyers),
    definitionMessage: msg("customers.repurchase.customers", { ...window }),
  };
}

/** Orders after each customer's first in the window ÷ all orders in the window. */
export function repurchaseByOrders(
  ordersPerCustomer: ArrayLike<number>,
  window: DayWindow,
): RepurchaseFigure {
  assertSpan(window.from, window.to, MAX_WINDOW_DAYS);
  let orders = 0;
  let repeat = 0;
  for (let i = 0; i < ordersPerCustomer.length; i++) {
    const o = count("ordersPerCustomer", ordersPerCustomer[i]!, i);
    orders += o;
    if (o > 1) repeat += o - 1;
  }
  return {
    definition: "orders",
    window,
    numerator: repeat,
    denominator: orders,
    rate: rateOf(repeat, orders),
    definitionMessage: msg("customers.repurchase.orders", { ...window }),
  };
}

/**
 * Of the starts (epoch days) in the window, those followed by an order (epoch day, or a negative
 * number or NaN for none) within `days`, counted only once their `days` have passed by `asOf`.
 */
function within(
  starts: ArrayLike<number>,
  nexts: ArrayLike<number>,
  days: number,
  window: DayWindow,
  asOf: string,
) {
  assertSpan(window.from, window.to, MAX_WINDOW_DAYS);
  if (!(Number.isInteger(days) && days >= 1 && days <= MAX_WINDOW_DAYS))
    throw new RangeError(`days must be a whole number from 1 to ${MAX_WINDOW_DAYS}, got ${days}`);
  if (starts.length !== nexts.length)
    throw new RangeError(`${starts.length} starts but ${nexts.length} next orders`);
  const from = toEpochDay(window.from);
  const to = toEpochDay(window.to);
  const lastMatured = toEpochDay(asOf) - days;
  let matured = 0;
  let pending = 0;
  let back = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (!(s >= from && s <= to)) continue;
    if (s > lastMatured) {
      pending++;
      continue;
    }
    matured++;
    const n = nexts[i]!;
    if (n >= s && n - s <= days) back++;
  }
  return { numerator: back, denominator: matured, rate: rateOf(back, matured), pending };
}

/**
 * New customers' N-day repurchase rate: `firstOrderDays` is each customer's first order ever
 * (epoch day), `nextOrderDays` their second (negative or NaN: none yet).
 */
export function repurchaseWithin(
  firstOrderDays: ArrayLike<number>,
  nextOrderDays: ArrayLike<number>,
  days: number,
  window: DayWindow,
  asOf: string,
): RepurchaseFigure {
  const w = within(firstOrderDays, nextOrderDays, days, window, asOf);
  return {
    definition: "within_days",
    window,
    days,
    asOf,
    ...w,
    definitionMessage: msg("customers.repurchase.within", { ...window, days, asOf }),
  };
}

/**
 * A win-back campaign's outcome: `contactDays` the day each customer was contacted (epoch day),
 * `nextOrderDays` their first order on or after it (negative or NaN: none).
 */
export function winBackOutcome(
  contactDays: ArrayLike<number>,
  nextOrderDays: ArrayLike<number>,
  window: DayWindow,
  asOf: string,
  days = DEFAULT_WINBACK_DAYS,
): RepurchaseFigure {
  const w = within(contactDays, nextOrderDays, days, window, asOf);
  return {
    definition: "winback",
    window,
    days,
    asOf,
    ...w,
    definitionMessage: msg("customers.winback.outcome", { ...window, days, asOf }),
  };
}

/** Indexes ordered by spend, highest first, then fewer days since the last order, then index. */
function mostValuableFirst(
  picked: Uint32Array,
  spendFen: ArrayLike<number>,
  recencyDays: ArrayLike<number>,
): Uint32Array {
  return picked.sort(
    (a, b) => spendFen[b]! - spendFen[a]! || recencyDays[a]! - recencyDays[b]! || a - b,
  );
}

/**
 * Dormant customers: `recencyDays` (days since each customer's last order, as of the analysis
 * date) of `days` or more. Returns their indexes, most valuable first.
 */
export function dormantCustomers(
  recencyDays: ArrayLike<number>,
  spendFen: ArrayLike<number>,
  days = DEFAULT_DORMANT_DAYS,
): Uint32Array {
  if (!(Number.isInteger(days) && days >= 1))
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  if (spendFen.length !== recencyDays.length)
    throw new RangeError(`${recencyDays.length} recencies but ${spendFen.length} spends`);
  let k = 0;
  for (let i = 0; i < recencyDays.length; i++) if (recencyDays[i]! >= days) k++;
  const out = new Uint32Array(k);
  k = 0;
  for (let i = 0; i < recencyDays.length; i++) if (recencyDays[i]! >= days) out[k++] = i;
  return mostValuableFirst(out, spendFen, recencyDays);
}

/** The dormancy rule as a message: the last order on or before `asOf` − `days`. */
export const dormantDefinition = (asOf: string, days = DEFAULT_DORMANT_DAYS): Message =>
  msg("customers.dormant", { days, lastDate: addDays(asOf, -days) });

const AT_RISK = new Set([RFM_SEGMENTS.indexOf("at_risk"), RFM_SEGMENTS.indexOf("cant_lose")]);

/** Customers in the At risk and Can't lose them segments, most valuable first. */
export function atRiskCustomers(
  result: RfmResult,
  recencyDays: ArrayLike<number>,
  spendFen: ArrayLike<number>,
): Uint32Array {
  let k = 0;
  for (let i = 0; i < result.count; i++) if (AT_RISK.has(result.segment[i]!)) k++;
  const out = new Uint32Array(k);
  k = 0;
  for (let i = 0; i < result.count; i++) if (AT_RISK.has(result.segment[i]!)) out[k++] = i;
  return mostValuableFirst(out, spendFen, recencyDays);
}

export const atRiskDefinition = (): Message => msg("customers.at_risk");
