// The sales attribution endpoints (rules, summary, an order's owner) for the 业绩归属 page.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs, request } from "../../api/client";
import { goalKeys } from "../../api/goals";
import { usePermissions } from "../../components/permissions";
import { money } from "../../api/pay";
import type { Me, Page } from "../../api/types";

const V1 = "/api/v1";

export const RULE_KINDS = ["memo", "salesRef", "sku", "shop"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface Rule {
  id: string;
  kind: RuleKind;
  pattern: string;
  shopId: string | null;
  memberId: string;
  memberName: string;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}
/** Money as the server's decimal text in major units ("1234.50"). */
export interface Sales {
  paidOrders: number;
  gmv: string;
  netGmv: string;
  items: number;
}
export interface MemberSales extends Sales {
  memberId: string;
  name: string;
  departmentId: string | null;
}
export interface DepartmentSales extends Sales {
  departmentId: string | null;
  name: string;
}
export interface Summary {
  from: string;
  to: string;
  total: Sales;
  unattributed: Sales;
  members: MemberSales[];
  departments: DepartmentSales[];
}
export interface OrderOwner {
  memberId: string;
  name: string;
  source: "rule" | "manual";
}
/** The fields of the canonical order this page shows (the API sends more). */
export interface AttributedOrder {
  id: string;
  shopId: string | null;
  platform: string;
  platformOrderId: string;
  status: string;
  paidAt: string | null;
  paidDate: string | null;
  currency: string;
  total: string;
  itemCount: number;
  items: { title: string; sku: string | null; quantity: number }[];
  sellerMemo?: string | null;
  salesRef?: string | null;
  owner: OrderOwner | null;
  version: number;
}
export interface RuleInput {
  kind: RuleKind;
  pattern: string;
  memberId: string;
  shopId: string | null;
}
export interface RulePatch {
  id: string;
  version: number;
  pattern?: string;
  memberId?: string;
  shopId?: string | null;
  position?: number;
}
/** `none` = unattributed orders; undefined = all. */
export type OwnerFilter = string | "none" | undefined;

export const attributionKeys = {
  all: ["attribution"] as const,
  rules: ["attribution", "rules"] as const,
  summary: (f: { from: string; to: string; shopId?: string }) =>
    ["attribution", "summary", f] as const,
  orders: (f: { from: string; to: string; shopId?: string; owner: OwnerFilter }) =>
    ["attribution", "orders", f] as const,
};

export const useRules = () =>
  useQuery({
    queryKey: attributionKeys.rules,
    queryFn: () => api.get<Page<Rule>>(`${V1}/attribution-rules`),
    select: (p) => [...p.items].sort((a, b) => a.position - b.position),
  });
export const useSummary = (f: { from: string; to: string; shopId?: string }) =>
  useQuery({
    queryKey: attributionKeys.summary(f),
    queryFn: () => api.get<Summary>(`${V1}/attribution/summary${qs(f)}`),
    placeholderData: (prev) => prev,
  });
export function useOwnerOrders(f: {
  from: string;
  to: string;
  shopId?: string;
  owner: OwnerFilter;
}) {
  return useInfiniteQuery({
    queryKey: attributionKeys.orders(f),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<AttributedOrder>>(`${V1}/orders${qs({ ...f, limit: 20, cursor: pageParam })}`),
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
        api.post<{ rule: Rule; reattributed: number }>(`${V1}/attribution-rules`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: RulePatch) =>
        api.patch<{ rule: Rule; reattributed: number }>(`${V1}/attribution-rules/${id}`, b),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        request<{ reattributed: number }>("DELETE", `${V1}/attribution-rules/${id}`),
      onSettled,
    }),
  };
}

export function useSetOwner() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (b: { id: string; version: number; memberId: string | null }) =>
      api.put<AttributedOrder>(`${V1}/orders/${b.id}/owner`, {
        version: b.version,
        memberId: b.memberId,
      }),
    onSettled: () => refresh(),
  });
}

/** The owner and the operations leads change rules and owners (the server's shop.manage right, core/org/rights.ts). */
export function useCanManageAttribution(me: Me): boolean {
  return usePermissions(me).can("shop.manage");
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
