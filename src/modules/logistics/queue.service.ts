// 待发货: paid, unshipped, not fully refunded orders by ship-by time, and merge (合单) proposals.
// Everyone in the workspace reads the queue (logistics.read); the packers act on it through
// ParcelService. Ship-by = the promised time when the export has one, else paid_at + the shop's
// window; `secondsLeft` counts down to it and is negative once overdue.
import type { Actor } from "../../core/actor.js";
import { LIMITS } from "../../core/limits.js";
import { matchCarrier } from "../../core/logistics/carriers.js";
import { proposeMerges } from "../../core/logistics/queue.js";
import { formatMoney } from "../../core/money.js";
import { findProvince } from "../../core/orders/provinces.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { ParcelRepository, type OrderParcel } from "./parcels.repository.js";
import {
  QueueRepository,
  type OrderLine,
  type QueueFilter,
  type QueueRow,
  type QueueShop,
} from "./queue.repository.js";
import { badQueueField, queueNotFound } from "./queue.errors.js";

export interface QueueQuery {
  shopId?: string;
  platform?: string;
  province?: string;
  carrierId?: string;
  sku?: string;
  memo?: string;
  overdue?: boolean;
  inParcel?: boolean;
  limit?: number;
  cursor?: string;
}

const encodeCursor = (shipBy: string, id: string) =>
  Buffer.from(JSON.stringify([shipBy, id])).toString("base64url");

function decodeCursor(cursor: string): { shipBy: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === "string" &&
      typeof v[1] === "string" &&
      !Number.isNaN(Date.parse(v[0]))
    )
      return { shipBy: v[0], id: v[1] };
  } catch {
    // falls through to the refusal
  }
  throw badQueueField("cursor", "logistics.queue.cursor_invalid");
}

/** An order of the queue as the API gives it. */
export function presentQueueRow(
  r: QueueRow,
  shop: QueueShop | undefined,
  now: string,
  lines: readonly OrderLine[],
  parcels: readonly OrderParcel[],
) {
  const secondsLeft = Math.round((Date.parse(r.shipBy) - Date.parse(now)) / 1000);
  return {
    id: r.id,
    shopId: r.shopId,
    shopName: shop?.name ?? "",
    platform: r.platform,
    platformOrderId: r.platformOrderId,
    paidAt: r.paidAt,
    shipBy: r.shipBy,
    promised: r.promisedShipAt !== null,
    secondsLeft,
    overdue: secondsLeft < 0,
    total: formatMoney(r.totalFen),
    refund: formatMoney(r.refundFen),
    itemCount: r.itemCount,
    buyer: r.buyerRef,
    recipient: r.recipient,
    phone: r.phone,
    province: r.province,
    city: r.city,
    district: r.district,
    address: r.address,
    carrier: r.carrier,
    buyerMemo: r.buyerMemo,
    sellerMemo: r.sellerMemo,
    items: lines.map((l) => ({
      lineNo: l.lineNo,
      title: l.title,
      sku: l.sku,
      variant: l.variant,
      quantity: l.quantity,
    })),
    parcels: parcels.map((p) => ({
      id: p.parcelId,
      status: p.status,
      batchId: p.batchId,
      batchNumber: p.batchNumber,
      carrierId: p.carrierId,
      waybillNo: p.waybillNo,
    })),
  };
}

export class ShipQueueService {
  constructor(private readonly deps: ServiceDeps) {}

  private async shopsFor(actor: Actor, q: { shopId?: string; platform?: string }) {
    const all = await new QueueRepository(this.deps.db).shops(actor.workspaceId);
    if (q.shopId !== undefined && !all.some((s) => s.id === q.shopId)) throw queueNotFound("shop");
    return {
      all,
      chosen: all.filter(
        (s) =>
          (q.shopId === undefined || s.id === q.shopId) &&
          (q.platform === undefined || s.platform === q.platform),
      ),
    };
  }

  /** The filter in SQL terms: a province by name or code, a carrier by id with the texts that name it. */
  private async filterOf(actor: Actor, q: QueueQuery, at: string): Promise<QueueFilter> {
    const f: QueueFilter = {};
    if (q.province !== undefined && q.province.trim() !== "") {
      const p = findProvince(q.province);
      if (!p)
        throw badQueueField("province", "logistics.queue.unknown_province", {
          province: q.province,
        });
      f.provinceCode = p.code;
      f.provinceNames = [p.name];
    }
    if (q.carrierId !== undefined) {
      const carriers = await new CarrierRepository(this.deps.db).list(actor.workspaceId, at);
      const carrier = carriers.find((c) => c.id === q.carrierId);
      if (!carrier) throw badQueueField("carrierId", "logistics.queue.unknown_carrier");
      const texts = await new QueueRepository(this.deps.db).carrierTexts(actor.workspaceId);
      f.carrier = {
        id: carrier.id,
        names: texts.filter((t) => matchCarrier(t, carriers)?.id === carrier.id),
      };
    }
    if (q.sku !== undefined && q.sku.trim() !== "") f.sku = q.sku.trim();
    if (q.memo !== undefined && q.memo.trim() !== "") f.memo = q.memo.trim();
    if (q.overdue !== undefined) f.overdue = q.overdue;
    if (q.inParcel !== undefined) f.inParcel = q.inParcel;
    return f;
  }

