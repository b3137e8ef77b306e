// The server's message codes in the reader's language. The server sends `code` + `params`
// (problem details, field errors, import problems); this catalog writes the sentence. A code the
// catalog does not know falls back to the server's English `detail`, so an older web never shows
// a raw code. Add a code here in both languages when a service starts sending it.
type Locale = "zh-CN" | "en";
type MessageParams = Record<string, string | number>;
import { MESSAGES_EN } from "./messages.en.js";
import { MESSAGES_ZH } from "./messages.zh-CN.js";

const CATALOGS: Record<Locale, Record<string, string>> = { "zh-CN": MESSAGES_ZH, en: MESSAGES_EN };

/** The catalog's text for a code in the locale, with `{name}` filled; undefined when unknown. */
export function messageText(
  locale: Locale,
  code: string | undefined,
  params: MessageParams = {},
): string | undefined {
  if (!code) return undefined;
  const template = CATALOGS[locale]?.[code];
  if (template === undefined) return undefined;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
