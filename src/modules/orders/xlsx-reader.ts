// The first sheet of an XLSX as records of text cells, read as a stream: each part is inflated in
// small chunks (zip-entries.ts) into an XML scanner (xml-scan.ts), and every row and cell is counted against the
// read limits as it arrives, so a refusal comes before the memory is taken. Cells read as exceljs
// read them before (shared and inline strings, rich text, numbers, booleans, errors, formula
// results, dates by their number format, merged ranges filled with their first cell's value).
import { ReadBudget, refuse, type ReadLimits, READ_LIMITS } from "../../core/orders/read-limits.js";
import { wallClockText } from "../../core/orders/index.js";
import { XmlScanner, type XmlHandlers } from "./xml-scan.js";
import { inflateEntry, UnpackBudget, zipEntries, type ZipEntry } from "./zip-entries.js";

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Scans an entry's chunks; a stretch without a tag longer than any cell may be is refused. */
async function readXml(
  chunks: AsyncIterable<Buffer>,
  on: XmlHandlers,
  maxToken: number,
  rowOf: () => number,
): Promise<void> {
  const scanner = new XmlScanner(on, maxToken, () =>
    refuse.cellTooLong(rowOf(), READ_LIMITS.cellChars),
  );
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
}

/** Builtin number formats that show a date or time (14–22, 45–47; 27–36 and 50–58 in CJK locales). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
/** A custom number format shows a date when, outside quotes and [..], it has a date or time letter (as exceljs decides). */
const isDateFormat = (code: string) =>
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** Column number (1-based) of a cell reference such as "AB12"; 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return n;
}
const rowOfRef = (ref: string) => Number.parseInt(ref.replace(/^[A-Za-z]+/, ""), 10);

const numberText = (n: number) =>
  Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
/** An Excel serial day as the wall-clock text a date cell shows (dates beyond JavaScript's range stay numbers). */
function serialText(n: number, date1904: boolean): string {
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? numberText(n) : wallClockText(d);
}
const excelEscapes = (s: string) =>
  s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

class Workbook {
  private readonly entries: Map<string, ZipEntry>;
  private readonly lower = new Map<string, ZipEntry>();
  private readonly unpacked: UnpackBudget;
  constructor(
    private readonly bytes: Uint8Array,
    readonly limits: ReadLimits,
  ) {
    this.entries = zipEntries(bytes);
    for (const [k, v] of this.entries) this.lower.set(k.toLowerCase(), v);
    this.unpacked = new UnpackBudget(limits.unpackedBytes);
  }
  has(name: string): boolean {
    return this.lower.has(name.toLowerCase());
  }
  async xml(name: string, on: XmlHandlers, rowOf: () => number = () => 1): Promise<void> {
    const e = this.entries.get(name) ?? this.lower.get(name.toLowerCase());
    if (!e) return;
    await readXml(
      inflateEntry(this.bytes, e, this.unpacked),
      on,
      this.limits.cellChars * 8 + 65536,
      rowOf,
    );
  }
}

