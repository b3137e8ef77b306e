// The repurchase rate's rollup (migration 452): per shop and pair of days, how many paid orders
// follow each other in a customer's history at lag 0 (the order itself), 1 and 2. A customer with
// k paid orders in a range counts k, k − 1 and k − 2 of them inside it, so the range's customers
// are A − B and its repeat customers B − T — a sum over the range's day pairs instead of a count
// of its orders per customer. Maintained with the customers rollup, from each customer's stored
// paid dates (customers.paid_dates): what a customer counted before is taken back, what they
// count now is added.
import { sql } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";

const chunks = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/** A change to the rollup: "lag|earlier|later" → orders to add (negative to take back). */
export type PairDeltas = Map<string, number>;

/** Adds what one customer's paid dates count (sign −1 takes it back). */
export function addPairs(deltas: PairDeltas, dates: readonly string[], sign: 1 | -1): void {
  const d = [...dates].sort();
  for (let i = 0; i < d.length; i++) {
    for (let lag = 0; lag <= 2 && lag <= i; lag++) {
      const key = `${lag}|${d[i - lag]}|${d[i]}`;
      deltas.set(key, (deltas.get(key) ?? 0) + sign);
    }
  }
}

export const splitDates = (s: string | null): string[] => (s ? s.split(",") : []);

export class RepeatPairsRepository {
  constructor(private readonly db: Executor) {}

  /** The aggregate that lists a customer's paid dates in the customers rollup's INSERT … SELECT. */
  paidDatesAgg() {
    return dialectOf(this.db) === "sqlite"
      ? sql<string>`group_concat(paid_date, ',')`
      : sql<string>`string_agg(paid_date, ',')`;
  }

  /** The stored paid dates of the given customers (what they count in the rollup now). */
  async paidDates(workspaceId: string, shopId: string, keys: string[]) {
    if (keys.length === 0) return new Map<string, string | null>();
    const rows = await this.db
      .selectFrom("customers")
      .select(["customerKey", "paidDates"])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("customerKey", "in", keys)
      .execute();
    return new Map(rows.map((r) => [r.customerKey, r.paidDates]));
  }

  /** Applies a change to one shop's rollup; rows that fall to zero are removed. */
  async apply(workspaceId: string, shopId: string, deltas: PairDeltas): Promise<void> {
    const rows = [...deltas]
      .filter(([, n]) => n !== 0)
      .map(([key, orders]) => {
        const [lag, earlierDate, laterDate] = key.split("|") as [string, string, string];
        return { workspaceId, shopId, lag: Number(lag), earlierDate, laterDate, orders };
      });
    for (const part of chunks(rows, 500)) {
      await this.db
        .insertInto("shopRepeatPairs")
        .values(part)
        .onConflict((oc) =>
          oc
            .columns(["workspaceId", "shopId", "lag", "earlierDate", "laterDate"])
            .doUpdateSet((eb) => ({
              orders: eb("shopRepeatPairs.orders", "+", eb.ref("excluded.orders")),
            })),
        )
        .execute();
    }
    if (rows.some((r) => r.orders < 0))
      await this.db
        .deleteFrom("shopRepeatPairs")
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("orders", "<=", 0)
        .execute();
  }

  /** Rebuilds one shop's rollup from its orders in one statement (seeding, repair). */
  async rebuildShop(workspaceId: string, shopId: string): Promise<void> {
    await this.db
      .deleteFrom("shopRepeatPairs")
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .execute();
    await sql`insert into shop_repeat_pairs
        (workspace_id, shop_id, lag, earlier_date, later_date, orders)
      with w as (
        select paid_date,
          lag(paid_date, 1) over (partition by customer_key order by paid_date) as p1,
          lag(paid_date, 2) over (partition by customer_key order by paid_date) as p2
        from orders
        where workspace_id = ${workspaceId} and shop_id = ${shopId}
          and customer_key is not null and paid_date is not null)
      select ${workspaceId}, ${shopId}, lag, earlier_date, later_date, count(*) from (
        select 0 as lag, paid_date as earlier_date, paid_date as later_date from w
        union all select 1, p1, paid_date from w where p1 is not null
        union all select 2, p2, paid_date from w where p2 is not null) x
      group by lag, earlier_date, later_date`.execute(this.db);
  }

  /**
   * Paying customers of the shops in the range and how many paid at least twice, from the
   * rollup: O(day pairs in the range). Orders without a customer key (none since imports always
   * set one) count as one customer per shop, as a count of the orders grouped by key does.
   */
  async count(
    workspaceId: string,
    shopIds: string[],
    from: string,
    to: string,
  ): Promise<{ customers: number; repeaters: number }> {
    if (shopIds.length === 0) return { customers: 0, repeaters: 0 };
    const [sums, anonymous] = await Promise.all([
      this.db
        .selectFrom("shopRepeatPairs")
        .select(["lag", sql<number>`cast(sum(orders) as bigint)`.as("orders")])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "in", shopIds)
        .where("lag", "in", [0, 1, 2])
        .where("earlierDate", ">=", from)
        .where("earlierDate", "<=", to)
        .where("laterDate", "<=", to)
        .groupBy("lag")
        .execute(),
      this.db
        .selectFrom("orders")
        .select(["shopId", (eb) => eb.fn.countAll<number>().as("n")])
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "in", shopIds)
        .where("customerKey", "is", null)
        .where("paidDate", ">=", from)
        .where("paidDate", "<=", to)
        .groupBy("shopId")
        .execute(),
    ]);
    const by = [0, 0, 0];
    for (const s of sums) by[Number(s.lag)] = Number(s.orders);
    const [a, b, t] = by as [number, number, number];
    let customers = a - b;
    let repeaters = b - t;
    for (const r of anonymous) {
      customers += 1;
      if (Number(r.n) >= 2) repeaters += 1;
    }
    return { customers, repeaters };
  }
}
