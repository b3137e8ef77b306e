import { LIMITS } from "../../core/limits.js";
import type { CsService } from "./cs.service.js";
import type { CsImportService } from "./cs-import.service.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { refusalIn, warningsIn } from "../orders/orders.presenter.js";
import { Page } from "../shared/common.schema.js";
import {
  AccountPage,
  CsImportSchema,
  DaySchema,
  DaysQuery,
  ImportQuery,
  PageQuery,
  PutAccountsBody,
  PutAccountsResponse,
  SummaryQuery,
  SummarySchema,
} from "./cs.schema.js";

const tags = ["customer service"];

export async function csRoutes(
  parent: App,
  services: { cs: CsService; csImports: CsImportService },
): Promise<void> {
  // Encapsulated so the raw-body parser for the file applies to these routes only.
  await parent.register(async (app: App) => {
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: LIMITS.importUploadMaxBytes },
      (_req, body, done) => done(null, body),
    );

    app.post(
      "/cs-imports",
      {
        schema: {
          tags,
          consumes: ["application/octet-stream"],
          querystring: ImportQuery,
          response: { 201: CsImportSchema },
          summary: `Import a customer-service performance export (千牛/赤兔 客服绩效, CSV or XLSX) sent as the raw body with content-type application/octet-stream (at most ${LIMITS.importUploadMaxBytes / 1048576} MB): all or nothing — 400 lists every problem with row and column, and unlinkedAccounts; the (date, account) rows replace earlier ones. Owner and leads holding the customer_service function`,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            warningsIn(
              requestLocale(req),
              await services.csImports
                .importFile(
                  actorOf(req),
                  req.query.fileName,
                  Buffer.isBuffer(req.body)
                    ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength)
                    : null,
                )
                .catch(refusalIn(requestLocale(req))),
            ),
          ),
    );
    app.get(
      "/cs-imports",
      {
        schema: {
          tags,
          summary: "Customer-service imports, newest first",
          querystring: PageQuery,
          response: { 200: Page(CsImportSchema) },
        },
      },
      async (req) => {
        const page = await services.csImports.history(actorOf(req), {
          limit: req.query.limit ?? LIMITS.pageSizeDefault,
          cursor: req.query.cursor,
        });
        return { ...page, items: page.items.map((i) => warningsIn(requestLocale(req), i)) };
      },
    );
    app.get(
      "/cs-days",
      {
        schema: {
          tags,
          summary: "Imported account-days, newest first (filter by dates, member, account)",
          querystring: DaysQuery,
          response: { 200: Page(DaySchema) },
        },
      },
      async (req) => services.cs.days(actorOf(req), req.query),
    );
    app.get(
      "/cs-metrics/summary",
      {
        schema: {
          tags,
          summary:
            "Inquiry conversion and response times per member and department over a date range",
          querystring: SummaryQuery,
          response: { 200: SummarySchema },
        },
      },
      async (req) => services.cs.summary(actorOf(req), req.query),
    );
    app.get(
      "/cs-accounts",
      {
        schema: {
          tags,
          summary: "Chat accounts and the members they belong to (linked, or seen in the data)",
          response: { 200: AccountPage },
        },
      },
      async (req) => services.cs.accounts(actorOf(req)),
    );
    app.put(
      "/cs-accounts",
      {
        schema: {
          tags,
          summary:
            "Link chat accounts to members (null unlinks); owner and leads holding the customer_service function",
          body: PutAccountsBody,
          response: { 200: PutAccountsResponse },
        },
      },
      async (req) => services.cs.setAccounts(actorOf(req), req.body),
    );
  });
}
