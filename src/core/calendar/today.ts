// "Today" for a workspace: the calendar date (and month) of an instant on the wall clock of the
// workspace's time zone. The one place that turns the clock into a date, so Today, the daily
// report, goals, reminders and the pay projection agree on the day — never the UTC date, which
// in Shanghai is still yesterday until 08:00 (and last month before 08:00 on the 1st).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (an IANA name, e.g. "Asia/Shanghai"). */
export function dateInZone(instant: Date | string, timeZone: string): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  let year = "";
  let month = "";
  let day = "";
  for (const p of formatterFor(timeZone).formatToParts(at)) {
    if (p.type === "year") year = p.value;
    else if (p.type === "month") month = p.value;
    else if (p.type === "day") day = p.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

/** The workspace's current date: `now` (the injected clock) on the wall clock of its time zone. */
export const workspaceToday = (now: Date, timeZone: string): string => dateInZone(now, timeZone);

/** The workspace's current month (YYYY-MM), e.g. the pay period a projection runs in. */
export const workspaceMonth = (now: Date, timeZone: string): string =>
  workspaceToday(now, timeZone).slice(0, 7);
