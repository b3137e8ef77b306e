// Progress control: a plan's earned value (GET /plans/{id}/progress) and its daily history for the
// S-curve and the SPI/CPI trend (GET /plans/{id}/progress/history). Undefined ratios are null.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Reply } from "./contract";

export type PlanProgress = Reply<"getPlanProgress">;
export type PlanProgressHistory = Reply<"getPlanProgressHistory">;
export type Evm = PlanProgress["plan"];

export const progressKeys = {
  progress: (id: string) => ["plans", "progress", id] as const,
  history: (id: string) => ["plans", "progress-history", id] as const,
};

/** Earned value now; `enabled` false while the plan has no baseline (the server says 409 then). */
export const usePlanProgress = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: progressKeys.progress(id),
    queryFn: () => api.get<PlanProgress>(`/api/v1/plans/${id}/progress`),
    enabled,
  });

export const usePlanProgressHistory = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: progressKeys.history(id),
    queryFn: () => api.get<PlanProgressHistory>(`/api/v1/plans/${id}/progress/history`),
    enabled,
  });

// Corrective actions as what-ifs (POST /plans/{id}/what-ifs: computed, nothing written;
// /what-ifs/apply: one audited edit, then everything a schedule change moves is read again; and
// /what-ifs/{applicationId}/undo: that edit undone, the same reads again).
export type WhatIfs = Reply<"createPlanWhatIf">;
export type WhatIfOption = WhatIfs["options"][number];
export type WhatIfChanges = WhatIfOption["changes"];

export const useWhatIfs = (id: string) =>
  useMutation({
    mutationFn: () => api.post<WhatIfs>(`/api/v1/plans/${id}/what-ifs`),
  });

const SCHEDULE_READS = [["plans"], ["workload"], ["today"], ["agenda"], ["reports"]];

export function useApplyWhatIf(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { revision: string; changes: WhatIfChanges }) =>
      api.post<Reply<"postPlanWhatIfsApply">>(`/api/v1/plans/${id}/what-ifs/apply`, b),
    onSettled: () => Promise.all(SCHEDULE_READS.map((k) => qc.invalidateQueries({ queryKey: k }))),
  });
}

/** The plan's latest applied what-if not undone (GET …/what-ifs/last): a later visit can undo it. */
export const useLastWhatIf = (id: string) =>
  useQuery({
    queryKey: ["plans", "whatif-last", id],
    queryFn: () => api.get<Reply<"getPlanWhatIfsLast">>(`/api/v1/plans/${id}/what-ifs/last`),
  });

export function useUndoWhatIf(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (applicationId: string) =>
      api.post<Reply<"postPlanWhatIfUndo">>(`/api/v1/plans/${id}/what-ifs/${applicationId}/undo`),
    onSettled: () => Promise.all(SCHEDULE_READS.map((k) => qc.invalidateQueries({ queryKey: k }))),
  });
}
