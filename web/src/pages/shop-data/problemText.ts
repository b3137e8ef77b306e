// Import problems are written by the reader of the files in English, with the file's own headers
// and values in them. For a Chinese reader the known phrases are shown in Chinese; the headers,
// values, rows and order ids stay exactly as they are. An unknown phrase stays English.
import { messageText } from "../../i18n/messages.js";
import { replaceFirst, type Phrase } from "../../i18n/phrases.js";

const ZH: Phrase[] = [
  [/^The file is empty$/, "文件是空的"],
  [
    /^The file's text encoding is not UTF-8 or GBK\/GB18030.*$/,
    "文件的文字编码既不是 UTF-8 也不是 GBK/GB18030，请从平台重新导出",
  ],
  [/^The file has a header but no rows$/, "文件只有表头，没有数据行"],
  [/^No saved column mapping named "(.+)" for this shop$/, "这个店铺没有名为“$1”的列映射"],
  [/^Column "(.+)" of mapping "(.+)" is not in the file$/, "列映射“$2”中的列“$1”不在文件里"],
  [
    /^Required column (.+?) of (.+?) is missing(?: \(also: (.+)\))?$/,
    (_m, col, label, also) => `缺少${label}的必需列 ${col}${also ? `（还缺：${also}）` : ""}`,
  ],
  [/^Required column (.+) is missing$/, "缺少必需列 $1"],
  [
    /^Could not recognise the file from its headers.*$/,
    "无法从表头识别这个文件（支持淘宝、京东、拼多多、抖店、Shopify、WooCommerce 的订单、退款或访客数）",
  ],
  [/^This looks like a (.+) file, not (.+)$/, "这看起来是 $1 文件，而不是 $2"],
  [/^The files come from different platforms \((.+)\)$/, "这些文件来自不同平台（$1）"],
  [
    /^An item report \(宝贝报表\) needs the order report \(订单报表\) of the same period in the same import$/,
    "宝贝报表需要与同一时段的订单报表一起导入",
  ],
  [
    /^Row (\d+) repeats row (\d+) exactly \(duplicate row\)$/,
    "第 $1 行与第 $2 行完全相同（重复行）",
  ],
  [/^Order (.+) appears twice \(first at row (\d+)\)$/, "订单 $1 出现了两次（第一次在第 $2 行）"],
  [
    /^Order (.+) appears again at row (\d+), apart from its earlier rows.*$/,
    "订单 $1 在第 $2 行再次出现，与它前面的行不相连",
  ],
  [/^Order (.+) is also in (.+)$/, "订单 $1 也在 $2 中"],
  [/^(.+) is empty for order (.+)$/, "订单 $2 的 $1 为空"],
  [/^(.+) appears twice$/, "$1 出现了两次"],
  [
    /^Not valid CSV at row (\d+)(?: \(line (\d+)\))?: (.+)$/,
    (_m, row, line, reason) =>
      `第 ${row} 行${line ? `（第 ${line} 行文本）` : ""}不是有效的 CSV：${reason}`,
  ],
  [/: cannot read quantity or total in "(.*)"$/, "：无法从“$1”读出数量或金额"],
  // a value that cannot be read: "<header>: "x" is not an amount" and the like
  [/"(.*)" is not an amount$/, "“$1”不是金额"],
  [/"(.*)" has more than two decimals$/, "“$1”超过两位小数"],
  [/"(.*)" has more than one sign$/, "“$1”有多个正负号"],
  [/"(.*)" is too large$/, "“$1”太大"],
  [/"(.*)" is not a whole number$/, "“$1”不是整数"],
  [/"(.*)" is not a valid date and time$/, "“$1”不是有效的日期时间"],
  [/"(.*)" is not a date and time$/, "“$1”不是日期时间"],
  [/"(.*)" is not a valid date$/, "“$1”不是有效日期"],
  [/"(.*)" is not a UTC offset$/, "“$1”不是时区偏移"],
  [/ is empty$/, " 为空"],
];

// Warnings: "<file>: <warning>", the file name kept.
const WARNINGS_ZH: Phrase[] = [
  [
    /Order (.+?): unknown status "(.*)", read as (paid|unpaid)$/,
    (_m, id, status, as) =>
      `订单 ${id}：不认识的状态“${status}”，按${as === "paid" ? "已付款" : "未付款"}处理`,
  ],
  [
    /Order (.+?): (.+) differs between its rows \((.+)\); the first is used$/,
    "订单 $1：$2 在各行不一致（$3），采用第一行的",
  ],
  [
    /Item report: order (.+) is not in the order report; its lines are ignored$/,
    "宝贝报表：订单 $1 不在订单报表中，这些商品行已忽略",
  ],
];

/** A warning in Chinese where its phrases are known; otherwise unchanged. */
export function warningTextZh(text: string): string {
  return replaceFirst(WARNINGS_ZH, text);
}

/** A problem as its reader reads it: the catalog's text for its code, else the phrases above (English as sent). */
export function problemText(
  p: { message: string; code?: string; params?: Record<string, string | number> },
  locale: string,
): string {
  return (
    messageText(locale === "en" ? "en" : "zh-CN", p.code, p.params) ??
    (locale === "en" ? p.message : problemTextZh(p.message))
  );
}

/** The problem in Chinese where its phrases are known; otherwise unchanged. */
export function problemTextZh(text: string): string {
  return replaceFirst(ZH, text);
}
