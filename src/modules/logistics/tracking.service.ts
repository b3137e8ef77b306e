// Waybill numbers imported from the e-waybill software's or a carrier's export (docs/LOGISTICS.md,
// part scan): order number → carrier, waybill, weight; Chinese or English headers, or any layout
// through a saved mapping (logistics_mappings kind "tracking"); CSV in GBK or UTF-8, XLSX. All files
// or nothing: every problem comes back with its file, row and column. An order of the shop gets a
// parcel (made when it has none) with that waybill and is shipped; importing again updates.
import type { Actor } from "../../core/actor.js";
import { DomainError, fail } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { newId } from "../../core/ids.js";
import { orderStop } from "../../core/logistics/scan.js";
import {
  parseTrackingRecords,
  type TrackingField,
  type TrackingMapping,
  type TrackingRow,
} from "../../core/logistics/tracking-file.js";
import { msg } from "../../core/messages/index.js";
import {
  fileProblem,
  problemAt,
  problemFields,
  refusalMessage,
  type ImportWarning,
  type Problem,
} from "../../core/orders/index.js";
import { sqliteOf, type Executor } from "../../db/database.js";
import { readSource } from "../orders/order-files.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { LogisticsMappingRepository } from "./logistics-mappings.repository.js";
import { isWaybillTaken, ScanRepository } from "./scan.repository.js";
import {
  TrackingRepository,
  type ImportedParcel,
  type ImportedWaybill,
  type TrackingOrder,
} from "./tracking.repository.js";
import { LogisticsMappings, parseTrackingMapping } from "./logistics-mappings.js";

/** Files one import reads together (a day's exports from a few carriers). */
export const TRACKING_FILES_MAX = 20;

export interface TrackingSource {
  file: string;
  bytes: Uint8Array;
}

export interface TrackingSummary {
  shopId: string;
  files: { file: string; encoding: string; rows: number }[];
  /** Rows read (repeated rows counted once). */
  rows: number;
  /** Parcels made for orders that had none. */
  parcelsCreated: number;
  /** Parcels whose waybill, carrier or weight changed (or that were shipped by this import). */
  updated: number;
  /** Rows that changed nothing (the same file imported again). */
  unchanged: number;
  warnings: ImportWarning[];
  errors: Problem[];
  dryRun: boolean;
}

