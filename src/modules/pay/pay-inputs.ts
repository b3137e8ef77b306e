// Where a pay run's numbers come from: the shop data (shop KPIs, attributed sales of a person or a
// department, unattributed sales) for the rules that name such a base, the member's customer-service
// data for scorecard metrics that name a `kpi`, else what the owner entered. An entered value for a data-backed key overrides the data and the line says both, so
// a correction is visible on the statement.
import type { RequiredInput, InputValue } from "../../core/pay/statement.js";
import { toFen, formatMoney } from "../../core/money.js";
import type { ServiceDeps } from "../shared/context.js";
import { KpiService } from "../orders/kpi.service.js";
import { AttributedSales } from "../orders/attribution.service.js";
import type { OwnerSales } from "../orders/attribution.repository.js";
import { csKpiValue } from "../../core/cs/cs-metrics.js";
import { CsPeriod } from "../cs/cs-period.js";
import { ShippingKpiService } from "../orders/shipping.service.js";

type Base = "gmv" | "paid" | "net" | "margin" | "quantity";
const what = (base: Base) =>
  base === "quantity" ? "items sold" : base === "net" ? "sales net of refunds" : "sales";
const pick = (s: OwnerSales, base: Base) =>
  base === "quantity" ? s.items : base === "net" ? s.gmvFen - s.refundFen : s.gmvFen;
const show = (v: number, base: Base) => (base === "quantity" ? `${v} units` : formatMoney(v));

export interface PayMember {
  id: string;
  name: string;
  departmentId: string | null;
}

/** Reads the period's shop data once per shop selection and answers data-backed inputs. */
export class PayDataSource {
  private readonly kpis = new Map<string, ReturnType<KpiService["compute"]>>();
  private readonly attributed = new Map<string, Promise<AttributedSales>>();
  private cs: Promise<CsPeriod> | undefined;
  private shipping: ReturnType<ShippingKpiService["compute"]> | undefined;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly workspaceId: string,
    private readonly from: string,
    private readonly to: string,
    private readonly override?: { shopGmvFen: number },
  ) {}

  private kpi(shopIds: string[]) {
    const k = shopIds.join(",");
    if (!this.kpis.has(k))
      this.kpis.set(
        k,
        new KpiService(this.deps).compute(this.workspaceId, {
          shopIds: shopIds.length ? shopIds : undefined,
          from: this.from,
          to: this.to,
        }),
      );
    return this.kpis.get(k)!;
  }

  private sales(shopIds: string[]) {
    const k = shopIds.join(",");
    if (!this.attributed.has(k))
      this.attributed.set(
        k,
        AttributedSales.load(this.deps.db, this.workspaceId, {
          from: this.from,
          to: this.to,
          shopIds,
        }),
      );
    return this.attributed.get(k)!;
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
    this.cs ??= CsPeriod.load(this.deps.db, this.workspaceId, { from: this.from, to: this.to });
    const period = await this.cs;
    if (!period.has(m.id)) return null;
    const t = period.member(m.id);
    const value = csKpiValue(t, req.kpi);
    if (value === null) return null;
    const n = (x: number) => x.toLocaleString("en-US");
    const weighted = req.kpi === "inquiryConversion" ? "" : " (days weighted by inquirers)";
    return {
      value,
      source: `CS data ${this.from}…${this.to}: ${n(t.inquirers)} inquirers, ${n(t.paying)} paid${weighted}`,
    };
  }

  /** The value from the shop data for a requirement, or null when the data has no such number (margin, unbound scorecard metrics, events). */
  async value(
    req: RequiredInput,
    m: PayMember,
    departmentName: (id: string) => string,
  ): Promise<InputValue | null> {
    if (req.kind === "metric") return this.csMetric(req, m);
    if (req.kind === "event") return req.kpi ? this.lateShipments() : null;
    if (req.kind !== "commission" && req.kind !== "pool") return null;
    if (req.base === "margin" || (req.kind === "commission" && req.entered)) return null;
    const range = `${this.from}…${this.to}`;
    const shopIds = req.kind === "commission" ? req.shopIds : [];
    if (
      (req.kind === "commission" && req.scope === "shop") ||
      (req.kind === "pool" && req.source === "shop")
    ) {
      const k = await this.kpi(shopIds);
      const projected = this.override && req.base !== "quantity" && req.base !== "net";
      const value =
        req.base === "quantity"
          ? k.totals.items
          : req.base === "net"
            ? toFen(k.totals.netGmv)
            : projected
              ? this.override!.shopGmvFen
              : toFen(k.totals.gmv);
      const label =
        req.base === "quantity" ? "items sold" : req.base === "net" ? "GMV net of refunds" : "GMV";
      return {
        value,
        source: projected
          ? `projected shop ${label}`
          : `KPI ${label} ${range}, ${k.shopIds.length} shop(s), ${k.totals.paidOrders} paid orders`,
      };
    }
    const sales = await this.sales(shopIds);
    const shops = shopIds.length ? `${shopIds.length} shop(s)` : "all shops";
    let answer: InputValue;
    if (req.kind === "pool") {
      const s = sales.unattributed;
      answer = {
        value: pick(s, req.base),
        source: `unattributed ${what(req.base)} ${range}, ${shops}: ${s.paidOrders} paid orders without an owner`,
      };
    } else if (req.scope === "person") {
      const s = sales.member(m.id);
      answer = {
        value: pick(s, req.base),
        source: `${what(req.base)} attributed to ${m.name} ${range}, ${shops}: ${s.paidOrders} paid orders`,
      };
    } else if (!m.departmentId) {
      return { value: 0, source: `${m.name} belongs to no department: no department sales` };
    } else {
      const s = sales.department(m.departmentId);
      answer = {
        value: pick(s, req.base),
        source: `${what(req.base)} attributed to department ${departmentName(m.departmentId)} (with its sub-departments) ${range}, ${shops}: ${s.paidOrders} paid orders`,
      };
    }
    return this.override && req.base !== "quantity" ? this.atSameShare(answer, shopIds) : answer;
  }

  /** Paid orders of the period (every shop) shipped after their ship-by time or not shipped past it. */
  private async lateShipments(): Promise<InputValue> {
    this.shipping ??= new ShippingKpiService(this.deps).compute(this.workspaceId, {
      from: this.from,
      to: this.to,
    });
    const r = await this.shipping;
    return {
      value: r.late + r.overdue,
      source: `shipping ${this.from}…${this.to}, all shops: ${r.late} shipped late, ${r.overdue} overdue of ${r.due} due`,
    };
  }

  /** A projection at a shop GMV: attributed and unattributed sales keep their share of the shop's sales so far. */
  private async atSameShare(v: InputValue, shopIds: string[]): Promise<InputValue> {
    const shopFen = toFen((await this.kpi(shopIds)).totals.gmv);
    if (shopFen <= 0) return v;
    const target = this.override!.shopGmvFen;
    const value = Number(
      (BigInt(v.value) * BigInt(target) + BigInt(shopFen) / 2n) / BigInt(shopFen),
    );
    return {
      value,
      source: `projected at the same share of the shop: ${formatMoney(v.value)} × ${formatMoney(target)} ÷ ${formatMoney(shopFen)} (${v.source})`,
    };
  }

  static describe(v: InputValue, req: RequiredInput): string {
    if (req.kind === "metric")
      return req.kpi === "inquiryConversion" ? `${v.value} %` : `${v.value} s`;
    if (req.kind === "event") return String(v.value);
    const base = "base" in req ? (req.base as Base) : "gmv";
    return show(v.value, base);
  }
}
