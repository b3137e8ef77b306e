// Live updates: one EventSource on /api/v1/events per signed-in tab; each event invalidates the
// queries it makes stale, so open pages update without a reload. EventSource reconnects by itself.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { invalidationsFor } from "../../api/plans";

const EVENTS = [
  "schedule.changed",
  "notification",
  "report.submitted",
  "day.changed",
  "aftersales.cases.changed",
  "aftersales.followups.changed",
  "aftersales.sla.alert",
] as const;

/** Events passed on to the page as they come (see `liveEventName`). */
const PASSED_ON = ["rates.recost.progress"] as const;

/** The window event a live event is passed on as. */
export const liveEventName = (type: string) => `dayclear:${type}`;

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
    // Events a page listens to itself (their data, not a refresh): passed on as window events
    // named `dayclear:<type>` (liveEventName), e.g. a rate card's re-cost progress.
    const passOn = (e: MessageEvent<string>) => {
      try {
        window.dispatchEvent(
          new CustomEvent(liveEventName(e.type), { detail: JSON.parse(e.data) }),
        );
      } catch {
        // A malformed event is dropped; the page still gets the import's answer.
      }
    };
    for (const type of PASSED_ON) source.addEventListener(type, passOn);
    // After a reconnect, anything may have changed while we were away.
    source.addEventListener(
      "ready",
      () =>
        void qc.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "instance",
        }),
    );
    return () => {
      for (const type of PASSED_ON) source.removeEventListener(type, passOn);
      for (const [type, handler] of handlers) source.removeEventListener(type, handler);
      source.close();
    };
  }, [enabled, qc]);
}
