// Reading the platforms' after-sales exports (docs/AFTERSALES.md, "Import formats"): columns by
// header through alias lists (the order profiles' normalisation: NFKC, brackets, spaces, case),
// never by position; any other layout through a saved mapping. Each row becomes a parsed case —
// the platform's case id, order number, type and state (codes kept as written, ours beside them),
// reason, amounts in fen, times in UTC, the return waybill, the line — or problems with row and
// column. Rows of one case id (one per order line) are one case with several lines. Pure: the
// caller reads bytes into records with the order module's readers and plans against the database.
import { parseMoney } from "../money.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { findColumn } from "../orders/profiles.js";
import { moneyProblemCode, problemAt } from "../orders/problems.js";
import { fileProblem } from "../orders/read-limits.js";
import { toTable, type Table } from "../orders/table.js";
import { cleanCell, normalizeHeader, stripTrackingPrefix } from "../orders/text.js";
import { parseLocalTime } from "../orders/time.js";
import type { ImportWarning, Problem } from "../orders/types.js";
import { isCaseState, isCaseType, type CaseType } from "./cases.js";
import {
  CASE_PROFILES,
  CASE_REQUIRED,
  caseHeaderScore,
  detectCaseProfiles,
  formatMessage,
  mappingCaseProfile,
  type CaseField,
  type CaseFormat,
  type CaseMapping,
  type CaseProfile,
} from "./case-profiles.js";
import {
  caseState,
  caseType,
  type CasePlatform,
  type Overrides,
  type StateTarget,
  type TypeTarget,
} from "./platform-codes.js";

export * from "./case-profiles.js";

export interface CaseLine {
  title: string;
  sku: string | null;
  quantity: number;
  subOrderId: string | null;
}

/** One case as a file states it (several rows of one case id: its lines). */
export interface ParsedCase {
  file: string;
  row: number;
  rows: number[];
  caseId: string;
  orderNo: string;
  platformType: string | null;
  type: TypeTarget;
  platformState: string;
  target: StateTarget;
  /** Taobao 货物状态 (未发货 …): decides refund only before or after shipping. */
  goodsState: string | null;
  reason: string | null;
  requestedFen: number;
  refundFen: number | null;
  currency: string;
  openedAt: string;
  updatedAt: string | null;
  completedAt: string | null;
  deadlineAt: string | null;
  returnWaybill: string | null;
  returnCarrier: string | null;
  lines: CaseLine[];
  raw: Record<string, string>[];
}

export interface ParsedCaseFile {
  file: string;
  profile: string;
  platform: CasePlatform | null;
  rows: number;
  cases: ParsedCase[];
  problems: Problem[];
  warnings: ImportWarning[];
  unknownColumns: string[];
}

class Reader {
  readonly cols = new Map<CaseField, number>();
  readonly problems: Problem[] = [];
  constructor(
    readonly table: Table,
    readonly profile: CaseProfile,
    readonly file: string,
  ) {
    const normalized = table.headers.map(normalizeHeader);
    for (const [f, aliases] of Object.entries(profile.fields)) {
      const i = findColumn(normalized, aliases);
      if (i >= 0) this.cols.set(f as CaseField, i);
    }
  }
  header(f: CaseField): string {
    const i = this.cols.get(f);
    return i === undefined ? (this.profile.fields[f]?.[0] ?? f) : this.table.headers[i]!.trim();
  }
  get(cells: string[], f: CaseField): string {
    const i = this.cols.get(f);
    return i === undefined ? "" : cleanCell(cells[i], this.profile.dashIsEmpty);
  }
  problem(row: number, f: CaseField | "", code: MessageCode, params: MessageParams = {}) {
    const column = f === "" ? "" : this.header(f);
    this.problems.push(
      problemAt(this.file, row, column, code, f === "" ? params : { column, ...params }),
    );
  }
  money(row: number, cells: string[], f: CaseField): number | null {
    const v = this.get(cells, f);
    if (v === "") return null;
    const r = parseMoney(v);
    if (!r.ok) {
      this.problem(row, f, moneyProblemCode(r.reason), { value: v });
      return null;
    }
    if (r.fen < 0) {
      this.problem(row, f, "case.cell.negative_amount", { value: v });
      return null;
    }
    return r.fen;
  }
  /** A time as written (local at the profile's offset, or with its own), Unix seconds, or empty. */
  time(row: number, cells: string[], f: CaseField): string | null {
    const v = this.get(cells, f);
    if (v === "" || v === "0" || /^0{4}-0{2}-0{2}/.test(v)) return null;
    if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000).toISOString();
    const r = parseLocalTime(v, this.profile.utcOffset);
    if (!r.ok) {
      this.problem(row, f, r.reason, { value: r.value });
      return null;
    }
    return r.iso;
  }
}

