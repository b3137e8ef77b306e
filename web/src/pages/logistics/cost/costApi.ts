// Carrier bills and the logistics dashboard (docs/LOGISTICS.md, part cost): the API's shapes from
// the generated contract and TanStack Query hooks over them. Money is the server's decimal text in
// yuan; the browser shows it and never recomputes it.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../../api/client";
import type { Body, Item, Query, Reply } from "../../../api/contract";
import type { Problem } from "../../../api/types";

const V1 = "/api/v1";

export type Bill = Item<"listCarrierBills">;
export type ImportedBill = Reply<"importCarrierBill">;
export type BillLine = Item<"listCarrierBillLines">;
export type BillStatus = BillLine["status"];
export type BillMapping = Item<"listCarrierBillMappings">;
export type NewBillMapping = Body<"createCarrierBillMapping">;
export type BillImportQuery = Omit<Query<"importCarrierBill">, "fileName">;
export type Carrier = Item<"listCarriers">;
export type LogisticsDashboard = Reply<"getLogisticsDashboard">;
export type DashboardFilter = Query<"getLogisticsDashboard">;
/** A refused bill: every problem with its row and column, in the problem body. */
export type BillProblem = NonNullable<Problem["problems"]>[number];

/** The statuses in the order the page lists them: what needs a look first. */
export const BILL_STATUSES = [
  "overcharged",
  "reweighed",
  "unknown",
  "duplicate",
  "not_costed",
  "undercharged",
  "ok",
] as const satisfies readonly BillStatus[];

export const costKeys = {
  bills: ["logistics", "bills"] as const,
  lines: (id: string, statuses: readonly string[], waybill: string) =>
    ["logistics", "bills", id, "lines", statuses, waybill] as const,
  mappings: ["logistics", "bill-mappings"] as const,
  carriers: ["logistics", "carriers"] as const,
  dashboard: (f: DashboardFilter) => ["logistics", "dashboard", f] as const,
};

export const useCarriers = () =>
  useQuery({
    queryKey: costKeys.carriers,
    queryFn: () => api.get<Reply<"listCarriers">>(`${V1}/logistics/carriers`),
  });

export const useBills = () =>
  useQuery({
    queryKey: costKeys.bills,
    queryFn: () => api.get<Reply<"listCarrierBills">>(`${V1}/logistics/bills?limit=50`),
  });

/** A bill's lines, a page at a time (file order), of the chosen statuses and waybill search. */
export const useBillLines = (id: string | undefined, statuses: BillStatus[], waybill: string) =>
  useInfiniteQuery({
    queryKey: costKeys.lines(id ?? "", statuses, waybill),
    enabled: !!id,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: "50" });
      for (const s of statuses) params.append("status", s);
      if (waybill.trim()) params.set("waybill", waybill.trim());
      if (pageParam) params.set("cursor", pageParam);
      return api.get<Reply<"listCarrierBillLines">>(
        `${V1}/logistics/bills/${id!}/lines?${params.toString()}`,
      );
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useBillMappings = () =>
  useQuery({
    queryKey: costKeys.mappings,
    queryFn: () => api.get<Reply<"listCarrierBillMappings">>(`${V1}/logistics/bill-mappings`),
  });

/** Bills, their lines and the dashboard (which shows what bills charged) move together. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["logistics"] });
}

/** Sends the file as the raw body; a refusal arrives as an ApiError whose problem lists rows and columns. */
function sendBill({ file, query }: { file: File; query: BillImportQuery }): Promise<ImportedBill> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${V1}/logistics/bills${qs({ ...query, fileName: file.name })}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as ImportedBill);
      else
        reject(
          new ApiError(
            (data as Problem | undefined) ?? {
              type: "about:blank",
              title: xhr.statusText,
              status: xhr.status,
              detail: "",
            },
          ),
        );
    };
    xhr.send(file);
  });
}

export function useImportBill() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: sendBill, onSuccess: () => void refresh() });
}

export function useReconcileBill() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<Bill>(`${V1}/logistics/bills/${id}/reconcile`),
    onSettled: () => refresh(),
  });
}

export function useDeleteBill() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.del(`${V1}/logistics/bills/${id}`),
    onSettled: () => refresh(),
  });
}

export function useCreateBillMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: NewBillMapping) => api.post<BillMapping>(`${V1}/logistics/bill-mappings`, m),
    onSettled: () => qc.invalidateQueries({ queryKey: costKeys.mappings }),
  });
}

export function useDeleteBillMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`${V1}/logistics/bill-mappings/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: costKeys.mappings }),
  });
}

export const useLogisticsDashboard = (f: DashboardFilter) =>
  useQuery({
    queryKey: costKeys.dashboard(f),
    queryFn: () => api.get<LogisticsDashboard>(`${V1}/logistics/dashboard${qs(f)}`),
    placeholderData: (prev) => prev,
  });

/** The export's link, its headers in the page's language (a link cannot send Accept-Language). */
export const dashboardExportUrl = (
  f: DashboardFilter,
  format: "csv" | "xlsx",
  lang: "zh-CN" | "en",
) => `${V1}/logistics/dashboard/export${qs({ ...f, format, lang })}`;
