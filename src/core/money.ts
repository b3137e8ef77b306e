// Money is integer minor units (fen / cents) everywhere; text is converted only at the edges.
// Parsing works on the digits as text, never through floating point, so "0.29" is 29 fen exactly.

/** Why a text is not an amount: a stable reason for message codes; `message` is the English text. */
export type MoneyRefusal = "empty" | "signs" | "not_amount" | "decimals" | "too_large";
export type MoneyParse =
  { ok: true; fen: number } | { ok: false; message: string; reason: MoneyRefusal };

const SYMBOLS = /^(?:¥|￥|\$|€|£|RMB|CNY|USD|EUR|GBP|HK\$|US\$)|(?:元|圆|RMB|CNY|USD|EUR|GBP)$/i;

/**
 * Parses an amount as platforms write it — "1,234.50", "¥12.3", "12.30元", "-5", "(12.50)",
 * "US$ 3.00", full-width digits — into integer fen. More than two decimals are accepted only when
 * the extra digits are zeros (exports write "12.3000"); anything else is refused rather than rounded.
 */
export function parseMoney(input: string): MoneyParse {
  let s = input.normalize("NFKC").trim();
  if (s === "") return { ok: false, message: "is empty", reason: "empty" };
  let signs = 0;
  if (s.startsWith("(") && s.endsWith(")")) {
    signs++;
    s = s.slice(1, -1).trim();
  }
  for (let i = 0; i < 3; i++) {
    if (/^[-−]/.test(s)) {
      signs++;
      s = s.slice(1).trim();
    }
    s = s.replace(SYMBOLS, "").trim();
  }
  if (signs > 1)
    return { ok: false, message: `"${input}" has more than one sign`, reason: "signs" };
  const negative = signs === 1;
  // Thousands separators: commas between digit groups (and the odd space or apostrophe).
  if (/^\d{1,3}([,' ]\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/[,' ]/g, "");
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === "" && (m[2] ?? "") === ""))
    return { ok: false, message: `"${input}" is not an amount`, reason: "not_amount" };
  const whole = m[1] === "" ? "0" : m[1]!;
  let frac = m[2] ?? "";
  if (frac.length > 2) {
    if (/[^0]/.test(frac.slice(2)))
      return { ok: false, message: `"${input}" has more than two decimals`, reason: "decimals" };
    frac = frac.slice(0, 2);
  }
  frac = frac.padEnd(2, "0");
  const digits = whole.replace(/^0+(?=\d)/, "") + frac;
  if (digits.length > 15)
    return { ok: false, message: `"${input}" is too large`, reason: "too_large" };
  const fen = Number(digits);
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

export class MoneyError extends Error {}

/** parseMoney that throws MoneyError. */
export function toFen(input: string): number {
  const r = parseMoney(input);
  if (!r.ok) throw new MoneyError(r.message);
  return r.fen;
}

/** Integer fen → "1234.50" (no grouping, "-" for negatives): the API's decimal-string form. */
export function formatMoney(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new MoneyError(`${fen} is not an integer amount of fen`);
  const neg = fen < 0;
  const abs = String(Math.abs(fen)).padStart(3, "0");
  return `${neg ? "-" : ""}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** Integer fen → "1,234.50" for people. */
export function formatMoneyGrouped(fen: number): string {
  const plain = formatMoney(fen);
  const [whole, frac] = plain.split(".") as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** a ÷ b rounded half away from zero, in integers (for averages of fen). */
export function divRound(a: number, b: number): number {
  if (b === 0) return 0;
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (Math.abs(r) * 2 >= Math.abs(b)) return q + (Math.sign(a) * Math.sign(b) || 1);
  return q;
}

/** Multiplies a unit price in fen by a quantity, exactly. */
export const times = (fen: number, quantity: number): number => fen * quantity;
