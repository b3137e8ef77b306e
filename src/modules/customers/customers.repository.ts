// Customers (客户, docs/CUSTOMERS.md) read from the orders, set-based: one GROUP BY per shop gives
// one row per customer (never one per order), so a shop's RFM reads as many rows as it has
// customers. Plain SQL every dialect runs the same (conditional sums, no date arithmetic: the days
// between dates are counted by the service). A customer is (shop, customer key) — the identity the
// order import gave each order (modules/orders/customer-identity.ts).
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";

const big = (expr: string) => sql<number>`cast(${sql.raw(expr)} as bigint)`;

/** One customer of a shop: all-time figures and those of the window, from its paid orders. */
export interface CustomerAggregate {
  customerKey: string;
  display: string | null;
  firstPaidDate: string;
  lastPaidDate: string;
  /** Paid orders up to the as-of date. */
  orders: number;
  spendFen: number;
  refundFen: number;
  /** Paid orders in the window and their spend. */
  windowOrders: number;
  windowSpendFen: number;
  windowLastPaidDate: string | null;
}

/** A customer's figures in the RFM window (customers with an order in it). */
export interface WindowFigures {
  customerKey: string;
  orders: number;
  spendFen: number;
  lastPaidDate: string;
}

export class CustomersRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Every customer of the shop with a paid order on or before `to` (the as-of date), with the
   * window `from`…`to`'s orders and spend beside the all-time ones. `lastPaidOnOrBefore` keeps the
   * dormant ones only (the last paid order on or before that date).
   */
  async aggregates(
    workspaceId: string,
    shopId: string,
    from: string,
    to: string,
    lastPaidOnOrBefore?: string,
  ): Promise<CustomerAggregate[]> {
    let q = this.db
      .selectFrom("orders")
      .select((eb) => [
        "customerKey",
        eb.fn.max("buyerRef").as("display"),
        eb.fn.min("paidDate").as("firstPaidDate"),
        eb.fn.max("paidDate").as("lastPaidDate"),
        eb.fn.countAll().as("orders"),
        big("sum(total_fen)").as("spendFen"),
        big("sum(refund_fen)").as("refundFen"),
        sql<number>`sum(case when paid_date >= ${from} then 1 else 0 end)`.as("windowOrders"),
        sql<number>`cast(sum(case when paid_date >= ${from} then total_fen else 0 end) as bigint)`.as(
          "windowSpendFen",
        ),
        sql<string | null>`max(case when paid_date >= ${from} then paid_date else null end)`.as(
          "windowLastPaidDate",
        ),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("paidDate", "is not", null)
      .where("paidDate", "<=", to)
      .where("customerKey", "is not", null)
      .groupBy("customerKey");
    if (lastPaidOnOrBefore !== undefined)
      q = q.having((eb) => eb.fn.max("paidDate"), "<=", lastPaidOnOrBefore);
    const rows = await q.execute();
    return rows.map((r) => ({
      customerKey: r.customerKey!,
      display: r.display ?? null,
      firstPaidDate: r.firstPaidDate!,
      lastPaidDate: r.lastPaidDate!,
      orders: Number(r.orders),
      spendFen: Number(r.spendFen ?? 0),
      refundFen: Number(r.refundFen ?? 0),
      windowOrders: Number(r.windowOrders ?? 0),
      windowSpendFen: Number(r.windowSpendFen ?? 0),
      windowLastPaidDate: r.windowLastPaidDate ?? null,
    }));
  }

  /**
   * One chunk of the RFM read: the customers after `afterKey` (key order) with a paid order in the
   * window `from`…`to`, and their window orders, spend and last paid date. Keyed on the customer
   * only, so the one index that fits is orders_customer_cover_idx (customer key, paid date, total):
   * read in key order from the index alone, no sort, each chunk starting where the last one ended.
   * The window is the WHERE, so an index entry is compared once and the sums need no CASE, and the
   * customers with no order in it (not scored) are not returned at all.
   */
  async windowChunk(
    workspaceId: string,
    shopId: string,
    from: string,
    to: string,
    afterKey: string,
    limit: number,
  ): Promise<WindowFigures[]> {
    const rows = await this.db
      .selectFrom("orders")
      .select((eb) => [
        "customerKey",
        eb.fn.countAll().as("orders"),
        big("sum(total_fen)").as("spendFen"),
        eb.fn.max("paidDate").as("lastPaidDate"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", ">", afterKey)
      .where("paidDate", ">=", from)
      .where("paidDate", "<=", to)
      .groupBy("customerKey")
      .orderBy("customerKey")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      customerKey: r.customerKey!,
      orders: Number(r.orders),
      spendFen: Number(r.spendFen ?? 0),
      lastPaidDate: r.lastPaidDate!,
    }));
  }

  /** The shop's orders in the window `from`…`to` that have a customer (the RFM read's progress). */
  async windowOrders(workspaceId: string, shopId: string, from: string, to: string) {
    const r = await this.db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", ">", "")
      .where("paidDate", ">=", from)
      .where("paidDate", "<=", to)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /**
   * What the shop's orders are now, as far as RFM can tell: its order imports (every import and
   * every undo of one changes it). A stored snapshot with another stamp is out of date.
   */
  async ordersStamp(workspaceId: string, shopId: string): Promise<string> {
    const r = await this.db
      .selectFrom("orderImports")
      .select((eb) => [
        eb.fn.countAll().as("n"),
        eb.fn.max("id").as("last"),
        eb.fn.count("rolledBackAt").as("undone"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}:${r?.last ?? ""}:${Number(r?.undone ?? 0)}`;
  }

  /**
   * The customer's totals over all their orders (paid or not), and their paid orders' figures in
   * the window `from`…`to` (the RFM card's), in SQL.
   */
  async totals(
    workspaceId: string,
    shopId: string,
    customerKey: string,
    window: { from: string; to: string },
  ) {
    const inWindow = sql<boolean>`paid_date >= ${window.from} and paid_date <= ${window.to}`;
    const r = await this.db
      .selectFrom("orders")
      .select((eb) => [
        eb.fn.countAll().as("orders"),
        sql<number>`sum(case when paid_date is not null then 1 else 0 end)`.as("paidOrders"),
        sql<number>`cast(sum(case when paid_date is not null then total_fen else 0 end) as bigint)`.as(
          "spendFen",
        ),
        big("sum(refund_fen)").as("refundFen"),
        eb.fn.min("paidDate").as("firstPaidDate"),
        eb.fn.max("paidDate").as("lastPaidDate"),
        eb.fn.min("placedAt").as("firstPlacedAt"),
        eb.fn.max("placedAt").as("lastPlacedAt"),
        sql<number>`sum(case when ${inWindow} then 1 else 0 end)`.as("windowOrders"),
        sql<number>`cast(sum(case when ${inWindow} then total_fen else 0 end) as bigint)`.as(
          "windowSpendFen",
        ),
        sql<string | null>`max(case when ${inWindow} then paid_date else null end)`.as(
          "windowLastPaidDate",
        ),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", "=", customerKey)
      .executeTakeFirst();
    const orders = Number(r?.orders ?? 0);
    if (!r || orders === 0) return null;
    return {
      orders,
      paidOrders: Number(r.paidOrders ?? 0),
      spendFen: Number(r.spendFen ?? 0),
      refundFen: Number(r.refundFen ?? 0),
      firstPaidDate: r.firstPaidDate ?? null,
      lastPaidDate: r.lastPaidDate ?? null,
      firstPlacedAt: r.firstPlacedAt ?? null,
      lastPlacedAt: r.lastPlacedAt ?? null,
      window: {
        orders: Number(r.windowOrders ?? 0),
        spendFen: Number(r.windowSpendFen ?? 0),
        lastPaidDate: r.windowLastPaidDate ?? null,
      },
    };
  }

  /** The customer's latest orders (placed last first), at most `limit`. */
  orders(workspaceId: string, shopId: string, customerKey: string, limit: number) {
    return this.db
      .selectFrom("orders")
      .select([
        "id",
        "platformOrderId",
        "status",
        "placedAt",
        "paidDate",
        "currency",
        "totalFen",
        "refundFen",
        "itemCount",
        "buyerRef",
        "buyerName",
        "email",
        "phone",
        "recipient",
        "province",
        "city",
        "district",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", "=", customerKey)
      .orderBy("placedAt", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  }

  /**
   * The after-sales cases of the customer: those carrying their key or about one of their orders —
   * a union of two indexed lookups (the cases by key, the cases of the customer's orders), so the
   * page never walks the shop's cases.
   */
  cases(workspaceId: string, shopId: string, customerKey: string, limit: number) {
    const columns = [
      "id",
      "platformCaseId",
      "platformOrderId",
      "orderId",
      "type",
      "state",
      "resolution",
      "reasonCode",
      "reason",
      "requestedFen",
      "refundFen",
      "openedAt",
      "resolvedAt",
    ] as const;
    const byKey = this.db
      .selectFrom("aftersalesCases")
      .select(columns)
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", "=", customerKey);
    // By the order alone (an order is of one shop): the (workspace, order) index, not the shop's
    // cases by opening.
    const byOrder = this.db
      .selectFrom("aftersalesCases")
      .select(columns)
      .where("workspaceId", "=", workspaceId)
      .where((eb) =>
        eb(
          "orderId",
          "in",
          eb
            .selectFrom("orders")
            .select("id")
            .where("workspaceId", "=", workspaceId)
            .where("shopId", "=", shopId)
            .where("customerKey", "=", customerKey),
        ),
      );
    return byKey
      .union(byOrder)
      .orderBy("openedAt", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  }
}
