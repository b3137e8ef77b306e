// The pack station, tracking imports and write-back files (docs/LOGISTICS.md, part scan): the API's
// shapes from the generated contract and TanStack Query hooks over them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../../api/client";
import type { Body, Item, Query, Reply } from "../../../api/contract";
import type { Problem } from "../../../api/types";

const V1 = "/api/v1";

export type ScanResult = Reply<"logisticsPackSlip">;
export type ScanOutcome = ScanResult["outcome"];
export type ParcelView = NonNullable<ScanResult["parcel"]>;
export type WaybillBody = Body<"logisticsPackWaybill">;
export type ScanEvent = Item<"logisticsScans">;
export type TrackingSummary = Reply<"logisticsImportTracking">;
export type TrackingOptions = Omit<Query<"logisticsImportTracking">, "fileName">;
export type TrackingMapping = Item<"logisticsMappings">;
export type WritebackBody = Body<"logisticsCreateWriteback">;
export type WritebackFile = Reply<"logisticsCreateWriteback">;
export type WritebackCheck = Reply<"logisticsWritebackCheck">;
/** A refused file: every problem with its row and column, in the problem body. */
export type FileProblem = NonNullable<Problem["problems"]>[number];

export const scanKeys = {
  scans: ["logistics", "scans"] as const,
  mappings: (kind: "tracking" | "writeback") => ["logistics", "mappings", kind] as const,
  files: ["logistics", "writeback-files"] as const,
  check: (shop: string) => ["logistics", "writeback-check", shop] as const,
};

export function useScanSlip() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<ScanResult>(`${V1}/logistics/pack/slip`, { code }),
    onSettled: () => qc.invalidateQueries({ queryKey: scanKeys.scans }),
  });
}

export function useScanWaybill() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WaybillBody) => api.post<ScanResult>(`${V1}/logistics/pack/waybill`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ["logistics"] }),
  });
}

/** Return mode: a returned parcel's waybill; its after-sales cases are received. */
export function useScanReturn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<ScanResult>(`${V1}/logistics/pack/return`, { code }),
    onSettled: () => qc.invalidateQueries({ queryKey: scanKeys.scans }),
  });
}

export const useMyScans = () =>
  useQuery({
    queryKey: scanKeys.scans,
    queryFn: () => api.get<Reply<"logisticsScans">>(`${V1}/logistics/scans?mine=true&limit=8`),
  });

export const useTrackingMappings = () =>
  useQuery({
    queryKey: scanKeys.mappings("tracking"),
    queryFn: () => api.get<Reply<"logisticsMappings">>(`${V1}/logistics/mappings?kind=tracking`),
  });

/** Sends a tracking file as the raw body; a refusal arrives as an ApiError listing rows and columns. */
function sendTracking({
  file,
  options,
}: {
  file: File;
  options: TrackingOptions;
}): Promise<TrackingSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      "POST",
      `${V1}/logistics/tracking-imports${qs({
        shop: options.shop,
        mapping: options.mapping,
        dryRun: options.dryRun ? "true" : undefined,
        fileName: file.name,
      })}`,
    );
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", document.documentElement.lang || "zh-CN");
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as TrackingSummary);
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

export function useImportTracking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: sendTracking,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["logistics"] }),
  });
}

export function useCreateWriteback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WritebackBody) =>
      api.post<WritebackFile>(`${V1}/logistics/writeback-files`, body),
    // The file list and the check (now pending for the orders sent) both change.
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["logistics"] }),
  });
}

export const useWritebackFiles = (shop?: string) =>
  useQuery({
    queryKey: [...scanKeys.files, shop ?? ""],
    queryFn: () =>
      api.get<Reply<"logisticsWritebackFiles">>(
        `${V1}/logistics/writeback-files${qs({ shop, limit: 10 })}`,
      ),
  });

export const useWritebackCheck = (shop: string | undefined) =>
  useQuery({
    queryKey: scanKeys.check(shop ?? ""),
    enabled: Boolean(shop),
    queryFn: () => api.get<WritebackCheck>(`${V1}/logistics/writeback-check${qs({ shop })}`),
  });

/** Where a write-back file downloads (the session cookie goes along). */
export const writebackHref = (id: string) => `${V1}/logistics/writeback-files/${id}/download`;
