// Sales attribution in the database: the rules and the "frozen" boundary an import applies, the
// re-attribution after a rule change, and attributed sales read from the per-owner daily rollup.
import { sql } from "kysely";
import {
  attribute,
  type AttributableOrder,
  type AttributionRule,
} from "../../core/orders/attribution.js";
import type { Executor } from "../../db/database.js";
import type { AttributionRulesTable, OrdersTable } from "../../db/schema.js";
import { StatsRepository } from "./stats.repository.js";
import { isClosed, payLock, type PayLock } from "../pay/locked-month.js";

export interface Owner {
  memberId: string | null;
  source: "rule" | "manual" | null;
}

export async function memberNames(db: Executor, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("members")
    .select(["id", "name"])
    .where("workspaceId", "=", workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The last day of the latest locked pay run: orders paid on or before it keep their owner. */
export async function lockedThrough(db: Executor, workspaceId: string): Promise<string | null> {
  return (await payLock(db, workspaceId))?.through ?? null;
}

/** What an import needs to give each order its owner. */
export class Attribution {
  /** `lock`: the latest locked pay run; orders paid on or before its last day are in closed months. */
  constructor(
    readonly rules: readonly AttributionRule[],
    readonly lock: PayLock | null,
  ) {}

  static async load(db: Executor, workspaceId: string): Promise<Attribution> {
    const [rules, lock] = await Promise.all([
      new AttributionRepository(db).rules(workspaceId),
      payLock(db, workspaceId),
    ]);
    return new Attribution(rules, lock);
  }

  get lockedThrough(): string | null {
    return this.lock?.through ?? null;
  }

  frozen(paidDate: string | null): boolean {
    return isClosed(this.lock, paidDate);
  }

  /** An owner set by hand stays; an order of a locked month keeps its owner; otherwise the first matching rule decides. */
  ownerOf(
    existing: Pick<OrdersTable, "ownerMemberId" | "ownerSource" | "paidDate"> | undefined,
    order: AttributableOrder,
    paidDate: string | null,
  ): Owner {
    if (existing?.ownerSource === "manual")
      return { memberId: existing.ownerMemberId, source: "manual" };
    if (existing && (this.frozen(existing.paidDate) || this.frozen(paidDate)))
      return { memberId: existing.ownerMemberId, source: existing.ownerSource };
    const rule = attribute(this.rules, order);
    return rule ? { memberId: rule.memberId, source: "rule" } : { memberId: null, source: null };
  }
}

export interface OwnerSales {
  ownerMemberId: string;
  paidOrders: number;
  gmvFen: number;
  refundFen: number;
  items: number;
}

export class AttributionRepository {
  constructor(private readonly db: Executor) {}

  async rules(workspaceId: string): Promise<AttributionRulesTable[]> {
    return this.db
      .selectFrom("attributionRules")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("position")
      .orderBy("id")
      .execute();
  }

  getRule(workspaceId: string, id: string) {
    return this.db
      .selectFrom("attributionRules")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async insertRule(row: AttributionRulesTable): Promise<void> {
    await this.db.insertInto("attributionRules").values(row).execute();
  }

  async updateRule(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<AttributionRulesTable>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("attributionRules")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteRule(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("attributionRules")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Rewrites the rules' positions 1..n in the given order. */
  async renumber(workspaceId: string, ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries())
      await this.db
        .updateTable("attributionRules")
        .set({ position: i + 1 })
        .where("workspaceId", "=", workspaceId)
        .where("id", "=", id)
        .execute();
  }

  /**
   * Applies the rules again to every order that is not set by hand and not in a locked month, in
   * batches; changed orders get a new version and their days' owner rollup is rebuilt.
   */
  async reattribute(workspaceId: string): Promise<number> {
    const ctx = await Attribution.load(this.db, workspaceId);
    const needSkus = ctx.rules.some((r) => r.kind === "sku");
    const touched = new Map<string, Set<string>>(); // shop → paid dates
    let changed = 0;
    let after = "";
    for (;;) {
      let q = this.db
        .selectFrom("orders")
        .select([
          "id",
          "shopId",
          "sellerMemo",
          "salesRef",
          "ownerMemberId",
          "ownerSource",
          "paidDate",
        ])
        .where("workspaceId", "=", workspaceId)
        .where("id", ">", after)
        .where((eb) => eb.or([eb("ownerSource", "is", null), eb("ownerSource", "<>", "manual")]));
      if (ctx.lockedThrough)
        q = q.where((eb) =>
          eb.or([eb("paidDate", "is", null), eb("paidDate", ">", ctx.lockedThrough!)]),
        );
      const rows = await q.orderBy("id").limit(2000).execute();
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      const skus = new Map<string, (string | null)[]>();
      if (needSkus) {
        const items = await this.db
          .selectFrom("orderItems")
          .select(["orderId", "sku"])
          .where("workspaceId", "=", workspaceId)
          .where(
            "orderId",
            "in",
            rows.map((r) => r.id),
          )
          .execute();
        for (const i of items) skus.set(i.orderId, [...(skus.get(i.orderId) ?? []), i.sku]);
      }
      const moves = new Map<string, string[]>(); // new owner ('' = none) → order ids
      for (const r of rows) {
        const rule = attribute(ctx.rules, {
          shopId: r.shopId,
          sellerMemo: r.sellerMemo,
          salesRef: r.salesRef,
          skus: skus.get(r.id) ?? [],
        });
        const owner = rule?.memberId ?? null;
        if (owner === r.ownerMemberId) continue;
        moves.set(owner ?? "", [...(moves.get(owner ?? "") ?? []), r.id]);
        if (r.paidDate) touched.set(r.shopId, (touched.get(r.shopId) ?? new Set()).add(r.paidDate));
      }
      for (const [owner, ids] of moves) {
        await this.db
          .updateTable("orders")
          .set((eb) => ({
            ownerMemberId: owner || null,
            ownerSource: owner ? "rule" : null,
            version: eb("version", "+", 1),
          }))
          .where("workspaceId", "=", workspaceId)
          .where("id", "in", ids)
          .execute();
        changed += ids.length;
      }
    }
    const stats = new StatsRepository(this.db);
    for (const [shopId, dates] of touched)
      await stats.rebuildOwnerDays(workspaceId, shopId, [...dates]);
    return changed;
  }

  /** Paid orders, GMV, refunds and items per owner ('' = unattributed) over paid dates from…to. */
  async sales(
    workspaceId: string,
    from: string,
    to: string,
    shopIds?: readonly string[],
  ): Promise<OwnerSales[]> {
    let q = this.db
      .selectFrom("ownerDailySales")
      .select([
        "ownerMemberId",
        sql<number>`sum(paid_orders)`.as("paidOrders"),
        sql<number>`sum(gmv_fen)`.as("gmvFen"),
        sql<number>`sum(refund_fen)`.as("refundFen"),
        sql<number>`sum(items)`.as("items"),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("date", ">=", from)
      .where("date", "<=", to);
    if (shopIds?.length) q = q.where("shopId", "in", [...shopIds]);
    const rows = await q.groupBy("ownerMemberId").execute();
    return rows.map((r) => ({
      ownerMemberId: r.ownerMemberId,
      paidOrders: Number(r.paidOrders),
      gmvFen: Number(r.gmvFen),
      refundFen: Number(r.refundFen),
      items: Number(r.items),
    }));
  }
}
