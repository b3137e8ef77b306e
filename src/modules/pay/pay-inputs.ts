// Where a pay run's numbers come from: the shop data (shop KPIs, attributed sales of a person or a
// department, unattributed sales) for the rules that name such a base, else what the owner
// entered. An entered value for a data-backed key overrides the data and the line says both, so
// a correction is visible on the statement.
import type { RequiredInput, InputValue } from "../../core/pay/statement.js";
import { toFen, formatMoney } from "../../core/money.js";
import type { ServiceDeps } from "../shared/context.js";
import { KpiService } from "../orders/kpi.service.js";
import { AttributedSales } from "../orders/attribution.service.js";
import type { OwnerSales } from "../orders/attribution.repository.js";

type Base = "gmv" | "paid" | "net" | "margin" | "quantity";
const what = (base: Base) => (base === "quantity" ? "items sold" : base === "net" ? "sales net of refunds" : "sales");
const pick = (s: OwnerSales, base: Base) => (base === "quantity" ? s.items : base === "net" ? s.gmvFen - s.refundFen : s.gmvFen);
const show = (v: number, base: Base) => (base === "quantity" ? `${v} units` : formatMoney(v));

export interface PayMember { id: string; name: string; departmentId: string | null }

/** Reads the period's shop data once per shop selection and answers data-backed inputs. */
export class PayDataSource {
  private readonly kpis = new Map<string, ReturnType<KpiService["compute"]>>();
  private readonly attributed = new Map<string, Promise<AttributedSales>>();

  constructor(private readonly deps: ServiceDeps, private readonly workspaceId: string, private readonly from: string, private readonly to: string, private readonly override?: { shopGmvFen: number }) {}

  private kpi(shopIds: string[]) {
    const k = shopIds.join(",");
    if (!this.kpis.has(k)) this.kpis.set(k, new KpiService(this.deps).compute(this.workspaceId, { shopIds: shopIds.length ? shopIds : undefined, from: this.from, to: this.to }));
    return this.kpis.get(k)!;
  }

  private sales(shopIds: string[]) {
    const k = shopIds.join(",");
    if (!this.attributed.has(k)) this.attributed.set(k, AttributedSales.load(this.deps.db, this.workspaceId, { from: this.from, to: this.to, shopIds }));
    return this.attributed.get(k)!;
  }

  /** The value from the shop data for a requirement, or null when the data has no such number (margin, scorecards, events). */
  async value(req: RequiredInput, m: PayMember, departmentName: (id: string) => string): Promise<InputValue | null> {
    if (req.kind !== "commission" && req.kind !== "pool") return null;
    if (req.base === "margin") return null;
    const range = `${this.from}…${this.to}`;
    const shopIds = req.kind === "commission" ? req.shopIds : [];
    if ((req.kind === "commission" && req.scope === "shop") || (req.kind === "pool" && req.source === "shop")) {
      const k = await this.kpi(shopIds);
      const projected = this.override && req.base !== "quantity" && req.base !== "net";
      const value = req.base === "quantity" ? k.totals.items : req.base === "net" ? toFen(k.totals.netGmv) : projected ? this.override!.shopGmvFen : toFen(k.totals.gmv);
      const label = req.base === "quantity" ? "items sold" : req.base === "net" ? "GMV net of refunds" : "GMV";
      return { value, source: projected ? `projected shop ${label}` : `KPI ${label} ${range}, ${k.shopIds.length} shop(s), ${k.totals.paidOrders} paid orders` };
    }
    const sales = await this.sales(shopIds);
    const shops = shopIds.length ? `${shopIds.length} shop(s)` : "all shops";
    if (req.kind === "pool") {
      const s = sales.unattributed;
      return { value: pick(s, req.base), source: `unattributed ${what(req.base)} ${range}, ${shops}: ${s.paidOrders} paid orders without an owner` };
    }
    if (req.scope === "person") {
      const s = sales.member(m.id);
      return { value: pick(s, req.base), source: `${what(req.base)} attributed to ${m.name} ${range}, ${shops}: ${s.paidOrders} paid orders` };
    }
    if (!m.departmentId) return { value: 0, source: `${m.name} belongs to no department: no department sales` };
    const s = sales.department(m.departmentId);
    return { value: pick(s, req.base), source: `${what(req.base)} attributed to department ${departmentName(m.departmentId)} (with its sub-departments) ${range}, ${shops}: ${s.paidOrders} paid orders` };
  }

  static describe(v: InputValue, req: RequiredInput): string {
    const base = "base" in req ? (req.base as Base) : "gmv";
    return show(v.value, base);
  }
}
