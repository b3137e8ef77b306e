// What a batch prints: its parcels, the pick list (SKU totals with their locations), the packing
// slips (per parcel: orders, items, buyer memo, gifts, the parcel id for the barcode) and the
// hand-over manifest (交接单) per carrier for a batch or a day. Reads only; ParcelService checks
// the reader's right first. Everything is read through the handle given (a transaction's or the root).
import type { Actor } from "../../core/actor.js";
import { dayBounds, isGift, pickList } from "../../core/logistics/queue.js";
import { formatMoney } from "../../core/money.js";
import type { Executor } from "../../db/database.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository } from "./carriers.repository.js";
import { costFormulas } from "./cost-formula.js";
import { authorizeLogistics } from "./logistics.access.js";
import {
  BatchRepository,
  ParcelRepository,
  SkuSettingsRepository,
  type Batch,
  type Parcel,
} from "./parcels.repository.js";
import { QueueRepository, type OrderLine, type ShippableOrder } from "./queue.repository.js";
import { badQueueField, queueNotFound } from "./queue.errors.js";

const presentBatch = (b: Batch) => ({
  id: b.id,
  number: b.number,
  status: b.status,
  createdAt: b.createdAt,
  printedAt: b.printedAt,
  handedOverAt: b.handedOverAt,
  version: b.version,
});

/** The orders and lines of some parcels, and the lines each parcel holds (its quantities). */
async function contents(db: Executor, ws: string, parcels: readonly Parcel[]) {
  const orderIds = [...new Set(parcels.flatMap((p) => p.orderIds))];
  const repo = new QueueRepository(db);
  const [orders, lines, shops] = await Promise.all([
    repo.orders(ws, orderIds),
    repo.lines(ws, orderIds),
    repo.shops(ws),
  ]);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const lineByKey = new Map(lines.map((l) => [`${l.orderId}\u0000${l.lineNo}`, l]));
  const itemsOf = (p: Parcel): (OrderLine & { inParcel: number })[] =>
    p.items
      .map((i) => {
        const l = lineByKey.get(`${i.orderId}\u0000${i.lineNo}`);
        return l ? { ...l, inParcel: i.quantity } : null;
      })
      .filter((x): x is OrderLine & { inParcel: number } => x !== null);
  const ordersOf = (p: Parcel): ShippableOrder[] =>
    p.orderIds.map((id) => orderById.get(id)).filter((o): o is ShippableOrder => o !== undefined);
  return { ordersOf, itemsOf, shopName: new Map(shops.map((s) => [s.id, s.name])) };
}

export class BatchPaper {
  constructor(private readonly deps: ServiceDeps) {}

  private async load(db: Executor, ws: string, id: string) {
    const batch = await new BatchRepository(db).get(ws, id);
    if (!batch) throw queueNotFound("batch");
    const parcels = await new ParcelRepository(db).byBatch(ws, batch.id);
    return { batch, parcels };
  }

  /** A batch with its parcels (orders, recipient, pieces, carrier and waybill) and counts by status. */
  async batchIn(db: Executor, ws: string, id: string) {
    const { batch, parcels } = await this.load(db, ws, id);
    const c = await contents(db, ws, parcels);
    const carriers = new Map(
      (await new CarrierRepository(db).list(ws, nowIso(this.deps))).map((x) => [x.id, x]),
    );
    const formulas = await costFormulas(db, ws, parcels);
    const rows = parcels.map((p, i) => {
      const orders = c.ordersOf(p);
      const first = orders[0];
      return {
        id: p.id,
        status: p.status,
        shopName: c.shopName.get(p.shopId) ?? "",
        orderIds: p.orderIds,
        platformOrderIds: orders.map((o) => o.platformOrderId),
        recipient: first?.recipient ?? null,
        province: first?.province ?? p.province,
        pieces: p.items.reduce((n, i) => n + i.quantity, 0),
        carrierId: p.carrierId,
        carrierName: p.carrierId ? (carriers.get(p.carrierId)?.name ?? null) : null,
        waybillNo: p.waybillNo,
        weightG: p.weightG,
        // The rate card's cost and how it was worked out (or why there is none), like a pay line.
        cost: p.costFen === null ? null : formatMoney(p.costFen),
        costFormula: formulas[i] ?? null,
        version: p.version,
      };
    });
    const count = (s: string) => parcels.filter((p) => p.status === s).length;
    return {
      ...presentBatch(batch),
      parcels: rows,
      counts: {
        parcels: parcels.length,
        open: count("open"),
        packed: count("packed"),
        shipped: count("shipped"),
        pieces: rows.reduce((n, r) => n + r.pieces, 0),
      },
    };
  }

