// The reads of the 物流 dashboard (docs/LOGISTICS.md, part cost), added up in the database: parcels
// shipped in a span by local day, carrier and shop, and by province; parcels packed per packer and
// day; wrong-parcel scans; parcels shipped again for an order already shipped; carrier bill lines of
// the parcels shipped in the span; paid orders past their ship-by time and not shipped. A "span" is
// part of the asked days with one UTC offset (core/logistics/local-days.ts): an instant's local date
// is its UTC date plus that offset, the same arithmetic on both databases.
import { sql, type RawBuilder } from "kysely";
import type { OffsetSpan } from "../../core/logistics/local-days.js";
import { dialectOf, type Executor } from "../../db/database.js";
import { shipBySql } from "../../db/sql/ship-by.js";
import type { BillStatusGroup } from "./bills.repository.js";

export interface CostCell {
  date: string;
  carrierId: string | null;
  shopId: string;
  parcels: number;
  costed: number;
  costFen: number;
}

export interface ProvinceCell {
  province: string | null;
  parcels: number;
  costed: number;
  costFen: number;
}

export interface PackerDay {
  memberId: string;
  date: string;
  parcels: number;
}

export interface MissedOrder {
  orderId: string;
  platformOrderId: string;
  shopId: string;
  paidAt: string;
  shipBy: string;
}

const num = (v: unknown) => Number(v ?? 0);

export class LogisticsDashboardRepository {
  constructor(private readonly db: Executor) {}

  /** The local date of an instant column within a span of one offset. */
  private localDate(column: string, offsetMinutes: number): RawBuilder<string> {
    const minutes = Math.trunc(offsetMinutes);
    const col = sql.ref(column);
    return dialectOf(this.db) === "sqlite"
      ? sql<string>`date(${col}, ${sql.lit(`${minutes >= 0 ? "+" : ""}${minutes} minutes`)})`
      : sql<string>`to_char((${col}::timestamptz at time zone 'UTC') + make_interval(mins => ${sql.lit(minutes)}), 'YYYY-MM-DD')`;
  }

  /** Parcels shipped in the spans, by local date, carrier and shop: how many, how many costed, their cost. */
  async costCells(
    workspaceId: string,
    spans: readonly OffsetSpan[],
    shopIds: readonly string[] | null,
  ): Promise<CostCell[]> {
    const out: CostCell[] = [];
    for (const s of spans) {
      const day = this.localDate("p.shippedAt", s.offsetMinutes);
      let q = this.db
        .selectFrom("parcels as p")
        .select([
          day.as("date"),
          "p.carrierId",
          "p.shopId",
          sql<number>`count(*)`.as("parcels"),
          sql<number>`count(p.cost_fen)`.as("costed"),
          sql<number>`cast(coalesce(sum(p.cost_fen), 0) as bigint)`.as("costFen"),
        ])
        .where("p.workspaceId", "=", workspaceId)
        .where("p.shippedAt", ">=", s.startIso)
        .where("p.shippedAt", "<", s.endIso)
        .where("p.status", "!=", "cancelled");
      if (shopIds) q = q.where("p.shopId", "in", [...shopIds]);
      const rows = await q.groupBy([day, "p.carrierId", "p.shopId"]).execute();
      for (const r of rows)
        out.push({
          date: r.date,
          carrierId: r.carrierId,
          shopId: r.shopId,
          parcels: num(r.parcels),
          costed: num(r.costed),
          costFen: num(r.costFen),
        });
    }
    return out;
  }

