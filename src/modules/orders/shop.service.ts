import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import { platformName } from "../../core/orders/problems.js";
import { newId } from "../../core/ids.js";
import { ORDER_FIELDS, type ColumnMapping } from "../../core/orders/fields.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { OrderRepository } from "./order.repository.js";
import { authorizeShop } from "./shop.access.js";
import { badField, notFoundIn, staleRecord } from "./refusals.js";
import { presentShop } from "./orders.presenter.js";
import { ShopRepository } from "./shop.repository.js";
import { StatsRepository } from "./stats.repository.js";
import { formatMoney } from "../../core/money.js";
import { isClosed, payLock, refuseLockedMonths } from "../pay/locked-month.js";

const DEFAULT_CURRENCY: Record<string, string> = { shopify: "USD", woocommerce: "USD" };

export async function shopOf(db: Executor, workspaceId: string, id: string) {
  const shop = await new ShopRepository(db).getById(workspaceId, id);
  if (!shop) throw notFoundIn("shop");
  return shop;
}

export function validateMapping(mapping: ColumnMapping): void {
  const known = new Set<string>(ORDER_FIELDS);
  for (const k of Object.keys(mapping.fields))
    if (!known.has(k))
      throw badField(`mapping.fields.${k}`, "shop.mapping.unknown_field", {
        fields: [...ORDER_FIELDS],
      });
  for (const f of ["orderId", "orderTotal"] as const)
    if (!mapping.fields[f]) throw badField(`mapping.fields.${f}`, "shop.mapping.field_required");
}

