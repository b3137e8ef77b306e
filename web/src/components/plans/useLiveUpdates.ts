// Live updates: one EventSource on /api/v1/events per signed-in tab; each event invalidates the
// queries it makes stale, so open pages update without a reload. EventSource reconnects by itself.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { invalidationsFor } from "../../api/plans";

const EVENTS = ["schedule.changed", "notification", "report.submitted", "day.changed"] as const;

export function useLiveUpdates(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/events");
    const handlers = EVENTS.map((type) => {
      const handler = () => {
        for (const key of invalidationsFor(type)) void qc.invalidateQueries({ queryKey: key });
      };
      source.addEventListener(type, handler);
      return [type, handler] as const;
    });
    // After a reconnect, anything may have changed while we were away.
    source.addEventListener(
      "ready",
      () =>
        void qc.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "instance",
        }),
    );
    return () => {
      for (const [type, handler] of handlers) source.removeEventListener(type, handler);
      source.close();
    };
  }, [enabled, qc]);
}
