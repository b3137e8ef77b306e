// KPIs over the daily rollups: other modules (goals, pay) call compute(); the dashboard also
// reads breakdowns and exports the numbers.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { fail } from "../../core/errors.js";
import {
  addTotals,
  computeKpis,
  KPI_DEFINITIONS,
  periods,
  previousRange,
  repurchaseRate,
  ZERO_TOTALS,
  type Granularity,
  type KpiTotals,
  type KpiValues,
} from "../../core/kpi/kpi.js";
import { LIMITS } from "../../core/limits.js";
import { formatMoney } from "../../core/money.js";
import type { Executor } from "../../db/database.js";
import type { ServiceDeps } from "../shared/context.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShop } from "./shop.access.js";
import { badField } from "./refusals.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import { StatsRepository } from "./stats.repository.js";

export interface KpiFilter {
  shopIds?: string[];
  platform?: string;
  from: string;
  to: string;
  granularity?: Granularity;
  /** Also count the range's customers for the repurchase rate (from shop_repeat_pairs: O(day pairs in the range)). */
  repurchase?: boolean;
}

const presentValues = (v: KpiValues) => ({
  gmv: formatMoney(v.gmvFen),
  netGmv: formatMoney(v.netGmvFen),
  paidOrders: v.paidOrders,
  aov: formatMoney(v.aovFen),
  itemsPerOrder: v.itemsPerOrder,
  refundRate: v.refundRate,
  refundAmountRate: v.refundAmountRate,
  refundedOrders: v.refundedOrders,
  refundAmount: formatMoney(v.refundFen),
  conversion: v.conversion,
  visitors: v.visitors,
  buyers: v.buyers,
  newCustomers: v.newCustomers,
  items: v.items,
});
export type KpiValuesDto = ReturnType<typeof presentValues>;

/** Local midnight of a date in a time zone, as a UTC instant. */
function zonedMidnight(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return new Date(guess - (asUtc - guess)).toISOString();
}

export class KpiService {
  constructor(private readonly deps: ServiceDeps) {}

  private async scope(db: Executor, workspaceId: string, f: KpiFilter) {
    assertSpan(f.from, f.to, LIMITS.kpiRangeMaxDays);
    let shops = await new ShopRepository(db).list(workspaceId);
    if (f.shopIds?.length) {
      const unknown = f.shopIds.filter((id) => !shops.some((s) => s.id === id));
      if (unknown.length) throw badField("shopId", "shop.no_such_shop", { ids: unknown });
      shops = shops.filter((s) => f.shopIds!.includes(s.id));
    }
    if (f.platform) shops = shops.filter((s) => s.platform === f.platform);
    const w = await new WorkspaceRepository(db).getById(workspaceId);
    let excluded: string[] = [];
    const currencies = [...new Set(shops.map((s) => s.currency))];
    if (currencies.length > 1) {
      // Amounts of different currencies are never added. Chosen shops must share one; "all shops"
      // means the shops in the workspace's currency, and the others are named as left out.
      if (f.shopIds?.length) throw fail("invalid", "shop.currencies_differ", { currencies });
      const main =
        w?.currency && currencies.includes(w.currency) ? w.currency : currencies.sort()[0]!;
      excluded = shops.filter((s) => s.currency !== main).map((s) => s.id);
      shops = shops.filter((s) => s.currency === main);
    }
    return { shops, currency: shops[0]?.currency ?? w?.currency ?? "CNY", excluded };
  }

  private async totalsByDay(
    db: Executor,
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
  ): Promise<Map<string, KpiTotals>> {
    const stats = new StatsRepository(db);
    const [daily, visitors] = await Promise.all([
      stats.daily(workspaceId, shopIds, from, to),
      stats.dailyVisitors(workspaceId, shopIds, from, to),
    ]);
    const out = new Map<string, KpiTotals>();
    for (const d of daily) out.set(d.date, { ...ZERO_TOTALS, ...d, visitors: 0 });
    for (const v of visitors)
      out.set(v.date, { ...(out.get(v.date) ?? ZERO_TOTALS), visitors: v.visitors });
    return out;
  }

  private series(byDay: Map<string, KpiTotals>, from: string, to: string, g: Granularity) {
    return periods(from, to, g).map((p) => {
      let t = ZERO_TOTALS;
      for (const [d, v] of byDay) if (d >= p.from && d <= p.to) t = addTotals(t, v);
      return { period: p.start, from: p.from, to: p.to, totals: t };
    });
  }

