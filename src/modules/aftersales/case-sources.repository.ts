// Where cases come from and what they are checked against, in the database: the shop, its orders and
// their lines, the refund records and order imports the orders module keeps, which order imports
// were turned into cases, the after-sales imports, saved mappings, the workspace's code map entries
// and settings. Every method takes the workspace id and filters by it.
import type { Executor } from "../../db/database.js";
import type {
  AftersalesCodeMapsTable,
  AftersalesImportsTable,
  AftersalesMappingsTable,
  RefundsTable,
} from "../../db/schema.js";

/** An order as a case needs it. */
export interface CaseOrder {
  id: string;
  shopId: string;
  platformOrderId: string;
  orderKey: string;
  status: string;
  customerKey: string | null;
  buyerRef: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  paidAt: string | null;
  totalFen: number;
  ownRefundFen: number;
  currency: string;
}

const ORDER_FIELDS = [
  "id",
  "shopId",
  "platformOrderId",
  "orderKey",
  "status",
  "customerKey",
  "buyerRef",
  "shippedAt",
  "completedAt",
  "cancelledAt",
  "paidAt",
  "totalFen",
  "ownRefundFen",
  "currency",
] as const;
const orderNum = (o: CaseOrder): CaseOrder => ({
  ...o,
  totalFen: Number(o.totalFen),
  ownRefundFen: Number(o.ownRefundFen),
});

export class CaseSourceRepository {
  constructor(private readonly db: Executor) {}

