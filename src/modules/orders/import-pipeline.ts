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
  chooseProfile,
  csvError,
  fileProblem,
  FileRefused,
  formatName,
  parseImport,
  problemAt,
  refusalProblem,
  toTable,
  type ColumnMapping,
  type ImportFormat,
  type ParsedImport,
  type ParsedOrder,
  type Problem,
  type SourceTable,
} from "../../core/orders/index.js";
import { headerScore } from "../../core/orders/profiles.js";
import { OrderRowStream } from "../../core/orders/stream.js";
import type { Executor } from "../../db/database.js";
import type { ShopsTable } from "../../db/schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
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

/** The shop an import goes into: an existing one, or one named (created on commit when new). */
export type ShopTarget = { shopId: string } | { shopName: string };

// ---- prepare -------------------------------------------------------------------------------

/** Refuses too many files or a file over `max` bytes before anything is read. */
export function guardSize(sources: SourceFile[], max: number): void {
  if (sources.length > LIMITS.importFilesMax)
    throw fail("invalid", "upload.too_many_files", { max: LIMITS.importFilesMax });
  for (const s of sources)
    if (s.bytes.length > max)
      throw fail("invalid", "upload.too_large", { file: s.file, maxMb: max / 1048576 });
}

/** Files → tables of records; a file that cannot be read is a problem, not an exception. */
export async function prepare(
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
  const parsed = parseImport(tables, {
    format,
    mappings: await mappingsOf(db, workspaceId, shop?.id ?? null),
  });
  parsed.problems.unshift(...problems);
  const wrongShop = shopPlatformProblem(shop, parsed.platform, parsed.files[0]?.file);
  if (wrongShop) parsed.problems.push(wrongShop);
  const ctx = await planContext(db, workspaceId, shop, parsed.platform, at, importId);
  const plan = newPlan(parsed, {
    ...emptySummary(),
    orders: parsed.orders.length,
    lineItems: parsed.lineItems,
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
  opts: { format?: ImportFormat; dryRun?: boolean; maxBytes?: number } = {},
) {
  guardSize(sources, opts.maxBytes ?? LIMITS.importUploadMaxBytes);
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
 * Imports one large order export read as a stream of CSV records (the CLI's path for big files):
 * orders are planned and written in batches inside one transaction, so memory holds a batch, not
 * the file, and any problem still rolls everything back.
 */
export async function importStream(
  deps: ServiceDeps,
  actor: Actor,
  target: ShopTarget,
  file: string,
  records: AsyncIterable<string[]>,
  opts: { format?: ImportFormat; dryRun?: boolean; onRows?: (rows: number) => void } = {},
) {
  const format = opts.format ?? "auto";
  await authorizeShop(deps.db, actor, opts.dryRun ? "shop.orders.read" : "shop.orders.import");
  return deps.db.transaction().execute(async (trx) => {
    const ws = actor.workspaceId;
    const at = nowIso(deps);
    const importId = newId();
    const summary: ImportSummary = emptySummary();
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
        const e = err as { records?: number; lines?: number; code?: string };
        const row = (e.records ?? index) + 1;
        throw reject({ row, column: "", ...csvError(e, row) });
      }
    };
    while (head.length < 6) {
      const r = await next();
      if (!r) break;
      head.push(r);
    }
    if (head.length === 0) throw reject(fileProblem(file, "upload.empty"));
    let shop = await targetShop(trx, ws, target);
    const table = toTable(head, headerScore);
    const choice = chooseProfile(table, format, file, await mappingsOf(trx, ws, shop?.id ?? null));
    if ("problem" in choice) throw reject(choice.problem);
    const profile = choice.profile;
    if (profile.kind !== "orders")
      throw reject(
        problemAt(file, table.headerRow, "", "shop.import.stream_not_orders", {
          format: formatName(profile.id),
        }),
      );
    const wrongShop = shopPlatformProblem(shop, profile.platform, file);
    if (wrongShop) throw reject(wrongShop);
    const stream = new OrderRowStream(
      table.headerRow,
      table.headers,
      profile,
      file,
      choice.mapping,
    );
    const ctx = await planContext(trx, ws, shop, profile.platform, at, importId);
    const files = [
      {
        file,
        encoding: "stream",
        platform: profile.platform,
        kind: profile.kind,
        profile: profile.id,
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
    const t = touched();
    const handle = async (orders: ParsedOrder[]) => {
      summary.orders += orders.length;
      summary.lineItems += orders.reduce((n, o) => n + o.items.length, 0);
      if (stream.problems.length || orders.length === 0) return;
      if (!shop && !opts.dryRun) {
        shop = await createShop(
          deps,
          trx,
          actor,
          target,
          profile.platform,
          orders[0]?.currency,
          at,
        );
        ctx.shop = shop;
      }
      const plan = newPlan(parsed, summary);
      await planOrders(trx, ctx, orders, plan);
      if (!opts.dryRun && shop) await writeRows(trx, deps.db, shop, plan, importId, t);
    };
    for (const r of table.rows) await handle(stream.push(r.row, r.cells));
    for (let rec = await next(); rec; rec = await next()) {
      await handle(stream.push(index, rec));
      if (index % 10_000 === 0) opts.onRows?.(index);
      if (stream.problems.length >= 1000) break;
    }
    await handle(stream.end());
    files[0]!.rows = stream.rows;
    summary.warnings.push(...stream.warnings.slice(0, 200));
    if (stream.problems.length) {
      summary.errors.push(...stream.problems);
      throw new ImportRejected(summary);
    }
    if (opts.dryRun || !shop)
      return { import: null, ...summary, platform: profile.platform, files, sample: [] };
    await finishImport(trx, actor, shop, newPlan(parsed, summary), format, importId, at, t);
    return {
      import: presentImport((await new OrderRepository(trx).getImport(ws, importId))!),
      ...summary,
      platform: profile.platform,
      files,
      sample: [],
    };
  });
}
