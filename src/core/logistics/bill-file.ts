// Carrier bills (对账单): one row per waybill charge — waybill number, weight, fee — as carriers and
// their portals export them (CSV in GBK or UTF-8, or the first sheet of an XLSX). Records → one
// line per waybill (rows of the same waybill are added up: a bill that lists freight and surcharges
// on separate rows, or charges a parcel twice, shows as one line whose fee is the sum), or every
// problem with its row and column. Pure: the caller turns bytes into records with the order
// module's readers. The header is found by aliases, or named by a saved mapping (docs/LOGISTICS.md).
import type { MessageCode, MessageParams } from "../messages/index.js";
import { parseMoney } from "../money.js";
import { moneyProblemCode } from "../orders/problems.js";
import { fileProblem } from "../orders/read-limits.js";
import { toTable } from "../orders/table.js";
import { cleanCell, normalizeHeader, stripTrackingPrefix } from "../orders/text.js";
import type { ImportWarning, Problem } from "../orders/types.js";

export type BillField = "waybill" | "weight" | "fee";
export type WeightUnit = "kg" | "g";

/**
 * Header aliases per field, compared after normalizeHeader and with a unit in brackets taken off
 * ("重量(kg)", "运费（元）"). Earlier aliases win when a file has several: the weight the carrier
 * weighed (重量) before the chargeable weight (计费重量), the total (金额) before the freight alone.
 */
export const BILL_COLUMNS: Record<BillField, readonly string[]> = {
  waybill: [
    "运单号",
    "快递单号",
    "运单编号",
    "运单号码",
    "快递单号码",
    "物流单号",
    "面单号",
    "waybill",
    "waybill no",
    "waybill number",
    "tracking number",
    "tracking no",
  ],
  weight: [
    "重量",
    "实际重量",
    "称重重量",
    "weight",
    "actual weight",
    "计费重量",
    "结算重量",
    "chargeable weight",
    "billed weight",
  ],
  fee: [
    "应付金额",
    "结算金额",
    "总金额",
    "总费用",
    "金额",
    "费用",
    "运费",
    "fee",
    "amount",
    "total",
    "freight",
  ],
};
export const BILL_REQUIRED: readonly BillField[] = ["waybill", "fee"];

/** A saved mapping (logistics_mappings kind "bill"): the file's own header for each field. */
export interface BillMapping {
  waybill: string;
  fee: string;
  weight?: string | null;
  /** The unit of the weight column when its header does not say; kg unless set. */
  weightUnit?: WeightUnit;
}

/** One waybill of the bill: its rows added up. */
export interface BillLine {
  /** The file row of the waybill's first row (a spreadsheet's numbering, header = its row). */
  row: number;
  /** How many rows of the file carried this waybill. */
  rows: number;
  waybill: string;
  /** Grams; the largest weight of its rows; null when no row states one. */
  weightG: number | null;
  feeFen: number;
}

export interface ParsedBill {
  lines: BillLine[];
  problems: Problem[];
  warnings: ImportWarning[];
  /** The file's header for each field found. */
  columns: Partial<Record<BillField, string>>;
  /** Rows read (total rows skipped). */
  rows: number;
}

/** The heaviest parcel a bill line may state: 10 t (anything above is a typo or a unit mix-up). */
export const BILL_WEIGHT_MAX_G = 10_000_000;

const UNIT_SUFFIX = /\((kg|千克|公斤|g|克|元|rmb|cny|¥)\)$/;
const TOTAL_ROW = /^(合计|汇总|总计|小计|total|sum|subtotal)[:：]?$/i;

/** A header as compared: normalised, a unit in brackets taken off (and returned). */
function headerKey(h: string): { key: string; unit: string | null } {
  const n = normalizeHeader(h);
  const m = UNIT_SUFFIX.exec(n);
  return m ? { key: n.slice(0, m.index), unit: m[1]! } : { key: n, unit: null };
}

const unitOf = (u: string | null): WeightUnit | null =>
  u === null
    ? null
    : u === "g" || u === "克"
      ? "g"
      : u === "kg" || u === "千克" || u === "公斤"
        ? "kg"
        : null;

