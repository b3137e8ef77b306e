// The parcel as the pack station shows it: its orders (number, state, recipient, memo), its lines
// and its carrier.
import type { Executor } from "../../db/database.js";
import type { ParcelsTable } from "../../db/schema.js";
import { CarrierRepository } from "./carriers.repository.js";
import { ScanRepository, type ParcelLine, type ParcelOrder } from "./scan.repository.js";

/** A parcel as the packer sees it (a parcel not yet made for an order without one has id null). */
export interface ParcelView {
  id: string | null;
  shopId: string;
  batchId: string | null;
  status: string;
  carrier: { id: string; code: string; name: string } | null;
  waybillNo: string | null;
  waybillSource: string | null;
  weightG: number | null;
  packedBy: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  version: number;
  orders: {
    id: string;
    platformOrderId: string;
    status: string;
    rawStatus: string;
    recipient: string | null;
    province: string | null;
    city: string | null;
    sellerMemo: string | null;
  }[];
  lines: {
    orderId: string;
    title: string;
    sku: string | null;
    variant: string | null;
    quantity: number;
  }[];
}

export async function parcelView(
  trx: Executor,
  ws: string,
  parcel: ParcelsTable | null,
  orders: ParcelOrder[],
  at: string,
): Promise<ParcelView> {
  const repo = new ScanRepository(trx);
  let lines: ParcelLine[] = [];
  if (parcel) lines = await repo.linesOf(ws, parcel.id);
  const carriers = parcel?.carrierId ? await new CarrierRepository(trx).list(ws, at) : [];
  const c = carriers.find((x) => x.id === parcel?.carrierId);
  return {
    id: parcel?.id ?? null,
    shopId: parcel?.shopId ?? orders[0]!.shopId,
    batchId: parcel?.batchId ?? null,
    status: parcel?.status ?? "open",
    carrier: c ? { id: c.id, code: c.code, name: c.name } : null,
    waybillNo: parcel?.waybillNo ?? null,
    waybillSource: parcel?.waybillSource ?? null,
    weightG: parcel?.weightG ?? null,
    packedBy: parcel?.packedBy ?? null,
    packedAt: parcel?.packedAt ?? null,
    shippedAt: parcel?.shippedAt ?? null,
    version: parcel?.version ?? 0,
    orders: orders.map((o) => ({
      id: o.id,
      platformOrderId: o.platformOrderId,
      status: o.status,
      rawStatus: o.rawStatus,
      recipient: o.recipient,
      province: o.province,
      city: o.city,
      sellerMemo: o.sellerMemo,
    })),
    lines: lines.map((l) => ({
      orderId: l.orderId,
      title: l.title,
      sku: l.sku,
      variant: l.variant,
      quantity: l.quantity,
    })),
  };
}
