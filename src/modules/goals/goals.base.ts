// What every goal use case needs: access rules, the workspace's today, live KPI actuals, notices.
import type { Actor } from "../../core/actor.js";
import { notFound } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { localDate } from "../../core/plans/local-date.js";
import type { Executor } from "../../db/database.js";
import { KpiService } from "../orders/kpi.service.js";
import { AttributedSales } from "../orders/attribution.service.js";
import { ShippingKpiService } from "../orders/shipping.service.js";
import { formatMoney } from "../../core/money.js";
import { csKpiText, isCsKpi } from "../../core/cs/cs-metrics.js";
import { CsPeriod } from "../cs/cs-period.js";
import { type ServiceDeps } from "../shared/context.js";
import { GoalAccess } from "./goals.policy.js";
import { GoalRepository, type CycleRow, type GoalRow } from "./goals.repository.js";
import { kpiValue, parseMetric, type Live } from "./goals.presenter.js";

export class GoalServiceBase {
  constructor(protected readonly deps: ServiceDeps) {}

  protected async access(db: Executor, actor: Actor) {
    const repo = new GoalRepository(db);
    const [members, departments] = await Promise.all([
      repo.members(actor.workspaceId),
      repo.departments(actor.workspaceId),
    ]);
    return new GoalAccess(actor, { members, departments });
  }

  protected async today(db: Executor, workspaceId: string) {
    const w = await new GoalRepository(db).timeZone(workspaceId);
    return localDate(this.deps.clock(), w?.timeZone ?? "Asia/Shanghai");
  }

  /** Live actuals of KPI-bound goals: the KPI over the cycle's dates up to today (none before it starts). */
  protected async liveActuals(
    workspaceId: string,
    cycle: CycleRow,
    goals: GoalRow[],
    today: string,
  ): Promise<Live> {
    const out: Live = new Map();
    const to = cycle.endDate < today ? cycle.endDate : today;
    if (to < cycle.startDate) return out;
    const kpis = new KpiService(this.deps);
    const cache = new Map<string, Awaited<ReturnType<KpiService["compute"]>> | null>();
    const attributed = new Map<string, Promise<AttributedSales>>();
    let cs: Promise<CsPeriod> | undefined;
    for (const g of goals) {
      const m = parseMetric(g);
      if (m.kind !== "kpi" || g.actual !== null) continue;
      const shopIds = m.shopIds ?? [];
      if (m.kpi === "shipOnTimeRate") {
        const r = await new ShippingKpiService(this.deps)
          .compute(workspaceId, { from: cycle.startDate, to, shopIds })
          .catch(() => null);
        out.set(g.id, r && r.rate !== null ? (r.rate * 100).toFixed(2) : null);
        continue;
      }
      if (isCsKpi(m.kpi)) {
        // Customer-service data is per member, not per shop: a member goal reads theirs, a department goal its members'.
        cs ??= CsPeriod.load(this.deps.db, workspaceId, { from: cycle.startDate, to });
        const period = await cs;
        const t = g.memberId
          ? period.member(g.memberId)
          : g.departmentId
            ? period.department(g.departmentId)
            : null;
        out.set(g.id, t ? csKpiText(t, m.kpi) : null);
        continue;
      }
      if (m.kpi === "attributedSales") {
        const key = shopIds.join(",");
        if (!attributed.has(key))
          attributed.set(
            key,
            AttributedSales.load(this.deps.db, workspaceId, { from: cycle.startDate, to, shopIds }),
          );
        const sales = await attributed.get(key)!;
        const s = g.memberId
          ? sales.member(g.memberId)
          : g.departmentId
            ? sales.department(g.departmentId)
            : null;
        out.set(g.id, s ? formatMoney(s.gmvFen) : null);
        continue;
      }
      const key = `${m.kpi === "repurchaseRate" ? "r" : "-"}|${shopIds.join(",")}`;
      if (!cache.has(key)) {
        try {
          cache.set(
            key,
            await kpis.compute(workspaceId, {
              shopIds: shopIds.length ? shopIds : undefined,
              from: cycle.startDate,
              to,
              repurchase: m.kpi === "repurchaseRate",
            }),
          );
        } catch {
          cache.set(key, null); // a shop removed since: no actual rather than a failure
        }
      }
      const k = cache.get(key);
      out.set(g.id, k ? kpiValue(k.totals, m.kpi) : null);
    }
    return out;
  }

  protected async cycleOr404(db: Executor, actor: Actor, id: string) {
    const c = await new GoalRepository(db).getCycle(actor.workspaceId, id);
    if (!c) throw notFound("Goal cycle");
    return c;
  }

  protected async notify(
    db: Executor,
    workspaceId: string,
    memberId: string | null,
    kind: string,
    title: string,
    body: string,
    link: string,
    at: string,
    out: string[],
  ) {
    if (!memberId) return;
    await new GoalRepository(db).notify({
      workspaceId,
      id: newId(),
      memberId,
      kind,
      title,
      body,
      link,
      readAt: null,
      createdAt: at,
    });
    out.push(memberId);
  }
  protected publish(workspaceId: string, memberIds: string[]) {
    for (const memberId of new Set(memberIds))
      this.deps.events?.publish(workspaceId, { type: "notification", memberId });
  }

  // ---- cycles ----
}
