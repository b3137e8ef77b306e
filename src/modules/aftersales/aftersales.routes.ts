// After-sales cases (售后, docs/AFTERSALES.md): the queue, one case with its history, a case opened by
// hand, moves between states, imports of the platforms' after-sales exports and saved mappings.
// Reading is everyone's (aftersales.read); working cases and importing is the customer-service
// people's (aftersales.handle); saved mappings are managed by the owner and the customer-service
// leads (aftersales.manage).
import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn, warningsIn } from "../orders/orders.presenter.js";
import { IdParams } from "../shared/common.schema.js";
import type { CaseImportService } from "./case-import.service.js";
import type { CaseMappingService } from "./case-mappings.service.js";
import type { CaseService } from "./cases.service.js";
import {
  CaseDetailSchema,
  CaseImportQuery,
  CaseImportSchema,
  CaseListQuery,
  CaseMappingBody,
  CaseMappingSchema,
  CaseMappingUpdateBody,
  CasePageSchema,
  CreateCaseBody,
  ReturnRulesBody,
  ReturnRulesSchema,
  TransitionBody,
} from "./aftersales.schema.js";

const tags = ["aftersales"];
const READ = "Everyone in the workspace (aftersales.read)";
const HANDLE =
  "For the people of a department whose function is customer_service, their leads and the owner (aftersales.handle); 403 otherwise";
const MANAGE =
  "For the owner and the leads holding the customer_service function (aftersales.manage); 403 otherwise";

export async function aftersalesRoutes(
  parent: App,
  services: {
    cases: CaseService;
    caseImports: CaseImportService;
    caseMappings: CaseMappingService;
  },
): Promise<void> {
  const { cases, caseImports, caseMappings } = services;
  // Encapsulated so the raw-body parser for after-sales files applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );

    app.get(
      "/aftersales/cases",
      {
        schema: {
          operationId: "listAftersalesCases",
          tags,
          summary: `After-sales cases (售后单): soonest due first (no deadline last), then the oldest opened; filters by state (comma-separated, or open), type, shop and assignee (me, none, a member). The refunds the order imports carried become cases before the list is read. ${READ}`,
          querystring: CaseListQuery,
          response: { 200: CasePageSchema },
        },
      },
      async (req) => cases.list(actorOf(req), req.query),
    );
    app.post(
      "/aftersales/cases",
      {
        schema: {
          operationId: "createAftersalesCase",
          tags,
          summary: `Open a case by hand from an order (state new, source manual), with the order's lines it is about; audited. ${HANDLE}`,
          body: CreateCaseBody,
          response: { 201: CaseDetailSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await cases.create(actorOf(req), req.body)),
    );
    app.get(
      "/aftersales/cases/:id",
      {
        schema: {
          operationId: "getAftersalesCase",
          tags,
          summary: `One case with its lines, its history (who did what when) and the intervals it waited for the buyer. ${READ}`,
          params: IdParams,
          response: { 200: CaseDetailSchema },
        },
      },
      async (req) => cases.get(actorOf(req), req.params.id),
    );
    app.post(
      "/aftersales/cases/:id/transitions",
      {
        schema: {
          operationId: "transitionAftersalesCase",
          tags,
          summary: `Move a case: a move the state does not allow is refused with 409 and its code (case.transition.not_allowed, finished, no_return, inspect_first, inspection_failed; \`allowed\` lists the moves there are); a missing outcome or inspection with 400 naming the field; a stale version with 409. An allowed move appends the history and the audit log; waiting for the buyer pauses the clocks. ${HANDLE}`,
          params: IdParams,
          body: TransitionBody,
          response: { 200: CaseDetailSchema },
        },
      },
      async (req) => cases.transition(actorOf(req), req.params.id, req.body),
    );

    app.post(
      "/aftersales/imports",
      {
        schema: {
          operationId: "importAftersalesCases",
          tags,
          consumes: ["application/octet-stream"],
          querystring: CaseImportQuery,
          response: { 200: CaseImportSchema },
          summary: `Import a platform's after-sales export (Taobao/Tmall 退款管理, JD 服务单, Pinduoduo/Douyin 售后单, Shopify returns, WooCommerce refunds; CSV in GBK or UTF-8, or XLSX; at most ${LIMITS.importUploadMaxBytes / 1048576} MB) sent as the raw body (application/octet-stream), or any layout through a saved mapping (format=mapping:NAME). All or nothing: 400 lists every problem with row and column and nothing is stored. Importing again updates the cases (the platform's case id is the key), never duplicates them. ${HANDLE}`,
        },
      },
      async (req) =>
        warningsIn(
          requestLocale(req),
          await caseImports
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
              { format: req.query.format, dryRun: req.query.dryRun },
            )
            .then(({ errors: _errors, ...rest }) => rest)
            .catch(refusalIn(requestLocale(req))),
        ),
    );

    app.get(
      "/aftersales/mappings",
      {
        schema: {
          operationId: "listAftersalesMappings",
          tags,
          summary: `Saved after-sales mappings (a file layout: the header of each field), by name. ${READ}`,
          response: { 200: Type.Object({ items: Type.Array(CaseMappingSchema) }) },
        },
      },
      async (req) => ({ items: await caseMappings.list(actorOf(req)) }),
    );
    app.post(
      "/aftersales/mappings",
      {
        schema: {
          operationId: "createAftersalesMapping",
          tags,
          summary: `Save an after-sales mapping (409 when the name is taken); audited. ${MANAGE}`,
          body: CaseMappingBody,
          response: { 201: CaseMappingSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await caseMappings.create(actorOf(req), req.body)),
    );
    app.put(
      "/aftersales/mappings/:id",
      {
        schema: {
          operationId: "updateAftersalesMapping",
          tags,
          summary: `Change a saved after-sales mapping (409 on a stale version or a taken name); audited. ${MANAGE}`,
          params: IdParams,
          body: CaseMappingUpdateBody,
          response: { 200: CaseMappingSchema },
        },
      },
      async (req) => caseMappings.update(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      "/aftersales/mappings/:id",
      {
        schema: {
          operationId: "deleteAftersalesMapping",
          tags,
          summary: `Delete a saved after-sales mapping; audited. ${MANAGE}`,
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (req, reply) => {
        await caseMappings.remove(actorOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/aftersales/return-rules",
      {
        schema: {
          operationId: "getAftersalesReturnRules",
          tags,
          summary: `Whether returned goods are inspected before they are refunded (version 0 while never saved). ${READ}`,
          response: { 200: ReturnRulesSchema },
        },
      },
      async (req) => caseMappings.returnRules(actorOf(req)),
    );
    app.put(
      "/aftersales/return-rules",
      {
        schema: {
          operationId: "putAftersalesReturnRules",
          tags,
          summary: `Turn inspecting returned goods before refunding on or off (with version; 0 the first time; 409 stale); audited. Cases waiting to be refunded follow the rule at once. ${MANAGE}`,
          body: ReturnRulesBody,
          response: { 200: ReturnRulesSchema },
        },
      },
      async (req) => caseMappings.putReturnRules(actorOf(req), req.body),
    );
  });
}
