// Carriers and rate cards under /api/v1/logistics: carriers (list, add, edit), rate cards (import
// as the raw body, list, read, export, delete), quotes (one carrier or the cheapest of all) and the
// re-cost of parcels.
import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn } from "../orders/orders.presenter.js";
import { IdParams } from "../shared/common.schema.js";
import type { CarrierService } from "./carriers.service.js";
import { rateCardFile } from "./rates-export.js";
import {
  CarrierSchema,
  CreateCarrierBody,
  ExportQuery,
  ImportCardQuery,
  ImportCardResult,
  QuoteQuery,
  QuoteResult,
  RateCardList,
  RateCardSchema,
  RateCardsQuery,
  RecostBody,
  RecostResult,
  UpdateCarrierBody,
} from "./rates.schema.js";
import type { RateCardService } from "./rates.service.js";

const MANAGE = "Owner and leads holding the logistics function";

export async function rateRoutes(
  parent: App,
  services: { carriers: CarrierService; rateCards: RateCardService },
): Promise<void> {
  const { carriers, rateCards } = services;
  // Encapsulated so the raw-body parser for the card file applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );

    let tags = ["logistics: carriers"];
    app.get(
      "/logistics/carriers",
      {
        schema: {
          operationId: "listCarriers",
          tags,
          summary:
            "The workspace's carriers (seeded with 顺丰, 中通, 圆通, 韵达, 申通, 极兔, 京东, EMS, 邮政 on first use) with their code per system, aliases, platforms and the card valid today",
          response: { 200: Type.Object({ items: Type.Array(CarrierSchema) }) },
        },
      },
      async (req) => carriers.list(actorOf(req)),
    );
    app.post(
      "/logistics/carriers",
      {
        schema: {
          operationId: "createCarrier",
          tags,
          summary: `Add a carrier (its workspace code unique, 409 otherwise). ${MANAGE}`,
          body: CreateCarrierBody,
          response: { 201: Type.Omit(CarrierSchema, ["cards", "currentCard"]) },
        },
      },
      async (req, reply) => reply.status(201).send(await carriers.create(actorOf(req), req.body)),
    );
    app.patch(
      "/logistics/carriers/:id",
      {
        schema: {
          operationId: "updateCarrier",
          tags,
          summary: `Change a carrier: code, name, codes per system, aliases, platforms, active (409 on a stale version or a code taken). ${MANAGE}`,
          params: IdParams,
          body: UpdateCarrierBody,
          response: { 200: Type.Omit(CarrierSchema, ["cards", "currentCard"]) },
        },
      },
      async (req) => carriers.update(actorOf(req), req.params.id, req.body),
    );

    tags = ["logistics: rate cards"];
    app.post(
      "/logistics/rate-cards",
      {
        schema: {
          operationId: "importRateCard",
          tags,
          consumes: ["application/octet-stream"],
          querystring: ImportCardQuery,
          response: { 201: ImportCardResult },
          summary: `Import a carrier's rate card sent as the raw body (application/octet-stream, at most ${LIMITS.importUploadMaxBytes / 1048576} MB): a spreadsheet (CSV in GBK or UTF-8, or XLSX) with one row per zone band — 区域/zone, 省份/provinces (、 or ,), 起始重量/from_kg, 截止重量/to_kg (empty: no upper bound), 方式/mode (一口价|flat, 首重续重|first_additional), 价格/price, 首重/first_kg, 首重费/first_fee, 续重单位/step_kg, 续重费/step_fee — or dayclear.rate-card/v1 JSON with its settings. The query's divisor, volumetric and stepRounding override the file's settings; validFrom defaults to the JSON's, else today; a card of the same carrier and day is replaced. All or nothing: 400 lists every problem with row and column. The carrier's parcels are re-costed. ${MANAGE}`,
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await rateCards
            .importCard(actorOf(req), {
              ...req.query,
              bytes: Buffer.isBuffer(req.body)
                ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength)
                : null,
            })
            .catch(refusalIn(requestLocale(req))),
        ),
    );
    app.get(
      "/logistics/rate-cards",
      {
        schema: {
          operationId: "listRateCards",
          tags,
          summary:
            "Rate cards (all, or one carrier's) by carrier and valid-from day, each with the day it is valid until and the provinces it leaves out",
          querystring: RateCardsQuery,
          response: { 200: RateCardList },
        },
      },
      async (req) => rateCards.list(actorOf(req), req.query.carrierId),
    );
    app.get(
      "/logistics/rate-cards/:id",
      {
        schema: {
          operationId: "getRateCard",
          tags,
          summary: "A rate card with its settings, zones and weight bands",
          params: IdParams,
          response: { 200: RateCardSchema },
        },
      },
      async (req) => rateCards.get(actorOf(req), req.params.id),
    );
    app.get(
      "/logistics/rate-cards/:id/export",
      {
        schema: {
          operationId: "exportRateCard",
          tags,
          summary:
            "A rate card as a file: csv (UTF-8 with BOM, headers in the reader's language), xlsx, or json (dayclear.rate-card/v1 with the settings, carrier and valid-from day); each imports back",
          params: IdParams,
          querystring: ExportQuery,
        },
      },
      async (req, reply) => {
        const file = await rateCardFile(
          await rateCards.fileOf(actorOf(req), req.params.id),
          req.query.format ?? "csv",
          requestLocale(req),
        );
        return reply
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .type(file.contentType)
          .send(file.body);
      },
    );
    app.delete(
      "/logistics/rate-cards/:id",
      {
        schema: {
          operationId: "deleteRateCard",
          tags,
          summary: `Delete a rate card (the carrier's previous card applies again from its day); the carrier's parcels are re-costed. ${MANAGE}`,
          params: IdParams,
          response: { 200: Type.Object({ recosted: Type.Integer() }) },
        },
      },
      async (req) => rateCards.remove(actorOf(req), req.params.id),
    );
    app.post(
      "/logistics/rate-cards/recost",
      {
        schema: {
          operationId: "recostParcels",
          tags,
          summary: `Re-cost the parcels (of one carrier, or all) from the cards valid on their ship days, e.g. after SKU weights changed. ${MANAGE}`,
          body: RecostBody,
          response: { 200: RecostResult },
        },
      },
      async (req) => rateCards.recost(actorOf(req), req.body.carrierId),
    );

    tags = ["logistics: quotes"];
    app.get(
      "/logistics/quotes",
      {
        schema: {
          operationId: "quoteParcel",
          tags,
          summary:
            "What a parcel (province, actual weight, size, declared value) costs with one carrier or with each, cheapest first, from the card valid on the day; the carriers left out and why (switched off, another platform, no card that day, province not covered, no band for the weight)",
          querystring: QuoteQuery,
          response: { 200: QuoteResult },
        },
      },
      async (req) => rateCards.quote(actorOf(req), rateCards.parseQuote(req.query)),
    );
  });
}
