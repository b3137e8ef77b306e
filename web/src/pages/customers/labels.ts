// Segment and class names from the shared message catalogs (src/core/messages: the same texts as
// the server and the CLI), a score range in words, and the colour of each segment on the grid.
import type { Locale } from "../../api/types";
import { messageText } from "../../i18n/messages";

export const segmentLabel = (l: Locale, s: string) => messageText(l, `customers.segment.${s}`) ?? s;
export const classLabel = (l: Locale, c: string) => messageText(l, `customers.class.${c}`) ?? c;

/** Warm for the customers to keep, cool for those slipping away. */
export const SEGMENT_COLOR: Record<string, string> = {
  champions: "#389e0d",
  loyal: "#52c41a",
  potential_loyalists: "#95de64",
  new_customers: "#13c2c2",
  promising: "#5cdbd3",
  need_attention: "#faad14",
  about_to_sleep: "#ffc53d",
  at_risk: "#fa541c",
  cant_lose: "#cf1322",
  hibernating: "#8c8c8c",
  lost: "#bfbfbf",
};

interface Range {
  atLeast?: number | null;
  lessThan?: number | null;
  moreThan?: number | null;
  atMost?: number | null;
}

/** A score's values compactly: R "≥10 <30", F and M ">1 ≤2" (an open end left out). */
/** A score no value can have: its cut-offs tie (many customers with one order make F's 2 and 3 empty). */
export function emptyRange(r: Range): boolean {
  if (r.atLeast != null && r.lessThan != null) return r.atLeast >= r.lessThan;
  if (r.moreThan != null && r.atMost != null) return r.atMost <= r.moreThan;
  return false;
}

export function rangeText(r: Range, value: (n: number) => string = String): string {
  return [
    r.atLeast != null ? `≥${value(r.atLeast)}` : "",
    r.lessThan != null ? `<${value(r.lessThan)}` : "",
    r.moreThan != null ? `>${value(r.moreThan)}` : "",
    r.atMost != null ? `≤${value(r.atMost)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
