// Imports: files → preview (nothing written) → commit (all or nothing, one transaction) →
// history → roll-back. Re-importing an overlapping file updates orders in place (unique on
// workspace, shop, platform order id) and skips those that did not change.
import type { Actor } from "../../core/actor.js";
import { DomainError, fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import {
  chooseProfile,
  FileRefused,
  localDate,
  parseImport,
  problemFields,
  refusalCode,
  refusalDetail,
  refusalProblem,
  toTable,
  type ColumnMapping,
  type ImportFormat,
  type ParsedImport,
  type ParsedOrder,
  type Problem,
  type SourceTable,
} from "../../core/orders/index.js";
import { sqliteOf, type Executor } from "../../db/database.js";
import type { OrderItemsTable, OrdersTable, RefundsTable, ShopsTable } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { contentHash, customerKey, type CustomerIdentity } from "./customer-identity.js";
import { readSource } from "./order-files.js";
import { OrderRowStream } from "../../core/orders/stream.js";
import { headerScore } from "../../core/orders/profiles.js";
import { OrderRepository } from "./order.repository.js";
import { presentImport, presentParsed } from "./orders.presenter.js";
import { ShopRepository } from "./shop.repository.js";
import { authorizeShopData, ShopService, shopOf } from "./shop.service.js";
import { StatsRepository } from "./stats.repository.js";
import { Attribution } from "./attribution.repository.js";
import { importMonthLocked, isClosed } from "../pay/locked-month.js";

export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

export interface ImportSummary {
  orders: number;
  lineItems: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  errors: Problem[];
  warnings: string[];
}

/** An import refused whole: the problems, with the summary of what the files hold. */
export class ImportRejected extends DomainError {
  readonly summary: ImportSummary;
  constructor(parsed: ImportSummary) {
    // Nothing was stored: nothing was created, updated or skipped.
    const summary = { ...parsed, created: 0, updated: 0, skipped: 0 };
    super(
      "invalid",
      refusalDetail(summary.errors),
      problemFields(summary.errors),
      { problems: summary.errors.slice(0, 1000), summary },
      refusalCode(summary.errors),
    );
    this.summary = summary;
  }
}

type ShopTarget = { shopId: string } | { shopName: string };

interface Plan {
  parsed: ParsedImport;
  summary: ImportSummary;
  orderRows: OrdersTable[];
  itemRows: OrderItemsTable[];
  replacedOrders: { row: OrdersTable; items: OrderItemsTable[] }[];
  createdOrderKeys: string[];
  refundRows: RefundsTable[];
  replacedRefunds: RefundsTable[];
  createdRefundKeys: string[];
  sample: ReturnType<typeof presentParsed>[];
}

const orderBefore = (row: OrdersTable, items: OrderItemsTable[]) => JSON.stringify({ row, items });

/** Files → parsed orders → a plan of writes → one transaction; the CLI and the browser share it. */
export class ImportPipeline {
  constructor(protected readonly deps: ServiceDeps) {}

  protected async timeZone(db: Executor, workspaceId: string): Promise<string> {
    const w = await db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return w?.timeZone ?? "Asia/Shanghai";
  }

  protected async read(
    sources: SourceFile[],
  ): Promise<{ tables: SourceTable[]; problems: Problem[] }> {
    const tables: SourceTable[] = [];
    const problems: Problem[] = [];
    for (const s of sources) {
      const r = await readSource(s.file, s.bytes);
      if ("problem" in r) problems.push(r.problem);
      else tables.push(r.table);
    }
    return { tables, problems };
  }

  protected async mappingsOf(
    db: Executor,
    workspaceId: string,
    shopId: string | null,
  ): Promise<Map<string, ColumnMapping>> {
    if (!shopId) return new Map();
    const rows = await new ShopRepository(db).mappings(workspaceId, shopId);
    return new Map(rows.map((m) => [m.name, JSON.parse(m.mapping) as ColumnMapping]));
  }

  /** Compares parsed orders with the stored ones and adds the rows to write to the plan. */
  protected async planOrders(
    db: Executor,
    workspaceId: string,
    shop: ShopsTable | null,
    orders: ParsedOrder[],
    ctx: {
      tz: string;
      identity: CustomerIdentity;
      platform: string;
      at: string;
      importId: string;
      attribution: Attribution;
    },
    plan: Plan,
  ): Promise<void> {
    const { tz, identity, platform, at, importId, attribution } = ctx;
    const repo = new OrderRepository(db);
    const existing = shop
      ? new Map(
          (
            await repo.byPlatformIds(
              workspaceId,
              shop.id,
              orders.map((o) => o.platformOrderId),
            )
          ).map((o) => [o.platformOrderId, o]),
        )
      : new Map<string, OrdersTable>();
    const replacedIds = [...existing.values()].map((o) => o.id);
    const oldItems = new Map<string, OrderItemsTable[]>();
    for (const i of replacedIds.length ? await repo.itemsOf(workspaceId, replacedIds) : [])
      oldItems.set(i.orderId, [...(oldItems.get(i.orderId) ?? []), i]);
    for (const o of orders) {
      const key = customerKey(identity, o);
      const hash = contentHash(o, key);
      const paidDate = o.paidAt ? localDate(o.paidAt, tz) : null;
      if (plan.sample.length < LIMITS.importPreviewOrders)
        plan.sample.push(presentParsed(o, platform, paidDate, key));
      const ex = existing.get(o.platformOrderId);
      if (ex && ex.contentHash === hash) {
        plan.summary.skipped++;
        continue;
      }
      // An order that would be created or changed in a closed pay month refuses the whole import.
      const closed = [paidDate, ex?.paidDate].find((d) => attribution.frozen(d ?? null));
      if (closed)
        throw importMonthLocked(attribution.lock!, closed.slice(0, 7), {
          file: plan.parsed.files[0]?.file ?? "",
          row: o.rows[0] ?? 0,
        });
      if (ex) {
        plan.summary.updated++;
        plan.replacedOrders.push({ row: ex, items: oldItems.get(ex.id) ?? [] });
      } else {
        plan.summary.created++;
        plan.createdOrderKeys.push(o.platformOrderId);
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
        promisedShipAt: o.promisedShipAt,
        ownerMemberId: owner.memberId,
        ownerSource: owner.source,
        raw: JSON.stringify(o.raw),
        contentHash: hash,
        importId,
        version: (ex?.version ?? 0) + 1,
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

  /** Parses and compares with what is stored; writes nothing. */
  protected async plan(
    db: Executor,
    workspaceId: string,
    shop: ShopsTable | null,
    sources: SourceFile[],
    format: ImportFormat,
    at: string,
    importId: string,
  ): Promise<Plan> {
    const { tables, problems } = await this.read(sources);
    const parsed = parseImport(tables, {
      format,
      mappings: await this.mappingsOf(db, workspaceId, shop?.id ?? null),
    });
    parsed.problems.unshift(...problems);
    if (
      shop &&
      parsed.platform &&
      parsed.platform !== "custom" &&
      shop.platform !== "custom" &&
      parsed.platform !== shop.platform
    ) {
      parsed.problems.push({
        file: parsed.files[0]?.file,
        row: 1,
        column: "",
        message: `These are ${parsed.platform} files, but shop "${shop.name}" is a ${shop.platform} shop`,
      });
    }
    const tz = await this.timeZone(db, workspaceId);
    const identity = (shop?.customerIdentity ??
      (parsed.platform === "shopify" || parsed.platform === "woocommerce"
        ? "email"
        : "buyer_id")) as CustomerIdentity;
    const platform = shop?.platform ?? parsed.platform ?? "custom";
    const repo = new OrderRepository(db);
    const plan: Plan = {
      parsed,
      orderRows: [],
      itemRows: [],
      replacedOrders: [],
      createdOrderKeys: [],
      refundRows: [],
      replacedRefunds: [],
      createdRefundKeys: [],
      sample: [],
      summary: {
        orders: parsed.orders.length,
        lineItems: parsed.lineItems,
        created: 0,
        updated: 0,
        skipped: 0,
        refunds: parsed.refunds.length,
        visitorDays: parsed.visitors.length,
        errors: parsed.problems,
        warnings: parsed.warnings,
      },
    };
    const attribution = await Attribution.load(db, workspaceId);
    await this.planOrders(
      db,
      workspaceId,
      shop,
      parsed.orders,
      { tz, identity, platform, at, importId, attribution },
      plan,
    );
    const refundIds = parsed.refunds.map((r) => r.platformRefundId);
    const seenRefunds = new Set<string>();
    for (const r of parsed.refunds) {
      if (seenRefunds.has(r.platformRefundId))
        parsed.problems.push({
          row: r.row,
          column: "",
          message: `Refund ${r.platformRefundId} appears twice`,
        });
      seenRefunds.add(r.platformRefundId);
    }
    const exRefunds = shop
      ? new Map(
          (await repo.refundsByPlatformIds(workspaceId, shop.id, refundIds)).map((r) => [
            r.platformRefundId,
            r,
          ]),
        )
      : new Map<string, RefundsTable>();
    for (const r of parsed.refunds) {
      const ex = exRefunds.get(r.platformRefundId);
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
    await this.refuseClosedMonths(db, workspaceId, shop, plan, attribution);
    return plan;
  }

  /** Refunds of orders paid in a closed pay month and visitor counts of its days must not change (docs/PAY.md). */
  private async refuseClosedMonths(
    db: Executor,
    workspaceId: string,
    shop: ShopsTable | null,
    plan: Plan,
    attribution: Attribution,
  ): Promise<void> {
    const lock = attribution.lock;
    if (!lock) return;
    const file = plan.parsed.files[0]?.file ?? "";
    const refunded = plan.refundRows.map((r) => r.platformOrderId);
    const paid = new Map(plan.orderRows.map((o) => [o.platformOrderId, o.paidDate]));
    for (const o of shop && refunded.length
      ? await new OrderRepository(db).byPlatformIds(workspaceId, shop.id, refunded)
      : [])
      if (!paid.has(o.platformOrderId)) paid.set(o.platformOrderId, o.paidDate);
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
    if (changed)
      throw importMonthLocked(lock, changed.date.slice(0, 7), { file, row: changed.row });
  }

  /** Writes a plan's orders and refunds (and what they replaced) inside the caller's transaction. */
  protected async writeRows(
    trx: Executor,
    ws: string,
    shop: ShopsTable,
    plan: Plan,
    importId: string,
    dates: Set<string>,
    keys: Set<string>,
  ): Promise<void> {
    const repo = new OrderRepository(trx, sqliteOf(this.deps.db));
    for (const r of plan.orderRows) {
      r.shopId = shop.id;
      if (r.paidDate) dates.add(r.paidDate);
      if (r.customerKey) keys.add(r.customerKey);
    }
    for (const { row } of plan.replacedOrders) {
      if (row.paidDate) dates.add(row.paidDate);
      if (row.customerKey) keys.add(row.customerKey);
    }
    await repo.deleteOrders(
      ws,
      plan.replacedOrders.map((r) => r.row.id),
    );
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
    await this.relink(
      trx,
      ws,
      shop.id,
      [...linked],
      dates,
      keys,
      plan.orderRows.map((r) => r.platformOrderId),
    );
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
        entityKey: r.row.platformOrderId,
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

  /** Writes a plan inside the caller's transaction. */
  protected async apply(
    trx: Executor,
    actor: Actor,
    shop: ShopsTable,
    plan: Plan,
    format: string,
    importId: string,
    at: string,
  ): Promise<void> {
    const ws = actor.workspaceId;
    const dates = new Set<string>();
    const keys = new Set<string>();
    await this.writeRows(trx, ws, shop, plan, importId, dates, keys);
    await this.finish(trx, actor, shop, plan, format, importId, at, dates, keys);
  }

  /** Visitors, rollups, the import record and its audit entry, once every row is written. */
  protected async finish(
    trx: Executor,
    actor: Actor,
    shop: ShopsTable,
    plan: Plan,
    format: string,
    importId: string,
    at: string,
    dates: Set<string>,
    keys: Set<string>,
  ): Promise<void> {
    const ws = actor.workspaceId;
    const repo = new OrderRepository(trx);
    const visitorKeys = plan.parsed.visitors.map((v) => v.date);
    const shopRepo = new ShopRepository(trx);
    const beforeVisitors = new Map(
      (await shopRepo.visitorsOn(ws, shop.id, visitorKeys)).map((v) => [v.date, v.visitors]),
    );
    await shopRepo.setVisitors(ws, shop.id, plan.parsed.visitors, at);
    await this.rebuild(trx, ws, shop.id, dates, keys);
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
      warnings: JSON.stringify(plan.summary.warnings.slice(0, 200)),
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
      summary: `Imported ${plan.parsed.files.map((f) => f.file).join(", ")} into ${shop.name}: ${plan.summary.created} new, ${plan.summary.updated} updated, ${plan.summary.skipped} unchanged orders; ${plan.summary.refunds} refunds; ${plan.summary.visitorDays} visitor days`,
    });
  }

  protected async relink(
    trx: Executor,
    ws: string,
    shopId: string,
    platformOrderIds: string[],
    dates: Set<string>,
    keys: Set<string>,
    freshOrderIds: string[] = [],
  ): Promise<void> {
    if (platformOrderIds.length === 0 && freshOrderIds.length === 0) return;
    for (const o of await new OrderRepository(trx).relinkRefunds(
      ws,
      shopId,
      platformOrderIds,
      freshOrderIds,
    )) {
      if (o.paidDate) dates.add(o.paidDate);
      if (o.customerKey) keys.add(o.customerKey);
    }
  }

  protected async rebuild(
    trx: Executor,
    ws: string,
    shopId: string,
    dates: Set<string>,
    keys: Set<string>,
  ): Promise<void> {
    const stats = new StatsRepository(trx);
    const keyList = [...keys];
    for (const d of await stats.firstPaidDates(ws, shopId, keyList)) dates.add(d);
    await stats.rebuildCustomers(ws, shopId, keyList);
    for (const d of await stats.firstPaidDates(ws, shopId, keyList)) dates.add(d);
    await stats.rebuildDays(ws, shopId, [...dates]);
  }

  protected guardSize(sources: SourceFile[], max: number): void {
    if (sources.length > LIMITS.importFilesMax)
      throw fail(
        "invalid",
        "upload.too_many_files",
        { max: LIMITS.importFilesMax },
        `At most ${LIMITS.importFilesMax} files per import`,
      );
    for (const s of sources)
      if (s.bytes.length > max)
        throw fail(
          "invalid",
          "upload.too_large",
          { file: s.file, maxMb: max / 1048576 },
          `${s.file} is ${(s.bytes.length / 1048576).toFixed(1)} MB; the limit is ${max / 1048576} MB per file — split the export by date range`,
        );
  }

  /**
   * Imports files into a shop (created when the name is new). Dry runs only report. With any
   * problem nothing is stored and ImportRejected carries every problem with its row and column.
   */
  async importFiles(
    actor: Actor,
    target: ShopTarget,
    sources: SourceFile[],
    opts: { format?: ImportFormat; dryRun?: boolean; maxBytes?: number } = {},
  ) {
    this.guardSize(sources, opts.maxBytes ?? LIMITS.importUploadMaxBytes);
    const format = opts.format ?? "auto";
    await authorizeShopData(this.deps.db, actor, opts.dryRun ? "orders.read" : "orders.import");
    return this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const importId = newId();
      let shop =
        "shopId" in target
          ? await shopOf(trx, actor.workspaceId, target.shopId)
          : ((await new ShopRepository(trx).getByName(actor.workspaceId, target.shopName.trim())) ??
            null);
      const plan = await this.plan(trx, actor.workspaceId, shop, sources, format, at, importId);
      if (plan.summary.errors.length) throw new ImportRejected(plan.summary);
      const preview = {
        ...plan.summary,
        platform: plan.parsed.platform,
        files: plan.parsed.files,
        sample: plan.sample,
      };
      if (opts.dryRun) return { import: null, ...preview };
      if (!shop) {
        const first = plan.parsed.orders[0];
        shop = await new ShopService(this.deps).createIn(
          trx,
          actor,
          {
            name: (target as { shopName: string }).shopName,
            platform: plan.parsed.platform ?? "custom",
            currency: first?.currency,
          },
          at,
        );
      }
      await this.apply(trx, actor, shop, plan, format, importId, at);
      return {
        import: presentImport(
          (await new OrderRepository(trx).getImport(actor.workspaceId, importId))!,
        ),
        ...preview,
      };
    });
  }

  /**
   * Imports one large order export read as a stream of CSV records (the CLI's path for big files):
   * orders are compared and written in batches inside one transaction, so memory holds a batch, not
   * the file, and any problem still rolls everything back.
   */
  async importStream(
    actor: Actor,
    target: ShopTarget,
    file: string,
    records: AsyncIterable<string[]>,
    opts: { format?: ImportFormat; dryRun?: boolean; onRows?: (rows: number) => void } = {},
  ) {
    const format = opts.format ?? "auto";
    await authorizeShopData(this.deps.db, actor, opts.dryRun ? "orders.read" : "orders.import");
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const at = nowIso(this.deps);
      const importId = newId();
      const summary: ImportSummary = {
        orders: 0,
        lineItems: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        refunds: 0,
        visitorDays: 0,
        errors: [],
        warnings: [],
      };
      const reject = (p: Problem) => {
        summary.errors.push({ ...p, file });
        return new ImportRejected(summary);
      };
      const it = records[Symbol.asyncIterator]();
      const head: string[][] = [];
      let index = 0;
      const next = async (): Promise<string[] | null> => {
        try {
          const n = await it.next();
          if (n.done) return null;
          index++;
          return n.value;
        } catch (err) {
          if (err instanceof FileRefused) throw reject(refusalProblem(file, err));
          const e = err as { records?: number; message?: string };
          throw reject({
            row: (e.records ?? index) + 1,
            column: "",
            message: `Not valid CSV at row ${(e.records ?? index) + 1}: ${e.message ?? "broken quotes"}`,
          });
        }
      };
      while (head.length < 6) {
        const r = await next();
        if (!r) break;
        head.push(r);
      }
      if (head.length === 0) throw reject({ row: 1, column: "", message: "The file is empty" });
      let shop =
        "shopId" in target
          ? await shopOf(trx, ws, target.shopId)
          : ((await new ShopRepository(trx).getByName(ws, target.shopName.trim())) ?? null);
      const table = toTable(head, headerScore);
      const choice = chooseProfile(
        table,
        format,
        file,
        await this.mappingsOf(trx, ws, shop?.id ?? null),
      );
      if ("problem" in choice) throw reject(choice.problem);
      const profile = choice.profile;
      if (profile.kind !== "orders")
        throw reject({
          row: table.headerRow,
          column: "",
          message: `A ${profile.label} file this large is not read in one go; split it by date range`,
        });
      if (
        shop &&
        profile.platform !== "custom" &&
        shop.platform !== "custom" &&
        profile.platform !== shop.platform
      ) {
        throw reject({
          row: 1,
          column: "",
          message: `These are ${profile.platform} files, but shop "${shop.name}" is a ${shop.platform} shop`,
        });
      }
      const stream = new OrderRowStream(
        table.headerRow,
        table.headers,
        profile,
        file,
        choice.mapping,
      );
      const tz = await this.timeZone(trx, ws);
      const platform = shop?.platform ?? profile.platform;
      const identity = (shop?.customerIdentity ??
        (platform === "shopify" || platform === "woocommerce"
          ? "email"
          : "buyer_id")) as CustomerIdentity;
      const files = [
        {
          file,
          encoding: "stream",
          platform: profile.platform,
          kind: profile.kind,
          label: profile.label,
          version: choice.version,
          rows: 0,
          unknownColumns: stream.reader.unknownColumns(),
        },
      ];
      const parsed: ParsedImport = {
        files,
        platform: profile.platform,
        orders: [],
        refunds: [],
        visitors: [],
        lineItems: 0,
        problems: [],
        warnings: [],
      };
      const dates = new Set<string>();
      const keys = new Set<string>();
      const attribution = await Attribution.load(trx, ws);
      const handle = async (orders: ParsedOrder[]) => {
        summary.orders += orders.length;
        summary.lineItems += orders.reduce((n, o) => n + o.items.length, 0);
        if (stream.problems.length || orders.length === 0) return;
        if (!shop && !opts.dryRun) {
          shop = await new ShopService(this.deps).createIn(
            trx,
            actor,
            {
              name: (target as { shopName: string }).shopName,
              platform: profile.platform,
              currency: orders[0]?.currency,
            },
            at,
          );
        }
        const plan: Plan = {
          parsed,
          orderRows: [],
          itemRows: [],
          replacedOrders: [],
          createdOrderKeys: [],
          refundRows: [],
          replacedRefunds: [],
          createdRefundKeys: [],
          sample: [],
          summary,
        };
        await this.planOrders(
          trx,
          ws,
          shop,
          orders,
          { tz, identity, platform, at, importId, attribution },
          plan,
        );
        if (!opts.dryRun && shop) await this.writeRows(trx, ws, shop, plan, importId, dates, keys);
      };
      for (const r of table.rows) await handle(stream.push(r.row, r.cells));
      for (let rec = await next(); rec; rec = await next()) {
        await handle(stream.push(index, rec));
        if (index % 10_000 === 0) opts.onRows?.(index);
        if (stream.problems.length >= 1000) break;
      }
      await handle(stream.end());
      files[0]!.rows = stream.rows;
      summary.warnings.push(...stream.warnings.slice(0, 200).map((w) => `${file}: ${w}`));
      if (stream.problems.length) {
        summary.errors.push(...stream.problems);
        throw new ImportRejected(summary);
      }
      if (opts.dryRun || !shop)
        return { import: null, ...summary, platform: profile.platform, files, sample: [] };
      await this.finish(
        trx,
        actor,
        shop,
        {
          parsed,
          orderRows: [],
          itemRows: [],
          replacedOrders: [],
          createdOrderKeys: [],
          refundRows: [],
          replacedRefunds: [],
          createdRefundKeys: [],
          sample: [],
          summary,
        },
        format,
        importId,
        at,
        dates,
        keys,
      );
      return {
        import: presentImport((await new OrderRepository(trx).getImport(ws, importId))!),
        ...summary,
        platform: profile.platform,
        files,
        sample: [],
      };
    });
  }
}
