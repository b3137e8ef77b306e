/**
 * Time-ordered ids (UUIDv7) stored as text, the same on SQLite and PostgreSQL: the uuid package's
 * layout and monotonic counter (48-bit milliseconds, a 32-bit sequence seeded at random each new
 * millisecond and counted up within it, then random bits), with the random bytes drawn 1,024 ids
 * at a time — an import makes millions of ids, and one crypto call per id was 3 % of its time.
 */
const POOL = 16 * 1024;
const pool = new Uint8Array(POOL);
let at = POOL;
let msecs = -Infinity;
let seq = 0;
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

export const newId = (): string => {
  if (at + 16 > POOL) {
    crypto.getRandomValues(pool);
    at = 0;
  }
  const r = at;
  at += 16;
  const now = Date.now();
  if (now > msecs) {
    seq = ((pool[r + 6]! & 0x7f) << 24) | (pool[r + 7]! << 16) | (pool[r + 8]! << 8) | pool[r + 9]!;
    msecs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) msecs++;
  }
  const h = HEX;
  return (
    h[(msecs / 0x10000000000) & 0xff]! +
    h[(msecs / 0x100000000) & 0xff]! +
    h[(msecs / 0x1000000) & 0xff]! +
    h[(msecs / 0x10000) & 0xff]! +
    "-" +
    h[(msecs / 0x100) & 0xff]! +
    h[msecs & 0xff]! +
    "-" +
    h[0x70 | ((seq >>> 28) & 0x0f)]! +
    h[(seq >>> 20) & 0xff]! +
    "-" +
    h[0x80 | ((seq >>> 14) & 0x3f)]! +
    h[(seq >>> 6) & 0xff]! +
    "-" +
    h[((seq << 2) & 0xff) | (pool[r + 10]! & 0x03)]! +
    h[pool[r + 11]!]! +
    h[pool[r + 12]!]! +
    h[pool[r + 13]!]! +
    h[pool[r + 14]!]! +
    h[pool[r + 15]!]!
  );
};
