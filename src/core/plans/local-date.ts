// The date of an instant in a time zone lives in core/calendar/today.ts (one implementation for
// "today" and for dating stored instants); this name stays for the callers that date instants.
export { dateInZone as localDate } from "../calendar/today.js";
