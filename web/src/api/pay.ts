// Pay plans, pay runs, statements and the projection (issue 6): the shapes of the API's JSON (as
// /api/openapi.json describes them) and TanStack Query hooks over them. Money is the server's
// decimal text in yuan; the browser shows it and never recomputes it.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { api, qs } from "./client";
import type { PayPlanDefinition } from "../../../src/core/pay/plan";
import type { Body, Item, Query, Reply } from "./contract";
import type { Page } from "./types";

const V1 = "/api/v1";

// A pay plan's definition is the core's own type (src/core/pay/plan.ts), checked there by
// compilePlan(); the API declares it only loosely (any JSON in answers, untyped rules in bodies).
export type {
  BonusDef,
  CommissionBase,
  CommissionDef,
  EventDef,
  PayPlanDefinition,
  PoolDef,
  ScoreMetricDef,
  Scope,
} from "../../../src/core/pay/plan";
export type { BandDef } from "../../../src/core/pay/tiers";

type PlanReply = Reply<"getPayPlanById">;
export type PayPlanVersion = Omit<PlanReply["versions"][number], "definition"> & {
  definition: PayPlanDefinition;
};
export type PayPlan = Omit<PlanReply, "versions"> & { versions: PayPlanVersion[] };
export type PayAssignment = PayPlan["assignments"][number];
export type PayTemplate = Omit<Item<"listPayPlanTemplates">, "plan"> & { plan: PayPlanDefinition };

export type PayRun = Reply<"getPayRunById">;
export type PayRunSummary = Item<"listPayRuns">;
export type RunInput = PayRun["inputs"][number];
/** An input a draft still lacks: the run cannot be locked until it is entered. */
export type MissingInput = PayRun["missing"][number];
export type PayStatement = PayRun["statements"][number];
/** A statement line: its name, formula, inputs and sources are messages the page renders in its language. */
export type PayLine = PayStatement["lines"][number];
/** A number a line was computed from: what it is (named by `label`) and its value, as messages. */
export type PayLineInput = PayLine["inputs"][number];
export type StatementResponse = Reply<"getPayRunStatementByMemberId">;
export type Adjustment = Reply<"createPayAdjustment">;
export type AdjustmentStatus = NonNullable<Query<"listPayAdjustments">["status"]>;
/** An adjustment as GET /pay-adjustments lists it: open until a locked run pays it (runId, runPeriod). */
export type ListedAdjustment = Item<"listPayAdjustments">;
export type Projection = Reply<"getPayProjectionByMemberId">;

export const payKeys = {
  templates: ["pay", "templates"] as const,
  plans: ["pay", "plans"] as const,
  plan: (id: string) => ["pay", "plans", id] as const,
  runs: ["pay", "runs"] as const,
  run: (id: string) => ["pay", "runs", id] as const,
  statement: (runId: string, memberId: string) =>
    ["pay", "runs", runId, "statement", memberId] as const,
  projection: (memberId: string, shopGmv: string | null) =>
    ["pay", "projection", memberId, shopGmv] as const,
  adjustments: ["pay", "adjustments"] as const,
};

function useInvalidate() {
  const qc = useQueryClient();
  return (...ks: QueryKey[]) => Promise.all(ks.map((k) => qc.invalidateQueries({ queryKey: k })));
}

export const usePayTemplates = () =>
  useQuery({
    queryKey: payKeys.templates,
    queryFn: () => api.get<Page<PayTemplate>>(`${V1}/pay-plan-templates`),
    staleTime: Infinity,
  });
export const usePayPlans = (enabled = true) =>
  useQuery({
    queryKey: payKeys.plans,
    queryFn: () => api.get<Page<PayPlan>>(`${V1}/pay-plans`),
    enabled,
  });
export const usePayPlan = (id: string) =>
  useQuery({
    queryKey: payKeys.plan(id),
    queryFn: () => api.get<PayPlan>(`${V1}/pay-plans/${id}`),
    retry: false,
  });

export function usePayPlanMutations() {
  const inv = useInvalidate();
  const onSuccess = () => inv(payKeys.plans);
  return {
    create: useMutation({
      mutationFn: (
        b: Omit<Body<"createPayPlan">, "definition"> & { definition?: PayPlanDefinition },
      ) => api.post<PayPlan>(`${V1}/pay-plans`, b),
      onSuccess,
    }),
    addVersion: useMutation({
      mutationFn: ({
        id,
        ...b
      }: Omit<Body<"createPayPlanVersion">, "definition"> & {
        id: string;
        definition: PayPlanDefinition;
      }) => api.post<PayPlan>(`${V1}/pay-plans/${id}/versions`, b),
      onSuccess,
    }),
    assign: useMutation({
      mutationFn: ({ id, ...b }: Body<"createPayPlanAssignment"> & { id: string }) =>
        api.post<PayPlan>(`${V1}/pay-plans/${id}/assignments`, b),
      onSuccess,
    }),
  };
}

export const payPlanExportUrl = (id: string, on?: string) =>
  `${V1}/pay-plans/${id}/export${qs({ on })}`;
export const payRunExportUrl = (id: string, format: "csv" | "xlsx") =>
  `${V1}/pay-runs/${id}/export${qs({ format })}`;

export const usePayRuns = () =>
  useQuery({
    queryKey: payKeys.runs,
    queryFn: () => api.get<Page<PayRunSummary>>(`${V1}/pay-runs${qs({ limit: 100 })}`),
  });
export const usePayRun = (id: string) =>
  useQuery({
    queryKey: payKeys.run(id),
    queryFn: () => api.get<PayRun>(`${V1}/pay-runs/${id}`),
    retry: false,
  });
export const useStatement = (runId: string, memberId: string) =>
  useQuery({
    queryKey: payKeys.statement(runId, memberId),
    queryFn: () => api.get<StatementResponse>(`${V1}/pay-runs/${runId}/statements/${memberId}`),
    retry: false,
  });

export function usePayRunMutations() {
  const inv = useInvalidate();
  const onSuccess = () => inv(payKeys.runs, payKeys.adjustments); // locking settles the open adjustments
  return {
    compute: useMutation({
      mutationFn: (b: Body<"createPayRun">) => api.post<PayRun>(`${V1}/pay-runs`, b),
      onSuccess,
    }),
    lock: useMutation({
      mutationFn: ({ id, version }: Body<"postPayRunLock"> & { id: string }) =>
        api.post<PayRun>(`${V1}/pay-runs/${id}/lock`, { version }),
      onSuccess,
    }),
    adjust: useMutation({
      mutationFn: (b: Body<"createPayAdjustment">) =>
        api.post<Adjustment>(`${V1}/pay-adjustments`, b),
      onSuccess: () => inv(payKeys.adjustments),
    }),
  };
}

/** Adjustments you may see, newest first, a page at a time (owner: all; lead: their departments'; member: their own). */
export const usePayAdjustments = (status: AdjustmentStatus, memberId?: string) =>
  useInfiniteQuery({
    queryKey: [...payKeys.adjustments, status, memberId ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<ListedAdjustment>>(
        `${V1}/pay-adjustments${qs({ status, memberId, limit: 50, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useProjection = (memberId: string, shopGmv: string | null) =>
  useQuery({
    queryKey: payKeys.projection(memberId, shopGmv),
    queryFn: () => api.get<Projection>(`${V1}/pay/projection/${memberId}${qs({ shopGmv })}`),
    retry: false,
    placeholderData: (prev) => prev,
  });

/** Shows the server's decimal text with thousands separators, by text only (no arithmetic). */
export function money(text: string | null | undefined): string {
  if (text == null) return "—";
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}¥${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}
