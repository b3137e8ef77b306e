// Unshipped orders for the logistics queue's tests and benchmarks, written straight into a shop
// (the import path is tested elsewhere): a paid order, its recipient and lines, unless told otherwise.
import { newId } from "../../src/core/ids.js";
import type { Executor } from "../../src/db/database.js";
import type { OrderItemsTable, OrdersTable } from "../../src/db/schema.js";
import { OrderRepository } from "../../src/modules/orders/order.repository.js";

export interface QueueOrderSpec {
  no: string;
  paidAt: string;
  promisedShipAt?: string | null;
  status?: string;
  shippedAt?: string | null;
  cancelledAt?: string | null;
  totalFen?: number;
  refundFen?: number;
  buyerRef?: string | null;
  recipient?: string | null;
  phone?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  carrier?: string | null;
  buyerMemo?: string | null;
  sellerMemo?: string | null;
  items?: { title: string; sku?: string | null; quantity: number; unitPriceFen?: number }[];
}

export function queueOrderRows(
  workspaceId: string,
  shopId: string,
  platform: string,
  specs: readonly QueueOrderSpec[],
  at = "2026-12-01T00:00:00.000Z",
): { orders: OrdersTable[]; items: OrderItemsTable[] } {
  const orders: OrdersTable[] = [];
  const items: OrderItemsTable[] = [];
  for (const o of specs) {
    const id = newId();
    const lines = o.items ?? [{ title: "T恤", sku: "TX-W-XL", quantity: 1, unitPriceFen: 4990 }];
    const total = o.totalFen ?? lines.reduce((n, l) => n + (l.unitPriceFen ?? 0) * l.quantity, 0);
    // orderKey: the order's identity in the shop (issue 15 adds the column); the number here.
    orders.push({
      orderKey: o.no,
      workspaceId,
      id,
      shopId,
      platform,
      platformOrderId: o.no,
      status: o.status ?? "paid",
      rawStatus: o.status ?? "待发货",
      placedAt: o.paidAt,
      paidAt: o.paidAt,
      paidDate: o.paidAt.slice(0, 10),
      shippedAt: o.shippedAt ?? null,
      completedAt: null,
      cancelledAt: o.cancelledAt ?? null,
      currency: "CNY",
      totalFen: total,
      goodsFen: total,
      shippingFen: 0,
      discountFen: 0,
      refundFen: o.refundFen ?? 0,
      ownRefundFen: o.refundFen ?? 0,
      itemCount: lines.reduce((n, l) => n + l.quantity, 0),
      customerKey: o.buyerRef ?? null,
      buyerRef: o.buyerRef ?? null,
      buyerName: null,
      email: null,
      phone: o.phone ?? null,
      recipient: o.recipient ?? null,
      country: "CN",
      province: o.province ?? null,
      provinceCode: o.provinceCode ?? null,
      city: o.city ?? null,
      district: o.district ?? null,
      address: o.address ?? null,
      zip: null,
      trackingNo: null,
      carrier: o.carrier ?? null,
      sellerMemo: o.sellerMemo ?? null,
      salesRef: null,
      buyerMemo: o.buyerMemo ?? null,
      promisedShipAt: o.promisedShipAt ?? null,
      ownerMemberId: null,
      ownerSource: null,
      raw: "[]",
      contentHash: "",
      importId: "test",
      version: 1,
      createdAt: at,
      updatedAt: at,
    } as unknown as OrdersTable);
    lines.forEach((l, i) =>
      items.push({
        workspaceId,
        orderId: id,
        lineNo: i,
        subOrderId: null,
        title: l.title,
        sku: l.sku ?? null,
        productId: null,
        variant: null,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen ?? null,
        totalFen: (l.unitPriceFen ?? 0) * l.quantity,
      }),
    );
  }
  return { orders, items };
}

/** Writes the orders and returns their ids by order number. */
export async function addQueueOrders(
  db: Executor,
  workspaceId: string,
  shopId: string,
  platform: string,
  specs: readonly QueueOrderSpec[],
): Promise<Map<string, string>> {
  const { orders, items } = queueOrderRows(workspaceId, shopId, platform, specs);
  const repo = new OrderRepository(db);
  await repo.insertOrders(orders);
  await repo.insertItems(items);
  return new Map(orders.map((o) => [o.platformOrderId, o.id]));
}
