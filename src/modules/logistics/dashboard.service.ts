// The 物流 dashboard (docs/LOGISTICS.md, part cost) over the workspace's days from..to: the cost of
// the parcels shipped (by carrier, province, month, day and shop), the cost per parcel, the cost
// rate (物流成本率 = cost ÷ the GMV of the shops that shipped), parcels packed per packer and day,
// wrong shipments (wrong-parcel scans and re-shipments), missed shipments (paid orders past their
// ship-by time and still not shipped), the ship-on-time rate, and what carrier bills charged for the
// parcels of the period. Money in fen inside, decimal strings outside; rates as ratios.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { fail, fieldError } from "../../core/errors.js";
import { offsetSpans } from "../../core/logistics/local-days.js";
import { totalsOfGroups } from "../../core/logistics/reconcile.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage, type Locale, type Message } from "../../core/messages/index.js";
import { divRound, formatMoney } from "../../core/money.js";
import type { Executor } from "../../db/database.js";
import { ShippingKpiService } from "../orders/shipping.service.js";
import { ShopRepository } from "../orders/shop.repository.js";
import { StatsRepository } from "../orders/stats.repository.js";
import { MemberRepository } from "../org/member.repository.js";
import type { ServiceDeps } from "../shared/context.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import { CarrierRepository } from "./carriers.repository.js";
import { LogisticsDashboardRepository } from "./dashboard.repository.js";
import { authorizeLogistics } from "./logistics.access.js";

export interface DashboardFilter {
  from: string;
  to: string;
  shopId?: string;
}

/** The longest span the dashboard reads at once (days, both ends included). */
export const DASHBOARD_MAX_DAYS = LIMITS.kpiRangeMaxDays;
/** Missed orders listed by name (the count is always whole). */
export const MISSED_LISTED = 50;
/** The currency logistics costs are in (rate cards and carrier bills are in yuan). */
export const COST_CURRENCY = "CNY";

interface Sum {
  parcels: number;
  costed: number;
  costFen: number;
}
const zero = (): Sum => ({ parcels: 0, costed: 0, costFen: 0 });
const add = (a: Sum, b: Sum) => {
  a.parcels += b.parcels;
  a.costed += b.costed;
  a.costFen += b.costFen;
};
/** The figures of a group of parcels as the API shows them. */
const figures = (s: Sum) => ({
  parcels: s.parcels,
  costed: s.costed,
  notCosted: s.parcels - s.costed,
  cost: formatMoney(s.costFen),
  costPerParcel: s.costed === 0 ? null : formatMoney(divRound(s.costFen, s.costed)),
});
/** cost ÷ sales as a ratio, null without sales. */
const rate = (costFen: number, salesFen: number | null) =>
  salesFen === null || salesFen <= 0 ? null : costFen / salesFen;

export type LogisticsDashboard = Awaited<ReturnType<LogisticsDashboardService["compute"]>>;

