// One language of messages. The server never writes a sentence for a reader: it sends or stores a
// `Message` ({code, params}) and the reader's language renders it from one catalog per language
// (en.ts, zh-CN.ts) — in the web, in the API's `detail`, in the CLI and in exports. A code without a
// translation fails the type check. Texts stored before codes existed are kept readable as
// `legacy.text` messages (see `storedMessage`).
import { MESSAGES_EN, type MessageCode } from "./en.js";
import { MESSAGES_ZH } from "./zh-CN.js";

export type { MessageCode } from "./en.js";
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/** A parameter: a value (never prose), a list of values or messages, or another message rendered in place. */
export type MessageParam =
  string | number | boolean | null | Message | readonly (string | number | Message)[];
export type MessageParams = { readonly [name: string]: MessageParam };

export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

/** A message; `msg("pay.month_locked", { month })`. */
export const msg = (code: MessageCode, params?: MessageParams): Message =>
  params ? { code, params } : { code };

export const CATALOGS: Record<Locale, Record<MessageCode, string>> = {
  "zh-CN": MESSAGES_ZH,
  en: MESSAGES_EN,
};

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(MESSAGES_EN, code);
}

export function isMessage(v: unknown): v is Message {
  return typeof v === "object" && v !== null && isMessageCode((v as { code?: unknown }).code);
}

/** The locale a reader asked for: an `Accept-Language` header or a stored preference; else undefined. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale | undefined {
  for (const c of candidates) {
    if (!c) continue;
    // "en-US,en;q=0.9,zh;q=0.8": the first language range that we have wins.
    for (const range of c.split(",")) {
      const tag = range.split(";")[0]!.trim().toLowerCase();
      if (tag.startsWith("zh")) return "zh-CN";
      if (tag.startsWith("en")) return "en";
    }
  }
  return undefined;
}

const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "、", en: ", " };

/** Integer fen as yuan with thousands separators and two decimals: 1234550 → "12,345.50". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** A number or decimal text with its whole part grouped by thousands: "310000.5" → "310,000.5". */
export function groupDigits(value: string | number): string {
  return String(value).replace(
    /^(-?)(\d+)/,
    (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ","),
  );
}

function renderParam(locale: Locale, value: MessageParam | undefined, format?: string): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value))
    return (value as readonly (string | number | Message)[])
      .map((v) => (typeof v === "object" ? renderMessage(locale, v) : String(v)))
      .join(LIST_SEPARATOR[locale]);
  if (typeof value === "object") return renderMessage(locale, value as Message);
  if (format === "fen" && typeof value === "number") return formatFen(value);
  if (format === "num" && (typeof value === "number" || typeof value === "string"))
    return groupDigits(value);
  return String(value);
}

/**
 * The message in the locale, its `{name}` placeholders filled. An unknown code (a newer server, an
 * older catalog) renders as the code itself with its parameters, never as an empty string.
 */
export function renderMessage(locale: Locale, message: Message): string {
  const template = (CATALOGS[locale] as Record<string, string | undefined>)[message.code];
  const params = message.params ?? {};
  if (template === undefined) return `${message.code} ${JSON.stringify(params)}`;
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, format?: string) =>
    name in params ? renderParam(locale, params[name], format) : whole,
  );
}

/**
 * A message stored in a text column: JSON `{code, params}` as written since codes exist, or a text
 * written before (kept as it is, in whatever language it was written: a `legacy.text` message).
 */
export function storedMessage(stored: string | null | undefined): Message {
  if (stored && stored.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (isMessage(parsed)) return parsed;
    } catch {
      // not JSON: a legacy text that happens to start with a brace
    }
  }
  return { code: "legacy.text", params: { text: stored ?? "" } };
}

/** A message for a text column (see `storedMessage`). */
export const storeMessage = (m: Message): string => JSON.stringify(m);
