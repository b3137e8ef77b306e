// The after-sales dashboard (GET /aftersales/dashboard, docs/AFTERSALES.md "KPIs"): refund rate and
// amount by shop, reason and SKU, return rate, average handling time, SLA attainment, saved returns
// and bad reviews turned good over the local days from…to, read through the MetricSource goals and
// pay read. The owner and the customer_service leads see every case; a customer_service member the
// cases they had (their own figures, without rates: a person has no orders to divide by); anyone
// else is refused. Every line is a sum of cases, and the totals are the sums of the lines.
import type { Actor } from "../../core/actor.js";
import { FIGURE_KEYS, figureRates, type AftersalesFigures } from "../../core/aftersales/kpi.js";
import { can } from "../../core/can.js";
import { assertSpan } from "../../core/calendar/range.js";
import { fail } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { formatMoney } from "../../core/money.js";
import { msg, renderMessage, type Locale, type MessageCode } from "../../core/messages/index.js";
import { PeopleRepository } from "../orders/people.repository.js";
import { MetricSource } from "../metrics/metric-source.js";
import type { ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { AftersalesKpiRepository } from "./aftersales-kpi.repository.js";
import type { AftersalesSubject } from "./aftersales-period.js";
import { CaseSourceRepository } from "./case-sources.repository.js";

export interface DashboardQuery {
  from: string;
  to: string;
  shopId?: string;
}

/** A line's figures with its denominator and rates. */
export type DashboardFigures = AftersalesFigures & {
  paidOrders: number | null;
  refundRate: number | null;
  returnRate: number | null;
  avgHandlingMinutes: number | null;
  slaAttainment: number | null;
};

const withRates = (f: AftersalesFigures, paidOrders: number | null): DashboardFigures => ({
  ...f,
  paidOrders,
  ...figureRates(f, paidOrders),
});

export class AftersalesDashboardService {
  constructor(private readonly deps: ServiceDeps) {}

  async dashboard(actor: Actor, q: DashboardQuery) {
    const pa = await authorizeAftersales(this.deps.db, actor, "aftersales.kpi.own");
    const all = can(pa, "aftersales.kpi.all");
    assertSpan(q.from, q.to, LIMITS.kpiRangeMaxDays);
    const ws = actor.workspaceId;
    const db = this.deps.db;
    const shopIds: string[] = [];
    if (q.shopId) {
      const shop = await new CaseSourceRepository(db).shop(ws, q.shopId);
      if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
      shopIds.push(shop.id);
    }
    const source = new MetricSource(this.deps, ws, { from: q.from, to: q.to });
    const period = await source.aftersales(shopIds);
    const only: AftersalesSubject = all ? "all" : { member: actor.memberId };
    const people = new PeopleRepository(db);
    const [members, shops] = await Promise.all([
      people.membersByName(ws),
      new AftersalesKpiRepository(db).shopNames(ws),
    ]);
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const shopName = new Map(shops.map((s) => [s.id, s.name]));
    const paid = (n: number) => (all ? n : null);

    const byShop = period
      .byShop(only)
      .map((l) => ({
        shopId: l.key,
        name: shopName.get(l.key) ?? l.key,
        ...withRates(l.figures, paid(period.paidOrdersOf(l.key))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.shopId.localeCompare(b.shopId));
    // A shop with paid orders and no case is a line too (its refund rate is 0 %).
    if (all)
      for (const id of shopIds.length ? shopIds : [...shopName.keys()])
        if (period.paidOrdersOf(id) > 0 && !byShop.some((l) => l.shopId === id))
          byShop.push({
            shopId: id,
            name: shopName.get(id) ?? id,
            ...withRates(zero(), period.paidOrdersOf(id)),
          });
    byShop.sort((a, b) => a.name.localeCompare(b.name) || a.shopId.localeCompare(b.shopId));

    const byMember = period
      .byMember(only)
      .map((l) => ({
        memberId: l.key,
        name: l.key ? (memberName.get(l.key) ?? null) : null,
        ...withRates(l.figures, null),
      }))
      .sort((a, b) =>
        a.memberId === null
          ? 1
          : b.memberId === null
            ? -1
            : (a.name ?? "").localeCompare(b.name ?? ""),
      );
    const totalPaid = paid(period.paidOrders());
    const byReason = period
      .byReason(only)
      .map((l) => ({ reasonCode: l.key, ...withRates(l.figures, totalPaid) }))
      .sort(
        (a, b) =>
          b.refunds - a.refunds || b.cases - a.cases || nullLast(a.reasonCode, b.reasonCode),
      );
    const skuLines = period.bySku(only);
    const skuPaid = all
      ? await period.paidOrdersBySku(skuLines.flatMap((l) => (l.key === null ? [] : [l.key])))
      : new Map<string, number>();
    const bySku = skuLines
      .map((l) => ({
        sku: l.key,
        ...withRates(l.figures, all && l.key !== null ? (skuPaid.get(l.key) ?? 0) : null),
      }))
      .sort((a, b) => b.refundFen - a.refundFen || b.refunds - a.refunds || nullLast(a.sku, b.sku));
    const totals = withRates(period.figures(only), totalPaid);
    return {
      from: q.from,
      to: q.to,
      shopId: shopIds[0] ?? null,
      scope: all ? ("all" as const) : ("own" as const),
      memberId: all ? null : actor.memberId,
      totals,
      byShop,
      byMember,
      byReason,
      bySku,
    };
  }

  /** The dashboard as rows for a CSV/XLSX file, headed in the reader's language; amounts in yuan. */
  async exportRows(actor: Actor, q: DashboardQuery, locale: Locale) {
    const d = await this.dashboard(actor, q);
    const t = (code: MessageCode) => renderMessage(locale, msg(code));
    const pct = (r: number | null) => (r === null ? "" : (r * 100).toFixed(1));
    const row = (section: MessageCode, line: string, f: DashboardFigures) => [
      t(section),
      line,
      f.paidOrders ?? "",
      f.refunds,
      formatMoney(f.refundFen),
      pct(f.refundRate),
      f.returns,
      pct(f.returnRate),
      f.cases,
      f.ended,
      f.avgHandlingMinutes === null ? "" : f.avgHandlingMinutes.toFixed(1),
      f.slaMet,
      f.slaBreached,
      pct(f.slaAttainment),
      f.savedReturns,
      f.reviewsTurnedGood,
    ];
    const rows: (string | number)[][] = [
      (
        [
          "section",
          "line",
          "paid_orders",
          "refunds",
          "refund_amount",
          "refund_rate",
          "returns",
          "return_rate",
          "cases",
          "ended",
          "avg_handling",
          "sla_met",
          "sla_breached",
          "sla_attainment",
          "saved_returns",
          "reviews_turned_good",
        ] as const
      ).map((c) => t(`aftersales.kpi.col.${c}`)),
      row("aftersales.kpi.section.total", "", d.totals),
      ...d.byShop.map((l) => row("aftersales.kpi.section.shop", l.name, l)),
      ...d.byMember.map((l) =>
        row(
          "aftersales.kpi.section.member",
          l.memberId ? (l.name ?? l.memberId) : t("aftersales.kpi.line.unassigned"),
          l,
        ),
      ),
      ...d.byReason.map((l) =>
        row(
          "aftersales.kpi.section.reason",
          l.reasonCode
            ? renderMessage(locale, msg(`case.reason.${l.reasonCode}` as MessageCode))
            : t("aftersales.kpi.line.no_reason"),
          l,
        ),
      ),
      ...d.bySku.map((l) =>
        row("aftersales.kpi.section.sku", l.sku ?? t("aftersales.kpi.line.no_sku"), l),
      ),
    ];
    return { from: d.from, to: d.to, rows };
  }
}

/** Text order, null last. */
const nullLast = (a: string | null, b: string | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b);

const zero = (): AftersalesFigures =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as AftersalesFigures;