/** The first sheet's part, its shared strings and styles (from the workbook's relationships), and the 1904 date system. */
async function workbookParts(wb: Workbook) {
  let date1904 = false;
  let firstSheet: string | null = null;
  await wb.xml("xl/workbook.xml", {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet" && firstSheet === null)
        firstSheet = a["r:id"] ?? Object.entries(a).find(([k]) => local(k) === "id")?.[1] ?? "";
    },
  });
  const targets = new Map<string, string>();
  let sharedStrings = "xl/sharedStrings.xml",
    styles = "xl/styles.xml";
  await wb.xml("xl/_rels/workbook.xml.rels", {
    open(name, a) {
      if (name !== "Relationship" || !a.Target) return;
      const target = a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`;
      targets.set(a.Id ?? "", target);
      if (a.Type?.endsWith("/sharedStrings")) sharedStrings = target;
      if (a.Type?.endsWith("/styles")) styles = target;
    },
  });
  const sheet =
    firstSheet === null ? null : (targets.get(firstSheet) ?? "xl/worksheets/sheet1.xml");
  return { date1904, sheet, sharedStrings, styles };
}

/** Style indices (cellXfs) whose number format shows a date. */
async function dateStyles(wb: Workbook, part: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await wb.xml(part, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const out = new Set<number>();
  xfs.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(i);
  });
  return out;
}

/** The shared strings (rich text joined, phonetic runs left out); as many as the file may have cells. */
async function sharedStrings(wb: Workbook, part: string): Promise<string[]> {
  const out: string[] = [];
  let parts: string[] | null = null;
  let inT = false,
    inPhonetic = false;
  await wb.xml(part, {
    open(name) {
      if (name === "si") {
        if (out.length >= wb.limits.cells) throw refuse.tooManyCells(1, wb.limits.cells);
        parts = [];
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inT = !inPhonetic;
    },
    wantText: () => inT,
    text(t) {
      if (parts) parts.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && parts) {
        out.push(excelEscapes(parts.join("")));
        parts = null;
      }
    },
  });
  return out;
}

const EMPTY: string[] = [];

/** Reads the sheet's rows into records (index = row − 1); merged ranges take their first cell's value. */
async function sheetRecords(
  wb: Workbook,
  part: string,
  strings: string[],
  dates: Set<number>,
  date1904: boolean,
): Promise<string[][]> {
  const budget = new ReadBudget(wb.limits);
  const records: string[][] = [];
  const merges: string[] = [];
  let row = 0,
    column = 0;
  const cells: string[] = []; // the row being read (reused), `width` cells of it
  let width = 0;
  // Repeated values (statuses, dates, shop names …) are kept once: up to a bound of distinct ones.
  const seen = new Map<string, string>();
  const intern = (text: string) => {
    if (text.length > 64) return text;
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < 100_000) seen.set(text, text);
    return text;
  };
  // One cell at a time: its type, style and whether it has a formula; the text of its <v> (or of
  // the <t>s of an inline string), usually one piece.
  let inCell = false,
    type = "n",
    style = 0,
    formula = false;
  let value: string | null = null;
  let inValue = false,
    inInline = false,
    inPhonetic = false;

  const cellText = (v: string | null): string => {
    if (v === null || v === "") return "";
    switch (type) {
      case "s":
        return formula ? v : (strings[Number.parseInt(v, 10)] ?? "");
      case "str":
      case "inlineStr":
      case "e":
        return v;
      case "b":
        return Number.parseInt(v, 10) !== 0 ? "TRUE" : "FALSE";
      default: {
        const n = Number.parseFloat(v);
        return dates.has(style) ? serialText(n, date1904) : numberText(n);
      }
    }
  };

  await wb.xml(
    part,
    {
      open(name, a) {
        switch (name) {
          case "row":
            row = a.r ? Number.parseInt(a.r, 10) : row + 1;
            budget.row(row);
            column = 0;
            width = 0;
            break;
          case "c":
            column = columnOf(a.r) || column + 1;
            inCell = true;
            type = a.t ?? "n";
            style = a.s ? Number.parseInt(a.s, 10) : 0;
            formula = false;
            value = null;
            break;
          case "f":
            formula = true;
            break;
          case "v":
            inValue = true;
            value = "";
            break;
          case "is":
            inInline = true;
            value = "";
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            if (inInline && !inPhonetic) inValue = true;
            break;
          case "mergeCell":
            if (a.ref) merges.push(a.ref);
            break;
          default:
            break;
        }
      },
      wantText: () => inValue,
      text(t) {
        if (value === null) return;
        value += t;
        // Rich text comes in runs: the cell is measured as it grows, not once it is whole.
        if (value.length > wb.limits.cellChars) throw refuse.cellTooLong(row, wb.limits.cellChars);
      },
      close(name) {
        switch (name) {
          case "v":
          case "t":
            inValue = false;
            break;
          case "is":
            inInline = false;
            break;
          case "rPh":
            inPhonetic = false;
            break;
          case "c": {
            if (!inCell) break;
            const text = cellText(value);
            budget.cell(row, column, text.length);
            if (text !== "") {
              while (width < column - 1) cells[width++] = "";
              cells[column - 1] = intern(text);
              width = Math.max(width, column);
            }
            inCell = false;
            break;
          }
          case "row":
            if (width) {
              while (records.length < row - 1) records.push(EMPTY);
              // A copy of exactly the row's width (a grown array keeps spare room for every row).
              records[row - 1] = cells.slice(0, width);
            }
            break;
          default:
            break;
        }
      },
    },
    () => row,
  );

  for (const ref of merges) fillMerge(records, ref, budget);
  return records;
}

/** A merged range shows its first cell's value in every cell (as exceljs read it); counted like read cells. */
function fillMerge(records: string[][], ref: string, budget: ReadBudget): void {
  const [from, to = from] = ref.split(":") as [string, string?];
  const top = rowOfRef(from),
    bottom = rowOfRef(to),
    left = columnOf(from),
    right = columnOf(to);
  if (!(top >= 1 && left >= 1 && bottom >= top && right >= left)) return;
  const master = records[top - 1]?.[left - 1] ?? "";
  if (master === "") return;
  budget.row(bottom);
  for (let r = top; r <= bottom; r++) {
    while (records.length < r) records.push(EMPTY);
    const row = records[r - 1] === EMPTY ? (records[r - 1] = []) : records[r - 1]!;
    for (let c = left; c <= right; c++) {
      if (r === top && c === left) continue;
      budget.cell(r, c, master.length);
      while (row.length < c - 1) row.push("");
      row[c - 1] = master;
    }
  }
}

/** The first sheet of an XLSX as records, or throws FileRefused (unreadable, or a read limit crossed). */
export async function readXlsxRecords(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<string[][]> {
  const wb = new Workbook(bytes, limits);
  if (!wb.has("xl/workbook.xml")) throw refuse.notWorkbook();
  const parts = await workbookParts(wb);
  if (!parts.sheet || !wb.has(parts.sheet)) throw refuse.noSheet();
  const dates = await dateStyles(wb, parts.styles);
  const strings = await sharedStrings(wb, parts.sharedStrings);
  return sheetRecords(wb, parts.sheet, strings, dates, parts.date1904);
}
