// The shop-data endpoints (docs/SHOP-DATA.md) for the dashboard and import pages.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../api/client";
import type { Page } from "../../api/types";

const V1 = "/api/v1";

export interface Shop {
  id: string;
  platform: string;
  name: string;
  currency: string;
  customerIdentity: string;
  shipWindowHours: number;
  orders: number;
  version: number;
}
export interface KpiValues {
  gmv: string;
  netGmv: string;
  paidOrders: number;
  aov: string;
  itemsPerOrder: number | null;
  refundRate: number | null;
  refundAmountRate: number | null;
  refundedOrders: number;
  refundAmount: string;
  conversion: number | null;
  visitors: number;
  buyers: number;
  newCustomers: number;
  items: number;
}
export interface Kpis {
  currency: string;
  from: string;
  to: string;
  granularity: string;
  excludedShopIds: string[];
  totals: KpiValues & {
    repurchaseRate: number | null;
    customers: number | null;
    returningCustomers: number | null;
  };
  previous: { from: string; to: string; totals: KpiValues };
  series: (KpiValues & { period: string; from: string; to: string })[];
  previousSeries: (KpiValues & { period: string; from: string; to: string })[];
  definitions: Record<string, { zh: string; en: string }>;
}
export interface Breakdown {
  currency: string;
  byShop: {
    shopId: string;
    name: string;
    platform: string;
    paidOrders: number;
    gmv: string;
    refund: string;
  }[];
  byPlatform: { platform: string; paidOrders: number; gmv: string; refund: string }[];
  topProducts: { productKey: string; title: string; quantity: number; sales: string }[];
  provinces: { province: string; paidOrders: number; gmv: string }[];
  refundReasons: { reason: string; refunds: number; amount: string }[];
}
/** A problem of an import; `code`/`params` (e.g. shop.cell.not_amount) give its text in the reader's language. */
export interface ImportProblem {
  file: string;
  row: number;
  column: string;
  code: string;
  params: Record<string, unknown>;
  /** The server's text, in the language the request asked for. */
  message: string;
}
/** A note on an import that went ahead (an unknown status read as paid …). */
export interface ImportNote {
  file?: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}
export interface FileInfo {
  file: string;
  encoding: string;
  platform: string;
  kind: string;
  /** The format's id: its name in each language is the message shop.format.<id>. */
  profile?: string;
  label: string;
  version: string;
  rows: number;
  unknownColumns: string[];
}
export interface PreviewOrder {
  platformOrderId: string;
  status: string;
  rawStatus: string;
  paidAt: string | null;
  total: string;
  currency: string;
  province: string | null;
  items: { title: string; quantity: number }[];
}
export interface Preview {
  orders: number;
  lineItems: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  errors: ImportProblem[];
  warnings: ImportNote[];
  platform: string | null;
  files: FileInfo[];
  sample: PreviewOrder[];
}
export interface ImportRecord {
  id: string;
  platform: string | null;
  format: string;
  files: FileInfo[];
  status: string;
  orders: number;
  created: number;
  updated: number;
  skipped: number;
  refunds: number;
  visitorDays: number;
  createdAt: string;
  rolledBackAt: string | null;
}
export interface Upload {
  id: string;
  fileName: string;
  size: number;
  headers: string[];
  sampleRows: string[][];
}
export interface Mapping {
  id: string;
  name: string;
  mapping: { fields: Record<string, string>; utcOffset?: string };
  version: number;
}

export interface KpiFilter {
  from: string;
  to: string;
  shopId?: string;
  granularity?: string;
  repurchase?: boolean;
}

export const useShops = () =>
  useQuery({ queryKey: ["shops"], queryFn: () => api.get<Page<Shop>>(`${V1}/shops`) });
export const useKpis = (f: KpiFilter) =>
  useQuery({
    queryKey: ["kpis", f],
    queryFn: () =>
      api.get<Kpis>(`${V1}/kpis${qs({ ...f, repurchase: f.repurchase ? "true" : undefined })}`),
  });
