// The import pipeline's second step, plan: parsed orders, refunds and visitor days compared with
// what is stored, giving the rows to write and what they replace — nothing is written. A change to
// a closed pay month refuses the whole import. Used for whole files and for each batch of a stream.
import { DomainError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import {
  localDate,
  OrderIdentities,
  platformName,
  problemAt,
  problemFields,
  refusalMessage,
  storedUnderOtherName,
  type ImportWarning,
  type ParsedImport,
  type ParsedOrder,
  type Problem,
} from "../../core/orders/index.js";
import type { Executor } from "../../db/database.js";
import type { OrderItemsTable, OrdersTable, RefundsTable, ShopsTable } from "../../db/schema.js";
import { importMonthLocked, isClosed } from "../pay/locked-month.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import { Attribution } from "./attribution.repository.js";
import {
  contentHash,
  customerKey,
  defaultIdentity,
  type CustomerIdentity,
} from "./customer-identity.js";
import { OrderRepository } from "./order.repository.js";
import { presentParsed } from "./orders.presenter.js";
import { ShopRepository } from "./shop.repository.js";

export interface ImportSummary {
  orders: number;
  lineItems: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  errors: Problem[];
  warnings: ImportWarning[];
}

export const emptySummary = (): ImportSummary => ({
  orders: 0,
  lineItems: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  refunds: 0,
  visitorDays: 0,
  errors: [],
  warnings: [],
});

/** An import refused whole: the problems, with the summary of what the files hold. */
export class ImportRejected extends DomainError {
  readonly summary: ImportSummary;
  constructor(parsed: ImportSummary) {
    // Nothing was stored: nothing was created, updated or skipped.
    const summary = { ...parsed, created: 0, updated: 0, skipped: 0 };
    const headline = refusalMessage(summary.errors);
    super(
      "invalid",
      `${headline.code} ${JSON.stringify(headline.params ?? {})}`,
      problemFields(summary.errors),
      { problems: summary.errors.slice(0, 1000), summary },
      headline,
    );
    this.summary = summary;
  }
}

/** The rows an import writes, and what they replace (kept for the roll-back). */
export interface Plan {
  parsed: ParsedImport;
  summary: ImportSummary;
  orderRows: OrdersTable[];
  itemRows: OrderItemsTable[];
  replacedOrders: { row: OrdersTable; items: OrderItemsTable[] }[];
  /** Copies this import wrote earlier of orders a later file has again: replaced, not recorded. */
  supersededOrders: OrdersTable[];
  /** Orders a later copy put back as they were before the import: its record of them goes. */
  unchangedAfterAll: string[];
  createdOrderKeys: string[];
  refundRows: RefundsTable[];
  replacedRefunds: RefundsTable[];
  createdRefundKeys: string[];
  sample: ReturnType<typeof presentParsed>[];
}

export const newPlan = (parsed: ParsedImport, summary: ImportSummary): Plan => ({
  parsed,
  summary,
  orderRows: [],
  itemRows: [],
  replacedOrders: [],
  supersededOrders: [],
  unchangedAfterAll: [],
  createdOrderKeys: [],
  refundRows: [],
  replacedRefunds: [],
  createdRefundKeys: [],
  sample: [],
});

/** What planning needs to know about the workspace and the shop, read once per import. */
export interface PlanContext {
  workspaceId: string;
  shop: ShopsTable | null;
  tz: string;
  identity: CustomerIdentity;
  platform: string;
  at: string;
  importId: string;
  attribution: Attribution;
  /** The orders of this import so far, across its files and batches. */
  identities: OrderIdentities;
}

export async function planContext(
  db: Executor,
  workspaceId: string,
  shop: ShopsTable | null,
  detected: string | null,
  at: string,
  importId: string,
  identities: OrderIdentities = new OrderIdentities(),
): Promise<PlanContext> {
  const [workspace, attribution] = await Promise.all([
    new WorkspaceRepository(db).getById(workspaceId),
    Attribution.load(db, workspaceId),
  ]);
  const platform = shop?.platform ?? detected ?? "custom";
  const identity = (shop?.customerIdentity ?? defaultIdentity(platform)) as CustomerIdentity;
  return {
    workspaceId,
    shop,
    tz: workspace?.timeZone ?? "Asia/Shanghai",
    identity,
    platform,
    at,
    importId,
    attribution,
    identities,
  };
}

/** A shop's files must be of its platform (a custom shop takes any). */
export function shopPlatformProblem(
  shop: ShopsTable | null,
  platform: string | null,
  file: string | undefined,
): Problem | null {
  if (!shop || !platform || platform === "custom" || shop.platform === "custom") return null;
  if (platform === shop.platform) return null;
  return problemAt(file, 1, "", "shop.import.shop_platform", {
    platform: platformName(platform),
    shop: shop.name,
    shopPlatform: platformName(shop.platform),
  });
}

/**
 * Compares parsed orders with the stored ones and adds the rows to write to the plan, counting
 * the orders and their line items. Every order must have been noted in `ctx.identities` (by
 * parseImport, or by the stream) and be the copy to keep: a later copy of an order planned before
 * in this import takes the earlier one's place (in the counts, and in the database when it was
 * written) without a second record of what the import changed.
 */
export async function planOrders(
  db: Executor,
  ctx: PlanContext,
  orders: ParsedOrder[],
  plan: Plan,
): Promise<void> {
  const { workspaceId, shop, tz, identity, platform, at, importId, attribution } = ctx;
  const repo = new OrderRepository(db);
  const existing = shop
    ? new Map(
        (
          await repo.byKeys(
            workspaceId,
            shop.id,
            orders.map((o) => o.orderKey),
          )
        ).map((o) => [o.orderKey, o]),
      )
    : new Map<string, OrdersTable>();
  const replacedIds = [...existing.values()].map((o) => o.id);
  const oldItems = new Map<string, OrderItemsTable[]>();
  for (const i of replacedIds.length ? await repo.itemsOf(workspaceId, replacedIds) : [])
    oldItems.set(i.orderId, [...(oldItems.get(i.orderId) ?? []), i]);
  // Orders an earlier copy in this import updated: their state before it, should a later copy
  // turn out to be just that (a stream of files in any order, the latest state stored already).
  const ids = ctx.identities;
  const updatedHere = orders
    .filter(
      (o) =>
        ids.outcome(o.orderKey) === "updated" && existing.get(o.orderKey)?.importId === importId,
    )
    .map((o) => o.orderKey);
  const before = new Map(
    (updatedHere.length ? await repo.orderChanges(workspaceId, importId, updatedHere) : []).map(
      (c) => [c.entityKey, JSON.parse(c.before!) as { row: OrdersTable; items: OrderItemsTable[] }],
    ),
  );
  const counts = plan.summary;
  for (const o of orders) {
    const outcome = ids.outcome(o.orderKey);
    if (outcome === null) {
      counts.orders++;
      counts.lineItems += o.items.length;
    } else counts.lineItems += o.items.length - ids.lineItems(o.orderKey);
    ids.setLineItems(o.orderKey, o.items.length);
    // Derived by the reader's thread already when it knew the same zone and identity.
    const d = o.derived?.tz === tz && o.derived.identity === identity ? o.derived : null;
    const key = d ? d.customerKey : customerKey(identity, o);
    const hash = d ? d.contentHash : contentHash(o, key);
    const paidDate = d ? d.paidDate : o.paidAt ? localDate(o.paidAt, tz) : null;
    const ex = existing.get(o.orderKey);
    if (ex && ex.platformOrderId !== o.platformOrderId) {
      counts.errors.push(storedUnderOtherName(o, ex.platformOrderId));
      continue;
    }
    if (outcome === null && plan.sample.length < LIMITS.importPreviewOrders)
      plan.sample.push(presentParsed(o, platform, paidDate, key));
    // This import wrote an earlier copy (the pre-import state is recorded already), or in a dry
    // run would have: the counts stand, unless the copy kept is now what was stored before.
    const earlierCopy = outcome === "created" || outcome === "updated";
    if (earlierCopy && ex?.importId !== importId) {
      if (outcome === "updated" && ex?.contentHash === hash) {
        counts.updated--;
        counts.skipped++;
        ids.setOutcome(o.orderKey, "skipped");
      }
      continue;
    }
    if (ex && ex.contentHash === hash) {
      if (outcome === null) {
        counts.skipped++;
        ids.setOutcome(o.orderKey, "skipped");
      }
      continue;
    }
    const was = outcome === "updated" ? before.get(o.orderKey) : undefined;
    if (was && was.row.contentHash === hash) {
      // Back to the state before the import: that row as it was, and nothing to record.
      plan.supersededOrders.push(ex!);
      plan.orderRows.push({ ...was.row, orderKey: was.row.orderKey ?? o.orderKey });
      plan.itemRows.push(...was.items);
      plan.unchangedAfterAll.push(o.orderKey);
      counts.updated--;
      counts.skipped++;
      ids.setOutcome(o.orderKey, "skipped");
      continue;
    }
    // An order that would be created or changed in a closed pay month refuses the whole import.
    const closed = [paidDate, ex?.paidDate].find((d) => attribution.frozen(d ?? null));
    if (closed)
      throw importMonthLocked(attribution.lock!, closed.slice(0, 7), {
        file: o.file ?? plan.parsed.files[0]?.file ?? "",
        row: o.rows[0] ?? 0,
      });
    if (earlierCopy) plan.supersededOrders.push(ex!);
    else if (ex) {
      if (outcome === "skipped") counts.skipped--;
      counts.updated++;
      plan.replacedOrders.push({ row: ex, items: oldItems.get(ex.id) ?? [] });
      ids.setOutcome(o.orderKey, "updated");
    } else {
      counts.created++;
      plan.createdOrderKeys.push(o.orderKey);
      ids.setOutcome(o.orderKey, "created");
    }
    const id = ex?.id ?? newId();
    const owner = attribution.ownerOf(
      ex,
      {
        shopId: shop?.id ?? "",
        sellerMemo: o.sellerMemo,
        salesRef: o.salesRef,
        skus: o.items.map((i) => i.sku),
      },
      paidDate,
    );
    plan.orderRows.push({
      workspaceId,
      id,
      shopId: shop?.id ?? "",
      platform,
      platformOrderId: o.platformOrderId,
      orderKey: o.orderKey,
      status: o.status,
      rawStatus: o.rawStatus,
      placedAt: o.placedAt,
      paidAt: o.paidAt,
      paidDate,
      shippedAt: o.shippedAt,
      completedAt: o.completedAt,
      cancelledAt: o.cancelledAt,
      currency: o.currency,
      totalFen: o.totalFen,
      goodsFen: o.goodsFen,
      shippingFen: o.shippingFen,
      discountFen: o.discountFen,
      refundFen: o.refundFen,
      ownRefundFen: o.refundFen,
      itemCount: o.items.reduce((s, i) => s + i.quantity, 0),
      customerKey: key,
      buyerRef: o.buyerId ?? o.email,
      buyerName: o.buyerName,
      email: o.email,
      phone: o.phone,
      recipient: o.recipient,
      country: o.country,
      province: o.province,
      provinceCode: o.provinceCode,
      city: o.city,
      district: o.district,
      address: o.address,
      zip: o.zip,
      trackingNo: o.trackingNo,
      carrier: o.carrier,
      sellerMemo: o.sellerMemo,
      salesRef: o.salesRef,
      buyerMemo: o.buyerMemo,
      promisedShipAt: o.promisedShipAt,
      ownerMemberId: owner.memberId,
      ownerSource: owner.source,
      raw: o.rawJson ?? JSON.stringify(o.raw),
      contentHash: hash,
      importId,
      version: earlierCopy ? ex!.version : (ex?.version ?? 0) + 1,
      createdAt: ex?.createdAt ?? at,
      updatedAt: at,
    });
    for (const it of o.items) {
      plan.itemRows.push({
        workspaceId,
        orderId: id,
        lineNo: it.lineNo,
        subOrderId: it.subOrderId,
        title: it.title,
        sku: it.sku,
        productId: it.productId,
        variant: it.variant,
        quantity: it.quantity,
        unitPriceFen: it.unitPriceFen,
        totalFen: it.totalFen,
      });
    }
  }
}

/** Compares parsed refunds with the stored ones (a refund listed twice is a problem). */
export async function planRefunds(db: Executor, ctx: PlanContext, plan: Plan): Promise<void> {
  const { workspaceId, shop, at, importId } = ctx;
  const refunds = plan.parsed.refunds;
  const seen = new Set<string>();
  for (const r of refunds) {
    if (seen.has(r.platformRefundId))
      plan.parsed.problems.push(
        problemAt(undefined, r.row, "", "shop.refund.twice", { refund: r.platformRefundId }),
      );
    seen.add(r.platformRefundId);
  }
  const stored = shop
    ? new Map(
        (
          await new OrderRepository(db).refundsByPlatformIds(
            workspaceId,
            shop.id,
            refunds.map((r) => r.platformRefundId),
          )
        ).map((r) => [r.platformRefundId, r]),
      )
    : new Map<string, RefundsTable>();
  for (const r of refunds) {
    const ex = stored.get(r.platformRefundId);
    const row: RefundsTable = {
      workspaceId,
      id: ex?.id ?? newId(),
      shopId: shop?.id ?? "",
      platformRefundId: r.platformRefundId,
      platformOrderId: r.platformOrderId,
      status: r.status,
      rawStatus: r.rawStatus,
      amountFen: r.amountFen,
      reason: r.reason,
      kind: r.kind,
      requestedAt: r.requestedAt,
      completedAt: r.completedAt,
      raw: JSON.stringify(r.raw),
      importId,
      createdAt: ex?.createdAt ?? at,
      updatedAt: at,
    };
    if (
      ex &&
      ex.status === row.status &&
      Number(ex.amountFen) === row.amountFen &&
      ex.reason === row.reason &&
      ex.completedAt === row.completedAt &&
      ex.rawStatus === row.rawStatus
    )
      continue;
    if (ex) plan.replacedRefunds.push(ex);
    else plan.createdRefundKeys.push(r.platformRefundId);
    plan.refundRows.push(row);
  }
}

/** Refunds of orders paid in a closed pay month and visitor counts of its days must not change (docs/PAY.md). */
export async function refuseClosedMonths(
  db: Executor,
  ctx: PlanContext,
  plan: Plan,
): Promise<void> {
  const { workspaceId, shop } = ctx;
  const lock = ctx.attribution.lock;
  if (!lock) return;
  const file = plan.parsed.files[0]?.file ?? "";
  // Refunds name their order by the platform's order id: the order's key.
  const refunded = plan.refundRows.map((r) => r.platformOrderId);
  const paid = new Map(plan.orderRows.map((o) => [o.orderKey, o.paidDate]));
  for (const o of shop && refunded.length
    ? await new OrderRepository(db).byKeys(workspaceId, shop.id, refunded)
    : [])
    if (!paid.has(o.orderKey)) paid.set(o.orderKey, o.paidDate);
  for (const r of plan.refundRows) {
    const d = paid.get(r.platformOrderId);
    if (isClosed(lock, d))
      throw importMonthLocked(lock, d.slice(0, 7), {
        file,
        row: plan.parsed.refunds.find((x) => x.platformRefundId === r.platformRefundId)?.row ?? 0,
      });
  }
  const days = plan.parsed.visitors.filter((v) => isClosed(lock, v.date));
  const stored = new Map(
    shop && days.length
      ? (
          await new ShopRepository(db).visitorsOn(
            workspaceId,
            shop.id,
            days.map((v) => v.date),
          )
        ).map((v) => [v.date, Number(v.visitors)])
      : [],
  );
  const changed = days.find((v) => stored.get(v.date) !== v.visitors);
  if (changed) throw importMonthLocked(lock, changed.date.slice(0, 7), { file, row: changed.row });
}
