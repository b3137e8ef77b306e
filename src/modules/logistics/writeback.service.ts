// Write-back files (docs/LOGISTICS.md, part scan): for a batch or a date range, the file a seller
// uploads in a platform's back end to mark orders shipped — order number, carrier as the platform
// names it, waybill — in the layout and encoding that back end takes, with the shop's template
// (logistics_mappings kind "writeback") renaming columns. Each file is kept with its lines and the
// parcels get exported_at; when the platform's next order export is imported, the check lists every
// order whose shipped state, waybill or carrier disagrees with what was sent.
import ExcelJS from "exceljs";
import type { Actor } from "../../core/actor.js";
import { dateInZone } from "../../core/calendar/today.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import {
  applyTemplate,
  checkAgainstPlatform,
  platformCarrierName,
  writebackRows,
  type WritebackFormat,
  type WritebackLine,
  type WritebackPlatform,
  WRITEBACK_PLATFORMS,
} from "../../core/logistics/writeback-file.js";
import { msg, type Message } from "../../core/messages/index.js";
import { encodeText } from "../../core/orders/decode.js";
import { parseLocalTime } from "../../core/orders/time.js";
import { neutralizeFormula } from "../../core/orders/text.js";
import type { WritebackLinesTable } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { parseWritebackTemplate } from "./logistics-mappings.js";
import { LogisticsMappingRepository } from "./logistics-mappings.repository.js";
import { ScanRepository } from "./scan.repository.js";
import { WritebackRepository } from "./writeback.repository.js";

/** The longest date range one file covers. */
export const WRITEBACK_RANGE_MAX_DAYS = 93;

export type WritebackScope = { batch: string } | { from: string; to: string };

export interface WritebackFileInfo {
  id: string;
  shopId: string;
  platform: WritebackPlatform;
  fileName: string;
  format: WritebackFormat;
  batchId: string | null;
  from: string | null;
  to: string | null;
  lines: number;
  createdBy: string | null;
  createdAt: string;
}

export interface RenderedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const CONTENT_TYPE: Record<WritebackFormat, string> = {
  "csv-gbk": "text/csv; charset=gb18030",
  "csv-utf8": "text/csv; charset=utf-8",
  "csv-utf8-bom": "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const present = (f: {
  id: string;
  shopId: string;
  platform: string;
  fileName: string;
  format: string;
  batchId: string | null;
  fromDate: string | null;
  toDate: string | null;
  lines: number;
  createdBy: string | null;
  createdAt: string;
}): WritebackFileInfo => ({
  id: f.id,
  shopId: f.shopId,
  platform: f.platform as WritebackPlatform,
  fileName: f.fileName,
  format: f.format as WritebackFormat,
  batchId: f.batchId,
  from: f.fromDate,
  to: f.toDate,
  lines: Number(f.lines),
  createdBy: f.createdBy,
  createdAt: f.createdAt,
});

const invalid = (
  field: string,
  code: Parameters<typeof fieldError>[1],
  params?: Record<string, string | number>,
) =>
  fail(
    "invalid",
    "request.invalid",
    { fields: [field] },
    { fields: [fieldError(field, code, params)] },
  );

