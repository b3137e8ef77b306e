// One import pipeline for the browser's uploads, the CLI's files and the CLI's streams:
//   prepare  bytes → tables (sizes checked, XLSX or CSV read within the limits) → parsed records
//   plan     parsed records compared with what is stored (import-plan.ts); nothing written
//   write    the plan's rows, the rollups and the import record, in one transaction (import-write.ts)
// Whole files run the three steps once; a stream runs plan and write per batch of orders inside
// one transaction, so memory holds a batch and any problem still rolls everything back. With any
// problem nothing is stored and ImportRejected carries every problem with its row and column.
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import {
  formatName,
  OrderIdentities,
  parseImport,
  platformName,
  problemAt,
  type ColumnMapping,
  type ImportFormat,
  type ParsedImport,
  type ParsedOrder,
  type Platform,
  type Problem,
  type SourceTable,
} from "../../core/orders/index.js";
import { readInWorker, type FileSource } from "./import-reader.js";
import { PROBLEMS_MAX, readOrderStream, type ReadOptions } from "./order-stream-reader.js";
import { sqliteOf, type Executor } from "../../db/database.js";
import { deferIndexes } from "./import-indexes.js";
import type { ShopsTable } from "../../db/schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import type { CustomerIdentity } from "./customer-identity.js";
import {
  emptySummary,
  ImportRejected,
  newPlan,
  planContext,
  planOrders,
  planRefunds,
  refuseClosedMonths,
  shopPlatformProblem,
  type ImportSummary,
  type Plan,
  type PlanContext,
} from "./import-plan.js";
import { finishImport, touched, writeRows } from "./import-write.js";
import { readSource } from "./order-files.js";
import { presentImport } from "./orders.presenter.js";
import { authorizeShop } from "./shop.access.js";
import { ShopRepository } from "./shop.repository.js";
import { OrderRepository } from "./order.repository.js";
import { ShopService, shopOf } from "./shop.service.js";

export { ImportRejected, type ImportSummary } from "./import-plan.js";

export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** The browser's uploads: per file, the files of one import and their total (docs/SHOP-DATA.md). */
export const BROWSER_LIMITS = {
  fileMax: LIMITS.importUploadMaxBytes,
  totalMax: LIMITS.importUploadTotalMaxBytes,
  filesMax: LIMITS.importUploadFilesMax,
};

/** The shop an import goes into: an existing one, or one named (created on commit when new). */
export type ShopTarget = { shopId: string } | { shopName: string };

// ---- prepare -------------------------------------------------------------------------------

/**
 * Refuses, before anything is read, a file over `limits.fileMax` bytes, and (the browser's
 * uploads) more than `limits.filesMax` files or more than `limits.totalMax` bytes together.
 */
export function guardSize(
  sources: SourceFile[],
  limits: { fileMax: number; totalMax?: number; filesMax?: number },
): void {
  if (limits.filesMax !== undefined && sources.length > limits.filesMax)
    throw fail("invalid", "upload.too_many_files", { max: limits.filesMax });
  let total = 0;
  for (const s of sources) {
    if (s.bytes.length > limits.fileMax)
      throw fail("invalid", "upload.too_large", { file: s.file, maxMb: limits.fileMax / 1048576 });
    total += s.bytes.length;
  }
  if (limits.totalMax !== undefined && total > limits.totalMax)
    throw fail("invalid", "upload.total_too_large", {
      totalMb: Math.ceil(total / 1048576),
      maxMb: limits.totalMax / 1048576,
    });
}

/** Files → tables of records; a file that cannot be read is a problem, not an exception. */
export async function prepare(
  sources: (SourceFile & { index?: number })[],
): Promise<{ tables: SourceTable[]; problems: Problem[] }> {
  const tables: SourceTable[] = [];
  const problems: Problem[] = [];
  for (const [i, s] of sources.entries()) {
    const r = await readSource(s.file, s.bytes);
    if ("problem" in r) problems.push(r.problem);
    else tables.push({ ...r.table, index: s.index ?? i });
  }
  return { tables, problems };
}

/** The shop's saved column mappings by name (none without a shop). */
async function mappingsOf(
  db: Executor,
  workspaceId: string,
  shopId: string | null,
): Promise<Map<string, ColumnMapping>> {
  if (!shopId) return new Map();
  const rows = await new ShopRepository(db).mappings(workspaceId, shopId);
  return new Map(rows.map((m) => [m.name, JSON.parse(m.mapping) as ColumnMapping]));
}