export class ShopService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    const shops = await new ShopRepository(this.deps.db).list(actor.workspaceId);
    const counts = await Promise.all(
      shops.map((s) => new OrderRepository(this.deps.db).countByShop(actor.workspaceId, s.id)),
    );
    return { items: shops.map((s, i) => presentShop(s, Number(counts[i]!.n))), nextCursor: null };
  }

  async get(actor: Actor, id: string) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    const shop = await shopOf(this.deps.db, actor.workspaceId, id);
    return presentShop(
      shop,
      Number((await new OrderRepository(this.deps.db).countByShop(actor.workspaceId, id)).n),
    );
  }

  /** Creates a shop inside the caller's transaction (also used by imports that name a new shop). */
  async createIn(
    trx: Executor,
    actor: Actor,
    input: {
      name: string;
      platform: string;
      currency?: string;
      customerIdentity?: string;
      shipWindowHours?: number;
    },
    at: string,
  ) {
    await authorizeShop(trx, actor, "shop.manage");
    const repo = new ShopRepository(trx);
    const name = input.name.trim();
    if (await repo.getByName(actor.workspaceId, name))
      throw fail("conflict", "shop.name_taken", { name });
    const shop = {
      workspaceId: actor.workspaceId,
      id: newId(),
      platform: input.platform,
      name,
      currency: input.currency ?? DEFAULT_CURRENCY[input.platform] ?? "CNY",
      customerIdentity:
        input.customerIdentity ??
        (input.platform === "shopify" || input.platform === "woocommerce" ? "email" : "buyer_id"),
      shipWindowHours: input.shipWindowHours ?? 48,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await repo.create(shop);
    await audit(trx, actor, at, {
      action: "shop.create",
      entityType: "shop",
      entityId: shop.id,
      message: msg("audit.shop.create", {
        shop: name,
        shopId: shop.id,
        platform: platformName(input.platform),
      }),
      after: shop,
    });
    return shop;
  }

  async create(
    actor: Actor,
    input: {
      name: string;
      platform: string;
      currency?: string;
      customerIdentity?: string;
      shipWindowHours?: number;
    },
  ) {
    return this.deps.db
      .transaction()
      .execute(async (trx) =>
        presentShop(await this.createIn(trx, actor, input, nowIso(this.deps)), 0),
      );
  }

  async update(
    actor: Actor,
    id: string,
    input: {
      version: number;
      name?: string;
      currency?: string;
      customerIdentity?: string;
      shipWindowHours?: number;
    },
  ) {
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.manage");
      const current = await shopOf(trx, actor.workspaceId, id);
      const repo = new ShopRepository(trx);
      if (
        input.name !== undefined &&
        input.name.trim() !== current.name &&
        (await repo.getByName(actor.workspaceId, input.name.trim()))
      )
        throw fail("conflict", "shop.name_taken", { name: input.name.trim() });
      const at = nowIso(this.deps);
      const updated = await repo.update(actor.workspaceId, id, input.version, {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.customerIdentity !== undefined && { customerIdentity: input.customerIdentity }),
        ...(input.shipWindowHours !== undefined && { shipWindowHours: input.shipWindowHours }),
        updatedAt: at,
      });
      if (!updated) throw staleRecord("shop", current.version);
      if (
        input.shipWindowHours !== undefined &&
        input.shipWindowHours !== current.shipWindowHours
      ) {
        // The window decides which past shipments were on time: recount the shop's days — those of open pay months only (docs/PAY.md).
        const stats = new StatsRepository(trx);
        const lock = await payLock(trx, actor.workspaceId);
        await stats.rebuildShippingDays(
          actor.workspaceId,
          id,
          (await stats.paidDates(actor.workspaceId, id)).filter((d) => !isClosed(lock, d)),
        );
      }
      await audit(trx, actor, at, {
        action: "shop.update",
        entityType: "shop",
        entityId: id,
        message: msg("audit.shop.update", { shop: updated.name, shopId: id }),
        before: current,
        after: updated,
      });
      return presentShop(
        updated,
        Number((await new OrderRepository(trx).countByShop(actor.workspaceId, id)).n),
      );
    });
  }

  async mappings(actor: Actor, shopId: string) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    const rows = await new ShopRepository(this.deps.db).mappings(actor.workspaceId, shopId);
    return { items: rows.map(presentMapping), nextCursor: null };
  }

  async createMapping(
    actor: Actor,
    shopId: string,
    input: { name: string; mapping: ColumnMapping },
  ) {
    validateMapping(input.mapping);
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.manage");
      await shopOf(trx, actor.workspaceId, shopId);
      const repo = new ShopRepository(trx);
      if (
        (await repo.mappings(actor.workspaceId, shopId)).some((m) => m.name === input.name.trim())
      )
        throw fail("conflict", "shop.mapping_name_taken", { name: input.name.trim() });
      const at = nowIso(this.deps);
      const row = {
        workspaceId: actor.workspaceId,
        id: newId(),
        shopId,
        name: input.name.trim(),
        mapping: JSON.stringify(input.mapping),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.createMapping(row);
      await audit(trx, actor, at, {
        action: "mapping.create",
        entityType: "column_mapping",
        entityId: row.id,
        message: msg("audit.mapping.create", { mapping: row.name }),
        after: row,
      });
      return presentMapping(row);
    });
  }

  async updateMapping(
    actor: Actor,
    shopId: string,
    id: string,
    input: { version: number; name?: string; mapping?: ColumnMapping },
  ) {
    if (input.mapping) validateMapping(input.mapping);
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.manage");
      const repo = new ShopRepository(trx);
      const current = await repo.getMapping(actor.workspaceId, id);
      if (!current || current.shopId !== shopId) throw notFoundIn("mapping");
      const at = nowIso(this.deps);
      const updated = await repo.updateMapping(actor.workspaceId, id, input.version, {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.mapping !== undefined && { mapping: JSON.stringify(input.mapping) }),
        updatedAt: at,
      });
      if (!updated) throw staleRecord("mapping", current.version);
      await audit(trx, actor, at, {
        action: "mapping.update",
        entityType: "column_mapping",
        entityId: id,
        message: msg("audit.mapping.update", { mapping: updated.name }),
        before: current,
        after: updated,
      });
      return presentMapping(updated);
    });
  }

  async deleteMapping(actor: Actor, shopId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.manage");
      const repo = new ShopRepository(trx);
      const current = await repo.getMapping(actor.workspaceId, id);
      if (!current || current.shopId !== shopId) throw notFoundIn("mapping");
      await repo.deleteMapping(actor.workspaceId, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "mapping.delete",
        entityType: "column_mapping",
        entityId: id,
        message: msg("audit.mapping.delete", { mapping: current.name }),
        before: current,
      });
    });
  }

  async visitors(actor: Actor, shopId: string, from: string, to: string) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    return {
      items: await new ShopRepository(this.deps.db).visitors(actor.workspaceId, shopId, from, to),
      nextCursor: null,
    };
  }

  /** Types in daily visitor counts (null removes a day). */
  async setVisitors(
    actor: Actor,
    shopId: string,
    days: { date: string; visitors: number | null }[],
  ) {
    const seen = new Set<string>();
    days.forEach((d, i) => {
      if (seen.has(d.date)) throw badField(`days.${i}.date`, "shop.visitors.date_listed_twice");
      seen.add(d.date);
    });
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.manage");
      const shop = await shopOf(trx, actor.workspaceId, shopId);
      await refuseLockedMonths(
        trx,
        actor.workspaceId,
        days.map((d) => d.date),
      );
      const at = nowIso(this.deps);
      await new ShopRepository(trx).setVisitors(actor.workspaceId, shopId, days, at);
      await audit(trx, actor, at, {
        action: "visitors.set",
        entityType: "shop",
        entityId: shopId,
        message: msg("audit.shop.visitors", {
          days: days.length,
          shop: shop.name,
          shopId,
        }),
        after: days,
      });
      const sorted = [...seen].sort();
      return {
        items: await new ShopRepository(trx).visitors(
          actor.workspaceId,
          shopId,
          sorted[0]!,
          sorted[sorted.length - 1]!,
        ),
        nextCursor: null,
      };
    });
  }

  async customers(actor: Actor, shopId: string, page: { limit: number; cursor?: string }) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    const rows = await new StatsRepository(this.deps.db).customers(
      actor.workspaceId,
      shopId,
      page.limit,
      page.cursor,
    );
    const more = rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map((c) => ({
      key: c.customerKey,
      display: c.display,
      firstPaidDate: c.firstPaidDate,
      lastPaidDate: c.lastPaidDate,
      paidOrders: c.paidOrders,
      paid: formatMoney(Number(c.paidFen)),
    }));
    return { items, nextCursor: more ? items[items.length - 1]!.key : null };
  }
}

export function presentMapping(m: {
  id: string;
  shopId: string;
  name: string;
  mapping: string;
  version: number;
  updatedAt: string;
}) {
  return {
    id: m.id,
    shopId: m.shopId,
    name: m.name,
    mapping: JSON.parse(m.mapping) as ColumnMapping,
    version: m.version,
    updatedAt: m.updatedAt,
  };
}
