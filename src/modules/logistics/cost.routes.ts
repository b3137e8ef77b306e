// Carrier bills (对账单) and the logistics dashboard, under /api/v1/logistics.
import ExcelJS from "exceljs";
import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { neutralizeFormula } from "../../core/orders/text.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn, warningsIn } from "../orders/orders.presenter.js";
import { IdParams, Page } from "../shared/common.schema.js";
import type { CarrierBillService } from "./bills.service.js";
import {
  BillImportQuery,
  BillImportSchema,
  BillLineSchema,
  BillLinesQuery,
  BillListQuery,
  BillMappingBody,
  BillMappingPatch,
  BillMappingSchema,
  BillSchema,
  DashboardExportQuery,
  DashboardQuery,
  DashboardSchema,
} from "./cost.schema.js";
import type { ExportTable, LogisticsDashboardService } from "./dashboard.service.js";

const Done = Type.Object({ ok: Type.Literal(true) });

export async function costRoutes(
  parent: App,
  services: { carrierBills: CarrierBillService; logisticsDashboard: LogisticsDashboardService },
): Promise<void> {
  const bills = services.carrierBills;
  // Encapsulated so the raw-body parser for the bill file applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );
    let tags = ["logistics: carrier bills"];
    app.post(
      "/logistics/bills",
      {
        schema: {
          operationId: "importCarrierBill",
          tags,
          consumes: ["application/octet-stream"],
          querystring: BillImportQuery,
          response: { 201: BillImportSchema },
          summary: `Import a carrier bill (对账单: waybill, weight, fee; CSV in GBK or UTF-8, or XLSX) for a carrier, sent as the raw body (application/octet-stream, at most ${LIMITS.importUploadMaxBytes / 1048576} MB), and reconcile it against the parcels' computed costs. All or nothing: 400 lists every problem with row and column. Owner and leads holding the logistics function`,
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          warningsIn(
            requestLocale(req),
            await bills
              .importBill(actorOf(req), {
                ...req.query,
                bytes: Buffer.isBuffer(req.body)
                  ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength)
                  : null,
              })
              .catch(refusalIn(requestLocale(req))),
          ),
        ),
    );
    app.get(
      "/logistics/bills",
      {
        schema: {
          operationId: "listCarrierBills",
          tags,
          summary: "Carrier bills with their reconciliation totals, newest first",
          querystring: BillListQuery,
          response: { 200: Page(BillSchema) },
        },
      },
      async (req) =>
        bills.list(actorOf(req), {
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
          cursor: req.query.cursor,
          carrierId: req.query.carrierId,
        }),
    );
    app.get(
      "/logistics/bills/:id",
      {
        schema: {
          operationId: "getCarrierBill",
          tags,
          summary: "A carrier bill and its reconciliation totals",
          params: IdParams,
          response: { 200: BillSchema },
        },
      },
      async (req) => bills.get(actorOf(req), req.params.id),
    );
    app.get(
      "/logistics/bills/:id/lines",
      {
        schema: {
          operationId: "listCarrierBillLines",
          tags,
          summary:
            "A carrier bill's waybill lines in file order, each with its parcel, weights, fee, computed cost and status; filter by status and waybill",
          params: IdParams,
          querystring: BillLinesQuery,
          response: { 200: Page(BillLineSchema) },
        },
      },
      async (req) =>
        bills.lines(actorOf(req), req.params.id, {
          status: req.query.status,
          waybill: req.query.waybill,
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
          cursor: req.query.cursor,
        }),
    );
    app.post(
      "/logistics/bills/:id/reconcile",
      {
        schema: {
          operationId: "reconcileCarrierBill",
          tags,
          summary:
            "Reconcile a bill again against the parcels as they are now (costs computed since, weights corrected); owner and leads holding the logistics function",
          params: IdParams,
          response: { 200: BillSchema },
        },
      },
      async (req) => bills.reconcileAgain(actorOf(req), req.params.id),
    );
    app.delete(
      "/logistics/bills/:id",
      {
        schema: {
          operationId: "deleteCarrierBill",
          tags,
          summary:
            "Delete a carrier bill and its lines; owner and leads holding the logistics function",
          params: IdParams,
          response: { 200: Done },
        },
      },
      async (req) => {
        await bills.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      "/logistics/bill-mappings",
      {
        schema: {
          operationId: "listCarrierBillMappings",
          tags,
          summary: "Saved column mappings for bill files of other layouts",
          response: { 200: Page(BillMappingSchema) },
        },
      },
      async (req) => bills.mappings(actorOf(req)),
    );
    app.post(
      "/logistics/bill-mappings",
      {
        schema: {
          operationId: "createCarrierBillMapping",
          tags,
          summary:
            "Save a mapping: the file's own headers for waybill, fee and (optional) weight, and the weight's unit; owner and leads holding the logistics function",
          body: BillMappingBody,
          response: { 201: BillMappingSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await bills.createMapping(actorOf(req), req.body)),
    );
    app.patch(
      "/logistics/bill-mappings/:id",
      {
        schema: {
          operationId: "updateCarrierBillMapping",
          tags,
          summary: "Change a bill mapping (409 on a stale version)",
          params: IdParams,
          body: BillMappingPatch,
          response: { 200: BillMappingSchema },
        },
      },
      async (req) => bills.updateMapping(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/logistics/bill-mappings/:id",
      {
        schema: {
          operationId: "deleteCarrierBillMapping",
          tags,
          summary: "Delete a bill mapping",
          params: IdParams,
          response: { 200: Done },
        },
      },
      async (req) => {
        await bills.deleteMapping(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    tags = ["logistics: dashboard"];
    app.get(
      "/logistics/dashboard",
      {
        schema: {
          operationId: "getLogisticsDashboard",
          tags,
          summary: `The logistics dashboard over the workspace's days from..to (at most ${LIMITS.kpiRangeMaxDays} days): cost by carrier, province, month, day and shop, cost per parcel, cost rate (cost ÷ GMV of the shops that shipped), parcels per packer per day, wrong and missed shipments, ship-on-time rate, carrier bills of the period`,
          querystring: DashboardQuery,
          response: { 200: DashboardSchema },
        },
      },
      async (req) => services.logisticsDashboard.get(actorOf(req), req.query),
    );
    app.get(
      "/logistics/dashboard/export",
      {
        schema: {
          operationId: "exportLogisticsDashboard",
          tags,
          summary:
            "The logistics dashboard as CSV (UTF-8 with BOM; one section per table) or XLSX (one sheet per table), headers in the reader's language (lang, else Accept-Language)",
          querystring: DashboardExportQuery,
        },
      },
      async (req, reply) => {
        const { format, lang, ...filter } = req.query;
        const { tables } = await services.logisticsDashboard.exportTables(
          actorOf(req),
          filter,
          lang ?? requestLocale(req),
        );
        const name = `dayclear-logistics-${filter.from}-${filter.to}`;
        if (format === "xlsx") {
          const buf = await xlsxOf(tables);
          return reply
            .header("content-disposition", `attachment; filename="${name}.xlsx"`)
            .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .send(buf);
        }
        return reply
          .header("content-disposition", `attachment; filename="${name}.csv"`)
          .type("text/csv; charset=utf-8")
          .send(csvOf(tables));
      },
    );
  });
}

/** Amounts ("12.50") go in as numbers, any other text made inert. */
const xlsxCell = (c: string | number | null) =>
  typeof c === "string" ? (/^-?\d+\.\d{2}$/.test(c) ? Number(c) : neutralizeFormula(c)) : c;

async function xlsxOf(tables: readonly ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = wb.addWorksheet(t.title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
    for (const r of t.rows) sheet.addRow(r.map(xlsxCell));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvOf(tables: readonly ExportTable[]): string {
  const cell = (c: string | number | null) => {
    const s = c === null ? "" : neutralizeFormula(String(c));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines: string[] = [];
  for (const t of tables) {
    if (lines.length) lines.push("");
    lines.push(cell(t.title));
    for (const r of t.rows) lines.push(r.map(cell).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
