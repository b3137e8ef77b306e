// Tracking files (docs/LOGISTICS.md, part scan): the e-waybill software's or a carrier's export
// that says which waybill (and carrier, and weight) each order left with. Columns are found by
// their header (Chinese or English aliases) or through a saved mapping (logistics_mappings kind
// "tracking"); each row becomes order number → carrier, waybill, weight in grams, or problems with
// row and column. Pure: the caller reads bytes into records with the order module's readers and
// checks the rows against the shop's orders and parcels.
import { matchCarrier, type CarrierNames } from "./carriers.js";
import { carrierCodeFromWaybill, waybillNumber } from "./scan.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { findColumn } from "../orders/profiles.js";
import { fileProblem } from "../orders/read-limits.js";
import { toTable, type Table } from "../orders/table.js";
import { cleanCell, normalizeHeader } from "../orders/text.js";
import type { ImportWarning, Problem } from "../orders/types.js";

export type TrackingField = "order" | "carrier" | "waybill" | "weight";

/** Header aliases per field, compared after normalizeHeader (NFKC, brackets, spaces, case). */
export const TRACKING_COLUMNS: Record<TrackingField, readonly string[]> = {
  order: [
    "订单号",
    "订单编号",
    "平台订单号",
    "原始单号",
    "主订单编号",
    "Order number",
    "Order No",
    "Order No.",
    "Order ID",
    "Order",
  ],
  carrier: [
    "快递公司",
    "物流公司",
    "快递",
    "承运商",
    "Carrier",
    "Courier",
    "Shipping company",
    "Tracking company",
  ],
  waybill: [
    "运单号",
    "快递单号",
    "物流单号",
    "面单号",
    "运单编号",
    "Waybill",
    "Waybill number",
    "Waybill No",
    "Tracking number",
    "Tracking No",
    "Tracking",
  ],
  weight: [
    "重量",
    "重量(kg)",
    "重量(千克)",
    "重量(公斤)",
    "包裹重量",
    "包裹重量(kg)",
    "称重重量",
    "Weight",
    "Weight(kg)",
    "Weight (kg)",
    "重量(g)",
    "重量(克)",
    "Weight(g)",
    "Weight (g)",
  ],
};
export const TRACKING_REQUIRED: readonly TrackingField[] = ["order", "waybill"];

/** The heaviest parcel accepted, in grams (a typo in kg written as grams stops here). */
export const PARCEL_WEIGHT_MAX_G = 200_000;

/** A saved layout: which header holds each field, the weight's unit, a carrier for files without one. */
export interface TrackingMapping {
  columns: Partial<Record<TrackingField, string>>;
  weightUnit?: "kg" | "g";
  /** The carrier's code when every row of the file is that carrier's (a carrier's own export). */
  carrier?: string;
}

/** One row as the file states it. */
export interface TrackingRow {
  row: number;
  orderNo: string;
  carrierId: string;
  /** The carrier as the file named it ("" when it came from the number or the mapping). */
  carrierText: string;
  waybill: string;
  weightG: number | null;
}

export interface ParsedTrackingFile {
  file: string;
  rows: TrackingRow[];
  problems: Problem[];
  warnings: ImportWarning[];
  unknownColumns: string[];
  /** The headers as written, per field found (later problems name them). */
  columns: Partial<Record<TrackingField, string>>;
}

/** How many tracking columns a header row holds (picks the header among the first rows). */
export function trackingHeaderScore(headers: string[]): number {
  const normalized = headers.map(normalizeHeader);
  return Object.values(TRACKING_COLUMNS).filter((a) => findColumn(normalized, a) >= 0).length;
}

/**
 * Kilograms ("0.52", "0.52kg", "0.52千克", "1,2" is refused) or grams ("520g", "520克"; or any
 * number when the column is in grams) → integer grams, exactly (no floating point); null when the
 * text is no weight.
 */
export function parseWeightG(text: string, unit: "kg" | "g" = "kg"): number | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  const m = /^(\d{1,7})(?:\.(\d+))?(kg|公斤|千克|g|克)?$/.exec(s);
  if (!m) return null;
  const u = m[3] ? (m[3] === "g" || m[3] === "克" ? "g" : "kg") : unit;
  const whole = Number(m[1]);
  const frac = m[2] ?? "";
  if (u === "g") {
    if (frac.replace(/0+$/, "") !== "") return null;
    return whole;
  }
  if (frac.length > 3 && frac.slice(3).replace(/0+$/, "") !== "") return null;
  return whole * 1000 + Number(frac.slice(0, 3).padEnd(3, "0"));
}

