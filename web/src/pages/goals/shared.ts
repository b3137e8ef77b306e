// Small pieces shared by the goals pages: how numbers, units and metrics are shown, and what a
// metric's unit is by default. The digits are always the server's; nothing is recomputed here.
// Units are codes rendered in the page's language (src/core/goals/units.ts).
import type { GoalMetric } from "../../api/goals";
import type { Locale } from "../../api/types";
import type { Translate } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { renderMessage } from "../../i18n/messages";
import { goalUnitLabel, goalValue, kpiUnit } from "../../../../src/core/goals/units";

export const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
/** Decimal text from the server with thousands separators ("371256.50" → "371,256.50"); the digits are the server's. */
export const num = (s: string | null) =>
  s === null
    ? "—"
    : s.replace(
        /^(-?)(\d+)/,
        (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ","),
      );
/** A target or actual with its unit in the reader's language ("310,000 元" / "¥310,000", "60%", "40 张"); "—" when there is none. */
export const withUnit = (locale: Locale, s: string | null, unit: string) =>
  s === null ? "—" : renderMessage(locale, goalValue(s, unit));
const MARK = "\u0000";
/** What stands before and after the number ("¥" and "" in English, "" and " 元" in Chinese), to set the number apart. */
export const unitParts = (locale: Locale, unit: string) => {
  const [before = "", after = ""] = renderMessage(locale, goalValue(MARK, unit)).split(MARK);
  return { before, after };
};
/** The unit alone, as the goal form shows it: a code's sign or word, a typed unit as it was typed. */
export const unitLabel = (locale: Locale, unit: string) =>
  renderMessage(locale, goalUnitLabel(unit));
export const metricLabel = (t: Translate, m: GoalMetric) =>
  m.kind === "kpi"
    ? t(`goals.kpi.${m.kpi}` as MessageKey)
    : t(m.better === "lower" ? "goals.metric.manualLower" : "goals.metric.manual");

/** The unit a goal form fills in for a metric: its KPI's (core/goals/units.ts), none for a manual goal. */
export const defaultUnit = (m: GoalMetric): string => (m.kind === "kpi" ? kpiUnit(m.kpi) : "");
