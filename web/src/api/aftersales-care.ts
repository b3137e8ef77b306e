// Quality cases, 好评回访 follow-ups and the returns rule (/api/v1/aftersales/quality, followup-rules,
// followups, return-rules; docs/AFTERSALES.md) and their TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Body, Reply } from "./contract";

const V1 = "/api/v1/aftersales";

export type Quality = Reply<"getAftersalesQuality">;
export type QualityInput = Body<"putAftersalesQuality">;
export type FollowupRules = Reply<"getAftersalesFollowupRules">;
export type FollowupRulesInput = Body<"putAftersalesFollowupRules">;
export type FollowupRuleInput = FollowupRulesInput["rules"][number];
export type Followup = Reply<"recordAftersalesFollowup">;
export type ReturnRules = Reply<"getAftersalesReturnRules">;
export type FollowupOutcome = Body<"recordAftersalesFollowup">["outcome"];

export const FOLLOWUP_OUTCOMES: FollowupOutcome[] = [
  "good_review",
  "turned_good",
  "no_answer",
  "bad_review",
];

const keys = {
  quality: ["aftersales", "quality"] as const,
  rules: ["aftersales", "followup-rules"] as const,
  returnRules: ["aftersales", "return-rules"] as const,
};

export const useQuality = () =>
  useQuery({ queryKey: keys.quality, queryFn: () => api.get<Quality>(`${V1}/quality`) });

export function usePutQuality() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: QualityInput) => api.put<Quality>(`${V1}/quality`, b),
    onSuccess: (q) => qc.setQueryData(keys.quality, q),
  });
}

export const useFollowupRules = () =>
  useQuery({
    queryKey: keys.rules,
    queryFn: () => api.get<FollowupRules>(`${V1}/followup-rules`),
  });

export function usePutFollowupRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: FollowupRulesInput) => api.put<FollowupRules>(`${V1}/followup-rules`, b),
    onSuccess: (r) => {
      qc.setQueryData(keys.rules, r);
      void qc.invalidateQueries({ queryKey: ["today"] });
    },
  });
}

/** Records a follow-up's outcome; Today and the cases (a bad review opens one) are read again. */
export function useRecordFollowup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...b }: Body<"recordAftersalesFollowup"> & { id: string }) =>
      api.post<Followup>(`${V1}/followups/${id}/outcome`, b),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["today"] });
      void qc.invalidateQueries({ queryKey: ["aftersales"] });
    },
  });
}

/** Whether returned goods are inspected before they are refunded (/api/v1/aftersales/return-rules). */
export const useReturnRules = () =>
  useQuery({
    queryKey: keys.returnRules,
    queryFn: () => api.get<ReturnRules>(`${V1}/return-rules`),
  });

export function usePutReturnRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: Body<"putAftersalesReturnRules">) =>
      api.put<ReturnRules>(`${V1}/return-rules`, b),
    onSuccess: (r) => qc.setQueryData(keys.returnRules, r),
  });
}
