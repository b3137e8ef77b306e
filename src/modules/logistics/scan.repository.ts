// The database side of the pack station, the tracking import and the write-back files (logistics
// part "scan"): parcels found by id, order number or waybill, the orders they carry, the waybill
// written onto a parcel, every scan, saved mappings, and the write-back files with their lines.
// Every method takes the workspace id and filters by it.
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";
import type { ParcelsTable, ScanEventsTable } from "../../db/schema.js";

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/** An order as the pack station and the write-back see it. */
export interface ParcelOrder {
  id: string;
  shopId: string;
  platform: string;
  platformOrderId: string;
  status: string;
  rawStatus: string;
  totalFen: number;
  refundFen: number;
  cancelledAt: string | null;
  shippedAt: string | null;
  trackingNo: string | null;
  carrier: string | null;
  recipient: string | null;
  province: string | null;
  city: string | null;
  sellerMemo: string | null;
  importId: string;
}

export interface ParcelLine {
  orderId: string;
  lineNo: number;
  title: string;
  sku: string | null;
  variant: string | null;
  quantity: number;
}

/** The waybill and what goes with it, written onto a parcel. */
export interface WaybillWrite {
  carrierId: string | null;
  waybillNo: string;
  waybillSource: "scan" | "typed" | "import";
  weightG?: number | null;
  weightSource?: "scale" | "typed" | "import" | null;
  packedBy?: string | null;
  packedAt?: string | null;
  shippedAt: string;
  province?: string | null;
  updatedAt: string;
}

const ORDER_COLUMNS = [
  "id",
  "shopId",
  "platform",
  "platformOrderId",
  "status",
  "rawStatus",
  "totalFen",
  "refundFen",
  "cancelledAt",
  "shippedAt",
  "trackingNo",
  "carrier",
  "recipient",
  "province",
  "city",
  "sellerMemo",
  "importId",
] as const;

const num = (v: unknown) => Number(v ?? 0);
const toOrder = (r: ParcelOrder): ParcelOrder => ({
  ...r,
  totalFen: num(r.totalFen),
  refundFen: num(r.refundFen),
});
const toParcel = (r: ParcelsTable): ParcelsTable => ({
  ...r,
  costFen: r.costFen === null ? null : num(r.costFen),
});

export class ScanRepository {
  constructor(private readonly db: Executor) {}

  async timeZone(workspaceId: string): Promise<string> {
    const r = await this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return r?.timeZone ?? "Asia/Shanghai";
  }

  async memberName(workspaceId: string, memberId: string | null): Promise<string | null> {
    if (memberId === null) return null;
    const r = await this.db
      .selectFrom("members")
      .select("name")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    return r?.name ?? null;
  }

  async parcel(workspaceId: string, id: string): Promise<ParcelsTable | null> {
    const r = await this.db
      .selectFrom("parcels")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toParcel(r) : null;
  }

  /** Parcels (not cancelled ones) that carry this order. */
  async parcelIdsOfOrder(workspaceId: string, orderId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("parcelOrders as po")
      .innerJoin("parcels as p", (j) =>
        j.onRef("p.workspaceId", "=", "po.workspaceId").onRef("p.id", "=", "po.parcelId"),
      )
      .select("p.id")
      .where("po.workspaceId", "=", workspaceId)
      .where("po.orderId", "=", orderId)
      .where("p.status", "!=", "cancelled")
      .orderBy("p.createdAt")
      .execute();
    return rows.map((r) => r.id);
  }

