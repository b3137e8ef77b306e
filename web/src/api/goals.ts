// Goals (MBO, issue 6): the shapes of the API's JSON (as /api/openapi.json describes them) and
// TanStack Query hooks over them. Actuals, achievement and scores come from the server.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { Page } from "./types";

const V1 = "/api/v1";

/** attributedSales: a member goal reads the sales attributed to the member, a department goal those of its members. */
export type KpiMetric =
  | "attributedSales"
  | "gmv"
  | "netGmv"
  | "paidOrders"
  | "aov"
  | "conversion"
  | "refundRate"
  | "repurchaseRate"
  | "shipOnTimeRate"
  | "inquiryConversion"
  | "firstResponse"
  | "averageResponse";
export const KPI_METRICS: KpiMetric[] = [
  "attributedSales",
  "gmv",
  "netGmv",
  "paidOrders",
  "aov",
  "conversion",
  "refundRate",
  "repurchaseRate",
  "shipOnTimeRate",
  "inquiryConversion",
  "firstResponse",
  "averageResponse",
];
export type GoalMetric =
  | { kind: "manual"; better?: "higher" | "lower" }
  | { kind: "kpi"; kpi: KpiMetric; shopIds?: string[] };
export type GoalStatus = "draft" | "proposed" | "agreed" | "returned";
export interface GoalCycle {
  id: string;
  name: string;
  kind: "month" | "quarter" | "custom";
  from: string;
  to: string;
  status: "open" | "closed";
  phase: "upcoming" | "running" | "ended";
  version: number;
}
export interface PersonProgress {
  memberId: string;
  name: string;
  departmentId: string | null;
  goals: number;
  agreed: number;
  weightTotal: number;
  assessment: string;
  finalScore: number | null;
  achievement: number | null;
}
export interface GoalCycleDetail extends GoalCycle {
  people: PersonProgress[];
}
export interface Goal {
  id: string;
  cycleId: string;
  memberId: string | null;
  departmentId: string | null;
  title: string;
  weight: number;
  target: string;
  unit: string;
  metric: GoalMetric;
  better: "higher" | "lower";
  status: GoalStatus;
  statusComment: string | null;
  agreementNo: number;
  proposedBy: string | null;
  actual: string | null;
  actualSource: "kpi" | "entered" | "final" | "none";
  achievement: number | null;
  selfScore: number | null;
  selfComment: string | null;
  leadScore: number | null;
  leadComment: string | null;
  version: number;
}
export interface GoalDetail extends Goal {
  agreements: {
    agreementNo: number;
    snapshot: unknown;
    agreedBy: string | null;
    agreedAt: string;
  }[];
}
export type AssessmentStatus = "open" | "draft" | "submitted" | "reviewed" | "final";
export interface Assessment {
  cycleId: string;
  memberId: string;
  memberName: string;
  status: AssessmentStatus;
  report: string | null;
  submittedAt: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  finalScore: number | null;
  version: number;
  canSelfAssess: boolean;
  canReview: boolean;
  goals: Goal[];
}
export interface Evaluation {
  member: { id: string; name: string; departmentId: string | null };
  cycles: {
    cycleId: string;
    name: string;
    from: string;
    to: string;
    finalScore: number | null;
    achievement: number | null;
    goals: {
      id: string;
      title: string;
      metric: GoalMetric;
      unit: string;
      weight: number;
      target: string;
      actual: string | null;
      achievement: number | null;
      leadScore: number | null;
    }[];
  }[];
  kpiSeries: {
    kpi: KpiMetric;
    points: {
      cycleId: string;
      cycleName: string;
      to: string;
      target: string;
      actual: string | null;
      achievement: number | null;
    }[];
  }[];
  trend: {
    direction: "up" | "down" | "flat" | null;
    lastScore: number | null;
    previousScore: number | null;
  };
}
/** Whose goal: a member's, or a department's (its lead answers for it). */
export type GoalSubject =
  { memberId: string; departmentId?: never } | { departmentId: string; memberId?: never };
export type NewGoal = GoalSubject & {
  cycleId: string;
  title: string;
  weight: number;
  target: string;
  unit?: string;
  metric: GoalMetric;
};

