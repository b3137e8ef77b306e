// The after-sales dashboard (GET /api/v1/aftersales/dashboard, docs/AFTERSALES.md "KPIs") and its
// export link. Figures come from the server: counts, amounts in integer fen, rates as fractions.
import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { Query, Reply } from "./contract";

const V1 = "/api/v1/aftersales";

export type AftersalesDashboard = Reply<"getAftersalesDashboard">;
export type AftersalesDashboardFilter = Query<"getAftersalesDashboard">;
export type DashboardFigures = AftersalesDashboard["totals"];

export const useAftersalesDashboard = (f: AftersalesDashboardFilter) =>
  useQuery({
    queryKey: ["aftersales", "dashboard", f],
    queryFn: () => api.get<AftersalesDashboard>(`${V1}/dashboard${qs(f)}`),
  });

export const aftersalesExportUrl = (
  f: AftersalesDashboardFilter,
  format: "csv" | "xlsx",
  lang: "zh-CN" | "en",
) => `${V1}/dashboard/export${qs({ ...f, format, lang })}`;
