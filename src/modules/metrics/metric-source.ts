// One reader of the shop's numbers for a workspace and a range of dates: the KPIs over the daily
// rollups, sales attributed to people and departments, customer-service totals, the ship-on-time
// counts, the packing (parcels packed, wrong parcels stopped) per person and the after-sales cases
// (refunds, returns, handling time, SLA attainment, saved returns, reviews turned good) per person.
// Goals (live actuals of KPI-bound goals) and pay (the data-backed inputs of a run) both read
// through it, so a number means the same in both places and each family is read once per range and
// shop selection, however many goals or statements ask.
//
// Adding a family of metrics (logistics, after-sales cases …) happens here, once: a name in
// `MetricFamily`, one accessor that loads it through `once()` from its module's repository or
// service, and (when it is per person or department) a case in the subject readers below.
import type { Executor } from "../../db/database.js";
import type { CsTotals } from "../../core/cs/cs-metrics.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { KpiService } from "../orders/kpi.service.js";
import { AttributedSales } from "../orders/attribution.service.js";
import type { OwnerSales } from "../orders/attribution.repository.js";
import { ShippingKpiService } from "../orders/shipping.service.js";
import { CsPeriod } from "../cs/cs-period.js";
import { PackingPeriod } from "../logistics/packing-period.js";
import { AftersalesPeriod } from "../aftersales/aftersales-period.js";
import type { AftersalesFigures } from "../../core/aftersales/kpi.js";

/** The families of metrics this source reads. */
export type MetricFamily = "kpi" | "attribution" | "cs" | "shipping" | "packing" | "aftersales";

export type KpiResult = Awaited<ReturnType<KpiService["compute"]>>;
export type ShippingResult = Awaited<ReturnType<ShippingKpiService["compute"]>>;

/** Whose numbers: a member, a department (with its sub-departments), nobody's (unattributed), everyone's. */
export type MetricSubject = { member: string } | { department: string } | "unattributed" | "all";

export interface MetricRange {
  from: string;
  to: string;
}

export class MetricSource {
  private readonly loaded = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: ServiceDeps,
    readonly workspaceId: string,
    readonly range: MetricRange,
    /** Inside a transaction, the transaction (one database handle per unit of work). */
    private readonly db: Executor = deps.db,
  ) {}

  get from(): string {
    return this.range.from;
  }
  get to(): string {
    return this.range.to;
  }

  /** Loads a family for a shop selection once; later asks share the same promise. */
  private once<T>(
    family: MetricFamily,
    shopIds: readonly string[],
    load: () => Promise<T>,
    variant = "",
  ): Promise<T> {
    const key = `${family}|${variant}|${[...shopIds].sort().join(",")}`;
    let p = this.loaded.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.loaded.set(key, p);
    }
    return p;
  }

  /** The shop KPIs (totals, series, previous period) over the shops (none: every shop). */
  kpis(shopIds: readonly string[] = [], opts: { repurchase?: boolean } = {}): Promise<KpiResult> {
    return this.once(
      "kpi",
      shopIds,
      () =>
        new KpiService(this.deps).compute(
          this.workspaceId,
          {
            shopIds: shopIds.length ? [...shopIds] : undefined,
            from: this.from,
            to: this.to,
            ...(opts.repurchase ? { repurchase: true } : {}),
          },
          this.db,
        ),
      opts.repurchase ? "repurchase" : "",
    );
  }

  /** Sales of the period by owner (member, department, nobody) over the shops (none: every shop). */
  attribution(shopIds: readonly string[] = []): Promise<AttributedSales> {
    return this.once("attribution", shopIds, () =>
      AttributedSales.load(this.db, this.workspaceId, { ...this.range, shopIds }),
    );
  }

  /** Customer-service totals of the period by member and department. */
  cs(): Promise<CsPeriod> {
    return this.once("cs", [], () => CsPeriod.load(this.db, this.workspaceId, this.range));
  }

  /** Paid orders that had to ship in the period: on time, late, overdue (none: every shop). */
  shipping(shopIds: readonly string[] = []): Promise<ShippingResult> {
    return this.once("shipping", shopIds, () =>
      new ShippingKpiService(this.deps).compute(this.workspaceId, { ...this.range, shopIds }),
    );
  }

  /** Parcels packed and wrong parcels stopped at the pack station, by member and department. */
  packing(): Promise<PackingPeriod> {
    return this.once("packing", [], () =>
      PackingPeriod.load(this.db, this.workspaceId, this.range),
    );
  }

  /**
   * A subject's packing counts: parcels packed (null: no packing recorded in the period) and wrong
   * parcels stopped (null: the pack station was not used in the period).
   */
  async packingCounts(
    subject: MetricSubject,
  ): Promise<{ parcels: number | null; wrongParcels: number | null }> {
    const p = await this.packing();
    if (subject === "unattributed") return { parcels: null, wrongParcels: null };
    return { parcels: p.parcels(subject), wrongParcels: p.wrongParcels(subject) };
  }

  /**
   * After-sales cases of the period (opened or ended in it) with their SLA clocks, reviews turned
   * good and the paid orders the rates divide by, over the shops (none: every shop).
   */
  aftersales(shopIds: readonly string[] = []): Promise<AftersalesPeriod> {
    return this.once("aftersales", shopIds, () =>
      AftersalesPeriod.load(this.db, this.workspaceId, this.range, shopIds, nowIso(this.deps)),
    );
  }

  /**
   * A subject's after-sales figures (the cases they had as assignee; a department's members with
   * those below; everyone's with the paid orders) — null when the workspace had no case in the
   * period, so a shop that does not work cases in Dayclear enters its counts.
   */
  async aftersalesFigures(
    subject: MetricSubject,
    shopIds: readonly string[] = [],
  ): Promise<{ figures: AftersalesFigures; paidOrders: number | null } | null> {
    const p = await this.aftersales(shopIds);
    if (!p.recorded) return null;
    return { figures: p.figures(subject), paidOrders: subject === "all" ? p.paidOrders() : null };
  }

  /** Attributed sales of a subject over the shops. */
  async sales(subject: MetricSubject, shopIds: readonly string[] = []): Promise<OwnerSales> {
    const s = await this.attribution(shopIds);
    if (subject === "unattributed") return s.unattributed;
    if (subject === "all") return s.total;
    return "member" in subject ? s.member(subject.member) : s.department(subject.department);
  }

  /**
   * Customer-service totals of a subject; null for a member with no CS data in the period (a
   * department or everyone always has totals, possibly empty).
   */
  async csTotals(subject: MetricSubject): Promise<CsTotals | null> {
    const period = await this.cs();
    if (subject === "all") return period.total;
    if (subject === "unattributed") return null;
    if ("member" in subject)
      return period.has(subject.member) ? period.member(subject.member) : null;
    return period.department(subject.department);
  }
}