class Reader {
  readonly cols = new Map<TrackingField, number>();
  readonly problems: Problem[] = [];
  constructor(
    readonly table: Table,
    readonly file: string,
    mapping: TrackingMapping | undefined,
  ) {
    const normalized = table.headers.map(normalizeHeader);
    for (const f of Object.keys(TRACKING_COLUMNS) as TrackingField[]) {
      const named = mapping?.columns[f];
      const i = mapping ? (named ? normalized.indexOf(normalizeHeader(named)) : -1) : -1;
      const found = i >= 0 ? i : mapping ? -1 : findColumn(normalized, TRACKING_COLUMNS[f]);
      if (found >= 0) this.cols.set(f, found);
      else if (named)
        this.problem(table.headerRow, "", "tracking.mapping_column_missing", { column: named });
    }
  }
  header(f: TrackingField): string {
    const i = this.cols.get(f);
    return i === undefined ? TRACKING_COLUMNS[f][0]! : this.table.headers[i]!.trim();
  }
  get(cells: string[], f: TrackingField): string {
    const i = this.cols.get(f);
    return i === undefined ? "" : cleanCell(cells[i]);
  }
  problem(row: number, f: TrackingField | "", code: MessageCode, params: MessageParams = {}) {
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
 * Reads a tracking export (records as read from CSV or the first sheet of an XLSX): every row's
 * order number, carrier (named in the file, else told by the number's pattern, else the mapping's),
 * waybill and weight — or every problem with its row and column.
 */
export function parseTrackingRecords<C extends CarrierNames & { active?: boolean }>(
  file: string,
  records: string[][],
  carriers: readonly C[],
  mapping?: TrackingMapping,
): ParsedTrackingFile {
  const out: ParsedTrackingFile = {
    file,
    rows: [],
    problems: [],
    warnings: [],
    unknownColumns: [],
    columns: {},
  };
  if (records.every((r) => r.every((c) => c.trim() === ""))) {
    out.problems.push(fileProblem(file, "upload.empty"));
    return out;
  }
  const table = toTable(records, (h) => {
    if (!mapping) return trackingHeaderScore(h);
    const n = h.map(normalizeHeader);
    return Object.values(mapping.columns).filter((c) => c && n.includes(normalizeHeader(c))).length;
  });
  const r = new Reader(table, file, mapping);
  for (const f of r.cols.keys()) out.columns[f] = r.header(f);
  const used = new Set(r.cols.values());
  out.unknownColumns = table.headers
    .map((h, i) => (used.has(i) || h.trim() === "" ? null : h.trim()))
    .filter((h): h is string => h !== null);
  for (const f of TRACKING_REQUIRED)
    if (!r.cols.has(f) && !mapping?.columns[f])
      r.problem(table.headerRow, f, "shop.column.required", {
        column: TRACKING_COLUMNS[f].slice(0, 3).join(" / "),
      });
  const live = carriers.filter((c) => c.active !== false);
  const fixed = mapping?.carrier
    ? (live.find((c) => c.code.toUpperCase() === mapping.carrier!.toUpperCase()) ?? null)
    : null;
  if (mapping?.carrier && !fixed)
    r.problem(table.headerRow, "", "tracking.mapping_carrier_unknown", {
      carrier: mapping.carrier,
    });
  if (r.problems.length === 0 && table.rows.length === 0)
    r.problem(table.headerRow + 1, "", "shop.file.no_rows");
  if (r.problems.length) {
    out.problems = r.problems;
    return out;
  }
  const weightUnit =
    mapping?.weightUnit ??
    (/(\(g\)|\(克\))$/.test(normalizeHeader(r.header("weight"))) ? "g" : "kg");

  // A file names a handful of carriers over and over: match each text once.
  const matched = new Map<string, C | null>();
  const carrierNamed = (text: string) => {
    let c = matched.get(text);
    if (c === undefined) matched.set(text, (c = matchCarrier(text, live)));
    return c;
  };
  const byWaybill = new Map<string, { row: number; orderNo: string }>();
  const byOrder = new Map<string, { row: number; waybill: string }>();
  for (const { row, cells } of table.rows) {
    const before = r.problems.length;
    const orderNo = r.get(cells, "order").normalize("NFKC").trim();
    const rawWaybill = r.get(cells, "waybill");
    const carrierText = r.get(cells, "carrier");
    const weightText = r.get(cells, "weight");
    if (orderNo === "") r.problem(row, "order", "shop.cell.empty");
    const waybill = rawWaybill === "" ? null : waybillNumber(rawWaybill);
    if (rawWaybill === "") r.problem(row, "waybill", "shop.cell.empty");
    else if (!waybill)
      r.problem(row, "waybill", "tracking.cell.not_waybill", { value: rawWaybill });
    let carrier: C | null = null;
    if (carrierText !== "") {
      carrier = carrierNamed(carrierText);
      if (!carrier)
        r.problem(row, "carrier", "tracking.cell.carrier_unknown", { value: carrierText });
    } else if (waybill) {
      const code = carrierCodeFromWaybill(waybill);
      carrier = (code ? live.find((c) => c.code === code) : null) ?? fixed;
      if (!carrier)
        r.problem(
          row,
          r.cols.has("carrier") ? "carrier" : "waybill",
          "tracking.cell.carrier_needed",
          {
            waybill,
          },
        );
    }
    let weightG: number | null = null;
    if (weightText !== "") {
      weightG = parseWeightG(weightText, weightUnit);
      if (weightG === null)
        r.problem(row, "weight", "tracking.cell.not_weight", { value: weightText });
      else if (weightG <= 0 || weightG > PARCEL_WEIGHT_MAX_G) {
        r.problem(row, "weight", "tracking.cell.weight_range", {
          value: weightText,
          maxKg: PARCEL_WEIGHT_MAX_G / 1000,
        });
        weightG = null;
      }
    }
    if (waybill && orderNo !== "") {
      const w = byWaybill.get(waybill);
      if (w && w.orderNo !== orderNo)
        r.problem(row, "waybill", "tracking.row.waybill_twice", {
          waybill,
          first: w.row,
          order: w.orderNo,
        });
      else if (!w) byWaybill.set(waybill, { row, orderNo });
      const o = byOrder.get(orderNo);
      if (o && o.waybill !== waybill)
        r.problem(row, "order", "tracking.row.order_twice", {
          order: orderNo,
          first: o.row,
          waybill: o.waybill,
        });
      else if (o) {
        out.warnings.push({
          file,
          code: "tracking.warning.repeated_row",
          params: { row, first: o.row },
        });
        continue;
      } else byOrder.set(orderNo, { row, waybill });
    }
    if (r.problems.length > before || !waybill || !carrier) continue;
    out.rows.push({
      row,
      orderNo,
      carrierId: carrier.id,
      carrierText,
      waybill,
      weightG,
    });
  }
  out.problems = r.problems;
  return out;
}
