// The customer-service people's days as routing and the engine see them (docs/AFTERSALES.md,
// "Routing"): who of a customer_service department works today (work calendar, own week, leave —
// the engine's own reads, plans/schedule.repository.ts `people`), the minutes they have free after
// duties, and the open cases on each of them in estimated minutes. The engine reserves those minutes
// — and FOLLOWUP_MINUTES for each 好评回访 follow-up due on their Today — in their days like a 物流
// member's packing (plans/schedule.service.ts), so plan work moves.
import { caseMinutes, spreadCaseMinutes, type FreeDay } from "../../core/aftersales/case-load.js";
import { FOLLOWUP_MINUTES } from "../../core/aftersales/followups.js";
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { addDays, isoWeekday } from "../../core/calendar/date.js";
import { effectiveFunction } from "../../core/org/rights.js";
import type { Executor } from "../../db/database.js";
import type {
  PackingCalendar,
  PackingPeople,
  PackingReservation,
} from "../logistics/packing-load.js";
import { TodayRepository } from "../daily/today.repository.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { FollowupRepository } from "./followups.repository.js";
import { RoutingRepository } from "./routing.repository.js";
import { rulesOf, type Rules } from "./routing-rules.js";

/** How far ahead an agent's open case minutes are laid out in their days. */
export const CASE_HORIZON_DAYS = 14;

export type CasePeople = PackingPeople & {
  skills: { memberId: string; name: string; level: number }[];
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each member's free hours (capacity less duties) over `days` dates from `from`. */
export function freeDays(
  people: PackingPeople,
  calendar: PackingCalendar,
  memberIds: readonly string[],
  from: string,
  days: number,
): Map<string, FreeDay[]> {
  const cal = new WorkCalendar({
    workweek: JSON.parse(calendar.workweek) as number[],
    hoursPerDay: calendar.hoursPerDay,
    holidays: calendar.days.filter((d) => d.kind === "holiday").map((d) => d.date),
    extraWorkdays: calendar.days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
  const last = addDays(from, days - 1);
  const out = new Map<string, FreeDay[]>();
  for (const id of memberIds) {
    const m = people.members.find((x) => x.id === id);
    if (!m) continue;
    const daysOff: string[] = [];
    for (const l of people.leaves)
      if (l.memberId === id && l.endDate >= from && l.startDate <= last)
        for (
          let d = l.startDate < from ? from : l.startDate;
          d <= l.endDate && d <= last;
          d = addDays(d, 1)
        )
          daysOff.push(d);
    const mc = cal.forMember({
      workweek: m.workweek ? (JSON.parse(m.workweek) as number[]) : null,
      hoursPerDay: m.hoursPerDay,
      daysOff,
    });
    const duties = people.duties.filter((d) => d.memberId === id);
    const list: FreeDay[] = [];
    for (let i = 0, d = from; i < days; i++, d = addDays(d, 1)) {
      const cap = mc.capacityHours(d);
      const wd = isoWeekday(d);
      const duty = duties
        .filter((x) => (JSON.parse(x.weekdays) as number[]).includes(wd))
        .reduce((s, x) => s + Math.max(0, (minutesOf(x.endTime) - minutesOf(x.startTime)) / 60), 0);
      list.push({ date: d, freeHours: cap > 0 ? Math.max(0, cap - duty) : 0 });
    }
    out.set(id, list);
  }
  return out;
}

/** The active members whose own department (or a parent) has the customer_service function. */
export async function customerServiceMembers(
  db: Executor,
  workspaceId: string,
  people: PackingPeople,
) {
  const departments = await new DepartmentRepository(db).list(workspaceId);
  return people.members.filter(
    (m) =>
      m.departmentId !== null &&
      effectiveFunction(departments, m.departmentId) === "customer_service",
  );
}

/** Open cases per assignee: how many and their estimated minutes (the rules' table, else defaults). */
export async function openWork(
  db: Executor,
  workspaceId: string,
  rules?: Rules,
): Promise<{
  rules: Rules;
  byMember: Map<string, { count: number; minutes: number }>;
  unassigned: { count: number; minutes: number; reasons: Map<string, number> };
}> {
  const repo = new RoutingRepository(db);
  const r = rules ?? rulesOf(await repo.rules(workspaceId));
  const byMember = new Map<string, { count: number; minutes: number }>();
  const unassigned = { count: 0, minutes: 0, reasons: new Map<string, number>() };
  for (const g of await repo.openCounts(workspaceId)) {
    const minutes = g.count * caseMinutes(g.type, r.minutesByType);
    if (g.memberId === null) {
      unassigned.count += g.count;
      unassigned.minutes += minutes;
      const reason = g.reason ?? "not_routed";
      unassigned.reasons.set(reason, (unassigned.reasons.get(reason) ?? 0) + g.count);
      continue;
    }
    const cur = byMember.get(g.memberId) ?? { count: 0, minutes: 0 };
    byMember.set(g.memberId, { count: cur.count + g.count, minutes: cur.minutes + minutes });
  }
  return { rules: r, byMember, unassigned };
}

/**
 * The engine's blocks: each member's open case minutes laid over their days from today (today's
 * free hours first, the rest on the next working days), as reserved hours like a duty.
 */
export async function caseReservations(
  db: Executor,
  workspaceId: string,
  o: { today: string; people: PackingPeople; calendar: PackingCalendar },
): Promise<PackingReservation[]> {
  const [{ byMember }, calls] = await Promise.all([
    openWork(db, workspaceId),
    // 好评回访 follow-ups due by today take FOLLOWUP_MINUTES each, the same way.
    new FollowupRepository(db).dueCounts(workspaceId, o.today),
  ]);
  const work = new Map<string, { count: number; calls: number; minutes: number }>();
  for (const [memberId, w] of byMember) work.set(memberId, { ...w, calls: 0 });
  for (const [memberId, n] of calls) {
    const cur = work.get(memberId) ?? { count: 0, calls: 0, minutes: 0 };
    work.set(memberId, { ...cur, calls: n, minutes: cur.minutes + n * FOLLOWUP_MINUTES });
  }
  if (work.size === 0) return [];
  const days = freeDays(o.people, o.calendar, [...work.keys()], o.today, CASE_HORIZON_DAYS);
  const out: PackingReservation[] = [];
  for (const [memberId, w] of work) {
    const free = days.get(memberId);
    if (!free) continue;
    for (const b of spreadCaseMinutes(w.minutes, free).blocks)
      out.push({
        id: `cases:${memberId}:${b.date}`,
        memberId,
        date: b.date,
        hours: b.hours,
        // The plan file speaks English (an engine input, never shown in the app).
        title: w.calls
          ? `after-sales cases (${w.count}), follow-up calls (${w.calls})`
          : `after-sales cases (${w.count})`,
      });
  }
  return out;
}

/** A member's open cases as Today shows them: the deadline for the countdown, the minutes counted. */
export async function casesOnToday(db: Executor, workspaceId: string, memberId: string) {
  const [rows, rules] = await Promise.all([
    new TodayRepository(db).openCases(workspaceId, memberId),
    new RoutingRepository(db).rules(workspaceId),
  ]);
  const table = rulesOf(rules).minutesByType;
  return rows.map((r) => ({ ...r, estimatedMinutes: caseMinutes(r.type, table) }));
}
