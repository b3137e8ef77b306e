// Packing work (part people): a day's load per 物流 member, the time per parcel, and a member's
// packing run as Today carries it. Shapes from the generated contract.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs } from "../../../api/client";
import type { Body, Reply } from "../../../api/contract";
import { planKeys } from "../../../api/plans";

export type PackingLoad = Reply<"getLogisticsPackingLoad">;
export type PackingLoadMember = PackingLoad["members"][number];
export type PackingSettings = Reply<"getLogisticsPackingSettings">;
export type PackingSettingsBody = Body<"updateLogisticsPackingSettings">;
export type PackingRun = NonNullable<Reply<"getToday">["packing"]>;
export type SecondsSource = PackingSettings["secondsSource"];

const V1 = "/api/v1";
export const packingKeys = {
  all: ["logistics", "packing"] as const,
  load: (date: string) => ["logistics", "packing", "load", date] as const,
  settings: ["logistics", "packing", "settings"] as const,
};

/** The load of a day; no date: the next day someone of 物流 works. */
export const usePackingLoad = (date?: string) =>
  useQuery({
    queryKey: packingKeys.load(date ?? ""),
    queryFn: () => api.get<PackingLoad>(`${V1}/logistics/packing/load${qs({ date })}`),
  });

export const usePackingSettings = (enabled = true) =>
  useQuery({
    queryKey: packingKeys.settings,
    queryFn: () => api.get<PackingSettings>(`${V1}/logistics/packing/settings`),
    enabled,
  });

export function useSavePackingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PackingSettingsBody) =>
      api.put<PackingSettings>(`${V1}/logistics/packing/settings`, body),
    onSuccess: (saved) => {
      qc.setQueryData(packingKeys.settings, saved);
      // People's days are re-planned with the new time: the load and Today change.
      void qc.invalidateQueries({ queryKey: packingKeys.all });
      void qc.invalidateQueries({ queryKey: planKeys.today });
      void qc.invalidateQueries({ queryKey: planKeys.agenda });
    },
  });
}
