// Countdowns to ship-by: the server's clock (its `now` at the answer) ticks on in the browser.
import { useEffect, useState } from "react";
import type { Locale } from "../../../api/types";

/** Milliseconds the server's clock is ahead of this browser's, from an answer's `now`. */
export const skewOf = (serverNow: string | undefined) =>
  serverNow ? Date.parse(serverNow) - Date.now() : 0;

/** The time now on the server's clock, re-rendering every `everyMs`. */
export function useServerNow(serverNow: string | undefined, everyMs = 30_000): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setTick(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return tick + skewOf(serverNow);
}

/** A span as people say it: 2 h 15 min / 2小时15分; days past 48 hours. */
export function spanText(ms: number, locale: Locale): string {
  const min = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (locale === "zh-CN") {
    if (min >= 2880) return `${d}天${h}小时`;
    if (min >= 60) return `${Math.floor(min / 60)}小时${m}分`;
    return `${m}分钟`;
  }
  if (min >= 2880) return `${d} d ${h} h`;
  if (min >= 60) return `${Math.floor(min / 60)} h ${m} min`;
  return `${m} min`;
}

/** Local date and time of an instant, short (12-07 14:30). */
export const shortTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
