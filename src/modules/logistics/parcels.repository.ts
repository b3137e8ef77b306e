// Parcels, their orders and order lines, and the batches (波次) they are picked and handed over in.
// This is the API the other logistics parts read and write parcels through (pack station, waybills,
// write-back, cost): a parcel is one or more orders of one shop to one recipient (a merge), or part
// of an order (a split: `items` says which lines and how many). A parcel is `open` until packed,
// `packed`, `shipped`, or `cancelled` (a merge or split undone: kept for the scan history, ignored
// everywhere else). Every method takes the workspace id and filters by it; writes that race check
// the row's `version`.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { ParcelsTable, ShipBatchesTable } from "../../db/schema.js";

export type ParcelStatus = ParcelsTable["status"];
/** Statuses of a parcel still in play (not undone). */
export const LIVE_PARCEL: readonly ParcelStatus[] = ["open", "packed", "shipped"];

export type ParcelRow = Omit<ParcelsTable, "workspaceId">;

/** A line of an order (and how many of it) inside a parcel. */
export interface ParcelItem {
  orderId: string;
  lineNo: number;
  quantity: number;
}

/** A parcel with the orders it carries and the lines of them it holds. */
export interface Parcel extends ParcelRow {
  orderIds: string[];
  items: ParcelItem[];
}

/** What the other parts may change on a parcel (status, waybill, weight, size, packer, cost, export time). */
export type ParcelPatch = Partial<
  Pick<
    ParcelsTable,
    | "batchId"
    | "status"
    | "carrierId"
    | "waybillNo"
    | "waybillSource"
    | "weightG"
    | "weightSource"
    | "lengthMm"
    | "widthMm"
    | "heightMm"
    | "province"
    | "packedBy"
    | "packedAt"
    | "shippedAt"
    | "costFen"
    | "costCardId"
    | "costFormula"
    | "exportedAt"
  >
>;

export type Batch = Omit<ShipBatchesTable, "workspaceId">;

/** An order's live parcel, as the queue and the pack station show it. */
export interface OrderParcel {
  orderId: string;
  parcelId: string;
  status: ParcelStatus;
  batchId: string | null;
  batchNumber: string | null;
  carrierId: string | null;
  waybillNo: string | null;
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

const toRow = (r: ParcelsTable): ParcelRow => {
  const { workspaceId: _ws, ...rest } = r;
  return {
    ...rest,
    weightG: rest.weightG === null ? null : Number(rest.weightG),
    costFen: rest.costFen === null ? null : Number(rest.costFen),
    version: Number(rest.version),
  };
};

export class ParcelRepository {
  constructor(private readonly db: Executor) {}

  /** One parcel with its orders and items, or undefined when it is not in this workspace. */
  async get(workspaceId: string, id: string): Promise<Parcel | undefined> {
    return (await this.getMany(workspaceId, [id]))[0];
  }

