// Ship-on-time rate over paid dates (see src/core/kpi/shipping.ts for the definition). Reads the
// paid orders of the range — O(orders in the range), so it is its own call, not part of the
// dashboard's rollup-only KPIs.
import type { Actor } from "../../core/actor.js";
import { invalidField } from "../../core/errors.js";
import { daysBetween } from "../../core/kpi/kpi.js";
import { shipOnTime } from "../../core/kpi/shipping.js";
import { LIMITS } from "../../core/limits.js";
import type { ServiceDeps } from "../shared/context.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShopData } from "./shop.service.js";

export interface ShippingFilter { from: string; to: string; shopIds?: readonly string[] }

export class ShippingKpiService {
  constructor(private readonly deps: ServiceDeps) {}

  async compute(workspaceId: string, f: ShippingFilter) {
    if (f.to < f.from) throw invalidField("to", "The range ends before it starts");
    if (daysBetween(f.from, f.to) > LIMITS.kpiRangeMaxDays) throw invalidField("from", `At most ${LIMITS.kpiRangeMaxDays} days at once`);
    const db = this.deps.db;
    const shops = await new ShopRepository(db).list(workspaceId);
    const unknown = (f.shopIds ?? []).filter((id) => !shops.some((s) => s.id === id));
    if (unknown.length) throw invalidField("shopId", `No such shop: ${unknown.join(", ")}`);
    const ids = f.shopIds?.length ? [...f.shopIds] : shops.map((s) => s.id);
    const rows = ids.length === 0 ? [] : await db.selectFrom("orders as o")
      .innerJoin("shops as s", (j) => j.onRef("s.workspaceId", "=", "o.workspaceId").onRef("s.id", "=", "o.shopId"))
      .select(["o.paidAt", "o.shippedAt", "o.promisedShipAt", "o.status", "s.shipWindowHours as windowHours"])
      .where("o.workspaceId", "=", workspaceId).where("o.shopId", "in", ids).where("o.paidDate", ">=", f.from).where("o.paidDate", "<=", f.to).execute();
    const r = shipOnTime(rows.map((x) => ({ ...x, paidAt: x.paidAt!, windowHours: Number(x.windowHours) })), this.deps.clock().getTime());
    return { from: f.from, to: f.to, shopIds: ids, ...r };
  }

  async get(actor: Actor, f: ShippingFilter) {
    await authorizeShopData(this.deps.db, actor, "kpi.read");
    return this.compute(actor.workspaceId, f);
  }
}
