// Write-back files in the database: the shipped parcels of a batch or a date range with their
// orders, the files and the lines they carried, the parcels' exported_at, and what the check reads
// (the last line sent per order, the order as the latest import left it). Every method takes the
// workspace id and filters by it.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { WritebackFilesTable, WritebackLinesTable } from "../../db/schema.js";

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export class WritebackRepository {
  constructor(private readonly db: Executor) {}

  async batch(workspaceId: string, idOrNumber: string) {
    return this.db
      .selectFrom("shipBatches")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where((eb) => eb.or([eb("id", "=", idOrNumber), eb("number", "=", idOrNumber)]))
      .executeTakeFirst();
  }

  /**
   * The shipped parcels of a shop to write back, with their orders: those of a batch, or those
   * shipped in [fromIso, toIso).
   */
  async shippedParcels(
    workspaceId: string,
    shopId: string,
    scope: { batchId: string } | { fromIso: string; toIso: string },
  ) {
    let q = this.db
      .selectFrom("parcels as p")
      .innerJoin("parcelOrders as po", (j) =>
        j.onRef("po.workspaceId", "=", "p.workspaceId").onRef("po.parcelId", "=", "p.id"),
      )
      .innerJoin("orders as o", (j) =>
        j.onRef("o.workspaceId", "=", "po.workspaceId").onRef("o.id", "=", "po.orderId"),
      )
      .select([
        "p.id as parcelId",
        "p.carrierId",
        "p.waybillNo",
        "p.weightG",
        "p.shippedAt",
        "o.id as orderId",
        "o.platformOrderId",
        "o.orderKey",
      ])
      .where("p.workspaceId", "=", workspaceId)
      .where("p.shopId", "=", shopId)
      .where("p.status", "=", "shipped")
      .where("p.waybillNo", "is not", null);
    q =
      "batchId" in scope
        ? q.where("p.batchId", "=", scope.batchId)
        : q.where("p.shippedAt", ">=", scope.fromIso).where("p.shippedAt", "<", scope.toIso);
    return q.orderBy("p.shippedAt").orderBy("o.platformOrderId").execute();
  }

  async createWritebackFile(f: WritebackFilesTable, lines: WritebackLinesTable[]): Promise<void> {
    await this.db.insertInto("writebackFiles").values(f).execute();
    for (const part of chunks(lines, 200))
      if (part.length) await this.db.insertInto("writebackLines").values(part).execute();
  }

  async markExported(workspaceId: string, parcelIds: string[], at: string): Promise<void> {
    for (const part of chunks([...new Set(parcelIds)], 500))
      await this.db
        .updateTable("parcels")
        .set({ exportedAt: at })
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", part)
        .execute();
  }

  async writebackFiles(workspaceId: string, shopId: string | undefined, limit: number) {
    let q = this.db
      .selectFrom("writebackFiles")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("createdAt", "desc")
      .orderBy("id", "desc")
      .limit(limit);
    if (shopId) q = q.where("shopId", "=", shopId);
    return q.execute();
  }

  async writebackFile(workspaceId: string, id: string) {
    return this.db
      .selectFrom("writebackFiles")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** A file's lines in order, with the parcel's shipping time. */
  async writebackLines(workspaceId: string, fileId: string) {
    return this.db
      .selectFrom("writebackLines as l")
      .leftJoin("parcels as p", (j) =>
        j.onRef("p.workspaceId", "=", "l.workspaceId").onRef("p.id", "=", "l.parcelId"),
      )
      .leftJoin("orders as o", (j) =>
        j.onRef("o.workspaceId", "=", "l.workspaceId").onRef("o.id", "=", "l.orderId"),
      )
      .select([
        "l.lineNo",
        "l.platformOrderId",
        "o.orderKey",
        "l.carrierName",
        "l.waybillNo",
        "l.sentAt",
        "p.shippedAt",
      ])
      .where("l.workspaceId", "=", workspaceId)
      .where("l.fileId", "=", fileId)
      .orderBy("l.lineNo")
      .execute();
  }

  /**
   * The last line sent per order of a shop (what the platform was last told), with the order as
   * it is now and the time of the shop's latest order import.
   */
  async lastSent(workspaceId: string, shopId: string) {
    const latest = this.db
      .selectFrom("writebackLines as l")
      .innerJoin("writebackFiles as f", (j) =>
        j.onRef("f.workspaceId", "=", "l.workspaceId").onRef("f.id", "=", "l.fileId"),
      )
      .select(["l.orderId", sql<string>`max(l.sent_at)`.as("sentAt")])
      .where("l.workspaceId", "=", workspaceId)
      .where("f.shopId", "=", shopId)
      .groupBy("l.orderId")
      .as("latest");
    return this.db
      .selectFrom("writebackLines as l")
      .innerJoin(latest, (j) =>
        j.onRef("latest.orderId", "=", "l.orderId").onRef("latest.sentAt", "=", "l.sentAt"),
      )
      .innerJoin("orders as o", (j) =>
        j.onRef("o.workspaceId", "=", "l.workspaceId").onRef("o.id", "=", "l.orderId"),
      )
      .select([
        "l.orderId",
        "l.fileId",
        "l.platformOrderId",
        "l.carrierId",
        "l.carrierName",
        "l.waybillNo",
        "l.sentAt",
        "o.status",
        "o.rawStatus",
        "o.trackingNo",
        "o.carrier",
        "o.shippedAt",
      ])
      .where("l.workspaceId", "=", workspaceId)
      .orderBy("l.sentAt")
      .orderBy("l.platformOrderId")
      .execute();
  }

  /** The time of the shop's latest order import still in force (null when none). */
  async lastOrderImportAt(workspaceId: string, shopId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("orderImports")
      .select(sql<string | null>`max(created_at)`.as("at"))
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("status", "=", "committed")
      .executeTakeFirst();
    return r?.at ?? null;
  }
}
