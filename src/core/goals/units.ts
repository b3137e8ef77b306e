// A goal's unit is a code ("unit.yuan"), rendered in the reader's language ("元" / "¥"), so a
// target reads "310,000 元" / "¥310,000" and a rate "60%" in either language. Units typed by hand
// ("张", "款") and units stored before codes that no code stands for stay as they were written.
// Pure: the goal services, the audit log and the web use it.
import { msg, type Message } from "../messages/index.js";

export const GOAL_UNITS = [
  "unit.yuan",
  "unit.percent",
  "unit.second",
  "unit.order",
  "unit.parcel",
  "unit.minute",
  "unit.case",
] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

export const isGoalUnit = (unit: string): unit is GoalUnit =>
  (GOAL_UNITS as readonly string[]).includes(unit);

/** What a KPI-bound goal is counted in when nobody chose a unit. */
export const KPI_UNIT = {
  gmv: "unit.yuan",
  netGmv: "unit.yuan",
  aov: "unit.yuan",
  attributedSales: "unit.yuan",
  paidOrders: "unit.order",
  conversion: "unit.percent",
  refundRate: "unit.percent",
  repurchaseRate: "unit.percent",
  shipOnTimeRate: "unit.percent",
  inquiryConversion: "unit.percent",
  firstResponse: "unit.second",
  averageResponse: "unit.second",
  parcelsPacked: "unit.parcel",
  wrongShipments: "unit.parcel",
  returnRate: "unit.percent",
  avgHandlingMinutes: "unit.minute",
  slaAttainment: "unit.percent",
  savedReturns: "unit.case",
  reviewsTurnedGood: "unit.case",
} as const satisfies Record<string, GoalUnit>;

/** The default unit of a KPI ("" for one this table does not know). */
export const kpiUnit = (kpi: string): GoalUnit | "" =>
  (KPI_UNIT as Record<string, GoalUnit | undefined>)[kpi] ?? "";

/**
 * How people write the units a code stands for, in either language, and how the server wrote them
 * before codes ("元", "%", "s", "单"); compared trimmed and in lower case.
 */
const ALIASES: Record<string, GoalUnit> = {
  元: "unit.yuan",
  "¥": "unit.yuan",
  "￥": "unit.yuan",
  rmb: "unit.yuan",
  cny: "unit.yuan",
  yuan: "unit.yuan",
  "%": "unit.percent",
  "％": "unit.percent",
  s: "unit.second",
  sec: "unit.second",
  秒: "unit.second",
  单: "unit.order",
  order: "unit.order",
  orders: "unit.order",
  件: "unit.parcel",
  parcel: "unit.parcel",
  parcels: "unit.parcel",
  分钟: "unit.minute",
  min: "unit.minute",
  minutes: "unit.minute",
  cases: "unit.case",
  个: "unit.case",
};

/** The unit to store for what was sent: a code (sent as one, or written as its sign or word), else the text trimmed. */
export function goalUnitOf(text: string): string {
  const t = text.trim();
  if (isGoalUnit(t)) return t;
  return ALIASES[t.toLowerCase()] ?? t;
}

/** The unit alone, e.g. in a form's unit field: a code's word or sign, a typed unit as it is. */
export const goalUnitLabel = (unit: string): Message =>
  isGoalUnit(unit) ? msg(unit) : msg("legacy.text", { text: unit });

/**
 * A number with its unit: the digits as the server keeps them (decimal text), grouped by thousands
 * when rendered ("310,000 元" / "¥310,000", "60%", "13.7 秒" / "13.7 s", "40 张").
 */
export function goalValue(value: string, unit: string): Message {
  if (isGoalUnit(unit)) return msg(`${unit}.value`, { value });
  if (unit === "") return msg("unit.none.value", { value });
  return msg("unit.text.value", { value, unit });
}
