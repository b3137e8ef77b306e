// Carrier bills (对账单) in the database: the bills and their waybill lines, the parcels the lines
// are matched with, the earlier bills that charged a waybill, and the saved column mappings of
// kind "bill". Every method takes the workspace id and filters by it.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type {
  CarrierBillLinesTable,
  CarrierBillsTable,
  LogisticsMappingsTable,
} from "../../db/schema.js";

/** What reconciling a line needs of a parcel. */
export interface BillParcel {
  id: string;
  carrierId: string | null;
  waybillNo: string;
  weightG: number | null;
  costFen: number | null;
}

/** One status's lines of a bill, added up (fen). */
export interface BillStatusGroup {
  status: string;
  lines: number;
  feeFen: number;
  computedFen: number;
  overFen: number;
  underFen: number;
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const num = (v: unknown) => Number(v ?? 0);

export class CarrierBillRepository {
  constructor(private readonly db: Executor) {}

  /** The parcels carrying these waybill numbers (of any carrier: the caller decides). */
  async parcelsByWaybills(workspaceId: string, waybills: readonly string[]): Promise<BillParcel[]> {
    const out: BillParcel[] = [];
    for (const part of chunks(waybills, 500)) {
      const rows = await this.db
        .selectFrom("parcels")
        .select(["id", "carrierId", "waybillNo", "weightG", "costFen"])
        .where("workspaceId", "=", workspaceId)
        .where("waybillNo", "in", part)
        .where("status", "!=", "cancelled")
        .orderBy("id")
        .execute();
      for (const r of rows)
        out.push({
          id: r.id,
          carrierId: r.carrierId,
          waybillNo: r.waybillNo!,
          weightG: r.weightG,
          costFen: r.costFen === null ? null : Number(r.costFen),
        });
    }
    return out;
  }

  /** The parcels' current weight and cost (after a cost was computed for them). */
  async parcelCosts(
    workspaceId: string,
    ids: readonly string[],
  ): Promise<Map<string, { weightG: number | null; costFen: number | null }>> {
    const out = new Map<string, { weightG: number | null; costFen: number | null }>();
    for (const part of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom("parcels")
        .select(["id", "weightG", "costFen"])
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", part)
        .execute();
      for (const r of rows)
        out.set(r.id, {
          weightG: r.weightG,
          costFen: r.costFen === null ? null : Number(r.costFen),
        });
    }
    return out;
  }

  /**
   * For each parcel, the first bill (by id: ids sort by time) made before `billId` whose line was
   * matched to it — a charge for the parcel made again. A line of another carrier's bill that only
   * named the waybill (matched to no parcel) does not count.
   */
  async earlierBills(
    workspaceId: string,
    parcelIds: readonly string[],
    billId: string,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(parcelIds, 500)) {
      const rows = await this.db
        .selectFrom("carrierBillLines")
        .select(["parcelId", "billId"])
        .where("workspaceId", "=", workspaceId)
        .where("parcelId", "in", part)
        .where("billId", "<", billId)
        .orderBy("billId")
        .execute();
      for (const r of rows) if (!out.has(r.parcelId!)) out.set(r.parcelId!, r.billId);
    }
    return out;
  }

  async createBill(b: CarrierBillsTable): Promise<void> {
    await this.db.insertInto("carrierBills").values(b).execute();
  }

  async insertLines(lines: readonly CarrierBillLinesTable[]): Promise<void> {
    for (const part of chunks(lines, 400))
      await this.db.insertInto("carrierBillLines").values(part).execute();
  }

  /** The lines as stored, in file order (for reconciling them again). */
  linesOf(workspaceId: string, billId: string) {
    return this.db
      .selectFrom("carrierBillLines")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("billId", "=", billId)
      .orderBy("lineNo")
      .execute();
  }

  async deleteLines(workspaceId: string, billId: string): Promise<void> {
    await this.db
      .deleteFrom("carrierBillLines")
      .where("workspaceId", "=", workspaceId)
      .where("billId", "=", billId)
      .execute();
  }

