import type { Actor } from "../../core/actor.js";
import type { ServiceDeps } from "../shared/context.js";
import { OrderRepository } from "./order.repository.js";
import { presentOrder, presentRefund } from "./orders.presenter.js";
import { shopOf } from "./shop.service.js";
import { authorizeShop } from "./shop.access.js";
import { notFoundIn } from "./refusals.js";
import { memberNames } from "./attribution.repository.js";

export class OrderService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    q: {
      shopId?: string;
      from?: string;
      to?: string;
      status?: string;
      owner?: string;
      limit: number;
      cursor?: string;
    },
  ) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    if (q.shopId) await shopOf(this.deps.db, actor.workspaceId, q.shopId);
    const repo = new OrderRepository(this.deps.db);
    const rows = await repo.list(actor.workspaceId, q);
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const [items, names] = await Promise.all([
      repo.itemsOf(
        actor.workspaceId,
        page.map((o) => o.id),
      ),
      memberNames(this.deps.db, actor.workspaceId),
    ]);
    return {
      items: page.map((o) => presentOrder(o, items, names)),
      nextCursor: more ? page[page.length - 1]!.id : null,
    };
  }

  async get(actor: Actor, id: string) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    const repo = new OrderRepository(this.deps.db);
    const o = await repo.getById(actor.workspaceId, id);
    if (!o) throw notFoundIn("order");
    const [items, refunds, names] = await Promise.all([
      repo.itemsOf(actor.workspaceId, [id]),
      repo.refundsOfOrder(actor.workspaceId, o.shopId, o.orderKey),
      memberNames(this.deps.db, actor.workspaceId),
    ]);
    return {
      ...presentOrder(o, items, names),
      refunds: refunds.map(presentRefund),
      raw: JSON.parse(o.raw) as Record<string, string>[],
    };
  }
}
