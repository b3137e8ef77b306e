import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type {
  OrderImportChangesTable,
  OrderImportsTable,
  OrderItemsTable,
  OrdersTable,
  RefundsTable,
} from "../../db/schema.js";

const chunks = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
type Cell = string | number | bigint | null;

/**
 * Inserts rows with one prepared statement run per row (SQLite through better-sqlite3): no query
 * is built per row, and SQLite sees the same statement each time. Every row must have the first
 * row's keys (the table types make them).
 */
function rawInsert<T extends object>(
  sqlite: BetterSqlite3.Database,
  table: string,
  rows: T[],
): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!) as (keyof T & string)[];
  const stmt = sqlite.prepare(
    `insert into ${table} (${keys.map(snake).join(", ")}) values (${keys.map(() => "?").join(", ")})`,
  );
  const values: Cell[] = new Array<Cell>(keys.length);
  for (const row of rows) {
    for (let i = 0; i < keys.length; i++) values[i] = (row[keys[i]!] ?? null) as Cell;
    stmt.run(values);
  }
}

export class OrderRepository {
  /** `sqlite`: the handle behind `db` when it is SQLite, for the bulk inserts of an import. */
  constructor(
    private readonly db: Executor,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /** A shop's orders by their keys (orders.order_key: the platform's own id, else the number). */
  async byKeys(workspaceId: string, shopId: string, keys: string[]): Promise<OrdersTable[]> {
    const out: OrdersTable[] = [];
    for (const part of chunks(keys, 500)) {
      out.push(
        ...(await this.db
          .selectFrom("orders")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("orderKey", "in", part)
          .execute()),
      );
    }
    return out;
  }

  /** A shop's orders by their numbers as the platform shows them (several where stores share numbers). */
  async byPlatformIds(workspaceId: string, shopId: string, ids: string[]): Promise<OrdersTable[]> {
    const out: OrdersTable[] = [];
    for (const part of chunks(ids, 500)) {
      out.push(
        ...(await this.db
          .selectFrom("orders")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("platformOrderId", "in", part)
          .execute()),
      );
    }
    return out;
  }

  async itemsOf(workspaceId: string, orderIds: string[]): Promise<OrderItemsTable[]> {
    const out: OrderItemsTable[] = [];
    for (const part of chunks(orderIds, 500)) {
      out.push(
        ...(await this.db
          .selectFrom("orderItems")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("orderId", "in", part)
          .orderBy("orderId")
          .orderBy("lineNo")
          .execute()),
      );
    }
    return out;
  }

  async insertOrders(rows: OrdersTable[]): Promise<void> {
    if (this.sqlite) return rawInsert(this.sqlite, "orders", rows);
    for (const part of chunks(rows, 500)) await this.db.insertInto("orders").values(part).execute();
  }

  async insertItems(rows: OrderItemsTable[]): Promise<void> {
    if (this.sqlite) return rawInsert(this.sqlite, "order_items", rows);
    for (const part of chunks(rows, 2500))
      await this.db.insertInto("orderItems").values(part).execute();
  }

  async deleteOrders(workspaceId: string, ids: string[]): Promise<void> {
    for (const part of chunks(ids, 500)) {
      await this.db
        .deleteFrom("orderItems")
        .where("workspaceId", "=", workspaceId)
        .where("orderId", "in", part)
        .execute();
      await this.db
        .deleteFrom("orders")
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", part)
        .execute();
    }
  }

  async refundsByPlatformIds(
    workspaceId: string,
    shopId: string,
    ids: string[],
  ): Promise<RefundsTable[]> {
    const out: RefundsTable[] = [];
    for (const part of chunks(ids, 500)) {
      out.push(
        ...(await this.db
          .selectFrom("refunds")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("platformRefundId", "in", part)
          .execute()),
      );
    }
    return out;
  }

  async insertRefunds(rows: RefundsTable[]): Promise<void> {
    for (const part of chunks(rows, 300))
      await this.db.insertInto("refunds").values(part).execute();
  }

  async deleteRefunds(workspaceId: string, ids: string[]): Promise<void> {
    for (const part of chunks(ids, 500))
      await this.db
        .deleteFrom("refunds")
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", part)
        .execute();
  }

  /**
   * Refunds name their order by the platform's order id (the refund exports' 订单编号/订单号), which
   * is the order's key. `freshOrderIds`: keys of orders just written with refund_fen = own_refund_fen, checked only when the
   * shop has refund records.
   * Recomputes orders.refund_fen = max(the export's own refund, Σ successful linked refunds) and
   * returns the orders whose refund changed (their days and customers need their rollups rebuilt).
   */
  async relinkRefunds(
    workspaceId: string,
    shopId: string,
    orderKeys: string[],
    freshOrderIds: string[] = [],
  ): Promise<{ paidDate: string | null; customerKey: string | null }[]> {
    const changed: { paidDate: string | null; customerKey: string | null }[] = [];
    // A shop without refund records has nothing to link (the common case for big order imports).
    const any = await this.db
      .selectFrom("refunds")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .limit(1)
      .executeTakeFirst();
    // Orders just written carry their own refund; with no refund records there is nothing to add to it.
    const ids = any ? [...new Set([...orderKeys, ...freshOrderIds])] : orderKeys;
    for (const part of chunks(ids, 500)) {
      const sums = any
        ? await this.db
            .selectFrom("refunds")
            .select(["platformOrderId", sql<number>`cast(sum(amount_fen) as bigint)`.as("fen")])
            .where("workspaceId", "=", workspaceId)
            .where("shopId", "=", shopId)
            .where("platformOrderId", "in", part)
            .where("status", "=", "succeeded")
            .groupBy("platformOrderId")
            .execute()
        : [];
      const byId = new Map(sums.map((s) => [s.platformOrderId, Number(s.fen)]));
      const orders = await this.db
        .selectFrom("orders")
        .select(["id", "orderKey", "ownRefundFen", "refundFen", "paidDate", "customerKey"])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("orderKey", "in", part)
        .execute();
      for (const o of orders) {
        const fen = Math.max(Number(o.ownRefundFen), byId.get(o.orderKey) ?? 0);
        if (fen === Number(o.refundFen)) continue;
        await this.db
          .updateTable("orders")
          .set({ refundFen: fen })
          .where("workspaceId", "=", workspaceId)
          .where("id", "=", o.id)
          .execute();
        changed.push({ paidDate: o.paidDate, customerKey: o.customerKey });
      }
    }
    return changed;
  }

  async createImport(i: OrderImportsTable): Promise<void> {
    await this.db.insertInto("orderImports").values(i).execute();
  }

  getImport(workspaceId: string, id: string) {
    return this.db
      .selectFrom("orderImports")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  listImports(workspaceId: string, shopId: string, limit: number, cursor?: string) {
    let q = this.db
      .selectFrom("orderImports")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .orderBy("id", "desc")
      .limit(limit + 1);
    if (cursor) q = q.where("id", "<", cursor);
    return q.execute();
  }

  async markRolledBack(
    workspaceId: string,
    id: string,
    at: string,
    by: string | null,
  ): Promise<void> {
    await this.db
      .updateTable("orderImports")
      .set({ status: "rolled_back", rolledBackAt: at, rolledBackBy: by })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async recordChanges(rows: OrderImportChangesTable[]): Promise<void> {
    if (this.sqlite) return rawInsert(this.sqlite, "order_import_changes", rows);
    for (const part of chunks(rows, 4000))
      await this.db.insertInto("orderImportChanges").values(part).execute();
  }

  /** What an import recorded of the orders with these keys (their state before it). */
  async orderChanges(workspaceId: string, importId: string, keys: string[]) {
    const out: OrderImportChangesTable[] = [];
    for (const part of chunks(keys, 500))
      out.push(
        ...(await this.db
          .selectFrom("orderImportChanges")
          .selectAll()
          .where("workspaceId", "=", workspaceId)
          .where("importId", "=", importId)
          .where("entity", "=", "order")
          .where("entityKey", "in", part)
          .execute()),
      );
    return out;
  }

  /** Forgets what an import recorded of these orders (it left them as they were after all). */
  async deleteOrderChanges(workspaceId: string, importId: string, keys: string[]): Promise<void> {
    for (const part of chunks(keys, 500))
      await this.db
        .deleteFrom("orderImportChanges")
        .where("workspaceId", "=", workspaceId)
        .where("importId", "=", importId)
        .where("entity", "=", "order")
        .where("entityKey", "in", part)
        .execute();
  }

  changesOf(workspaceId: string, importId: string) {
    return this.db
      .selectFrom("orderImportChanges")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("importId", "=", importId)
      .execute();
  }

  /** Committed imports after `importId` that touched any of the same records. */
  async laterImportsTouching(workspaceId: string, importId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("orderImportChanges as c")
      .innerJoin("orderImportChanges as mine", (j) =>
        j
          .onRef("mine.workspaceId", "=", "c.workspaceId")
          .onRef("mine.entity", "=", "c.entity")
          .onRef("mine.entityKey", "=", "c.entityKey"),
      )
      .innerJoin("orderImports as i", (j) =>
        j.onRef("i.workspaceId", "=", "c.workspaceId").onRef("i.id", "=", "c.importId"),
      )
      .select("c.importId")
      .distinct()
      .where("mine.workspaceId", "=", workspaceId)
      .where("mine.importId", "=", importId)
      .where("c.importId", ">", importId)
      .where("i.status", "=", "committed")
      .execute();
    return rows.map((r) => r.importId);
  }

  list(
    workspaceId: string,
    q: {
      shopId?: string;
      from?: string;
      to?: string;
      status?: string;
      owner?: string;
      limit: number;
      cursor?: string;
    },
  ) {
    let s = this.db
      .selectFrom("orders")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("id", "desc")
      .limit(q.limit + 1);
    if (q.shopId) s = s.where("shopId", "=", q.shopId);
    if (q.from) s = s.where("paidDate", ">=", q.from);
    if (q.to) s = s.where("paidDate", "<=", q.to);
    if (q.status) s = s.where("status", "=", q.status);
    if (q.owner)
      s =
        q.owner === "none"
          ? s.where("ownerMemberId", "is", null)
          : s.where("ownerMemberId", "=", q.owner);
    if (q.cursor) s = s.where("id", "<", q.cursor);
    return s.execute();
  }

  /** Sets an order's owner when its version is still `version`; false when someone changed it. */
  async setOwner(
    workspaceId: string,
    id: string,
    version: number,
    owner: { memberId: string | null; source: "rule" | "manual" | null },
    at: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("orders")
      .set({
        ownerMemberId: owner.memberId,
        ownerSource: owner.source,
        version: version + 1,
        updatedAt: at,
      })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("orders")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** An order's refunds, by its key (refund exports name the order by the platform's order id). */
  refundsOfOrder(workspaceId: string, shopId: string, orderKey: string) {
    return this.db
      .selectFrom("refunds")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("platformOrderId", "=", orderKey)
      .orderBy("requestedAt")
      .execute();
  }

  countByShop(workspaceId: string, shopId: string) {
    return this.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .executeTakeFirstOrThrow();
  }
}
