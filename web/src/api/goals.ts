// Goals (MBO, issue 6): the shapes of the API's JSON (as /api/openapi.json describes them) and
// TanStack Query hooks over them. Actuals, achievement and scores come from the server.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { Body, Item, Reply } from "./contract";
import type { Page } from "./types";

const V1 = "/api/v1";

export type Goal = Item<"listGoals">;
export type GoalMetric = Goal["metric"];
/** attributedSales: a member goal reads the sales attributed to the member, a department goal those of its members. */
export type KpiMetric = Extract<GoalMetric, { kind: "kpi" }>["kpi"];
/** The metrics in the order the goal form offers them; the type check fails until a new one is listed. */
const KPI_ORDER = [
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
  "parcelsPacked",
  "wrongShipments",
  "returnRate",
  "avgHandlingMinutes",
  "slaAttainment",
  "savedReturns",
  "reviewsTurnedGood",
] as const satisfies readonly KpiMetric[];
export const KPI_METRICS: KpiMetric[] = [...KPI_ORDER];
true satisfies [Exclude<KpiMetric, (typeof KPI_ORDER)[number]>] extends [never] ? true : false;
export type GoalStatus = Goal["status"];
export type GoalCycle = Item<"listGoalCycles">;
export type GoalCycleDetail = Reply<"getGoalCycleById">;
export type PersonProgress = GoalCycleDetail["people"][number];
export type GoalDetail = Reply<"getGoalById">;
export type Assessment = Reply<"getGoalCycleAssessmentByMemberId">;
export type AssessmentStatus = Assessment["status"];
export type Evaluation = Reply<"getMemberEvaluation">;
/**
 * Whose goal: a member's, or a department's (its lead answers for it). The server's body has both
 * as optional and refuses a goal with neither or both; the form states it.
 */
export type GoalSubject =
  { memberId: string; departmentId?: never } | { departmentId: string; memberId?: never };
export type NewGoal = Omit<Body<"createGoal">, "memberId" | "departmentId"> & GoalSubject;

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
      mutationFn: (b: Body<"createGoalCycle">) => api.post<GoalCycle>(`${V1}/goal-cycles`, b),
      onSuccess,
    }),
    create: useMutation({
      mutationFn: (b: NewGoal) => api.post<GoalDetail>(`${V1}/goals`, b),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchGoal"> & { id: string }) =>
        api.patch<GoalDetail>(`${V1}/goals/${id}`, b),
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
      }: Body<"putGoalCycleAssessment"> & { cycleId: string; memberId: string }) =>
        api.put<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}`, b),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: ({
        cycleId,
        memberId,
        ...b
      }: Body<"putGoalCycleAssessmentReview"> & { cycleId: string; memberId: string }) =>
        api.put<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}/review`, b),
      onSuccess,
    }),
    finalize: useMutation({
      mutationFn: ({
        cycleId,
        memberId,
        ...b
      }: Body<"postGoalCycleAssessmentFinalize"> & { cycleId: string; memberId: string }) =>
        api.post<Assessment>(`${V1}/goal-cycles/${cycleId}/assessments/${memberId}/finalize`, b),
      onSuccess,
    }),
    remind: useMutation({
      mutationFn: (cycleId: string) =>
        api.post<Reply<"postGoalCycleRemind">>(`${V1}/goal-cycles/${cycleId}/remind`),
    }),
  };
}