  /** A shop by id or by name. */
  async shop(workspaceId: string, ref: string) {
    const byId = await this.db
      .selectFrom("shops")
      .select(["id", "name", "platform", "currency"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", ref)
      .executeTakeFirst();
    if (byId) return byId;
    return this.db
      .selectFrom("shops")
      .select(["id", "name", "platform", "currency"])
      .where("workspaceId", "=", workspaceId)
      .where("name", "=", ref.trim())
      .executeTakeFirst();
  }

  async shops(workspaceId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom("shops")
      .select(["id", "name", "platform", "currency"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "in", [...new Set(ids)])
      .execute();
  }

  async order(workspaceId: string, id: string): Promise<CaseOrder | undefined> {
    const o = await this.db
      .selectFrom("orders")
      .select(ORDER_FIELDS)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return o && orderNum(o);
  }

  /** The shop's orders by the numbers a file names (the number people see, or the order's key). */
  async ordersByNumbers(
    workspaceId: string,
    shopId: string,
    numbers: readonly string[],
  ): Promise<Map<string, CaseOrder>> {
    const out = new Map<string, CaseOrder>();
    const list = [...new Set(numbers)];
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500);
      const rows = await this.db
        .selectFrom("orders")
        .select(ORDER_FIELDS)
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where((eb) => eb.or([eb("platformOrderId", "in", part), eb("orderKey", "in", part)]))
        .execute();
      for (const r of rows) {
        const o = orderNum(r);
        if (part.includes(o.platformOrderId)) out.set(o.platformOrderId, o);
        if (part.includes(o.orderKey) && !out.has(o.orderKey)) out.set(o.orderKey, o);
      }
    }
    return out;
  }

  async ordersByKeys(workspaceId: string, shopId: string, keys: readonly string[]) {
    const out: CaseOrder[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db
        .selectFrom("orders")
        .select(ORDER_FIELDS)
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("orderKey", "in", keys.slice(i, i + 500))
        .execute();
      for (const r of rows) out.push(orderNum(r));
    }
    return out;
  }

  async orderItems(workspaceId: string, orderId: string) {
    const rows = await this.db
      .selectFrom("orderItems")
      .select(["lineNo", "title", "sku", "quantity", "totalFen"])
      .where("workspaceId", "=", workspaceId)
      .where("orderId", "=", orderId)
      .orderBy("lineNo")
      .execute();
    return rows.map((r) => ({ ...r, totalFen: Number(r.totalFen) }));
  }

  /** Committed order imports not yet turned into cases, oldest first. */
  async unsyncedImports(workspaceId: string, limit: number) {
    return this.db
      .selectFrom("orderImports as i")
      .leftJoin("aftersalesOrderSyncs as s", (j) =>
        j.onRef("s.workspaceId", "=", "i.workspaceId").onRef("s.importId", "=", "i.id"),
      )
      .select(["i.id", "i.shopId", "i.createdAt"])
      .where("i.workspaceId", "=", workspaceId)
      .where("i.status", "=", "committed")
      .where("s.importId", "is", null)
      .orderBy("i.createdAt")
      .orderBy("i.id")
      .limit(limit)
      .execute();
  }

  /**
   * The workspaces with committed order imports not yet turned into cases (the server's sweep):
   * one query over the imports, each looked up in the syncs by its key.
   */
  async workspacesWithUnsyncedImports(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("orderImports as i")
      .leftJoin("aftersalesOrderSyncs as s", (j) =>
        j.onRef("s.workspaceId", "=", "i.workspaceId").onRef("s.importId", "=", "i.id"),
      )
      .select("i.workspaceId")
      .distinct()
      .where("i.status", "=", "committed")
      .where("s.importId", "is", null)
      .orderBy("i.workspaceId")
      .execute();
    return rows.map((r) => r.workspaceId);
  }

  /**
   * What an order import created or changed, in key order: `limit` order keys or refund ids after
   * `after` (a million-order import is read a page at a time, along its primary key).
   */
  async importChangeKeys(
    workspaceId: string,
    importId: string,
    entity: "order" | "refund",
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    let q = this.db
      .selectFrom("orderImportChanges")
      .select("entityKey")
      .where("workspaceId", "=", workspaceId)
      .where("importId", "=", importId)
      .where("entity", "=", entity);
    if (after !== null) q = q.where("entityKey", ">", after);
    const rows = await q.orderBy("entityKey").limit(limit).execute();
    return rows.map((r) => r.entityKey);
  }

  async refunds(workspaceId: string, shopId: string, ids: readonly string[]) {
    const out: RefundsTable[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom("refunds")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("platformRefundId", "in", ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.push({ ...r, amountFen: Number(r.amountFen) });
    }
    return out;
  }

  /**
   * Claims an order import for reading (its sync row, counts 0): false when another reader has
   * claimed it. On PostgreSQL a second claim waits for the first transaction and then finds the row,
   * so each import is read once however many syncs run at the same moment (the import's own and
   * the sweep's).
   */
  async claimSync(workspaceId: string, importId: string, at: string): Promise<boolean> {
    const r = await this.db
      .insertInto("aftersalesOrderSyncs")
      .values({ workspaceId, importId, created: 0, updated: 0, syncedAt: at })
      .onConflict((oc) => oc.columns(["workspaceId", "importId"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** What reading a claimed order import made and changed. */
  async setSyncCounts(
    workspaceId: string,
    importId: string,
    counts: { created: number; updated: number },
  ): Promise<void> {
    await this.db
      .updateTable("aftersalesOrderSyncs")
      .set(counts)
      .where("workspaceId", "=", workspaceId)
      .where("importId", "=", importId)
      .execute();
  }

  async recordImport(row: AftersalesImportsTable): Promise<void> {
    await this.db.insertInto("aftersalesImports").values(row).execute();
  }

  async mappings(workspaceId: string): Promise<AftersalesMappingsTable[]> {
    return this.db
      .selectFrom("aftersalesMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }

  async mappingById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("aftersalesMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async mappingByName(workspaceId: string, name: string) {
    return this.db
      .selectFrom("aftersalesMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("name", "=", name)
      .executeTakeFirst();
  }

  async insertMapping(row: AftersalesMappingsTable): Promise<void> {
    await this.db.insertInto("aftersalesMappings").values(row).execute();
  }

  async updateMapping(
    workspaceId: string,
    id: string,
    version: number,
    fields: { name: string; mapping: string; updatedAt: string },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aftersalesMappings")
      .set({ ...fields, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteMapping(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("aftersalesMappings")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async codeMaps(workspaceId: string, platform?: string): Promise<AftersalesCodeMapsTable[]> {
    let q = this.db
      .selectFrom("aftersalesCodeMaps")
      .selectAll()
      .where("workspaceId", "=", workspaceId);
    if (platform) q = q.where("platform", "=", platform);
    return q.orderBy("platform").orderBy("kind").orderBy("code").execute();
  }

  async putCodeMap(row: AftersalesCodeMapsTable): Promise<void> {
    await this.db
      .insertInto("aftersalesCodeMaps")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["workspaceId", "platform", "kind", "code"]).doUpdateSet({
          target: row.target,
          outcome: row.outcome,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
  }

  async deleteCodeMap(
    workspaceId: string,
    key: { platform: string; kind: string; code: string },
  ): Promise<boolean> {
    const r = await this.db
      .deleteFrom("aftersalesCodeMaps")
      .where("workspaceId", "=", workspaceId)
      .where("platform", "=", key.platform)
      .where("kind", "=", key.kind)
      .where("code", "=", key.code)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async settings(workspaceId: string) {
    const r = await this.db
      .selectFrom("aftersalesSettings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return r
      ? { inspectBeforeRefund: Number(r.inspectBeforeRefund) === 1, version: Number(r.version) }
      : { inspectBeforeRefund: false, version: 0 };
  }

  /** Writes the settings when `version` is the stored one (0: none stored yet); false when stale. */
  async putSettings(
    workspaceId: string,
    version: number,
    s: { inspectBeforeRefund: boolean },
    at: string,
  ): Promise<boolean> {
    const value = s.inspectBeforeRefund ? 1 : 0;
    if (version === 0) {
      const r = await this.db
        .insertInto("aftersalesSettings")
        .values({ workspaceId, inspectBeforeRefund: value, version: 1, updatedAt: at })
        .onConflict((oc) => oc.column("workspaceId").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db
      .updateTable("aftersalesSettings")
      .set({ inspectBeforeRefund: value, version: version + 1, updatedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The workspace's departments (who holds customer_service), for assignments. */
  async departments(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "parentId", "leadMemberId", "function"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }
}
