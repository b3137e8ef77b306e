// A small XML scanner over UTF-8 bytes for the parts of an XLSX: elements, attributes and text,
// chunk by chunk. It works on the bytes (a '<', '>' or quote byte never occurs inside a multi-byte
// character), decodes only the text and attributes it hands out — each a fresh string, so a kept
// cell does not keep its chunk alive — and holds at most one unfinished token between chunks,
// refused past a bound. DTDs are refused (OOXML has none; no entity expansion). About ten times
// faster than a general SAX parser, which matters when a hostile file is read up to its limits.
import { refuse } from "../../core/orders/read-limits.js";

export type Attrs = Record<string, string>;
export interface XmlHandlers {
  open(name: string, attrs: Attrs): void;
  /** Text between tags; asked for only while `wantText` says so (when given). */
  text?(text: string): void;
  wantText?(): boolean;
  close?(name: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== "#") return NAMED[e]!;
    const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
  });
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const QUOTE = 0x22,
  APOS = 0x27,
  GT = 0x3e,
  SLASH = 0x2f,
  EQ = 0x3d;
const NON_ASCII = /[\x80-\xff]/;

/**
 * The chunk twice: its bytes, and the same bytes as a one-byte (latin1) string whose indices are
 * byte offsets — names and markup are found in the string, text is decoded from the bytes.
 */
interface Chunk {
  buf: Buffer;
  str: string;
}

/** UTF-8 text of a byte range, entities decoded: a fresh string (a kept cell keeps no chunk alive). */
const textOf = (c: Chunk, from: number, to: number) => decode(c.buf.toString("utf8", from, to));

/** The element's name without its namespace prefix. */
function localName(c: Chunk, from: number, to: number): string {
  let start = from;
  for (let i = from; i < to; i++) if (c.str.charCodeAt(i) === 0x3a) start = i + 1;
  return c.str.slice(start, to);
}

function attributes(c: Chunk, from: number, to: number): Attrs {
  const { str } = c;
  const out: Attrs = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(str.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && str.charCodeAt(i) !== EQ && !isSpace(str.charCodeAt(i))) i++;
    const name = str.slice(nameStart, i);
    while (i < to && str.charCodeAt(i) !== QUOTE && str.charCodeAt(i) !== APOS) i++;
    const q = str.charCodeAt(i++);
    const valueStart = i;
    while (i < to && str.charCodeAt(i) !== q) i++;
    if (name) {
      const raw = str.slice(valueStart, i);
      out[name] = NON_ASCII.test(raw) ? textOf(c, valueStart, i) : decode(raw);
    }
    i++;
  }
  return out;
}

export class XmlScanner {
  private carry: Buffer | null = null;
  constructor(
    private readonly on: XmlHandlers,
    private readonly maxToken: number,
    private readonly tooLong: () => Error,
  ) {}

  write(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const c: Chunk = { buf, str: buf.toString("latin1") };
    this.carry = null;
    let i = 0;
    while (i < buf.length) {
      const lt = c.str.indexOf("<", i);
      if (lt < 0) break;
      if (lt > i && this.on.text && (this.on.wantText?.() ?? true)) this.on.text(textOf(c, i, lt));
      const next = this.token(c, lt);
      if (next < 0) {
        i = lt;
        break;
      }
      i = next;
    }
    if (i < buf.length) {
      if (buf.length - i > this.maxToken) throw this.tooLong();
      this.carry = Buffer.from(buf.subarray(i));
    }
  }

  end(): void {
    if (this.carry && this.carry.some((c) => !isSpace(c)))
      throw refuse.unreadable("its XML is cut short");
  }

  /** Handles the token at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private token(c: Chunk, lt: number): number {
    const { str } = c;
    if (lt + 1 >= str.length) return -1;
    if (str.startsWith("<!", lt)) {
      if (str.startsWith("<!--", lt)) {
        const e = str.indexOf("-->", lt + 4);
        return e < 0 ? -1 : e + 3;
      }
      if (str.startsWith("<![CDATA[", lt)) {
        const e = str.indexOf("]]>", lt + 9);
        if (e < 0) return -1;
        if (this.on.text && (this.on.wantText?.() ?? true))
          this.on.text(c.buf.toString("utf8", lt + 9, e));
        return e + 3;
      }
      if (str.length - lt < 9) return -1;
      throw refuse.unreadable("its XML has a document type declaration");
    }
    if (str.startsWith("<?", lt)) {
      const e = str.indexOf("?>", lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    // The end of the tag: the first '>' outside quoted attribute values.
    let gt = str.indexOf(">", lt);
    if (gt < 0) return -1;
    let quoted = false;
    for (let j = lt + 1; j < gt && !quoted; j++) {
      const ch = str.charCodeAt(j);
      quoted = ch === QUOTE || ch === APOS;
    }
    if (quoted) {
      gt = -1;
      for (let j = lt + 1, q = 0; j < str.length; j++) {
        const ch = str.charCodeAt(j);
        if (q) {
          if (ch === q) q = 0;
        } else if (ch === QUOTE || ch === APOS) q = ch;
        else if (ch === GT) {
          gt = j;
          break;
        }
      }
      if (gt < 0) return -1;
    }
    if (str.charCodeAt(lt + 1) === SLASH) {
      let e = lt + 2;
      while (e < gt && !isSpace(str.charCodeAt(e))) e++;
      this.on.close?.(localName(c, lt + 2, e));
      return gt + 1;
    }
    const selfClosing = str.charCodeAt(gt - 1) === SLASH;
    const end = selfClosing ? gt - 1 : gt;
    let n = lt + 1;
    while (n < end && !isSpace(str.charCodeAt(n))) n++;
    const name = localName(c, lt + 1, n);
    this.on.open(name, n < end ? attributes(c, n, end) : {});
    if (selfClosing) this.on.close?.(name);
    return gt + 1;
  }
}
