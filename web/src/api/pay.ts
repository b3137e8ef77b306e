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
import type { Page } from "./types";
import type { Message } from "../i18n/messages";

const V1 = "/api/v1";

export type CommissionBase = "gmv" | "paid" | "net" | "margin" | "quantity";
export type Scope = "person" | "department" | "shop";
export interface BandDef {
  from: string;
  to: string | null;
  ratePct?: number;
  perUnit?: string;
}
export interface CommissionDef {
  code: string;
  label: string;
  base: CommissionBase;
  scope: Scope;
  shopIds?: string[];
  attribution?: { kind: "owner" } | { kind: "split"; splits: { memberId: string; pct: number }[] };
  source?: "data" | "entered";
  ratePct?: number;
  perUnit?: string;
  tiers?: { kind: "whole" | "marginal"; bands: BandDef[] };
  gate?: { minAchievementPct: number; target: string };
  cap?: string;
}
export interface ScoreMetricDef {
  code: string;
  label: string;
  weight: number;
  better: "higher" | "lower";
  bands: { threshold: number; score: number }[];
  elseScore?: number;
  /** Filled from the member's CS data when nobody enters it. */ kpi?:
    "inquiryConversion" | "firstResponse" | "averageResponse";
}
export interface BonusDef {
  code: string;
  label: string;
  bonusBase: string;
  score: { kind: "goal" } | { kind: "bands"; metrics: ScoreMetricDef[] };
  gate?: { minScore: number };
}
export interface EventDef {
  code: string;
  label: string;
  amount: string;
  when: "per_event" | "if_none";
  /** The count from the shipping data. */ kpi?: "lateShipments";
}
export interface PoolDef {
  code: string;
  label: string;
  base: Exclude<CommissionBase, "quantity">;
  source: "unattributed" | "shop";
  ratePct: number;
}
export interface PayPlanDefinition {
  format: "dayclear.pay-plan/v1";
  name: string;
  description?: string;
  baseSalary: string;
  commissions: CommissionDef[];
  bonuses: BonusDef[];
  events: EventDef[];
  pools: PoolDef[];
}

export interface PayPlanVersion {
  id: string;
  number: number;
  effectiveFrom: string;
  definition: PayPlanDefinition;
  createdAt: string;
}
export interface PayAssignment {
  id: string;
  targetType: "department" | "member" | "role";
  targetId: string;
  effectiveFrom: string;
}
export interface PayPlan {
  id: string;
  name: string;
  version: number;
  versions: PayPlanVersion[];
  assignments: PayAssignment[];
  createdAt: string;
  updatedAt: string;
}
export interface PayTemplate {
  id: string;
  department: string;
  plan: PayPlanDefinition;
}

/** A number a line was computed from: what it is (named by `label`) and its value, as messages. */
export interface PayLineInput {
  key: string;
  label: Message;
  value: Message;
}
/** A statement line: its name, formula, inputs and sources are messages the page renders in its language. */
export interface PayLine {
  kind: string;
  code: string;
  label: Message;
  amount: string;
  formula: Message;
  inputs: PayLineInput[];
  sources: Message[];
  /** Needs an input nobody entered. */ missing?: boolean;
}
export interface PayStatement {
  memberId: string;
  memberName: string;
  departmentId: string | null;
  planVersionId: string | null;
  total: string;
  lines: PayLine[];
}
export interface RunInput {
  memberId: string | null;
  key: string;
  value: string;
}
export interface PayRunSummary {
  id: string;
  period: string;
  from: string;
  to: string;
  status: "draft" | "locked";
  total: string | null;
  computedAt: string;
  lockedAt: string | null;
  version: number;
}
/** An input a draft still lacks: the run cannot be locked until it is entered. */
export interface MissingInput {
  memberId: string;
  memberName: string;
  key: string;
  label: Message;
}
export interface PayRun extends PayRunSummary {
  inputs: RunInput[];
  statements: PayStatement[];
  missing: MissingInput[];
}
export interface StatementResponse {
  run: { id: string; period: string; status: string };
  statement: PayStatement;
}
export interface Adjustment {
  id: string;
  memberId: string;
  amount: string;
  reason: string;
  runId: string | null;
  createdAt: string;
}
export type AdjustmentStatus = "open" | "settled" | "all";
/** An adjustment as GET /pay-adjustments lists it: open until a locked run pays it (runId, runPeriod). */
export interface ListedAdjustment extends Adjustment {
  memberName: string;
  status: "open" | "settled";
  runPeriod: string | null;
  createdBy: string | null;
}
export interface Projection {
  period: string;
  from: string;
  to: string;
  monthToDate: PayStatement;
  atShopGmv: { shopGmv: string; statement: PayStatement | null } | null;
}

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
      mutationFn: (b: {
        effectiveFrom: string;
        templateId?: string;
        definition?: PayPlanDefinition;
      }) => api.post<PayPlan>(`${V1}/pay-plans`, b),
      onSuccess,
    }),
    addVersion: useMutation({
      mutationFn: ({
        id,
        ...b
      }: {
        id: string;
        version: number;
        effectiveFrom: string;
        definition: PayPlanDefinition;
      }) => api.post<PayPlan>(`${V1}/pay-plans/${id}/versions`, b),
      onSuccess,
    }),
    assign: useMutation({
      mutationFn: ({
        id,
        ...b
      }: {
        id: string;
        targetType: "department" | "member" | "role";
        targetId: string;
        effectiveFrom: string;
      }) => api.post<PayPlan>(`${V1}/pay-plans/${id}/assignments`, b),
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
      mutationFn: (b: { period: string; inputs?: RunInput[]; version?: number }) =>
        api.post<PayRun>(`${V1}/pay-runs`, b),
      onSuccess,
    }),
    lock: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<PayRun>(`${V1}/pay-runs/${id}/lock`, { version }),
      onSuccess,
    }),
    adjust: useMutation({
      mutationFn: (b: { memberId: string; amount: string; reason: string }) =>
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
