// The sales attribution endpoints (rules, summary, an order's owner) for the 业绩归属 page.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs, request } from "../../api/client";
import { goalKeys } from "../../api/goals";
import { money } from "../../api/pay";
import type { Body, Item, Query, Reply } from "../../api/contract";

const V1 = "/api/v1";

export type Rule = Item<"listAttributionRules">;
export type RuleKind = Rule["kind"];
/** The kinds of rule, in the order the page lists them. */
export const RULE_KINDS = [
  "memo",
  "salesRef",
  "sku",
  "shop",
] as const satisfies readonly RuleKind[];
export type Summary = Reply<"getAttributionSummary">;
/** Money as the server's decimal text in major units ("1234.50"). */
export type Sales = Summary["total"];
export type MemberSales = Summary["members"][number];
/** A stored order as GET /orders lists it, with its owner (by a rule or by hand). */
export type AttributedOrder = Item<"listOrders">;
export type RuleInput = Body<"createAttributionRule">;
export type RulePatch = Body<"patchAttributionRule"> & { id: string };
/** A member's id, `none` = unattributed orders; undefined = all. */
export type OwnerFilter = Query<"listOrders">["owner"];
type SummaryFilter = Query<"getAttributionSummary">;
type OrdersFilter = Pick<Query<"listOrders">, "from" | "to" | "shopId" | "owner">;

export const attributionKeys = {
  all: ["attribution"] as const,
  rules: ["attribution", "rules"] as const,
  summary: (f: SummaryFilter) => ["attribution", "summary", f] as const,
  orders: (f: OrdersFilter) => ["attribution", "orders", f] as const,
};

export const useRules = () =>
  useQuery({
    queryKey: attributionKeys.rules,
    queryFn: () => api.get<Reply<"listAttributionRules">>(`${V1}/attribution-rules`),
    select: (p) => [...p.items].sort((a, b) => a.position - b.position),
  });
export const useSummary = (f: SummaryFilter) =>
  useQuery({
    queryKey: attributionKeys.summary(f),
    queryFn: () => api.get<Summary>(`${V1}/attribution/summary${qs(f)}`),
    placeholderData: (prev) => prev,
  });
export function useOwnerOrders(f: OrdersFilter) {
  return useInfiniteQuery({
    queryKey: attributionKeys.orders(f),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Reply<"listOrders">>(`${V1}/orders${qs({ ...f, limit: 20, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Rules, summaries and owners all move together when a rule or an owner changes; so do KPIs of people (goals, pay). */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [attributionKeys.all, goalKeys.all, ["pay"]].map((k) =>
        qc.invalidateQueries({ queryKey: k }),
      ),
    );
}

export function useRuleMutations() {
  const refresh = useRefresh();
  const onSettled = () => refresh();
  return {
    create: useMutation({
      mutationFn: (b: RuleInput) =>
        api.post<Reply<"createAttributionRule">>(`${V1}/attribution-rules`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: RulePatch) =>
        api.patch<Reply<"patchAttributionRule">>(`${V1}/attribution-rules/${id}`, b),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        request<Reply<"deleteAttributionRule">>("DELETE", `${V1}/attribution-rules/${id}`),
      onSettled,
    }),
  };
}

export function useSetOwner() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: Body<"putOrderOwner"> & { id: string }) =>
      api.put<Reply<"putOrderOwner">>(`${V1}/orders/${b.id}/owner`, {
        version: b.version,
        memberId: b.memberId,
      }),
    onSettled: () => refresh(),
  });
}

/** "1234.50" → "¥1,234.50" in the workspace's currency (other currencies keep their code). */
export const formatSales = (text: string, currency: string) =>
  currency === "CNY" ? money(text) : `${currency} ${money(text).replace("¥", "")}`;

/** The first and last day of a month "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