export interface Shipping {
  from: string;
  to: string;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  rate: number | null;
}
export const useShipping = (f: KpiFilter) =>
  useQuery({
    queryKey: ["kpis", "shipping", f.from, f.to, f.shopId],
    queryFn: () =>
      api.get<Shipping>(`${V1}/kpis/shipping${qs({ from: f.from, to: f.to, shopId: f.shopId })}`),
  });
export const useBreakdown = (f: KpiFilter) =>
  useQuery({
    queryKey: ["kpis", "breakdown", f],
    queryFn: () =>
      api.get<Breakdown>(`${V1}/kpis/breakdown${qs({ from: f.from, to: f.to, shopId: f.shopId })}`),
  });
export const exportUrl = (f: KpiFilter, format: "csv" | "xlsx") =>
  `${V1}/kpis/export${qs({ from: f.from, to: f.to, shopId: f.shopId, granularity: f.granularity, format })}`;
export const useImports = (shopId: string | undefined) =>
  useQuery({
    queryKey: ["imports", shopId],
    enabled: !!shopId,
    queryFn: () => api.get<Page<ImportRecord>>(`${V1}/shops/${shopId}/imports?limit=20`),
  });
export const useMappings = (shopId: string | undefined) =>
  useQuery({
    queryKey: ["mappings", shopId],
    enabled: !!shopId,
    queryFn: () => api.get<Page<Mapping>>(`${V1}/shops/${shopId}/mappings`),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ["shops", "imports", "kpis", "mappings"].map((k) => qc.invalidateQueries({ queryKey: [k] })),
    );
}

export function useCreateShop() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: {
      name: string;
      platform: string;
      currency?: string;
      shipWindowHours?: number;
    }) => api.post<Shop>(`${V1}/shops`, b),
    onSuccess: () => void refresh(),
  });
}
export const usePreview = () =>
  useMutation({
    mutationFn: (b: { shopId: string; uploadIds: string[]; format: string }) =>
      api.post<Preview>(`${V1}/shops/${b.shopId}/imports/preview`, {
        uploadIds: b.uploadIds,
        format: b.format,
      }),
  });
export function useCommit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: { shopId: string; uploadIds: string[]; format: string }) =>
      api.post<ImportRecord>(`${V1}/shops/${b.shopId}/imports`, {
        uploadIds: b.uploadIds,
        format: b.format,
      }),
    onSuccess: () => void refresh(),
  });
}
export function useRollback() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportRecord>(`${V1}/imports/${id}/rollback`),
    onSuccess: () => void refresh(),
  });
}
export function useSaveMapping() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: { shopId: string; name: string; mapping: Mapping["mapping"] }) =>
      api.post<Mapping>(`${V1}/shops/${b.shopId}/mappings`, { name: b.name, mapping: b.mapping }),
    onSuccess: () => void refresh(),
  });
}

/** Sends a file as the raw body, reporting upload progress (fetch cannot). */
export function uploadFile(
  shopId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${V1}/shops/${shopId}/uploads?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Upload);
      else
        reject(
          new ApiError(
            (data as ConstructorParameters<typeof ApiError>[0]) ?? {
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

export const useVisitors = (shopId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ["visitors", shopId, from, to],
    enabled: !!shopId,
    queryFn: () =>
      api.get<Page<{ date: string; visitors: number }>>(
        `${V1}/shops/${shopId}/visitors${qs({ from, to })}`,
      ),
  });
export function useSetVisitors() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { shopId: string; date: string; visitors: number | null }) =>
      api.put<Page<{ date: string; visitors: number }>>(`${V1}/shops/${b.shopId}/visitors`, {
        days: [{ date: b.date, visitors: b.visitors }],
      }),
    onSuccess: () =>
      Promise.all(["visitors", "kpis"].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
