// Customer-service performance exports (千牛/赤兔 "客服绩效"): one row per agent account per day →
// numbers per (date, account), or every problem with its row and column. Pure: the caller turns
// bytes into records with the order module's readers (CSV in UTF-8/GBK, XLSX).
import { parseMoney } from "../money.js";
import { findColumn } from "../orders/profiles.js";
import { toTable, type Table } from "../orders/table.js";
import { cleanCell, normalizeHeader } from "../orders/text.js";
import { parseLocalTime } from "../orders/time.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { moneyProblemCode } from "../orders/problems.js";
import { fileProblem } from "../orders/read-limits.js";
import type { ImportWarning, Problem } from "../orders/types.js";

export type CsField =
  | "date"
  | "account"
  | "consultations"
  | "received"
  | "inquirers"
  | "paying"
  | "firstResponse"
  | "avgResponse"
  | "sales";

/** Header aliases per field, compared after normalizeHeader (NFKC, brackets, spaces, case). */
export const CS_COLUMNS: Record<CsField, readonly string[]> = {
  date: ["日期", "Date", "统计日期", "时间"],
  account: ["客服", "旺旺", "客服昵称", "客服旺旺", "客服账号", "子账号", "Agent"],
  consultations: ["咨询人数", "Consultations"],
  received: ["接待人数", "Received"],
  inquirers: ["询单人数", "Inquirers"],
  paying: [
    "最终付款人数",
    "询单->最终付款人数",
    "询单→最终付款人数",
    "询单最终付款人数",
    "Paying inquirers",
  ],
  firstResponse: [
    "首次响应时间",
    "平均首次响应(秒)",
    "首响时间",
    "平均首次响应时间",
    "平均首次响应时间(秒)",
    "首次响应时间(秒)",
    "First response",
  ],
  avgResponse: ["平均响应时间", "平均响应(秒)", "平均响应时间(秒)", "Average response"],
  sales: ["销售额", "询单->最终付款金额", "Sales"],
};
export const CS_REQUIRED: readonly CsField[] = [
  "date",
  "account",
  "inquirers",
  "paying",
  "firstResponse",
  "avgResponse",
];

/** One agent account's day as the file states it. Response times in tenths of a second. */
export interface CsDayRow {
  row: number;
  date: string;
  /** The account as written, NFKC-normalised and trimmed ("日清服饰：小美" → "日清服饰:小美"). */
  account: string;
  consultations: number | null;
  received: number | null;
  inquirers: number;
  paying: number;
  firstResponseTenths: number | null;
  avgResponseTenths: number | null;
  salesFen: number | null;
}

export interface ParsedCsFile {
  file: string;
  days: CsDayRow[];
  problems: Problem[];
  warnings: ImportWarning[];
  unknownColumns: string[];
  /** The headers as written in the file, per field found (problems found later name them). */
  columns: Partial<Record<CsField, string>>;
}

/** The account as stored and matched: NFKC (full-width colon → ":"), trimmed, inner spaces kept. */
export const normalizeAccount = (s: string): string => s.normalize("NFKC").trim();

const TOTAL_ROW = /^(合计|汇总|总计|平均|均值|总体|total|sum|average)$/i;

