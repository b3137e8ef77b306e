// The tracking import's side of the database: a shop's orders by number, their parcels, the parcels
// holding given waybills, and the writes of one import — new parcels made already shipped with their
// waybills, and waybills written onto existing parcels — in few statements, since one file may hold
// 100,000 lines (docs/BENCHMARKS.md). Every method takes the workspace id and filters by it.
import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";
import type { ParcelsTable } from "../../db/schema.js";

/** What the import reads of an order. */
export interface TrackingOrder extends OrderFacts {
  id: string;
  province: string | null;
}

/** What the import reads of a parcel. */
export type ParcelFacts = Pick<
  ParcelsTable,
  "id" | "status" | "carrierId" | "waybillNo" | "waybillSource" | "weightG"
>;
import type { OrderFacts } from "../../core/logistics/scan.js";

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const num = (v: unknown) => Number(v ?? 0);

/** A parcel made by the import for one order, with its waybill. */
export interface ImportedParcel {
  id: string;
  shopId: string;
  orderId: string;
  province: string | null;
  carrierId: string;
  waybillNo: string;
  weightG: number | null;
}

/** A waybill written onto an existing parcel. */
export interface ImportedWaybill {
  id: string;
  carrierId: string;
  waybillNo: string;
  weightG: number | null;
}

export class TrackingRepository {
  /** `sqlite`: the handle behind `db` when it is SQLite, for the bulk inserts. */
  constructor(
    private readonly db: Executor,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** A shop's orders with these numbers: looked up by number, or (many numbers) read whole. */
  async shopOrders(
    workspaceId: string,
    shopId: string,
    numbers: string[],
  ): Promise<TrackingOrder[]> {
    const wanted = new Set(numbers);
    const base = () =>
      this.db
        .selectFrom("orders")
        .select([
          "id",
          "platformOrderId",
          "status",
          "totalFen",
          "refundFen",
          "cancelledAt",
          "shippedAt",
          "trackingNo",
          "carrier",
          "province",
        ])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId);
    const rows: TrackingOrder[] = [];
    const add = (r: TrackingOrder) =>
      rows.push({ ...r, totalFen: num(r.totalFen), refundFen: num(r.refundFen) });
    if (numbers.length > 2000) {
      const count = await this.db
        .selectFrom("orders")
        .select(sql<number>`count(*)`.as("n"))
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .executeTakeFirst();
      // A file naming a good part of the shop's orders: one pass over them beats many lookups.
      if (num(count?.n) <= numbers.length * 10) {
        for (const r of await base().execute()) if (wanted.has(r.platformOrderId)) add(r);
        return rows;
      }
    }
    for (const part of chunks([...wanted], 1000))
      for (const r of await base().where("platformOrderId", "in", part).execute()) add(r);
    return rows;
  }

  /** Order id → its parcels (not cancelled), with what the import compares and checks. */
  async parcelsOfOrders(
    workspaceId: string,
    orderIds: string[],
  ): Promise<Map<string, ParcelFacts[]>> {
    const out = new Map<string, ParcelFacts[]>();
    for (const part of chunks(orderIds, 1000)) {
      const rows = await this.db
        .selectFrom("parcelOrders as po")
        .innerJoin("parcels as p", (j) =>
          j.onRef("p.workspaceId", "=", "po.workspaceId").onRef("p.id", "=", "po.parcelId"),
        )
        .select([
          "po.orderId",
          "p.id",
          "p.status",
          "p.carrierId",
          "p.waybillNo",
          "p.waybillSource",
          "p.weightG",
        ])
        .where("po.workspaceId", "=", workspaceId)
        .where("po.orderId", "in", part)
        .where("p.status", "!=", "cancelled")
        .orderBy("p.createdAt")
        .execute();
      for (const { orderId, ...p } of rows) {
        const list = out.get(orderId) ?? [];
        list.push({ ...p, weightG: p.weightG === null ? null : num(p.weightG) });
        out.set(orderId, list);
      }
    }
    return out;
  }

