// A CSV order export read from disk as a stream of records (the CLI's large files): UTF-8 or
// GB18030, each chunk checked for columns per row and characters per cell before csv-parse sees
// it (a stream holds a batch of orders, so its rows and cells are not capped; docs/SHOP-DATA.md),
// and Taobao's ="…" cells unwrapped as the whole-file reader does (core/orders/table.ts).
import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { CsvShape, READ_LIMITS, ReadBudget } from "../../core/orders/read-limits.js";
import { EqualsUnwrapper } from "../../core/orders/table.js";

/** How a streamed file is read: its encoding and delimiter (the CLI looks at its first 64 KB). */
export interface CsvFileFormat {
  encoding: "utf8" | "gb18030";
  delimiter: string;
  /** The file has Taobao's `="…"` cells: they are unwrapped before parsing. */
  equalsCells?: boolean;
}

async function* checked(
  source: AsyncIterable<Buffer | string>,
  delimiter: string,
  equalsCells: boolean,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Buffer | string> {
  const shape = new CsvShape(
    delimiter,
    new ReadBudget({ ...READ_LIMITS, rows: Infinity, cells: Infinity }),
  );
  const decoder = new TextDecoder();
  // The shape is checked on the text as it is in the file, before a line waits for its end in
  // the unwrapper, so what waits is bounded by the limits.
  const unwrapper = equalsCells ? new EqualsUnwrapper() : null;
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    shape.feed(text);
    onBytes?.(typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length);
    if (!unwrapper) yield chunk;
    else {
      const out = unwrapper.push(text);
      if (out) yield out;
    }
  }
  if (unwrapper) {
    const rest = decoder.decode();
    shape.feed(rest);
    const last = unwrapper.push(rest) + unwrapper.end();
    if (last) yield last;
  }
  shape.end();
}

/** The file's CSV records, read when asked for (a file is opened when its turn comes). */
export async function* csvRecords(
  path: string,
  how: CsvFileFormat,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string[]> {
  const iconv = (await import("iconv-lite")).default;
  const { parse } = await import("csv-parse");
  // csv-parse reads UTF-8 bytes itself (fields split across chunks included); GBK goes through iconv first.
  const source =
    how.encoding === "utf8"
      ? createReadStream(path)
      : createReadStream(path).pipe(iconv.decodeStream(how.encoding));
  const parser = parse({ delimiter: how.delimiter, relax_column_count: true, bom: true });
  // pipeline() ends the parser with a limit's refusal, so the loop below throws it.
  pipeline(
    Readable.from(
      checked(
        source as AsyncIterable<Buffer | string>,
        how.delimiter,
        how.equalsCells ?? false,
        onBytes,
      ),
    ),
    parser,
    () => {},
  );
  for await (const record of parser) yield record as string[];
}
