// The after-sales endpoints (/api/v1/aftersales/…, docs/AFTERSALES.md) and their TanStack Query
// hooks: the queue of cases, one case, opening a case by hand, moving it, importing an export.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, qs } from "./client";
import type { Body, Item, Query, Reply, components } from "./contract";
import type { Locale } from "./types";

const V1 = "/api/v1/aftersales";

export type CaseRow = Item<"listAftersalesCases">;
export type CaseDetail = Reply<"getAftersalesCase">;
/** The SLA clocks of a case, as the server computes them now. */
export type CaseSla = CaseRow["sla"];
export type CaseFilter = Omit<Query<"listAftersalesCases">, "limit" | "cursor">;
export type NewCase = Body<"createAftersalesCase">;
export type TransitionInput = Body<"transitionAftersalesCase">;
export type CaseImport = Reply<"importAftersalesCases">;
export type CaseState = CaseRow["state"];
export type CaseType = CaseRow["type"];
export type Order = Item<"listOrders">;

export const CASE_TYPES: CaseType[] = [
  "refund_before_shipping",
  "refund_after_shipping",
  "return_refund",
  "exchange",
  "reship",
  "repair",
  "price_protection",
  "complaint",
];
export const OPEN_STATES: CaseState[] = [
  "new",
  "in_progress",
  "waiting_buyer",
  "received",
  "inspected",
];
export const ALL_STATES: CaseState[] = [...OPEN_STATES, "resolved", "closed"];

export const caseKeys = {
  all: ["aftersales"] as const,
  list: (f: CaseFilter) => ["aftersales", "cases", f] as const,
  one: (id: string) => ["aftersales", "case", id] as const,
};

export const useCases = (f: CaseFilter, limit = 50) =>
  useInfiniteQuery({
    queryKey: caseKeys.list(f),
    queryFn: ({ pageParam }) =>
      api.get<Reply<"listAftersalesCases">>(
        `${V1}/cases${qs({ ...f, limit, cursor: pageParam })}`,
      ) as Promise<{ items: CaseRow[]; nextCursor: string | null }>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => api.get<CaseDetail>(`${V1}/cases/${id}`),
  });

export const useOrder = (id: string | null | undefined) =>
  useQuery({
    queryKey: ["orders", "one", id],
    enabled: !!id,
    queryFn: () => api.get<Reply<"getOrderById">>(`/api/v1/orders/${id}`),
  });

export const useShopOrders = (shopId: string | undefined) =>
  useQuery({
    queryKey: ["orders", "forCase", shopId],
    enabled: !!shopId,
    queryFn: () => api.get<Reply<"listOrders">>(`/api/v1/orders${qs({ shopId, limit: 200 })}`),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: caseKeys.all });
}

export function useCreateCase() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: NewCase) => api.post<CaseDetail>(`${V1}/cases`, b),
    onSuccess: () => void refresh(),
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: TransitionInput) => api.post<CaseDetail>(`${V1}/cases/${id}/transitions`, b),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.one(id), c);
      void refresh();
    },
  });
}

/** Open cases per person (owner and customer-service leads): GET /aftersales/queue. */
export type CaseQueue = Reply<"getAftersalesQueue">;

export const useCaseQueue = (enabled = true) =>
  useQuery({
    queryKey: ["aftersales", "queue", "people"],
    queryFn: () => api.get<CaseQueue>(`${V1}/queue`),
    enabled,
    retry: false,
  });

/** Give a case to someone (the lead's reassign); 409 when the case changed since it was read. */
export function useAssignCase(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Body<"assignAftersalesCase">) =>
      api.post<CaseDetail>(`${V1}/cases/${id}/assign`, b),
    onSuccess: (c) => {
      qc.setQueryData(caseKeys.one(id), c);
      void refresh();
    },
  });
}

/** A problem of a refused import (the problem-details `problems`): its file, row and column, code and text. */
export type ImportProblem = NonNullable<components["schemas"]["Problem"]["problems"]>[number];

/** The problems a refused import (400) carries, with row and column; none for other errors. */
export function importProblems(e: unknown): ImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const p = (e.problem as { problems?: unknown }).problems;
  return Array.isArray(p) ? (p as ImportProblem[]) : [];
}

/** Sends one after-sales export as the raw body; a dry run checks and stores nothing. */
export async function importCases(
  q: { shop: string; file: File; format: string; dryRun: boolean },
  locale: Locale,
): Promise<CaseImport> {
  const res = await fetch(
    `${V1}/imports${qs({ shop: q.shop, fileName: q.file.name, format: q.format, dryRun: String(q.dryRun) })}`,
    {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/octet-stream",
        accept: "application/json",
        "accept-language": locale,
      },
      body: q.file,
    },
  ).catch(() => {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" });
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok)
    throw new ApiError(
      (data as ConstructorParameters<typeof ApiError>[0]) ?? {
        type: "about:blank",
        title: res.statusText,
        status: res.status,
        detail: "",
      },
    );
  return data as CaseImport;
}

export function useImportCases() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: {
      shop: string;
      file: File;
      format: string;
      dryRun: boolean;
      locale: Locale;
    }) => importCases(v, v.locale),
    onSuccess: (r) => {
      if (!r.dryRun) void refresh();
    },
  });
}
