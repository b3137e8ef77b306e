// The streaming XLSX reader reads cells as exceljs read them before (strings, numbers, booleans,
// formula results, rich text, dates by number format, merged ranges, rows after gaps), plus a
// Chinese builtin date format exceljs left as a serial number.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildZip, workbookParts } from "../../../test/fixtures/orders/xlsx-bomb.js";
import { readXlsxRecords } from "./xlsx-reader.js";

describe("readXlsxRecords", () => {
  it("reads an exceljs workbook cell by cell as exceljs did", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow(["订单号", "金额", "已付", "公式", "备注", "付款时间"]);
    ws.addRow([
      "A1",
      1.23456789,
      true,
      { formula: "1+1", result: 2 },
      { richText: [{ text: "富" }, { text: "文本" }] },
      new Date(Date.UTC(2026, 9, 8, 14, 1, 0)),
    ]);
    ws.addRow(["", null, false, null, "x&<y>", null]);
    ws.mergeCells("A2:A4");
    ws.getRow(7).values = ["late", 42];
    const records = await readXlsxRecords(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(records).toEqual([
      ["订单号", "金额", "已付", "公式", "备注", "付款时间"],
      ["A1", "1.234568", "TRUE", "2", "富文本", "2026-10-08 14:01:00"],
      ["A1", "", "FALSE", "", "x&<y>"],
      ["A1"],
      [],
      [],
      ["late", "42"],
    ]);
  });

  it("reads a date in a Chinese builtin format (numFmtId 31, yyyy年m月d日) as a date", async () => {
    const styles = () => [
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>',
    ];
    const parts = workbookParts(() => [
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>46303</v></c><c r="B1"><v>46303</v></c></row></sheetData></worksheet>',
    ]);
    parts.push({ name: "xl/styles.xml", content: styles });
    expect(await readXlsxRecords(await buildZip(parts))).toEqual([
      ["2026-10-08 00:00:00", "46303"],
    ]);
  });
});
