// Parcels (merge and split by hand) and batches (波次): pick list, packing slips, hand-over manifest.
// Packers (logistics.pack) make parcels from queue orders — one per order, or one for several orders
// of one shop to one recipient (合单) — split an order's lines over several parcels, undo a merge or
// split before it ships, gather parcels into a batch and mark it printed and handed over. Everyone
// reads (logistics.read). Every change is audited in its transaction; stale versions answer 409.
import type { Actor } from "../../core/actor.js";
import { dateInZone } from "../../core/calendar/today.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import {
  checkSplit,
  batchPrefix,
  nextBatchNumber,
  sameRecipient,
  type LineQty,
} from "../../core/logistics/queue.js";
import { msg } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeLogistics } from "./logistics.access.js";
import {
  BatchRepository,
  ParcelRepository,
  SkuSettingsRepository,
  type Parcel,
  type ParcelItem,
} from "./parcels.repository.js";
import { QueueRepository, type ShippableOrder } from "./queue.repository.js";
import { badQueueField, queueConflict, queueNotFound, queueStale } from "./queue.errors.js";
import { BatchPaper } from "./batch-paper.js";

/** A batch holds at most this many parcels (a day's wave of a busy shop; the print benchmark uses 2,000). */
export const BATCH_PARCELS_MAX = 5000;
/** A parcel request names at most this many orders. */
export const PARCEL_ORDERS_MAX = 500;

export const presentParcel = (p: Parcel) => ({
  id: p.id,
  shopId: p.shopId,
  batchId: p.batchId,
  status: p.status,
  carrierId: p.carrierId,
  waybillNo: p.waybillNo,
  weightG: p.weightG,
  province: p.province,
  packedAt: p.packedAt,
  shippedAt: p.shippedAt,
  orderIds: p.orderIds,
  items: p.items,
  version: p.version,
  createdAt: p.createdAt,
});

/** Why an order cannot be shipped now, or null when it can. */
function notShippable(o: ShippableOrder) {
  if (o.shippedAt !== null || o.status === "shipped" || o.status === "completed")
    return "logistics.queue.why.shipped" as const;
  if (o.cancelledAt !== null || o.status === "cancelled")
    return "logistics.queue.why.cancelled" as const;
  if (o.status === "refunded" || (o.refundFen > 0 && o.refundFen >= o.totalFen))
    return "logistics.queue.why.refunded" as const;
  if (o.status !== "paid" || !o.paidAt) return "logistics.queue.why.unpaid" as const;
  return null;
}

export class ParcelService {
  readonly paper: BatchPaper;
  constructor(private readonly deps: ServiceDeps) {
    this.paper = new BatchPaper(deps);
  }

  /** The given orders, all of this workspace, each shippable and in no live parcel. */
  private async freeOrders(db: Executor, ws: string, orderIds: readonly string[]) {
    const seen = new Set<string>();
    orderIds.forEach((id, i) => {
      if (seen.has(id))
        throw badQueueField(`orderIds.${i}`, "logistics.queue.order_listed_twice", { order: id });
      seen.add(id);
    });
    const found = new Map(
      (await new QueueRepository(db).orders(ws, orderIds)).map((o) => [o.id, o]),
    );
    const orders = orderIds.map((id) => {
      const o = found.get(id);
      if (!o) throw queueNotFound("order");
      return o;
    });
    for (const o of orders) {
      const why = notShippable(o);
      if (why)
        throw queueConflict("logistics.queue.order_not_shippable", {
          order: o.platformOrderId,
          why: msg(why),
        });
    }
    const live = await new ParcelRepository(db).ofOrders(ws, orderIds);
    if (live.length) {
      const o = found.get(live[0]!.orderId)!;
      throw queueConflict("logistics.queue.order_in_parcel", {
        order: o.platformOrderId,
        parcel: live[0]!.parcelId,
      });
    }
    return orders;
  }

