// The part of a streamed order import that needs no database: CSV records → the file's profile →
// parsed orders in batches, with the file's problems and warnings. It runs in the importing thread
// (records given as an async iterable) or in a worker thread beside it (import-reader.worker.ts,
// the CLI's files), so parsing and normalising use the second core while the first one writes.
import {
  chooseProfile,
  csvError,
  fileProblem,
  FileRefused,
  refusalProblem,
  toTable,
  type ColumnMapping,
  type ImportFormat,
  type ImportWarning,
  type ParsedOrder,
  type Platform,
  type Problem,
} from "../../core/orders/index.js";
import { headerScore } from "../../core/orders/profiles.js";
import { localDate } from "../../core/orders/time.js";
import {
  contentHash,
  customerKey,
  defaultIdentity,
  type CustomerIdentity,
} from "./customer-identity.js";
import { OrderRowStream } from "../../core/orders/stream.js";

/** At most this many problems are collected before reading stops (the import is refused anyway). */
export const PROBLEMS_MAX = 1000;

/** What reading one streamed file tells the importer, in order. */
export type ReadEvent =
  /** A problem that stops the file before its orders (empty, unknown format, not an order export). */
  | { kind: "refused"; problem: Problem }
  /** The file's profile, once its header is read. */
  | {
      kind: "start";
      platform: Platform;
      profile: string;
      label: string;
      version: string;
      fileKind: string;
      headerRow: number;
      unknownColumns: string[];
    }
  /** A broken record or a limit while reading: reading ends, the orders read so far follow. */
  | { kind: "problem"; problem: Problem }
  /** Complete orders; `problems`: the file's problems so far (its orders are then only counted). */
  | { kind: "orders"; orders: ParsedOrder[]; problems: number }
  | { kind: "end"; rows: number; records: number; warnings: ImportWarning[]; problems: Problem[] };

export interface ReadOptions {
  format: ImportFormat;
  mappings: Map<string, ColumnMapping>;
  /** Problems the import had before this file: they count towards PROBLEMS_MAX. */
  problemsBefore: number;
  /** Records read so far in this file, every 10,000 (progress). */
  onRecords?: (records: number) => void;
  /** True once the importer wants no more (it has enough problems). */
  stop?: () => boolean;
  /**
   * The workspace's time zone and the shop's customer identity (null: the platform's default):
   * each order's paid date, customer key and content hash are then derived here (`derived`).
   */
  derive?: { tz: string; identity: CustomerIdentity | null };
}

/**
 * Reads one streamed order export. The orders' source rows are also given as JSON
 * (`rawJson`), so the thread that writes them need not serialise them again.
 */
export async function* readOrderStream(
  file: string,
  records: AsyncIterable<string[]>,
  opts: ReadOptions,
): AsyncGenerator<ReadEvent> {
  const it = records[Symbol.asyncIterator]();
  let record = 0;
  let broken: Problem | null = null;
  const next = async (): Promise<string[] | null> => {
    if (broken) return null;
    try {
      const n = await it.next();
      if (n.done) return null;
      record++;
      if (record % 10_000 === 0) opts.onRecords?.(record);
      return n.value;
    } catch (err) {
      if (err instanceof FileRefused) broken = refusalProblem(file, err);
      else {
        const e = err as { records?: number; lines?: number; code?: string };
        const row = (e.records ?? record) + 1;
        broken = { file, row, column: "", ...csvError(e, row) };
      }
      return null;
    }
  };
  try {
    const head: string[][] = [];
    while (head.length < 6) {
      const r = await next();
      if (!r) break;
      head.push(r);
    }
    if (head.length === 0) {
      yield { kind: "refused", problem: broken ?? fileProblem(file, "upload.empty") };
      return;
    }
    if (broken) yield { kind: "problem", problem: broken };
    const table = toTable(head, headerScore);
    const choice = chooseProfile(table, opts.format, file, opts.mappings);
    if ("problem" in choice) {
      yield { kind: "refused", problem: choice.problem };
      return;
    }
    const profile = choice.profile;
    const stream = new OrderRowStream(
      table.headerRow,
      table.headers,
      profile,
      file,
      choice.mapping,
    );
    yield {
      kind: "start",
      platform: profile.platform,
      profile: profile.id,
      label: profile.label,
      version: choice.version,
      fileKind: profile.kind,
      headerRow: table.headerRow,
      unknownColumns: stream.reader.unknownColumns(),
    };
    if (profile.kind !== "orders") return;
    const batch = (orders: ParsedOrder[]): ReadEvent => {
      const identity = opts.derive
        ? (opts.derive.identity ?? defaultIdentity(profile.platform))
        : null;
      for (const o of orders) {
        if (opts.derive && identity) {
          const key = customerKey(identity, o);
          o.derived = {
            tz: opts.derive.tz,
            identity,
            paidDate: o.paidAt ? localDate(o.paidAt, opts.derive.tz) : null,
            customerKey: key,
            contentHash: contentHash(o, key),
          };
        }
        o.rawJson = JSON.stringify(o.raw);
        o.raw = [];
      }
      return { kind: "orders", orders, problems: stream.problems.length };
    };
    for (const r of table.rows) {
      const out = stream.push(r.row, r.cells);
      if (out.length) yield batch(out);
    }
    const alreadyBroken = broken;
    for (let rec = await next(); rec; rec = await next()) {
      const out = stream.push(record, rec);
      if (out.length) yield batch(out);
      if (stream.problems.length + opts.problemsBefore >= PROBLEMS_MAX || opts.stop?.()) break;
    }
    if (broken && broken !== alreadyBroken) yield { kind: "problem", problem: broken };
    const rest = stream.end();
    if (rest.length) yield batch(rest);
    yield {
      kind: "end",
      rows: stream.rows,
      records: record,
      warnings: stream.warnings.slice(0, 200),
      problems: stream.problems,
    };
  } finally {
    await it.return?.();
  }
}