  async setBillTotals(
    workspaceId: string,
    id: string,
    t: { lines: number; billedFen: number; computedFen: number },
  ): Promise<void> {
    await this.db
      .updateTable("carrierBills")
      .set(t)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async deleteBill(workspaceId: string, id: string): Promise<void> {
    await this.deleteLines(workspaceId, id);
    await this.db
      .deleteFrom("carrierBills")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  getBill(workspaceId: string, id: string) {
    return this.db
      .selectFrom("carrierBills")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** Bills newest first; `limit + 1` rows so the caller knows whether there is a next page. */
  listBills(workspaceId: string, limit: number, cursor?: string, carrierId?: string) {
    let q = this.db
      .selectFrom("carrierBills")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("id", "desc")
      .limit(limit + 1);
    if (cursor) q = q.where("id", "<", cursor);
    if (carrierId) q = q.where("carrierId", "=", carrierId);
    return q.execute();
  }

  /** Per status: lines, fees, computed costs and the differences either way, in fen. */
  async statusGroups(workspaceId: string, billIds: readonly string[]) {
    const out = new Map<string, BillStatusGroup[]>();
    if (billIds.length === 0) return out;
    const rows = await this.db
      .selectFrom("carrierBillLines")
      .select([
        "billId",
        "status",
        sql<number>`count(*)`.as("lines"),
        sql<number>`cast(sum(fee_fen) as bigint)`.as("feeFen"),
        sql<number>`cast(coalesce(sum(computed_fen), 0) as bigint)`.as("computedFen"),
        sql<number>`cast(coalesce(sum(case when fee_fen > computed_fen then fee_fen - computed_fen else 0 end), 0) as bigint)`.as(
          "overFen",
        ),
        sql<number>`cast(coalesce(sum(case when fee_fen < computed_fen then computed_fen - fee_fen else 0 end), 0) as bigint)`.as(
          "underFen",
        ),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("billId", "in", [...billIds])
      .groupBy(["billId", "status"])
      .execute();
    for (const r of rows) {
      const list = out.get(r.billId) ?? [];
      list.push({
        status: r.status,
        lines: num(r.lines),
        feeFen: num(r.feeFen),
        computedFen: num(r.computedFen),
        overFen: num(r.overFen),
        underFen: num(r.underFen),
      });
      out.set(r.billId, list);
    }
    return out;
  }

  /** A page of a bill's lines in file order, of some statuses or all, from a waybill search. */
  async linePage(
    workspaceId: string,
    billId: string,
    opts: { statuses?: readonly string[]; waybill?: string; limit: number; afterLine?: number },
  ) {
    let q = this.db
      .selectFrom("carrierBillLines as l")
      .leftJoin("parcels as p", (j) =>
        j.onRef("p.workspaceId", "=", "l.workspaceId").onRef("p.id", "=", "l.parcelId"),
      )
      .leftJoin("shops as s", (j) =>
        j.onRef("s.workspaceId", "=", "p.workspaceId").onRef("s.id", "=", "p.shopId"),
      )
      .leftJoin("carrierBills as d", (j) =>
        j.onRef("d.workspaceId", "=", "l.workspaceId").onRef("d.id", "=", "l.duplicateOf"),
      )
      .selectAll("l")
      .select([
        "p.shopId",
        "s.name as shopName",
        "p.province",
        "p.shippedAt",
        "d.fileName as duplicateFile",
      ])
      .where("l.workspaceId", "=", workspaceId)
      .where("l.billId", "=", billId)
      .orderBy("l.lineNo")
      .limit(opts.limit + 1);
    if (opts.statuses?.length) q = q.where("l.status", "in", [...opts.statuses]);
    if (opts.waybill)
      q = q.where("l.waybillNo", "like", `%${opts.waybill.replace(/[%_\\]/g, "")}%`);
    if (opts.afterLine !== undefined) q = q.where("l.lineNo", ">", opts.afterLine);
    return q.execute();
  }

  // Saved column mappings for bill files (logistics_mappings, kind "bill").

  mappings(workspaceId: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "bill")
      .orderBy("name")
      .execute();
  }

  mapping(workspaceId: string, id: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "bill")
      .where("id", "=", id)
      .executeTakeFirst();
  }

  mappingByName(workspaceId: string, name: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "bill")
      .where("name", "=", name)
      .executeTakeFirst();
  }

  async createMapping(m: LogisticsMappingsTable): Promise<void> {
    await this.db.insertInto("logisticsMappings").values(m).execute();
  }

  updateMapping(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Pick<LogisticsMappingsTable, "name" | "mapping" | "updatedAt">>,
  ) {
    return this.db
      .updateTable("logisticsMappings")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "bill")
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteMapping(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("logisticsMappings")
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "bill")
      .where("id", "=", id)
      .execute();
  }
}
