// Progress control: a plan's earned value (GET /plans/{id}/progress) and its daily history for the
// S-curve and the SPI/CPI trend (GET /plans/{id}/progress/history). Undefined ratios are null.
import { useQuery } from "@tanstack/react-query";
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
