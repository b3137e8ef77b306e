// What the demo's logistics seeding reads and writes outside the other parts' repositories: the
// demo's recent orders with their lines (the ones shipped in the history span, and the ones still
// waiting), and bulk inserts of the batches, parcels, their orders and lines it makes — a few
// thousand rows in a few statements. Every method takes the workspace id and filters by it.
import { sql } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";
import type {
  ParcelItemsTable,
  ParcelOrdersTable,
  ParcelsTable,
  ShipBatchesTable,
} from "../../db/schema.js";

export interface DemoOrder {
  id: string;
  shopId: string;
  platform: string;
  platformOrderId: string;
  status: string;
  paidAt: string;
  paidDate: string;
  shippedAt: string | null;
  promisedShipAt: string | null;
  totalFen: number;
  refundFen: number;
  buyerRef: string | null;
  recipient: string | null;
  province: string | null;
  address: string | null;
}

/** An order's waybill as the platform will list it. */
export interface DemoTracking {
  orderId: string;
  waybillNo: string;
  carrier: string;
}

export interface DemoLine {
  orderId: string;
  lineNo: number;
  sku: string | null;
  quantity: number;
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export class LogisticsDemoRepository {
  constructor(private readonly db: Executor) {}

  /** Orders shipped since an instant, and paid orders not shipped yet paid on or after a day. */
  private recent(workspaceId: string, shippedSince: string, waitingSince: string) {
    return this.db
      .selectFrom("orders as o")
      .where("o.workspaceId", "=", workspaceId)
      .where("o.paidAt", "is not", null)
      .where((eb) =>
        eb.or([
          eb("o.shippedAt", ">=", shippedSince),
          eb.and([
            eb("o.shippedAt", "is", null),
            eb("o.cancelledAt", "is", null),
            eb("o.paidDate", ">=", waitingSince),
          ]),
        ]),
      );
  }

  /** The recent orders (see `recent`), by payment time and number (a stable order for a seeded generator). */
  async orders(
    workspaceId: string,
    shippedSince: string,
    waitingSince: string,
  ): Promise<DemoOrder[]> {
    const rows = await this.recent(workspaceId, shippedSince, waitingSince)
      .select([
        "o.id",
        "o.shopId",
        "o.platform",
        "o.platformOrderId",
        "o.status",
        "o.paidAt",
        "o.paidDate",
        "o.shippedAt",
        "o.promisedShipAt",
        "o.totalFen",
        "o.refundFen",
        "o.buyerRef",
        "o.recipient",
        "o.province",
        "o.address",
      ])
      .orderBy("o.paidAt")
      .orderBy("o.platformOrderId")
      .execute();
    return rows.map((r) => ({
      ...r,
      paidAt: r.paidAt!,
      paidDate: r.paidDate!,
      totalFen: Number(r.totalFen),
      refundFen: Number(r.refundFen),
    }));
  }

  /** The lines of the recent orders. */
  async lines(
    workspaceId: string,
    shippedSince: string,
    waitingSince: string,
  ): Promise<DemoLine[]> {
    const rows = await this.recent(workspaceId, shippedSince, waitingSince)
      .innerJoin("orderItems as i", (j) =>
        j.onRef("i.workspaceId", "=", "o.workspaceId").onRef("i.orderId", "=", "o.id"),
      )
      .select(["i.orderId", "i.lineNo", "i.sku", "i.quantity"])
      .orderBy("i.orderId")
      .orderBy("i.lineNo")
      .execute();
    return rows.map((r) => ({ ...r, lineNo: Number(r.lineNo), quantity: Number(r.quantity) }));
  }

  async insertBatches(rows: readonly ShipBatchesTable[]): Promise<void> {
    for (const part of chunks(rows, 500))
      await this.db.insertInto("shipBatches").values(part).execute();
  }

  /** Parcels with their orders and lines, a few hundred rows a statement. */
  async insertParcels(
    parcels: readonly ParcelsTable[],
    orders: readonly ParcelOrdersTable[],
    items: readonly ParcelItemsTable[],
  ): Promise<void> {
    for (const part of chunks(parcels, 400))
      await this.db.insertInto("parcels").values(part).execute();
    for (const part of chunks(orders, 2000))
      await this.db.insertInto("parcelOrders").values(part).execute();
    for (const part of chunks(items, 1500))
      await this.db.insertInto("parcelItems").values(part).execute();
  }

  /**
   * The waybill and carrier of its shipped parcel onto each order, as the platform's next order
   * export shows them: one UPDATE … FROM a VALUES list per few hundred orders (both databases).
   */
  async stampTracking(workspaceId: string, rows: readonly DemoTracking[]): Promise<void> {
    const pg = dialectOf(this.db) === "postgres";
    for (const part of chunks(rows, 500)) {
      const values = sql.join(part.map((r) => sql`(${r.orderId}, ${r.waybillNo}, ${r.carrier})`));
      const v = pg
        ? sql`(values ${values}) as v (column1, column2, column3)`
        : sql`(values ${values}) as v`;
      await sql`update orders set tracking_no = v.column2, carrier = v.column3
        from ${v}
        where orders.workspace_id = ${workspaceId} and orders.id = v.column1`.execute(this.db);
    }
  }
}
