// What a scanned slip is (logistics part "scan"): a parcel's id, else an order number — the order's
// one parcel, or the order still without one — and whether it may be packed (core/logistics/scan.ts
// decides); and whether a text scanned where the waybill belongs is a slip instead.
import { msg } from "../../core/messages/index.js";
import { orderStop, parcelStop, type Stop } from "../../core/logistics/scan.js";
import type { ParcelsTable } from "../../db/schema.js";
import type { ParcelOrder, ScanRepository } from "./scan.repository.js";

/** A resolved slip: a parcel (or an order still without one), or why not. */
export type Slip =
  | { ok: true; parcel: ParcelsTable | null; orders: ParcelOrder[] }
  | { ok: false; stop: Stop; parcel: ParcelsTable | null; orders: ParcelOrder[] };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A slip: a parcel id, else an order number (whose one parcel, or the order without a parcel). */
export async function resolveSlip(repo: ScanRepository, ws: string, text: string): Promise<Slip> {
  const stopped = async (parcel: ParcelsTable | null, orders: ParcelOrder[]): Promise<Slip> => {
    const facts = parcel ?? {
      status: "open",
      waybillNo: null,
      packedAt: null,
      shippedAt: null,
    };
    const numbers = orders.map((o) => o.platformOrderId);
    const p = parcel
      ? parcelStop({ ...parcel, orders: numbers }, await packerLabel(repo, ws, parcel))
      : null;
    const why = p ?? orders.map((o) => orderStop(o, facts)).find((s) => s !== null) ?? null;
    return why ? { ok: false, stop: why, parcel, orders } : { ok: true, parcel, orders };
  };
  if (UUID.test(text)) {
    const parcel = await repo.parcel(ws, text.toLowerCase());
    if (parcel) return stopped(parcel, await repo.ordersOf(ws, parcel.id));
  }
  const orders = await repo.ordersByNumber(ws, text);
  if (orders.length === 0)
    return {
      ok: false,
      stop: { outcome: "unknown", message: msg("scan.unknown", { code: text }) },
      parcel: null,
      orders: [],
    };
  if (orders.length > 1)
    return {
      ok: false,
      stop: {
        outcome: "ambiguous",
        message: msg("scan.order_in_shops", { order: text, count: orders.length }),
      },
      parcel: null,
      orders,
    };
  const order = orders[0]!;
  const ids = await repo.parcelIdsOfOrder(ws, order.id);
  if (ids.length > 1)
    return {
      ok: false,
      stop: {
        outcome: "ambiguous",
        message: msg("scan.order_in_parcels", { order: text, count: ids.length }),
      },
      parcel: null,
      orders,
    };
  if (ids.length === 0) return stopped(null, orders);
  const parcel = (await repo.parcel(ws, ids[0]!))!;
  return stopped(parcel, await repo.ordersOf(ws, parcel.id));
}

/** Whether a text scanned as a waybill is a slip: the parcels and order numbers it names, or null. */
export async function slipOf(repo: ScanRepository, ws: string, text: string) {
  if (UUID.test(text)) {
    const parcel = await repo.parcel(ws, text.toLowerCase());
    if (parcel)
      return {
        parcelIds: [parcel.id],
        orderIds: [] as string[],
        numbers: (await repo.ordersOf(ws, parcel.id)).map((o) => o.platformOrderId),
      };
  }
  const orders = await repo.ordersByNumber(ws, text);
  if (!orders.length) return null;
  const parcelIds = (await Promise.all(orders.map((o) => repo.parcelIdsOfOrder(ws, o.id)))).flat();
  return {
    parcelIds,
    orderIds: orders.map((o) => o.id),
    numbers: orders.map((o) => o.platformOrderId),
  };
}

async function packerLabel(repo: ScanRepository, ws: string, p: ParcelsTable) {
  if (!p.packedAt) return null;
  return (await repo.memberName(ws, p.packedBy)) ?? "";
}
