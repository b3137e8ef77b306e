// Counting stored instants (UTC) by the workspace's calendar days without a time-zone database in
// SQL: the local days from..to are cut into spans of one UTC offset (one span for a zone without
// daylight saving, such as Asia/Shanghai; a few for a zone that changes its clocks), and in each
// span an instant's local date is the UTC date of the instant plus that offset — arithmetic both
// SQLite and PostgreSQL do. Pure.
import { addDays } from "../calendar/date.js";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC of a time zone at an instant (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant (ms) a local date begins in the zone. */
export function localMidnight(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  at = wall - zoneOffsetMinutes(at, timeZone) * 60_000;
  return at;
}

export interface OffsetSpan {
  /** First instant of the span (ISO, inclusive). */
  startIso: string;
  /** End of the span (ISO, exclusive). */
  endIso: string;
  /** Minutes to add to an instant of the span for its local wall clock. */
  offsetMinutes: number;
}

/**
 * The local days `from`..`to` (both included) as spans of one UTC offset, in order, covering
 * exactly [start of `from`, start of the day after `to`) in the zone.
 */
export function offsetSpans(from: string, to: string, timeZone: string): OffsetSpan[] {
  const end = localMidnight(addDays(to, 1), timeZone);
  const spans: OffsetSpan[] = [];
  let cur = localMidnight(from, timeZone);
  while (cur < end) {
    const offset = zoneOffsetMinutes(cur, timeZone);
    // Step a day at a time until the offset changes (or the end), then narrow to the minute:
    // clocks change at most once a day, on a whole minute.
    let lo = cur;
    let hi = end;
    for (let probe = cur; probe < end;) {
      const next = Math.min(probe + DAY_MS, end);
      if (zoneOffsetMinutes(next, timeZone) !== offset) {
        lo = probe;
        hi = next;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (zoneOffsetMinutes(mid, timeZone) === offset) lo = mid;
          else hi = mid;
        }
        break;
      }
      probe = next;
    }
    spans.push({
      startIso: new Date(cur).toISOString(),
      endIso: new Date(hi).toISOString(),
      offsetMinutes: offset,
    });
    cur = hi;
  }
  return spans;
}

const DAY_MS = 86_400_000;