/** Taobao's 退货物流信息 "顺丰速运,SF1234567890" (or "SF1234567890 顺丰速运"): carrier and number. */
export function splitReturnInfo(text: string): { carrier: string | null; waybill: string | null } {
  const s = stripTrackingPrefix(text.normalize("NFKC").trim());
  if (s === "") return { carrier: null, waybill: null };
  const number = /[A-Za-z]{0,4}\d{7,}[A-Za-z0-9]*/.exec(s);
  if (!number) return { carrier: s, waybill: null };
  const carrier = (s.slice(0, number.index) + s.slice(number.index + number[0].length))
    .replace(/[,，:：;；\s-]+/g, " ")
    .trim();
  return { carrier: carrier === "" ? null : carrier, waybill: number[0].toUpperCase() };
}

/** The type a type cell names: the platform's (or the workspace's) code or text, or our own code. */
function typeOf(platform: CasePlatform, raw: string, overrides: Overrides): TypeTarget | null {
  return caseType(platform, raw, overrides) ?? (isCaseType(raw) ? (raw as CaseType) : null);
}
function stateOf(platform: CasePlatform, raw: string, overrides: Overrides): StateTarget | null {
  const hit = caseState(platform, raw, overrides);
  if (hit) return hit;
  return isCaseState(raw) ? { state: raw } : null;
}

/**
 * Reads one after-sales file (records as read from CSV or the first sheet of an XLSX) with the
 * chosen profile: every case, or every problem with its row and column.
 */
