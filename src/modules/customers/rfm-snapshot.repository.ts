// Stored RFM snapshots (docs/CUSTOMERS.md, "Stored RFM"): one per shop, window and analysis date,
// replaced by each computation; a customer page scores one customer against the stored cut-offs.
import type { Executor } from "../../db/database.js";
import type { CustomerRfmSnapshotsTable } from "../../db/schema.js";

export type RfmSnapshotRow = CustomerRfmSnapshotsTable;

/** Snapshots of other analysis dates are kept this many days after they were computed. */
const KEEP_DAYS = 7;

export class RfmSnapshotRepository {
  constructor(private readonly db: Executor) {}

  async get(
    workspaceId: string,
    shopId: string,
    windowDays: number,
    asOf: string,
  ): Promise<RfmSnapshotRow | undefined> {
    const r = await this.db
      .selectFrom("customerRfmSnapshots")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("windowDays", "=", windowDays)
      .where("asOf", "=", asOf)
      .executeTakeFirst();
    return r && { ...r, windowDays: Number(r.windowDays), customers: Number(r.customers) };
  }

  /** Stores the snapshot in place of the one of the same window and date; drops stale old ones. */
  async put(row: RfmSnapshotRow): Promise<void> {
    const keepAfter = new Date(Date.parse(row.computedAt) - KEEP_DAYS * 86_400_000).toISOString();
    await this.db
      .deleteFrom("customerRfmSnapshots")
      .where("workspaceId", "=", row.workspaceId)
      .where("shopId", "=", row.shopId)
      .where((eb) =>
        eb.or([
          eb.and([eb("windowDays", "=", row.windowDays), eb("asOf", "=", row.asOf)]),
          eb("computedAt", "<", keepAfter),
        ]),
      )
      .execute();
    await this.db.insertInto("customerRfmSnapshots").values(row).execute();
  }
}
