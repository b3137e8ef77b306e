// The parts of a zip (an XLSX is one) read with bounded inflation: the central directory is read
// from the bytes already in memory, and an entry is inflated as a stream of small chunks while
// its declared and its actual unpacked size are counted against one budget for the whole file,
// stopping at the limit — so a small file that unpacks to gigabytes never takes the memory.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { refuse } from "../../core/orders/read-limits.js";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** Zip64 sizes and offset from an entry's extra field (present only for the fields that overflowed). */
function zip64(view: DataView, at: number, length: number, e: ZipEntry): void {
  for (let p = at; p + 4 <= at + length;) {
    const id = view.getUint16(p, true),
      size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (e.size === MAX32) e.size = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.localOffset === MAX32) e.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}

/** The entries of a zip by name (leading "/" removed), from its central directory. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (view.getUint32(p, true) === EOCD) {
      end = p;
      break;
    }
  }
  if (end < 0)
    throw refuse.unreadable("the end of the zip is missing: the file is cut short or damaged");
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (
    (count === 0xffff || offset === MAX32) &&
    end >= 20 &&
    view.getUint32(end - 20, true) === EOCD64_LOCATOR
  ) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (at + 56 > bytes.length) throw refuse.unreadable("a damaged zip directory");
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw refuse.unreadable("a damaged zip directory");
    const nameLength = view.getUint16(p + 28, true),
      extraLength = view.getUint16(p + 30, true),
      commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length)
      throw refuse.unreadable("a damaged zip directory");
    const e: ZipEntry = {
      name: decoder
        .decode(bytes.subarray(p + 46, p + 46 + nameLength))
        .replace(/\\/g, "/")
        .replace(/^\//, ""),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    zip64(view, p + 46 + nameLength, extraLength, e);
    entries.set(e.name, e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts unpacked bytes across the entries read from one file. */
export class UnpackBudget {
  private used = 0;
  constructor(readonly max: number) {}
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) throw refuse.unpackedTooLarge(this.max);
  }
  /** Refuses at once when an entry declares more than is left (a zip bomb says so in its directory). */
  declare(size: number): void {
    if (this.used + size > this.max) throw refuse.unpackedTooLarge(this.max);
  }
}

/** An entry's unpacked bytes in chunks of at most 64 KB, counted against the budget as they come. */
export async function* inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  budget: UnpackBudget,
): AsyncGenerator<Buffer> {
  if (e.flags & 0x1) throw refuse.unreadable("the workbook is encrypted");
  budget.declare(e.size);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw refuse.unreadable("a damaged zip entry");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw refuse.unreadable("the file is cut short");
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, e.compressedSize);
  if (e.method === 0) {
    for (let p = 0; p < data.length; p += 65536) {
      const chunk = data.subarray(p, p + 65536);
      budget.take(chunk.length);
      yield chunk;
    }
    return;
  }
  if (e.method !== 8)
    throw refuse.unreadable(`zip compression method ${e.method} is not supported`);
  const inflate = createInflateRaw({ chunkSize: 65536 });
  Readable.from([data]).pipe(inflate);
  let actual = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      actual += chunk.length;
      // The declared size may lie: the actual bytes are counted, and an entry may not outgrow its claim.
      if (actual > e.size) throw refuse.unreadable("a zip entry is larger than its directory says");
      budget.take(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (
      err instanceof Error &&
      "code" in err &&
      typeof err.code === "string" &&
      err.code.startsWith("Z_")
    )
      throw refuse.unreadable("a damaged zip entry");
    throw err;
  } finally {
    inflate.destroy();
  }
}
