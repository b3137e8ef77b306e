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

export { emptyRange, rangeText } from "./ranges";
