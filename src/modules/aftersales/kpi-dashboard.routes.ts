// The after-sales dashboard and its export (docs/AFTERSALES.md, "KPIs").
import ExcelJS from "exceljs";
import { neutralizeFormula } from "../../core/orders/text.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import type { AftersalesDashboardService } from "./kpi-dashboard.service.js";
import { DashboardExportQuery, DashboardQuery, DashboardSchema } from "./kpi-dashboard.schema.js";

const tags = ["aftersales"];
const WHO =
  "The owner and the leads holding customer_service see every case (scope all); a customer_service member the cases they had (scope own, without rates); anyone else 403";

export async function aftersalesDashboardRoutes(
  app: App,
  services: { aftersalesDashboard: AftersalesDashboardService },
): Promise<void> {
  const { aftersalesDashboard } = services;
  app.get(
    "/aftersales/dashboard",
    {
      schema: {
        operationId: "getAftersalesDashboard",
        tags,
        summary: `After-sales KPIs of the local days from…to (optionally one shop): refunds (count, amount in fen, rate over the paid orders), returns and return rate, average handling time, SLA attainment, saved returns and bad reviews turned good — totals and lines by shop, agent, reason and SKU; each total is the sum of its lines. ${WHO}`,
        querystring: DashboardQuery,
        response: { 200: DashboardSchema },
      },
    },
    async (req) => aftersalesDashboard.dashboard(actorOf(req), req.query),
  );
  app.get(
    "/aftersales/dashboard/export",
    {
      schema: {
        operationId: "exportAftersalesDashboard",
        tags,
        summary: `The after-sales dashboard as CSV (UTF-8 with BOM) or XLSX, headed in the reader's language (lang, else Accept-Language); amounts in yuan, rates in percent. ${WHO}`,
        querystring: DashboardExportQuery,
      },
    },
    async (req, reply) => {
      const { format, lang, ...query } = req.query;
      const { from, to, rows } = await aftersalesDashboard.exportRows(
        actorOf(req),
        query,
        lang ?? requestLocale(req),
      );
      const name = `dayclear-aftersales-${from}-${to}`;
      if (format === "xlsx") {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("aftersales");
        // Amounts and rates go in as numbers; any other text is made inert.
        for (const r of rows)
          ws.addRow(
            r.map((c) =>
              typeof c === "string" && /^-?\d+(\.\d+)?$/.test(c)
                ? Number(c)
                : typeof c === "string"
                  ? neutralizeFormula(c)
                  : c,
            ),
          );
        const buf = await wb.xlsx.writeBuffer();
        return reply
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(Buffer.from(buf));
      }
      const cell = (c: string | number) => {
        const s = neutralizeFormula(String(c));
        return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      return reply
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .type("text/csv; charset=utf-8")
        .send("\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n");
    },
  );
}
