// A file as rows of text cells, with the row numbers a person sees in a spreadsheet.
import { parse } from "csv-parse/sync";
import type { MessageCode, MessageParams } from "../messages/index.js";

export interface Table {
  /** 1-based row of the header line (records counted as a spreadsheet shows them). */
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  /** 1-based row in the file, counting the header as row 1 (a record with newlines inside counts once). */
  row: number;
  cells: string[];
}

export interface TableError {
  row: number;
  column: string;
  code: MessageCode;
  params: MessageParams;
}

/** A comma, or a tab when the first line has tabs and no commas. */
export function csvDelimiter(text: string): "," | "\t" {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

// Taobao writes ids bare as ="123" (not valid CSV quoting): they are unwrapped before parsing, so
// that real broken quotes are still caught. A match never crosses a line break.
const EQUALS_CELL = /(^|[,\t])="([^"\r\n]*)"(?=[,\t]|\r?\n|$)/gm;

/** CSV text with Taobao's `="…"` cells unwrapped to their value. */
export const unwrapEquals = (text: string): string => text.replace(EQUALS_CELL, "$1$2");

/**
 * unwrapEquals over text that arrives in chunks (the CLI's streamed files): the same result as on
 * the whole text, since a match never crosses a line break — each chunk is unwrapped up to its
 * last line break and the rest waits for the next one. What waits is one line, which the reader's
 * limits (columns × characters per cell, read-limits.ts) bound before it gets here.
 */
export class EqualsUnwrapper {
  private carry = "";

  push(chunk: string): string {
    const cut = chunk.lastIndexOf("\n") + 1;
    if (cut === 0) {
      this.carry += chunk;
      return "";
    }
    const text = unwrapEquals(this.carry + chunk.slice(0, cut));
    this.carry = chunk.slice(cut);
    return text;
  }

  /** The last line, when the text does not end with a line break. */
  end(): string {
    const text = unwrapEquals(this.carry);
    this.carry = "";
    return text;
  }
}

/** Parses CSV (comma, or tab when the first line has tabs and no commas) into records. */
export function parseCsv(text: string): { records: string[][] } | { error: TableError } {
  const delimiter = csvDelimiter(text);
  const unwrapped = unwrapEquals(text);
  try {
    const records = parse(unwrapped, {
      delimiter,
      relax_column_count: true,
      bom: true,
      skip_empty_lines: false,
    }) as string[][];
    return { records };
  } catch (err) {
    const e = err as {
      message?: string;
      lines?: number;
      records?: number;
      column?: number;
      code?: string;
    };
    // `records` counts the records read before the broken one, the header included.
    const row = typeof e.records === "number" ? e.records + 1 : (e.lines ?? 1);
    let column = "";
    if (typeof e.column === "number" && row > 1) {
      try {
        const header = (
          parse(unwrapped.slice(0, unwrapped.search(/\r?\n/) >>> 0), {
            delimiter,
            bom: true,
          }) as string[][]
        )[0];
        column = header?.[e.column]?.trim() ?? "";
      } catch {
        /* the header itself is broken */
      }
    }
    return { error: { row, column, ...csvError(e, row) } };
  }
}

/** csv-parse's error as a message code: broken quotes named, anything else by its error code. */
export function csvError(
  e: { code?: string; lines?: number },
  row: number,
): { code: MessageCode; params: MessageParams } {
  const line = e.lines ?? row;
  if (e.code === "CSV_QUOTE_NOT_CLOSED")
    return { code: "shop.csv.unclosed_quote", params: { row, line } };
  if (e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "INVALID_OPENING_QUOTE")
    return { code: "shop.csv.stray_quote", params: { row, line } };
  return { code: "shop.csv.invalid", params: { row, reason: e.code ?? "CSV" } };
}

/**
 * Finds the header among the first rows (some exports put a title line above it): the row with
 * the most cells that `score` recognises. Empty records are dropped from the body.
 */
export function toTable(records: string[][], score: (headers: string[]) => number): Table {
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < Math.min(records.length, 6); i++) {
    const s = score(records[i]!);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  const headers = (records[best] ?? []).map((h) => h.replace(/^\uFEFF/, ""));
  const rows: TableRow[] = [];
  for (let i = best + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    rows.push({ row: i + 1, cells });
  }
  return { headerRow: best + 1, headers, rows };
}