  /** The pick list: SKU totals over the batch's parcels, by location (where set), then SKU. */
  async pickList(actor: Actor, id: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const { batch, parcels } = await this.load(db, ws, id);
    const c = await contents(db, ws, parcels);
    const items = parcels.flatMap((p) =>
      c.itemsOf(p).map((l) => ({
        parcelId: p.id,
        sku: l.sku,
        title: l.title,
        variant: l.variant,
        quantity: l.inParcel,
      })),
    );
    const skus = [...new Set(items.map((i) => i.sku?.trim()).filter((s): s is string => !!s))];
    const settings = await new SkuSettingsRepository(db).get(ws, skus);
    const locations = new Map([...settings].map(([k, v]) => [k, v.location]));
    const lines = pickList(items, locations);
    return {
      batch: presentBatch(batch),
      parcels: parcels.length,
      pieces: lines.reduce((n, l) => n + l.quantity, 0),
      lines,
    };
  }

  /** One packing slip per parcel: recipient, orders, items (gifts marked), memos, the parcel id for the barcode. */
  async slips(actor: Actor, id: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const { batch, parcels } = await this.load(db, ws, id);
    const c = await contents(db, ws, parcels);
    const slips = parcels.map((p) => {
      const orders = c.ordersOf(p);
      const first = orders[0];
      const items = c.itemsOf(p).map((l) => ({
        orderId: l.orderId,
        lineNo: l.lineNo,
        title: l.title,
        sku: l.sku,
        variant: l.variant,
        quantity: l.inParcel,
        gift: isGift(l),
      }));
      return {
        parcelId: p.id,
        shopName: c.shopName.get(p.shopId) ?? "",
        recipient: first?.recipient ?? null,
        phone: first?.phone ?? null,
        province: first?.province ?? p.province,
        city: first?.city ?? null,
        district: first?.district ?? null,
        address: first?.address ?? null,
        orders: orders.map((o) => ({
          id: o.id,
          platformOrderId: o.platformOrderId,
          paidAt: o.paidAt,
          buyerMemo: o.buyerMemo,
          sellerMemo: o.sellerMemo,
        })),
        items,
        pieces: items.reduce((n, i) => n + i.quantity, 0),
        gifts: items.filter((i) => i.gift).reduce((n, i) => n + i.quantity, 0),
        /** Part of a split order: the order's other lines travel in other parcels. */
        partOfSplit: orders.some((o) => {
          const total = o.itemCount;
          const here = items.filter((i) => i.orderId === o.id).reduce((n, i) => n + i.quantity, 0);
          return total > 0 && here < total;
        }),
      };
    });
    return { batch: presentBatch(batch), slips };
  }

  /**
   * The hand-over manifest (交接单): the shipped parcels of a batch, or of a day of the workspace's
   * calendar, per carrier, with waybill numbers, counts and weights.
   */
  async manifest(actor: Actor, q: { batchId?: string; date?: string }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    if ((q.batchId === undefined) === (q.date === undefined))
      throw badQueueField(q.batchId ? "date" : "batchId", "logistics.queue.day_span");
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const parcelsRepo = new ParcelRepository(db);
    const batches = new BatchRepository(db);
    let batch: Batch | undefined;
    let parcels: Parcel[];
    if (q.batchId !== undefined) {
      batch = await batches.get(ws, q.batchId);
      if (!batch) throw queueNotFound("batch");
      parcels = await parcelsRepo.shipped(ws, { batchId: batch.id });
    } else {
      const { from, to } = dayBounds(q.date!, await batches.timeZone(ws));
      parcels = await parcelsRepo.shipped(ws, { from, to });
    }
    const c = await contents(db, ws, parcels);
    const carriers = await new CarrierRepository(db).list(ws, nowIso(this.deps));
    const groups = new Map<string, Parcel[]>();
    for (const p of parcels) {
      const key = p.carrierId ?? "";
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const sheets = [...groups].map(([carrierId, list]) => {
      const carrier = carriers.find((x) => x.id === carrierId);
      const rows = list
        .map((p) => {
          const orders = c.ordersOf(p);
          return {
            parcelId: p.id,
            waybillNo: p.waybillNo,
            weightG: p.weightG,
            shippedAt: p.shippedAt,
            platformOrderIds: orders.map((o) => o.platformOrderId),
            recipient: orders[0]?.recipient ?? null,
            province: orders[0]?.province ?? p.province,
          };
        })
        .sort((a, b) => (a.waybillNo ?? "").localeCompare(b.waybillNo ?? ""));
      return {
        carrierId: carrierId === "" ? null : carrierId,
        code: carrier?.code ?? null,
        name: carrier?.name ?? null,
        count: rows.length,
        weightG: rows.reduce((n, r) => n + (r.weightG ?? 0), 0),
        unweighed: rows.filter((r) => r.weightG === null).length,
        parcels: rows,
      };
    });
    sheets.sort((a, b) => (a.code ?? "\uffff").localeCompare(b.code ?? "\uffff"));
    return {
      batch: batch ? presentBatch(batch) : null,
      date: q.date ?? null,
      generatedAt: nowIso(this.deps),
      count: parcels.length,
      weightG: sheets.reduce((n, s) => n + s.weightG, 0),
      carriers: sheets,
    };
  }
}
