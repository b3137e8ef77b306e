// Small pieces shared by the goals pages: how numbers, units and metrics are shown, and what a
// metric's unit is by default. The digits are always the server's; nothing is recomputed here.
import type { GoalMetric, KpiMetric } from "../../api/goals";
import type { Translate } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

export const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
/** Decimal text from the server with thousands separators ("371256.50" → "371,256.50"); the digits are the server's. */
export const num = (s: string | null) =>
  s === null
    ? "—"
    : s.replace(
        /^(-?)(\d+)/,
        (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ","),
      );
/** The unit's place around a number: the currency sign in front ("¥300,000"), percent right after ("5%"), any other unit after a space ("12 款"). */
export const unitParts = (unit: string) => ({
  before: unit === "¥" ? "¥" : "",
  after: unit === "¥" || !unit ? "" : unit === "%" ? "%" : ` ${unit}`,
});
export const withUnit = (s: string | null, unit: string) =>
  s === null ? "—" : `${unitParts(unit).before}${num(s)}${unitParts(unit).after}`;
export const metricLabel = (t: Translate, m: GoalMetric) =>
  m.kind === "kpi"
    ? t(`goals.kpi.${m.kpi}` as MessageKey)
    : t(m.better === "lower" ? "goals.metric.manualLower" : "goals.metric.manual");

const MONEY = new Set<KpiMetric>(["attributedSales", "gmv", "netGmv", "aov"]);
const RATES = new Set<KpiMetric>([
  "conversion",
  "refundRate",
  "repurchaseRate",
  "shipOnTimeRate",
  "inquiryConversion",
]);
const SECONDS = new Set<KpiMetric>(["firstResponse", "averageResponse"]);
/** The unit a goal form fills in for a KPI: yuan for money, percent for rates, s for response times, none for counts and manual goals. */
export const defaultUnit = (m: GoalMetric) =>
  m.kind !== "kpi"
    ? ""
    : MONEY.has(m.kpi)
      ? "¥"
      : RATES.has(m.kpi)
        ? "%"
        : SECONDS.has(m.kpi)
          ? "s"
          : "";
