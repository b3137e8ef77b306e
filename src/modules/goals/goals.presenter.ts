// Goal presentation and the small pure helpers the goal services share.
import { assertSpan } from "../../core/calendar/range.js";
import { achievement } from "../../core/goals/goals.js";
import { KPI_UNIT, type GoalUnit } from "../../core/goals/units.js";
import { LIMITS } from "../../core/limits.js";
import { type AssessmentRow, type CycleRow, type GoalRow } from "./goals.repository.js";
import type { KpiMetric, MetricDto } from "./goals.schema.js";

export const LOWER_IS_BETTER: ReadonlySet<KpiMetric> = new Set([
  "refundRate",
  "firstResponse",
  "averageResponse",
  "wrongShipments",
  "returnRate",
  "avgHandlingMinutes",
]);
export const RATES: ReadonlySet<KpiMetric> = new Set([
  "conversion",
  "refundRate",
  "repurchaseRate",
  "shipOnTimeRate",
]);
/** A KPI-bound goal's unit when none is given: a code rendered in the reader's language (core/goals/units.ts). */
export const KPI_UNITS: Record<KpiMetric, GoalUnit> = KPI_UNIT;

export const toHundredths = (points: number) => Math.round(points * 100);
export const fromHundredths = (h: number | null) => (h === null ? null : h / 100);
export const round4 = (x: number | null) =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000;
export const parseMetric = (g: { metric: string }) => JSON.parse(g.metric) as MetricDto;
export const betterOf = (m: MetricDto): "higher" | "lower" =>
  m.kind === "kpi" ? (LOWER_IS_BETTER.has(m.kpi) ? "lower" : "higher") : (m.better ?? "higher");

export type AssessmentStatus = "open" | "draft" | "submitted" | "reviewed" | "final";
export const assessmentStatus = (a: AssessmentRow | undefined): AssessmentStatus =>
  !a
    ? "open"
    : a.finalScore !== null
      ? "final"
      : a.reviewedAt
        ? "reviewed"
        : a.submittedAt
          ? "submitted"
          : "draft";

export function phase(c: CycleRow, today: string) {
  return today < c.startDate
    ? ("upcoming" as const)
    : today > c.endDate
      ? ("ended" as const)
      : ("running" as const);
}
export const presentCycle = (c: CycleRow, today: string) => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  from: c.startDate,
  to: c.endDate,
  status: c.status,
  phase: phase(c, today),
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export type Live = Map<string, string | null>;

export function presentGoal(g: GoalRow, live: Live) {
  const metric = parseMetric(g);
  let actual: string | null = g.actual;
  let actualSource: "kpi" | "entered" | "final" | "none" =
    g.actual === null ? "none" : metric.kind === "kpi" ? "final" : "entered";
  if (metric.kind === "kpi" && g.actual === null) {
    actual = live.get(g.id) ?? null;
    actualSource = actual === null ? "none" : "kpi";
  }
  const better = betterOf(metric);
  return {
    id: g.id,
    cycleId: g.cycleId,
    memberId: g.memberId,
    departmentId: g.departmentId,
    title: g.title,
    weight: g.weight,
    target: g.target,
    unit: g.unit,
    metric,
    better,
    status: g.status,
    statusComment: g.statusComment,
    agreementNo: g.agreementNo,
    proposedBy: g.proposedBy,
    actual,
    actualSource,
    achievement:
      actual === null ? null : round4(achievement(Number(actual), Number(g.target), better)),
    selfScore: fromHundredths(g.selfScore),
    selfComment: g.selfComment,
    leadScore: fromHundredths(g.leadScore),
    leadComment: g.leadComment,
    createdBy: g.createdBy,
    version: g.version,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}
export type GoalDto = ReturnType<typeof presentGoal>;

/** Weighted achievement of the goals that have an actual, as a fraction. */
export function weightedAchievement(goals: GoalDto[]): number | null {
  const withA = goals.filter((g) => g.achievement !== null);
  const w = withA.reduce((s, g) => s + g.weight, 0);
  return w === 0 ? null : round4(withA.reduce((s, g) => s + g.weight * g.achievement!, 0) / w);
}

export function snapshot(g: GoalRow) {
  return {
    title: g.title,
    weight: g.weight,
    target: g.target,
    unit: g.unit,
    metric: parseMetric(g),
    memberId: g.memberId,
    departmentId: g.departmentId,
  };
}

/** A cycle's dates: supported dates, in order, at most LIMITS.goalCycleMaxDays long. */
export function checkRange(from: string, to: string) {
  assertSpan(from, to, LIMITS.goalCycleMaxDays);
}

/** The KPI's value as goal text: money in yuan, counts, rates in percent (two decimals). */
export function kpiValue(
  totals: {
    gmv: string;
    netGmv: string;
    aov: string;
    paidOrders: number;
    conversion: number | null;
    refundRate: number | null;
    repurchaseRate: number | null;
  },
  kpi: KpiMetric,
): string | null {
  if (RATES.has(kpi)) {
    const v = totals[kpi as "conversion" | "refundRate" | "repurchaseRate"];
    return v === null ? null : (v * 100).toFixed(2);
  }
  if (kpi === "paidOrders") return String(totals.paidOrders);
  return totals[kpi as "gmv" | "netGmv" | "aov"];
}
