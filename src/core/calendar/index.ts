export {
  addDays,
  daysBetween,
  fromEpochDay,
  isIsoDate,
  isoWeekday,
  isoWeekdayOfEpochDay,
  toEpochDay,
} from "./date.js";
export { MemberCalendar, WorkCalendar } from "./calendar.js";
export { dateInZone, workspaceMonth, workspaceToday } from "./today.js";
export type { CalendarSpec, MemberCalendarSpec } from "./calendar.js";
export { CN_HOLIDAY_YEARS, CN_HOLIDAYS, cnHolidaysForYears } from "./cn-holidays.js";
export type { HolidayEntry } from "./cn-holidays.js";
