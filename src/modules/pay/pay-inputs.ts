// Where a pay run's numbers come from: the shop data (shop KPIs, attributed sales of a person or a
// department, unattributed sales) for the rules that name such a base, the member's customer-service
// data for scorecard metrics that name a `kpi`, the shipping data for late-shipment events, the pack
// station for parcels packed and wrong parcels (when the workspace recorded packing in the period),
// the after-sales cases for bad reviews turned good (when the workspace had cases in the period),
// else what the owner entered. Every number is read through the MetricSource (modules/metrics), the reader
// goals use too. An entered value for a data-backed key overrides the data and the line says both, so
// a correction is visible on the statement. Sources are messages with the numbers as parameters.
import type { RequiredInput, InputValue } from "../../core/pay/statement.js";
import { showBase, V } from "../../core/pay/statement.js";
import { toFen } from "../../core/money.js";
import { msg, type Message } from "../../core/messages/index.js";
import { csKpiValue } from "../../core/cs/cs-metrics.js";
import {
  figureRates,
  isScoreAftersalesKpi,
  type ScoreAftersalesKpi,
} from "../../core/aftersales/kpi.js";
import type { OwnerSales } from "../orders/attribution.repository.js";
import type { MetricSource } from "../metrics/metric-source.js";

type Base = "gmv" | "paid" | "net" | "margin" | "quantity";
const what = (base: Base): Message =>
  msg(base === "quantity" ? "pay.what.items" : base === "net" ? "pay.what.net" : "pay.what.sales");
const pick = (s: OwnerSales, base: Base) =>
  base === "quantity" ? s.items : base === "net" ? s.gmvFen - s.refundFen : s.gmvFen;

export interface PayMember {
  id: string;
  name: string;
  departmentId: string | null;
}

/** Answers a run's data-backed inputs from the metrics of its dates (a projection: at a shop GMV). */
export class PayInputReader {
  constructor(
    private readonly metrics: MetricSource,
    private readonly override?: { shopGmvFen: number },
  ) {}

  private get range() {
    return { from: this.metrics.from, to: this.metrics.to };
  }

  /**
   * A scorecard metric bound to a CS KPI: the member's customer-service data of the period
   * (conversion in percent, response times in seconds), or null when they have none.
   */
  private async csMetric(
    req: Extract<RequiredInput, { kind: "metric" }>,
    m: PayMember,
  ): Promise<InputValue | null> {
    if (!req.kpi) return null;
    if (isScoreAftersalesKpi(req.kpi)) return this.aftersalesMetric(req.kpi, m);
    const t = await this.metrics.csTotals({ member: m.id });
    if (!t) return null;
    const value = csKpiValue(t, req.kpi);
    if (value === null) return null;
    const numbers = { ...this.range, inquirers: t.inquirers, paying: t.paying };
    return {
      value,
      source: msg(req.kpi === "inquiryConversion" ? "pay.src.cs" : "pay.src.cs_weighted", numbers),
    };
  }

  /**
   * A scorecard metric bound to an after-sales KPI: the member's cases of the period — SLA
   * attainment in percent (two decimals), average handling in minutes (one decimal) — or null
   * when they have none to measure (or the workspace had no case).
   */
  private async aftersalesMetric(
    kpi: ScoreAftersalesKpi,
    m: PayMember,
  ): Promise<InputValue | null> {
    const a = await this.metrics.aftersalesFigures({ member: m.id });
    if (!a) return null;
    const f = a.figures;
    const r = figureRates(f, null);
    if (kpi === "slaAttainment") {
      if (r.slaAttainment === null) return null;
      return {
        value: Math.round(r.slaAttainment * 10_000) / 100,
        source: msg("aftersales.kpi.src.sla", {
          ...this.range,
          met: f.slaMet,
          breached: f.slaBreached,
        }),
      };
    }
    if (r.avgHandlingMinutes === null) return null;
    return {
      value: Math.round(r.avgHandlingMinutes * 10) / 10,
      source: msg("aftersales.kpi.src.handling", {
        ...this.range,
        ended: f.ended,
        minutes: f.handlingMinutes,
      }),
    };
  }