  /** Orders with this platform order number, in any shop of the workspace. */
  async ordersByNumber(workspaceId: string, platformOrderId: string): Promise<ParcelOrder[]> {
    const rows = await this.db
      .selectFrom("orders")
      .select(ORDER_COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("platformOrderId", "=", platformOrderId)
      .execute();
    return rows.map(toOrder);
  }

  /** The orders a parcel carries, by order number. */
  async ordersOf(workspaceId: string, parcelId: string): Promise<ParcelOrder[]> {
    const rows = await this.db
      .selectFrom("parcelOrders as po")
      .innerJoin("orders as o", (j) =>
        j.onRef("o.workspaceId", "=", "po.workspaceId").onRef("o.id", "=", "po.orderId"),
      )
      .select(ORDER_COLUMNS.map((c) => `o.${c}` as const))
      .where("po.workspaceId", "=", workspaceId)
      .where("po.parcelId", "=", parcelId)
      .execute();
    // Sorted here: ORDER BY the number made SQLite (no statistics) walk the workspace's orders by
    // that index and probe the parcel for each, instead of reading the parcel's few orders.
    return rows
      .map(toOrder)
      .sort((a, b) =>
        a.platformOrderId < b.platformOrderId ? -1 : a.platformOrderId > b.platformOrderId ? 1 : 0,
      );
  }

  /** The lines a parcel carries (its parcel_items; all lines of its orders when it lists none). */
  async linesOf(workspaceId: string, parcelId: string): Promise<ParcelLine[]> {
    const listed = await this.db
      .selectFrom("parcelItems as pi")
      .innerJoin("orderItems as oi", (j) =>
        j
          .onRef("oi.workspaceId", "=", "pi.workspaceId")
          .onRef("oi.orderId", "=", "pi.orderId")
          .onRef("oi.lineNo", "=", "pi.lineNo"),
      )
      .select(["pi.orderId", "pi.lineNo", "oi.title", "oi.sku", "oi.variant", "pi.quantity"])
      .where("pi.workspaceId", "=", workspaceId)
      .where("pi.parcelId", "=", parcelId)
      .orderBy("pi.orderId")
      .orderBy("pi.lineNo")
      .execute();
    if (listed.length) return listed.map((r) => ({ ...r, quantity: num(r.quantity) }));
    const all = await this.db
      .selectFrom("parcelOrders as po")
      .innerJoin("orderItems as oi", (j) =>
        j.onRef("oi.workspaceId", "=", "po.workspaceId").onRef("oi.orderId", "=", "po.orderId"),
      )
      .select(["oi.orderId", "oi.lineNo", "oi.title", "oi.sku", "oi.variant", "oi.quantity"])
      .where("po.workspaceId", "=", workspaceId)
      .where("po.parcelId", "=", parcelId)
      .orderBy("oi.orderId")
      .orderBy("oi.lineNo")
      .execute();
    return all.map((r) => ({ ...r, quantity: num(r.quantity) }));
  }

  /** Parcels other than `exceptId` (not cancelled) holding this waybill number. */
  async parcelsWithWaybill(
    workspaceId: string,
    waybillNo: string,
    exceptId: string | null,
  ): Promise<ParcelsTable[]> {
    let q = this.db
      .selectFrom("parcels")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("waybillNo", "=", waybillNo)
      .where("status", "!=", "cancelled");
    if (exceptId) q = q.where("id", "!=", exceptId);
    return (await q.execute()).map(toParcel);
  }

  /**
   * Writes the waybill (and weight, packer, time) onto the parcel and marks it shipped — only if
   * it is still at `version`; false when someone changed it first.
   */
  async writeWaybill(
    workspaceId: string,
    id: string,
    version: number,
    w: WaybillWrite,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("parcels")
      .set({
        status: "shipped",
        carrierId: w.carrierId,
        waybillNo: w.waybillNo,
        waybillSource: w.waybillSource,
        ...(w.weightG != null ? { weightG: w.weightG, weightSource: w.weightSource ?? null } : {}),
        ...(w.packedBy !== undefined ? { packedBy: w.packedBy, packedAt: w.packedAt ?? null } : {}),
        ...(w.province ? { province: w.province } : {}),
        shippedAt: w.shippedAt,
        updatedAt: w.updatedAt,
        version: version + 1,
      })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async recordScans(rows: ScanEventsTable[]): Promise<void> {
    for (const part of chunks(rows, 200))
      if (part.length) await this.db.insertInto("scanEvents").values(part).execute();
  }

  async scanEvents(workspaceId: string, filter: { memberId?: string; limit: number }) {
    let q = this.db
      .selectFrom("scanEvents")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(filter.limit);
    if (filter.memberId) q = q.where("memberId", "=", filter.memberId);
    return q.execute();
  }

  /**
   * A parcel for orders of one shop (all their lines), created when nothing else made one: by the
   * tracking import for an order that has no parcel yet, and by tests. Returns its id.
   */
  async createParcel(p: {
    workspaceId: string;
    shopId: string;
    orderIds: string[];
    province: string | null;
    at: string;
    batchId?: string | null;
    carrierId?: string | null;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto("parcels")
      .values({
        workspaceId: p.workspaceId,
        id,
        shopId: p.shopId,
        batchId: p.batchId ?? null,
        status: "open",
        carrierId: p.carrierId ?? null,
        waybillNo: null,
        waybillSource: null,
        weightG: null,
        weightSource: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        province: p.province,
        packedBy: null,
        packedAt: null,
        shippedAt: null,
        costFen: null,
        costCardId: null,
        costFormula: null,
        exportedAt: null,
        version: 1,
        createdAt: p.at,
        updatedAt: p.at,
      })
      .execute();
    await this.db
      .insertInto("parcelOrders")
      .values(p.orderIds.map((orderId) => ({ workspaceId: p.workspaceId, parcelId: id, orderId })))
      .execute();
    await this.insertAllLines(
      p.workspaceId,
      p.orderIds.map((orderId) => ({ parcelId: id, orderId })),
    );
    return id;
  }

  /** Every line of each order into its parcel (as the queue's ParcelService makes a whole-order parcel). */
  private async insertAllLines(
    workspaceId: string,
    pairs: { parcelId: string; orderId: string }[],
  ): Promise<void> {
    for (const part of chunks(pairs, 500)) {
      const parcelOf = new Map(part.map((x) => [x.orderId, x.parcelId]));
      const lines = await this.db
        .selectFrom("orderItems")
        .select(["orderId", "lineNo", "quantity"])
        .where("workspaceId", "=", workspaceId)
        .where("orderId", "in", [...parcelOf.keys()])
        .execute();
      for (const rows of chunks(lines, 500))
        if (rows.length)
          await this.db
            .insertInto("parcelItems")
            .values(
              rows.map((l) => ({
                workspaceId,
                parcelId: parcelOf.get(l.orderId)!,
                orderId: l.orderId,
                lineNo: Number(l.lineNo),
                quantity: Number(l.quantity),
              })),
            )
            .execute();
    }
  }

  async shop(workspaceId: string, shopIdOrName: string) {
    const rows = await this.db
      .selectFrom("shops")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where((eb) => eb.or([eb("id", "=", shopIdOrName), eb("name", "=", shopIdOrName)]))
      .execute();
    return rows.find((r) => r.id === shopIdOrName) ?? (rows.length === 1 ? rows[0]! : null);
  }
}

/**
 * The database refused a second live parcel with the same carrier and waybill number (the unique
 * index `parcels_waybill_unique`, migration 2026-12-15-330): another writer took the number between
 * the service's check and its write. PostgreSQL names the index; SQLite names its columns.
 */
export function isWaybillTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  if (!e) return false;
  if (e.code === "23505") return e.constraint === "parcels_waybill_unique";
  return (
    e.code === "SQLITE_CONSTRAINT_UNIQUE" &&
    typeof e.message === "string" &&
    e.message.includes("parcels.waybill_no")
  );
}
