// Packing work in people's days (docs/LOGISTICS.md, part people): how long a parcel takes, how the
// parcels waiting now and those expected on the next days are shared among the 物流 members who work
// those days, and how many hours that reserves in each one's day, so plan tasks go around it.
// Pure: the scheduling engine's input, Today and the lead's load card read the same numbers.
import { addDays } from "../calendar/date.js";

export const PACKING = {
  /** Seconds per parcel when nothing is set and the scan history is too short to learn from. */
  defaultParcelSeconds: 60,
  /** A set or learned time is kept within these bounds (seconds). */
  minParcelSeconds: 5,
  maxParcelSeconds: 3600,
  /** A longer pause between two parcels of one packer is a break, not packing time (seconds). */
  sessionGapSeconds: 600,
  /** Learning needs at least this many gaps between parcels … */
  learnMinGaps: 20,
  /** … from each packer's latest parcels shipped at the pack station, over at most these days. */
  learnPerMember: 500,
  learnWindowDays: 28,
  /** New parcels per day = paid orders of the last days ÷ days. */
  inflowDays: 14,
  /** How far ahead packing is reserved in people's days (as far as recurring duties are laid out). */
  horizonDays: 120,
} as const;

/** A parcel shipped at the pack station: outcome ok at step waybill or typed (core/logistics/scan.ts). */
export const PACKED_SCAN = { outcome: "ok", steps: ["waybill", "typed"] } as const;
/** A scan the pack station stopped because the waybill or slip belonged to another parcel. */
export const WRONG_PARCEL_OUTCOME = "wrong_parcel";

const round2 = (h: number) => Math.round(h * 100) / 100;

export interface PackScan {
  memberId: string;
  /** ISO-8601 instant. */
  at: string;
  parcelId: string;
}

/**
 * The time a parcel takes, learned from the pack station: for each packer, the gaps between one
 * parcel shipped and the next (a parcel scanned twice counts once), leaving out pauses longer than
 * `sessionGapSeconds` (a break, the end of a session); the median of all gaps, rounded to the second
 * and kept within the bounds. Null when there are fewer than `learnMinGaps` gaps.
 */
export function learnParcelSeconds(
  scans: readonly PackScan[],
): { seconds: number; gaps: number } | null {
  const byMember = new Map<string, { t: number; parcelId: string }[]>();
  for (const s of scans) {
    const t = Date.parse(s.at);
    if (!Number.isFinite(t)) continue;
    const list = byMember.get(s.memberId);
    if (list) list.push({ t, parcelId: s.parcelId });
    else byMember.set(s.memberId, [{ t, parcelId: s.parcelId }]);
  }
  const gaps: number[] = [];
  for (const list of byMember.values()) {
    list.sort((a, b) => a.t - b.t);
    let prev: { t: number; parcelId: string } | null = null;
    for (const s of list) {
      if (prev && s.parcelId === prev.parcelId) continue;
      if (prev) {
        const gap = (s.t - prev.t) / 1000;
        if (gap > 0 && gap <= PACKING.sessionGapSeconds) gaps.push(gap);
      }
      prev = s;
    }
  }
  if (gaps.length < PACKING.learnMinGaps) return null;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return { seconds: clampSeconds(Math.round(median)), gaps: gaps.length };
}

export const clampSeconds = (s: number): number =>
  Math.min(PACKING.maxParcelSeconds, Math.max(PACKING.minParcelSeconds, s));

export type ParcelSecondsSource = "set" | "learned" | "default";

/** The time per parcel in use: the one set in the settings, else the learned one, else the default. */
export function parcelSeconds(
  set: number | null,
  learned: { seconds: number; gaps: number } | null,
): { seconds: number; source: ParcelSecondsSource; gaps: number } {
  if (set !== null) return { seconds: clampSeconds(set), source: "set", gaps: learned?.gaps ?? 0 };
  if (learned) return { seconds: learned.seconds, source: "learned", gaps: learned.gaps };
  return { seconds: PACKING.defaultParcelSeconds, source: "default", gaps: 0 };
}

/**
 * Whole parcels shared in proportion to each person's free hours (largest remainder; ties to the
 * earlier person). With no free hours at all, shared equally.
 */
export function splitParcels(parcels: number, freeHours: readonly number[]): number[] {
  const n = freeHours.length;
  if (n === 0 || parcels <= 0) return freeHours.map(() => 0);
  const total = freeHours.reduce((s, h) => s + Math.max(0, h), 0);
  const weights =
    total > 0 ? freeHours.map((h) => Math.max(0, h) / total) : freeHours.map(() => 1 / n);
  const exact = weights.map((w) => w * parcels);
  const out = exact.map((x) => Math.floor(x + 1e-9));
  let left = parcels - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9), w: weights[i]! }))
    .filter((o) => o.w > 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--)
    out[order[k]!.i]! += 1;
  return out;
}

/** A 物流 member on a date: their hours that day (0 = not working) and their duties' hours. */
export interface PackingWorker {
  memberId: string;
  capacityHours: number;
  dutyHours: number;
}