  private async store(
    db: Executor,
    ws: string,
    at: string,
    shopId: string,
    province: string | null,
    orderIds: string[],
    items: ParcelItem[],
  ): Promise<string> {
    const id = newId();
    await new ParcelRepository(db).insert(
      ws,
      {
        id,
        shopId,
        batchId: null,
        status: "open",
        carrierId: null,
        waybillNo: null,
        waybillSource: null,
        weightG: null,
        weightSource: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        province,
        packedBy: null,
        packedAt: null,
        shippedAt: null,
        costFen: null,
        costCardId: null,
        costFormula: null,
        exportedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
      orderIds,
      items,
    );
    return id;
  }

  /** Parcels from queue orders: one per order, or (merge) one parcel for orders of one shop and recipient. */
  private async makeParcels(
    db: Executor,
    actor: Actor,
    at: string,
    orderIds: readonly string[],
    merge: boolean,
  ): Promise<string[]> {
    const ws = actor.workspaceId;
    const orders = await this.freeOrders(db, ws, orderIds);
    const lines = await new QueueRepository(db).lines(ws, orderIds);
    const itemsOf = (ids: string[]) =>
      lines
        .filter((l) => ids.includes(l.orderId))
        .map((l) => ({ orderId: l.orderId, lineNo: l.lineNo, quantity: l.quantity }));
    if (!merge) {
      const ids: string[] = [];
      for (const o of orders)
        ids.push(await this.store(db, ws, at, o.shopId, o.province, [o.id], itemsOf([o.id])));
      return ids;
    }
    if (orders.length < 2) throw badQueueField("orderIds", "logistics.queue.merge_needs_two");
    const first = orders[0]!;
    const asMerge = (o: ShippableOrder) => ({ ...o, shipBy: "" });
    orders.forEach((o, i) => {
      if (o.shopId !== first.shopId)
        throw badQueueField(`orderIds.${i}`, "logistics.queue.merge_other_shop", {
          order: o.platformOrderId,
        });
      if (i > 0 && !sameRecipient(asMerge(first), asMerge(o)))
        throw badQueueField(`orderIds.${i}`, "logistics.queue.merge_other_recipient", {
          order: o.platformOrderId,
        });
    });
    const ids = orders.map((o) => o.id);
    const id = await this.store(db, ws, at, first.shopId, first.province, ids, itemsOf(ids));
    await audit(db, actor, at, {
      action: "parcel.merge",
      entityType: "parcel",
      entityId: id,
      message: msg("audit.parcel.merge", {
        orders: orders.map((o) => o.platformOrderId),
        parcel: id,
      }),
      after: { orderIds: ids },
    });
    return [id];
  }

  /** Makes parcels from queue orders (one per order, or one merged parcel) and returns them. */
  async create(actor: Actor, input: { orderIds: string[]; merge?: boolean }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const ids = await this.makeParcels(trx, actor, at, input.orderIds, input.merge === true);
      if (!input.merge)
        await audit(trx, actor, at, {
          action: "parcel.create",
          entityType: "parcel",
          entityId: ids.length === 1 ? ids[0]! : null,
          message: msg("audit.parcel.create", { count: ids.length }),
          after: { parcelIds: ids },
        });
      const parcels = await new ParcelRepository(trx).getMany(actor.workspaceId, ids);
      return { items: parcels.map(presentParcel) };
    });
  }

  /** Splits one queue order's lines over several parcels by hand (lines and quantities). */
  async split(actor: Actor, input: { orderId: string; parcels: LineQty[][] }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const [order] = await this.freeOrders(trx, ws, [input.orderId]);
      const lines = await new QueueRepository(trx).lines(ws, [input.orderId]);
      if (lines.length === 0)
        throw badQueueField("orderId", "logistics.queue.split.order_has_no_lines", {
          order: order!.platformOrderId,
        });
      const problems = checkSplit(lines, input.parcels);
      if (problems.length)
        throw fail("invalid", problems[0]!.message.code, problems[0]!.message.params, {
          fields: problems.map((p) => fieldError(p.field, p.message.code, p.message.params)),
        });
      const ids: string[] = [];
      for (const part of input.parcels)
        ids.push(
          await this.store(
            trx,
            ws,
            at,
            order!.shopId,
            order!.province,
            [order!.id],
            part.map((l) => ({ orderId: order!.id, lineNo: l.lineNo, quantity: l.quantity })),
          ),
        );
      await audit(trx, actor, at, {
        action: "parcel.split",
        entityType: "order",
        entityId: order!.id,
        message: msg("audit.parcel.split", { order: order!.platformOrderId, count: ids.length }),
        after: { parcelIds: ids, parcels: input.parcels },
      });
      const parcels = await new ParcelRepository(trx).getMany(ws, ids);
      return { items: parcels.map(presentParcel) };
    });
  }

  /**
   * Undoes a parcel before it ships — a merge, a split (with the other parts of the same order) or
   * a single parcel: they are cancelled and their orders are back in the queue with no parcel.
   */
  async undo(actor: Actor, id: string, input: { version: number }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new ParcelRepository(trx);
      const parcel = await repo.get(ws, id);
      if (!parcel) throw queueNotFound("parcel");
      if (parcel.version !== input.version) throw queueStale("parcel", parcel.version);
      if (parcel.status === "cancelled")
        throw queueConflict("logistics.queue.parcel_not_live", { parcel: id });
      const siblingIds = [
        ...new Set((await repo.ofOrders(ws, parcel.orderIds)).map((p) => p.parcelId)),
      ];
      const all = await repo.getMany(ws, siblingIds);
      const shipped = all.find((p) => p.status === "shipped");
      if (shipped) throw queueConflict("logistics.queue.undo_shipped", { parcel: shipped.id });
      const batches = new BatchRepository(trx);
      for (const b of new Set(all.map((p) => p.batchId).filter((x): x is string => x !== null))) {
        const batch = await batches.get(ws, b);
        if (batch?.status === "handed_over")
          throw queueConflict("logistics.queue.batch_handed_over", { batch: batch.number });
      }
      for (const p of all)
        if (!(await repo.update(ws, p.id, p.version, { status: "cancelled" }, at)))
          throw queueStale("parcel", p.version + 1);
      const orderIds = [...new Set(all.flatMap((p) => p.orderIds))];
      const orders = await new QueueRepository(trx).orders(ws, orderIds);
      await audit(trx, actor, at, {
        action: "parcel.undo",
        entityType: "parcel",
        entityId: id,
        message: msg("audit.parcel.undo", {
          parcels: all.map((p) => p.id),
          orders: orders.map((o) => o.platformOrderId),
        }),
        before: all.map((p) => ({ id: p.id, orderIds: p.orderIds, batchId: p.batchId })),
      });
      return { cancelled: all.map((p) => p.id), orderIds };
    });
  }

  async get(actor: Actor, id: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const p = await new ParcelRepository(this.deps.db).get(actor.workspaceId, id);
    if (!p) throw queueNotFound("parcel");
    return presentParcel(p);
  }

  /**
   * A batch (波次) of the given parcels and orders: orders with no parcel get one each; an order in
   * an open parcel brings that parcel. Numbered B + the workspace's date + a sequence of the day.
   */
  async createBatch(actor: Actor, input: { orderIds?: string[]; parcelIds?: string[] }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const at = nowIso(this.deps);
    const orderIds = input.orderIds ?? [];
    const parcelIds = input.parcelIds ?? [];
    if (orderIds.length + parcelIds.length === 0)
      throw badQueueField("orderIds", "logistics.queue.batch_empty");
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new ParcelRepository(trx);
      const batches = new BatchRepository(trx);
      // Orders already in a live parcel bring it; the others get one parcel each.
      const live = await repo.ofOrders(ws, orderIds);
      const inParcel = new Set(live.map((p) => p.orderId));
      const fresh = orderIds.filter((id) => !inParcel.has(id));
      const made = fresh.length ? await this.makeParcels(trx, actor, at, fresh, false) : [];
      const wanted = [...new Set([...parcelIds, ...live.map((p) => p.parcelId), ...made])];
      const parcels = await repo.getMany(ws, wanted);
      if (parcels.length !== wanted.length) throw queueNotFound("parcel");
      if (parcels.length > BATCH_PARCELS_MAX)
        throw badQueueField("parcelIds", "logistics.queue.batch_too_large", {
          max: BATCH_PARCELS_MAX,
        });
      for (const p of parcels) {
        if (p.status === "cancelled")
          throw queueConflict("logistics.queue.parcel_not_live", { parcel: p.id });
        if (p.status === "shipped")
          throw queueConflict("logistics.queue.parcel_shipped", { parcel: p.id });
        if (p.batchId !== null) {
          const other = await batches.get(ws, p.batchId);
          throw queueConflict("logistics.queue.parcel_in_batch", {
            parcel: p.id,
            batch: other?.number ?? p.batchId,
          });
        }
      }
      const date = dateInZone(at, await batches.timeZone(ws));
      const number = nextBatchNumber(date, await batches.numbersLike(ws, batchPrefix(date)));
      const id = newId();
      await batches
        .insert(ws, {
          id,
          number,
          status: "open",
          createdBy: actor.memberId,
          createdAt: at,
          printedAt: null,
          handedOverAt: null,
          version: 1,
        })
        .catch((e: unknown) => {
          throw /unique|duplicate/i.test(String(e))
            ? queueConflict("logistics.queue.batch_number_busy")
            : e;
        });
      await repo.setBatch(ws, wanted, id, at);
      await audit(trx, actor, at, {
        action: "batch.create",
        entityType: "ship_batch",
        entityId: id,
        message: msg("audit.batch.create", { batch: number, count: wanted.length }),
        after: { parcelIds: wanted },
      });
      return this.paper.batchIn(trx, ws, id);
    });
  }

  async listBatches(actor: Actor, q: { limit: number; cursor?: string }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    let before: { createdAt: string; id: string } | undefined;
    if (q.cursor) {
      const [createdAt, id] = Buffer.from(q.cursor, "base64url").toString("utf8").split("|");
      if (!createdAt || !id) throw badQueueField("cursor", "logistics.queue.cursor_invalid");
      before = { createdAt, id };
    }
    const rows = await new BatchRepository(this.deps.db).list(actor.workspaceId, {
      limit: q.limit + 1,
      before,
    });
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        more && last ? Buffer.from(`${last.createdAt}|${last.id}`).toString("base64url") : null,
    };
  }

  async batch(actor: Actor, id: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    return this.paper.batchIn(this.deps.db, actor.workspaceId, id);
  }

  /** Marks a batch printed (again: the time moves) or handed over to the carriers. */
  async markBatch(
    actor: Actor,
    id: string,
    input: { version: number; status: "printed" | "handed_over" },
  ) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const batches = new BatchRepository(trx);
      const batch = await batches.get(ws, id);
      if (!batch) throw queueNotFound("batch");
      if (batch.version !== input.version) throw queueStale("batch", batch.version);
      if (batch.status === "handed_over")
        throw queueConflict("logistics.queue.batch_handed_over", { batch: batch.number });
      if (input.status === "handed_over") {
        const parcels = await new ParcelRepository(trx).byBatch(ws, batch.id);
        if (!parcels.some((p) => p.status === "shipped"))
          throw queueConflict("logistics.queue.batch_nothing_shipped", { batch: batch.number });
      }
      const patch =
        input.status === "printed"
          ? { status: "printed" as const, printedAt: at }
          : { status: "handed_over" as const, handedOverAt: at };
      if (!(await batches.update(ws, batch.id, batch.version, patch)))
        throw queueStale("batch", batch.version + 1);
      await audit(trx, actor, at, {
        action: input.status === "printed" ? "batch.printed" : "batch.handed_over",
        entityType: "ship_batch",
        entityId: batch.id,
        message: msg(
          input.status === "printed" ? "audit.batch.printed" : "audit.batch.handed_over",
          {
            batch: batch.number,
          },
        ),
        before: { status: batch.status },
        after: { status: input.status },
      });
      return this.paper.batchIn(trx, ws, batch.id);
    });
  }

  /** SKU settings (location, weight in grams), by SKU. */
  async skus(actor: Actor, q: { prefix?: string; cursor?: string; limit: number }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new SkuSettingsRepository(this.deps.db).list(actor.workspaceId, {
      prefix: q.prefix,
      after: q.cursor,
      limit: q.limit + 1,
    });
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return { items: page, nextCursor: more ? page.at(-1)!.sku : null };
  }

  /** Sets where a SKU sits and what one piece weighs (null clears); both null removes the setting. */
  async setSku(
    actor: Actor,
    sku: string,
    input: { location: string | null; weightG: number | null },
  ) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const key = sku.trim();
    if (key === "") throw badQueueField("sku", "logistics.queue.sku_empty");
    const at = nowIso(this.deps);
    const location = input.location?.trim() || null;
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new SkuSettingsRepository(trx);
      const before = (await repo.get(actor.workspaceId, [key])).get(key) ?? null;
      if (location === null && input.weightG === null) await repo.remove(actor.workspaceId, key);
      else
        await repo.put(actor.workspaceId, {
          sku: key,
          location,
          weightG: input.weightG,
          updatedAt: at,
        });
      await audit(trx, actor, at, {
        action: "sku_setting.set",
        entityType: "sku_setting",
        entityId: key,
        message: msg("audit.sku_setting.set", {
          sku: key,
          location: location ?? "—",
          weight: input.weightG ?? "—",
        }),
        before,
        after: { location, weightG: input.weightG },
      });
      return { sku: key, location, weightG: input.weightG, updatedAt: at };
    });
  }
}
