// Order rows read one at a time, for files too large to hold whole: orders come out in batches
// as soon as their rows are complete, so memory holds a batch, not the file. Rows of one order
// must be together (line-item exports write them so); an order whose rows come back after it was
// emitted is a problem, as is a row repeated exactly (kept as a 53-bit hash per row).
import type { ColumnMapping } from "./fields.js";
import { FingerprintMap } from "./fingerprints.js";
import { readOrder, Reader, rowKey, type Group } from "./parse.js";
import type { Profile } from "./profiles.js";
import type { ImportWarning, ParsedOrder, Problem } from "./types.js";

/** What String.prototype.trim removes. */
const isSpace = (ch: number): boolean =>
  ch <= 0x20
    ? ch === 0x20 || (ch >= 0x09 && ch <= 0x0d)
    : ch === 0xa0 ||
      ch === 0x1680 ||
      (ch >= 0x2000 && ch <= 0x200a) ||
      ch === 0x2028 ||
      ch === 0x2029 ||
      ch === 0x202f ||
      ch === 0x205f ||
      ch === 0x3000 ||
      ch === 0xfeff;

const blank = (cells: string[]): boolean => {
  for (const c of cells)
    for (let i = 0; i < c.length; i++) if (!isSpace(c.charCodeAt(i))) return false;
  return true;
};

/** FNV-1a, 53 bits: a compact fingerprint of a row for duplicate detection. */
function fingerprint(cells: string[]): number {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193;
  for (const c of cells) {
    // The cell without surrounding white space (as trim() would, without a new string).
    let a = 0,
      z = c.length;
    while (a < z && isSpace(c.charCodeAt(a))) a++;
    while (z > a && isSpace(c.charCodeAt(z - 1))) z--;
    for (let i = a; i < z; i++) {
      const ch = c.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
  }
  return (h2 >>> 0) * 2097152 + ((h1 >>> 0) & 0x1fffff);
}

export class OrderRowStream {
  readonly reader: Reader;
  private readonly open = new Map<string, Group>();
  private readonly emitted = new FingerprintMap(); // fingerprints of emitted order ids
  private readonly seenRows = new FingerprintMap(); // fingerprint of each row → its row
  private readonly packed: boolean;
  private readonly lastKey = new Map<string, string>();
  private lastId: string | null = null;
  rows = 0;

  constructor(
    headerRow: number,
    headers: string[],
    readonly profile: Profile,
    file: string,
    private readonly mapping?: ColumnMapping,
    private readonly batch = 2000,
  ) {
    this.reader = new Reader({ headerRow, headers, rows: [] }, profile, file);
    this.packed = headers.some((h) => /^line_item_\d+$/i.test(h.trim()));
    for (const f of ["orderId", "orderTotal"] as const) {
      if (!this.reader.has(f))
        this.reader.problem(headerRow, f, "shop.column.required", {
          column: profile.fields[f]?.join(" / ") ?? f,
        });
    }
  }

  get problems(): Problem[] {
    return this.reader.problems;
  }
  get warnings(): ImportWarning[] {
    return this.reader.warnings;
  }

  /** Adds a row; returns the orders that are complete once the batch is full. */
  push(row: number, cells: string[]): ParsedOrder[] {
    if (blank(cells)) return [];
    this.rows++;
    const r = this.reader;
    const fp = fingerprint(cells);
    const first = this.seenRows.get(fp);
    if (first !== undefined) {
      r.problem(row, "", "shop.row.duplicate", { row, first });
      return [];
    }
    this.seenRows.set(fp, row);
    const name = r.get(cells, "orderId");
    if (!name) {
      r.problem(row, "orderId", "shop.cell.empty");
      return [];
    }
    const id = rowKey(r, cells, name, this.lastKey, false);
    const g = this.open.get(id);
    if ((!g && this.emitted.has(fingerprint([id]))) || (g && this.profile.id === "taobao-orders")) {
      r.problem(row, "orderId", "shop.order.apart", { order: name, row });
      return [];
    }
    if (g) g.rows.push({ row, cells });
    else this.open.set(id, { id, name, rows: [{ row, cells }] });
    this.lastId = id;
    return this.open.size > this.batch ? this.flush(false) : [];
  }

  /** The remaining orders at the end of the file. */
  end(): ParsedOrder[] {
    if (this.rows === 0)
      this.reader.problem(this.reader.table.headerRow + 1, "", "shop.file.no_rows");
    return this.flush(true);
  }

  private flush(all: boolean): ParsedOrder[] {
    const out: ParsedOrder[] = [];
    for (const [id, g] of this.open) {
      if (!all && id === this.lastId) continue; // its next row may still come
      this.open.delete(id);
      this.emitted.set(fingerprint([id]));
      const o = readOrder(this.reader, g, this.packed, this.mapping);
      if (o) out.push(o);
    }
    return out;
  }
}
