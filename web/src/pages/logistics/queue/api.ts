// The queue, parcels and batches endpoints (/api/v1/logistics/…) and their TanStack Query hooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "../../../api/client";
import type { Body, Item, Query, Reply } from "../../../api/contract";

const V1 = "/api/v1/logistics";

export type QueuePage = Reply<"listShipQueue">;
export type QueueItem = Item<"listShipQueue">;
export type QueueFilter = Omit<Query<"listShipQueue">, "limit" | "cursor">;
export type QueueSummary = Reply<"getShipQueueSummary">;
export type Proposals = Reply<"listMergeProposals">;
export type Proposal = Proposals["items"][number];
export type Batch = Reply<"getShipBatch">;
export type BatchRow = Item<"listShipBatches">;
export type PickList = Reply<"getShipBatchPickList">;
export type Slips = Reply<"getShipBatchSlips">;
export type Slip = Slips["slips"][number];
export type Manifest = Reply<"getHandoverManifest">;
export type SplitInput = Body<"splitOrder">;
export type SkuSetting = Item<"listSkuSettings">;

export const queueKeys = {
  all: ["logistics", "queue"] as const,
  page: (f: QueueFilter) => ["logistics", "queue", "page", f] as const,
  summary: ["logistics", "queue", "summary"] as const,
  proposals: (shopId?: string) => ["logistics", "queue", "proposals", shopId ?? ""] as const,
  batches: ["logistics", "batches"] as const,
  batch: (id: string) => ["logistics", "batches", id] as const,
  paper: (id: string, doc: string) => ["logistics", "batches", id, doc] as const,
  manifest: (q: Query<"getHandoverManifest">) => ["logistics", "manifest", q] as const,
  skus: (prefix: string) => ["logistics", "skus", prefix] as const,
};

/** Filters as a query string: booleans as "true"/"false", empty values left out. */
const filterQs = (f: QueueFilter, extra: Record<string, string | number | undefined> = {}) =>
  qs({
    ...Object.fromEntries(
      Object.entries(f).map(([k, v]) => [k, typeof v === "boolean" ? String(v) : v]),
    ),
    ...extra,
  });

export const useQueue = (f: QueueFilter, limit = 50) =>
  useInfiniteQuery({
    queryKey: queueKeys.page(f),
    queryFn: ({ pageParam }) =>
      api.get<QueuePage>(`${V1}/queue${filterQs(f, { limit, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });

export const useQueueSummary = () =>
  useQuery({
    queryKey: queueKeys.summary,
    queryFn: () => api.get<QueueSummary>(`${V1}/queue/summary`),
  });

export const useProposals = (shopId?: string) =>
  useQuery({
    queryKey: queueKeys.proposals(shopId),
    queryFn: () => api.get<Proposals>(`${V1}/queue/merge-proposals${qs({ shopId })}`),
  });

/** Any change to parcels moves the queue, the proposals and the batches. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [queueKeys.all, queueKeys.batches].map((k) => qc.invalidateQueries({ queryKey: k })),
    );
}

export function useCreateParcels() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Body<"createParcels">) => api.post<Reply<"createParcels">>(`${V1}/parcels`, b),
    onSettled: () => refresh(),
  });
}
export function useSplitOrder() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: SplitInput) => api.post<Reply<"splitOrder">>(`${V1}/parcels/split`, b),
    onSettled: () => refresh(),
  });
}
export function useUndoParcel() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<Reply<"undoParcel">>(`${V1}/parcels/${id}/undo`, { version }),
    onSettled: () => refresh(),
  });
}
export function useCreateBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Body<"createShipBatch">) =>
      api.post<Reply<"createShipBatch">>(`${V1}/batches`, b),
    onSettled: () => refresh(),
  });
}
export const useBatches = () =>
  useInfiniteQuery({
    queryKey: queueKeys.batches,
    queryFn: ({ pageParam }) =>
      api.get<Reply<"listShipBatches">>(`${V1}/batches${qs({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
export const useBatch = (id: string, enabled = true) =>
  useQuery({
    queryKey: queueKeys.batch(id),
    queryFn: () => api.get<Batch>(`${V1}/batches/${id}`),
    enabled,
  });
export function useMarkBatch(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ version, to }: { version: number; to: "printed" | "handed-over" }) =>
      api.post<Batch>(`${V1}/batches/${id}/${to}`, { version }),
    onSettled: () => refresh(),
  });
}
/**
 * A sheet's data asked for as soon as the batch page's code loads, when the address opens a sheet
 * (/logistics/batches/{id}?print=…): the request then runs while the app draws its frame around the
 * page, instead of after. Taken once, by the sheet's query.
 */
const early = new Map<string, Promise<unknown>>();
const paperPath = (id: string, doc: "pick" | "slips") =>
  doc === "pick"
    ? (`${V1}/batches/${id}/pick-list` as const)
    : (`${V1}/batches/${id}/slips` as const);
export function askForPaperEarly(location: { pathname: string; search: string }): void {
  const id = /^\/logistics\/batches\/([^/]+)$/.exec(location.pathname)?.[1];
  const print = new URLSearchParams(location.search).get("print");
  const doc = print === "pick" ? "pick" : print === "slips" || print === "labels" ? "slips" : null;
  if (!id || !doc) return;
  const path = paperPath(decodeURIComponent(id), doc);
  const asked = api.get<unknown>(path);
  asked.catch(() => undefined); // the sheet's query reports it, or asks again
  early.set(path, asked);
}
function paper<T>(path: ReturnType<typeof paperPath>): Promise<T> {
  const asked = early.get(path);
  early.delete(path);
  return (asked as Promise<T> | undefined) ?? api.get<T>(path);
}
export const usePickList = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: queueKeys.paper(id, "pick"),
    queryFn: () => paper<PickList>(paperPath(id, "pick")),
    enabled,
  });
export const useSlips = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: queueKeys.paper(id, "slips"),
    queryFn: () => paper<Slips>(paperPath(id, "slips")),
    enabled,
  });
export const useManifest = (q: Query<"getHandoverManifest">, enabled: boolean) =>
  useQuery({
    queryKey: queueKeys.manifest(q),
    queryFn: () => api.get<Manifest>(`${V1}/manifest${qs(q)}`),
    enabled,
  });
/** SKU settings (location, one piece's weight) by SKU, those starting with `prefix`, a page at a time. */
export const useSkuSettings = (prefix: string) =>
  useInfiniteQuery({
    queryKey: queueKeys.skus(prefix),
    initialPageParam: "",
    queryFn: ({ pageParam }) =>
      api.get<Reply<"listSkuSettings">>(
        `${V1}/skus${qs({ prefix: prefix.trim(), cursor: pageParam, limit: 100 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useSetSku() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ sku, ...b }: { sku: string } & Body<"putSkuSetting">) =>
      api.put<Reply<"putSkuSetting">>(`${V1}/skus/${encodeURIComponent(sku)}`, b),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queueKeys.batches }),
        qc.invalidateQueries({ queryKey: ["logistics", "skus"] }),
      ]),
  });
}

/** A parcel's current version (the queue row shows the parcel, not its version). */
export const fetchParcelVersion = (id: string) =>
  api.get<Reply<"getParcel">>(`${V1}/parcels/${id}`).then((p) => p.version);
