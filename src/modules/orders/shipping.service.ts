// Ship-on-time rate over paid dates (src/core/kpi/shipping.ts holds the definition): shipped
// orders from the daily rollup `shop_daily_shipping` (on time / late, rebuilt with the other
// rollups and when a shop's window changes), orders past their time and not shipped counted live
// through a partial index that holds only unshipped orders.
import { sql } from "kysely";
import type { Actor } from "../../core/actor.js";
import { assertSpan } from "../../core/calendar/range.js";
import { invalidField } from "../../core/errors.js";
import type { ShipOnTime } from "../../core/kpi/shipping.js";
import { LIMITS } from "../../core/limits.js";
import { dialectOf } from "../../db/database.js";
import { shipBySql } from "../../db/sql/ship-by.js";
import type { ServiceDeps } from "../shared/context.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShopData } from "./shop.service.js";

export interface ShippingFilter {
  from: string;
  to: string;
  shopIds?: readonly string[];
}

export class ShippingKpiService {
  constructor(private readonly deps: ServiceDeps) {}

  async compute(
    workspaceId: string,
    f: ShippingFilter,
  ): Promise<ShipOnTime & { from: string; to: string; shopIds: string[] }> {
    assertSpan(f.from, f.to, LIMITS.kpiRangeMaxDays);
    const db = this.deps.db;
    const shops = await new ShopRepository(db).list(workspaceId);
    const unknown = (f.shopIds ?? []).filter((id) => !shops.some((s) => s.id === id));
    if (unknown.length) throw invalidField("shopId", `No such shop: ${unknown.join(", ")}`);
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
    const [shipped, open] = await Promise.all([
      // Shipped orders: the daily rollup (O(days)).
      db
        .selectFrom("shopDailyShipping")
        .select([
          sql<number>`sum(shipped_on_time)`.as("onTime"),
          sql<number>`sum(shipped_late)`.as("late"),
        ])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "in", ids)
        .where("date", ">=", f.from)
        .where("date", "<=", f.to)
        .executeTakeFirst(),
      // Not shipped yet and past the time: few, found through the partial index on unshipped orders.
      db
        .selectFrom("orders as o")
        .innerJoin("shops as s", (j) =>
          j.onRef("s.workspaceId", "=", "o.workspaceId").onRef("s.id", "=", "o.shopId"),
        )
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("o.workspaceId", "=", workspaceId)
        .where("o.shopId", "in", ids)
        .where("o.paidDate", ">=", f.from)
        .where("o.paidDate", "<=", f.to)
        .where("o.shippedAt", "is", null)
        .where("o.status", "not in", ["cancelled", "refunded"])
        .where(
          sql<boolean>`${shipBySql(dialectOf(db), { paidAt: sql`o.paid_at`, promised: sql`o.promised_ship_at`, hours: sql`s.ship_window_hours` })} < ${now}`,
        )
        .executeTakeFirst(),
    ]);
    const onTime = Number(shipped?.onTime ?? 0),
      late = Number(shipped?.late ?? 0),
      overdue = Number(open?.n ?? 0);
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
    await authorizeShopData(this.deps.db, actor, "kpi.read");
    return this.compute(actor.workspaceId, f);
  }
}
