// Packing work in the database: how many parcels wait to be packed, who packed what and when, the
// pack station's history a per-parcel time is learned from, the orders of recent days (the expected
// new parcels a day) and the workspace's per-parcel time setting. Every method takes the workspace
// id and filters by it.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import { PACKED_SCAN, WRONG_PARCEL_OUTCOME, type PackScan } from "../../core/logistics/packing.js";

/**
 * An order still to be shipped (alias `o`): paid, not shipped, not cancelled, not refunded in full —
 * the 待发货 queue's own conditions (queue.repository.ts).
 */
const WAITING = sql<boolean>`o.status = 'paid' and o.paid_at is not null and o.shipped_at is null and o.cancelled_at is null and (o.refund_fen = 0 or o.refund_fen < o.total_fen)`;

export interface PackingSettingsRow {
  parcelSeconds: number | null;
  version: number;
  updatedAt: string;
}

export class PackingWorkRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Parcels still to pack: each waiting order in no parcel at all is one parcel, and each open parcel
   * holding a waiting order is one (merged orders count once; a packed or shipped parcel is done).
   */
  async parcelsToPack(workspaceId: string): Promise<number> {
    const [loose, open] = await Promise.all([
      this.db
        .selectFrom("orders as o")
        .select(sql<number>`count(*)`.as("n"))
        .where("o.workspaceId", "=", workspaceId)
        .where(WAITING)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("parcelOrders as po")
                .innerJoin("parcels as p", (j) =>
                  j.onRef("p.workspaceId", "=", "po.workspaceId").onRef("p.id", "=", "po.parcelId"),
                )
                .select(sql.lit(1).as("one"))
                .whereRef("po.workspaceId", "=", "o.workspaceId")
                .whereRef("po.orderId", "=", "o.id")
                .where("p.status", "!=", "cancelled"),
            ),
          ),
        )
        .executeTakeFirst(),
      this.db
        .selectFrom("parcels as p")
        .select(sql<number>`count(*)`.as("n"))
        .where("p.workspaceId", "=", workspaceId)
        .where("p.status", "=", "open")
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("parcelOrders as po")
              .innerJoin("orders as o", (j) =>
                j.onRef("o.workspaceId", "=", "po.workspaceId").onRef("o.id", "=", "po.orderId"),
              )
              .select(sql.lit(1).as("one"))
              .whereRef("po.workspaceId", "=", "p.workspaceId")
              .whereRef("po.parcelId", "=", "p.id")
              .where(WAITING),
          ),
        )
        .executeTakeFirst(),
    ]);
    return Number(loose?.n ?? 0) + Number(open?.n ?? 0);
  }

  /** Parcels packed (and not cancelled since) in [from, to) by member; only these members when given. */
  async packedBy(
    workspaceId: string,
    fromIso: string,
    toIso: string,
    memberIds?: readonly string[],
  ): Promise<Map<string, number>> {
    if (memberIds && memberIds.length === 0) return new Map();
    let q = this.db
      .selectFrom("parcels")
      .select(["packedBy", sql<number>`count(*)`.as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("packedBy", "is not", null)
      .where("packedAt", ">=", fromIso)
      .where("packedAt", "<", toIso)
      .where("status", "in", ["packed", "shipped"])
      .groupBy("packedBy");
    if (memberIds) q = q.where("packedBy", "in", [...memberIds]);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.packedBy!, Number(r.n)]));
  }

  /** A packer's latest parcels shipped at the pack station since an instant (newest first). */
  async packScans(
    workspaceId: string,
    memberId: string,
    sinceIso: string,
    limit: number,
  ): Promise<PackScan[]> {
    const rows = await this.db
      .selectFrom("scanEvents")
      .select(["memberId", "at", "parcelId"])
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("at", ">=", sinceIso)
      .where("outcome", "=", PACKED_SCAN.outcome)
      .where("step", "in", [...PACKED_SCAN.steps])
      .where("parcelId", "is not", null)
      .orderBy("at", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ memberId: r.memberId, at: r.at, parcelId: r.parcelId! }));
  }

  /** Paid orders by paid date in [from, to] (not cancelled since): the expected new parcels a day. */
  async paidOrders(workspaceId: string, fromDate: string, toDate: string): Promise<number> {
    const r = await this.db
      .selectFrom("orders")
      .select(sql<number>`count(*)`.as("n"))
      .where("workspaceId", "=", workspaceId)
      .where("paidDate", ">=", fromDate)
      .where("paidDate", "<=", toDate)
      .where("status", "!=", "cancelled")
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Scans the pack station stopped as the wrong parcel in [from, to), by member. */
  async wrongParcels(workspaceId: string, fromIso: string, toIso: string) {
    const rows = await this.db
      .selectFrom("scanEvents")
      .select(["memberId", sql<number>`count(*)`.as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("outcome", "=", WRONG_PARCEL_OUTCOME)
      .where("at", ">=", fromIso)
      .where("at", "<", toIso)
      .groupBy("memberId")
      .execute();
    return new Map(rows.map((r) => [r.memberId, Number(r.n)]));
  }

  /** Whether the workspace recorded any packing in [from, to): a parcel packed by someone, a scan. */
  async packingRecorded(
    workspaceId: string,
    fromIso: string,
    toIso: string,
  ): Promise<{ packed: boolean; scanned: boolean }> {
    const [packed, scanned] = await Promise.all([
      this.db
        .selectFrom("parcels")
        .select("id")
        .where("workspaceId", "=", workspaceId)
        .where("packedBy", "is not", null)
        .where("packedAt", ">=", fromIso)
        .where("packedAt", "<", toIso)
        .limit(1)
        .executeTakeFirst(),
      this.db
        .selectFrom("scanEvents")
        .select("id")
        .where("workspaceId", "=", workspaceId)
        .where("at", ">=", fromIso)
        .where("at", "<", toIso)
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { packed: packed !== undefined, scanned: scanned !== undefined };
  }

  /** The workspace's per-parcel time setting (undefined: never saved). */
  settings(workspaceId: string): Promise<PackingSettingsRow | undefined> {
    return this.db
      .selectFrom("logisticsSettings")
      .select(["parcelSeconds", "version", "updatedAt"])
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
  }

  /**
   * Saves the per-parcel time if the stored version is `version` (0: none stored yet); false when
   * someone saved in between.
   */
  async saveSettings(
    workspaceId: string,
    version: number,
    parcelSeconds: number | null,
    at: string,
  ): Promise<boolean> {
    if (version === 0) {
      const r = await this.db
        .insertInto("logisticsSettings")
        .values({ workspaceId, parcelSeconds, version: 1, updatedAt: at })
        .onConflict((oc) => oc.column("workspaceId").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db
      .updateTable("logisticsSettings")
      .set((eb) => ({ parcelSeconds, version: eb("version", "+", 1), updatedAt: at }))
      .where("workspaceId", "=", workspaceId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
