// Carrier bills read and reconciled, and local days cut into spans of one UTC offset (part cost).
import { describe, expect, it } from "vitest";
import { normalizeWaybill, parseBillRecords, parseWeightG } from "./bill-file.js";
import { offsetSpans, localMidnight } from "./local-days.js";
import { billTotals, reconcileLine } from "./reconcile.js";

describe("carrier bill files", () => {
  it("finds the columns by their Chinese names under a title row, kg in the header, and adds rows of one waybill", () => {
    const parsed = parseBillRecords("zto-202611.csv", [
      ["中通快递 2026年11月 对账单", "", "", ""],
      ["序号", "运单号", "计费重量(kg)", "运费(元)"],
      ["1", "73100000000001", "1.25", "6.50"],
      ["2", " 73100000000002 ", "0.3", "3.40"],
      ["3", "73100000000001", "", "1.00"],
      ["合计", "", "", "10.90"],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual({ waybill: "运单号", weight: "计费重量(kg)", fee: "运费(元)" });
    // The total row is not a waybill; it is noted, not refused.
    expect(parsed.warnings.map((w) => w.code)).toEqual([
      "bill.warning.total_row",
      "bill.warning.rows_added",
    ]);
    expect(parsed.lines).toEqual([
      { row: 3, rows: 2, waybill: "73100000000001", weightG: 1250, feeFen: 750 },
      { row: 4, rows: 1, waybill: "73100000000002", weightG: 300, feeFen: 340 },
    ]);
  });

  it("prefers the weighed weight to the chargeable one and the total to the freight", () => {
    const parsed = parseBillRecords("sf.csv", [
      ["Waybill No", "运费", "金额", "计费重量", "重量"],
      ["SF1234567890123", "10.00", "12.00", "2", "1.6"],
    ]);
    expect(parsed.columns).toEqual({ waybill: "Waybill No", weight: "重量", fee: "金额" });
    expect(parsed.lines[0]).toMatchObject({ weightG: 1600, feeFen: 1200 });
  });

  it("refuses every bad cell with its row and column, and nothing else", () => {
    const parsed = parseBillRecords("bad.csv", [
      ["快递单号", "重量", "费用"],
      ["YT0000000001", "1.2", "5"],
      ["", "1", "5"],
      ["YT0000000003", "heavy", "5"],
      ["YT0000000004", "1", "12.3.4"],
      ["YT0000000005", "1", "-2.00"],
      ["中通", "1", "2"],
    ]);
    expect(parsed.lines).toEqual([]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "快递单号", "shop.cell.empty"],
      [4, "重量", "bill.cell.not_weight"],
      [5, "费用", "shop.cell.not_amount"],
      [6, "费用", "bill.cell.negative_fee"],
      [7, "快递单号", "bill.cell.not_waybill"],
    ]);
  });

  it("names a missing column, and reads another layout through a saved mapping", () => {
    const missing = parseBillRecords("odd.csv", [
      ["单据", "kg", "钱"],
      ["YT0000000001", "1", "5"],
    ]);
    expect(missing.problems.map((p) => [p.row, p.code])).toEqual([
      [1, "shop.column.required"],
      [1, "shop.column.required"],
    ]);
    const mapped = parseBillRecords(
      "odd.csv",
      [
        ["单据", "kg", "钱"],
        ["YT0000000001", "1500", "5"],
      ],
      {
        mapping: { waybill: "单据", weight: "kg", fee: "钱", weightUnit: "g" },
        mappingName: "韵达",
      },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.lines).toEqual([
      { row: 2, rows: 1, waybill: "YT0000000001", weightG: 1500, feeFen: 500 },
    ]);
    const stale = parseBillRecords(
      "odd.csv",
      [
        ["单据", "钱"],
        ["YT0000000001", "5"],
      ],
      {
        mapping: { waybill: "单据", weight: "kg", fee: "钱" },
        mappingName: "韵达",
      },
    );
    expect(stale.problems).toMatchObject([
      { row: 1, column: "kg", code: "bill.mapping_column_missing", params: { mapping: "韵达" } },
    ]);
  });

  it("reads weights in kg and grams exactly, to the gram", () => {
    expect(parseWeightG("1.25", "kg")).toBe(1250);
    expect(parseWeightG("0.5公斤", "g")).toBe(500);
    expect(parseWeightG("1,250 克", "kg")).toBe(1250);
    expect(parseWeightG("2.0005", "kg")).toBe(2001);
    expect(parseWeightG("2.0004", "kg")).toBe(2000);
    expect(parseWeightG("1250.5", "g")).toBe(1251);
    expect(parseWeightG("-1", "kg")).toBeNull();
    expect(parseWeightG("1.2.3", "kg")).toBeNull();
    expect(normalizeWaybill("No:sf 1234 5678 90")).toBe("SF1234567890");
  });
});

