// A streamed CSV order export read in a worker thread (import-reader.worker.ts) while this thread
// writes: the same events as readOrderStream in this thread, with the file's bytes as progress.
import { Worker } from "node:worker_threads";
import type { CsvFileFormat } from "./csv-file.js";
import type { ReaderWorkerData } from "./import-reader.worker.js";
import type { ReadEvent, ReadOptions } from "./order-stream-reader.js";

/** A CSV order export on disk, streamed by a worker thread (the CLI's large files). */
export interface FileSource {
  file: string;
  path: string;
  how: CsvFileFormat;
  /** Bytes of the file read so far, as they are read (the CLI's progress bar). */
  onBytes?: (bytes: number) => void;
}

type WorkerMessage = { bytes?: number; records?: number; event?: ReadEvent; done?: boolean };

function startWorker(data: ReaderWorkerData): Worker {
  const self = import.meta.url;
  if (self.endsWith(".js"))
    return new Worker(new URL("./import-reader.worker.js", self), { workerData: data });
  // Running from the TypeScript sources (tsx): the worker registers tsx before loading its module.
  const boot =
    `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register();` +
    `await import(${JSON.stringify(new URL("./import-reader.worker.ts", self).href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: data,
  });
}

/** The events of reading `source` (see readOrderStream); the worker ends when the caller stops. */
export async function* readInWorker(
  source: FileSource,
  opts: ReadOptions,
): AsyncGenerator<ReadEvent> {
  const worker = startWorker({
    file: source.file,
    path: source.path,
    how: source.how,
    format: opts.format,
    mappings: [...opts.mappings],
    problemsBefore: opts.problemsBefore,
    derive: opts.derive,
  });
  const queue: ReadEvent[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  worker.on("message", (m: WorkerMessage) => {
    if (m.bytes) source.onBytes?.(m.bytes);
    if (m.records) opts.onRecords?.(m.records);
    if (m.event) queue.push(m.event);
    if (m.done) done = true;
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e;
    wake?.();
  });
  worker.on("exit", () => {
    if (!done) failure ??= new Error("the import's reader stopped");
    wake?.();
  });
  try {
    for (;;) {
      const event = queue.shift();
      if (event) {
        yield event;
        if (event.kind === "orders") worker.postMessage({ ack: true });
        if (opts.stop?.()) worker.postMessage({ stop: true });
        continue;
      }
      if (done) return;
      if (failure) throw failure;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
  } finally {
    await worker.terminate();
  }
}