async function targetShop(
  db: Executor,
  workspaceId: string,
  target: ShopTarget,
): Promise<ShopsTable | null> {
  if ("shopId" in target) return shopOf(db, workspaceId, target.shopId);
  return (await new ShopRepository(db).getByName(workspaceId, target.shopName.trim())) ?? null;
}

/** A shop named by an import is created when it commits (its platform from the files). */
async function createShop(
  deps: ServiceDeps,
  trx: Executor,
  actor: Actor,
  target: ShopTarget,
  platform: string,
  currency: string | undefined,
  at: string,
): Promise<ShopsTable> {
  return new ShopService(deps).createIn(
    trx,
    actor,
    { name: (target as { shopName: string }).shopName, platform, currency },
    at,
  );
}

// ---- whole files ---------------------------------------------------------------------------

/** prepare and plan: parses the files and compares them with what is stored; writes nothing. */
async function planFiles(
  db: Executor,
  workspaceId: string,
  shop: ShopsTable | null,
  sources: SourceFile[],
  format: ImportFormat,
  at: string,
  importId: string,
): Promise<Plan> {
  const { tables, problems } = await prepare(sources);
  const identities = new OrderIdentities();
  const parsed = parseImport(tables, {
    format,
    mappings: await mappingsOf(db, workspaceId, shop?.id ?? null),
    identities,
  });
  parsed.problems.unshift(...problems);
  parsed.warnings.push(...identities.warnings());
  const wrongShop = shopPlatformProblem(shop, parsed.platform, parsed.files[0]?.file);
  if (wrongShop) parsed.problems.push(wrongShop);
  const ctx = await planContext(db, workspaceId, shop, parsed.platform, at, importId, identities);
  // planOrders counts the orders and their line items.
  const plan = newPlan(parsed, {
    ...emptySummary(),
    refunds: parsed.refunds.length,
    visitorDays: parsed.visitors.length,
    // The same arrays: problems found while planning refuse the import too.
    errors: parsed.problems,
    warnings: parsed.warnings,
  });
  await planOrders(db, ctx, parsed.orders, plan);
  await planRefunds(db, ctx, plan);
  await refuseClosedMonths(db, ctx, plan);
  return plan;
}

/**
 * Imports files into a shop (created when the name is new). Dry runs only report. With any
 * problem nothing is stored and ImportRejected carries every problem with its row and column.
 */
export async function importFiles(
  deps: ServiceDeps,
  actor: Actor,
  target: ShopTarget,
  sources: SourceFile[],
  opts: {
    format?: ImportFormat;
    dryRun?: boolean;
    limits?: { fileMax: number; totalMax?: number; filesMax?: number };
  } = {},
) {
  guardSize(sources, opts.limits ?? BROWSER_LIMITS);
  const format = opts.format ?? "auto";
  await authorizeShop(deps.db, actor, opts.dryRun ? "shop.orders.read" : "shop.orders.import");
  return deps.db.transaction().execute(async (trx) => {
    const at = nowIso(deps);
    const importId = newId();
    let shop = await targetShop(trx, actor.workspaceId, target);
    const plan = await planFiles(trx, actor.workspaceId, shop, sources, format, at, importId);
    if (plan.summary.errors.length) throw new ImportRejected(plan.summary);
    const preview = {
      ...plan.summary,
      platform: plan.parsed.platform,
      files: plan.parsed.files,
      sample: plan.sample,
    };
    if (opts.dryRun) return { import: null, ...preview };
    shop ??= await createShop(
      deps,
      trx,
      actor,
      target,
      plan.parsed.platform ?? "custom",
      plan.parsed.orders[0]?.currency,
      at,
    );
    const t = touched();
    await writeRows(trx, deps.db, shop, plan, importId, t);
    await finishImport(trx, actor, shop, plan, format, importId, at, t);
    return {
      import: presentImport(
        (await new OrderRepository(trx).getImport(actor.workspaceId, importId))!,
      ),
      ...preview,
    };
  });
}

// ---- streams -------------------------------------------------------------------------------

/**
 * A file of an import read as a stream of CSV records (a large order export: the CLI), or whole
 * (refunds, visitors, XLSX, Taobao's ="…" files, an item report with its order report).
 */
