import { describe, expect, it } from "vitest";
import {
  addTotals,
  computeKpis,
  periods,
  previousRange,
  repurchaseRate,
  roi,
  salesIdentityFen,
  ZERO_TOTALS,
} from "./kpi.js";

describe("KPI formulas", () => {
  const day = {
    paidOrders: 3,
    gmvFen: 157600,
    items: 5,
    refundedOrders: 1,
    refundFen: 8800,
    buyers: 3,
    newCustomers: 2,
    visitors: 1500,
  };

  it("computes GMV, AOV, items per order, refund rates and conversion from totals", () => {
    expect(computeKpis(day)).toMatchObject({
      gmvFen: 157600,
      netGmvFen: 148800,
      aovFen: 52533,
      itemsPerOrder: 1.666667,
      refundRate: 0.333333,
      refundAmountRate: 0.055838,
      conversion: 0.002,
    });
  });

  it("answers null, not 0 or NaN, where the denominator is zero", () => {
    expect(computeKpis(ZERO_TOTALS)).toMatchObject({
      aovFen: 0,
      itemsPerOrder: null,
      refundRate: null,
      refundAmountRate: null,
      conversion: null,
    });
    expect(computeKpis({ ...day, visitors: 0 }).conversion).toBeNull();
  });

  it("adds daily totals (the rollups are additive)", () => {
    expect(addTotals(day, day)).toEqual({
      paidOrders: 6,
      gmvFen: 315200,
      items: 10,
      refundedOrders: 2,
      refundFen: 17600,
      buyers: 6,
      newCustomers: 4,
      visitors: 3000,
    });
  });

  it("has repurchase rate, the sales identity and ROI both ways", () => {
    expect(repurchaseRate(1, 4)).toBe(0.25);
    expect(salesIdentityFen(10000, 0.02, 15000)).toBe(3_000_000);
    expect(roi(500_000, 100_000)).toEqual({ gmvPerSpend: 5, spendPerGmv: 0.2 });
  });

  it("splits ranges into days, ISO weeks and months, clipped to the range", () => {
    expect(periods("2026-10-01", "2026-10-03", "day").map((p) => p.start)).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
    ]);
    expect(periods("2026-10-01", "2026-10-14", "week")).toEqual([
      { start: "2026-09-28", from: "2026-10-01", to: "2026-10-04" },
      { start: "2026-10-05", from: "2026-10-05", to: "2026-10-11" },
      { start: "2026-10-12", from: "2026-10-12", to: "2026-10-14" },
    ]);
    expect(
      periods("2026-01-15", "2026-03-02", "month").map((p) => [p.start, p.from, p.to]),
    ).toEqual([
      ["2026-01-01", "2026-01-15", "2026-01-31"],
      ["2026-02-01", "2026-02-01", "2026-02-28"],
      ["2026-03-01", "2026-03-01", "2026-03-02"],
    ]);
    expect(previousRange("2026-10-01", "2026-10-31")).toEqual({
      from: "2026-08-31",
      to: "2026-09-30",
    });
  });
});
