// Per-platform order exports of any length (issue 13: "1,000,000-line exports of every platform
// profile"), made from the sample exports in test/fixtures/orders/build.ts: their header, their
// encoding and their cells, each order copied again and again under new order (and sub-order)
// ids until the file has the lines asked for. Shopify's is the bench's own generator (two line
// items per order on average, the columns Shopify writes on first and continuation rows).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { decodeBytes, encodeText, type Encoding } from "../../src/core/orders/decode.js";
import { parseCsv } from "../../src/core/orders/table.js";
import {
  douyinOrders,
  jdOrders,
  pddOrders,
  taobaoOrders,
  woocommerceOrders,
} from "../../test/fixtures/orders/build.js";

export interface PlatformFile {
  platform: string;
  /** The file name a store downloads (detection does not depend on it). */
  name: string;
  /** The sample export the lines are copied from, or null for Shopify's generator. */
  sample: (() => Uint8Array) | null;
  /** Columns holding an order's (or a line's) own id: each copy gets new ones. */
  ids: string[];
}

export const PLATFORM_FILES: PlatformFile[] = [
  { platform: "shopify", name: "orders_export.csv", sample: null, ids: [] },
  {
    platform: "taobao",
    name: "ExportOrderList.csv",
    sample: () => taobaoOrders(),
    ids: ["订单编号"],
  },
  { platform: "jd", name: "jd-orders.csv", sample: jdOrders, ids: ["订单号"] },
  { platform: "pdd", name: "pdd_orders_export.csv", sample: pddOrders, ids: ["订单号"] },
  {
    platform: "douyin",
    name: "fxg_export.csv",
    sample: douyinOrders,
    ids: ["主订单编号", "子订单编号"],
  },
  {
    platform: "woocommerce",
    name: "woocommerce-orders.csv",
    sample: woocommerceOrders,
    ids: ["order_id", "order_number"],
  },
];

const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/**
 * Writes `lines` data lines (plus the header) copied from the platform's sample export to
 * `path`, in the sample's encoding.
 */
export async function writePlatformFile(
  p: PlatformFile,
  path: string,
  lines: number,
  shopify: (lines: number) => string,
): Promise<void> {
  const out = createWriteStream(path);
  const write = async (chunk: string | Uint8Array) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  if (!p.sample) {
    await write(shopify(lines));
    out.end();
    await once(out, "finish");
    return;
  }
  const bytes = p.sample();
  const { text, encoding } = decodeBytes(bytes);
  const parsed = parseCsv(text);
  if (!("records" in parsed)) throw new Error(`${p.platform}: the sample does not parse`);
  const [header, ...body] = parsed.records.filter((r) => r.some((c) => c.trim() !== ""));
  const cols = p.ids.map((h) => header!.findIndex((x) => x.trim() === h));
  if (cols.some((c) => c < 0)) throw new Error(`${p.platform}: id column missing`);
  // Cells the sample writes as ="…" (Taobao's ids) are written so again.
  const wrapped = new Set(cols.filter((c) => text.includes(`="${body[0]![c]}"`)));
  const enc: Encoding = encoding;
  const encode = (s: string) =>
    enc === "utf-8" ? s : encodeText(s, enc === "gb18030" ? "gb18030" : "utf-8");
  await write(
    enc === "utf-8-bom"
      ? encodeText(header!.map(quote).join(",") + "\r\n", enc)
      : encode(header!.map(quote).join(",") + "\r\n"),
  );
  let n = 0;
  let chunk = "";
  for (let copy = 1; n < lines; copy++) {
    const suffix = String(copy).padStart(7, "0");
    for (const row of body) {
      if (n >= lines) break;
      const cells = row.map((c, i) =>
        cols.includes(i) ? (wrapped.has(i) ? `="${c}${suffix}"` : `${c}${suffix}`) : quote(c),
      );
      chunk += cells.join(",") + "\r\n";
      n++;
    }
    if (chunk.length > 1 << 20 || n >= lines) {
      await write(encode(chunk));
      chunk = "";
    }
  }
  out.end();
  await once(out, "finish");
}