/** A refused import: the problems (file, row, column) and the summary; nothing was stored. */
export class TrackingImportRejected extends DomainError {
  constructor(readonly summary: TrackingSummary) {
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

interface Placed extends TrackingRow {
  file: string;
  columns: Partial<Record<TrackingField, string>>;
}

export class TrackingImportService {
  /** Saved tracking mappings and write-back templates (logistics-mappings.ts). */
  readonly mappings: LogisticsMappings;
  constructor(private readonly deps: ServiceDeps) {
    this.mappings = new LogisticsMappings(deps);
  }

  /**
   * Imports tracking files for a shop (its id or name). `mapping`: a saved tracking mapping's name.
   * `dryRun`: check everything, store nothing.
   */
  async importFiles(
    actor: Actor,
    shopRef: string,
    sources: TrackingSource[],
    opts: { mapping?: string; dryRun?: boolean; maxBytes?: number } = {},
  ): Promise<TrackingSummary> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const ws = actor.workspaceId;
    const root = new ScanRepository(this.deps.db);
    const shop = await root.shop(ws, shopRef);
    if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
    if (sources.length === 0) throw fail("invalid", "upload.body_required");
    if (sources.length > TRACKING_FILES_MAX)
      throw fail("invalid", "tracking.too_many_files", { max: TRACKING_FILES_MAX });
    let mapping: TrackingMapping | undefined;
    if (opts.mapping !== undefined) {
      const m = await new LogisticsMappingRepository(this.deps.db).mapping(
        ws,
        "tracking",
        opts.mapping,
      );
      if (!m) throw fail("not_found", "tracking.mapping_not_found", { name: opts.mapping });
      mapping = parseTrackingMapping(m.mapping);
    }
    const carriers = await new CarrierRepository(this.deps.db).list(ws, nowIso(this.deps));
    const summary: TrackingSummary = {
      shopId: shop.id,
      files: [],
      rows: 0,
      parcelsCreated: 0,
      updated: 0,
      unchanged: 0,
      warnings: [],
      errors: [],
      dryRun: opts.dryRun === true,
    };
    const maxBytes = opts.maxBytes ?? LIMITS.importUploadMaxBytes;
    const rows: Placed[] = [];
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
      const parsed = parseTrackingRecords(file, source.table.records, carriers, mapping);
      // (loops, not spreads: a file may hold 500,000 rows)
      for (const p of parsed.problems) summary.errors.push(p);
      for (const w of parsed.warnings) summary.warnings.push(w);
      if (parsed.unknownColumns.length)
        summary.warnings.push({
          file,
          code: "tracking.warning.unused_columns",
          params: { columns: parsed.unknownColumns },
        });
      summary.files.push({ file, encoding: source.table.encoding, rows: parsed.rows.length });
      for (const r of parsed.rows) rows.push(Object.assign(r, { file, columns: parsed.columns }));
    }
    if (sources.length > 1) for (const p of acrossFiles(rows)) summary.errors.push(p);
    // The same order and waybill in two files (the e-waybill export and the carrier's): one row,
    // the later file's (its weight is the carrier's).
    const last = new Map<string, Placed>();
    if (sources.length > 1)
      for (const r of rows) {
        const before = last.get(r.orderNo);
        if (before && before.waybill === r.waybill) {
          summary.warnings.push({
            file: r.file,
            code: "tracking.warning.in_other_file",
            params: { row: r.row, order: r.orderNo, file: before.file, first: before.row },
          });
          last.delete(r.orderNo);
        }
        last.set(r.orderNo, r);
      }
    const unique = sources.length > 1 ? [...last.values()] : rows;
    summary.rows = unique.length;
    // A file that could not be read stops here; row problems go on to be checked against the shop,
    // so one answer lists them all.
    if (summary.errors.some((e) => e.code.startsWith("upload.") || e.column === ""))
      throw new TrackingImportRejected(summary);

    const names = new Map(carriers.map((c) => [c.id, c.name]));
    // Another writer may take a number between the check and the write (the database's unique
    // index refuses it): the import is checked again once, and the row then gets its problem.
    const [errors0, warnings0] = [summary.errors.length, summary.warnings.length];
    try {
      return await this.store(actor, shop, sources, unique, rows, names, summary);
    } catch (e) {
      if (!isWaybillTaken(e)) throw e;
      summary.errors.length = errors0;
      summary.warnings.length = warnings0;
      return this.store(actor, shop, sources, unique, rows, names, summary);
    }
  }

