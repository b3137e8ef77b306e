// The worker thread of a streamed order import (import-reader.ts): reads one CSV file, parses and
// normalises its orders, and posts them in batches to the thread that writes them — at most a few
// batches ahead of it, so memory stays bounded while both cores work.
import { parentPort, workerData } from "node:worker_threads";
import { csvRecords, type CsvFileFormat } from "./csv-file.js";
import { readOrderStream, type ReadOptions } from "./order-stream-reader.js";
import type { ColumnMapping, ImportFormat } from "../../core/orders/index.js";

export interface ReaderWorkerData {
  file: string;
  path: string;
  how: CsvFileFormat;
  format: ImportFormat;
  mappings: [string, ColumnMapping][];
  problemsBefore: number;
  derive?: ReadOptions["derive"];
}

/** Batches of orders posted and not yet taken by the writer. */
const AHEAD = 3;

const port = parentPort!;
const data = workerData as ReaderWorkerData;
let credits = AHEAD;
let stop = false;
let resume: (() => void) | null = null;
port.on("message", (m: { ack?: boolean; stop?: boolean }) => {
  if (m.ack) credits++;
  if (m.stop) stop = true;
  resume?.();
});

let unposted = 0;
const records = csvRecords(data.path, data.how, (bytes) => {
  unposted += bytes;
  if (unposted >= 1 << 20) {
    port.postMessage({ bytes: unposted });
    unposted = 0;
  }
});
for await (const event of readOrderStream(data.file, records, {
  format: data.format,
  mappings: new Map(data.mappings),
  problemsBefore: data.problemsBefore,
  derive: data.derive,
  onRecords: (n) => port.postMessage({ records: n }),
  stop: () => stop,
})) {
  if (event.kind === "orders") {
    while (credits <= 0 && !stop) await new Promise<void>((r) => (resume = r));
    credits--;
  }
  port.postMessage({ event });
}
port.postMessage({ bytes: unposted, done: true });
