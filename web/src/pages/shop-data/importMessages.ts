// Import problems and warnings in the page's language, from the codes the server sends (the same
// catalogs as the server and the CLI: src/core/messages/shop.*.ts). Switching the language
// re-renders them; the server's rendered `message` is shown only for a code this page does not know.
import { formatName, warningMessage } from "../../../../src/core/orders/problems.js";
import { isMessage, messageText, renderMessage } from "../../i18n/messages.js";

const pageLocale = (locale: string) => (locale === "en" ? "en" : "zh-CN");

export interface CodedText {
  code: string;
  params?: Record<string, unknown>;
  message: string;
}

/** A problem's text (its file, row and column are shown beside it). */
export const problemLine = (p: CodedText, locale: string): string =>
  messageText(pageLocale(locale), p.code, p.params as never) ?? p.message;

/** A warning's text, its file in front. */
export function noteLine(w: CodedText & { file?: string }, locale: string): string {
  const m = { code: w.code, params: w.params ?? {} };
  if (!isMessage(m)) return w.message;
  return renderMessage(
    pageLocale(locale),
    warningMessage({ ...(w.file ? { file: w.file } : {}), code: m.code, params: m.params ?? {} }),
  );
}

/** A detected file format's name (imports recorded before formats had ids show their label). */
export const formatLabel = (f: { profile?: string; label: string }, locale: string): string =>
  f.profile ? renderMessage(pageLocale(locale), formatName(f.profile)) : f.label;
