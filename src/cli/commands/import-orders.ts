// dayclear import orders FILE... --shop NAME: all files in one import, all or nothing.
import { open, readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { systemClock, type Actor } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import type { Database } from "../../db/database.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import {
  placedProblem,
  problemText,
  warningMessage,
  type ImportFormat,
} from "../../core/orders/index.js";
import {
  ImportRejected,
  ImportService,
  type ImportSource,
  type ImportSummary,
  type SourceFile,
} from "../../modules/orders/import.service.js";
import { csvRecords, type CsvFileFormat } from "../../modules/orders/csv-file.js";
import { ordersIn } from "../../modules/orders/import-indexes.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export interface ImportOrdersFlags {
  db?: string;
  shop: string;
  workspace?: string;
  format?: string;
  dryRun?: boolean;
  json?: boolean;
  /** zh-CN or en; else LC_ALL/LC_MESSAGES/LANG ("zh…" → Chinese), else English. */
  lang?: string;
}

/** Imports from this many bytes together on stream their CSV order exports; smaller ones are read whole. */
const STREAM_FROM = Number(process.env.DAYCLEAR_IMPORT_STREAM_BYTES ?? 16 * 1024 * 1024);
/** Streamed files from this size on are read by a worker thread (import-reader.ts). */
const WORKER_FROM = Number(process.env.DAYCLEAR_IMPORT_WORKER_BYTES ?? 8 * 1024 * 1024);

/** How a file is read: streamed (a CSV order export, not XLSX: its encoding) or whole, and whether it is Taobao's item report. */
interface FileReading {
  stream: CsvFileFormat | null;
  itemReport: boolean;
}

const whole: FileReading = { stream: null, itemReport: false };

/** Whether a file can be streamed: a CSV order export (not XLSX), its encoding, delimiter and ="…" cells. */
async function streamable(path: string): Promise<FileReading> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    // XLSX (zip) and anything with NUL bytes (not text) take the whole-file path and its checks.
    if ((head[0] === 0x50 && head[1] === 0x4b) || head.includes(0)) return whole;
    const cut = head.subarray(0, Math.max(head.lastIndexOf(0x0a), 1));
    let encoding: "utf8" | "gb18030" = "utf8";
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(cut);
    } catch {
      encoding = "gb18030";
    }
    const text =
      encoding === "utf8"
        ? cut.toString("utf8")
        : (await import("iconv-lite")).default.decode(cut, "gb18030");
    // Only order exports are streamed; refund and visitor files (small by nature) and Taobao's
    // item reports (joined to the orders of their order report) are read whole.
    const { detectProfiles, toTable } = await import("../../core/orders/index.js");
    const { parseCsv } = await import("../../core/orders/table.js");
    const { headerScore } = await import("../../core/orders/profiles.js");
    const sample = parseCsv(text.replace(/^\uFEFF/, ""));
    if ("records" in sample && sample.records.length) {
      const best = detectProfiles(toTable(sample.records.slice(0, 6), headerScore).headers)[0];
      if (best && best.profile.kind === "items") return { stream: null, itemReport: true };
      if (best && best.profile.kind !== "orders") return whole;
    }
    const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
    return {
      stream: {
        encoding,
        delimiter: firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",",
        // Taobao's ids written as ="123": unwrapped while streaming (csv-file.ts).
        equalsCells: /(^|[,\t])="/m.test(text),
      },
      itemReport: false,
    };
  } finally {
    await fh.close();
  }
}

const FORMAT = /^(auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:.+)$/;

/** The --json summary: each problem and warning with its code and parameters, and its text. */
function jsonSummary(s: ImportSummary, locale: Locale) {
  return {
    orders: s.orders,
    lineItems: s.lineItems,
    created: s.created,
    updated: s.updated,
    skipped: s.skipped,
    errors: s.errors.map((e) => ({
      ...(e.file ? { file: e.file } : {}),
      row: e.row,
      column: e.column,
      code: e.code,
      params: e.params,
      message: problemText(locale, e),
    })),
    warnings: s.warnings.map((w) => ({
      ...(w.file ? { file: w.file } : {}),
      code: w.code,
      params: w.params,
      message: renderMessage(locale, warningMessage(w)),
    })),
  };
}

export async function importOrders(files: string[], o: ImportOrdersFlags): Promise<number> {
  const locale = cliLocale(o.lang);
  try {
    return await importOrdersIn(locale, files, o);
  } catch (e) {
    // A coded refusal (too many files, a right missing …) in the reader's language.
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  }
}

