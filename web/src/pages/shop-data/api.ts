// The shop-data endpoints (docs/SHOP-DATA.md) for the dashboard and import pages.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../api/client";
import type { Body, Item, Query, Reply } from "../../api/contract";

const V1 = "/api/v1";

export type Shop = Item<"listShops">;
export type NewShop = Body<"createShop">;
export type Kpis = Reply<"listKpis">;
export type Breakdown = Reply<"getKpisBreakdown">;
export type Shipping = Reply<"getKpisShipping">;
/** A preview of an import: what it would store, its problems and warnings, and the first orders. */
export type Preview = Reply<"postShopImportsPreview">;
/** A problem of an import; `code`/`params` (e.g. shop.cell.not_amount) give its text in the reader's language. */
export type ImportProblem = Preview["errors"][number];
/** A note on an import that went ahead (an unknown status read as paid …). */
export type ImportNote = Preview["warnings"][number];
export type ImportRecord = Item<"listShopImports">;
export type Upload = Reply<"createShopUpload">;
export type Mapping = Item<"listShopMappings">;
export type VisitorDay = Item<"listShopVisitors">;
type ImportRequest = Body<"postShopImportsPreview"> & { shopId: string };

export type KpiFilter = Pick<
  Query<"listKpis">,
  "from" | "to" | "shopId" | "granularity" | "repurchase"
>;

export const useShops = () =>
  useQuery({ queryKey: ["shops"], queryFn: () => api.get<Reply<"listShops">>(`${V1}/shops`) });
export const useKpis = (f: KpiFilter) =>
  useQuery({
    queryKey: ["kpis", f],
    queryFn: () =>
      api.get<Kpis>(`${V1}/kpis${qs({ ...f, repurchase: f.repurchase ? "true" : undefined })}`),
  });
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
    queryFn: () => api.get<Reply<"listShopImports">>(`${V1}/shops/${shopId}/imports?limit=20`),
  });
export const useMappings = (shopId: string | undefined) =>
  useQuery({
    queryKey: ["mappings", shopId],
    enabled: !!shopId,
    queryFn: () => api.get<Reply<"listShopMappings">>(`${V1}/shops/${shopId}/mappings`),
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
    mutationFn: (b: NewShop) => api.post<Reply<"createShop">>(`${V1}/shops`, b),
    onSuccess: () => void refresh(),
  });
}
export const usePreview = () =>
  useMutation({
    mutationFn: (b: ImportRequest) =>
      api.post<Preview>(`${V1}/shops/${b.shopId}/imports/preview`, {
        uploadIds: b.uploadIds,
        format: b.format,
      }),
  });
export function useCommit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: ImportRequest) =>
      api.post<Reply<"createShopImport">>(`${V1}/shops/${b.shopId}/imports`, {
        uploadIds: b.uploadIds,
        format: b.format,
      }),
    onSuccess: () => void refresh(),
  });
}
export function useRollback() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<Reply<"postImportRollback">>(`${V1}/imports/${id}/rollback`),
    onSuccess: () => void refresh(),
  });
}
export function useSaveMapping() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Body<"createShopMapping"> & { shopId: string }) =>
      api.post<Reply<"createShopMapping">>(`${V1}/shops/${b.shopId}/mappings`, {
        name: b.name,
        mapping: b.mapping,
      }),
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
      api.get<Reply<"listShopVisitors">>(`${V1}/shops/${shopId}/visitors${qs({ from, to })}`),
  });
export function useSetVisitors() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { shopId: string; date: string; visitors: number | null }) =>
      api.put<Reply<"putShopVisitors">>(`${V1}/shops/${b.shopId}/visitors`, {
        days: [{ date: b.date, visitors: b.visitors }],
      }),
    onSuccess: () =>
      Promise.all(["visitors", "kpis"].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
