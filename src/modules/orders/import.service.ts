// Imports: files → preview (nothing written) → commit (all or nothing, one transaction) →
// history → roll-back. Re-importing an overlapping file updates orders in place (unique on
// workspace, shop, platform order id) and skips those that did not change. Once an import has
// committed, the refunds and deliveries it carries become after-sales cases and 好评回访 calls at
// once (the order sync, docs/AFTERSALES.md "Where cases come from").
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { type ImportFormat } from "../../core/orders/index.js";
import type { OrderItemsTable, OrdersTable, RefundsTable } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { readSource } from "./order-files.js";
import { OrderRepository } from "./order.repository.js";
import { presentImport } from "./orders.presenter.js";
import { ShopRepository } from "./shop.repository.js";
import { shopOf } from "./shop.service.js";
import { authorizeShop } from "./shop.access.js";
import { notFoundIn } from "./refusals.js";
import {
  guardSize,
  importFiles,
  importSources,
  importStream,
  type ImportSource,
  type ShopTarget,
  type SourceFile,
  type SourcesOptions,
} from "./import-pipeline.js";
import { emptySummary, ImportRejected } from "./import-plan.js";
import { rebuild, relink, touched } from "./import-write.js";
import { lockedMonthsOf, monthLocked, payLock } from "../pay/locked-month.js";
import type { Executor } from "../../db/database.js";
import { OrderSyncService } from "../aftersales/order-sync.service.js";
export { ImportRejected, type ImportSummary } from "./import-plan.js";
export type { ImportSource, ShopTarget, SourceFile } from "./import-pipeline.js";

/**
 * The import use cases over the one pipeline (import-pipeline.ts: prepare → plan → write): whole
 * files and streams, and the browser's staged uploads, previews, commits, history and roll-back.
 */
