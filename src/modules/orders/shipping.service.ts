// Ship-on-time rate over paid dates (src/core/kpi/shipping.ts holds the definition). Counted in
// the database over the range's paid orders — O(orders in the range), one aggregate, no rows
// shipped to JavaScript — so it is its own call, not part of the rollup-only dashboard KPIs.
import { sql, type RawBuilder } from "kysely";
import type { Actor } from "../../core/actor.js";
import { invalidField } from "../../core/errors.js";
import { daysBetween } from "../../core/kpi/kpi.js";
import type { ShipOnTime } from "../../core/kpi/shipping.js";
import { LIMITS } from "../../core/limits.js";
import { dialectOf, type Executor } from "../../db/database.js";
import type { ServiceDeps } from "../shared/context.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShopData } from "./shop.service.js";

export interface ShippingFilter { from: string; to: string; shopIds?: readonly string[] }

/**
 * The ship-by instant as ISO-8601 UTC text with milliseconds — the form every stored instant has,
 * so comparing text compares times: the promised time, else payment + the shop's window.
 */
function shipBy(db: Executor): RawBuilder<string> {
  return dialectOf(db) === "sqlite"
    ? sql<string>`coalesce(o.promised_ship_at, strftime('%Y-%m-%dT%H:%M:%fZ', o.paid_at, '+' || s.ship_window_hours || ' hours'))`
    : sql<string>`coalesce(o.promised_ship_at, to_char((o.paid_at::timestamptz + make_interval(hours => s.ship_window_hours)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
}

export class ShippingKpiService {
  constructor(private readonly deps: ServiceDeps) {}

  async compute(workspaceId: string, f: ShippingFilter): Promise<ShipOnTime & { from: string; to: string; shopIds: string[] }> {
    if (f.to < f.from) throw invalidField("to", "The range ends before it starts");
    if (daysBetween(f.from, f.to) > LIMITS.kpiRangeMaxDays) throw invalidField("from", `At most ${LIMITS.kpiRangeMaxDays} days at once`);
    const db = this.deps.db;
    const shops = await new ShopRepository(db).list(workspaceId);
    const unknown = (f.shopIds ?? []).filter((id) => !shops.some((s) => s.id === id));
    if (unknown.length) throw invalidField("shopId", `No such shop: ${unknown.join(", ")}`);
    const ids = f.shopIds?.length ? [...f.shopIds] : shops.map((s) => s.id);
    const now = this.deps.clock().toISOString();
    const by = shipBy(db);
    const open = sql`o.shipped_at is null and o.status not in ('cancelled', 'refunded') and ${by} < ${now}`;
    const row = ids.length === 0 ? undefined : await db.selectFrom("orders as o")
      .innerJoin("shops as s", (j) => j.onRef("s.workspaceId", "=", "o.workspaceId").onRef("s.id", "=", "o.shopId"))
      .select([
        sql<number>`sum(case when o.shipped_at is not null and o.shipped_at <= ${by} then 1 else 0 end)`.as("onTime"),
        sql<number>`sum(case when o.shipped_at is not null and o.shipped_at > ${by} then 1 else 0 end)`.as("late"),
        sql<number>`sum(case when ${open} then 1 else 0 end)`.as("overdue"),
      ])
      .where("o.workspaceId", "=", workspaceId).where("o.shopId", "in", ids).where("o.paidDate", ">=", f.from).where("o.paidDate", "<=", f.to)
      .executeTakeFirst();
    const onTime = Number(row?.onTime ?? 0), late = Number(row?.late ?? 0), overdue = Number(row?.overdue ?? 0);
    const due = onTime + late + overdue;
    return { from: f.from, to: f.to, shopIds: ids, due, onTime, late, overdue, rate: due === 0 ? null : onTime / due };
  }

  async get(actor: Actor, f: ShippingFilter) {
    await authorizeShopData(this.deps.db, actor, "kpi.read");
    return this.compute(actor.workspaceId, f);
  }
}
