// A rate card as a file: CSV (UTF-8 with BOM, so Excel opens it; headers in the reader's language,
// read back by the import), XLSX (one sheet, the same rows), or dayclear.rate-card/v1 JSON with the
// settings, the carrier and the valid-from day. The settings are not in the spreadsheet forms:
// re-import those with the same options (docs/LOGISTICS.md).
import ExcelJS from "exceljs";
import type { RateCardV1 } from "../../core/logistics/rate-card.js";
import { rateCardRows } from "../../core/logistics/rate-card-file.js";
import type { Locale } from "../../core/messages/index.js";
import { neutralizeFormula } from "../../core/orders/index.js";

export type RateExportFormat = "csv" | "xlsx" | "json";

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const csvCell = (c: string) => {
  const s = neutralizeFormula(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function rateCardFile(
  card: RateCardV1,
  format: RateExportFormat,
  locale: Locale,
): Promise<ExportedFile> {
  const name = `rate-card-${card.carrier ?? "carrier"}-${card.validFrom ?? "card"}`.replace(
    /[^\w.-]/g,
    "_",
  );
  if (format === "json")
    return {
      fileName: `${name}.json`,
      contentType: "application/json; charset=utf-8",
      body: Buffer.from(JSON.stringify(card, null, 2) + "\n", "utf8"),
    };
  const rows = rateCardRows(card, locale);
  if (format === "xlsx") {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(locale === "zh-CN" ? "价目表" : "Rate card");
    // Weights and amounts stay text, as written, so "0.50" or "3" read back unchanged.
    for (const r of rows) ws.addRow(r.map(neutralizeFormula));
    return {
      fileName: `${name}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  }
  return {
    fileName: `${name}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Buffer.from("\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n"),
  };
}
