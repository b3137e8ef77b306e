import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import type { ShopService } from "./shop.service.js";
import type { ImportService } from "./import.service.js";
import type { OrderService } from "./order.service.js";
import type { AttributionService } from "./attribution.service.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn, summaryIn, warningsIn } from "./orders.presenter.js";
import { IdParams, Page } from "../shared/common.schema.js";
import {
  CreateMappingBody,
  CreateShopBody,
  CustomerSchema,
  ImportBody,
  ImportSchema,
  MappingParams,
  MappingSchema,
  OrderDetailSchema,
  OrderListQuery,
  OrderSchema,
  PreviewSchema,
  RangeQuery,
  ShopPageQuery,
  ShopSchema,
  UpdateMappingBody,
  UpdateShopBody,
  UploadQuery,
  UploadSchema,
  VisitorsBody,
} from "./orders.schema.js";
import { attributionRoutes } from "./attribution.routes.js";

const tags = ["shop data"];
const VisitorPage = Page(Type.Object({ date: Type.String(), visitors: Type.Integer() }));

export async function orderRoutes(
  parent: App,
  services: {
    shops: ShopService;
    imports: ImportService;
    orders: OrderService;
    attribution: AttributionService;
  },
): Promise<void> {
  // Encapsulated so the raw-body parser for uploads applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );

    app.get(
      "/shops",
      { schema: { tags, summary: "The workspace's shops", response: { 200: Page(ShopSchema) } } },
      async (req) => services.shops.list(actorOf(req)),
    );
    app.post(
      "/shops",
      {
        schema: {
          tags,
          summary: "Add a shop (owner, leads holding the operations function)",
          body: CreateShopBody,
          response: { 201: ShopSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await services.shops.create(actorOf(req), req.body)),
    );
    app.get(
      "/shops/:id",
      { schema: { tags, summary: "A shop", params: IdParams, response: { 200: ShopSchema } } },
      async (req) => services.shops.get(actorOf(req), req.params.id),
    );
    app.patch(
      "/shops/:id",
      {
        schema: {
          tags,
          summary: "Change a shop (send the version you read)",
          params: IdParams,
          body: UpdateShopBody,
          response: { 200: ShopSchema },
        },
      },
      async (req) => services.shops.update(actorOf(req), req.params.id, req.body),
    );

    app.get(
      "/shops/:id/mappings",
      {
        schema: {
          tags,
          summary: "Saved column mappings of a shop",
          params: IdParams,
          response: { 200: Page(MappingSchema) },
        },
      },
      async (req) => services.shops.mappings(actorOf(req), req.params.id),
    );
    app.post(
      "/shops/:id/mappings",
      {
        schema: {
          tags,
          summary: "Save a column mapping (use it with format mapping:NAME)",
          params: IdParams,
          body: CreateMappingBody,
          response: { 201: MappingSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await services.shops.createMapping(actorOf(req), req.params.id, {
            name: req.body.name,
            mapping: req.body.mapping,
          }),
        ),
    );
    app.patch(
      "/shops/:id/mappings/:mappingId",
      {
        schema: {
          tags,
          summary: "Change a column mapping",
          params: MappingParams,
          body: UpdateMappingBody,
          response: { 200: MappingSchema },
        },
      },
      async (req) =>
        services.shops.updateMapping(actorOf(req), req.params.id, req.params.mappingId, {
          ...req.body,
        }),
    );
    app.delete(
      "/shops/:id/mappings/:mappingId",
      {
        schema: {
          tags,
          summary: "Delete a column mapping",
          params: MappingParams,
          response: { 204: Type.Null() },
        },
      },
      async (req, reply) => {
        await services.shops.deleteMapping(actorOf(req), req.params.id, req.params.mappingId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/shops/:id/uploads",
      {
        schema: {
          tags,
          summary: `Stage a file for import: the raw bytes as the body with content-type application/octet-stream (at most ${LIMITS.importUploadMaxBytes / 1048576} MB)`,
          params: IdParams,
          querystring: UploadQuery,
          consumes: ["application/octet-stream"],
          response: { 201: UploadSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await services.imports
              .upload(
                actorOf(req),
                req.params.id,
                req.query.fileName,
                Buffer.isBuffer(req.body)
                  ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength)
                  : null,
              )
              .catch(refusalIn(requestLocale(req))),
          ),
    );
    app.post(
      "/shops/:id/imports/preview",
      {
        schema: {
          tags,
          summary: "What an import of staged files would do; writes nothing",
          params: IdParams,
          body: ImportBody,
          response: { 200: PreviewSchema },
        },
      },
      async (req) =>
        summaryIn(
          requestLocale(req),
          await services.imports.preview(actorOf(req), req.params.id, req.body),
        ),
    );
    app.post(
      "/shops/:id/imports",
      {
        schema: {
          tags,
          summary:
            "Import staged files: all or nothing (400 lists every problem with row and column)",
          params: IdParams,
          body: ImportBody,
          response: { 201: ImportSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            warningsIn(
              requestLocale(req),
              await services.imports
                .commit(actorOf(req), req.params.id, req.body)
                .catch(refusalIn(requestLocale(req))),
            ),
          ),
    );
    app.get(
      "/shops/:id/imports",
      {
        schema: {
          tags,
          summary: "Import history of a shop, newest first",
          params: IdParams,
          querystring: ShopPageQuery,
          response: { 200: Page(ImportSchema) },
        },
      },
      async (req) => {
        const page = await services.imports.history(actorOf(req), req.params.id, {
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
          cursor: req.query.cursor,
        });
        return { ...page, items: page.items.map((i) => warningsIn(requestLocale(req), i)) };
      },
    );
    app.get(
      "/imports/:id",
      {
        schema: { tags, summary: "One import", params: IdParams, response: { 200: ImportSchema } },
      },
      async (req) =>
        warningsIn(requestLocale(req), await services.imports.get(actorOf(req), req.params.id)),
    );
    app.post(
      "/imports/:id/rollback",
      {
        schema: {
          tags,
          summary: "Roll an import back (409 when a later import changed the same orders)",
          params: IdParams,
          response: { 200: ImportSchema },
        },
      },
      async (req) =>
        warningsIn(
          requestLocale(req),
          await services.imports.rollback(actorOf(req), req.params.id),
        ),
    );

    app.get(
      "/shops/:id/visitors",
      {
        schema: {
          tags,
          summary: "Daily visitor counts",
          params: IdParams,
          querystring: RangeQuery,
          response: { 200: VisitorPage },
        },
      },
      async (req) =>
        services.shops.visitors(actorOf(req), req.params.id, req.query.from, req.query.to),
    );
    app.put(
      "/shops/:id/visitors",
      {
        schema: {
          tags,
          summary: "Type in daily visitor counts (null removes a day)",
          params: IdParams,
          body: VisitorsBody,
          response: { 200: VisitorPage },
        },
      },
      async (req) => services.shops.setVisitors(actorOf(req), req.params.id, req.body.days),
    );
    app.get(
      "/shops/:id/customers",
      {
        schema: {
          tags,
          summary: "Customers derived from orders (identity chosen per shop)",
          params: IdParams,
          querystring: ShopPageQuery,
          response: { 200: Page(CustomerSchema) },
        },
      },
      async (req) =>
        services.shops.customers(actorOf(req), req.params.id, {
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
          cursor: req.query.cursor,
        }),
    );

    app.get(
      "/orders",
      {
        schema: {
          tags,
          summary: "Orders, newest first (filter by shop, payment date, status, owner)",
          querystring: OrderListQuery,
          response: { 200: Page(OrderSchema) },
        },
      },
      async (req) =>
        services.orders.list(actorOf(req), {
          ...req.query,
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
        }),
    );
    app.get(
      "/orders/:id",
      {
        schema: {
          tags,
          summary: "An order with its lines, refunds and source rows",
          params: IdParams,
          response: { 200: OrderDetailSchema },
        },
      },
      async (req) => services.orders.get(actorOf(req), req.params.id),
    );
    await attributionRoutes(app, services);
  });
}