async function importOrdersIn(
  locale: Locale,
  files: string[],
  o: ImportOrdersFlags,
): Promise<number> {
  const format = o.format ?? "auto";
  if (!FORMAT.test(format))
    throw new Error(renderMessage(locale, msg("shop.cli.bad_format", { format })));
  const tty = process.stdout.isTTY && !o.json;
  const { default: Progress } = tty ? await import("cli-progress") : { default: null };
  // One bar over the bytes of every file: whole files count when read, streamed ones as read.
  const bar = Progress
    ? new Progress.SingleBar(
        { format: "{bar} {percentage}% | {step}", hideCursor: true },
        Progress.Presets.shades_classic,
      )
    : null;
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  // From STREAM_FROM bytes together on, each CSV order export is streamed (any size, any number
  // of files); the others, and every file of a smaller import, are read whole.
  const reading: FileReading[] = [];
  for (const f of files) reading.push(total >= STREAM_FROM ? await streamable(f) : whole); // one open file at a time
  // An item report is joined to its order report's orders: with one in the import, every file is read whole.
  const withItems = reading.some((r) => r.itemReport);
  const how = reading.map((r) => (withItems ? null : r.stream));
  const tooBig = files.findIndex((_, i) => !how[i] && sizes[i]! > LIMITS.importCliFileMaxBytes);
  if (tooBig >= 0) {
    const file = basename(files[tooBig]!);
    const summary: ImportSummary = {
      orders: 0,
      lineItems: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      refunds: 0,
      visitorDays: 0,
      warnings: [],
      errors: [
        {
          file,
          row: 1,
          column: "",
          code: "upload.too_large",
          params: { file, maxMb: LIMITS.importCliFileMaxBytes / 1048576 },
        },
      ],
    };
    return report(locale, summary, o, 1);
  }
  // Which workspace, before any file is read: no workspace (or several) is said at once.
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    return await readAndImport(locale, files, sizes, how, actor, database, format, o, bar);
  } finally {
    await database.close();
  }
}

async function readAndImport(
  locale: Locale,
  files: string[],
  sizes: number[],
  how: (CsvFileFormat | null)[],
  actor: Actor,
  database: Database,
  format: string,
  o: ImportOrdersFlags,
  bar: import("cli-progress").SingleBar | null,
): Promise<number> {
  const total = sizes.reduce((a, b) => a + b, 0);
  bar?.start(Math.max(1, total), 0, { step: "reading" });
  let done = 0;
  const step = (i: number) => `${i + 1}/${files.length} ${basename(files[i]!)}`;
  const sources: ImportSource[] = [];
  for (const [i, f] of files.entries()) {
    const stream = how[i];
    if (stream) {
      const onBytes = (bytes: number) => {
        done += bytes;
        bar?.update(done, { step: step(i) });
      };
      // A large file is read, parsed and normalised by a worker thread while this one writes
      // (import-reader.ts); a small one in this thread (a worker costs its start-up).
      sources.push(
        sizes[i]! >= WORKER_FROM
          ? { file: basename(f), path: f, how: stream, onBytes }
          : { file: basename(f), records: csvRecords(f, stream, onBytes) },
      );
      continue;
    }
    sources.push({ file: basename(f), bytes: new Uint8Array(await readFile(f)) });
    done += sizes[i]!;
    bar?.update(done, { step: step(i) });
  }
  const service = new ImportService({ db: database.db, clock: systemClock });
  const streamedBytes = sizes.reduce((sum, size, i) => sum + (how[i] ? size : 0), 0);
  const opts = {
    format: format as ImportFormat,
    dryRun: o.dryRun,
    expectedOrders: ordersIn(streamedBytes),
  };
  try {
    const r = how.some(Boolean)
      ? await service.importSources(actor, { shopName: o.shop }, sources, opts)
      : await service.importFiles(actor, { shopName: o.shop }, sources as SourceFile[], {
          ...opts,
          limits: { fileMax: LIMITS.importCliFileMaxBytes },
        });
    bar?.update(bar.getTotal(), { step: "done" });
    bar?.stop();
    return report(locale, r, o, 0);
  } catch (e) {
    bar?.stop();
    if (e instanceof ImportRejected) return report(locale, e.summary, o, 1);
    throw e;
  }
}

/** The outcome for the reader: a JSON summary, or sentences in their language. */
function report(
  locale: Locale,
  s: ImportSummary & { import?: { id: string } | null },
  o: ImportOrdersFlags,
  code: number,
): number {
  const say = (m: Parameters<typeof renderMessage>[1]) => renderMessage(locale, m);
  if (o.json) {
    // A refused import stored nothing: it created, updated and skipped nothing.
    const out = jsonSummary(s, locale);
    console.log(JSON.stringify(code === 0 ? out : { ...out, created: 0, updated: 0, skipped: 0 }));
    return code;
  }
  if (code !== 0) {
    console.error(say(msg("shop.cli.refused", { count: s.errors.length })));
    for (const e of s.errors.slice(0, 50)) console.error(`  ${say(placedProblem(e))}`);
    if (s.errors.length > 50)
      console.error(`  ${say(msg("shop.cli.more", { count: s.errors.length - 50 }))}`);
    return code;
  }
  const counts = {
    orders: s.orders,
    lineItems: s.lineItems,
    shop: o.shop,
    created: s.created,
    updated: s.updated,
    skipped: s.skipped,
    refunds: s.refunds,
    visitorDays: s.visitorDays,
  };
  console.log(say(msg(o.dryRun ? "shop.cli.would_import" : "shop.cli.imported", counts)));
  for (const w of s.warnings.slice(0, 20))
    console.log(`  ${say(msg("shop.cli.note", { warning: warningMessage(w) }))}`);
  if (s.import) console.log(say(msg("shop.cli.import_id", { id: s.import.id })));
  return code;
}
