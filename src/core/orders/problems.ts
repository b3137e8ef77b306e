// Import problems and warnings are message codes with their place (file, row, column): the web,
// the API and the CLI render them in the reader's language from the same catalogs. Pure.
import {
  CATALOGS,
  isMessage,
  LOCALES,
  msg,
  renderMessage,
  storedMessage,
  type Locale,
  type Message,
  type MessageCode,
  type MessageParams,
} from "../messages/index.js";
import type { MoneyRefusal } from "../money.js";
import type { ImportWarning, Problem } from "./types.js";

/** A money refusal's message code (core/money.ts reasons). */
const MONEY_CODES = {
  empty: "shop.cell.empty",
  signs: "shop.cell.amount_signs",
  not_amount: "shop.cell.not_amount",
  decimals: "shop.cell.amount_decimals",
  too_large: "shop.cell.amount_too_large",
} as const satisfies Record<MoneyRefusal, MessageCode>;
export const moneyProblemCode = (reason: MoneyRefusal): MessageCode => MONEY_CODES[reason];

/** A problem at a place in a file. */
export const problemAt = (
  file: string | undefined,
  row: number,
  column: string,
  code: MessageCode,
  params: MessageParams = {},
): Problem => ({ ...(file === undefined ? {} : { file }), row, column, code, params });

/** What the problem is, without its place. */
export const problemMessage = (p: Pick<Problem, "code" | "params">): Message =>
  msg(p.code, p.params);

/**
 * Whether the problem's own text names its column ("实付金额: “12.3.4” is not an amount"): its
 * `column` parameter is the place's column and every catalog's text shows it.
 */
const namesColumn = (p: Problem): boolean =>
  p.params.column === p.column &&
  LOCALES.every((l) => (CATALOGS[l][p.code] ?? "").includes("{column}"));

/**
 * The problem with its place in front ("orders.csv row 3, column 实付金额: …"); the column is left
 * out of the place when the problem's text names it already ("orders.csv row 3: 实付金额: …").
 */
export function placedProblem(p: Problem): Message {
  const problem = problemMessage(p);
  if (p.column && namesColumn(p)) return placedProblem({ ...p, column: "" });
  if (p.file && p.column)
    return msg("shop.import.problem_file_row_column", {
      file: p.file,
      row: p.row,
      column: p.column,
      problem,
    });
  if (p.file) return msg("shop.import.problem_file_row", { file: p.file, row: p.row, problem });
  if (p.column)
    return msg("shop.import.problem_row_column", { row: p.row, column: p.column, problem });
  return msg("shop.import.problem_row", { row: p.row, problem });
}

/**
 * A refused import's headline: a whole file refused (empty, unreadable, too large: an upload.*
 * code) says so in its own words; otherwise how many problems, and the first with its place.
 */
export function refusalMessage(problems: readonly Problem[]): Message {
  const first = problems[0]!;
  if (first.code.startsWith("upload.")) return msg(first.code, first.params);
  return msg("shop.import.refused", { count: problems.length, first: placedProblem(first) });
}

/** A warning as a message, the file it is about in front when there is one. */
export function warningMessage(w: ImportWarning): Message {
  const warning = msg(w.code, w.params);
  return w.file ? msg("shop.warning.at_file", { file: w.file, warning }) : warning;
}

/** The problem's text in a language (without its place: the file, row and column are shown apart). */
export const problemText = (locale: Locale, p: Pick<Problem, "code" | "params">): string =>
  renderMessage(locale, problemMessage(p));

/**
 * Warnings as stored with an import (a JSON array): `{file?, code, params}` since codes exist, or
 * the English sentences written before, each kept readable as it was (a `legacy.text` message).
 */
export function storedWarnings(json: string): ImportWarning[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.map((w): ImportWarning => {
    if (typeof w === "string") {
      const m = storedMessage(w);
      return { code: m.code, params: m.params ?? {} };
    }
    const m = isMessage(w) ? w : storedMessage(JSON.stringify(w));
    const file =
      typeof (w as { file?: unknown })?.file === "string" ? (w as { file: string }) : null;
    return { ...(file ? { file: file.file } : {}), code: m.code, params: m.params ?? {} };
  });
}

/** Warnings for the import record's JSON column (see `storedWarnings`). */
export const storeWarnings = (warnings: readonly ImportWarning[]): string =>
  JSON.stringify(warnings);

/** A file format (a profile id, or a saved mapping) as a name in the reader's language. */
export function formatName(profileId: string): Message {
  if (profileId.startsWith("mapping:"))
    return msg("shop.format.mapping", { mapping: profileId.slice("mapping:".length) });
  const code = `shop.format.${profileId}`;
  return FORMAT_CODES.has(code)
    ? msg(code as MessageCode)
    : msg("legacy.text", { text: profileId });
}

/** A platform's name in the reader's language. */
export function platformName(platform: string): Message {
  const code = `shop.platform.${platform}`;
  return PLATFORM_CODES.has(code)
    ? msg(code as MessageCode)
    : msg("legacy.text", { text: platform });
}

const FORMAT_CODES = new Set<string>([
  "shop.format.taobao-orders",
  "shop.format.taobao-items",
  "shop.format.taobao-refunds",
  "shop.format.jd-orders",
  "shop.format.pdd-orders",
  "shop.format.pdd-refunds",
  "shop.format.douyin-orders",
  "shop.format.shopify-orders",
  "shop.format.woocommerce-items",
  "shop.format.woocommerce-packed",
  "shop.format.visitors",
] satisfies MessageCode[]);

const PLATFORM_CODES = new Set<string>([
  "shop.platform.taobao",
  "shop.platform.jd",
  "shop.platform.pdd",
  "shop.platform.douyin",
  "shop.platform.shopify",
  "shop.platform.woocommerce",
  "shop.platform.custom",
] satisfies MessageCode[]);
