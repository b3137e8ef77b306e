// Uploaded bytes → records: XLSX through exceljs (first sheet), everything else as CSV text.
import ExcelJS from "exceljs";
import { readCsvBytes, wallClockText, type Problem, type SourceTable } from "../../core/orders/index.js";

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return wallClockText(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return v.result === undefined ? "" : cellText(v.result as ExcelJS.CellValue);
  if ("text" in v) return String(v.text);
  if ("error" in v) return String(v.error);
  return "";
}

export async function readXlsx(file: string, bytes: Uint8Array): Promise<{ table: SourceTable } | { problem: Problem }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    return { problem: { file, row: 1, column: "", message: `Not a readable XLSX file (${err instanceof Error ? err.message : String(err)}); open it in Excel and save it again` } };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { problem: { file, row: 1, column: "", message: "The workbook has no sheets" } };
  const records: string[][] = [];
  // Rows are read as they are, whatever the sheet's dimension record claims.
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
    while (records.length < n - 1) records.push([]);
    records[n - 1] = cells;
  });
  if (records.length === 0) return { problem: { file, row: 1, column: "", message: "The file is empty" } };
  return { table: { file, records, encoding: "xlsx" } };
}

export async function readSource(file: string, bytes: Uint8Array): Promise<{ table: SourceTable } | { problem: Problem }> {
  if (isZip(bytes)) return readXlsx(file, bytes);
  if (isOle(bytes)) return { problem: { file, row: 1, column: "", message: "Old .xls (Excel 97) files are not read; save the file as .xlsx or CSV" } };
  return readCsvBytes(file, bytes);
}
