// What costing a parcel reads and writes: the parcel's weight, size, province, carrier and days,
// the platform of its shop, the SKU weights its lines would weigh, and the three cost columns
// (cost_fen, cost_card_id, cost_formula) — nothing else of a parcel is touched here, and neither its
// version nor updated_at move: a cost is derived, and a re-cost must not make a packer's edit stale.
import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";
import { pgSetCostsSql } from "../../db/sql/parcel-costs.js";

export interface ParcelCostFacts {
  id: string;
  carrierId: string | null;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  province: string | null;
  shippedAt: string | null;
  packedAt: string | null;
  createdAt: string;
  platform: string | null;
}

export interface ParcelCostWrite {
  id: string;
  costFen: number | null;
  cardId: string | null;
  /** A stored message (storeMessage). */
  formula: string | null;
}

/** One line a parcel carries: how many, and what one weighs when its SKU has a weight. */
export interface ParcelSkuLine {
  parcelId: string;
  quantity: number;
  weightG: number | null;
}

export class ParcelCostRepository {
  /**
   * `sqlite`: the better-sqlite3 handle behind `db` when `db` is a SQLite transaction, for the
   * bulk cost writes of a re-cost (one prepared statement run per parcel, inside that transaction).
   */
  constructor(
    private readonly db: Executor,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  private facts(workspaceId: string) {
    return this.db
      .selectFrom("parcels as p")
      .leftJoin("shops as s", (j) =>
        j.onRef("s.workspaceId", "=", "p.workspaceId").onRef("s.id", "=", "p.shopId"),
      )
      .select([
        "p.id",
        "p.carrierId",
        "p.weightG",
        "p.lengthMm",
        "p.widthMm",
        "p.heightMm",
        "p.province",
        "p.shippedAt",
        "p.packedAt",
        "p.createdAt",
        "s.platform",
      ])
      .where("p.workspaceId", "=", workspaceId);
  }

  /** The facts of the given parcels (ids of another workspace are simply not found). */
  async byIds(workspaceId: string, ids: readonly string[]): Promise<ParcelCostFacts[]> {
    if (ids.length === 0) return [];
    return this.facts(workspaceId).where("p.id", "in", ids).execute();
  }

  /**
   * A page of parcels to re-cost, by id after `afterId`: of the given carriers (all when null),
   * not cancelled.
   */
  page(
    workspaceId: string,
    carrierIds: readonly string[] | null,
    afterId: string | null,
    limit: number,
  ): Promise<ParcelCostFacts[]> {
    if (this.sqlite && (carrierIds === null || carrierIds.length > 0)) {
      // The re-cost's read: one prepared statement per page, rows as they come (no query built).
      const byCarrier =
        carrierIds === null ? "" : `AND p.carrier_id IN (${carrierIds.map(() => "?").join(", ")})`;
      const stmt = this.sqlite.prepare(
        `SELECT p.id, p.carrier_id AS carrierId, p.weight_g AS weightG, p.length_mm AS lengthMm,
                p.width_mm AS widthMm, p.height_mm AS heightMm, p.province, p.shipped_at AS shippedAt,
                p.packed_at AS packedAt, p.created_at AS createdAt, s.platform
           FROM parcels p
           LEFT JOIN shops s ON s.workspace_id = p.workspace_id AND s.id = p.shop_id
          WHERE p.workspace_id = ? AND p.status != 'cancelled' ${byCarrier} AND p.id > ?
          ORDER BY p.id LIMIT ?`,
      );
      return Promise.resolve(
        stmt.all(workspaceId, ...(carrierIds ?? []), afterId ?? "", limit) as ParcelCostFacts[],
      );
    }
    let q = this.facts(workspaceId).where("p.status", "!=", "cancelled");
    if (carrierIds !== null) {
      if (carrierIds.length === 0) return Promise.resolve([]);
      q = q.where("p.carrierId", "in", carrierIds);
    }
    if (afterId !== null) q = q.where("p.id", ">", afterId);
    return q.orderBy("p.id").limit(limit).execute();
  }

  /** How many parcels `page` walks through. */
  async count(workspaceId: string, carrierIds: readonly string[] | null): Promise<number> {
    if (carrierIds !== null && carrierIds.length === 0) return 0;
    let q = this.db
      .selectFrom("parcels")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspaceId", "=", workspaceId)
      .where("status", "!=", "cancelled");
    if (carrierIds !== null) q = q.where("carrierId", "in", carrierIds);
    const r = await q.executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * The lines the parcels carry with their SKU weights (sku_settings): the parcel's own lines
   * (parcel_items) when it has any, else every line of its orders.
   */
  async skuLines(workspaceId: string, parcelIds: readonly string[]): Promise<ParcelSkuLine[]> {
    if (parcelIds.length === 0) return [];
    const own = await this.db
      .selectFrom("parcelItems as pi")
      .innerJoin("orderItems as oi", (j) =>
        j
          .onRef("oi.workspaceId", "=", "pi.workspaceId")
          .onRef("oi.orderId", "=", "pi.orderId")
          .onRef("oi.lineNo", "=", "pi.lineNo"),
      )
      .leftJoin("skuSettings as k", (j) =>
        j.onRef("k.workspaceId", "=", "oi.workspaceId").onRef("k.sku", "=", "oi.sku"),
      )
      .select(["pi.parcelId", "pi.quantity", "k.weightG"])
      .where("pi.workspaceId", "=", workspaceId)
      .where("pi.parcelId", "in", parcelIds)
      .execute();
    const withOwn = new Set(own.map((r) => r.parcelId));
    const rest = parcelIds.filter((id) => !withOwn.has(id));
    if (rest.length === 0) return own;
    const whole = await this.db
      .selectFrom("parcelOrders as po")
      .innerJoin("orderItems as oi", (j) =>
        j.onRef("oi.workspaceId", "=", "po.workspaceId").onRef("oi.orderId", "=", "po.orderId"),
      )
      .leftJoin("skuSettings as k", (j) =>
        j.onRef("k.workspaceId", "=", "oi.workspaceId").onRef("k.sku", "=", "oi.sku"),
      )
      .select(["po.parcelId", "oi.quantity", "k.weightG"])
      .where("po.workspaceId", "=", workspaceId)
      .where("po.parcelId", "in", rest)
      .execute();
    return [...own, ...whole];
  }

  /**
   * On PostgreSQL, brings the planner's statistics of parcels up to date (ANALYZE samples the
   * table; ~0.1 s at 1,000,000 rows). Right after many parcels arrived at once (an import, a
   * generator) autovacuum has not analysed them yet, and with the old figures the re-cost's batch
   * statements were planned for a small table: 1,000,000 parcels took 171 s of which 170 s in the
   * backends, and 300,000 took 14.7 s against 4.4 s once analysed (docs/BENCHMARKS.md). SQLite's
   * re-cost runs prepared statements on its indexes and needs nothing.
   */
  async refreshStatistics(): Promise<void> {
    if (dialectOf(this.db) === "postgres") await sql`ANALYZE parcels`.execute(this.db);
  }

  /**
   * Writes the cost columns of many parcels: on PostgreSQL in one statement for the whole batch;
   * on SQLite one prepared statement per parcel (with the raw handle), else a few thousand at a time.
   */
  async setCosts(workspaceId: string, rows: readonly ParcelCostWrite[]): Promise<void> {
    if (this.sqlite) {
      const stmt = this.sqlite.prepare(
        "UPDATE parcels SET cost_fen = ?, cost_card_id = ?, cost_formula = ? WHERE workspace_id = ? AND id = ?",
      );
      for (const r of rows) stmt.run(r.costFen, r.cardId, r.formula, workspaceId, r.id);
      return;
    }
    if (dialectOf(this.db) === "postgres") {
      // One statement per batch: the rows as arrays (src/db/sql/parcel-costs.ts).
      if (rows.length) await pgSetCostsSql(workspaceId, rows).execute(this.db);
      return;
    }
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      const values = sql.join(
        chunk.map((r) => sql`(${r.id}, ${r.costFen}, ${r.cardId}, ${r.formula})`),
      );
      await sql`
        WITH v(id, fen, card, formula) AS (VALUES ${values})
        UPDATE parcels
           SET cost_fen = CAST(v.fen AS bigint), cost_card_id = v.card, cost_formula = v.formula
          FROM v
         WHERE parcels.workspace_id = ${workspaceId} AND parcels.id = v.id`.execute(this.db);
    }
  }

  /** How many parcels (not cancelled) of the carriers have a cost, and its sum in fen. */
  async totals(
    workspaceId: string,
    carrierIds: readonly string[],
  ): Promise<{ costed: number; totalFen: number }> {
    if (carrierIds.length === 0) return { costed: 0, totalFen: 0 };
    const r = await this.db
      .selectFrom("parcels")
      .select((eb) => [
        eb.fn.count<number>("costFen").as("costed"),
        eb.fn.coalesce(eb.fn.sum<number>("costFen"), eb.lit(0)).as("fen"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("status", "!=", "cancelled")
      .where("carrierId", "in", carrierIds)
      .executeTakeFirstOrThrow();
    return { costed: Number(r.costed), totalFen: Number(r.fen) };
  }

  async timeZone(workspaceId: string): Promise<string> {
    const r = await this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return r?.timeZone ?? "Asia/Shanghai";
  }
}