export class LogisticsDashboardService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(actor: Actor, f: DashboardFilter) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    return this.compute(actor.workspaceId, f);
  }

  /** The dashboard's figures (no policy check: the caller made it; the CLI acts as the owner). */
  async compute(workspaceId: string, f: DashboardFilter, db: Executor = this.deps.db) {
    assertSpan(f.from, f.to, DASHBOARD_MAX_DAYS);
    const now = this.deps.clock().toISOString();
    const [workspace, shops, carriers, members] = await Promise.all([
      new WorkspaceRepository(db).getById(workspaceId),
      new ShopRepository(db).list(workspaceId),
      new CarrierRepository(db).list(workspaceId, now),
      new MemberRepository(db).listBrief(workspaceId),
    ]);
    if (f.shopId !== undefined && !shops.some((s) => s.id === f.shopId))
      throw fail(
        "invalid",
        "request.invalid",
        { fields: ["shopId"] },
        { fields: [fieldError("shopId", "shop.no_such_shop", { ids: [f.shopId] })] },
      );
    const shopIds = f.shopId === undefined ? null : [f.shopId];
    const spans = offsetSpans(f.from, f.to, workspace?.timeZone ?? "Asia/Shanghai");
    const start = spans[0]!.startIso;
    const end = spans.at(-1)!.endIso;
    const repo = new LogisticsDashboardRepository(db);
    const scope = shopIds ?? shops.map((s) => s.id);
    const [cells, provinces, packerDays, wrongScans, reshipped, billed, shipping, missed] =
      await Promise.all([
        repo.costCells(workspaceId, spans, shopIds),
        repo.provinceCells(workspaceId, start, end, shopIds),
        repo.packerDays(workspaceId, spans, shopIds),
        // Scans belong to a packer, not a shop: with a shop chosen they are left out.
        shopIds ? Promise.resolve([]) : repo.wrongParcelScans(workspaceId, start, end),
        repo.reshipments(workspaceId, start, end, shopIds),
        repo.billedGroups(workspaceId, start, end, shopIds),
        new ShippingKpiService(this.deps).compute(
          workspaceId,
          { from: f.from, to: f.to, shopIds: shopIds ?? undefined },
          db,
        ),
        repo.missedOrders(workspaceId, scope, f.from, f.to, now, MISSED_LISTED),
      ]);

    // Cost by carrier, shop, month and day, from the same cells.
    const total = zero();
    const byCarrier = new Map<string | null, Sum>();
    const byShop = new Map<string, Sum>();
    const byMonth = new Map<string, Sum>();
    const byDay = new Map<string, Sum>();
    const bump = <K>(m: Map<K, Sum>, k: K, c: Sum) => {
      let s = m.get(k);
      if (!s) m.set(k, (s = zero()));
      add(s, c);
    };
    for (const c of cells) {
      add(total, c);
      bump(byCarrier, c.carrierId, c);
      bump(byShop, c.shopId, c);
      bump(byMonth, c.date.slice(0, 7), c);
      bump(byDay, c.date, c);
    }

    // Sales: the GMV (paid date in the range) of the shops that shipped parcels in the range.
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const shipped = [...byShop.keys()];
    const gmv = new Map(
      (await new StatsRepository(db).byShop(workspaceId, shipped, f.from, f.to)).map((r) => [
        r.shopId,
        r.gmvFen,
      ]),
    );
    let salesFen = 0;
    let costOfSalesFen = 0;
    const shopRows = shipped
      .map((id) => {
        const s = byShop.get(id)!;
        const shop = shopById.get(id);
        const sameCurrency = (shop?.currency ?? COST_CURRENCY) === COST_CURRENCY;
        const sales = gmv.get(id) ?? 0;
        if (sameCurrency) {
          salesFen += sales;
          costOfSalesFen += s.costFen;
        }
        return {
          shopId: id,
          name: shop?.name ?? id,
          platform: shop?.platform ?? "",
          currency: shop?.currency ?? COST_CURRENCY,
          ...figures(s),
          sales: formatMoney(sales),
          costRate: sameCurrency ? rate(s.costFen, sales) : null,
          costFen: s.costFen,
        };
      })
      .sort((a, b) => b.costFen - a.costFen || a.name.localeCompare(b.name))
      .map(({ costFen: _costFen, ...row }) => row);

    const carrierById = new Map(carriers.map((c) => [c.id, c]));
    const names = new Map(members.map((m) => [m.id, m.name]));
    const memberName = (id: string | null) => (id === null ? null : (names.get(id) ?? null));

    // Parcels per packer: each day, and per packer the days they packed and the average.
    const packers = new Map<string, { parcels: number; days: number }>();
    for (const d of packerDays) {
      const p = packers.get(d.memberId) ?? { parcels: 0, days: 0 };
      p.parcels += d.parcels;
      p.days += 1;
      packers.set(d.memberId, p);
    }

    // Wrong shipments: wrong-parcel scans (stopped at the pack station) and re-shipments.
    const wrong = new Map<string | null, { scans: number; reshipped: number }>();
    for (const w of wrongScans)
      wrong.set(w.memberId, { scans: w.scans, reshipped: wrong.get(w.memberId)?.reshipped ?? 0 });
    for (const r of reshipped) {
      const e = wrong.get(r.memberId) ?? { scans: 0, reshipped: 0 };
      e.reshipped += r.parcels;
      wrong.set(r.memberId, e);
    }
    const scansTotal = wrongScans.reduce((n, w) => n + w.scans, 0);
    const reshippedTotal = reshipped.reduce((n, r) => n + r.parcels, 0);
    const bills = totalsOfGroups(billed);

    return {
      from: f.from,
      to: f.to,
      shopId: f.shopId ?? null,
      currency: COST_CURRENCY,
      totals: {
        ...figures(total),
        sales: formatMoney(salesFen),
        costRate: rate(costOfSalesFen, salesFen),
      },
      byCarrier: [...byCarrier]
        .map(([id, s]) => {
          const c = id === null ? undefined : carrierById.get(id);
          return {
            carrierId: id,
            code: c?.code ?? null,
            name: c?.name ?? null,
            ...figures(s),
            fen: s.costFen,
          };
        })
        .sort((a, b) => b.fen - a.fen || b.parcels - a.parcels)
        .map(({ fen: _fen, ...row }) => row),
      byProvince: provinces
        .map((p) => ({ province: p.province, ...figures(p), fen: p.costFen }))
        .sort((a, b) => b.fen - a.fen || b.parcels - a.parcels)
        .map(({ fen: _fen, ...row }) => row),
      byMonth: [...byMonth]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, s]) => ({ month, ...figures(s) })),
      byDay: [...byDay]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, s]) => ({ date, ...figures(s) })),
      byShop: shopRows,
      packers: {
        members: [...packers]
          .map(([memberId, p]) => ({
            memberId,
            name: memberName(memberId),
            parcels: p.parcels,
            days: p.days,
            perDay: Math.round((p.parcels / p.days) * 10) / 10,
          }))
          .sort((a, b) => b.parcels - a.parcels || (a.name ?? "").localeCompare(b.name ?? "")),
        days: packerDays
          .map((d) => ({ date: d.date, memberId: d.memberId, parcels: d.parcels }))
          .sort((a, b) => a.date.localeCompare(b.date) || a.memberId.localeCompare(b.memberId)),
      },
      wrong: {
        total: scansTotal + reshippedTotal,
        wrongParcelScans: scansTotal,
        reshipped: reshippedTotal,
        byMember: [...wrong]
          .map(([memberId, w]) => ({
            memberId,
            name: memberName(memberId),
            wrongParcelScans: w.scans,
            reshipped: w.reshipped,
          }))
          .sort(
            (a, b) =>
              b.wrongParcelScans + b.reshipped - (a.wrongParcelScans + a.reshipped) ||
              (a.name ?? "").localeCompare(b.name ?? ""),
          ),
      },
      missed: {
        count: shipping.overdue,
        orders: missed.map((o) => ({
          orderId: o.orderId,
          platformOrderId: o.platformOrderId,
          shopId: o.shopId,
          shop: shopById.get(o.shopId)?.name ?? o.shopId,
          paidAt: o.paidAt,
          shipBy: o.shipBy,
        })),
      },
      shipOnTime: {
        due: shipping.due,
        onTime: shipping.onTime,
        late: shipping.late,
        overdue: shipping.overdue,
        rate: shipping.rate,
      },
      billed: {
        lines: bills.lines,
        billed: formatMoney(bills.billedFen),
        computed: formatMoney(bills.computedFen),
        overcharged: formatMoney(bills.overchargedFen),
        undercharged: formatMoney(bills.underchargedFen),
        duplicate: formatMoney(bills.duplicateFen),
        reweighed: bills.counts.reweighed,
      },
    };
  }

  /**
   * The dashboard as tables for CSV/XLSX, in the reader's language: one per breakdown, each with
   * its title and header row. Money as decimal strings, rates as percentages with two decimals.
   */
  async exportTables(actor: Actor, f: DashboardFilter, locale: Locale) {
    const d = await this.get(actor, f);
    return { dashboard: d, tables: dashboardTables(d, locale) };
  }
}

