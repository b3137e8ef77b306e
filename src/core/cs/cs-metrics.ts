// Customer-service KPIs over a period from per-agent daily rows (docs/SHOP-DATA.md):
//   inquiry conversion (询单转化率) = Σ paying inquirers ÷ Σ inquirers — never an average of daily rates;
//   first / average response time = the daily times weighted by that day's inquirers, over the days
//   that have a time (a day with many inquiries counts for more than a quiet one).
// Integer sums only; the results are rounded once: conversion to 0.01 %, times to 0.1 s.

export const CS_KPIS = ["inquiryConversion", "firstResponse", "averageResponse"] as const;
export type CsKpi = (typeof CS_KPIS)[number];
export const isCsKpi = (s: unknown): s is CsKpi => (CS_KPIS as readonly unknown[]).includes(s);
/** inquiryConversion in percent, higher is better; response times in seconds, lower is better. */
export const CS_KPI_BETTER: Record<CsKpi, "higher" | "lower"> = {
  inquiryConversion: "higher",
  firstResponse: "lower",
  averageResponse: "lower",
};

export interface CsDayNumbers {
  inquirers: number;
  paying: number;
  consultations: number | null;
  received: number | null;
  firstResponseTenths: number | null;
  avgResponseTenths: number | null;
  salesFen: number | null;
}

export interface CsTotals {
  days: number;
  inquirers: number;
  paying: number;
  consultations: number;
  received: number;
  salesFen: number;
  /** Σ tenths × inquirers and Σ inquirers over the days with a first response time. */
  firstWeighted: number;
  firstWeight: number;
  avgWeighted: number;
  avgWeight: number;
}

export const emptyTotals = (): CsTotals => ({
  days: 0,
  inquirers: 0,
  paying: 0,
  consultations: 0,
  received: 0,
  salesFen: 0,
  firstWeighted: 0,
  firstWeight: 0,
  avgWeighted: 0,
  avgWeight: 0,
});

export function addDay(t: CsTotals, d: CsDayNumbers): CsTotals {
  const first = d.firstResponseTenths !== null ? d.inquirers : 0;
  const avg = d.avgResponseTenths !== null ? d.inquirers : 0;
  return {
    days: t.days + 1,
    inquirers: t.inquirers + d.inquirers,
    paying: t.paying + d.paying,
    consultations: t.consultations + (d.consultations ?? 0),
    received: t.received + (d.received ?? 0),
    salesFen: t.salesFen + (d.salesFen ?? 0),
    firstWeighted: t.firstWeighted + (d.firstResponseTenths ?? 0) * first,
    firstWeight: t.firstWeight + first,
    avgWeighted: t.avgWeighted + (d.avgResponseTenths ?? 0) * avg,
    avgWeight: t.avgWeight + avg,
  };
}

export function mergeTotals(a: CsTotals, b: CsTotals): CsTotals {
  return {
    days: a.days + b.days,
    inquirers: a.inquirers + b.inquirers,
    paying: a.paying + b.paying,
    consultations: a.consultations + b.consultations,
    received: a.received + b.received,
    salesFen: a.salesFen + b.salesFen,
    firstWeighted: a.firstWeighted + b.firstWeighted,
    firstWeight: a.firstWeight + b.firstWeight,
    avgWeighted: a.avgWeighted + b.avgWeighted,
    avgWeight: a.avgWeight + b.avgWeight,
  };
}

/** a ÷ b rounded half up (a ≥ 0, b > 0). */
const roundDiv = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

/** Inquiry conversion in hundredths of a percent (6579 = 65.79 %), or null without inquirers. */
export const conversionBp = (t: CsTotals): number | null =>
  t.inquirers > 0 ? roundDiv(t.paying * 10_000, t.inquirers) : null;
/** Inquirer-weighted response time in tenths of a second, or null without weighted days. */
export const firstResponseTenths = (t: CsTotals): number | null =>
  t.firstWeight > 0 ? roundDiv(t.firstWeighted, t.firstWeight) : null;
export const avgResponseTenths = (t: CsTotals): number | null =>
  t.avgWeight > 0 ? roundDiv(t.avgWeighted, t.avgWeight) : null;

/** The KPI as a number in its unit (percent with 2 decimals, seconds with 1), or null when undefined. */
export function csKpiValue(t: CsTotals, kpi: CsKpi): number | null {
  const v =
    kpi === "inquiryConversion"
      ? conversionBp(t)
      : kpi === "firstResponse"
        ? firstResponseTenths(t)
        : avgResponseTenths(t);
  if (v === null) return null;
  return kpi === "inquiryConversion" ? v / 100 : v / 10;
}

/** The KPI as text: "65.79" (percent), "12.3" (seconds). */
export function csKpiText(t: CsTotals, kpi: CsKpi): string | null {
  const v = csKpiValue(t, kpi);
  return v === null ? null : v.toFixed(kpi === "inquiryConversion" ? 2 : 1);
}
