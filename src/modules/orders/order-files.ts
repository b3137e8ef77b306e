// Uploaded bytes → records: XLSX read as a stream with bounded memory (first sheet, xlsx-reader.ts),
// everything else as CSV text; both within the read limits (core/orders/read-limits.ts).
import {
  fileProblem,
  FileRefused,
  readCsvBytes,
  refusalProblem,
  type Problem,
  type SourceTable,
} from "../../core/orders/index.js";
import { LIMITS } from "../../core/limits.js";
import { readXlsxRecords } from "./xlsx-reader.js";

const isZip = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) =>
  b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The first sheet of an XLSX as records, read with the limits of core/orders/read-limits.ts. */
export async function readXlsx(
  file: string,
  bytes: Uint8Array,
): Promise<{ table: SourceTable } | { problem: Problem }> {
  let records: string[][];
  try {
    records = await readXlsxRecords(bytes);
  } catch (err) {
    if (err instanceof FileRefused) return { problem: refusalProblem(file, err) };
    throw err;
  }
  if (records.length === 0) return { problem: fileProblem(file, "upload.empty") };
  return { table: { file, records, encoding: "xlsx" } };
}

/** Turns for reading files: at most `LIMITS.importReadsAtOnce` at once in this process, the rest in order. */
const turns = { free: LIMITS.importReadsAtOnce, waiting: [] as (() => void)[] };
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (turns.free > 0) turns.free--;
  else await new Promise<void>((resolve) => turns.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = turns.waiting.shift();
    if (next) next();
    else turns.free++;
  }
}

/** A file's records (XLSX or CSV), or the problem that refuses it; files are read a few at a time. */
export async function readSource(
  file: string,
  bytes: Uint8Array,
): Promise<{ table: SourceTable } | { problem: Problem }> {
  if (isOle(bytes)) return { problem: fileProblem(file, "upload.old_xls") };
  return inTurn(async () => (isZip(bytes) ? readXlsx(file, bytes) : readCsvBytes(file, bytes)));
}