  /** Parcels (not cancelled) holding any of these waybill numbers: number → parcel ids. */
  async waybillOwners(workspaceId: string, numbers: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks(numbers, 1000)) {
      const rows = await this.db
        .selectFrom("parcels")
        .select(["id", "waybillNo"])
        .where("workspaceId", "=", workspaceId)
        .where("waybillNo", "in", part)
        .where("status", "!=", "cancelled")
        .execute();
      for (const r of rows) out.set(r.waybillNo!, [...(out.get(r.waybillNo!) ?? []), r.id]);
    }
    return out;
  }

  /**
   * New parcels of one order each, already carrying their carrier, waybill and weight and shipped
   * at `at`, with the order and every line of it (as the queue makes a whole-order parcel).
   */
  async insertShippedParcels(
    workspaceId: string,
    rows: readonly ImportedParcel[],
    at: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    if (this.sqlite) {
      const parcel = this.sqlite.prepare(
        `insert into parcels (workspace_id, id, shop_id, batch_id, status, carrier_id, waybill_no,
           waybill_source, weight_g, weight_source, province, shipped_at, version, created_at, updated_at)
         values (?, ?, ?, null, 'shipped', ?, ?, 'import', ?, ?, ?, ?, 1, ?, ?)`,
      );
      const order = this.sqlite.prepare(
        "insert into parcel_orders (workspace_id, parcel_id, order_id) values (?, ?, ?)",
      );
      const lines = this.sqlite.prepare(
        `insert into parcel_items (workspace_id, parcel_id, order_id, line_no, quantity)
         select workspace_id, ?, order_id, line_no, quantity from order_items
         where workspace_id = ? and order_id = ?`,
      );
      for (const r of rows) {
        parcel.run(
          workspaceId,
          r.id,
          r.shopId,
          r.carrierId,
          r.waybillNo,
          r.weightG,
          r.weightG === null ? null : "import",
          r.province,
          at,
          at,
          at,
        );
        order.run(workspaceId, r.id, r.orderId);
        lines.run(r.id, workspaceId, r.orderId);
      }
      return;
    }
    // PostgreSQL: each column as an array, unnested into rows — one statement per few thousand.
    for (const part of chunks(rows, 5000)) {
      const col = <T>(f: (r: ImportedParcel) => T) => part.map(f);
      await sql`insert into parcels (workspace_id, id, shop_id, status, carrier_id, waybill_no,
          waybill_source, weight_g, weight_source, province, shipped_at, version, created_at, updated_at)
        select ${workspaceId}, v.id, v.shop_id, 'shipped', v.carrier_id, v.waybill_no, 'import',
          v.weight_g, case when v.weight_g is null then null else 'import' end, v.province,
          ${at}, 1, ${at}, ${at}
        from unnest(${col((r) => r.id)}::text[], ${col((r) => r.shopId)}::text[],
          ${col((r) => r.carrierId)}::text[], ${col((r) => r.waybillNo)}::text[],
          ${col((r) => r.weightG)}::integer[], ${col((r) => r.province)}::text[])
          as v(id, shop_id, carrier_id, waybill_no, weight_g, province)`.execute(this.db);
      await sql`insert into parcel_orders (workspace_id, parcel_id, order_id)
        select ${workspaceId}, v.parcel_id, v.order_id
        from unnest(${col((r) => r.id)}::text[], ${col((r) => r.orderId)}::text[]) as v(parcel_id, order_id)`.execute(
        this.db,
      );
      await sql`insert into parcel_items (workspace_id, parcel_id, order_id, line_no, quantity)
        select oi.workspace_id, v.parcel_id, oi.order_id, oi.line_no, oi.quantity
        from unnest(${col((r) => r.id)}::text[], ${col((r) => r.orderId)}::text[]) as v(parcel_id, order_id)
        join order_items oi on oi.workspace_id = ${workspaceId} and oi.order_id = v.order_id`.execute(
        this.db,
      );
    }
  }

  /**
   * Imported waybills onto existing parcels: carrier, waybill, weight (when given; its source then
   * "import"), shipped (an earlier shipping time kept), the waybill's source kept when the number
   * is the one the parcel had. The import is one transaction, so versions are bumped, not checked.
   */
  async updateWaybills(
    workspaceId: string,
    rows: readonly ImportedWaybill[],
    at: string,
  ): Promise<void> {
    const pg = dialectOf(this.db) === "postgres";
    for (const part of chunks(rows, 500)) {
      if (part.length === 0) continue;
      const values = sql.join(
        part.map(
          (r) => sql`(${r.id}, ${r.carrierId}, ${r.waybillNo}, cast(${r.weightG} as integer))`,
        ),
      );
      // The same statement on both databases: UPDATE … FROM a VALUES list (columns column1…).
      const v = pg
        ? sql`(values ${values}) as v (column1, column2, column3, column4)`
        : sql`(values ${values}) as v`;
      await sql`update parcels set
          status = 'shipped',
          carrier_id = v.column2,
          waybill_source = case when parcels.waybill_no = v.column3 and parcels.waybill_source is not null
            then parcels.waybill_source else 'import' end,
          waybill_no = v.column3,
          weight_g = coalesce(v.column4, parcels.weight_g),
          weight_source = case when v.column4 is null then parcels.weight_source else 'import' end,
          shipped_at = coalesce(parcels.shipped_at, ${at}),
          updated_at = ${at},
          version = parcels.version + 1
        from ${v}
        where parcels.workspace_id = ${workspaceId} and parcels.id = v.column1`.execute(this.db);
    }
  }
}
