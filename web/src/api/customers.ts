// The customers endpoints (/api/v1/customers…, docs/CUSTOMERS.md) and their TanStack Query hooks:
// the list with RFM segments, the RFM map with its cut-offs, one customer's page, the dormant list
// and the address of its export (a plain download: the session cookie goes with it).
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { Item, Query, Reply } from "./contract";

const V1 = "/api/v1/customers";

export type CustomerRow = Item<"listCustomers">;
export type CustomerFilter = Omit<Query<"listCustomers">, "limit" | "cursor">;
export type Rfm = Reply<"customersRfm">;
export type Customer = Reply<"getCustomer">;
export type Dormant = Reply<"listDormantCustomers">;
export type Segment = NonNullable<CustomerRow["segment"]>;

export const SEGMENTS: Segment[] = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
];

export const useCustomers = (f: CustomerFilter, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ["customers", "list", f],
    queryFn: ({ pageParam }) =>
      api.get<Reply<"listCustomers">>(`${V1}${qs({ ...f, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const useRfm = (shop: string, windowDays: number, enabled: boolean) =>
  useQuery({
    queryKey: ["customers", "rfm", shop, windowDays],
    queryFn: () => api.get<Rfm>(`${V1}/rfm${qs({ shop, windowDays })}`),
    enabled,
  });

export const useCustomer = (id: string, windowDays: number) =>
  useQuery({
    queryKey: ["customers", "one", id, windowDays],
    queryFn: () => api.get<Customer>(`${V1}/${encodeURIComponent(id)}${qs({ windowDays })}`),
  });

export const useDormant = (shop: string, days: number, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ["customers", "dormant", shop, days],
    queryFn: ({ pageParam }) =>
      api.get<Dormant>(`${V1}/dormant${qs({ shop, days, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

/** The dormant export's address (CSV, or XLSX), for a download link. */
export const dormantExportUrl = (shop: string, days: number, format: "csv" | "xlsx" = "csv") =>
  `${V1}/dormant/export${qs({ shop, days, format })}`;
