// Customers and the daily rollups, rebuilt for exactly the keys and days an import touched, and
// the reads the dashboard makes on them (O(days), not O(orders)).
import { sql } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";
import { shipBySql } from "../../db/sql/ship-by.js";
import type { ShopDailyStatsTable } from "../../db/schema.js";
import {
  addPairs,
  RepeatPairsRepository,
  splitDates,
  type PairDeltas,
} from "./repeat-pairs.repository.js";

const chunks = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const big = (expr: string) => sql<number>`cast(${sql.raw(expr)} as bigint)`;

/** One shop-day of the rollup, as the dashboard reads it. */
export type DailyRow = Omit<ShopDailyStatsTable, "workspaceId" | "shopId">;

export class StatsRepository {
  constructor(private readonly db: Executor) {}

  async firstPaidDates(workspaceId: string, shopId: string, keys: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const part of chunks(keys, 500)) {
      const rows = await this.db
        .selectFrom("customers")
        .select("firstPaidDate")
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("customerKey", "in", part)
        .execute();
      for (const r of rows) if (r.firstPaidDate) out.push(r.firstPaidDate);
    }
    return out;
  }

  /** Rebuilds the given customers and what they count in the repurchase rollup (shop_repeat_pairs). */
  async rebuildCustomers(workspaceId: string, shopId: string, keys: string[]): Promise<void> {
    const pairs = new RepeatPairsRepository(this.db);
    const deltas: PairDeltas = new Map();
    for (const part of chunks(keys, 500)) {
      const before = await pairs.paidDates(workspaceId, shopId, part);
      await this.db
        .deleteFrom("customers")
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("customerKey", "in", part)
        .execute();
      await this.db
        .insertInto("customers")
        .columns([
          "workspaceId",
          "shopId",
          "customerKey",
          "display",
          "firstPaidDate",
          "lastPaidDate",
          "paidOrders",
          "paidFen",
          "paidDates",
        ])
        .expression(
          this.db
            .selectFrom("orders")
            .select((eb) => [
              "workspaceId",
              "shopId",
              "customerKey",
              eb.fn.max("buyerRef").as("display"),
              eb.fn.min("paidDate").as("firstPaidDate"),
              eb.fn.max("paidDate").as("lastPaidDate"),
              eb.fn.countAll().as("paidOrders"),
              big("sum(total_fen)").as("paidFen"),
              pairs.paidDatesAgg().as("paidDates"),
            ])
            .where("workspaceId", "=", workspaceId)
            .where("shopId", "=", shopId)
            .where("customerKey", "in", part)
            .where("paidDate", "is not", null)
            .groupBy(["workspaceId", "shopId", "customerKey"]),
        )
        .execute();
      const after = await pairs.paidDates(workspaceId, shopId, part);
      for (const key of part) {
        const was = splitDates(before.get(key) ?? null).sort();
        const now = splitDates(after.get(key) ?? null).sort();
        if (was.length === now.length && was.every((d, i) => d === now[i])) continue;
        addPairs(deltas, was, -1);
        addPairs(deltas, now, 1);
      }
    }
    await pairs.apply(workspaceId, shopId, deltas);
  }

  /** On-time and late shipments of the given paid days (against each order's ship-by time; see src/db/sql/ship-by.ts). */
  async rebuildShippingDays(workspaceId: string, shopId: string, dates: string[]): Promise<void> {
    const shop = await this.db
      .selectFrom("shops")
      .select("shipWindowHours")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", shopId)
      .executeTakeFirst();
    const by = shipBySql(dialectOf(this.db), {
      paidAt: sql`paid_at`,
      promised: sql`promised_ship_at`,
      hours: sql`${shop?.shipWindowHours ?? 48}`,
    });
    for (const part of chunks([...new Set(dates)].sort(), 300)) {
      await this.db
        .deleteFrom("shopDailyShipping")
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("date", "in", part)
        .execute();
      await this.db
        .insertInto("shopDailyShipping")
        .columns(["workspaceId", "shopId", "date", "shippedOnTime", "shippedLate"])
        .expression(
          this.db
            .selectFrom("orders")
            .select([
              "workspaceId",
              "shopId",
              "paidDate",
              sql<number>`sum(case when shipped_at <= ${by} then 1 else 0 end)`.as("shippedOnTime"),
              sql<number>`sum(case when shipped_at > ${by} then 1 else 0 end)`.as("shippedLate"),
            ])
            .where("workspaceId", "=", workspaceId)
            .where("shopId", "=", shopId)
            .where("paidDate", "in", part)
            .where("shippedAt", "is not", null)
            .groupBy(["workspaceId", "shopId", "paidDate"]),
        )
        .execute();
    }
  }

  /** Shipped orders paid in the range, on time and late, from the daily rollup (O(days)). */
  async shippedCounts(
    workspaceId: string,
    shopIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ onTime: number; late: number }> {
    const r = await this.db
      .selectFrom("shopDailyShipping")
      .select([
        sql<number>`sum(shipped_on_time)`.as("onTime"),
        sql<number>`sum(shipped_late)`.as("late"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", [...shopIds])
      .where("date", ">=", from)
      .where("date", "<=", to)
      .executeTakeFirst();
    return { onTime: Number(r?.onTime ?? 0), late: Number(r?.late ?? 0) };
  }

  /**
   * Orders paid in the range, not shipped and past their ship-by time at `now`: few, found
   * through the partial index on unshipped orders.
   */
  async overdueCount(
    workspaceId: string,
    shopIds: readonly string[],
    from: string,
    to: string,
    now: string,
  ): Promise<number> {
    const r = await this.db
      .selectFrom("orders as o")
      .innerJoin("shops as s", (j) =>
        j.onRef("s.workspaceId", "=", "o.workspaceId").onRef("s.id", "=", "o.shopId"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("o.workspaceId", "=", workspaceId)
      .where("o.shopId", "in", [...shopIds])
      .where("o.paidDate", ">=", from)
      .where("o.paidDate", "<=", to)
      .where("o.shippedAt", "is", null)
      .where("o.status", "not in", ["cancelled", "refunded"])
      .where(
        sql<boolean>`${shipBySql(dialectOf(this.db), { paidAt: sql`o.paid_at`, promised: sql`o.promised_ship_at`, hours: sql`s.ship_window_hours` })} < ${now}`,
      )
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Every paid day of a shop (after its dispatch window changed). */
  async paidDates(workspaceId: string, shopId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("orders")
      .select("paidDate")
      .distinct()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("paidDate", "is not", null)
      .execute();
    return rows.map((r) => r.paidDate!);
  }

  /** The per-owner daily sales (owner '' = unattributed) of the given days. */
  async rebuildOwnerDays(workspaceId: string, shopId: string, dates: string[]): Promise<void> {
    for (const part of chunks([...new Set(dates)].sort(), 300)) {
      await this.db
        .deleteFrom("ownerDailySales")
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("date", "in", part)
        .execute();
      await this.db
        .insertInto("ownerDailySales")
        .columns([
          "workspaceId",
          "shopId",
          "date",
          "ownerMemberId",
          "paidOrders",
          "gmvFen",
          "refundFen",
          "items",
        ])
        .expression(
          this.db
            .selectFrom("orders")
            .select((eb) => [
              "workspaceId",
              "shopId",
              "paidDate",
              sql<string>`coalesce(owner_member_id, '')`.as("ownerMemberId"),
              eb.fn.countAll().as("paidOrders"),
              big("sum(total_fen)").as("gmvFen"),
              big("sum(refund_fen)").as("refundFen"),
              big("sum(item_count)").as("items"),
            ])
            .where("workspaceId", "=", workspaceId)
            .where("shopId", "=", shopId)
            .where("paidDate", "in", part)
            .groupBy(["workspaceId", "shopId", "paidDate", sql`coalesce(owner_member_id, '')`]),
        )
        .execute();
    }
  }

  async rebuildDays(workspaceId: string, shopId: string, dates: string[]): Promise<void> {
    for (const part of chunks([...new Set(dates)].sort(), 300)) {
      for (const t of ["shopDailyStats", "shopDailyProducts", "shopDailyProvinces"] as const) {
        await this.db
          .deleteFrom(t)
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("date", "in", part)
          .execute();
      }
      const paid = (alias: "orders" | "o") =>
        this.db
          .selectFrom(`orders as ${alias}` as "orders")
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("paidDate", "in", part);
      await this.db
        .insertInto("shopDailyStats")
        .columns([
          "workspaceId",
          "shopId",
          "date",
          "paidOrders",
          "gmvFen",
          "items",
          "refundedOrders",
          "refundFen",
          "buyers",
          "newCustomers",
        ])
        .expression(
          paid("orders")
            .select((eb) => [
              "workspaceId",
              "shopId",
              "paidDate",
              eb.fn.countAll().as("paidOrders"),
              big("sum(total_fen)").as("gmvFen"),
              big("sum(item_count)").as("items"),
              big("sum(case when refund_fen > 0 then 1 else 0 end)").as("refundedOrders"),
              big("sum(refund_fen)").as("refundFen"),
              sql<number>`count(distinct customer_key)`.as("buyers"),
              sql<number>`0`.as("newCustomers"),
            ])
            .groupBy(["workspaceId", "shopId", "paidDate"]),
        )
        .execute();
      const fresh = await this.db
        .selectFrom("customers")
        .select(["firstPaidDate", (eb) => eb.fn.countAll<number>().as("n")])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("firstPaidDate", "in", part)
        .groupBy("firstPaidDate")
        .execute();
      for (const f of fresh) {
        await this.db
          .updateTable("shopDailyStats")
          .set({ newCustomers: Number(f.n) })
          .where("workspaceId", "=", workspaceId)
          .where("shopId", "=", shopId)
          .where("date", "=", f.firstPaidDate!)
          .execute();
      }
      await this.db
        .insertInto("shopDailyProducts")
        .columns(["workspaceId", "shopId", "date", "productKey", "title", "quantity", "salesFen"])
        .expression(
          this.db
            .selectFrom("orderItems as i")
            .innerJoin("orders as o", (j) =>
              j.onRef("o.workspaceId", "=", "i.workspaceId").onRef("o.id", "=", "i.orderId"),
            )
            .select((eb) => [
              "o.workspaceId",
              "o.shopId",
              "o.paidDate",
              sql<string>`coalesce(i.sku, i.product_id, i.title)`.as("productKey"),
              eb.fn.max("i.title").as("title"),
              big("sum(i.quantity)").as("quantity"),
              big("sum(i.total_fen)").as("salesFen"),
            ])
            .where("o.workspaceId", "=", workspaceId)
            .where("o.shopId", "=", shopId)
            .where("o.paidDate", "in", part)
            .groupBy([
              "o.workspaceId",
              "o.shopId",
              "o.paidDate",
              sql`coalesce(i.sku, i.product_id, i.title)`,
            ]),
        )
        .execute();
      await this.rebuildOwnerDays(workspaceId, shopId, part);
      await this.rebuildShippingDays(workspaceId, shopId, part);
      await this.db
        .insertInto("shopDailyProvinces")
        .columns(["workspaceId", "shopId", "date", "province", "paidOrders", "gmvFen"])
        .expression(
          paid("orders")
            .select((eb) => [
              "workspaceId",
              "shopId",
              "paidDate",
              sql<string>`coalesce(province, '')`.as("province"),
              eb.fn.countAll().as("paidOrders"),
              big("sum(total_fen)").as("gmvFen"),
            ])
            .groupBy(["workspaceId", "shopId", "paidDate", sql`coalesce(province, '')`]),
        )
        .execute();
    }
  }

  async daily(
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
  ): Promise<DailyRow[]> {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("shopDailyStats")
      .select([
        "date",
        big("sum(paid_orders)").as("paidOrders"),
        big("sum(gmv_fen)").as("gmvFen"),
        big("sum(items)").as("items"),
        big("sum(refunded_orders)").as("refundedOrders"),
        big("sum(refund_fen)").as("refundFen"),
        big("sum(buyers)").as("buyers"),
        big("sum(new_customers)").as("newCustomers"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("date")
      .orderBy("date")
      .execute();
    return rows.map((r) => ({
      date: r.date,
      paidOrders: Number(r.paidOrders),
      gmvFen: Number(r.gmvFen),
      items: Number(r.items),
      refundedOrders: Number(r.refundedOrders),
      refundFen: Number(r.refundFen),
      buyers: Number(r.buyers),
      newCustomers: Number(r.newCustomers),
    }));
  }

  async dailyVisitors(
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
  ): Promise<{ date: string; visitors: number }[]> {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("shopVisitors")
      .select(["date", big("sum(visitors)").as("visitors")])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("date")
      .execute();
    return rows.map((r) => ({ date: r.date, visitors: Number(r.visitors) }));
  }

  async byShop(workspaceId: string, shopIds: string[], from: string, to: string) {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("shopDailyStats")
      .select([
        "shopId",
        big("sum(paid_orders)").as("paidOrders"),
        big("sum(gmv_fen)").as("gmvFen"),
        big("sum(refund_fen)").as("refundFen"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("shopId")
      .execute();
    return rows.map((r) => ({
      shopId: r.shopId,
      paidOrders: Number(r.paidOrders),
      gmvFen: Number(r.gmvFen),
      refundFen: Number(r.refundFen),
    }));
  }

  async topProducts(
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
    limit: number,
  ) {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("shopDailyProducts")
      .select((eb) => [
        "productKey",
        eb.fn.max("title").as("title"),
        big("sum(quantity)").as("quantity"),
        big("sum(sales_fen)").as("salesFen"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("productKey")
      .orderBy(sql`sum(sales_fen)`, "desc")
      .orderBy("productKey")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      productKey: r.productKey,
      title: r.title,
      quantity: Number(r.quantity),
      salesFen: Number(r.salesFen),
    }));
  }

  async provinces(workspaceId: string, shopIds: string[], from: string, to: string) {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("shopDailyProvinces")
      .select([
        "province",
        big("sum(paid_orders)").as("paidOrders"),
        big("sum(gmv_fen)").as("gmvFen"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .groupBy("province")
      .orderBy(sql`sum(gmv_fen)`, "desc")
      .execute();
    return rows.map((r) => ({
      province: r.province,
      paidOrders: Number(r.paidOrders),
      gmvFen: Number(r.gmvFen),
    }));
  }

  async refundReasons(workspaceId: string, shopIds: string[], fromIso: string, toIso: string) {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("refunds")
      .select([
        sql<string>`coalesce(reason, '')`.as("reason"),
        (eb) => eb.fn.countAll<number>().as("refunds"),
        big("sum(amount_fen)").as("amountFen"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("requestedAt", ">=", fromIso)
      .where("requestedAt", "<", toIso)
      .where("status", "!=", "closed")
      .groupBy(sql`coalesce(reason, '')`)
      .orderBy(sql`count(*)`, "desc")
      .execute();
    return rows.map((r) => ({
      reason: r.reason,
      refunds: Number(r.refunds),
      amountFen: Number(r.amountFen),
    }));
  }

  /** Paying customers in the range, and how many paid at least twice, from the repurchase rollup. */
  repeatCustomers(workspaceId: string, shopIds: string[], from: string, to: string) {
    return new RepeatPairsRepository(this.db).count(workspaceId, shopIds, from, to);
  }

  /** The same counted from the range's orders (O(orders in the range)): the reference for the rollup. */
  async repeatCustomersByCount(
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
  ): Promise<{ customers: number; repeaters: number }> {
    if (shopIds.length === 0) return { customers: 0, repeaters: 0 };
    const inner = this.db
      .selectFrom("orders")
      .select(["shopId", "customerKey", (eb) => eb.fn.countAll().as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "in", shopIds)
      .where("paidDate", ">=", from)
      .where("paidDate", "<=", to)
      .groupBy(["shopId", "customerKey"])
      .as("c");
    const r = await this.db
      .selectFrom(inner)
      .select([
        (eb) => eb.fn.countAll<number>().as("customers"),
        big("sum(case when n >= 2 then 1 else 0 end)").as("repeaters"),
      ])
      .executeTakeFirstOrThrow();
    return { customers: Number(r.customers), repeaters: Number(r.repeaters ?? 0) };
  }

  customers(workspaceId: string, shopId: string, limit: number, cursor?: string) {
    let q = this.db
      .selectFrom("customers")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .orderBy("customerKey")
      .limit(limit + 1);
    if (cursor) q = q.where("customerKey", ">", cursor);
    return q.execute();
  }
}
