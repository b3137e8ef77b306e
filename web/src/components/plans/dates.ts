// Calendar-date arithmetic on YYYY-MM-DD strings (UTC, no time-zone surprises).
const DAY = 86_400_000;
export const parseDate = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number): string => formatDate(parseDate(d) + n * DAY);
export const daysBetween = (a: string, b: string): number =>
  Math.round((parseDate(b) - parseDate(a)) / DAY);
/** ISO weekday, Monday = 1 … Sunday = 7. */
export const weekday = (d: string): number => ((new Date(parseDate(d)).getUTCDay() + 6) % 7) + 1;
export const mondayOf = (d: string): string => addDays(d, 1 - weekday(d));
export const shortDate = (d: string): string => d.slice(5);
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}