export interface PackingForecastInput {
  /** The workspace's today; `days` start here, one per calendar date. */
  today: string;
  days: { date: string; workers: readonly PackingWorker[] }[];
  secondsPerParcel: number;
  /** Parcels still to pack now (the queue's orders not packed yet, merged parcels once). */
  queueParcels: number;
  /** Parcels each member packed today so far (their packing hours today include them). */
  packedToday: ReadonlyMap<string, number>;
  /** New parcels expected per calendar day after today. */
  inflowPerDay: number;
}

/** One member's packing on a date. */
export interface PackingShare {
  memberId: string;
  /** Parcels of the day that are theirs, including those they already packed today. */
  parcels: number;
  /** Of which already packed (today only). */
  packedParcels: number;
  hours: number;
  capacityHours: number;
  dutyHours: number;
  /** Hours of the day left after duties: what packing may take. */
  freeHours: number;
  /** Hours reserved in their day for packing (never more than the free hours). */
  reservedHours: number;
  /** Packing hours beyond the free hours: they are short by this much. */
  shortHours: number;
}

export interface PackingDay {
  date: string;
  /** Parcels to pack that day (today: packed so far + waiting now; later: expected). */
  parcels: number;
  /** Of which new that day (later days: the expected orders since the previous packing day). */
  newParcels: number;
  /** Of which left over from the day before (beyond what its packers could pack). */
  carriedOver: number;
  /** Parcels nobody packs that day (nobody of 物流 works): they wait for the next packing day. */
  waitingParcels: number;
  shares: PackingShare[];
}

/**
 * The packing of each date from today: today the parcels waiting now, shared among today's 物流
 * members in proportion to their free hours (capacity − duties), plus what each already packed;
 * later dates the expected new parcels since the previous packing day plus what the previous
 * packing day's free hours could not take. Today what waits is shared by the hours each has left
 * after what they packed so far. A share's hours beyond its free hours are short.
 */
export function forecastPacking(input: PackingForecastInput): PackingDay[] {
  const s = input.secondsPerParcel;
  const hoursOf = (parcels: number) => round2((parcels * s) / 3600);
  const parcelsIn = (hours: number) => Math.floor((hours * 3600) / s + 1e-9);
  const out: PackingDay[] = [];
  let carry = 0;
  let pending = 0; // expected new parcels not yet on a packing day (fractions accumulate)
  for (const day of input.days) {
    const isToday = day.date === input.today;
    if (!isToday) pending += input.inflowPerDay;
    const workers = day.workers.filter((w) => w.capacityHours > 0);
    const newParcels = isToday ? input.queueParcels : Math.floor(pending + 1e-9);
    const waiting = isToday ? input.queueParcels : newParcels + carry;
    if (workers.length === 0) {
      out.push({
        date: day.date,
        parcels: 0,
        newParcels,
        carriedOver: isToday ? 0 : carry,
        waitingParcels: waiting,
        shares: [],
      });
      if (isToday) carry = waiting;
      continue;
    }
    if (!isToday) pending -= newParcels;
    const free = workers.map((w) => round2(Math.max(0, w.capacityHours - w.dutyHours)));
    const packedOf = (id: string) => (isToday ? (input.packedToday.get(id) ?? 0) : 0);
    // What waits is shared by the hours each has left (today: after what they packed so far).
    const left = workers.map((w, i) => Math.max(0, free[i]! - hoursOf(packedOf(w.memberId))));
    const split = splitParcels(waiting, left);
    const room = left.reduce((sum, h) => sum + h, 0);
    const shares = workers.map((w, i): PackingShare => {
      const packed = packedOf(w.memberId);
      const parcels = packed + split[i]!;
      const hours = hoursOf(parcels);
      return {
        memberId: w.memberId,
        parcels,
        packedParcels: packed,
        hours,
        capacityHours: w.capacityHours,
        dutyHours: round2(Math.min(w.dutyHours, w.capacityHours)),
        freeHours: free[i]!,
        reservedHours: round2(Math.min(hours, free[i]!)),
        shortHours: round2(Math.max(0, hours - free[i]!)),
      };
    });
    out.push({
      date: day.date,
      parcels: shares.reduce((sum, x) => sum + x.parcels, 0),
      newParcels,
      carriedOver: isToday ? 0 : carry,
      waitingParcels: 0,
      shares,
    });
    carry = Math.max(0, waiting - parcelsIn(room));
  }
  return out;
}

const wallClock = new Map<string, Intl.DateTimeFormat>();
/** Minutes east of UTC of a time zone at an instant. */
function offsetMinutes(ms: number, timeZone: string): number {
  let f = wallClock.get(timeZone);
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
    wallClock.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant (ISO) a local date begins in a time zone: packed_at and scans are compared with it. */
export function localDayStart(date: string, timeZone: string): string {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - offsetMinutes(first, timeZone) * 60_000).toISOString();
}

/** The consecutive dates from `today`, `count` of them. */
export const datesFrom = (today: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => addDays(today, i));
