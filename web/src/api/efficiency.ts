// The workspace's efficiency table: GET /workspace/efficiency (everyone), PUT (the owner). Saving
// re-plans the workspace, so every read a schedule change moves is read again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { Reply } from "./contract";

export type Efficiency = Reply<"getWorkspaceEfficiency">;
export type Factors = Efficiency["factors"];

const key = ["workspace", "efficiency"] as const;
const SCHEDULE_READS = [["plans"], ["workload"], ["today"], ["agenda"], ["reports"]];

export const useEfficiency = () =>
  useQuery({
    queryKey: key,
    queryFn: () => api.get<Efficiency>("/api/v1/workspace/efficiency"),
  });

export function usePutEfficiency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { factors: Factors; version: number }) =>
      api.put<Reply<"putWorkspaceEfficiency">>("/api/v1/workspace/efficiency", b),
    onSuccess: (data) => qc.setQueryData(key, data),
    onSettled: () => Promise.all(SCHEDULE_READS.map((k) => qc.invalidateQueries({ queryKey: k }))),
  });
}
