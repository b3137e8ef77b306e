// The packing of the coming days for a workspace, from its data: the parcels waiting now, those
// each 物流 member packed today, the orders of recent days (new parcels a day), the time a parcel
// takes (set, learned from the pack station, or the default) and who of 物流 works which day (their
// calendar, leave and duties). The scheduling engine reserves the hours in people's days
// (plans/schedule.service.ts), Today shows a member's packing run, the lead's card the load of a day.
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays, isoWeekday } from "../../core/calendar/date.js";
import {
  PACKING,
  datesFrom,
  forecastPacking,
  learnParcelSeconds,
  localDayStart,
  parcelSeconds,
  type PackingDay,
  type ParcelSecondsSource,
  type PackScan,
} from "../../core/logistics/packing.js";
import { effectiveFunction } from "../../core/org/rights.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { PackingWorkRepository } from "./packing-work.repository.js";

/** People as the engine reads them (plans/schedule.repository.ts `people`). */
export interface PackingPeople {
  members: {
    id: string;
    name: string;
    hoursPerDay: number | null;
    workweek: string | null;
    departmentId: string | null;
  }[];
  leaves: { memberId: string; startDate: string; endDate: string }[];
  duties: { memberId: string; weekdays: string; startTime: string; endTime: string }[];
}

/** The workspace calendar as stored (week as JSON text). */
export interface PackingCalendar {
  workweek: string;
  hoursPerDay: number;
  days: { date: string; kind: "holiday" | "workday" }[];
}

export interface PackingSeconds {
  seconds: number;
  source: ParcelSecondsSource;
  /** Gaps between parcels the learned time comes from (0: none learned). */
  gaps: number;
  /** The time learned from the pack station, whether or not it is in use. */
  learned: number | null;
  /** The time set in the settings (null: none). */
  set: number | null;
}

export interface PackingForecast {
  today: string;
  seconds: PackingSeconds;
  queueParcels: number;
  inflowPerDay: number;
  /** The 物流 members: active members whose own department's function is logistics. */
  members: { id: string; name: string }[];
  days: PackingDay[];
}

