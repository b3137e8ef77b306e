// Customers (客户, docs/CUSTOMERS.md): the list with RFM segments, one customer's page, the RFM map
// with its visible cut-offs, dormant customers and their export for a win-back campaign. Reading is
// customers.read (the owner, the leads holding operations or customer_service, the people of such
// a department); the export is customers.export (the owner and those leads).
import ExcelJS from "exceljs";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import type { CustomersService } from "./customers.service.js";
import {
  CustomerPageSchema,
  CustomerParams,
  CustomerQuery,
  CustomerSchema,
  DormantExportQuery,
  DormantPageSchema,
  DormantQuery,
  ListQuery,
  RfmQuery,
  RfmSchema,
} from "./customers.schema.js";

const tags = ["customers"];
const READ =
  "For the owner, the leads holding the operations or customer_service function and the people of such a department (customers.read); 403 otherwise; another workspace's shop or customer 404";
const EXPORT =
  "For the owner and the leads holding the operations or customer_service function (customers.export); 403 otherwise";

export async function customerRoutes(
  app: App,
  services: { customers: CustomersService },
): Promise<void> {
  const { customers } = services;
  app.get(
    "/customers",
    {
      schema: {
        operationId: "listCustomers",
        tags,
        summary: `A shop's customers (those with a paid order up to asOf), most valuable first (spend in the window, then all-time spend, then the latest order), each with its R, F and M scores, its segment and class (null without an order in the window); q searches the buyer as shown and the key, segment keeps one segment. ${READ}`,
        querystring: ListQuery,
        response: { 200: CustomerPageSchema },
      },
    },
    async (req) => customers.list(actorOf(req), { limit: 50, ...req.query }),
  );
  app.get(
    "/customers/rfm",
    {
      schema: {
        operationId: "customersRfm",
        tags,
        summary: `RFM of a shop's customers over a window (default 365 days up to today): one object per segment with its count and the cut-offs of its R×F cells, the four cut-offs of R, F and M, the Chinese eight classes with their centres, the 5×5 grid's counts and the repurchase rates with numerator and denominator. ${READ}`,
        querystring: RfmQuery,
        response: { 200: RfmSchema },
      },
    },
    async (req) => customers.rfm(actorOf(req), req.query),
  );
  app.get(
    "/customers/dormant",
    {
      schema: {
        operationId: "listDormantCustomers",
        tags,
        summary: `Dormant customers of a shop: no paid order for \`days\` or more (default 90), most valuable first, with the rule as a message. ${READ}`,
        querystring: DormantQuery,
        response: { 200: DormantPageSchema },
      },
    },
    async (req) => customers.dormant(actorOf(req), { limit: 50, ...req.query }),
  );
  app.get(
    "/customers/dormant/export",
    {
      schema: {
        operationId: "exportDormantCustomers",
        tags,
        summary: `The dormant list as CSV (UTF-8 with BOM) or XLSX for a win-back campaign, headed in the reader's language; amounts as decimals. ${EXPORT}`,
        querystring: DormantExportQuery,
      },
    },
    async (req, reply) => {
      const { asOf, days, rows } = await customers.dormantExport(
        actorOf(req),
        req.query,
        requestLocale(req),
      );
      const name = `dormant-customers-${days}d-${asOf}`;
      if (req.query.format === "xlsx") {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("dormant");
        for (const r of rows) ws.addRow(r);
        const buf = await wb.xlsx.writeBuffer();
        return reply
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(Buffer.from(buf));
      }
      const cell = (c: string | number) => {
        const s = String(c);
        return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      return reply
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .type("text/csv; charset=utf-8")
        .send("\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n");
    },
  );
  app.get(
    "/customers/:id",
    {
      schema: {
        operationId: "getCustomer",
        tags,
        summary: `A customer's page: identity as the platform gave it (masked), totals in SQL over all their orders, the latest 200 orders, their after-sales cases, and how their RFM scores, segment and class were found (null without an order in the window). ${READ}`,
        params: CustomerParams,
        querystring: CustomerQuery,
        response: { 200: CustomerSchema },
      },
    },
    async (req) => customers.get(actorOf(req), req.params.id, req.query),
  );
}
