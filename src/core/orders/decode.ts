// Bytes → text: UTF-8 BOM, else valid UTF-8, else GB18030 (a superset of GBK).
import iconv from "iconv-lite";

export type Encoding = "utf-8-bom" | "utf-8" | "gb18030";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"),
      encoding: "gb18030",
    };
  }
}

/** Encodes text as a platform would write it (for fixtures and exports). */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  if (encoding === "gb18030") return iconv.encode(text, "gb18030");
  const body = new TextEncoder().encode(text);
  if (encoding === "utf-8") return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Text with U+FFFD or many C1 controls was decoded with the wrong encoding. */
export function looksGarbled(text: string): boolean {
  const sample = text.slice(0, 20000);
  const bad = (sample.match(/\uFFFD|[\u0080-\u009f]/g) ?? []).length;
  return bad > 0 && bad / Math.max(1, sample.length) > 0.001;
}
