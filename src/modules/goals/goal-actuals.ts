// Live actuals of KPI-bound goals: the KPI over the cycle's dates up to today, read through the one
// metric reader goals and pay share (modules/metrics/metric-source.ts). Goals only choose the
// subject and the KPI, and write the number as goal text; how a number is read lives there.
import { formatMoney } from "../../core/money.js";
import { csKpiText, isCsKpi } from "../../core/cs/cs-metrics.js";
import { aftersalesKpiText, isAftersalesKpi } from "../../core/aftersales/kpi.js";
import type { MetricRange, MetricSource, MetricSubject } from "../metrics/metric-source.js";
import type { CycleRow, GoalRow } from "./goals.repository.js";
import { kpiValue, parseMetric, type Live } from "./goals.presenter.js";

/** What goals read of the shop's numbers over one range: the part of `MetricSource` they use. */
export type GoalMetricReader = Pick<
  MetricSource,
  "kpis" | "sales" | "csTotals" | "shipping" | "packingCounts" | "aftersalesFigures"
>;
/** Opens a reader for a workspace and a range (each family read once per reader). */
export type GoalMetrics = (workspaceId: string, range: MetricRange) => GoalMetricReader;

export class GoalActuals {
  constructor(private readonly metrics: GoalMetrics) {}

  /** Live actuals of KPI-bound goals without a fixed actual; none before the cycle starts. */
  async live(workspaceId: string, cycle: CycleRow, goals: GoalRow[], today: string): Promise<Live> {
    const out: Live = new Map();
    const to = cycle.endDate < today ? cycle.endDate : today;
    if (to < cycle.startDate) return out;
    const source = this.metrics(workspaceId, { from: cycle.startDate, to });
    for (const g of goals) {
      const m = parseMetric(g);
      if (m.kind !== "kpi" || g.actual !== null) continue;
      const shopIds = m.shopIds ?? [];
      // Attributed sales and customer-service data are per person: a member goal reads the
      // member's, a department goal its department's (with the departments below).
      const subject: MetricSubject | null = g.memberId
        ? { member: g.memberId }
        : g.departmentId
          ? { department: g.departmentId }
          : null;
      if (m.kpi === "shipOnTimeRate") {
        const r = await source.shipping(shopIds).catch(() => null);
        out.set(g.id, r && r.rate !== null ? (r.rate * 100).toFixed(2) : null);
      } else if (m.kpi === "parcelsPacked" || m.kpi === "wrongShipments") {
        // Per person like CS data; no number when the workspace recorded no packing in the cycle.
        const c = subject ? await source.packingCounts(subject) : null;
        const n = c ? (m.kpi === "parcelsPacked" ? c.parcels : c.wrongParcels) : null;
        out.set(g.id, n === null ? null : String(n));
      } else if (isAftersalesKpi(m.kpi)) {
        // The cases the goal's member had, its department's members' — or, for a goal of
        // neither, every case with the paid orders (return rate); none while there were no cases.
        const a = await source.aftersalesFigures(subject ?? "all", shopIds).catch(() => null);
        out.set(g.id, a ? aftersalesKpiText(a.figures, a.paidOrders, m.kpi) : null);
      } else if (isCsKpi(m.kpi)) {
        const t = subject ? await source.csTotals(subject) : null;
        out.set(g.id, t ? csKpiText(t, m.kpi) : null);
      } else if (m.kpi === "attributedSales") {
        const s = subject ? await source.sales(subject, shopIds) : null;
        out.set(g.id, s ? formatMoney(s.gmvFen) : null);
      } else {
        // A shop removed since: no actual rather than a failure.
        const k = await source
          .kpis(shopIds, { repurchase: m.kpi === "repurchaseRate" })
          .catch(() => null);
        out.set(g.id, k ? kpiValue(k.totals, m.kpi) : null);
      }
    }
    return out;
  }
}