/** The next calendar day of YYYY-MM-DD. */
const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export class WritebackService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Makes the write-back file of a shop's shipped parcels (a batch's, or those shipped from `from`
   * through `to`, days in the workspace's time zone) for a platform; records it and its lines and
   * marks the parcels exported. Refused when nothing was shipped in the scope.
   */
  async create(
    actor: Actor,
    input: {
      shop: string;
      platform: WritebackPlatform;
      batch?: string;
      from?: string;
      to?: string;
    },
  ): Promise<{ file: WritebackFileInfo; rendered: RenderedFile }> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    if (!(WRITEBACK_PLATFORMS as readonly string[]).includes(input.platform))
      throw invalid("platform", "writeback.template.bad_platform");
    const scope: WritebackScope | null = input.batch
      ? { batch: input.batch }
      : input.from
        ? { from: input.from, to: input.to ?? input.from }
        : null;
    if (!scope || (input.batch && (input.from || input.to)))
      throw invalid(input.batch ? "from" : "batch", "writeback.scope_required");
    const ws = actor.workspaceId;
    const root = new ScanRepository(this.deps.db);
    const shop = await root.shop(ws, input.shop);
    if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
    const carriers = await new CarrierRepository(this.deps.db).list(ws, nowIso(this.deps));
    const tz = await root.timeZone(ws);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new WritebackRepository(trx);
      let batchId: string | null = null;
      let range: { from: string; to: string } | null = null;
      let rows;
      if ("batch" in scope) {
        const batch = await repo.batch(ws, scope.batch);
        if (!batch) throw fail("not_found", "writeback.batch_not_found", { batch: scope.batch });
        batchId = batch.id;
        rows = await repo.shippedParcels(ws, shop.id, { batchId });
      } else {
        const { from, to } = scope;
        if (to < from) throw invalid("to", "writeback.range_reversed", { from, to });
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
        if (days > WRITEBACK_RANGE_MAX_DAYS)
          throw invalid("to", "range.too_long", { maxDays: WRITEBACK_RANGE_MAX_DAYS });
        const offset = localOffset(tz, from);
        const start = parseLocalTime(from, offset);
        const end = parseLocalTime(nextDay(to), localOffset(tz, nextDay(to)));
        if (!start.ok || !end.ok) throw invalid("from", "writeback.range_reversed", { from, to });
        range = { from, to };
        rows = await repo.shippedParcels(ws, shop.id, { fromIso: start.iso, toIso: end.iso });
      }
      const platform = input.platform;
      const byId = new Map(carriers.map((c) => [c.id, c]));
      const lines: WritebackLine[] = [];
      const stored: WritebackLinesTable[] = [];
      const at = nowIso(this.deps);
      const id = newId();
      for (const r of rows) {
        const c = r.carrierId ? byId.get(r.carrierId) : undefined;
        const line: WritebackLine = {
          platformOrderId: r.platformOrderId,
          orderKey: r.orderKey,
          carrierName: c ? platformCarrierName(c, platform) : "",
          waybillNo: r.waybillNo!,
          shippedDate: dateInZone(r.shippedAt!, tz),
        };
        lines.push(line);
        stored.push({
          workspaceId: ws,
          fileId: id,
          lineNo: stored.length + 1,
          parcelId: r.parcelId,
          orderId: r.orderId,
          platformOrderId: r.platformOrderId,
          carrierId: r.carrierId,
          carrierName: line.carrierName,
          waybillNo: line.waybillNo,
          sentAt: at,
        });
      }
      if (lines.length === 0)
        throw fail("invalid", "writeback.nothing", {
          shop: shop.name,
          scope:
            "batch" in scope
              ? msg("writeback.scope.batch", { batch: scope.batch })
              : msg("writeback.scope.range", { from: scope.from, to: scope.to }),
        });
      const saved = await new LogisticsMappingRepository(trx).writebackMapping(
        ws,
        shop.id,
        platform,
      );
      const layout = applyTemplate(platform, saved ? parseWritebackTemplate(saved.mapping) : null);
      const ext = layout.format === "xlsx" ? "xlsx" : "csv";
      const stamp = dateInZone(at, tz).replace(/-/g, "");
      const fileName = `${layout.stem}-${stamp}-${id.slice(-6)}.${ext}`;
      const file = {
        workspaceId: ws,
        id,
        shopId: shop.id,
        platform,
        fileName,
        format: layout.format,
        batchId,
        fromDate: range?.from ?? null,
        toDate: range?.to ?? null,
        lines: lines.length,
        createdBy: actor.via === "system" ? null : actor.memberId,
        createdAt: at,
      };
      await repo.createWritebackFile(file, stored);
      await repo.markExported(
        ws,
        rows.map((r) => r.parcelId),
        at,
      );
      await audit(trx, actor, at, {
        action: "logistics.writeback.create",
        entityType: "writeback_file",
        entityId: id,
        message: msg("audit.logistics.writeback", {
          shop: shop.name,
          platform,
          file: fileName,
          lines: lines.length,
        }),
      });
      return {
        file: present(file),
        rendered: {
          fileName,
          contentType: CONTENT_TYPE[layout.format],
          bytes: await encode(layout.format, writebackRows(layout, lines)),
        },
      };
    });
  }

  /** A file made before, again (in the shop's current template for its platform). */
  async download(actor: Actor, fileId: string): Promise<RenderedFile> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const ws = actor.workspaceId;
    const repo = new WritebackRepository(this.deps.db);
    const file = await repo.writebackFile(ws, fileId);
    if (!file) throw fail("not_found", "shop.not_found", { what: msg("writeback.entity.file") });
    const tz = await new ScanRepository(this.deps.db).timeZone(ws);
    const platform = file.platform as WritebackPlatform;
    const saved = await new LogisticsMappingRepository(this.deps.db).writebackMapping(
      ws,
      file.shopId,
      platform,
    );
    const layout = {
      ...applyTemplate(platform, saved ? parseWritebackTemplate(saved.mapping) : null),
      format: file.format as WritebackFormat,
    };
    const lines = (await repo.writebackLines(ws, fileId)).map((l) => ({
      platformOrderId: l.platformOrderId,
      orderKey: l.orderKey ?? l.platformOrderId,
      carrierName: l.carrierName,
      waybillNo: l.waybillNo,
      shippedDate: dateInZone(l.shippedAt ?? l.sentAt, tz),
    }));
    return {
      fileName: file.fileName,
      contentType: CONTENT_TYPE[layout.format],
      bytes: await encode(layout.format, writebackRows(layout, lines)),
    };
  }

  async list(actor: Actor, q: { shopId?: string; limit: number }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new WritebackRepository(this.deps.db).writebackFiles(
      actor.workspaceId,
      q.shopId,
      q.limit,
    );
    return rows.map(present);
  }

  /**
   * The platform's word against Dayclear's: every order of the shop a write-back file carried (its
   * latest line), checked against the order as the shop's latest order import left it. Mismatches
   * list the order, what was sent and what the platform says.
   */
  async check(actor: Actor, shopRef: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const ws = actor.workspaceId;
    const repo = new WritebackRepository(this.deps.db);
    const shop = await new ScanRepository(this.deps.db).shop(ws, shopRef);
    if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
    const carriers = await new CarrierRepository(this.deps.db).list(ws, nowIso(this.deps));
    const names = new Map(carriers.map((c) => [c.id, c.name]));
    const lastImportAt = await repo.lastOrderImportAt(ws, shop.id);
    const sent = await repo.lastSent(ws, shop.id);
    const byOrder = new Map<string, typeof sent>();
    for (const l of sent) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    let agree = 0;
    let pending = 0;
    const mismatches: {
      orderId: string;
      platformOrderId: string;
      reason: Message;
      sent: { carrier: string; waybills: string[]; at: string; fileId: string };
      platform: {
        status: string;
        rawStatus: string;
        trackingNo: string | null;
        carrier: string | null;
      };
    }[] = [];
    for (const [orderId, ls] of byOrder) {
      const first = ls[0]!;
      const verdict = checkAgainstPlatform(
        {
          sent: {
            waybills: ls.map((l) => l.waybillNo),
            carrierIds: ls.map((l) => l.carrierId),
            sentAt: first.sentAt,
          },
          platform: { status: first.status, trackingNo: first.trackingNo, carrier: first.carrier },
        },
        lastImportAt,
        carriers,
      );
      if (verdict.state === "agree") agree++;
      else if (verdict.state === "pending") pending++;
      else
        mismatches.push({
          orderId,
          platformOrderId: first.platformOrderId,
          reason: msg(verdict.reason, {
            order: first.platformOrderId,
            waybill: ls.map((l) => l.waybillNo),
            platform: first.trackingNo ?? "",
            carrier: first.carrier ?? "",
            sentCarrier: first.carrierId
              ? (names.get(first.carrierId) ?? first.carrierName)
              : first.carrierName,
          }),
          sent: {
            carrier: first.carrierName,
            waybills: ls.map((l) => l.waybillNo),
            at: first.sentAt,
            fileId: first.fileId,
          },
          platform: {
            status: first.status,
            rawStatus: first.rawStatus,
            trackingNo: first.trackingNo,
            carrier: first.carrier,
          },
        });
    }
    return {
      shopId: shop.id,
      lastImportAt,
      orders: byOrder.size,
      agree,
      pending,
      mismatches,
    };
  }
}

/** The UTC offset ("+08:00") of a time zone on a day (for turning local days into instants). */
function localOffset(timeZone: string, day: string): string {
  const at = new Date(`${day}T12:00:00Z`);
  const local = new Date(at.toLocaleString("en-US", { timeZone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  const minutes = Math.round((local.getTime() - utc.getTime()) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The rows as the format's bytes; every cell is text (order numbers stay exact in Excel). */
async function encode(format: WritebackFormat, rows: string[][]): Promise<Uint8Array> {
  const safe = rows.map((r) => r.map(neutralizeFormula));
  if (format === "xlsx") {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Sheet1");
    for (const r of safe) sheet.addRow(r);
    sheet.columns.forEach((c) => {
      c.numFmt = "@";
      c.width = 24;
    });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const cell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = safe.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  return encodeText(
    text,
    format === "csv-gbk" ? "gb18030" : format === "csv-utf8-bom" ? "utf-8-bom" : "utf-8",
  );
}
