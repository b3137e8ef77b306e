// Limits on one import file while it is read (rows, columns, cells, characters in a cell,
// unpacked bytes of an XLSX), counted as each cell arrives so that reading stops at the first
// limit crossed, before the file takes the memory (docs/SHOP-DATA.md "Limits"). Pure: the XLSX
// reader (modules/orders/xlsx-reader.ts), the CSV readers and the CLI's stream share it.
import type { FieldError, MessageParams } from "../errors.js";
import type { MessageCode } from "../messages/index.js";
import { LIMITS } from "../limits.js";
import type { Problem } from "./types.js";

export interface ReadLimits {
  rows: number;
  columns: number;
  cells: number;
  cellChars: number;
  unpackedBytes: number;
}

export const READ_LIMITS: ReadLimits = {
  rows: LIMITS.importRowsMax,
  columns: LIMITS.importColumnsMax,
  cells: LIMITS.importCellsMax,
  cellChars: LIMITS.importCellMaxChars,
  unpackedBytes: LIMITS.importUnpackedMaxBytes,
};

/** A file refused while it was read: a message code (upload.*), its parameters and the row reached. */
export class FileRefused extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams,
    readonly row: number,
    /** What the reader found, for logs (never shown: the code says it to the reader). */
    note = "",
  ) {
    super(`${code} ${JSON.stringify(params)}${note ? ` (${note})` : ""}`);
    this.name = "FileRefused";
  }
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Refusals of a whole file, with their message codes (the catalogs write the sentence). */
export const refuse = {
  unpackedTooLarge: (max: number) =>
    new FileRefused("upload.unpacked_too_large", { maxMb: mb(max) }, 1),
  tooManyRows: (row: number, max: number) => new FileRefused("upload.too_many_rows", { max }, row),
  tooManyColumns: (row: number, max: number) =>
    new FileRefused("upload.too_many_columns", { row, max }, row),
  tooManyCells: (row: number, max: number) =>
    new FileRefused("upload.too_many_cells", { row, max }, row),
  cellTooLong: (row: number, max: number) =>
    new FileRefused("upload.cell_too_long", { row, max }, row),
  /** `why`: what the reader found (for logs); the reader is told the file cannot be read. */
  unreadable: (why: string) => new FileRefused("upload.unreadable", {}, 1, why),
  notWorkbook: () => new FileRefused("upload.not_workbook", {}, 1),
  noSheet: () => new FileRefused("upload.no_sheet", {}, 1),
};

/** The refusal as an import problem of `file` (row 1 unless a row was reached), code and parameters kept. */
export function refusalProblem(file: string, e: FileRefused): Problem {
  return { file, row: e.row, column: "", code: e.code, params: { ...e.params, file } };
}

/** A coded problem of a whole file (empty, wrong encoding, old .xls …). */
export const fileProblem = (file: string, code: MessageCode): Problem => ({
  file,
  row: 1,
  column: "",
  code,
  params: { file },
});

/** Counts rows and cells as they are read; throws FileRefused at the first limit crossed. */
export class ReadBudget {
  private cells = 0;
  constructor(readonly limits: ReadLimits = READ_LIMITS) {}

  /** A row (1-based, as a spreadsheet numbers it) is about to be read. */
  row(row: number): void {
    if (row > this.limits.rows) throw refuse.tooManyRows(row, this.limits.rows);
  }

  /** A cell of `length` characters in `column` (1-based) of `row`. */
  cell(row: number, column: number, length: number): void {
    if (column > this.limits.columns) throw refuse.tooManyColumns(row, this.limits.columns);
    if (length > this.limits.cellChars) throw refuse.cellTooLong(row, this.limits.cellChars);
    if (++this.cells > this.limits.cells) throw refuse.tooManyCells(row, this.limits.cells);
  }
}

/**
 * The shape of CSV text checked without building it: rows, columns, cells and cell lengths as
 * csv-parse will split them (a quote toggles quoting; "" inside quotes toggles twice; line breaks
 * inside quotes belong to the cell). Feed it the whole text or chunks of a stream.
 */
export class CsvShape {
  private quoted = false;
  private row = 1;
  private column = 1;
  private length = 0;
  private readonly delimiter: number;
  constructor(
    delimiter: string,
    private readonly budget = new ReadBudget(),
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  feed(text: string): void {
    const { delimiter, budget } = this;
    const max = budget.limits.cellChars;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        this.quoted = !this.quoted;
        continue;
      }
      if (!this.quoted && ch === delimiter) {
        budget.cell(this.row, this.column++, this.length);
        this.length = 0;
      } else if (!this.quoted && ch === 0x0a) {
        this.endRow();
      } else if (ch !== 0x0d && ++this.length > max) {
        throw refuse.cellTooLong(this.row, max);
      }
    }
  }

  /** The end of the text: its last row, when it does not end with a line break. */
  end(): void {
    if (this.column > 1 || this.length > 0) this.endRow();
  }

  private endRow(): void {
    this.budget.row(this.row);
    this.budget.cell(this.row, this.column, this.length);
    this.row++;
    this.column = 1;
    this.length = 0;
  }
}

/** Import problems as field errors ("file:row:column"), their codes kept (the server renders them). */
export function problemFields(problems: Problem[]): FieldError[] {
  return problems.slice(0, 200).map((e) => ({
    field: `${e.file ?? ""}:${e.row}:${e.column}`,
    message: e.code,
    code: e.code,
    params: e.params,
  }));
}