/** How many bill fields a header row holds (picks the header among the first rows). */
export function billHeaderScore(headers: string[]): number {
  const keys = headers.map((h) => headerKey(h).key);
  return Object.values(BILL_COLUMNS).filter((aliases) =>
    aliases.some((a) => keys.includes(normalizeHeader(a))),
  ).length;
}

/** A waybill number as stored and matched: NFKC, no spaces, upper case, Taobao's "No:" taken off. */
export const normalizeWaybill = (text: string): string =>
  stripTrackingPrefix(text.normalize("NFKC").trim()).replace(/\s+/g, "").toUpperCase();

const WAYBILL = /^[A-Z0-9][A-Z0-9-]{3,39}$/;

/**
 * A weight as bills write it — "1.25", "1.25kg", "1250g", "1,250 克", "0.5公斤" — in grams, rounded
 * half away from zero to the gram; `unit` is the column's unit when the cell names none.
 */
export function parseWeightG(text: string, unit: WeightUnit): number | null {
  let s = text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  let u = unit;
  const m = /(kg|千克|公斤|g|克)$/.exec(s);
  if (m) {
    u = unitOf(m[1]!) ?? unit;
    s = s.slice(0, m.index);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, "");
  const d = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!d) return null;
  const whole = d[1]!;
  const frac = d[2] ?? "";
  if (whole.length > 9) return null;
  // Exact decimal arithmetic on the digits: value × 1000 (kg) or × 1 (g), then round once.
  const shift = u === "kg" ? 3 : 0;
  const digits = (whole + frac.padEnd(shift, "0").slice(0, shift)).replace(/^0+(?=\d)/, "");
  const rest = frac.slice(shift);
  let grams = Number(digits);
  if (rest !== "" && Number(rest[0]) >= 5) grams += 1;
  return grams;
}

class BillReader {
  readonly cols = new Map<BillField, number>();
  readonly units = new Map<BillField, string | null>();
  readonly problems: Problem[] = [];
  constructor(
    readonly headers: string[],
    readonly file: string,
  ) {}
  header(f: BillField): string {
    const i = this.cols.get(f);
    return i === undefined ? BILL_COLUMNS[f][0]! : this.headers[i]!.trim();
  }
  get(cells: string[], f: BillField): string {
    const i = this.cols.get(f);
    return i === undefined ? "" : cleanCell(cells[i]);
  }
  problem(row: number, f: BillField | "", code: MessageCode, params: MessageParams = {}) {
    const column = f === "" ? "" : this.header(f);
    this.problems.push({
      file: this.file,
      row,
      column,
      code,
      params: f === "" ? params : { column, ...params },
    });
  }
}

/**
 * Reads a carrier bill (records as read from CSV or the first sheet of an XLSX). Without a
 * mapping the columns are found by BILL_COLUMNS; with one, by the mapping's headers.
 */