  private store(
    actor: Actor,
    shop: NonNullable<Awaited<ReturnType<ScanRepository["shop"]>>>,
    sources: TrackingSource[],
    unique: Placed[],
    rows: Placed[],
    names: Map<string, string>,
    summary: TrackingSummary,
  ): Promise<TrackingSummary> {
    const ws = actor.workspaceId;
    return this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const plan = await this.plan(trx, ws, shop.id, unique, summary);
      if (summary.errors.length) {
        const order = new Map(sources.map((f, i) => [f.file, i]));
        summary.errors.sort(
          (a, b) =>
            (order.get(a.file ?? "") ?? 0) - (order.get(b.file ?? "") ?? 0) || a.row - b.row,
        );
        throw new TrackingImportRejected(summary);
      }
      summary.parcelsCreated = plan.create.length;
      summary.updated = plan.create.length + plan.write.length;
      summary.unchanged = plan.unchanged;
      if (summary.dryRun) return summary;
      const repo = new TrackingRepository(trx, sqliteOf(this.deps.db));
      await repo.insertShippedParcels(ws, plan.create, at);
      await repo.updateWaybills(ws, plan.write, at);
      await audit(trx, actor, at, {
        action: "logistics.tracking.import",
        entityType: "shop",
        entityId: shop.id,
        message: msg("audit.logistics.tracking_import", {
          shop: shop.name,
          files: summary.files.map((f) => f.file),
          rows: summary.rows,
          created: summary.parcelsCreated,
          updated: summary.updated,
          carriers: [...new Set(rows.map((r) => names.get(r.carrierId) ?? ""))],
        }),
      });
      return summary;
    });
  }

  /** Each row against the shop's orders and parcels: what to make and write, or problems. */
  private async plan(
    trx: Executor,
    ws: string,
    shopId: string,
    rows: Placed[],
    summary: TrackingSummary,
  ) {
    const repo = new TrackingRepository(trx);
    const at = (r: Placed, f: TrackingField) => r.columns[f] ?? "";
    const problem = (r: Placed, f: TrackingField, code: Problem["code"], params = {}) =>
      summary.errors.push(
        problemAt(r.file, r.row, at(r, f), code, { column: at(r, f), order: r.orderNo, ...params }),
      );
    const orders = new Map<string, TrackingOrder>(
      (await repo.shopOrders(ws, shopId, [...new Set(rows.map((r) => r.orderNo))])).map((o) => [
        o.platformOrderId,
        o,
      ]),
    );
    const parcelsOf = await repo.parcelsOfOrders(
      ws,
      [...orders.values()].map((o) => o.id),
    );
    const owners = await repo.waybillOwners(ws, [...new Set(rows.map((r) => r.waybill))]);
    const create: ImportedParcel[] = [];
    const write: ImportedWaybill[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const o = orders.get(r.orderNo);
      if (!o) {
        problem(r, "order", "tracking.order_unknown");
        continue;
      }
      const ids = parcelsOf.get(o.id) ?? [];
      if (ids.length > 1) {
        problem(r, "order", "tracking.order_split", { count: ids.length });
        continue;
      }
      const parcel = ids[0] ?? null;
      const stop = orderStop(o, {
        status: parcel?.status ?? "open",
        waybillNo: r.waybill,
        packedAt: null,
        shippedAt: null,
      });
      if (stop && stop.outcome !== "already_shipped") {
        problem(
          r,
          "order",
          `tracking.order_${stop.outcome as "refunded" | "cancelled" | "unpaid"}`,
        );
        continue;
      }
      if (stop)
        summary.warnings.push({
          file: r.file,
          code: "tracking.warning.platform_other",
          params: {
            row: r.row,
            order: r.orderNo,
            platform: o.trackingNo ?? "",
            waybill: r.waybill,
          },
        });
      const other = (owners.get(r.waybill) ?? []).find((id) => id !== parcel?.id);
      if (other) {
        problem(r, "waybill", "tracking.waybill_used", { waybill: r.waybill });
        continue;
      }
      if (parcel?.waybillSource === "scan" && parcel.waybillNo !== r.waybill) {
        problem(r, "waybill", "tracking.parcel_scanned_other", {
          waybill: r.waybill,
          scanned: parcel.waybillNo ?? "",
        });
        continue;
      }
      const fields = { carrierId: r.carrierId, waybillNo: r.waybill, weightG: r.weightG };
      if (!parcel) {
        create.push({ id: newId(), shopId, orderId: o.id, province: o.province, ...fields });
        continue;
      }
      const same =
        parcel.status === "shipped" &&
        parcel.waybillNo === r.waybill &&
        parcel.carrierId === r.carrierId &&
        (r.weightG === null || parcel.weightG === r.weightG);
      if (same) unchanged++;
      else write.push({ id: parcel.id, ...fields });
    }
    return { create, write, unchanged };
  }
}

/** The same waybill for two orders, or one order with two waybills, across the files. */
function acrossFiles(rows: Placed[]): Problem[] {
  const out: Problem[] = [];
  const byWaybill = new Map<string, Placed>();
  const byOrder = new Map<string, Placed>();
  for (const r of rows) {
    const w = byWaybill.get(r.waybill);
    if (w && w.file !== r.file && w.orderNo !== r.orderNo)
      out.push(
        problemAt(r.file, r.row, r.columns.waybill ?? "", "tracking.row.waybill_in_file", {
          column: r.columns.waybill ?? "",
          waybill: r.waybill,
          file: w.file,
          first: w.row,
          order: w.orderNo,
        }),
      );
    else if (!w) byWaybill.set(r.waybill, r);
    const o = byOrder.get(r.orderNo);
    if (o && o.file !== r.file && o.waybill !== r.waybill)
      out.push(
        problemAt(r.file, r.row, r.columns.order ?? "", "tracking.row.order_in_file", {
          column: r.columns.order ?? "",
          order: r.orderNo,
          file: o.file,
          first: o.row,
          waybill: o.waybill,
        }),
      );
    else if (!o) byOrder.set(r.orderNo, r);
  }
  return out;
}
