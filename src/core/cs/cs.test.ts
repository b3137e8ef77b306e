// Reading customer-service performance exports and the period KPIs, without a database.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AJIE,
  octoberRows,
  QIANNIU_HEADER,
  qianniuCsv,
  XIAOMEI,
} from "../../../test/fixtures/cs/build.js";
import { renderMessage } from "../messages/index.js";
import { encodeText, problemText, readCsvBytes, warningMessage } from "../orders/index.js";
import { parseCsRecords, parseSecondsTenths, type CsDayRow } from "./cs-file.js";
import {
  addDay,
  avgResponseTenths,
  conversionBp,
  csKpiText,
  csKpiValue,
  emptyTotals,
  firstResponseTenths,
  mergeTotals,
  type CsTotals,
} from "./cs-metrics.js";

function parse(bytes: Uint8Array, file = "qianniu-cs-202610.csv") {
  const r = readCsvBytes(file, bytes);
  if ("problem" in r) throw new Error(r.problem.code);
  return parseCsRecords(file, r.table.records);
}
const total = (days: CsDayRow[]): CsTotals => days.reduce(addDay, emptyTotals());

describe("a 千牛 客服绩效 export (GBK CSV)", () => {
  it("reads one row per account and day below the title line, skips the 合计 row and lists the columns it does not use", () => {
    const f = parse(qianniuCsv());
    expect(f.problems).toEqual([]);
    expect(f.days).toHaveLength(6);
    expect(f.days[0]).toEqual({
      row: 3,
      date: "2026-10-01",
      account: XIAOMEI,
      consultations: 48,
      received: 45,
      inquirers: 30,
      paying: 20,
      firstResponseTenths: 120,
      avgResponseTenths: 250,
      salesFen: 356000,
    });
    // The full-width colon of 阿杰's first row is the same account as the half-width one.
    expect(f.days.filter((d) => d.account === AJIE).map((d) => d.row)).toEqual([4, 6, 8]);
    expect(f.days.find((d) => d.row === 6)).toMatchObject({
      consultations: null,
      received: 38,
      salesFen: 188000,
    }); // "-" in 咨询人数
    expect(f.days.find((d) => d.row === 8)).toMatchObject({
      inquirers: 0,
      paying: 0,
      firstResponseTenths: null,
      avgResponseTenths: null,
    });
    expect(f.warnings).toEqual([
      {
        file: "qianniu-cs-202610.csv",
        code: "cs.warning.total_row",
        params: { row: 9, label: "合计" },
      },
    ]);
    expect(renderMessage("en", warningMessage(f.warnings[0]!))).toBe(
      "qianniu-cs-202610.csv: Row 9 is a total row (合计); skipped.",
    );
    expect(renderMessage("zh-CN", warningMessage(f.warnings[0]!))).toBe(
      "qianniu-cs-202610.csv：第 9 行是合计行（合计），已跳过。",
    );
    expect(f.unknownColumns).toEqual(["询单->最终付款成功率"]);
  });

  it("gives the period's KPIs as computed by hand: conversion from the sums, response times weighted by inquirers", () => {
    const f = parse(qianniuCsv());
    const mei = total(f.days.filter((d) => d.account === XIAOMEI));
    const jie = total(f.days.filter((d) => d.account === AJIE));
    expect([
      mei.inquirers,
      mei.paying,
      conversionBp(mei),
      firstResponseTenths(mei),
      avgResponseTenths(mei),
    ]).toEqual([60, 38, 6333, 137, 263]);
    expect([
      jie.inquirers,
      jie.paying,
      conversionBp(jie),
      firstResponseTenths(jie),
      avgResponseTenths(jie),
    ]).toEqual([40, 20, 5000, 183, 369]);
    const both = mergeTotals(mei, jie);
    expect([
      csKpiText(both, "inquiryConversion"),
      csKpiText(both, "firstResponse"),
      csKpiText(both, "averageResponse"),
    ]).toEqual(["58.00", "15.5", "30.6"]);
    expect(both.salesFen).toBe(964050);
    expect(csKpiValue(emptyTotals(), "inquiryConversion")).toBeNull();
    expect(csKpiValue(emptyTotals(), "firstResponse")).toBeNull();
  });

  it("refuses a bad number, paid above inquirers, a bad date and a repeated account-day, each with its row and column", () => {
    const rows = octoberRows();
    rows[1]![4] = "1O"; // 询单人数 of row 4 (letter O)
    rows[2]![5] = "21"; // row 5: 21 paid of 20 inquirers
    rows[3]![0] = "2026-10-32"; // row 6
    rows[4]![1] = XIAOMEI;
    rows[4]![0] = "2026-10-02"; // row 7 repeats 小美 on 10-02 (row 5)
    const f = parse(qianniuCsv(rows));
    expect(f.problems.map((p) => [p.row, p.column])).toEqual([
      [4, "询单人数"],
      [5, "询单->最终付款人数"],
      [6, "日期"],
      [7, "旺旺"],
    ]);
    expect(f.problems.map((p) => p.code)).toEqual([
      "cs.cell.not_people",
      "cs.cell.paying_more",
      "shop.cell.invalid_datetime",
      "cs.row.account_day_twice",
    ]);
    const text = (locale: "en" | "zh-CN", i: number) => problemText(locale, f.problems[i]!);
    expect(text("en", 0)).toBe("询单人数: “1O” is not a whole number of people.");
    expect(text("zh-CN", 0)).toBe("询单人数：“1O”不是整数人数。");
    expect(text("en", 1)).toBe("询单->最终付款人数 (21) is more than 询单人数 (20).");
    expect(text("zh-CN", 1)).toBe("询单->最终付款人数（21）多于询单人数（20）。");
    expect(text("en", 3)).toBe(`${XIAOMEI} on 2026-10-02 is also on row 5.`);
    expect(text("zh-CN", 3)).toBe(`${XIAOMEI} 在 2026-10-02 的数据也在第 5 行。`);
  });

  it("names a missing required column on the header row, and a bad time with its column", () => {
    const header = QIANNIU_HEADER.filter((h) => h !== "平均响应(秒)");
    const f = parse(
      qianniuCsv(
        octoberRows().map((r) => r.filter((_, i) => i !== 8)),
        { header },
      ),
    );
    expect(f.problems).toEqual([
      {
        file: "qianniu-cs-202610.csv",
        row: 2,
        column: "平均响应时间",
        code: "shop.column.required",
        params: {
          column: "平均响应时间 / 平均响应(秒) / 平均响应时间(秒) / Average response",
        },
      },
    ]);
    expect(problemText("zh-CN", f.problems[0]!)).toBe(
      "缺少必需列 平均响应时间 / 平均响应(秒) / 平均响应时间(秒) / Average response。",
    );
    expect(f.days).toEqual([]);
    const rows = octoberRows();
    rows[0]![7] = "快";
    expect(parse(qianniuCsv(rows)).problems).toEqual([
      {
        file: "qianniu-cs-202610.csv",
        row: 3,
        column: "平均首次响应(秒)",
        code: "cs.cell.not_seconds",
        params: { column: "平均首次响应(秒)", value: "快" },
      },
    ]);
  });

  it("matches headers by alias after NFKC (赤兔 names, English, full-width brackets) and reads compact dates", () => {
    const text =
      "Date,Agent,Inquirers,Paying inquirers,首次响应时间（秒）,平均响应时间\n20261005,shop:amy,10,4,8.5秒,1分05秒\n";
    const r = readCsvBytes("en.csv", encodeText(text, "utf-8"));
    if ("problem" in r) throw new Error(r.problem.code);
    const f = parseCsRecords("en.csv", r.table.records);
    expect(f.problems).toEqual([]);
    expect(f.days).toEqual([
      {
        row: 2,
        date: "2026-10-05",
        account: "shop:amy",
        consultations: null,
        received: null,
        inquirers: 10,
        paying: 4,
        firstResponseTenths: 85,
        avgResponseTenths: 650,
        salesFen: null,
      },
    ]);
  });

  it("reads response times as exports write them", () => {
    expect(
      ["12", "12.34", "12.5秒", "12.5 s", "1分05秒", "1分钟", "0:01:05", "1:05", "2m3s"].map(
        parseSecondsTenths,
      ),
    ).toEqual([120, 123, 125, 125, 650, 600, 650, 650, 1230]);
    expect(["", "快", "-1", "1:75"].map(parseSecondsTenths)).toEqual([null, null, null, null]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(parseCsRecords("x.csv", [[""]]).problems[0]).toMatchObject({
      row: 1,
      code: "upload.empty",
    });
    expect(parseCsRecords("x.csv", [QIANNIU_HEADER]).problems[0]).toMatchObject({
      row: 2,
      code: "shop.file.no_rows",
    });
  });
});

describe("period KPIs (properties)", () => {
  const day = fc
    .record({
      inquirers: fc.integer({ min: 0, max: 500 }),
      payingShare: fc.double({ min: 0, max: 1, noNaN: true }),
      first: fc.option(fc.integer({ min: 0, max: 6000 })),
      avg: fc.option(fc.integer({ min: 0, max: 6000 })),
    })
    .map((d) => ({
      inquirers: d.inquirers,
      paying: Math.floor(d.inquirers * d.payingShare),
      consultations: null,
      received: null,
      firstResponseTenths: d.first,
      avgResponseTenths: d.avg,
      salesFen: null,
    }));

  it("conversion is Σ paid ÷ Σ inquirers however the days are split, and a weighted time lies between the days' times", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), fc.nat(), (days, cut) => {
        const at = days.length ? cut % days.length : 0;
        const whole = days.reduce(addDay, emptyTotals());
        const split = mergeTotals(
          days.slice(0, at).reduce(addDay, emptyTotals()),
          days.slice(at).reduce(addDay, emptyTotals()),
        );
        expect(split).toEqual(whole);
        const inq = days.reduce((s, d) => s + d.inquirers, 0);
        const paid = days.reduce((s, d) => s + d.paying, 0);
        expect(conversionBp(whole)).toBe(inq ? Math.round((paid * 10_000) / inq) : null);
        const timed = days
          .filter((d) => d.firstResponseTenths !== null && d.inquirers > 0)
          .map((d) => d.firstResponseTenths!);
        const first = firstResponseTenths(whole);
        if (timed.length === 0) expect(first).toBeNull();
        else {
          expect(first).toBeGreaterThanOrEqual(Math.min(...timed));
          expect(first).toBeLessThanOrEqual(Math.max(...timed));
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
