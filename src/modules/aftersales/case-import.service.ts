// The platforms' after-sales exports into cases (docs/AFTERSALES.md, "Import formats"), one pipeline
// for the browser and the CLI, shaped like the order import's:
//   prepare  bytes → records (the order module's readers: GBK/UTF-8 CSV, XLSX, within the limits)
//            → parsed cases (core/aftersales/case-file.ts, with the workspace's code maps)
//   plan     each case against the shop's orders and stored cases (case-upsert.ts); nothing written
//   write    the plan, the import record and the audit entry, in one transaction (case-write.ts)
// All files or nothing: any problem and nothing is stored; the refusal carries every problem with
// its file, row and column. Importing again updates cases in place and never duplicates them.
import type { Actor } from "../../core/actor.js";
import {
  parseCaseRecords,
  type CaseFormat,
  type CaseMapping,
  type ParsedCase,
} from "../../core/aftersales/case-file.js";
import {
  isCasePlatform,
  overridesOf,
  type CasePlatform,
} from "../../core/aftersales/platform-codes.js";
import { DomainError, fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import {
  fileProblem,
  problemAt,
  problemFields,
  refusalMessage,
  storeWarnings,
  type ImportWarning,
  type Problem,
} from "../../core/orders/index.js";
import type { Executor } from "../../db/database.js";
import { readSource } from "../orders/order-files.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { parseCaseMapping } from "./case-mappings.service.js";
import { CaseSourceRepository, type CaseOrder } from "./case-sources.repository.js";
import { planCreate, planUpdate, type CasePlan, type Incoming } from "./case-upsert.js";
import { planCounts, writePlans, writtenIds } from "./case-write.js";
import { publishSla, refreshSla, type SlaOutcome } from "./sla-clocks.js";
import { routeNewCases } from "./routing.service.js";
import { CaseRepository } from "./cases.repository.js";
import { makeDueFollowups } from "./followups-generate.js";
import { OrderSyncService } from "./order-sync.service.js";

/** Files one import reads together (a few days' exports of one shop). */
export const CASE_FILES_MAX = 20;

export interface CaseSource {
  file: string;
  bytes: Uint8Array;
}

export interface CaseImportSummary {
  shopId: string;
  format: string;
  dryRun: boolean;
  files: { file: string; encoding: string; format: string; rows: number }[];
  /** Rows read. */
  rows: number;
  /** Cases the rows name (a case's several lines counted once). */
  cases: number;
  created: number;
  updated: number;
  unchanged: number;
  warnings: ImportWarning[];
  errors: Problem[];
}

/** A refused import: the problems (file, row, column) and the summary; nothing was stored. */
export class CaseImportRejected extends DomainError {
  constructor(readonly summary: CaseImportSummary) {
    const headline = refusalMessage(summary.errors);
    super(
      "invalid",
      `${headline.code} ${JSON.stringify(headline.params ?? {})}`,
      problemFields(summary.errors),
      {
        problems: summary.errors.slice(0, 1000),
        summary: { ...summary, errors: summary.errors.slice(0, 1000) },
      },
      headline,
    );
  }
}

const FORMAT = /^(auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:.{1,100})$/;

export class CaseImportService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Imports after-sales files into a shop (its id or name). `format`: auto (the shop's platform),
   * a platform, or `mapping:NAME`. `dryRun`: check and plan everything, store nothing.
   */
  async importFiles(
    actor: Actor,
    shopRef: string,
    sources: CaseSource[],
    opts: { format?: string; dryRun?: boolean; maxBytes?: number } = {},
  ): Promise<CaseImportSummary> {
    await authorizeAftersales(this.deps.db, actor, "aftersales.handle");
    const ws = actor.workspaceId;
    const root = new CaseSourceRepository(this.deps.db);
    const shop = await root.shop(ws, shopRef);
    if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
    const format = (opts.format ?? "auto").trim();
    if (!FORMAT.test(format)) throw fail("invalid", "shop.cli.bad_format", { format });
    if (sources.length === 0) throw fail("invalid", "upload.body_required");
    if (sources.length > CASE_FILES_MAX)
      throw fail("invalid", "case.files.too_many", { max: CASE_FILES_MAX });
    // Refunds the order imports carry become cases first, so a file's case adopts them (not in a
    // dry run, which stores nothing).
    if (opts.dryRun !== true) await new OrderSyncService(this.deps).sync(actor);

    const summary: CaseImportSummary = {
      shopId: shop.id,
      format,
      dryRun: opts.dryRun === true,
      files: [],
      rows: 0,
      cases: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      warnings: [],
      errors: [],
    };
    const shopPlatform = isCasePlatform(shop.platform) ? shop.platform : null;
    if (shopPlatform && isCasePlatform(format) && format !== shopPlatform)
      summary.errors.push(
        problemAt(undefined, 1, "", "case.import.shop_platform", {
          shop: msg(`shop.platform.${shopPlatform}`),
          platform: msg(`shop.platform.${format}`),
        }),
      );
    const parsed = await this.prepare(
      ws,
      sources,
      format as CaseFormat,
      shopPlatform,
      shop.currency,
      summary,
      opts.maxBytes,
    );
    if (summary.errors.length) throw new CaseImportRejected(summary);

    const cases = latestPerCase(parsed);
    summary.cases = cases.length;
    let sla: SlaOutcome | undefined;
    const done = await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const importId = newId();
      const plans = await this.plan(trx, ws, shop.id, cases, summary, at, importId);
      Object.assign(summary, planCounts(plans));
      if (summary.dryRun) return summary;
      await writePlans(new CaseRepository(trx), ws, plans);
      sla = await refreshSla(trx, ws, writtenIds(plans), at);
      await new CaseSourceRepository(trx).recordImport({
        workspaceId: ws,
        id: importId,
        shopId: shop.id,
        format,
        files: JSON.stringify(summary.files),
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        warnings: storeWarnings(summary.warnings),
        createdBy: actor.via === "system" ? null : actor.memberId,
        createdAt: at,
      });
      await audit(trx, actor, at, {
        action: "aftersales.import",
        entityType: "shop",
        entityId: shop.id,
        message: msg("audit.aftersales.import", {
          shop: shop.name,
          files: summary.files.map((f) => f.file),
          created: summary.created,
          updated: summary.updated,
        }),
      });
      return summary;
    });
    // After the commit, so open pages refetching on the event read the imported cases.
    if (!done.dryRun) this.deps.events?.publish(ws, { type: "aftersales.cases.changed" });
    publishSla(this.deps, sla);
    if (!done.dryRun && done.created > 0) await routeNewCases(this.deps, ws);
    // Cases imported as resolved may make 好评回访 calls due.
    if (!done.dryRun && done.created + done.updated > 0) await makeDueFollowups(this.deps, ws);
    return done;
  }

  /** Files → parsed cases; every problem goes into the summary. */
  private async prepare(
    ws: string,
    sources: CaseSource[],
    format: CaseFormat,
    shopPlatform: CasePlatform | null,
    currency: string,
    summary: CaseImportSummary,
    maxBytes = LIMITS.importUploadMaxBytes,
  ): Promise<ParsedCase[][]> {
    const repo = new CaseSourceRepository(this.deps.db);
    const overrides = overridesOf(
      (await repo.codeMaps(ws)).map((r) => ({ ...r, kind: r.kind as "type" | "state" })),
    );
    let mapping: { name: string; mapping: CaseMapping } | undefined;
    if (format.startsWith("mapping:")) {
      const name = format.slice("mapping:".length);
      const m = await repo.mappingByName(ws, name);
      if (!m) throw fail("not_found", "case.import.mapping_unknown", { mapping: name });
      mapping = { name, mapping: parseCaseMapping(m.mapping) };
    }
    const out: ParsedCase[][] = [];
    for (const { file, bytes } of sources) {
      if (bytes.length === 0) {
        summary.errors.push(fileProblem(file, "upload.empty"));
        continue;
      }
      if (bytes.length > maxBytes) {
        summary.errors.push({
          ...fileProblem(file, "upload.too_large"),
          params: { file, maxMb: Math.round(maxBytes / 1048576) },
        });
        continue;
      }
      const source = await readSource(file, bytes);
      if ("problem" in source) {
        summary.errors.push(source.problem);
        continue;
      }
      const p = parseCaseRecords(file, source.table.records, {
        format,
        shopPlatform,
        currency,
        mapping,
        overrides,
      });
      for (const e of p.problems) summary.errors.push(e);
      for (const w of p.warnings) summary.warnings.push(w);
      if (p.unknownColumns.length)
        summary.warnings.push({
          file,
          code: "case.warning.unused_columns",
          params: { columns: p.unknownColumns },
        });
      summary.files.push({
        file,
        encoding: source.table.encoding,
        format: p.profile,
        rows: p.rows,
      });
      summary.rows += p.rows;
      out.push(p.cases);
    }
    return out;
  }

  /** Each case against the shop's orders and stored cases. */
  private async plan(
    trx: Executor,
    ws: string,
    shopId: string,
    cases: ParsedCase[],
    summary: CaseImportSummary,
    at: string,
    importId: string,
  ): Promise<CasePlan[]> {
    const sources = new CaseSourceRepository(trx);
    const repo = new CaseRepository(trx);
    const shop = (await sources.shops(ws, [shopId]))[0]!;
    const orders = await sources.ordersByNumbers(
      ws,
      shopId,
      cases.map((c) => c.orderNo),
    );
    const existing = new Map(
      (
        await repo.byKeys(
          ws,
          shopId,
          cases.map((c) => c.caseId),
        )
      ).map((c) => [c.caseKey, c]),
    );
    // Cases an order export's refund made before the platform's case id was known: adopted.
    const synthetic = new Map<string, Awaited<ReturnType<CaseRepository["byKeys"]>>[number]>();
    const orderIds = [...orders.values()].map((o) => o.id);
    for (const c of await repo.ofOrders(ws, orderIds))
      if (c.shopId === shopId && c.source === "order") synthetic.set(c.orderId!, c);
    const lines = new Map<string, Awaited<ReturnType<CaseRepository["lines"]>>>();
    const ids = [...existing.values(), ...synthetic.values()].map((c) => c.id);
    for (const l of await repo.lines(ws, ids))
      lines.set(l.caseId, [...(lines.get(l.caseId) ?? []), l]);
    const plans: CasePlan[] = [];
    for (const c of cases) {
      const order = orders.get(c.orderNo) ?? null;
      if (!order)
        summary.warnings.push({
          file: c.file,
          code: "case.warning.order_unknown",
          params: { row: c.row, order: c.orderNo },
        });
      const incoming = toIncoming(c, shopId, shop.platform, order);
      let stored = existing.get(c.caseId);
      if (!stored && order) {
        stored = synthetic.get(order.id);
        if (stored) synthetic.delete(order.id);
      }
      plans.push(
        stored
          ? planUpdate(stored, lines.get(stored.id) ?? [], incoming, at, importId)
          : planCreate(ws, incoming, at, importId),
      );
    }
    return plans;
  }
}

/** The same case in several files (overlapping exports): the later file's copy. */
function latestPerCase(files: ParsedCase[][]): ParsedCase[] {
  const byId = new Map<string, ParsedCase>();
  for (const cases of files) for (const c of cases) byId.set(c.caseId, c);
  return [...byId.values()];
}

function toIncoming(
  c: ParsedCase,
  shopId: string,
  platform: string,
  order: CaseOrder | null,
): Incoming {
  return {
    caseKey: c.caseId,
    platformCaseId: c.caseId,
    source: "import",
    platform,
    shopId,
    platformOrderId: c.orderNo,
    order,
    type: c.type,
    platformType: c.platformType,
    target: c.target,
    platformState: c.platformState,
    goodsState: c.goodsState,
    reason: c.reason,
    requestedFen: c.requestedFen,
    refundFen: c.refundFen,
    currency: c.currency,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
    completedAt: c.completedAt,
    deadlineAt: c.deadlineAt,
    returnWaybill: c.returnWaybill,
    returnCarrier: c.returnCarrier,
    lines: c.lines.map((l) => ({ title: l.title, sku: l.sku, quantity: l.quantity })),
    raw: c.raw,
    file: c.file,
  };
}