  /** Parcels shipped in [start, end), by destination province. */
  async provinceCells(
    workspaceId: string,
    startIso: string,
    endIso: string,
    shopIds: readonly string[] | null,
  ): Promise<ProvinceCell[]> {
    let q = this.db
      .selectFrom("parcels as p")
      .select([
        "p.province",
        sql<number>`count(*)`.as("parcels"),
        sql<number>`count(p.cost_fen)`.as("costed"),
        sql<number>`cast(coalesce(sum(p.cost_fen), 0) as bigint)`.as("costFen"),
      ])
      .where("p.workspaceId", "=", workspaceId)
      .where("p.shippedAt", ">=", startIso)
      .where("p.shippedAt", "<", endIso)
      .where("p.status", "!=", "cancelled");
    if (shopIds) q = q.where("p.shopId", "in", [...shopIds]);
    const rows = await q.groupBy("p.province").execute();
    return rows.map((r) => ({
      province: r.province,
      parcels: num(r.parcels),
      costed: num(r.costed),
      costFen: num(r.costFen),
    }));
  }

  /** Parcels packed in the spans, per packer (parcels.packed_by) and local date of packed_at. */
  async packerDays(
    workspaceId: string,
    spans: readonly OffsetSpan[],
    shopIds: readonly string[] | null,
  ): Promise<PackerDay[]> {
    const out: PackerDay[] = [];
    for (const s of spans) {
      const day = this.localDate("p.packedAt", s.offsetMinutes);
      let q = this.db
        .selectFrom("parcels as p")
        .select([day.as("date"), "p.packedBy", sql<number>`count(*)`.as("parcels")])
        .where("p.workspaceId", "=", workspaceId)
        .where("p.packedAt", ">=", s.startIso)
        .where("p.packedAt", "<", s.endIso)
        .where("p.packedBy", "is not", null)
        .where("p.status", "!=", "cancelled");
      if (shopIds) q = q.where("p.shopId", "in", [...shopIds]);
      const rows = await q.groupBy([day, "p.packedBy"]).execute();
      for (const r of rows)
        out.push({ memberId: r.packedBy!, date: r.date, parcels: num(r.parcels) });
    }
    return out;
  }

  /** Scans that stopped a packer because the waybill belonged to another parcel, per member. */
  async wrongParcelScans(
    workspaceId: string,
    startIso: string,
    endIso: string,
  ): Promise<{ memberId: string; scans: number }[]> {
    const rows = await this.db
      .selectFrom("scanEvents")
      .select(["memberId", sql<number>`count(*)`.as("scans")])
      .where("workspaceId", "=", workspaceId)
      .where("outcome", "=", "wrong_parcel")
      .where("at", ">=", startIso)
      .where("at", "<", endIso)
      .groupBy("memberId")
      .execute();
    return rows.map((r) => ({ memberId: r.memberId, scans: num(r.scans) }));
  }

  /**
   * Parcels shipped in [start, end) for an order that another parcel had already shipped before
   * this one was made (a re-shipment: something went wrong with the first) — per packer of the
   * first parcel, whose shipment it mends. Parcels made at once by splitting an order are not it.
   */
  async reshipments(
    workspaceId: string,
    startIso: string,
    endIso: string,
    shopIds: readonly string[] | null,
  ): Promise<{ memberId: string | null; parcels: number }[]> {
    let q = this.db
      .selectFrom("parcels as p")
      .innerJoin("parcelOrders as po", (j) =>
        j.onRef("po.workspaceId", "=", "p.workspaceId").onRef("po.parcelId", "=", "p.id"),
      )
      .innerJoin("parcelOrders as po2", (j) =>
        j
          .onRef("po2.workspaceId", "=", "po.workspaceId")
          .onRef("po2.orderId", "=", "po.orderId")
          .onRef("po2.parcelId", "!=", "po.parcelId"),
      )
      .innerJoin("parcels as earlier", (j) =>
        j
          .onRef("earlier.workspaceId", "=", "po2.workspaceId")
          .onRef("earlier.id", "=", "po2.parcelId"),
      )
      .select(["p.id", sql<string | null>`min(earlier.packed_by)`.as("memberId")])
      .where("p.workspaceId", "=", workspaceId)
      .where("p.shippedAt", ">=", startIso)
      .where("p.shippedAt", "<", endIso)
      .where("p.status", "!=", "cancelled")
      .where("earlier.status", "!=", "cancelled")
      .where("earlier.shippedAt", "is not", null)
      .whereRef("earlier.shippedAt", "<", "p.createdAt");
    if (shopIds) q = q.where("p.shopId", "in", [...shopIds]);
    const rows = await q.groupBy("p.id").execute();
    const by = new Map<string | null, number>();
    for (const r of rows) by.set(r.memberId, (by.get(r.memberId) ?? 0) + 1);
    return [...by].map(([memberId, parcels]) => ({ memberId, parcels }));
  }