/** Seconds as exports write them: "12.5", "12.5秒", "12.5s", "1分05秒", "0:01:05" / "1:05" → tenths of a second, or null. */
export function parseSecondsTenths(text: string): number | null {
  const s = text.normalize("NFKC").trim().toLowerCase();
  let m = /^(\d+(?:\.\d+)?)\s*(?:秒|s|sec|秒钟)?$/.exec(s);
  if (m) return Math.round(Number(m[1]) * 10);
  m =
    /^(?:(\d+)\s*(?:小时|时|h))?\s*(?:(\d+)\s*(?:分钟|分|m|min))?\s*(?:(\d+(?:\.\d+)?)\s*(?:秒|s))?$/.exec(
      s,
    );
  if (m && (m[1] || m[2] || m[3]))
    return Math.round((Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 10);
  m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(s);
  if (m && Number(m[2]) < 60 && Number(m[3]) < 60)
    return Math.round((Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 10);
  return null;
}

/** How many of the CS columns a header row holds (picks the header among the first rows). */
export function csHeaderScore(headers: string[]): number {
  const normalized = headers.map(normalizeHeader);
  return Object.values(CS_COLUMNS).filter((aliases) => findColumn(normalized, aliases) >= 0).length;
}

class CsReader {
  readonly cols = new Map<CsField, number>();
  readonly problems: Problem[] = [];
  constructor(
    readonly table: Table,
    readonly file: string,
  ) {
    const normalized = table.headers.map(normalizeHeader);
    for (const [field, aliases] of Object.entries(CS_COLUMNS) as [CsField, readonly string[]][]) {
      const i = findColumn(normalized, aliases);
      if (i >= 0) this.cols.set(field, i);
    }
  }
  header(f: CsField): string {
    const i = this.cols.get(f);
    return i === undefined ? CS_COLUMNS[f][0]! : this.table.headers[i]!.trim();
  }
  get(cells: string[], f: CsField): string {
    const i = this.cols.get(f);
    return i === undefined ? "" : cleanCell(cells[i]);
  }
  /** A problem at a row (and the field's column): the column's header is a parameter, `{column}`. */
  problem(row: number, f: CsField | "", code: MessageCode, params: MessageParams = {}) {
    const column = f === "" ? "" : this.header(f);
    this.problems.push({
      file: this.file,
      row,
      column,
      code,
      params: f === "" ? params : { column, ...params },
    });
  }

  /** A count: whole and not negative; "-" or empty is 0 (千牛 writes "-" for none) unless `nullable`. */
  count(row: number, cells: string[], f: CsField, nullable = false): number | null {
    if (!this.cols.has(f)) return nullable ? null : 0;
    const v = this.get(cells, f).replace(/,/g, "");
    if (v === "") return nullable ? null : 0;
    if (!/^\d+(\.0+)?$/.test(v)) {
      this.problem(row, f, "cs.cell.not_people", { value: v });
      return null;
    }
    return Number.parseInt(v, 10);
  }
  seconds(row: number, cells: string[], f: CsField): number | null {
    const v = this.get(cells, f);
    if (v === "") return null;
    const t = parseSecondsTenths(v);
    if (t === null) this.problem(row, f, "cs.cell.not_seconds", { value: v });
    return t;
  }
}

/** Reads a CS performance export (records as read from CSV or the first sheet of an XLSX). */
export function parseCsRecords(file: string, records: string[][]): ParsedCsFile {
  const out: ParsedCsFile = {
    file,
    days: [],
    problems: [],
    warnings: [],
    unknownColumns: [],
    columns: {},
  };
  if (records.every((r) => r.every((c) => c.trim() === ""))) {
    out.problems.push(fileProblem(file, "upload.empty"));
    return out;
  }
  const table = toTable(records, csHeaderScore);
  const r = new CsReader(table, file);
  for (const f of r.cols.keys()) out.columns[f] = r.header(f);
  const used = new Set(r.cols.values());
  out.unknownColumns = table.headers
    .map((h, i) => (used.has(i) || h.trim() === "" ? null : h.trim()))
    .filter((h): h is string => h !== null);
  for (const f of CS_REQUIRED)
    if (!r.cols.has(f))
      r.problem(table.headerRow, f, "shop.column.required", { column: CS_COLUMNS[f].join(" / ") });
  if (r.problems.length === 0 && table.rows.length === 0)
    r.problem(table.headerRow + 1, "", "shop.file.no_rows");
  if (r.problems.length) {
    out.problems = r.problems;
    return out;
  }

  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const rawDate = r.get(cells, "date");
    const account = normalizeAccount(r.get(cells, "account"));
    if (TOTAL_ROW.test(rawDate.replace(/\s/g, "")) || TOTAL_ROW.test(account.replace(/\s/g, ""))) {
      out.warnings.push({
        file,
        code: "cs.warning.total_row",
        params: { row, label: rawDate || account },
      });
      continue;
    }
    const t = parseLocalTime(rawDate.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"), "+00:00");
    const before = r.problems.length;
    if (rawDate === "") r.problem(row, "date", "shop.cell.empty");
    else if (!t.ok) r.problem(row, "date", t.reason, { value: t.value });
    if (account === "") r.problem(row, "account", "shop.cell.empty");
    const inquirers = r.count(row, cells, "inquirers");
    const paying = r.count(row, cells, "paying");
    const consultations = r.count(row, cells, "consultations", true);
    const received = r.count(row, cells, "received", true);
    const firstResponseTenths = r.seconds(row, cells, "firstResponse");
    const avgResponseTenths = r.seconds(row, cells, "avgResponse");
    let salesFen: number | null = null;
    const salesText = r.get(cells, "sales");
    if (salesText !== "") {
      const m = parseMoney(salesText);
      if (m.ok && m.fen >= 0) salesFen = m.fen;
      else if (m.ok) r.problem(row, "sales", "cs.cell.negative");
      else r.problem(row, "sales", moneyProblemCode(m.reason), { value: salesText });
    }
    if (inquirers !== null && paying !== null && paying > inquirers)
      r.problem(row, "paying", "cs.cell.paying_more", {
        paying: r.header("paying"),
        payingCount: paying,
        inquirers: r.header("inquirers"),
        inquirersCount: inquirers,
      });
    if (!t.ok || account === "") continue;
    const date = t.iso.slice(0, 10);
    const key = `${date}\u0001${account}`;
    const first = seen.get(key);
    if (first !== undefined)
      r.problem(row, "account", "cs.row.account_day_twice", { account, date, first });
    else seen.set(key, row);
    if (r.problems.length > before || inquirers === null || paying === null) continue;
    out.days.push({
      row,
      date,
      account,
      consultations,
      received,
      inquirers,
      paying,
      firstResponseTenths,
      avgResponseTenths,
      salesFen,
    });
  }
  out.problems = r.problems;
  return out;
}