  /** The value from the shop data for a requirement, or null when the data has no such number (margin, unbound scorecard metrics, events). */
  async value(
    req: RequiredInput,
    m: PayMember,
    departmentName: (id: string) => string,
  ): Promise<InputValue | null> {
    if (req.kind === "metric") return this.csMetric(req, m);
    if (req.kind === "event")
      return req.kpi === "wrongShipments"
        ? this.wrongShipments(m)
        : req.kpi === "reviewsTurnedGood"
          ? this.reviewsTurnedGood(m)
          : req.kpi
            ? this.lateShipments()
            : null;
    if (req.kind === "commission" && req.parcels) return this.parcelsPacked(req, m, departmentName);
    if (req.kind !== "commission" && req.kind !== "pool") return null;
    if (req.base === "margin" || (req.kind === "commission" && req.entered)) return null;
    const shopIds = req.kind === "commission" ? req.shopIds : [];
    if (
      (req.kind === "commission" && req.scope === "shop") ||
      (req.kind === "pool" && req.source === "shop")
    ) {
      const k = await this.metrics.kpis(shopIds);
      const projected = this.override && req.base !== "quantity" && req.base !== "net";
      const value =
        req.base === "quantity"
          ? k.totals.items
          : req.base === "net"
            ? toFen(k.totals.netGmv)
            : projected
              ? this.override!.shopGmvFen
              : toFen(k.totals.gmv);
      const metric = msg(
        req.base === "quantity"
          ? "pay.metric.items"
          : req.base === "net"
            ? "pay.metric.net"
            : "pay.metric.gmv",
      );
      return {
        value,
        source: projected
          ? msg("pay.src.projected_shop", { metric })
          : msg("pay.src.kpi", {
              metric,
              ...this.range,
              shops: k.shopIds.length,
              orders: k.totals.paidOrders,
            }),
      };
    }
    const shops = shopIds.length
      ? msg("pay.src.shops_n", { count: shopIds.length })
      : msg("pay.src.shops_all");
    let answer: InputValue;
    if (req.kind === "pool") {
      const s = await this.metrics.sales("unattributed", shopIds);
      answer = {
        value: pick(s, req.base),
        source: msg("pay.src.unattributed", {
          what: what(req.base),
          ...this.range,
          shops,
          orders: s.paidOrders,
        }),
      };
    } else if (req.scope === "person") {
      const s = await this.metrics.sales({ member: m.id }, shopIds);
      answer = {
        value: pick(s, req.base),
        source: msg("pay.src.attributed_member", {
          what: what(req.base),
          name: m.name,
          ...this.range,
          shops,
          orders: s.paidOrders,
        }),
      };
    } else if (!m.departmentId) {
      return { value: 0, source: msg("pay.src.no_department", { name: m.name }) };
    } else {
      const s = await this.metrics.sales({ department: m.departmentId }, shopIds);
      answer = {
        value: pick(s, req.base),
        source: msg("pay.src.attributed_department", {
          what: what(req.base),
          department: departmentName(m.departmentId),
          ...this.range,
          shops,
          orders: s.paidOrders,
        }),
      };
    }
    return this.override && req.base !== "quantity" ? this.atSameShare(answer, shopIds) : answer;
  }

  /**
   * Parcels packed in the period by the member (their department, everyone for the shop scope), or
   * null when the workspace recorded no packing then (a shop that does not scan enters the count).
   */
  private async parcelsPacked(
    req: Extract<RequiredInput, { kind: "commission" }>,
    m: PayMember,
    departmentName: (id: string) => string,
  ): Promise<InputValue | null> {
    const subject =
      req.scope === "person"
        ? { member: m.id }
        : req.scope === "department"
          ? m.departmentId
            ? { department: m.departmentId }
            : null
          : ("all" as const);
    if (!subject) return null;
    const { parcels } = await this.metrics.packingCounts(subject);
    if (parcels === null) return null;
    const numbers = { ...this.range, parcels };
    return {
      value: parcels,
      source:
        subject === "all"
          ? msg("logistics.people.src.parcels_all", numbers)
          : "member" in subject
            ? msg("logistics.people.src.parcels_member", { ...numbers, name: m.name })
            : msg("logistics.people.src.parcels_department", {
                ...numbers,
                department: departmentName(subject.department),
              }),
    };
  }

  /** Wrong parcels the pack station stopped for the member, or null when nobody scanned in the period. */
  private async wrongShipments(m: PayMember): Promise<InputValue | null> {
    const { wrongParcels } = await this.metrics.packingCounts({ member: m.id });
    if (wrongParcels === null) return null;
    return {
      value: wrongParcels,
      source: msg("logistics.people.src.wrong_parcels", {
        ...this.range,
        name: m.name,
        count: wrongParcels,
      }),
    };
  }

  /**
   * The member's bad reviews turned good in the period (after-sales, countReviewsTurnedGood's
   * source), or null when the workspace had no after-sales case then (the count is entered).
   */
  private async reviewsTurnedGood(m: PayMember): Promise<InputValue | null> {
    const a = await this.metrics.aftersalesFigures({ member: m.id });
    if (!a) return null;
    const count = a.figures.reviewsTurnedGood;
    return {
      value: count,
      source: msg("aftersales.kpi.src.reviews_turned_good", { ...this.range, name: m.name, count }),
    };
  }

  /** Paid orders of the period (every shop) shipped after their ship-by time or not shipped past it. */
  private async lateShipments(): Promise<InputValue> {
    const r = await this.metrics.shipping();
    return {
      value: r.late + r.overdue,
      source: msg("pay.src.shipping", {
        ...this.range,
        late: r.late,
        overdue: r.overdue,
        due: r.due,
      }),
    };
  }

  /** A projection at a shop GMV: attributed and unattributed sales keep their share of the shop's sales so far. */
  private async atSameShare(v: InputValue, shopIds: string[]): Promise<InputValue> {
    const shopFen = toFen((await this.metrics.kpis(shopIds)).totals.gmv);
    if (shopFen <= 0) return v;
    const target = this.override!.shopGmvFen;
    const value = Number(
      (BigInt(v.value) * BigInt(target) + BigInt(shopFen) / 2n) / BigInt(shopFen),
    );
    return {
      value,
      source: msg("pay.src.same_share", {
        value: v.value,
        target,
        shop: shopFen,
        source: v.source,
      }),
    };
  }

  /** A data value as the line shows it when an entered number replaces it. */
  static describe(v: InputValue, req: RequiredInput): Message {
    if (req.kind === "metric")
      return req.kpi === "inquiryConversion" || req.kpi === "slaAttainment"
        ? msg("pay.v.pct", { pct: v.value })
        : req.kpi === "avgHandlingMinutes"
          ? msg("aftersales.kpi.v.minutes", { minutes: v.value })
          : msg("pay.v.seconds", { s: v.value });
    if (req.kind === "event") return V.number(v.value);
    return showBase(v.value, "base" in req ? req.base : "gmv");
  }
}
