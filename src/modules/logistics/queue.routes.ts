// The queue, parcels and batches (and their print data). Reading is everyone's (logistics.read);
// making, splitting and undoing parcels, batches and SKU settings are the packers' (logistics.pack).
import { LIMITS } from "../../core/limits.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import type { ParcelService } from "./parcels.service.js";
import type { ShipQueueService } from "./queue.service.js";
import {
  BatchListQuery,
  BatchPageSchema,
  BatchSchema,
  CreateBatchBody,
  CreateParcelsBody,
  ManifestQuery,
  ManifestSchema,
  ParcelListSchema,
  ParcelSchema,
  PickListSchema,
  ProposalsSchema,
  PutSkuBody,
  QueuePageSchema,
  QueueQuery,
  QueueSummarySchema,
  ShopQuery,
  SkuPageSchema,
  SkuParams,
  SkuQuery,
  SkuSettingSchema,
  SlipsSchema,
  SplitBody,
  UndoSchema,
  VersionBody,
} from "./queue.schema.js";

const tags = ["logistics"];
const read = "Everyone in the workspace";
const pack =
  "The people of a logistics department, their leads and the owner (logistics.pack); 403 otherwise";

export async function queueRoutes(
  app: App,
  services: { shipQueue: ShipQueueService; parcels: ParcelService },
): Promise<void> {
  const { shipQueue, parcels } = services;

  app.get(
    "/logistics/queue",
    {
      schema: {
        tags,
        operationId: "listShipQueue",
        summary: `待发货: paid, unshipped, not cancelled, not fully refunded orders that no shipped parcel has taken, earliest ship-by first (ship-by = promised time, else paid_at + the shop's window), with a countdown; filters by shop, platform, province, carrier, SKU, memo, overdue, in a parcel. ${read}`,
        querystring: QueueQuery,
        response: { 200: QueuePageSchema },
      },
    },
    async (req) => shipQueue.page(actorOf(req), req.query),
  );
  app.get(
    "/logistics/queue/summary",
    {
      schema: {
        tags,
        operationId: "getShipQueueSummary",
        summary: `The queue's length per shop, how much is overdue and due within 24 hours, and the carriers to filter by. ${read}`,
        response: { 200: QueueSummarySchema },
      },
    },
    async (req) => shipQueue.summary(actorOf(req)),
  );
  app.get(
    "/logistics/queue/merge-proposals",
    {
      schema: {
        tags,
        operationId: "listMergeProposals",
        summary: `合单 proposals: orders of one shop to the same recipient (platform buyer id and address, or name + phone + address as the platform gives them), paid, not refunded, in no parcel; each with its reason as a message. ${read}`,
        querystring: ShopQuery,
        response: { 200: ProposalsSchema },
      },
    },
    async (req) => shipQueue.proposals(actorOf(req), req.query),
  );

  app.post(
    "/logistics/parcels",
    {
      schema: {
        tags,
        operationId: "createParcels",
        summary: `Parcels from queue orders: one per order, or with merge one parcel for orders of one shop and recipient. 409 when an order cannot ship or is already in a parcel. ${pack}`,
        body: CreateParcelsBody,
        response: { 201: ParcelListSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await parcels.create(actorOf(req), req.body)),
  );
  app.post(
    "/logistics/parcels/split",
    {
      schema: {
        tags,
        operationId: "splitOrder",
        summary: `Splits one queue order's lines over several parcels (lines and quantities, every piece in exactly one parcel); 400 names each problem. ${pack}`,
        body: SplitBody,
        response: { 201: ParcelListSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await parcels.split(actorOf(req), req.body)),
  );
  app.get(
    "/logistics/parcels/:id",
    {
      schema: {
        tags,
        operationId: "getParcel",
        summary: `A parcel with its orders and the lines it holds. ${read}`,
        params: IdParams,
        response: { 200: ParcelSchema },
      },
    },
    async (req) => parcels.get(actorOf(req), req.params.id),
  );
  app.post(
    "/logistics/parcels/:id/undo",
    {
      schema: {
        tags,
        operationId: "undoParcel",
        summary: `Undoes a parcel before it ships (a merge; a split with its other parts): its orders are back in the queue with no parcel. 409 on a stale version or a shipped parcel. ${pack}`,
        params: IdParams,
        body: VersionBody,
        response: { 200: UndoSchema },
      },
    },
    async (req) => parcels.undo(actorOf(req), req.params.id, req.body),
  );

  app.get(
    "/logistics/batches",
    {
      schema: {
        tags,
        operationId: "listShipBatches",
        summary: `Batches (波次), newest first, with their parcel counts. ${read}`,
        querystring: BatchListQuery,
        response: { 200: BatchPageSchema },
      },
    },
    async (req) =>
      parcels.listBatches(actorOf(req), {
        limit: req.query.limit ?? LIMITS.pageSizeDefault,
        cursor: req.query.cursor,
      }),
  );
  app.post(
    "/logistics/batches",
    {
      schema: {
        tags,
        operationId: "createShipBatch",
        summary: `A batch of parcels and queue orders (an order with no parcel gets one), numbered B + date + sequence. 409 when a parcel is in another batch or shipped. ${pack}`,
        body: CreateBatchBody,
        response: { 201: BatchSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await parcels.createBatch(actorOf(req), req.body)),
  );
  app.get(
    "/logistics/batches/:id",
    {
      schema: {
        tags,
        operationId: "getShipBatch",
        summary: `A batch (by id or number) with its parcels and counts by status. ${read}`,
        params: IdParams,
        response: { 200: BatchSchema },
      },
    },
    async (req) => parcels.batch(actorOf(req), req.params.id),
  );
  app.post(
    "/logistics/batches/:id/printed",
    {
      schema: {
        tags,
        operationId: "markShipBatchPrinted",
        summary: `Marks a batch printed (again: the time moves). ${pack}`,
        params: IdParams,
        body: VersionBody,
        response: { 200: BatchSchema },
      },
    },
    async (req) =>
      parcels.markBatch(actorOf(req), req.params.id, {
        version: req.body.version,
        status: "printed",
      }),
  );
  app.post(
    "/logistics/batches/:id/handed-over",
    {
      schema: {
        tags,
        operationId: "markShipBatchHandedOver",
        summary: `Marks a batch handed over to the carriers (at least one parcel shipped); it changes no more. ${pack}`,
        params: IdParams,
        body: VersionBody,
        response: { 200: BatchSchema },
      },
    },
    async (req) =>
      parcels.markBatch(actorOf(req), req.params.id, {
        version: req.body.version,
        status: "handed_over",
      }),
  );
  app.get(
    "/logistics/batches/:id/pick-list",
    {
      schema: {
        tags,
        operationId: "getShipBatchPickList",
        summary: `The pick list: SKU totals over the batch's parcels with each SKU's location, by location then SKU. ${read}`,
        params: IdParams,
        response: { 200: PickListSchema },
      },
    },
    async (req) => parcels.paper.pickList(actorOf(req), req.params.id),
  );
  app.get(
    "/logistics/batches/:id/slips",
    {
      schema: {
        tags,
        operationId: "getShipBatchSlips",
        summary: `Packing slips, one per parcel: recipient, orders, items (gifts = zero price), memos, the parcel id for its barcode. ${read}`,
        params: IdParams,
        response: { 200: SlipsSchema },
      },
    },
    async (req) => parcels.paper.slips(actorOf(req), req.params.id),
  );
  app.get(
    "/logistics/manifest",
    {
      schema: {
        tags,
        operationId: "getHandoverManifest",
        summary: `The hand-over manifest (交接单): shipped parcels of a batch (batchId) or of a day of the workspace's calendar (date), per carrier, with waybills, counts and weights. ${read}`,
        querystring: ManifestQuery,
        response: { 200: ManifestSchema },
      },
    },
    async (req) => parcels.paper.manifest(actorOf(req), req.query),
  );

  app.get(
    "/logistics/skus",
    {
      schema: {
        tags,
        operationId: "listSkuSettings",
        summary: `SKU settings (location, weight of one piece in grams), by SKU. ${read}`,
        querystring: SkuQuery,
        response: { 200: SkuPageSchema },
      },
    },
    async (req) =>
      parcels.skus(actorOf(req), {
        prefix: req.query.prefix,
        cursor: req.query.cursor,
        limit: req.query.limit ?? LIMITS.pageSizeDefault,
      }),
  );
  app.put(
    "/logistics/skus/:sku",
    {
      schema: {
        tags,
        operationId: "putSkuSetting",
        summary: `Sets a SKU's location and weight (grams); both null removes the setting. ${pack}`,
        params: SkuParams,
        body: PutSkuBody,
        response: { 200: SkuSettingSchema },
      },
    },
    async (req) => parcels.setSku(actorOf(req), req.params.sku, req.body),
  );
}