  /** One page of the queue, earliest ship-by first; `nextCursor` continues after its last order. */
  async page(actor: Actor, q: QueueQuery) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const now = nowIso(this.deps);
    const limit = q.limit ?? LIMITS.pageSizeDefault;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const { chosen } = await this.shopsFor(actor, q);
    const filter = await this.filterOf(actor, q, now);
    const repo = new QueueRepository(this.deps.db);
    const rows = await repo.page(actor.workspaceId, chosen, filter, {
      now,
      limit: limit + 1,
      after,
    });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const ids = page.map((r) => r.id);
    const [lines, parcels] = await Promise.all([
      repo.lines(actor.workspaceId, ids),
      new ParcelRepository(this.deps.db).ofOrders(actor.workspaceId, ids),
    ]);
    const shops = new Map(chosen.map((s) => [s.id, s]));
    const last = page.at(-1);
    return {
      now,
      items: page.map((r) =>
        presentQueueRow(
          r,
          shops.get(r.shopId),
          now,
          lines.filter((l) => l.orderId === r.id),
          parcels.filter((p) => p.orderId === r.id),
        ),
      ),
      nextCursor: more && last ? encodeCursor(last.shipBy, last.id) : null,
    };
  }

  /** How long the queue is per shop, how much is overdue and due within 24 hours; the carriers to filter by. */
  async summary(actor: Actor) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const now = nowIso(this.deps);
    const repo = new QueueRepository(this.deps.db);
    const shops = await repo.shops(actor.workspaceId);
    const [counts, carriers] = await Promise.all([
      repo.counts(actor.workspaceId, shops, now),
      new CarrierRepository(this.deps.db).list(actor.workspaceId, now),
    ]);
    const perShop = shops.map((s) => {
      const c = counts.find((x) => x.shopId === s.id);
      return {
        id: s.id,
        name: s.name,
        platform: s.platform,
        orders: c?.orders ?? 0,
        overdue: c?.overdue ?? 0,
        dueToday: c?.dueToday ?? 0,
      };
    });
    return {
      now,
      orders: perShop.reduce((n, s) => n + s.orders, 0),
      overdue: perShop.reduce((n, s) => n + s.overdue, 0),
      dueToday: perShop.reduce((n, s) => n + s.dueToday, 0),
      shops: perShop,
      carriers: carriers
        .filter((c) => c.active)
        .map((c) => ({ id: c.id, code: c.code, name: c.name })),
    };
  }

  /**
   * Merge proposals over the queue's orders that are paid, not refunded at all and in no parcel:
   * one shop, the same recipient (platform buyer id, or name + phone + address as the platform
   * gives them), each saying why.
   */
  async proposals(actor: Actor, q: { shopId?: string }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const now = nowIso(this.deps);
    const { chosen } = await this.shopsFor(actor, q);
    const repo = new QueueRepository(this.deps.db);
    const candidates = await repo.mergeCandidates(
      actor.workspaceId,
      chosen.map((s) => s.id),
    );
    const shops = new Map(chosen.map((s) => [s.id, s]));
    const shipByOf = (c: { shopId: string; paidAt: string; promisedShipAt: string | null }) =>
      c.promisedShipAt ??
      new Date(
        Date.parse(c.paidAt) + (shops.get(c.shopId)?.shipWindowHours ?? 48) * 3_600_000,
      ).toISOString();
    const withShipBy = candidates.map((c) => ({ ...c, shipBy: shipByOf(c) }));
    const byId = new Map(withShipBy.map((c) => [c.id, c]));
    const proposals = proposeMerges(withShipBy);
    return {
      now,
      considered: candidates.length,
      items: proposals.map((p) => ({
        shopId: p.shopId,
        shopName: shops.get(p.shopId)?.name ?? "",
        reason: p.reason,
        shipBy: p.shipBy,
        overdue: p.shipBy < now,
        orders: p.orderIds.map((id) => {
          const o = byId.get(id)!;
          return {
            id: o.id,
            platformOrderId: o.platformOrderId,
            shipBy: o.shipBy,
            total: formatMoney(o.totalFen),
            itemCount: o.itemCount,
            buyer: o.buyerRef,
            recipient: o.recipient,
            phone: o.phone,
            province: o.province,
            city: o.city,
            district: o.district,
            address: o.address,
            buyerMemo: o.buyerMemo,
          };
        }),
      })),
    };
  }
}