  /** Carrier bill lines of the parcels shipped in [start, end), added up per status (fen). */
  async billedGroups(
    workspaceId: string,
    startIso: string,
    endIso: string,
    shopIds: readonly string[] | null,
  ): Promise<BillStatusGroup[]> {
    let q = this.db
      .selectFrom("carrierBillLines as l")
      .innerJoin("parcels as p", (j) =>
        j.onRef("p.workspaceId", "=", "l.workspaceId").onRef("p.id", "=", "l.parcelId"),
      )
      .select([
        "l.status",
        sql<number>`count(*)`.as("lines"),
        sql<number>`cast(sum(l.fee_fen) as bigint)`.as("feeFen"),
        sql<number>`cast(coalesce(sum(l.computed_fen), 0) as bigint)`.as("computedFen"),
        sql<number>`cast(coalesce(sum(case when l.fee_fen > l.computed_fen then l.fee_fen - l.computed_fen else 0 end), 0) as bigint)`.as(
          "overFen",
        ),
        sql<number>`cast(coalesce(sum(case when l.fee_fen < l.computed_fen then l.computed_fen - l.fee_fen else 0 end), 0) as bigint)`.as(
          "underFen",
        ),
      ])
      .where("l.workspaceId", "=", workspaceId)
      .where("p.shippedAt", ">=", startIso)
      .where("p.shippedAt", "<", endIso);
    if (shopIds) q = q.where("p.shopId", "in", [...shopIds]);
    const rows = await q.groupBy("l.status").execute();
    return rows.map((r) => ({
      status: r.status,
      lines: num(r.lines),
      feeFen: num(r.feeFen),
      computedFen: num(r.computedFen),
      overFen: num(r.overFen),
      underFen: num(r.underFen),
    }));
  }

  /**
   * Paid orders of the range (paid date) not shipped, not cancelled or refunded, and past their
   * ship-by time at `now` — the longest overdue first (the ship-on-time rate counts them overdue).
   */
  async missedOrders(
    workspaceId: string,
    shopIds: readonly string[],
    from: string,
    to: string,
    now: string,
    limit: number,
  ): Promise<MissedOrder[]> {
    if (shopIds.length === 0) return [];
    const shipBy = shipBySql(dialectOf(this.db), {
      paidAt: sql`o.paid_at`,
      promised: sql`o.promised_ship_at`,
      hours: sql`s.ship_window_hours`,
    });
    const rows = await this.db
      .selectFrom("orders as o")
      .innerJoin("shops as s", (j) =>
        j.onRef("s.workspaceId", "=", "o.workspaceId").onRef("s.id", "=", "o.shopId"),
      )
      .select(["o.id", "o.platformOrderId", "o.shopId", "o.paidAt", shipBy.as("shipBy")])
      .where("o.workspaceId", "=", workspaceId)
      .where("o.shopId", "in", [...shopIds])
      .where("o.paidDate", ">=", from)
      .where("o.paidDate", "<=", to)
      .where("o.shippedAt", "is", null)
      .where("o.status", "not in", ["cancelled", "refunded"])
      .where(sql<boolean>`${shipBy} < ${now}`)
      .orderBy(shipBy)
      .orderBy("o.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      orderId: r.id,
      platformOrderId: r.platformOrderId,
      shopId: r.shopId,
      paidAt: r.paidAt!,
      shipBy: r.shipBy,
    }));
  }
}