describe("reconciling a bill line", () => {
  const parcel = (weightG: number | null, costFen: number | null) => ({ weightG, costFen });
  it("gives each line one status, in order", () => {
    const tol = 100;
    const line = (over: Partial<Parameters<typeof reconcileLine>[0]>) =>
      reconcileLine(
        {
          feeFen: 650,
          billedWeightG: 1250,
          parcel: parcel(1200, 650),
          billedBefore: false,
          ...over,
        },
        tol,
      );
    expect(line({})).toEqual({ status: "ok", diffFen: 0, weightDiffG: 50 });
    expect(line({ parcel: null })).toEqual({ status: "unknown", diffFen: null, weightDiffG: null });
    expect(line({ billedBefore: true }).status).toBe("duplicate");
    expect(line({ parcel: parcel(1200, null) })).toEqual({
      status: "not_costed",
      diffFen: null,
      weightDiffG: 50,
    });
    // 1250 − 1100 = 150 g > 100 g: re-weighed, whatever the fee.
    expect(line({ parcel: parcel(1100, 500) })).toEqual({
      status: "reweighed",
      diffFen: 150,
      weightDiffG: 150,
    });
    // Exactly the tolerance is not a re-weigh.
    expect(line({ parcel: parcel(1150, 600) }).status).toBe("overcharged");
    expect(line({ feeFen: 600 })).toEqual({
      status: "undercharged",
      diffFen: -50,
      weightDiffG: 50,
    });
    expect(line({ billedWeightG: null, parcel: parcel(9000, 650) }).status).toBe("ok");
  });

  it("totals each kind in fen", () => {
    const t = billTotals([
      { status: "ok", feeFen: 650, computedFen: 650 },
      { status: "overcharged", feeFen: 700, computedFen: 650 },
      { status: "reweighed", feeFen: 900, computedFen: 650 },
      { status: "undercharged", feeFen: 600, computedFen: 650 },
      { status: "unknown", feeFen: 480, computedFen: null },
      { status: "duplicate", feeFen: 650, computedFen: 650 },
      { status: "not_costed", feeFen: 330, computedFen: null },
    ]);
    expect(t).toEqual({
      lines: 7,
      billedFen: 4310,
      computedFen: 2600,
      matchedBilledFen: 2850,
      overchargedFen: 50 + 250,
      underchargedFen: 50,
      unknownFen: 480,
      duplicateFen: 650,
      notCostedFen: 330,
      reweighedDiffFen: 250,
      counts: {
        ok: 1,
        reweighed: 1,
        overcharged: 1,
        undercharged: 1,
        unknown: 1,
        duplicate: 1,
        not_costed: 1,
      },
    });
  });
});

describe("local days as spans of one UTC offset", () => {
  it("is one span in Shanghai, starting at 16:00 UTC the day before", () => {
    expect(offsetSpans("2026-11-01", "2026-11-30", "Asia/Shanghai")).toEqual([
      {
        startIso: "2026-10-31T16:00:00.000Z",
        endIso: "2026-11-30T16:00:00.000Z",
        offsetMinutes: 480,
      },
    ]);
  });

  it("splits at the clock change in Berlin, to the minute", () => {
    expect(offsetSpans("2026-10-24", "2026-10-26", "Europe/Berlin")).toEqual([
      {
        startIso: "2026-10-23T22:00:00.000Z",
        endIso: "2026-10-25T01:00:00.000Z",
        offsetMinutes: 120,
      },
      {
        startIso: "2026-10-25T01:00:00.000Z",
        endIso: "2026-10-26T23:00:00.000Z",
        offsetMinutes: 60,
      },
    ]);
    expect(new Date(localMidnight("2026-03-30", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });
});
