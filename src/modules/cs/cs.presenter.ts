// Customer-service rows and totals → API shapes.
import { addDay, csKpiText, emptyTotals, type CsTotals } from "../../core/cs/cs-metrics.js";
import { formatMoney } from "../../core/money.js";
import type { CsAgentDaysTable, CsImportsTable } from "../../db/schema.js";
import { storedWarnings } from "../../core/orders/index.js";

export const presentMetrics = (t: CsTotals) => ({
  days: t.days,
  inquirers: t.inquirers,
  paying: t.paying,
  conversion: csKpiText(t, "inquiryConversion"),
  firstResponse: csKpiText(t, "firstResponse"),
  averageResponse: csKpiText(t, "averageResponse"),
  consultations: t.consultations,
  received: t.received,
  sales: formatMoney(t.salesFen),
});

export function presentDay(r: CsAgentDaysTable, names: Map<string, string>) {
  const t = addDay(emptyTotals(), {
    inquirers: r.inquirers,
    paying: r.payingInquirers,
    consultations: r.consultations,
    received: r.received,
    firstResponseTenths: r.firstResponseTenths,
    avgResponseTenths: r.avgResponseTenths,
    salesFen: r.salesFen,
  });
  return {
    date: r.date,
    account: r.account,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? "",
    inquirers: r.inquirers,
    paying: r.payingInquirers,
    conversion: csKpiText(t, "inquiryConversion"),
    firstResponse: r.firstResponseTenths === null ? null : (r.firstResponseTenths / 10).toFixed(1),
    averageResponse: r.avgResponseTenths === null ? null : (r.avgResponseTenths / 10).toFixed(1),
    consultations: r.consultations,
    received: r.received,
    sales: r.salesFen === null ? null : formatMoney(Number(r.salesFen)),
    importId: r.importId,
  };
}

export const presentImport = (r: CsImportsTable) => ({
  id: r.id,
  fileName: r.fileName,
  encoding: r.encoding,
  days: r.days,
  replaced: r.replaced,
  created: r.days - r.replaced,
  accounts: r.accounts,
  from: r.fromDate,
  to: r.toDate,
  warnings: storedWarnings(r.warnings),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});
