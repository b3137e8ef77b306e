// The import pipeline's third step, write: a plan's rows (and the record of what they replaced,
// for the roll-back) written inside the caller's transaction, then the rollups, the import record
// and its audit entry. The roll-back re-links refunds and rebuilds the rollups the same way.
import type { Actor } from "../../core/actor.js";
import { msg } from "../../core/messages/index.js";
import { storeWarnings } from "../../core/orders/index.js";
import { sqliteOf, type Database, type Executor } from "../../db/database.js";
import type { OrderItemsTable, OrdersTable, ShopsTable } from "../../db/schema.js";
import { audit } from "../shared/context.js";
import type { Plan } from "./import-plan.js";
import { OrderRepository } from "./order.repository.js";
import { ShopRepository } from "./shop.repository.js";
import { StatsRepository } from "./stats.repository.js";

/** The paid days and customers an import touched: their rollups are rebuilt once, at the end. */
export interface Touched {
  dates: Set<string>;
  keys: Set<string>;
}
export const touched = (): Touched => ({ dates: new Set(), keys: new Set() });

const orderBefore = (row: OrdersTable, items: OrderItemsTable[]) => JSON.stringify({ row, items });

/** Writes a plan's orders and refunds (and what they replaced) inside the caller's transaction. */
export async function writeRows(
  trx: Executor,
  root: Database["db"],
  shop: ShopsTable,
  plan: Plan,
  importId: string,
  t: Touched,
): Promise<void> {
  const ws = shop.workspaceId;
  const repo = new OrderRepository(trx, sqliteOf(root));
  for (const r of plan.orderRows) {
    r.shopId = shop.id;
    if (r.paidDate) t.dates.add(r.paidDate);
    if (r.customerKey) t.keys.add(r.customerKey);
  }
  for (const row of [...plan.replacedOrders.map((r) => r.row), ...plan.supersededOrders]) {
    if (row.paidDate) t.dates.add(row.paidDate);
    if (row.customerKey) t.keys.add(row.customerKey);
  }
  await repo.deleteOrders(ws, [
    ...plan.replacedOrders.map((r) => r.row.id),
    ...plan.supersededOrders.map((r) => r.id),
  ]);
  await repo.insertOrders(plan.orderRows);
  await repo.insertItems(plan.itemRows);
  for (const r of plan.refundRows) r.shopId = shop.id;
  await repo.deleteRefunds(
    ws,
    plan.replacedRefunds.map((r) => r.id),
  );
  await repo.insertRefunds(plan.refundRows);
  const linked = new Set<string>(
    [...plan.refundRows, ...plan.replacedRefunds].map((r) => r.platformOrderId),
  );
  await relink(
    trx,
    ws,
    shop.id,
    [...linked],
    t,
    plan.orderRows.map((r) => r.orderKey),
  );
  await repo.deleteOrderChanges(ws, importId, plan.unchangedAfterAll);
  await repo.recordChanges([
    ...plan.createdOrderKeys.map((k) => ({
      workspaceId: ws,
      importId,
      entity: "order" as const,
      entityKey: k,
      before: null,
    })),
    ...plan.replacedOrders.map((r) => ({
      workspaceId: ws,
      importId,
      entity: "order" as const,
      entityKey: r.row.orderKey,
      before: orderBefore(r.row, r.items),
    })),
    ...plan.createdRefundKeys.map((k) => ({
      workspaceId: ws,
      importId,
      entity: "refund" as const,
      entityKey: k,
      before: null,
    })),
    ...plan.replacedRefunds.map((r) => ({
      workspaceId: ws,
      importId,
      entity: "refund" as const,
      entityKey: r.platformRefundId,
      before: JSON.stringify(r),
    })),
  ]);
}

/** Visitors, rollups, the import record and its audit entry, once every row is written. */
export async function finishImport(
  trx: Executor,
  actor: Actor,
  shop: ShopsTable,
  plan: Plan,
  format: string,
  importId: string,
  at: string,
  t: Touched,
): Promise<void> {
  const ws = actor.workspaceId;
  const repo = new OrderRepository(trx);
  const visitorKeys = plan.parsed.visitors.map((v) => v.date);
  const shopRepo = new ShopRepository(trx);
  const beforeVisitors = new Map(
    (await shopRepo.visitorsOn(ws, shop.id, visitorKeys)).map((v) => [v.date, v.visitors]),
  );
  await shopRepo.setVisitors(ws, shop.id, plan.parsed.visitors, at);
  await rebuild(trx, ws, shop.id, t);
  await repo.createImport({
    workspaceId: ws,
    id: importId,
    shopId: shop.id,
    platform: plan.parsed.platform,
    format,
    files: JSON.stringify(plan.parsed.files),
    status: "committed",
    orders: plan.summary.orders,
    lineItems: plan.summary.lineItems,
    created: plan.summary.created,
    updated: plan.summary.updated,
    skipped: plan.summary.skipped,
    refunds: plan.summary.refunds,
    visitorDays: plan.summary.visitorDays,
    warnings: storeWarnings(plan.summary.warnings.slice(0, 200)),
    createdBy: actor.via === "system" ? null : actor.memberId,
    createdAt: at,
    rolledBackAt: null,
    rolledBackBy: null,
  });
  await repo.recordChanges([
    ...plan.parsed.visitors.map((v) => ({
      workspaceId: ws,
      importId,
      entity: "visitors" as const,
      entityKey: v.date,
      before: beforeVisitors.has(v.date) ? String(beforeVisitors.get(v.date)) : null,
    })),
  ]);
  await audit(trx, actor, at, {
    action: "orders.import",
    entityType: "order_import",
    entityId: importId,
    message: msg("audit.orders.import", {
      files: plan.parsed.files.map((f) => f.file),
      shop: shop.name,
      shopId: shop.id,
      created: plan.summary.created,
      updated: plan.summary.updated,
      skipped: plan.summary.skipped,
      refunds: plan.summary.refunds,
      visitorDays: plan.summary.visitorDays,
    }),
  });
}

/** Links refunds to their orders again (and notes the days and customers that changed). */
export async function relink(
  trx: Executor,
  ws: string,
  shopId: string,
  orderKeys: string[],
  t: Touched,
  freshOrderIds: string[] = [],
): Promise<void> {
  if (orderKeys.length === 0 && freshOrderIds.length === 0) return;
  for (const o of await new OrderRepository(trx).relinkRefunds(
    ws,
    shopId,
    orderKeys,
    freshOrderIds,
  )) {
    if (o.paidDate) t.dates.add(o.paidDate);
    if (o.customerKey) t.keys.add(o.customerKey);
  }
}

/** Rebuilds the customers and the daily rollups an import or roll-back touched. */
export async function rebuild(trx: Executor, ws: string, shopId: string, t: Touched) {
  const stats = new StatsRepository(trx);
  const keyList = [...t.keys];
  for (const d of await stats.firstPaidDates(ws, shopId, keyList)) t.dates.add(d);
  await stats.rebuildCustomers(ws, shopId, keyList);
  for (const d of await stats.firstPaidDates(ws, shopId, keyList)) t.dates.add(d);
  await stats.rebuildDays(ws, shopId, [...t.dates]);
}