export function parseCaseTable(
  file: string,
  table: Table,
  profile: CaseProfile,
  overrides: Overrides = new Map(),
): ParsedCaseFile {
  const r = new Reader(table, profile, file);
  const out: ParsedCaseFile = {
    file,
    profile: profile.id,
    platform: profile.platform,
    rows: table.rows.length,
    cases: [],
    problems: [],
    warnings: [],
    unknownColumns: [],
  };
  const used = new Set(r.cols.values());
  out.unknownColumns = table.headers
    .map((h, i) => (used.has(i) || h.trim() === "" ? null : h.trim()))
    .filter((h): h is string => h !== null);
  for (const f of CASE_REQUIRED) {
    if (r.cols.has(f) || (f === "type" && profile.defaultType)) continue;
    const aliases = profile.fields[f] ?? [f];
    r.problem(table.headerRow, "", "shop.column.required", {
      column: aliases.slice(0, 3).join(" / "),
    });
  }
  if (r.problems.length === 0 && table.rows.length === 0)
    r.problem(table.headerRow + 1, "", "shop.file.no_rows");
  if (r.problems.length) {
    out.problems = r.problems;
    return out;
  }
  const platform = profile.platform;
  const byId = new Map<string, ParsedCase>();
  const seenRows = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const before = r.problems.length;
    const whole = cells.map((c) => c.trim()).join("\u0001");
    const first = seenRows.get(whole);
    if (first !== undefined) {
      r.problem(row, "", "shop.row.duplicate", { row, first });
      continue;
    }
    seenRows.set(whole, row);
    const caseId = r.get(cells, "caseId").normalize("NFKC").trim();
    const orderNo = r.get(cells, "orderId").normalize("NFKC").trim();
    if (caseId === "") r.problem(row, "caseId", "shop.cell.empty");
    if (orderNo === "") r.problem(row, "orderId", "shop.cell.empty");
    const typeText = r.get(cells, "type");
    let type: TypeTarget | null = null;
    if (typeText === "") {
      if (profile.defaultType) type = profile.defaultType;
      else r.problem(row, "type", "shop.cell.empty");
    } else {
      type = typeOf(platform, typeText, overrides);
      if (!type)
        r.problem(row, "type", "case.cell.unknown_type", {
          value: typeText,
          platform: { code: `shop.platform.${platform}` },
        });
    }
    const stateText = r.get(cells, "state");
    let target: StateTarget | null = null;
    if (stateText === "") r.problem(row, "state", "shop.cell.empty");
    else {
      target = stateOf(platform, stateText, overrides);
      if (!target)
        r.problem(row, "state", "case.cell.unknown_state", {
          value: stateText,
          platform: { code: `shop.platform.${platform}` },
        });
    }
    const requested = r.money(row, cells, "requested");
    const refund = r.money(row, cells, "refund");
    const openedAt = r.time(row, cells, "openedAt");
    if (openedAt === null && r.get(cells, "openedAt") === "")
      r.problem(row, "openedAt", "shop.cell.empty");
    const updatedAt = r.time(row, cells, "updatedAt");
    const completedAt = r.time(row, cells, "completedAt");
    const deadlineAt = r.time(row, cells, "deadline");
    const qtyText = r.get(cells, "quantity").replace(/,/g, "");
    let quantity = 1;
    if (qtyText !== "") {
      if (!/^\d+(\.0+)?$/.test(qtyText) || Number.parseInt(qtyText, 10) < 1)
        r.problem(row, "quantity", "shop.cell.not_whole_number", { value: qtyText });
      else quantity = Number.parseInt(qtyText, 10);
    }
    let returnWaybill: string | null = stripTrackingPrefix(r.get(cells, "returnWaybill")) || null;
    let returnCarrier: string | null = r.get(cells, "returnCarrier") || null;
    const info = r.get(cells, "returnInfo");
    if (info !== "" && (!returnWaybill || !returnCarrier)) {
      const split = splitReturnInfo(info);
      returnWaybill ??= split.waybill;
      returnCarrier ??= split.carrier;
    }
    if (returnWaybill) returnWaybill = returnWaybill.toUpperCase();
    if (r.problems.length > before || !type || !target || !openedAt) continue;
    const title = r.get(cells, "itemTitle");
    const sku = r.get(cells, "sku") || null;
    const line: CaseLine | null =
      title !== "" || sku
        ? { title: title || sku!, sku, quantity, subOrderId: r.get(cells, "subOrderId") || null }
        : null;
    const rawRow: Record<string, string> = {};
    table.headers.forEach((h, i) => {
      const c = cells[i];
      if (c !== undefined && c !== "") rawRow[h.trim()] = c;
    });
    const earlier = byId.get(caseId);
    if (earlier) {
      // Another line of the same case: the case's own fields must agree.
      if (earlier.orderNo !== orderNo) {
        r.problem(row, "orderId", "case.row.case_other_order", {
          case: caseId,
          first: earlier.row,
          order: earlier.orderNo,
        });
        continue;
      }
      if (line) earlier.lines.push(line);
      earlier.rows.push(row);
      earlier.raw.push(rawRow);
      if (refund !== null) earlier.refundFen = (earlier.refundFen ?? 0) + refund;
      if (requested !== null) earlier.requestedFen += requested;
      continue;
    }
    const c: ParsedCase = {
      file,
      row,
      rows: [row],
      caseId,
      orderNo,
      platformType: typeText || null,
      type,
      platformState: stateText,
      target,
      goodsState: r.get(cells, "goodsState") || null,
      reason: r.get(cells, "reason") || null,
      requestedFen: requested ?? 0,
      refundFen: refund,
      currency: (r.get(cells, "currency") || profile.currency).toUpperCase(),
      openedAt,
      updatedAt,
      completedAt,
      deadlineAt,
      returnWaybill,
      returnCarrier,
      lines: line ? [line] : [],
      raw: [rawRow],
    };
    byId.set(caseId, c);
    out.cases.push(c);
  }
  out.problems = r.problems;
  return out;
}

