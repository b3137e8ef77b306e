// What the after-sales KPIs read (docs/AFTERSALES.md, "KPIs"): the cases opened or ended in a
// period with their first line's SKU, and the paid orders of the period per shop and per SKU (the
// rates' denominators). Every method takes the workspace id.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";

export interface KpiCaseRow {
  id: string;
  shopId: string;
  type: string;
  state: string;
  resolution: string | null;
  reasonCode: string | null;
  refundFen: number | null;
  assigneeMemberId: string | null;
  openedAt: string;
  resolvedAt: string | null;
  /** The SKU of the case's first line (null: no line or no SKU). */
  sku: string | null;
}

const CHUNK = 500;

export class AftersalesKpiRepository {
  constructor(private readonly db: Executor) {}

  /** Cases opened or ended (resolved_at) in [fromIso, toIso), optionally of some shops. */
  async casesOfPeriod(
    workspaceId: string,
    fromIso: string,
    toIso: string,
    shopIds: readonly string[] = [],
  ): Promise<KpiCaseRow[]> {
    let q = this.db
      .selectFrom("aftersalesCases")
      .select([
        "id",
        "shopId",
        "type",
        "state",
        "resolution",
        "reasonCode",
        "refundFen",
        "assigneeMemberId",
        "openedAt",
        "resolvedAt",
      ])
      .where("workspaceId", "=", workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([eb("openedAt", ">=", fromIso), eb("openedAt", "<", toIso)]),
          eb.and([eb("resolvedAt", ">=", fromIso), eb("resolvedAt", "<", toIso)]),
        ]),
      );
    if (shopIds.length) q = q.where("shopId", "in", [...shopIds]);
    const rows = await q.orderBy("id").execute();
    const sku = new Map<string, { lineNo: number; sku: string | null }>();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const lines = await this.db
        .selectFrom("aftersalesCaseLines")
        .select(["caseId", "lineNo", "sku"])
        .where("workspaceId", "=", workspaceId)
        .where("caseId", "in", ids.slice(i, i + CHUNK))
        .execute();
      for (const l of lines) {
        const had = sku.get(l.caseId);
        if (!had || l.lineNo < had.lineNo) sku.set(l.caseId, { lineNo: l.lineNo, sku: l.sku });
      }
    }
    return rows.map((r) => ({
      ...r,
      refundFen: r.refundFen === null ? null : Number(r.refundFen),
      sku: sku.get(r.id)?.sku ?? null,
    }));
  }

  /** Orders paid on the local days from…to (paid_date), per shop. */
  async paidOrdersByShop(
    workspaceId: string,
    from: string,
    to: string,
    shopIds: readonly string[] = [],
  ): Promise<Map<string, number>> {
    let q = this.db
      .selectFrom("orders")
      .select(["shopId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("paidDate", ">=", from)
      .where("paidDate", "<=", to);
    if (shopIds.length) q = q.where("shopId", "in", [...shopIds]);
    const rows = await q.groupBy("shopId").execute();
    return new Map(rows.map((r) => [r.shopId, Number(r.n)]));
  }

  /** Orders paid on the local days from…to with at least one line of each SKU (of these SKUs). */
  async paidOrdersBySku(
    workspaceId: string,
    from: string,
    to: string,
    skus: readonly string[],
    shopIds: readonly string[] = [],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < skus.length; i += CHUNK) {
      let q = this.db
        .selectFrom("orderItems as i")
        .innerJoin("orders as o", (j) =>
          j.onRef("o.workspaceId", "=", "i.workspaceId").onRef("o.id", "=", "i.orderId"),
        )
        .select(["i.sku", sql<number>`count(distinct o.id)`.as("n")])
        .where("i.workspaceId", "=", workspaceId)
        .where("i.sku", "in", skus.slice(i, i + CHUNK))
        .where("o.paidDate", ">=", from)
        .where("o.paidDate", "<=", to);
      if (shopIds.length) q = q.where("o.shopId", "in", [...shopIds]);
      for (const r of await q.groupBy("i.sku").execute())
        if (r.sku !== null) out.set(r.sku, Number(r.n));
    }
    return out;
  }

  /** The workspace's shops by name (the dashboard's lines). */
  shopNames(workspaceId: string) {
    return this.db
      .selectFrom("shops")
      .select(["id", "name"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }
}
