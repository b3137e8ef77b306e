// dayclear ship queue --shop NAME [--json] — see src/cli/logistics-commands.ts for the contract.
// The shop's 待发货 queue, earliest ship-by first: a table in the reader's language (the first 50
// orders and how many more), or with --json every order of the queue as one JSON document:
//   {"shop","now","orders","overdue","items":[{"order","shipBy","promised","secondsLeft","overdue",
//     "paidAt","total","recipient","phone","province","city","district","address","buyerMemo",
//     "sellerMemo","items":[{"sku","title","variant","quantity"}],"parcels":[{"id","status","batch"}]}]}
// Instants are UTC ISO 8601; money a decimal string; secondsLeft negative once overdue.
import { systemClock } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { msg, renderMessage } from "../../core/messages/index.js";
import { ShopRepository } from "../../modules/orders/shop.repository.js";
import { ShipQueueService } from "../../modules/logistics/queue.service.js";
import type { ShipQueueOptions } from "../logistics-commands.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

const TABLE_ROWS = 50;

const hours = (seconds: number) => Math.floor(Math.abs(seconds) / 360) / 10;

export async function shipQueue(o: ShipQueueOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) =>
    renderMessage(locale, msg(code, params));
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const shop = await new ShopRepository(database.db).getByNameOrId(actor.workspaceId, o.shop);
    if (!shop)
      throw fail("not_found", "logistics.queue.not_found", {
        what: msg("logistics.queue.entity.shop"),
      });
    const queue = new ShipQueueService({ db: database.db, clock: systemClock });
    const summary = await queue.summary(actor);
    const counts = summary.shops.find((s) => s.id === shop.id);
    const items: Awaited<ReturnType<ShipQueueService["page"]>>["items"] = [];
    let cursor: string | undefined;
    let now = summary.now;
    for (;;) {
      const page = await queue.page(actor, { shopId: shop.id, limit: 200, cursor });
      now = page.now;
      items.push(...page.items);
      if (!page.nextCursor || (!o.json && items.length > TABLE_ROWS)) break;
      cursor = page.nextCursor;
    }
    if (o.json) {
      console.log(
        JSON.stringify({
          shop: shop.name,
          now,
          orders: items.length,
          overdue: items.filter((i) => i.overdue).length,
          items: items.map((i) => ({
            order: i.platformOrderId,
            shipBy: i.shipBy,
            promised: i.promised,
            secondsLeft: i.secondsLeft,
            overdue: i.overdue,
            paidAt: i.paidAt,
            total: i.total,
            recipient: i.recipient,
            phone: i.phone,
            province: i.province,
            city: i.city,
            district: i.district,
            address: i.address,
            buyerMemo: i.buyerMemo,
            sellerMemo: i.sellerMemo,
            items: i.items.map((l) => ({
              sku: l.sku,
              title: l.title,
              variant: l.variant,
              quantity: l.quantity,
            })),
            parcels: i.parcels.map((p) => ({ id: p.id, status: p.status, batch: p.batchNumber })),
          })),
        }),
      );
      return 0;
    }
    const total = counts?.orders ?? items.length;
    if (total === 0) {
      console.log(t("logistics.queue.cli.empty", { shop: shop.name }));
      return 0;
    }
    console.log(
      t("logistics.queue.cli.title", {
        shop: shop.name,
        count: total,
        overdue: counts?.overdue ?? 0,
      }),
    );
    const rows = items
      .slice(0, TABLE_ROWS)
      .map((i) => [
        i.shipBy.slice(0, 16).replace("T", " "),
        i.overdue
          ? t("logistics.queue.cli.overdue", { hours: hours(i.secondsLeft) })
          : t("logistics.queue.cli.left", { hours: hours(i.secondsLeft) }),
        i.platformOrderId,
        i.recipient ?? "",
        i.province ?? "",
        i.items.map((l) => `${l.sku ?? l.title}×${l.quantity}`).join(" "),
        [i.buyerMemo, i.sellerMemo].filter(Boolean).join(" / "),
      ]);
    const head = [
      "col_ship_by",
      "col_due",
      "col_order",
      "col_recipient",
      "col_province",
      "col_items",
      "col_memo",
    ].map((c) => t(`logistics.queue.cli.${c}` as Parameters<typeof msg>[0]));
    const width = (s: string) =>
      [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) =>
          c === cells.length - 1 ? cell : cell + " ".repeat(widths[c]! - width(cell)),
        )
        .join("  ")
        .trimEnd();
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    if (total > TABLE_ROWS)
      console.log(t("logistics.queue.cli.more", { count: total - TABLE_ROWS }));
    return 0;
  } finally {
    await database.close();
  }
}
