// Pack station scans, waybills typed or imported, saved logistics mappings, write-back files and
// their check against the platform's next export (logistics part "scan"; docs/LOGISTICS.md).
import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn, warningsIn } from "../orders/orders.presenter.js";
import { IdParams } from "../shared/common.schema.js";
import type { PackStationService } from "./pack-station.service.js";
import type { TrackingImportService } from "./tracking.service.js";
import type { WritebackService } from "./writeback.service.js";
import {
  CheckQuery,
  CheckSchema,
  MappingBody,
  MappingSchema,
  MappingsQuery,
  MappingUpdateBody,
  ScanEventSchema,
  ScanResultSchema,
  ScansQuery,
  SlipBody,
  TrackingQuery,
  TrackingSummarySchema,
  TypedWaybillBody,
  WaybillBody,
  WritebackBody,
  WritebackFileSchema,
  WritebackFilesQuery,
} from "./scan.schema.js";

const tags = ["logistics"];
const PACKERS =
  "the people of a department whose function is logistics, their leads and the owner (logistics.pack)";

export async function scanRoutes(
  parent: App,
  services: {
    packStation: PackStationService;
    tracking: TrackingImportService;
    writeback: WritebackService;
  },
): Promise<void> {
  const { packStation, tracking, writeback } = services;
  // Encapsulated so the raw-body parser for tracking files applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );

    app.post(
      "/logistics/pack/slip",
      {
        schema: {
          operationId: "logisticsPackSlip",
          tags,
          summary: `Pack station, step 1: the slip scanned (a parcel's id barcode, or an order number). Answers the parcel and whether it may be packed — outcome ok, or a stop (unknown, refunded, cancelled, unpaid, already_shipped) with a message code; writes only the scan event. For ${PACKERS}`,
          body: SlipBody,
          response: { 200: ScanResultSchema },
        },
      },
      async (req) => packStation.scanSlip(actorOf(req), req.body.code),
    );
    app.post(
      "/logistics/pack/waybill",
      {
        schema: {
          operationId: "logisticsPackWaybill",
          tags,
          summary: `Pack station, step 2: the waybill scanned for the slip of step 1. Outcome ok ships the parcel (waybill, carrier — SF/JD told by the number, else carrierCode, else the parcel's —, weight, packer, time); a stop (wrong_parcel, already_shipped, refunded, cancelled, unpaid, unknown) or a request for another scan (invalid, carrier_needed, ambiguous) writes nothing but the scan event. The orders' own state is not changed. For ${PACKERS}`,
          body: WaybillBody,
          response: { 200: ScanResultSchema },
        },
      },
      async (req) => packStation.scanWaybill(actorOf(req), req.body),
    );
    app.post(
      "/logistics/pack/return",
      {
        schema: {
          operationId: "logisticsPackReturn",
          tags,
          summary: `Pack station, return mode (退货入库): a return parcel's waybill scanned. The after-sales cases whose return waybill it is move to received (history and audit, inspection next when the workspace inspects before refunding) — outcome ok with the cases; already_received when they had it; a stop (unknown: an outgoing parcel's waybill or nobody's; return_refused: a case ended or of a type that takes no goods back) writes nothing but the scan event. For ${PACKERS}`,
          body: SlipBody,
          response: { 200: ScanResultSchema },
        },
      },
      async (req) => packStation.scanReturn(actorOf(req), req.body.code),
    );
    app.put(
      "/logistics/parcels/:id/waybill",
      {
        schema: {
          operationId: "logisticsTypeWaybill",
          tags,
          summary: `A waybill typed by hand for a parcel: the pack station's checks and outcomes (step typed), audited; version, when sent, must be the parcel's (409). For ${PACKERS}`,
          params: IdParams,
          body: TypedWaybillBody,
          response: { 200: ScanResultSchema },
        },
      },
      async (req) => packStation.typeWaybill(actorOf(req), req.params.id, req.body),
    );
    app.get(
      "/logistics/scans",
      {
        schema: {
          operationId: "logisticsScans",
          tags,
          summary: "The latest pack-station scans, newest first (mine=true: the caller's own)",
          querystring: ScansQuery,
          response: { 200: Type.Object({ items: Type.Array(ScanEventSchema) }) },
        },
      },
      async (req) => ({
        items: await packStation.recent(actorOf(req), {
          limit: req.query.limit ?? 20,
          mine: req.query.mine,
        }),
      }),
    );

    app.post(
      "/logistics/tracking-imports",
      {
        schema: {
          operationId: "logisticsImportTracking",
          tags,
          consumes: ["application/octet-stream"],
          querystring: TrackingQuery,
          response: { 200: TrackingSummarySchema },
          summary: `Import waybill numbers from the e-waybill software's or a carrier's export (CSV in GBK or UTF-8, or XLSX; at most ${LIMITS.importUploadMaxBytes / 1048576} MB) sent as the raw body (application/octet-stream): order number → carrier, waybill, weight (headers 订单号/订单编号/Order number, 快递公司/物流公司/Carrier, 运单号/快递单号/物流单号/Waybill, 重量/Weight (kg), or a saved mapping). All or nothing: 400 lists every problem with row and column. Each order gets a parcel (made when it has none) with the waybill, shipped; importing again updates. For ${PACKERS}`,
        },
      },
      async (req) =>
        warningsIn(
          requestLocale(req),
          await tracking
            .importFiles(
              actorOf(req),
              req.query.shop,
              [
                {
                  file: req.query.fileName,
                  bytes: Buffer.isBuffer(req.body)
                    ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength)
                    : new Uint8Array(),
                },
              ],
              { mapping: req.query.mapping, dryRun: req.query.dryRun },
            )
            .then(({ errors: _errors, ...rest }) => rest)
            .catch(refusalIn(requestLocale(req))),
        ),
    );

    app.get(
      "/logistics/mappings",
      {
        schema: {
          operationId: "logisticsMappings",
          tags,
          summary: "Saved tracking mappings, or write-back templates (kind)",
          querystring: MappingsQuery,
          response: { 200: Type.Object({ items: Type.Array(MappingSchema) }) },
        },
      },
      async (req) => ({ items: await tracking.mappings.list(actorOf(req), req.query.kind) }),
    );
    app.post(
      "/logistics/mappings",
      {
        schema: {
          operationId: "logisticsCreateMapping",
          tags,
          summary:
            "Save a tracking mapping (logistics.pack) or a shop's write-back template for a platform (logistics.manage)",
          body: MappingBody,
          response: { 201: MappingSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await tracking.mappings.create(actorOf(req), req.body)),
    );
    app.put(
      "/logistics/mappings/:id",
      {
        schema: {
          operationId: "logisticsUpdateMapping",
          tags,
          summary: "Change a saved mapping or template (409 on a stale version)",
          params: IdParams,
          body: MappingUpdateBody,
          response: { 200: MappingSchema },
        },
      },
      async (req) => tracking.mappings.update(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/logistics/mappings/:id",
      {
        schema: {
          operationId: "logisticsDeleteMapping",
          tags,
          summary: "Delete a saved mapping or template",
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (req, reply) => {
        await tracking.mappings.remove(actorOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/logistics/writeback-files",
      {
        schema: {
          operationId: "logisticsCreateWriteback",
          tags,
          summary: `Make the file a platform's back end takes to mark orders shipped (order number, carrier as that platform names it, waybill; in its layout and encoding, the shop's template applied) for the shop's shipped parcels of a batch, or shipped from 'from' through 'to' (workspace days, at most 93). The parcels get exported_at; download the file from /logistics/writeback-files/{id}/download. 400 writeback.nothing when nothing was shipped. For ${PACKERS}`,
          body: WritebackBody,
          response: { 201: WritebackFileSchema },
        },
      },
      async (req, reply) => {
        const r = await writeback.create(actorOf(req), req.body);
        return reply.status(201).send(r.file);
      },
    );
    app.get(
      "/logistics/writeback-files",
      {
        schema: {
          operationId: "logisticsWritebackFiles",
          tags,
          summary: "Write-back files made, newest first",
          querystring: WritebackFilesQuery,
          response: { 200: Type.Object({ items: Type.Array(WritebackFileSchema) }) },
        },
      },
      async (req) => ({
        items: await writeback.list(actorOf(req), {
          shopId: req.query.shop,
          limit: req.query.limit ?? 50,
        }),
      }),
    );
    app.get(
      "/logistics/writeback-files/:id/download",
      {
        schema: {
          operationId: "logisticsDownloadWriteback",
          tags,
          summary:
            "The write-back file's bytes (CSV in GBK or UTF-8, or XLSX, as its platform's layout says), with its file name",
          params: IdParams,
        },
      },
      async (req, reply) => {
        const f = await writeback.download(actorOf(req), req.params.id);
        return reply
          .header(
            "content-disposition",
            `attachment; filename="writeback.${f.fileName.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
          )
          .type(f.contentType)
          .send(Buffer.from(f.bytes));
      },
    );
    app.get(
      "/logistics/writeback-check",
      {
        schema: {
          operationId: "logisticsWritebackCheck",
          tags,
          summary:
            "Whether the platform agrees with what Dayclear sent: each order a write-back file carried, against the shop's latest imported order export — shipped, with the waybill (and carrier) sent; each mismatch lists the order, what was sent and what the platform says",
          querystring: CheckQuery,
          response: { 200: CheckSchema },
        },
      },
      async (req) => writeback.check(actorOf(req), req.query.shop),
    );
  });
}