/**
 * Reads one file's records with a format: auto-detected, a platform's, or a saved mapping's. A file
 * of another platform than the one asked for (or the shop's) is refused with its detected format.
 */
export function parseCaseRecords(
  file: string,
  records: string[][],
  opts: {
    format: CaseFormat;
    /** The shop's platform (null: a custom shop takes any platform's file). */
    shopPlatform: CasePlatform | null;
    currency: string;
    mapping?: { name: string; mapping: CaseMapping };
    overrides?: Overrides;
  },
): ParsedCaseFile {
  const empty = (problem: Problem): ParsedCaseFile => ({
    file,
    profile: "",
    platform: null,
    rows: 0,
    cases: [],
    problems: [problem],
    warnings: [],
    unknownColumns: [],
  });
  if (records.every((row) => row.every((c) => c.trim() === "")))
    return empty(fileProblem(file, "upload.empty"));
  if (opts.format.startsWith("mapping:")) {
    const m = opts.mapping;
    if (!m)
      return empty(
        problemAt(file, 1, "", "case.import.mapping_unknown", { mapping: opts.format.slice(8) }),
      );
    const table = toTable(records, (h) => {
      const n = h.map(normalizeHeader);
      return Object.values(m.mapping.columns).filter((c) => c && n.includes(normalizeHeader(c)))
        .length;
    });
    const missing = Object.values(m.mapping.columns).find(
      (c) => c && !table.headers.some((h) => normalizeHeader(h) === normalizeHeader(c)),
    );
    if (missing)
      return empty(
        problemAt(file, table.headerRow, missing, "case.import.mapping_column_missing", {
          column: missing,
          mapping: m.name,
        }),
      );
    const profile = mappingCaseProfile(m.mapping, m.name, opts.shopPlatform, opts.currency);
    return parseCaseTable(file, table, profile, opts.overrides);
  }
  const table = toTable(records, caseHeaderScore);
  const detected = detectCaseProfiles(table.headers);
  const wanted = (opts.format === "auto" ? opts.shopPlatform : opts.format) as CasePlatform | null;
  const profile = wanted ? detected.find((p) => p.platform === wanted) : detected[0];
  if (!profile) {
    const best = detected[0];
    if (best)
      return empty(
        problemAt(file, table.headerRow, "", "case.import.other_platform", {
          detected: formatMessage(best.id),
          platform: { code: `shop.platform.${wanted ?? "custom"}` },
        }),
      );
    // The closest format by its identifying headers: name the first group it lacks.
    const normalized = table.headers.map(normalizeHeader);
    const candidates = CASE_PROFILES.filter((p) => !wanted || p.platform === wanted);
    let closest: { p: CaseProfile; missing: string[] } | null = null;
    for (const p of candidates) {
      const missing = p.signature.filter((g) => findColumn(normalized, g) < 0).map((g) => g[0]!);
      if (
        missing.length < p.signature.length &&
        (!closest || missing.length < closest.missing.length)
      )
        closest = { p, missing };
    }
    if (closest)
      return empty(
        problemAt(file, table.headerRow, closest.missing[0]!, "case.import.format_column_missing", {
          column: closest.missing[0]!,
          format: formatMessage(closest.p.id),
        }),
      );
    return empty(problemAt(file, table.headerRow, "", "case.import.unrecognised"));
  }
  return parseCaseTable(file, table, profile, opts.overrides);
}