export interface ExportTable {
  /** The sheet's name (XLSX) and the section's title (CSV). */
  title: string;
  rows: (string | number | null)[][];
}

const pct = (r: number | null) => (r === null ? null : (r * 100).toFixed(2));

/** The dashboard's tables in a language (XLSX sheets, CSV sections, the CLI's text). */
export function dashboardTables(d: LogisticsDashboard, locale: Locale): ExportTable[] {
  const t = (code: string, params?: Record<string, string | number>) =>
    renderMessage(locale, msg(`logistics.cost.export.${code}` as Message["code"], params));
  const cost = ["parcels", "costed", "notCosted", "cost", "costPerParcel"].map((c) => t(c));
  const fig = (r: ReturnType<typeof figures>) => [
    r.parcels,
    r.costed,
    r.notCosted,
    r.cost,
    r.costPerParcel,
  ];
  return [
    {
      title: t("summary"),
      rows: [
        [t("item"), t("value")],
        [t("from"), d.from],
        [t("to"), d.to],
        [t("parcels"), d.totals.parcels],
        [t("notCosted"), d.totals.notCosted],
        [t("cost"), d.totals.cost],
        [t("costPerParcel"), d.totals.costPerParcel],
        [t("sales"), d.totals.sales],
        [t("costRate"), pct(d.totals.costRate)],
        [t("shipOnTime"), pct(d.shipOnTime.rate)],
        [t("due"), d.shipOnTime.due],
        [t("late"), d.shipOnTime.late],
        [t("missed"), d.missed.count],
        [t("wrongScans"), d.wrong.wrongParcelScans],
        [t("reshipped"), d.wrong.reshipped],
        [t("billed"), d.billed.billed],
        [t("billedComputed"), d.billed.computed],
        [t("overcharged"), d.billed.overcharged],
        [t("undercharged"), d.billed.undercharged],
      ],
    },
    {
      title: t("byCarrier"),
      rows: [
        [t("carrier"), ...cost],
        ...d.byCarrier.map((r) => [r.name ?? t("noCarrier"), ...fig(r)]),
      ],
    },
    {
      title: t("byProvince"),
      rows: [
        [t("province"), ...cost],
        ...d.byProvince.map((r) => [r.province ?? t("noProvince"), ...fig(r)]),
      ],
    },
    {
      title: t("byMonth"),
      rows: [[t("month"), ...cost], ...d.byMonth.map((r) => [r.month, ...fig(r)])],
    },
    {
      title: t("byShop"),
      rows: [
        [t("shop"), ...cost, t("sales"), t("costRate")],
        ...d.byShop.map((r) => [r.name, ...fig(r), r.sales, pct(r.costRate)]),
      ],
    },
    {
      title: t("packers"),
      rows: [
        [t("date"), t("packer"), t("parcels")],
        ...d.packers.days.map((r) => [
          r.date,
          d.packers.members.find((m) => m.memberId === r.memberId)?.name ?? r.memberId,
          r.parcels,
        ]),
      ],
    },
  ];
}