export const goalKeys = {
  all: ["goals"] as const,
  cycles: ["goals", "cycles"] as const,
  cycle: (id: string) => ["goals", "cycle", id] as const,
  list: (cycleId: string, memberId: string) => ["goals", "list", cycleId, memberId] as const,
  departments: (cycleId: string) => ["goals", "departments", cycleId] as const,
  assessment: (cycleId: string, memberId: string) =>
    ["goals", "assessment", cycleId, memberId] as const,
  evaluation: (memberId: string) => ["goals", "evaluation", memberId] as const,
};

export const useGoalCycles = () =>
  useQuery({
    queryKey: goalKeys.cycles,
    queryFn: () => api.get<Page<GoalCycle>>(`${V1}/goal-cycles`),
  });
export const useGoalCycle = (id: string | undefined) =>
  useQuery({
    queryKey: goalKeys.cycle(id ?? ""),
    queryFn: () => api.get<GoalCycleDetail>(`${V1}/goal-cycles/${id}`),
    enabled: !!id,
    retry: false,
  });
export const useGoals = (cycleId: string | undefined, memberId: string) =>
  useQuery({
    queryKey: goalKeys.list(cycleId ?? "", memberId),
    queryFn: () => api.get<Page<Goal>>(`${V1}/goals${qs({ cycleId, memberId })}`),
    enabled: !!cycleId,
    retry: false,
  });
/** The cycle's department goals you may see (all of the cycle's goals you may read, less the members'). */
export const useDepartmentGoals = (cycleId: string | undefined) =>
  useQuery({
    queryKey: goalKeys.departments(cycleId ?? ""),
    queryFn: async () =>
      (await api.get<Page<Goal>>(`${V1}/goals${qs({ cycleId })}`)).items.filter(
        (g) => g.memberId === null && g.departmentId !== null,
      ),
    enabled: !!cycleId,
    retry: false,
  });
export const useAssessment = (cycleId: string | undefined, memberId: string) =>
  useQuery({
    queryKey: goalKeys.assessment(cycleId ?? "", memberId),
    queryFn: () => api.get<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}`),
    enabled: !!cycleId,
    retry: false,
  });
export const useEvaluation = (memberId: string) =>
  useQuery({
    queryKey: goalKeys.evaluation(memberId),
    queryFn: () => api.get<Evaluation>(`${V1}/members/${memberId}/evaluation`),
    retry: false,
  });

export function useGoalMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: goalKeys.all });
  return {
    createCycle: useMutation({
      mutationFn: (b: { name: string; kind: GoalCycle["kind"]; from: string; to: string }) =>
        api.post<GoalCycle>(`${V1}/goal-cycles`, b),
      onSuccess,
    }),
    create: useMutation({
      mutationFn: (b: NewGoal) => api.post<GoalDetail>(`${V1}/goals`, b),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        ...b
      }: {
        id: string;
        version: number;
        title?: string;
        weight?: number;
        target?: string;
        unit?: string;
        metric?: GoalMetric;
      }) => api.patch<GoalDetail>(`${V1}/goals/${id}`, b),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/goals/${id}`), onSuccess }),
    act: useMutation({
      mutationFn: async (
        items: {
          id: string;
          version: number;
          action: "propose" | "agree" | "return" | "reopen";
          comment?: string;
        }[],
      ) => {
        for (const { id, action, ...b } of items)
          await api.post<GoalDetail>(`${V1}/goals/${id}/${action}`, b);
      },
      onSettled: onSuccess,
    }),
    saveSelf: useMutation({
      mutationFn: ({
        cycleId,
        memberId,
        ...b
      }: {
        cycleId: string;
        memberId: string;
        version: number;
        report: string;
        submit: boolean;
        goals: {
          goalId: string;
          selfScore?: number | null;
          actual?: string | null;
          comment?: string | null;
        }[];
      }) => api.put<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}`, b),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: ({
        cycleId,
        memberId,
        ...b
      }: {
        cycleId: string;
        memberId: string;
        version: number;
        comment: string;
        goals: { goalId: string; score?: number | null; comment?: string | null }[];
      }) => api.put<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}/review`, b),
      onSuccess,
    }),
    finalize: useMutation({
      mutationFn: ({
        cycleId,
        memberId,
        ...b
      }: {
        cycleId: string;
        memberId: string;
        version: number;
        early?: boolean;
      }) =>
        api.post<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}/finalize`, b),
      onSuccess,
    }),
    remind: useMutation({
      mutationFn: (cycleId: string) =>
        api.post<{ notified: number }>(`${V1}/goal-cycles/${cycleId}/remind`),
    }),
  };
}