export type ImportSource =
  SourceFile | { file: string; records: AsyncIterable<string[]> } | FileSource;

export interface SourcesOptions {
  format?: ImportFormat;
  dryRun?: boolean;
  /** Records read so far, over all the streamed files (every 10,000). */
  onRows?: (rows: number) => void;
  /** The largest file read whole. */
  fileMax?: number;
  /**
   * Roughly how many orders the import brings (the CLI: from its files' bytes, import-indexes.ts).
   * On SQLite, when that is at least the orders already stored, the orders' secondary indexes are
   * built once after the rows, inside the same transaction.
   */
  expectedOrders?: number;
}

/**
 * Imports any number of files in one transaction, all or nothing: the whole ones first (parsed
 * together, so an item report finds its orders), then each stream, its orders planned and
 * written in batches, so memory holds a batch — plus a few numbers per order of the import
 * (core/orders/identity.ts: an order in several files is imported once, in its latest state).
 */
export async function importSources(
  deps: ServiceDeps,
  actor: Actor,
  target: ShopTarget,
  sources: ImportSource[],
  opts: SourcesOptions = {},
) {
  const format = opts.format ?? "auto";
  const whole = sources.flatMap((s, index) => ("bytes" in s ? [{ ...s, index }] : []));
  guardSize(whole, { fileMax: opts.fileMax ?? LIMITS.importCliFileMaxBytes });
  await authorizeShop(deps.db, actor, opts.dryRun ? "shop.orders.read" : "shop.orders.import");
  return deps.db.transaction().execute(async (trx) => {
    const ws = actor.workspaceId;
    const at = nowIso(deps);
    const importId = newId();
    const summary: ImportSummary = emptySummary();
    const identities = new OrderIdentities();
    let shop = await targetShop(trx, ws, target);
    const mappings = await mappingsOf(trx, ws, shop?.id ?? null);
    const sqlite = sqliteOf(deps.db);
    const deferred =
      !opts.dryRun && opts.expectedOrders && sqlite
        ? deferIndexes(sqlite, opts.expectedOrders)
        : null;
    const all: ParsedImport = {
      files: [],
      platform: null,
      orders: [],
      refunds: [],
      visitors: [],
      lineItems: 0,
      problems: summary.errors,
      warnings: summary.warnings,
    };
    let ctx: PlanContext | null = null;
    const t = touched();
    const refused = () => summary.errors.length > 0;
    /** The import's platform: every file's must be the same (and the shop's). */
    const platformOf = (platform: Platform, file: string): boolean => {
      if (all.platform && all.platform !== platform) {
        summary.errors.push(
          problemAt(undefined, 1, "", "shop.import.platforms_differ", {
            platforms: [all.platform, platform].map(platformName),
          }),
        );
        return false;
      }
      const wrongShop = shopPlatformProblem(shop, platform, file);
      if (wrongShop) summary.errors.push(wrongShop);
      all.platform = platform;
      return !wrongShop;
    };
    const contextFor = async (platform: Platform) => {
      ctx ??= await planContext(trx, ws, shop, platform, at, importId, identities);
      return ctx;
    };
    const shopFor = async (c: PlanContext, currency: string | undefined) => {
      if (!shop && !opts.dryRun) {
        shop = await createShop(deps, trx, actor, target, all.platform ?? "custom", currency, at);
        c.shop = shop;
      }
    };

    if (whole.length) {
      const { tables, problems } = await prepare(whole);
      const parsed = parseImport(tables, { format, mappings, identities });
      summary.errors.push(...problems, ...parsed.problems);
      summary.warnings.push(...parsed.warnings);
      all.files.push(...parsed.files);
      all.refunds = parsed.refunds;
      all.visitors = parsed.visitors;
      summary.refunds = parsed.refunds.length;
      summary.visitorDays = parsed.visitors.length;
      if (parsed.platform) platformOf(parsed.platform, parsed.files[0]?.file ?? "");
      if (!refused()) {
        // Visitor counts alone tell no platform: the streams that follow will (and create the shop).
        const streamsFollow = sources.some((x) => !("bytes" in x));
        const c = parsed.platform
          ? await contextFor(parsed.platform)
          : await planContext(trx, ws, shop, null, at, importId, identities);
        if (
          parsed.orders.length ||
          parsed.refunds.length ||
          (parsed.visitors.length && !streamsFollow)
        )
          await shopFor(c, parsed.orders[0]?.currency);
        const plan = newPlan(all, summary);
        await planOrders(trx, c, parsed.orders, plan);
        await planRefunds(trx, c, plan);
        await refuseClosedMonths(trx, c, plan);
        if (!opts.dryRun && shop && !refused())
          await writeRows(trx, deps.db, shop, plan, importId, t);
      }
    }

    let rowsRead = 0;
    for (const [index, source] of sources.entries()) {
      if ("bytes" in source || summary.errors.length >= PROBLEMS_MAX) continue;
      rowsRead = await streamOne(source, index, rowsRead);
    }

    async function streamOne(
      source: Exclude<ImportSource, SourceFile>,
      index: number,
      rowsBefore: number,
    ): Promise<number> {
      const file = source.file;
      let records = 0;
      let streamProblems = 0;
      const read: ReadOptions = {
        format,
        mappings,
        derive: {
          tz: (await new WorkspaceRepository(trx).getById(ws))?.timeZone ?? "Asia/Shanghai",
          identity: (shop?.customerIdentity ?? null) as CustomerIdentity | null,
        },
        problemsBefore: summary.errors.length,
        onRecords: (n) => {
          records = n;
          opts.onRows?.(rowsBefore + n);
        },
        stop: () => streamProblems + summary.errors.length >= PROBLEMS_MAX,
      };
      // A file on disk is read by a worker thread while this one writes; records given here are
      // read in this thread.
      const events =
        "path" in source ? readInWorker(source, read) : readOrderStream(file, source.records, read);
      let c: PlanContext | null = null;
      let info: (typeof all.files)[number] | null = null;
      const handle = async (orders: ParsedOrder[]) => {
        if (streamProblems || refused()) {
          summary.orders += orders.length; // counted only, for the refusal's summary
          return;
        }
        const keep: ParsedOrder[] = [];
        for (const o of orders) {
          const seen = identities.add(o, index, file);
          if (seen.kind === "other_name") summary.errors.push(seen.problem);
          else if (seen.kind !== "earlier") keep.push(o);
        }
        if (keep.length === 0 || refused()) return;
        await shopFor(c!, keep[0]!.currency);
        const plan = newPlan(all, summary);
        await planOrders(trx, c!, keep, plan);
        if (!opts.dryRun && shop && !refused())
          await writeRows(trx, deps.db, shop, plan, importId, t);
      };
      for await (const ev of events) {
        if (ev.kind === "refused" || ev.kind === "problem") {
          summary.errors.push(ev.problem);
          if (ev.kind === "refused") break;
        } else if (ev.kind === "start") {
          if (ev.fileKind !== "orders") {
            summary.errors.push(
              problemAt(file, ev.headerRow, "", "shop.import.stream_not_orders", {
                format: formatName(ev.profile),
              }),
            );
            break;
          }
          if (!platformOf(ev.platform, file)) break;
          c = await contextFor(ev.platform);
          info = {
            file,
            encoding: "stream",
            platform: ev.platform,
            kind: ev.fileKind,
            profile: ev.profile,
            label: ev.label,
            version: ev.version,
            rows: 0,
            unknownColumns: ev.unknownColumns,
          };
          all.files.push(info);
        } else if (ev.kind === "orders") {
          streamProblems = ev.problems;
          await handle(ev.orders);
        } else {
          records = ev.records;
          info!.rows = ev.rows;
          summary.warnings.push(...ev.warnings);
          summary.errors.push(...ev.problems);
        }
      }
      return rowsBefore + records;
    }

    summary.warnings.push(...identities.warnings());
    if (refused()) throw new ImportRejected(summary);
    deferred?.rebuild();
    const result = { ...summary, platform: all.platform, files: all.files, sample: [] };
    if (opts.dryRun || !shop) return { import: null, ...result };
    await finishImport(trx, actor, shop, newPlan(all, summary), format, importId, at, t);
    return {
      import: presentImport((await new OrderRepository(trx).getImport(ws, importId))!),
      ...result,
    };
  });
}

/** One large order export read as a stream of CSV records (see importSources). */
export function importStream(
  deps: ServiceDeps,
  actor: Actor,
  target: ShopTarget,
  file: string,
  records: AsyncIterable<string[]>,
  opts: SourcesOptions = {},
) {
  return importSources(deps, actor, target, [{ file, records }], opts);
}