export class ImportService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Imports files read whole into a shop (created when the name is new); dry runs only report.
   * `limits`: the browser's by default (per file, the files' total, their count).
   */
  importFiles(
    actor: Actor,
    target: ShopTarget,
    sources: SourceFile[],
    opts: {
      format?: ImportFormat;
      dryRun?: boolean;
      limits?: { fileMax: number; totalMax?: number; filesMax?: number };
    } = {},
  ) {
    return this.thenSync(actor, importFiles(this.deps, actor, target, sources, opts));
  }

  /** Imports one large order export read as a stream of CSV records (the CLI's big files). */
  importStream(
    actor: Actor,
    target: ShopTarget,
    file: string,
    records: AsyncIterable<string[]>,
    opts: SourcesOptions = {},
  ) {
    return this.thenSync(actor, importStream(this.deps, actor, target, file, records, opts));
  }

  /**
   * Imports any number of files, streamed CSV order exports and files read whole, in one
   * transaction (the CLI): memory holds a batch of orders and a few numbers per order.
   */
  importSources(
    actor: Actor,
    target: ShopTarget,
    sources: ImportSource[],
    opts: SourcesOptions = {},
  ) {
    return this.thenSync(actor, importSources(this.deps, actor, target, sources, opts));
  }

  /**
   * After an import committed (not a dry run, not a refusal: those wrote nothing), the order sync
   * reads it at once — its refunds become cases on the queue, its deliveries the 好评回访 calls due —
   * in transactions of its own, the import's having ended. The import stays committed whatever the
   * sync does: the orders are what was asked for and are stored. A sync that fails rolls back its
   * claim on the import, which stays unread, and the server's minute sweep
   * (OrderSyncService.sweep) reads it again; the caller is answered with the committed import.
   */
  private async thenSync<R extends { import: unknown }>(actor: Actor, run: Promise<R>): Promise<R> {
    const r = await run;
    if (r.import === null) return r;
    await new OrderSyncService(this.deps).syncWorkspace(actor.workspaceId).catch(() => undefined);
    return r;
  }

  /** Stages a file sent by the browser; returns its headers and first rows for the mapping builder. */
  async upload(actor: Actor, shopId: string, fileName: string, input: Uint8Array | null) {
    await authorizeShop(this.deps.db, actor, "shop.orders.import");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    if (input === null) throw fail("invalid", "upload.body_required");
    const bytes = input;
    guardSize([{ file: fileName, bytes }], { fileMax: LIMITS.importUploadMaxBytes });
    // An empty, unreadable or too large file is refused here with its code, before it is staged.
    const r = await readSource(fileName, bytes);
    if ("problem" in r) throw new ImportRejected({ ...emptySummary(), errors: [r.problem] });
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeShop(trx, actor, "shop.orders.import");
      await shopOf(trx, actor.workspaceId, shopId);
      const at = nowIso(this.deps);
      const repo = new ShopRepository(trx);
      await repo.deleteUploadsBefore(
        actor.workspaceId,
        new Date(Date.parse(at) - 86_400_000).toISOString(),
      );
      const id = newId();
      await repo.createUpload({
        workspaceId: actor.workspaceId,
        id,
        shopId,
        fileName,
        size: bytes.length,
        content: Buffer.from(bytes).toString("base64"),
        createdBy: actor.memberId,
        createdAt: at,
      });
      const records = r.table.records.filter((x) => x.some((c) => c.trim() !== ""));
      return {
        id,
        fileName,
        size: bytes.length,
        headers: (records[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").trim()),
        sampleRows: records.slice(1, 6),
      };
    });
  }

  private async staged(actor: Actor, shopId: string, uploadIds: string[]): Promise<SourceFile[]> {
    const rows = await new ShopRepository(this.deps.db).uploads(
      actor.workspaceId,
      shopId,
      uploadIds,
    );
    if (rows.length !== new Set(uploadIds).size) throw notFoundIn("upload");
    return uploadIds.map((id) => {
      const u = rows.find((r) => r.id === id)!;
      return { file: u.fileName, bytes: new Uint8Array(Buffer.from(u.content, "base64")) };
    });
  }

  /** Preview of staged uploads: problems are returned, not thrown. */
  async preview(actor: Actor, shopId: string, input: { uploadIds: string[]; format?: string }) {
    await authorizeShop(this.deps.db, actor, "shop.orders.import");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    const sources = await this.staged(actor, shopId, input.uploadIds);
    try {
      const r = await this.importFiles(actor, { shopId }, sources, {
        format: (input.format ?? "auto") as ImportFormat,
        dryRun: true,
      });
      const { import: _none, ...preview } = r;
      return { ...preview, errors: [] };
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      return {
        ...e.summary,
        platform: null,
        files: [],
        sample: [],
      };
    }
  }

  async commit(actor: Actor, shopId: string, input: { uploadIds: string[]; format?: string }) {
    const sources = await this.staged(actor, shopId, input.uploadIds);
    const r = await this.importFiles(actor, { shopId }, sources, {
      format: (input.format ?? "auto") as ImportFormat,
    });
    await new ShopRepository(this.deps.db).deleteUploads(actor.workspaceId, input.uploadIds);
    return r.import!;
  }

  async history(actor: Actor, shopId: string, page: { limit: number; cursor?: string }) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    await shopOf(this.deps.db, actor.workspaceId, shopId);
    const rows = await new OrderRepository(this.deps.db).listImports(
      actor.workspaceId,
      shopId,
      page.limit,
      page.cursor,
    );
    const more = rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map(presentImport);
    return { items, nextCursor: more ? items[items.length - 1]!.id : null };
  }

  async get(actor: Actor, id: string) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    const imp = await new OrderRepository(this.deps.db).getImport(actor.workspaceId, id);
    if (!imp) throw notFoundIn("import");
    return presentImport(imp);
  }

  /** Undoes an import: created records go, updated ones return to their state before it. */
  async rollback(actor: Actor, id: string) {
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new OrderRepository(trx);
      const imp = await repo.getImport(ws, id);
      if (!imp) throw notFoundIn("import");
      await authorizeShop(trx, actor, "shop.orders.import");
      if (imp.status !== "committed") throw fail("conflict", "shop.import.rolled_back");
      const later = await repo.laterImportsTouching(ws, id);
      if (later.length)
        throw fail(
          "conflict",
          "shop.import.later_imports",
          { imports: later },
          {
            extra: { imports: later },
          },
        );
      const changes = await repo.changesOf(ws, id);
      const t = touched();
      const { dates, keys } = t;
      const orderKeys = changes.filter((c) => c.entity === "order").map((c) => c.entityKey);
      const current = await repo.byKeys(ws, imp.shopId, orderKeys);
      for (const o of current) {
        if (o.paidDate) dates.add(o.paidDate);
        if (o.customerKey) keys.add(o.customerKey);
      }
      await this.refuseClosedRollback(trx, ws, imp.shopId, changes, current);
      await repo.deleteOrders(
        ws,
        current.map((o) => o.id),
      );
      const restoredOrders: OrdersTable[] = [];
      const restoredItems: OrderItemsTable[] = [];
      for (const c of changes)
        if (c.entity === "order" && c.before) {
          const b = JSON.parse(c.before) as {
            row: Omit<OrdersTable, "orderKey"> & { orderKey?: string };
            items: OrderItemsTable[];
          };
          // Recorded before orders had keys: the record names the order by its key.
          restoredOrders.push({ ...b.row, orderKey: b.row.orderKey ?? c.entityKey });
          restoredItems.push(...b.items);
          if (b.row.paidDate) dates.add(b.row.paidDate);
          if (b.row.customerKey) keys.add(b.row.customerKey);
        }
      await repo.insertOrders(restoredOrders);
      await repo.insertItems(restoredItems);
      const refundKeys = changes.filter((c) => c.entity === "refund").map((c) => c.entityKey);
      const currentRefunds = await repo.refundsByPlatformIds(ws, imp.shopId, refundKeys);
      await repo.deleteRefunds(
        ws,
        currentRefunds.map((r) => r.id),
      );
      const restoredRefunds = changes
        .filter((c) => c.entity === "refund" && c.before)
        .map((c) => JSON.parse(c.before!) as RefundsTable);
      await repo.insertRefunds(restoredRefunds);
      const linked = new Set([
        ...orderKeys,
        ...currentRefunds.map((r) => r.platformOrderId),
        ...restoredRefunds.map((r) => r.platformOrderId),
      ]);
      await relink(trx, ws, imp.shopId, [...linked], t);
      const at = nowIso(this.deps);
      await new ShopRepository(trx).setVisitors(
        ws,
        imp.shopId,
        changes
          .filter((c) => c.entity === "visitors")
          .map((c) => ({
            date: c.entityKey,
            visitors: c.before === null ? null : Number(c.before),
          })),
        at,
      );
      await rebuild(trx, ws, imp.shopId, t);
      await repo.markRolledBack(ws, id, at, actor.via === "system" ? null : actor.memberId);
      await audit(trx, actor, at, {
        action: "orders.rollback",
        entityType: "order_import",
        entityId: id,
        message: msg("audit.orders.rollback", {
          files: (JSON.parse(imp.files) as { file: string }[]).map((f) => f.file),
          created: imp.created,
          updated: imp.updated,
          importId: id,
        }),
      });
      return presentImport((await repo.getImport(ws, id))!);
    });
  }

  /** A roll-back that would remove, restore or re-link orders paid in a closed pay month, or reset its visitor counts, is refused (docs/PAY.md). */
  private async refuseClosedRollback(
    trx: Executor,
    ws: string,
    shopId: string,
    changes: { entity: string; entityKey: string; before: string | null }[],
    current: OrdersTable[],
  ): Promise<void> {
    const lock = await payLock(trx, ws);
    if (!lock) return;
    const refunded = changes.filter((c) => c.entity === "refund").map((c) => c.entityKey);
    const refundOrders = (await new OrderRepository(trx).refundsByPlatformIds(ws, shopId, refunded))
      .map((r) => r.platformOrderId)
      .concat(
        changes
          .filter((c) => c.entity === "refund" && c.before)
          .map((c) => (JSON.parse(c.before!) as RefundsTable).platformOrderId),
      );
    const dates = [
      ...current.map((o) => o.paidDate),
      ...changes
        .filter((c) => c.entity === "order" && c.before)
        .map((c) => (JSON.parse(c.before!) as { row: OrdersTable }).row.paidDate),
      ...(await new OrderRepository(trx).byKeys(ws, shopId, refundOrders)).map((o) => o.paidDate),
      ...changes.filter((c) => c.entity === "visitors").map((c) => c.entityKey),
    ];
    const months = lockedMonthsOf(lock, dates);
    if (months.length) throw monthLocked(lock, months[0]!);
  }
}
