// Ship-on-time rate over paid dates (src/core/kpi/shipping.ts holds the definition): shipped
// orders from the daily rollup `shop_daily_shipping` (on time / late, rebuilt with the other
// rollups and when a shop's window changes), orders past their time and not shipped counted live
// through a partial index that holds only unshipped orders.
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import type { ShipOnTime } from "../../core/kpi/shipping.js";
import { LIMITS } from "../../core/limits.js";
import type { Executor } from "../../db/database.js";
import type { ServiceDeps } from "../shared/context.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShop } from "./shop.access.js";
import { badField } from "./refusals.js";
import { StatsRepository } from "./stats.repository.js";

export interface ShippingFilter {
  from: string;
  to: string;
  shopIds?: readonly string[];
}

export class ShippingKpiService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Inside a transaction, pass it as `db` (one database handle per unit of work). */
  async compute(
    workspaceId: string,
    f: ShippingFilter,
    db: Executor = this.deps.db,
  ): Promise<ShipOnTime & { from: string; to: string; shopIds: string[] }> {
    assertSpan(f.from, f.to, LIMITS.kpiRangeMaxDays);
    const shops = await new ShopRepository(db).list(workspaceId);
    const unknown = (f.shopIds ?? []).filter((id) => !shops.some((s) => s.id === id));
    if (unknown.length) throw badField("shopId", "shop.no_such_shop", { ids: unknown });
    const ids = f.shopIds?.length ? [...f.shopIds] : shops.map((s) => s.id);
    const now = this.deps.clock().toISOString();
    if (ids.length === 0)
      return {
        from: f.from,
        to: f.to,
        shopIds: ids,
        due: 0,
        onTime: 0,
        late: 0,
        overdue: 0,
        rate: null,
      };
    const stats = new StatsRepository(db);
    const [{ onTime, late }, overdue] = await Promise.all([
      stats.shippedCounts(workspaceId, ids, f.from, f.to),
      stats.overdueCount(workspaceId, ids, f.from, f.to, now),
    ]);
    const due = onTime + late + overdue;
    return {
      from: f.from,
      to: f.to,
      shopIds: ids,
      due,
      onTime,
      late,
      overdue,
      rate: due === 0 ? null : onTime / due,
    };
  }

  async get(actor: Actor, f: ShippingFilter) {
    await authorizeShop(this.deps.db, actor, "shop.kpi.read");
    return this.compute(actor.workspaceId, f);
  }
}