export function parseBillRecords(
  file: string,
  records: string[][],
  opts: { mapping?: BillMapping; mappingName?: string } = {},
): ParsedBill {
  const out: ParsedBill = { lines: [], problems: [], warnings: [], columns: {}, rows: 0 };
  if (records.every((r) => r.every((c) => c.trim() === ""))) {
    out.problems.push(fileProblem(file, "upload.empty"));
    return out;
  }
  const mapping = opts.mapping;
  const score = mapping
    ? (headers: string[]) => {
        const keys = headers.map(normalizeHeader);
        return [mapping.waybill, mapping.fee, mapping.weight]
          .filter((h): h is string => !!h)
          .filter((h) => keys.includes(normalizeHeader(h))).length;
      }
    : billHeaderScore;
  const table = toTable(records, score);
  const r = new BillReader(table.headers, file);
  if (mapping) {
    const keys = table.headers.map(normalizeHeader);
    const wanted: [BillField, string | null | undefined][] = [
      ["waybill", mapping.waybill],
      ["weight", mapping.weight],
      ["fee", mapping.fee],
    ];
    for (const [field, header] of wanted) {
      if (!header) continue;
      const i = keys.indexOf(normalizeHeader(header));
      if (i < 0)
        r.problems.push({
          file,
          row: table.headerRow,
          column: header,
          code: "bill.mapping_column_missing",
          params: { column: header, mapping: opts.mappingName ?? "" },
        });
      else {
        r.cols.set(field, i);
        r.units.set(field, headerKey(table.headers[i]!).unit);
      }
    }
  } else {
    const keys = table.headers.map((h) => headerKey(h));
    for (const [field, aliases] of Object.entries(BILL_COLUMNS) as [
      BillField,
      readonly string[],
    ][]) {
      for (const a of aliases) {
        const i = keys.findIndex((k) => k.key === normalizeHeader(a));
        if (i >= 0) {
          r.cols.set(field, i);
          r.units.set(field, keys[i]!.unit);
          break;
        }
      }
    }
    for (const f of BILL_REQUIRED)
      if (!r.cols.has(f))
        r.problem(table.headerRow, "", "shop.column.required", {
          column: BILL_COLUMNS[f].slice(0, 3).join(" / "),
        });
  }
  for (const f of r.cols.keys()) out.columns[f] = r.header(f);
  if (r.problems.length === 0 && table.rows.length === 0)
    r.problem(table.headerRow + 1, "", "shop.file.no_rows");
  if (r.problems.length) {
    out.problems = r.problems;
    return out;
  }

  const unit: WeightUnit = unitOf(r.units.get("weight") ?? null) ?? mapping?.weightUnit ?? "kg";
  const byWaybill = new Map<string, BillLine>();
  for (const { row, cells } of table.rows) {
    const rawWaybill = r.get(cells, "waybill");
    // A total row: its label in the waybill column, or in any column when the waybill is empty.
    const label = [rawWaybill, ...(rawWaybill === "" ? cells : [])]
      .map((c) => cleanCell(c).replace(/\s/g, ""))
      .find((c) => TOTAL_ROW.test(c));
    if (label !== undefined) {
      out.warnings.push({ file, code: "bill.warning.total_row", params: { row, label } });
      continue;
    }
    out.rows++;
    const before = r.problems.length;
    const waybill = normalizeWaybill(rawWaybill);
    if (rawWaybill === "") r.problem(row, "waybill", "shop.cell.empty");
    else if (!WAYBILL.test(waybill) || !/\d/.test(waybill))
      r.problem(row, "waybill", "bill.cell.not_waybill", { value: rawWaybill });
    const feeText = r.get(cells, "fee");
    let feeFen = 0;
    if (feeText === "") r.problem(row, "fee", "shop.cell.empty");
    else {
      const m = parseMoney(feeText);
      if (!m.ok) r.problem(row, "fee", moneyProblemCode(m.reason), { value: feeText });
      else if (m.fen < 0) r.problem(row, "fee", "bill.cell.negative_fee", { value: feeText });
      else feeFen = m.fen;
    }
    let weightG: number | null = null;
    const weightText = r.get(cells, "weight");
    if (weightText !== "") {
      weightG = parseWeightG(weightText, unit);
      if (weightG === null) r.problem(row, "weight", "bill.cell.not_weight", { value: weightText });
      else if (weightG > BILL_WEIGHT_MAX_G)
        r.problem(row, "weight", "bill.cell.weight_too_large", {
          value: weightText,
          maxKg: BILL_WEIGHT_MAX_G / 1000,
        });
    }
    if (r.problems.length > before) continue;
    const seen = byWaybill.get(waybill);
    if (seen) {
      seen.rows++;
      seen.feeFen += feeFen;
      if (weightG !== null) seen.weightG = Math.max(seen.weightG ?? 0, weightG);
    } else byWaybill.set(waybill, { row, rows: 1, waybill, weightG, feeFen });
  }
  out.problems = r.problems;
  if (out.problems.length === 0) {
    out.lines = [...byWaybill.values()];
    const repeated = out.lines.filter((l) => l.rows > 1);
    if (repeated.length)
      out.warnings.push({
        file,
        code: "bill.warning.rows_added",
        params: {
          count: repeated.length,
          waybills: repeated.slice(0, 5).map((l) => l.waybill),
        },
      });
  }
  return out;
}