  /** The given parcels (those of this workspace), with their orders and items, in the order asked. */
  async getMany(workspaceId: string, ids: readonly string[]): Promise<Parcel[]> {
    const rows: ParcelsTable[] = [];
    for (const part of chunks([...new Set(ids)], 500))
      rows.push(
        ...(await this.db
          .selectFrom("parcels")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("id", "in", part)
          .execute()),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const found = ids.map((id) => byId.get(id)).filter((r): r is ParcelsTable => r !== undefined);
    return this.withContents(workspaceId, found);
  }

  /** The live parcels of a batch (not the undone ones), oldest first. */
  async byBatch(workspaceId: string, batchId: string): Promise<Parcel[]> {
    const rows = await this.db
      .selectFrom("parcels")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("batchId", "=", batchId)
      .where("status", "!=", "cancelled")
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    return this.withContents(workspaceId, rows);
  }

  /** The parcel whose waybill number this is (live ones), if any. */
  async byWaybill(workspaceId: string, waybillNo: string): Promise<Parcel[]> {
    const rows = await this.db
      .selectFrom("parcels")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("waybillNo", "=", waybillNo)
      .where("status", "!=", "cancelled")
      .execute();
    return this.withContents(workspaceId, rows);
  }

  /** Parcels shipped in [from, to) (UTC instants), optionally of one batch, by carrier then time. */
  async shipped(
    workspaceId: string,
    opts: { from?: string; to?: string; batchId?: string },
  ): Promise<Parcel[]> {
    let q = this.db
      .selectFrom("parcels")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("status", "=", "shipped");
    if (opts.batchId !== undefined) q = q.where("batchId", "=", opts.batchId);
    if (opts.from !== undefined) q = q.where("shippedAt", ">=", opts.from);
    if (opts.to !== undefined) q = q.where("shippedAt", "<", opts.to);
    const rows = await q.orderBy("carrierId").orderBy("shippedAt").orderBy("id").execute();
    return this.withContents(workspaceId, rows);
  }

  /** The live parcels (open, packed or shipped) that carry any of these orders, with their batch numbers. */
  async ofOrders(workspaceId: string, orderIds: readonly string[]): Promise<OrderParcel[]> {
    const out: OrderParcel[] = [];
    for (const part of chunks([...new Set(orderIds)], 500)) {
      const rows = await this.db
        .selectFrom("parcelOrders as po")
        .innerJoin("parcels as p", (j) =>
          j.onRef("p.workspaceId", "=", "po.workspaceId").onRef("p.id", "=", "po.parcelId"),
        )
        .leftJoin("shipBatches as b", (j) =>
          j.onRef("b.workspaceId", "=", "p.workspaceId").onRef("b.id", "=", "p.batchId"),
        )
        .select([
          "po.orderId",
          "p.id as parcelId",
          "p.status",
          "p.batchId",
          "b.number as batchNumber",
          "p.carrierId",
          "p.waybillNo",
        ])
        .where("po.workspaceId", "=", workspaceId)
        .where("po.orderId", "in", part)
        .where("p.status", "!=", "cancelled")
        .orderBy("p.createdAt")
        .execute();
      out.push(...rows);
    }
    return out;
  }

  /** Stores a new parcel with its orders and items. */
  async insert(
    workspaceId: string,
    parcel: ParcelRow,
    orderIds: readonly string[],
    items: readonly ParcelItem[],
  ): Promise<void> {
    await this.db
      .insertInto("parcels")
      .values({ workspaceId, ...parcel })
      .execute();
    for (const part of chunks(orderIds, 500))
      await this.db
        .insertInto("parcelOrders")
        .values(part.map((orderId) => ({ workspaceId, parcelId: parcel.id, orderId })))
        .execute();
    for (const part of chunks(items, 500))
      await this.db
        .insertInto("parcelItems")
        .values(part.map((i) => ({ workspaceId, parcelId: parcel.id, ...i })))
        .execute();
  }

  /**
   * Changes a parcel if its version is still `version`; bumps the version. False when the parcel is
   * gone or someone changed it first (the caller answers 409).
   */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    patch: ParcelPatch,
    at: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("parcels")
      .set({ ...patch, updatedAt: at, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Puts parcels into a batch (or out of it with null), bumping their versions. */
  async setBatch(
    workspaceId: string,
    ids: readonly string[],
    batchId: string | null,
    at: string,
  ): Promise<void> {
    for (const part of chunks(ids, 500))
      await this.db
        .updateTable("parcels")
        .set({ batchId, updatedAt: at, version: sql<number>`version + 1` })
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", part)
        .execute();
  }

  private async withContents(workspaceId: string, rows: ParcelsTable[]): Promise<Parcel[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const orders = new Map<string, string[]>();
    const items = new Map<string, ParcelItem[]>();
    for (const part of chunks(ids, 500)) {
      const po = await this.db
        .selectFrom("parcelOrders")
        .select(["parcelId", "orderId"])
        .where("workspaceId", "=", workspaceId)
        .where("parcelId", "in", part)
        .orderBy("parcelId")
        .orderBy("orderId")
        .execute();
      for (const r of po) orders.set(r.parcelId, [...(orders.get(r.parcelId) ?? []), r.orderId]);
      const pi = await this.db
        .selectFrom("parcelItems")
        .select(["parcelId", "orderId", "lineNo", "quantity"])
        .where("workspaceId", "=", workspaceId)
        .where("parcelId", "in", part)
        .orderBy("parcelId")
        .orderBy("orderId")
        .orderBy("lineNo")
        .execute();
      for (const r of pi) {
        const list = items.get(r.parcelId) ?? [];
        list.push({ orderId: r.orderId, lineNo: Number(r.lineNo), quantity: Number(r.quantity) });
        items.set(r.parcelId, list);
      }
    }
    return rows.map((r) => ({
      ...toRow(r),
      orderIds: orders.get(r.id) ?? [],
      items: items.get(r.id) ?? [],
    }));
  }
}

export class BatchRepository {
  constructor(private readonly db: Executor) {}

  async get(workspaceId: string, idOrNumber: string): Promise<Batch | undefined> {
    const r = await this.db
      .selectFrom("shipBatches")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where((eb) => eb.or([eb("id", "=", idOrNumber), eb("number", "=", idOrNumber)]))
      .executeTakeFirst();
    if (!r) return undefined;
    const { workspaceId: _ws, ...rest } = r;
    return { ...rest, version: Number(rest.version) };
  }

  /** Batches newest first, with how many live parcels each holds and how many are shipped. */
  async list(
    workspaceId: string,
    opts: { limit: number; before?: { createdAt: string; id: string } },
  ): Promise<(Batch & { parcels: number; shipped: number })[]> {
    let q = this.db
      .selectFrom("shipBatches as b")
      .selectAll("b")
      .select((eb) => [
        eb
          .selectFrom("parcels as p")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("p.workspaceId", "=", "b.workspaceId")
          .whereRef("p.batchId", "=", "b.id")
          .where("p.status", "!=", "cancelled")
          .as("parcels"),
        eb
          .selectFrom("parcels as p")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("p.workspaceId", "=", "b.workspaceId")
          .whereRef("p.batchId", "=", "b.id")
          .where("p.status", "=", "shipped")
          .as("shipped"),
      ])
      .where("b.workspaceId", "=", workspaceId);
    if (opts.before)
      q = q.where(
        sql<boolean>`(b.created_at, b.id) < (${opts.before.createdAt}, ${opts.before.id})`,
      );
    const rows = await q
      .orderBy("b.createdAt", "desc")
      .orderBy("b.id", "desc")
      .limit(opts.limit)
      .execute();
    return rows.map((r) => {
      const { workspaceId: _ws, ...rest } = r;
      return {
        ...rest,
        version: Number(rest.version),
        parcels: Number(r.parcels ?? 0),
        shipped: Number(r.shipped ?? 0),
      };
    });
  }

  /** The workspace's time zone (batch numbers and manifests go by its calendar days). */
  async timeZone(workspaceId: string): Promise<string> {
    const r = await this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return r?.timeZone ?? "Asia/Shanghai";
  }

  /** The numbers already taken that start with the prefix (B20261207-). */
  async numbersLike(workspaceId: string, prefix: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("shipBatches")
      .select("number")
      .where("workspaceId", "=", workspaceId)
      .where("number", "like", `${prefix}%`)
      .execute();
    return rows.map((r) => r.number);
  }

  async insert(workspaceId: string, batch: Batch): Promise<void> {
    await this.db
      .insertInto("shipBatches")
      .values({ workspaceId, ...batch })
      .execute();
  }

  /** Changes a batch if its version is still `version`; false when someone changed it first. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Pick<ShipBatchesTable, "status" | "printedAt" | "handedOverAt">>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("shipBatches")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}

/** Per-SKU facts (location, weight in grams) the packers set; the cost part estimates weights from them. */
export interface SkuSetting {
  sku: string;
  location: string | null;
  weightG: number | null;
  updatedAt: string;
}

export class SkuSettingsRepository {
  constructor(private readonly db: Executor) {}

  async get(workspaceId: string, skus: readonly string[]): Promise<Map<string, SkuSetting>> {
    const out = new Map<string, SkuSetting>();
    for (const part of chunks([...new Set(skus)], 500)) {
      const rows = await this.db
        .selectFrom("skuSettings")
        .select(["sku", "location", "weightG", "updatedAt"])
        .where("workspaceId", "=", workspaceId)
        .where("sku", "in", part)
        .execute();
      for (const r of rows)
        out.set(r.sku, { ...r, weightG: r.weightG === null ? null : Number(r.weightG) });
    }
    return out;
  }

  /** Settings by SKU, optionally those starting with a prefix, after a SKU (cursor). */
  async list(
    workspaceId: string,
    opts: { prefix?: string; after?: string; limit: number },
  ): Promise<SkuSetting[]> {
    let q = this.db
      .selectFrom("skuSettings")
      .select(["sku", "location", "weightG", "updatedAt"])
      .where("workspaceId", "=", workspaceId);
    if (opts.prefix)
      q = q.where("sku", ">=", opts.prefix).where("sku", "<", `${opts.prefix}\uffff`);
    if (opts.after) q = q.where("sku", ">", opts.after);
    const rows = await q.orderBy("sku").limit(opts.limit).execute();
    return rows.map((r) => ({ ...r, weightG: r.weightG === null ? null : Number(r.weightG) }));
  }

  async put(workspaceId: string, s: SkuSetting): Promise<void> {
    await this.db
      .insertInto("skuSettings")
      .values({ workspaceId, ...s })
      .onConflict((oc) =>
        oc
          .columns(["workspaceId", "sku"])
          .doUpdateSet({ location: s.location, weightG: s.weightG, updatedAt: s.updatedAt }),
      )
      .execute();
  }

  async remove(workspaceId: string, sku: string): Promise<void> {
    await this.db
      .deleteFrom("skuSettings")
      .where("workspaceId", "=", workspaceId)
      .where("sku", "=", sku)
      .execute();
  }
}
