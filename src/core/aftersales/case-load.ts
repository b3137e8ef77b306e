// The work a case is expected to take, and where it goes in an agent's days (docs/AFTERSALES.md,
// "Routing"). Each open case assigned to someone counts its estimated minutes (per case type: the
// workspace's own table, else the defaults below) in their capacity: routing gives no one more than
// they have free today, and the scheduling engine reserves the minutes like a duty so plan work moves
// out of the way (modules/aftersales/routing-load.ts, plans/schedule.service.ts). Pure.
import type { CaseType } from "./cases.js";

/** Default minutes per case type (a first answer takes a few minutes; a return is followed to the end). */
export const DEFAULT_CASE_MINUTES: Readonly<Record<CaseType, number>> = {
  refund_before_shipping: 5,
  refund_after_shipping: 10,
  return_refund: 20,
  exchange: 25,
  reship: 15,
  repair: 30,
  price_protection: 10,
  complaint: 30,
};

/** Bounds of a case type's minutes in the workspace's table. */
export const CASE_MINUTES_MAX = 480;

/** The minutes a case of `type` is expected to take: the workspace's table, else the default. */
export function caseMinutes(
  type: string,
  table: Partial<Record<CaseType, number>> | null | undefined,
): number {
  const own = table?.[type as CaseType];
  if (own !== undefined && Number.isInteger(own) && own > 0) return own;
  return DEFAULT_CASE_MINUTES[type as CaseType] ?? DEFAULT_CASE_MINUTES.complaint;
}

export interface FreeDay {
  date: string;
  /** Hours the member has that day after duties (0 on a day off). */
  freeHours: number;
}

const round2 = (h: number) => Math.round(h * 100) / 100;

/**
 * An agent's open case minutes laid over their days from today: each working day takes what it has
 * free, the rest goes on to the next; what no day in the horizon holds is left out (`over`).
 */
export function spreadCaseMinutes(
  minutes: number,
  days: readonly FreeDay[],
): { blocks: { date: string; hours: number }[]; overMinutes: number } {
  let left = Math.max(0, Math.round(minutes));
  const blocks: { date: string; hours: number }[] = [];
  for (const d of days) {
    if (left <= 0) break;
    const free = Math.floor(Math.max(0, d.freeHours) * 60);
    if (free <= 0) continue;
    const take = Math.min(free, left);
    blocks.push({ date: d.date, hours: round2(take / 60) });
    left -= take;
  }
  return { blocks, overMinutes: left };
}
