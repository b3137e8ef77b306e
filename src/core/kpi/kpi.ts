// Shop KPI formulas (formats.md), on additive daily totals so a range costs O(days).
import { msg, type Message } from "../messages/index.js";
import { fromEpochDay, isoWeekday, toEpochDay } from "../calendar/date.js";
import { fail } from "../errors.js";
import { LIMITS } from "../limits.js";
import { divRound } from "../money.js";

/** Additive totals of one shop-day (or any sum of them). */
export interface KpiTotals {
  paidOrders: number;
  gmvFen: number;
  items: number;
  refundedOrders: number;
  refundFen: number;
  /** Distinct paying customers of the day; summed over days for conversion (the platforms' convention). */
  buyers: number;
  /** Customers whose first paid order falls on the day. */
  newCustomers: number;
  visitors: number;
}

export const ZERO_TOTALS: KpiTotals = {
  paidOrders: 0,
  gmvFen: 0,
  items: 0,
  refundedOrders: 0,
  refundFen: 0,
  buyers: 0,
  newCustomers: 0,
  visitors: 0,
};

export function addTotals(a: KpiTotals, b: KpiTotals): KpiTotals {
  return {
    paidOrders: a.paidOrders + b.paidOrders,
    gmvFen: a.gmvFen + b.gmvFen,
    items: a.items + b.items,
    refundedOrders: a.refundedOrders + b.refundedOrders,
    refundFen: a.refundFen + b.refundFen,
    buyers: a.buyers + b.buyers,
    newCustomers: a.newCustomers + b.newCustomers,
    visitors: a.visitors + b.visitors,
  };
}

export interface KpiValues {
  /** Σ buyer-paid amount over paid orders, refunds NOT netted. */
  gmvFen: number;
  /** GMV minus refunded amounts. */
  netGmvFen: number;
  paidOrders: number;
  /** GMV ÷ paid orders, rounded half away from zero to the fen. */
  aovFen: number;
  itemsPerOrder: number | null;
  /** Refunded orders ÷ paid orders. */
  refundRate: number | null;
  /** Refunded amount ÷ GMV. */
  refundAmountRate: number | null;
  /** Paying buyers ÷ visitors; null without visitor counts. */
  conversion: number | null;
  visitors: number;
  buyers: number;
  newCustomers: number;
  refundedOrders: number;
  refundFen: number;
  items: number;
}

/** A ratio rounded to 6 decimals (a rate is shown as a percentage with 2 decimals at most). */
export function ratio(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.round((num / den) * 1e6) / 1e6;
}

export function computeKpis(t: KpiTotals): KpiValues {
  return {
    gmvFen: t.gmvFen,
    netGmvFen: t.gmvFen - t.refundFen,
    paidOrders: t.paidOrders,
    aovFen: divRound(t.gmvFen, t.paidOrders),
    itemsPerOrder: ratio(t.items, t.paidOrders),
    refundRate: ratio(t.refundedOrders, t.paidOrders),
    refundAmountRate: ratio(t.refundFen, t.gmvFen),
    conversion: t.visitors > 0 ? ratio(t.buyers, t.visitors) : null,
    visitors: t.visitors,
    buyers: t.buyers,
    newCustomers: t.newCustomers,
    refundedOrders: t.refundedOrders,
    refundFen: t.refundFen,
    items: t.items,
  };
}

/** Repurchase rate = customers with ≥ 2 paid orders in the window ÷ customers in the window. */
export const repurchaseRate = (repeatCustomers: number, customers: number): number | null =>
  ratio(repeatCustomers, customers);

/** Sales = visitors × conversion × AOV: the operations identity used in planning (fen). */
export const salesIdentityFen = (visitors: number, conversion: number, aovFen: number): number =>
  Math.round(visitors * conversion * aovFen);

/** ROI named both ways: GMV ÷ spend, and spend ÷ GMV (some shops call the latter ROI). */
export const roi = (gmvFen: number, spendFen: number) => ({
  gmvPerSpend: ratio(gmvFen, spendFen),
  spendPerGmv: ratio(spendFen, gmvFen),
});

export type Granularity = "day" | "week" | "month";

// Day arithmetic on epoch days (core/calendar): a date outside 0000–9999 throws instead of turning
// into a malformed string that a `while (d <= to)` loop would chase until memory runs out.
export const addDays = (d: string, n: number): string => fromEpochDay(toEpochDay(d) + n);
export const daysBetween = (from: string, to: string): number =>
  toEpochDay(to) - toEpochDay(from) + 1;

/** The most days one series may cover: the whole supported date range (LIMITS.dateMin…dateMax). */
const SERIES_MAX_DAYS = daysBetween(LIMITS.dateMin, LIMITS.dateMax);

/** The first day of the period a date falls in: the day, its ISO week's Monday, or the month's 1st. */
export function periodStart(date: string, g: Granularity): string {
  if (g === "day") return date;
  if (g === "month") return `${date.slice(0, 7)}-01`;
  return addDays(date, 1 - isoWeekday(date));
}

/** The last day of the month a date falls in. */
const monthEnd = (date: string): string => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return addDays(
    `${m === 12 ? String(y + 1).padStart(4, "0") : date.slice(0, 4)}-${m === 12 ? "01" : String(m + 1).padStart(2, "0")}-01`,
    -1,
  );
};

/**
 * The periods covering [from, to], each clipped to the range. Bounded: each step moves at least
 * one day, and a span longer than the supported date range is refused (`range.too_long`) before
 * the first step — the services refuse much shorter spans (LIMITS.kpiRangeMaxDays) first.
 */
export function periods(
  from: string,
  to: string,
  g: Granularity,
): { start: string; from: string; to: string }[] {
  const out: { start: string; from: string; to: string }[] = [];
  const span = daysBetween(from, to);
  if (span > SERIES_MAX_DAYS)
    throw fail(
      "invalid",
      "range.too_long",
      { maxDays: SERIES_MAX_DAYS },
      `A series covers at most ${SERIES_MAX_DAYS} days (asked for ${span})`,
    );
  let d = from;
  for (let step = 0; d <= to && step < span; step++) {
    const start = periodStart(d, g);
    let end = g === "day" ? d : g === "week" ? addDays(start, 6) : monthEnd(start);
    if (end > to) end = to;
    out.push({ start, from: d, to: end });
    d = addDays(end, 1);
  }
  return out;
}

/** The range of the same length just before [from, to] (for "vs previous period"). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const n = daysBetween(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

export const KPI_KEYS = [
  "gmv",
  "netGmv",
  "paidOrders",
  "aov",
  "itemsPerOrder",
  "refundRate",
  "refundAmountRate",
  "conversion",
  "repurchaseRate",
  "newCustomers",
  "returningCustomers",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** The definitions shown next to the numbers: catalog messages (kpi.def.*), rendered per reader. */
export const KPI_DEFINITIONS: Record<KpiKey, Message> = Object.fromEntries(
  KPI_KEYS.map((k) => [k, msg(`kpi.def.${k}`)]),
) as Record<KpiKey, Message>;