/** A block of reserved hours in a member's day, as the engine's input takes it. */
export interface PackingReservation {
  id: string;
  memberId: string;
  date: string;
  hours: number;
  title: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The per-parcel time in use, with what it comes from. */
export async function packingSeconds(
  db: Executor,
  workspaceId: string,
  memberIds: readonly string[],
  now: string,
): Promise<PackingSeconds> {
  const repo = new PackingWorkRepository(db);
  const since = new Date(Date.parse(now) - PACKING.learnWindowDays * 86_400_000).toISOString();
  const [settings, ...scans] = await Promise.all([
    repo.settings(workspaceId),
    ...memberIds.map((id) => repo.packScans(workspaceId, id, since, PACKING.learnPerMember)),
  ]);
  const learned = learnParcelSeconds(scans.flat() as PackScan[]);
  const set = settings?.parcelSeconds ?? null;
  return { ...parcelSeconds(set, learned), learned: learned?.seconds ?? null, set };
}

/** The 物流 members of the workspace among the people given. */
export async function logisticsMembers(db: Executor, workspaceId: string, people: PackingPeople) {
  const departments = await new DepartmentRepository(db).list(workspaceId);
  return people.members.filter(
    (m) =>
      m.departmentId !== null && effectiveFunction(departments, m.departmentId) === "logistics",
  );
}

/**
 * The packing of `days` dates from today. `people` and `calendar` are the engine's own reads when
 * it asks (so nothing is read twice); null when the workspace has no 物流 member.
 */
export async function packingForecast(
  db: Executor,
  workspaceId: string,
  o: {
    today: string;
    now: string;
    timeZone: string;
    days: number;
    people: PackingPeople;
    calendar: PackingCalendar;
  },
): Promise<PackingForecast | null> {
  const packers = await logisticsMembers(db, workspaceId, o.people);
  if (packers.length === 0) return null;
  const repo = new PackingWorkRepository(db);
  const ids = packers.map((m) => m.id);
  const [seconds, queueParcels, packedToday, paid] = await Promise.all([
    packingSeconds(db, workspaceId, ids, o.now),
    repo.parcelsToPack(workspaceId),
    repo.packedBy(workspaceId, localDayStart(o.today, o.timeZone), o.now, ids),
    repo.paidOrders(workspaceId, addDays(o.today, -PACKING.inflowDays), addDays(o.today, -1)),
  ]);
  const cal = new WorkCalendar({
    workweek: JSON.parse(o.calendar.workweek) as number[],
    hoursPerDay: o.calendar.hoursPerDay,
    holidays: o.calendar.days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: o.calendar.days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
  const dates = datesFrom(o.today, o.days);
  const last = dates.at(-1)!;
  const calendars = packers.map((m) => {
    const daysOff: string[] = [];
    for (const l of o.people.leaves)
      if (l.memberId === m.id && l.endDate >= o.today && l.startDate <= last)
        for (
          let d = l.startDate < o.today ? o.today : l.startDate;
          d <= l.endDate && d <= last;
          d = addDays(d, 1)
        )
          daysOff.push(d);
    const duties = o.people.duties
      .filter((d) => d.memberId === m.id)
      .map((d) => ({
        weekdays: JSON.parse(d.weekdays) as number[],
        hours: Math.max(0, (minutes(d.endTime) - minutes(d.startTime)) / 60),
      }));
    return {
      id: m.id,
      cal: cal.forMember({
        workweek: m.workweek ? (JSON.parse(m.workweek) as number[]) : null,
        hoursPerDay: m.hoursPerDay,
        daysOff,
      }),
      duties,
    };
  });
  const inflowPerDay = paid / PACKING.inflowDays;
  const days = forecastPacking({
    today: o.today,
    secondsPerParcel: seconds.seconds,
    queueParcels,
    packedToday,
    inflowPerDay,
    days: dates.map((date) => {
      const wd = isoWeekday(date);
      return {
        date,
        workers: calendars.map((c) => ({
          memberId: c.id,
          capacityHours: c.cal.capacityHours(date),
          dutyHours: c.duties
            .filter((d) => d.weekdays.includes(wd))
            .reduce((s, d) => s + d.hours, 0),
        })),
      };
    }),
  });
  return {
    today: o.today,
    seconds,
    queueParcels,
    inflowPerDay,
    members: packers.map((m) => ({ id: m.id, name: m.name })),
    days,
  };
}

/** The engine's blocks: each member's reserved packing hours per date (synthetic pinned work). */
export function packingReservations(f: PackingForecast | null): PackingReservation[] {
  if (!f) return [];
  return f.days.flatMap((d) =>
    d.shares
      .filter((s) => s.reservedHours > 0)
      .map((s) => ({
        id: `packing:${s.memberId}:${d.date}`,
        memberId: s.memberId,
        date: d.date,
        hours: s.reservedHours,
        // The plan file speaks English (an engine input, never shown in the app).
        title: `packing ${s.parcels} parcels`,
      })),
  );
}

// What the engine last reserved today and tomorrow, per workspace (this process): Today and the
// lead's card re-plan when the packing moved since by a quarter of an hour or more for someone
// (orders imported, parcels packed), so plan tasks move out of the way without waiting for the
// next change to a plan. A process that has not re-planned a workspace yet re-plans once.
const RESERVED_SEEN = new Map<string, { today: string; hours: Map<string, number> }>();
const MOVED_HOURS = 0.25;
const nearKey = (f: PackingForecast) => {
  const hours = new Map<string, number>();
  for (const d of f.days.slice(0, 2))
    for (const s of d.shares) hours.set(`${s.memberId}|${d.date}`, s.reservedHours);
  return hours;
};

/** Records what a re-plan reserved (called by the schedule service once it re-planned). */
export function rememberReserved(workspaceId: string, f: PackingForecast | null): void {
  if (RESERVED_SEEN.size >= 500) RESERVED_SEEN.clear();
  if (f) RESERVED_SEEN.set(workspaceId, { today: f.today, hours: nearKey(f) });
  else RESERVED_SEEN.delete(workspaceId);
}

/** Whether the packing now differs from what the engine last reserved (or this process never saw it). */
export function reservedMoved(workspaceId: string, f: PackingForecast): boolean {
  const seen = RESERVED_SEEN.get(workspaceId);
  if (!seen || seen.today !== f.today) return true;
  const now = nearKey(f);
  const keys = new Set([...now.keys(), ...seen.hours.keys()]);
  for (const k of keys)
    if (Math.abs((now.get(k) ?? 0) - (seen.hours.get(k) ?? 0)) >= MOVED_HOURS) return true;
  return false;
}
