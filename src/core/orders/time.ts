// Platform local time → UTC. Chinese platforms write wall-clock time at +08:00; Shopify writes
// an offset; an explicit offset in the text always wins.

export interface ParsedTime {
  ok: true;
  iso: string;
}

const RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.(\d{1,6}))?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;

/** "+08:00" / "+0800" / "Z" → minutes east of UTC. */
export function offsetMinutes(offset: string): number | null {
  if (/^(z|utc|gmt)$/i.test(offset)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Parses "2025-12-07 19:08:25", "2025/12/7 9:08", "2025-12-07 19:08:25 +0000",
 * "2025-12-07T11:08:25Z" or a date alone, read at `defaultOffset` when the text has none.
 */
/** Why a text is not a time: the message code of the problem it makes (core/messages/shop.*.ts). */
export type TimeRefusal =
  | "shop.cell.not_datetime"
  | "shop.cell.bad_offset"
  | "shop.cell.invalid_datetime"
  | "shop.cell.invalid_date";

export function parseLocalTime(
  input: string,
  defaultOffset = "+08:00",
): { ok: true; iso: string } | { ok: false; reason: TimeRefusal; value: string } {
  const s = input.normalize("NFKC").trim();
  const m = RE.exec(s);
  if (!m) return { ok: false, reason: "shop.cell.not_datetime", value: input };
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "0", off] = m;
  const offMin = offsetMinutes(off ?? defaultOffset);
  if (offMin === null)
    return { ok: false, reason: "shop.cell.bad_offset", value: off ?? defaultOffset };
  const Y = Number(y),
    M = Number(mo),
    D = Number(d),
    H = Number(h),
    MI = Number(mi),
    S = Number(sec);
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || MI > 59 || S > 59)
    return { ok: false, reason: "shop.cell.invalid_datetime", value: input };
  const local = Date.UTC(Y, M - 1, D, H, MI, S, Number(frac.padEnd(3, "0").slice(0, 3)));
  const check = new Date(local);
  if (check.getUTCDate() !== D || check.getUTCMonth() !== M - 1)
    return { ok: false, reason: "shop.cell.invalid_date", value: input };
  return { ok: true, iso: new Date(local - offMin * 60_000).toISOString() };
}

/** The calendar date (YYYY-MM-DD) of a UTC instant in an IANA time zone. */
export { localDate } from "../plans/local-date.js";

/** A Date read from a spreadsheet cell (wall clock stored as UTC fields) → local text for parseLocalTime. */
export function wallClockText(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 19);
}
