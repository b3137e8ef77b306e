// Official mainland China public holidays (放假) and make-up workdays (调休上班).
//
// 2025 and 2026: generated from the `chinese-days` npm package v1.5.7 (dist/years/2025.json and
// 2026.json), which follows the State Council General Office notices (国务院办公厅关于2025年/2026年
// 部分节假日安排的通知). Regenerate rather than hand-edit when a correction is published.
//
// 2027: the State Council's arrangement (which days are bridged and which weekend days become
// make-up workdays) had not been published when this data was written, so only the statutory
// holidays of 《全国年节及纪念日放假办法》 (2024 revision) are listed: 元旦 Jan 1; 春节 4 days from
// 除夕 (Chinese New Year 2027-02-06, so 除夕 2027-02-05); 清明 Apr 5; 劳动节 May 1–2; 端午
// 2027-06-09; 中秋 2027-09-15; 国庆 Oct 1–3. Workspaces seed their calendar from this list and can
// edit it when the official notice appears.

export interface HolidayEntry {
  date: string;
  kind: "holiday" | "workday";
  name: string;
}

export const CN_HOLIDAYS: readonly HolidayEntry[] = [
  // 2025
  { date: "2025-01-01", kind: "holiday", name: "元旦" },
  { date: "2025-01-26", kind: "workday", name: "春节" },
  { date: "2025-01-28", kind: "holiday", name: "春节" },
  { date: "2025-01-29", kind: "holiday", name: "春节" },
  { date: "2025-01-30", kind: "holiday", name: "春节" },
  { date: "2025-01-31", kind: "holiday", name: "春节" },
  { date: "2025-02-01", kind: "holiday", name: "春节" },
  { date: "2025-02-02", kind: "holiday", name: "春节" },
  { date: "2025-02-03", kind: "holiday", name: "春节" },
  { date: "2025-02-04", kind: "holiday", name: "春节" },
  { date: "2025-02-08", kind: "workday", name: "春节" },
  { date: "2025-04-04", kind: "holiday", name: "清明" },
  { date: "2025-04-05", kind: "holiday", name: "清明" },
  { date: "2025-04-06", kind: "holiday", name: "清明" },
  { date: "2025-04-27", kind: "workday", name: "劳动节" },
  { date: "2025-05-01", kind: "holiday", name: "劳动节" },
  { date: "2025-05-02", kind: "holiday", name: "劳动节" },
  { date: "2025-05-03", kind: "holiday", name: "劳动节" },
  { date: "2025-05-04", kind: "holiday", name: "劳动节" },
  { date: "2025-05-05", kind: "holiday", name: "劳动节" },
  { date: "2025-05-31", kind: "holiday", name: "端午" },
  { date: "2025-06-01", kind: "holiday", name: "端午" },
  { date: "2025-06-02", kind: "holiday", name: "端午" },
  { date: "2025-09-28", kind: "workday", name: "国庆节" },
  { date: "2025-10-01", kind: "holiday", name: "国庆节" },
  { date: "2025-10-02", kind: "holiday", name: "国庆节" },
  { date: "2025-10-03", kind: "holiday", name: "国庆节" },
  { date: "2025-10-04", kind: "holiday", name: "国庆节" },
  { date: "2025-10-05", kind: "holiday", name: "国庆节" },
  { date: "2025-10-06", kind: "holiday", name: "中秋" },
  { date: "2025-10-07", kind: "holiday", name: "国庆节" },
  { date: "2025-10-08", kind: "holiday", name: "国庆节" },
  { date: "2025-10-11", kind: "workday", name: "国庆节" },
  // 2026
  { date: "2026-01-01", kind: "holiday", name: "元旦" },
  { date: "2026-01-02", kind: "holiday", name: "元旦" },
  { date: "2026-01-03", kind: "holiday", name: "元旦" },
  { date: "2026-01-04", kind: "workday", name: "元旦" },
  { date: "2026-02-14", kind: "workday", name: "春节" },
  { date: "2026-02-15", kind: "holiday", name: "春节" },
  { date: "2026-02-16", kind: "holiday", name: "春节" },
  { date: "2026-02-17", kind: "holiday", name: "春节" },
  { date: "2026-02-18", kind: "holiday", name: "春节" },
  { date: "2026-02-19", kind: "holiday", name: "春节" },
  { date: "2026-02-20", kind: "holiday", name: "春节" },
  { date: "2026-02-21", kind: "holiday", name: "春节" },
  { date: "2026-02-22", kind: "holiday", name: "春节" },
  { date: "2026-02-23", kind: "holiday", name: "春节" },
  { date: "2026-02-28", kind: "workday", name: "春节" },
  { date: "2026-04-04", kind: "holiday", name: "清明" },
  { date: "2026-04-05", kind: "holiday", name: "清明" },
  { date: "2026-04-06", kind: "holiday", name: "清明" },
  { date: "2026-05-01", kind: "holiday", name: "劳动节" },
  { date: "2026-05-02", kind: "holiday", name: "劳动节" },
  { date: "2026-05-03", kind: "holiday", name: "劳动节" },
  { date: "2026-05-04", kind: "holiday", name: "劳动节" },
  { date: "2026-05-05", kind: "holiday", name: "劳动节" },
  { date: "2026-05-09", kind: "workday", name: "劳动节" },
  { date: "2026-06-19", kind: "holiday", name: "端午" },
  { date: "2026-06-20", kind: "holiday", name: "端午" },
  { date: "2026-06-21", kind: "holiday", name: "端午" },
  { date: "2026-09-20", kind: "workday", name: "国庆节" },
  { date: "2026-09-25", kind: "holiday", name: "中秋" },
  { date: "2026-09-26", kind: "holiday", name: "中秋" },
  { date: "2026-09-27", kind: "holiday", name: "中秋" },
  { date: "2026-10-01", kind: "holiday", name: "国庆节" },
  { date: "2026-10-02", kind: "holiday", name: "国庆节" },
  { date: "2026-10-03", kind: "holiday", name: "国庆节" },
  { date: "2026-10-04", kind: "holiday", name: "国庆节" },
  { date: "2026-10-05", kind: "holiday", name: "国庆节" },
  { date: "2026-10-06", kind: "holiday", name: "国庆节" },
  { date: "2026-10-07", kind: "holiday", name: "国庆节" },
  { date: "2026-10-10", kind: "workday", name: "国庆节" },
  // 2027 — statutory days only; bridging and make-up workdays not yet published (see above).
  { date: "2027-01-01", kind: "holiday", name: "元旦" },
  { date: "2027-02-05", kind: "holiday", name: "春节" },
  { date: "2027-02-06", kind: "holiday", name: "春节" },
  { date: "2027-02-07", kind: "holiday", name: "春节" },
  { date: "2027-02-08", kind: "holiday", name: "春节" },
  { date: "2027-04-05", kind: "holiday", name: "清明" },
  { date: "2027-05-01", kind: "holiday", name: "劳动节" },
  { date: "2027-05-02", kind: "holiday", name: "劳动节" },
  { date: "2027-06-09", kind: "holiday", name: "端午" },
  { date: "2027-09-15", kind: "holiday", name: "中秋" },
  { date: "2027-10-01", kind: "holiday", name: "国庆节" },
  { date: "2027-10-02", kind: "holiday", name: "国庆节" },
  { date: "2027-10-03", kind: "holiday", name: "国庆节" },
];

export const CN_HOLIDAY_YEARS: readonly number[] = [2025, 2026, 2027];

/** The entries whose date falls in one of `years`, in date order. */
export function cnHolidaysForYears(years: number[]): HolidayEntry[] {
  const wanted = new Set(years.map((y) => String(y)));
  return CN_HOLIDAYS.filter((e) => wanted.has(e.date.slice(0, 4))).map((e) => ({ ...e }));
}