  /**
   * The KPI API other modules bind to (goals, pay): totals, a series per day/week/month and the
   * previous period of the same length. Reads only the rollups (O(days)); the repurchase rate
   * (with `repurchase: true`) sums the repurchase rollup's day pairs in the range (O(days²)).
   * Inside a transaction, pass it as `db` (one database handle per unit of work).
   */
  async compute(workspaceId: string, f: KpiFilter, db: Executor = this.deps.db) {
    const g = f.granularity ?? "day";
    const { shops, currency, excluded } = await this.scope(db, workspaceId, f);
    const ids = shops.map((s) => s.id);
    const prev = previousRange(f.from, f.to);
    const [byDay, prevByDay, repeat] = await Promise.all([
      this.totalsByDay(db, workspaceId, ids, f.from, f.to),
      this.totalsByDay(db, workspaceId, ids, prev.from, prev.to),
      f.repurchase
        ? new StatsRepository(db).repeatCustomers(workspaceId, ids, f.from, f.to)
        : Promise.resolve(null),
    ]);
    const sum = (m: Map<string, KpiTotals>) => [...m.values()].reduce(addTotals, ZERO_TOTALS);
    const totals = sum(byDay);
    const values = computeKpis(totals);
    return {
      currency,
      from: f.from,
      to: f.to,
      granularity: g,
      shopIds: ids,
      excludedShopIds: excluded,
      totals: {
        ...presentValues(values),
        repurchaseRate: repeat ? repurchaseRate(repeat.repeaters, repeat.customers) : null,
        customers: repeat ? repeat.customers : null,
        returningCustomers: repeat ? Math.max(0, repeat.customers - totals.newCustomers) : null,
      },
      previous: { ...prev, totals: presentValues(computeKpis(sum(prevByDay))) },
      series: this.series(byDay, f.from, f.to, g).map((p) => ({
        period: p.period,
        from: p.from,
        to: p.to,
        ...presentValues(computeKpis(p.totals)),
      })),
      previousSeries: this.series(prevByDay, prev.from, prev.to, g).map((p) => ({
        period: p.period,
        from: p.from,
        to: p.to,
        ...presentValues(computeKpis(p.totals)),
      })),
      definitions: KPI_DEFINITIONS,
    };
  }

  async get(actor: Actor, f: KpiFilter) {
    await authorizeShop(this.deps.db, actor, "shop.kpi.read");
    return this.compute(actor.workspaceId, f);
  }

  async breakdown(actor: Actor, f: KpiFilter) {
    await authorizeShop(this.deps.db, actor, "shop.kpi.read");
    const db = this.deps.db;
    const { shops, currency } = await this.scope(db, actor.workspaceId, f);
    const ids = shops.map((s) => s.id);
    const stats = new StatsRepository(db);
    const w = await new WorkspaceRepository(db).getById(actor.workspaceId);
    const tz = w?.timeZone ?? "Asia/Shanghai";
    const nextDay = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [byShop, top, provinces, reasons] = await Promise.all([
      stats.byShop(actor.workspaceId, ids, f.from, f.to),
      stats.topProducts(actor.workspaceId, ids, f.from, f.to, 10),
      stats.provinces(actor.workspaceId, ids, f.from, f.to),
      stats.refundReasons(
        actor.workspaceId,
        ids,
        zonedMidnight(f.from, tz),
        zonedMidnight(nextDay, tz),
      ),
    ]);
    const platforms = new Map<string, { paidOrders: number; gmvFen: number; refundFen: number }>();
    const shopRows = shops.map((s) => {
      const r = byShop.find((x) => x.shopId === s.id) ?? { paidOrders: 0, gmvFen: 0, refundFen: 0 };
      const p = platforms.get(s.platform) ?? { paidOrders: 0, gmvFen: 0, refundFen: 0 };
      platforms.set(s.platform, {
        paidOrders: p.paidOrders + r.paidOrders,
        gmvFen: p.gmvFen + r.gmvFen,
        refundFen: p.refundFen + r.refundFen,
      });
      return {
        shopId: s.id,
        name: s.name,
        platform: s.platform,
        paidOrders: r.paidOrders,
        gmv: formatMoney(r.gmvFen),
        refund: formatMoney(r.refundFen),
      };
    });
    return {
      currency,
      byShop: shopRows,
      byPlatform: [...platforms].map(([platform, p]) => ({
        platform,
        paidOrders: p.paidOrders,
        gmv: formatMoney(p.gmvFen),
        refund: formatMoney(p.refundFen),
      })),
      topProducts: top.map((t) => ({
        productKey: t.productKey,
        title: t.title,
        quantity: t.quantity,
        sales: formatMoney(t.salesFen),
      })),
      provinces: provinces.map((p) => ({
        province: p.province || "—",
        paidOrders: p.paidOrders,
        gmv: formatMoney(p.gmvFen),
      })),
      refundReasons: reasons.map((r) => ({
        reason: r.reason || "—",
        refunds: r.refunds,
        amount: formatMoney(r.amountFen),
      })),
    };
  }
}
