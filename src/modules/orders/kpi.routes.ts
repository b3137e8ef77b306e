import ExcelJS from "exceljs";
import { neutralizeFormula } from "../../core/orders/text.js";
import type { ShippingKpiService } from "./shipping.service.js";
import { actorOf, type App } from "../../http/app.js";
import {
  BreakdownSchema,
  KpiExportQuery,
  KpiQuery,
  KpiSchema,
  ShippingQuery,
  ShippingSchema,
} from "./orders.schema.js";
import type { KpiFilter, KpiService } from "./kpi.service.js";

const tags = ["shop data"];
const filterOf = (q: {
  from: string;
  to: string;
  shopId?: string;
  platform?: string;
  granularity?: "day" | "week" | "month";
  repurchase?: boolean;
}): KpiFilter => ({
  from: q.from,
  to: q.to,
  platform: q.platform,
  granularity: q.granularity,
  repurchase: q.repurchase,
  shopIds: q.shopId
    ? q.shopId
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined,
});

const COLUMNS = [
  "period",
  "from",
  "to",
  "gmv",
  "netGmv",
  "paidOrders",
  "aov",
  "itemsPerOrder",
  "refundedOrders",
  "refundAmount",
  "refundRate",
  "refundAmountRate",
  "visitors",
  "buyers",
  "conversion",
  "newCustomers",
] as const;

export async function kpiRoutes(
  app: App,
  services: { kpis: KpiService; shipping: ShippingKpiService },
): Promise<void> {
  app.get(
    "/kpis",
    {
      schema: {
        tags,
        summary: "Shop KPIs for a date range: totals, a series, the previous period, definitions",
        querystring: KpiQuery,
        response: { 200: KpiSchema },
      },
    },
    async (req) => services.kpis.get(actorOf(req), filterOf(req.query)),
  );
  app.get(
    "/kpis/breakdown",
    {
      schema: {
        tags,
        summary: "Split by shop and platform, top products, provinces, refund reasons",
        querystring: KpiQuery,
        response: { 200: BreakdownSchema },
      },
    },
    async (req) => services.kpis.breakdown(actorOf(req), filterOf(req.query)),
  );
  app.get(
    "/kpis/shipping",
    {
      schema: {
        tags,
        summary: "Ship-on-time rate (发货及时率) of the orders paid in a date range",
        querystring: ShippingQuery,
        response: { 200: ShippingSchema },
      },
    },
    async (req) =>
      services.shipping.get(actorOf(req), {
        from: req.query.from,
        to: req.query.to,
        shopIds: filterOf(req.query).shopIds,
      }),
  );
  app.get(
    "/kpis/export",
    {
      schema: {
        tags,
        summary: "The KPI series as CSV (UTF-8 with BOM, opens in Excel) or XLSX",
        querystring: KpiExportQuery,
      },
    },
    async (req, reply) => {
      const k = await services.kpis.get(actorOf(req), filterOf(req.query));
      const rows: (string | number | null)[][] = [
        [...COLUMNS],
        ...k.series.map((s) =>
          COLUMNS.map((c) => s[c as keyof typeof s] as string | number | null),
        ),
        [
          "total",
          k.from,
          k.to,
          ...COLUMNS.slice(3).map(
            (c) => k.totals[c as keyof typeof k.totals] as string | number | null,
          ),
        ],
      ];
      const name = `dayclear-kpis-${k.from}-${k.to}`;
      if (req.query.format === "xlsx") {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("KPIs");
        // Amounts go in as numbers; any other text is made inert.
        for (const r of rows)
          ws.addRow(
            r.map((c) =>
              typeof c === "string"
                ? /^-?\d+\.\d{2}$/.test(c)
                  ? Number(c)
                  : neutralizeFormula(c)
                : c,
            ),
          );
        const buf = await wb.xlsx.writeBuffer();
        return reply
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(Buffer.from(buf));
      }
      const cell = (c: string | number | null) => {
        const s = c === null ? "" : neutralizeFormula(String(c));
        return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      const csv = "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
      return reply
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .type("text/csv; charset=utf-8")
        .send(csv);
    },
  );
}
