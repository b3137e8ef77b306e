// Where a re-plan has to start. Re-scheduling replays the previous placement order (`seq`); a
// task placed before every task the change touches would be placed exactly as before, so its
// allocations can be kept as they are and only the rest is placed again. This finds the first
// placement position the changed plan invalidates. It errs on the side of re-placing: anything
// that could change a placement (effort, eligibility, calendars, capacity, dependencies, the
// WBS, removed tasks) counts; more capacity (a day off withdrawn) does not pull earlier tasks in,
// which is the stability a re-plan wants.

import { WorkCalendar, type MemberCalendar } from "../../calendar/calendar.js";
import { toEpochDay } from "../../calendar/date.js";
import { buildTeamNetwork } from "../team-network.js";
import { LINK_FF, LINK_FS, LINK_SS } from "../cpm.js";
import type { TeamPlan, TeamResult } from "../types.js";
import { isNeutral } from "../efficiency.js";

export function firstAffectedSeq(plan: TeamPlan, previous: TeamResult): number {
  let k = Infinity;
  const hit = (s: number | undefined): void => {
    if (s !== undefined && s < k) k = s;
  };
  // Shared tasks, efficiency and overtime: what changed cannot be told from the previous result
  // alone (maxPeople, the table, the extra hours), so everything is placed again (same result).
  if (
    plan.tasks.some((t) => (t.maxPeople ?? 1) > 1) ||
    !isNeutral(plan.efficiency) ||
    (plan.useOvertime && (plan.overtime?.length ?? 0) > 0)
  )
    return 0;
  const prev = new Map(previous.tasks.map((t) => [t.id, t]));
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  for (const t of previous.tasks) if (t.seq !== undefined && !index.has(t.id)) hit(t.seq);
  if (plan.pinned.length > 0) {
    const had = new Set(
      previous.allocations.map((a) => `${a.member}|${a.date}|${a.task}|${a.hours}`),
    );
    if (plan.pinned.some((a) => !had.has(`${a.member}|${a.date}|${a.task}|${a.hours}`))) return 0;
  }

  const cal = new WorkCalendar(plan.calendar);
  const members = new Map<
    string,
    { k: number; cal: MemberCalendar; skills: Record<string, number> }
  >();
  plan.members.forEach((m, k) =>
    members.set(m.id, {
      k,
      cal: cal.forMember({ workweek: m.workweek, hoursPerDay: m.hoursPerDay, daysOff: m.daysOff }),
      skills: m.skills,
    }),
  );

  // Previous work: still on working days, within capacity, and the whole effort.
  const hours = new Map<string, number>();
  const perDay = new Map<number, { hours: number; seq: number; cap: number }>();
  for (const a of previous.allocations) {
    const s = prev.get(a.task)?.seq;
    if (s === undefined || !index.has(a.task)) continue;
    const m = members.get(a.member);
    const epoch = toEpochDay(a.date);
    if (!m || !m.cal.isWorkdayEpoch(epoch)) {
      hit(s);
      continue;
    }
    hours.set(a.task, (hours.get(a.task) ?? 0) + a.hours);
    const key = epoch * 65536 + m.k;
    const d = perDay.get(key);
    if (d) {
      d.hours += a.hours;
      d.seq = Math.min(d.seq, s);
    } else perDay.set(key, { hours: a.hours, seq: s, cap: m.cal.hoursPerDay });
  }
  for (const d of perDay.values()) if (d.hours > d.cap + 1e-6) hit(d.seq);

  const net = buildTeamNetwork(plan.tasks, index);
  plan.tasks.forEach((t, i) => {
    const p = prev.get(t.id);
    if (p?.seq === undefined) return;
    if (net.isSummary[i]) return hit(p.seq); // was a leaf, is now a summary
    if (Math.abs((hours.get(t.id) ?? 0) - t.effortHours) > 0.01) return hit(p.seq);
    const who = p.assignee === null ? undefined : members.get(p.assignee);
    const eligible =
      t.assignee !== null
        ? t.assignee === p.assignee
        : who !== undefined &&
          (t.skill === null || (who.skills[t.skill] ?? 0) >= (t.minLevel ?? 1));
    if (!eligible) return hit(p.seq);
    // Inherited earliest starts (WBS) included.
    for (let v = i; v >= 0; v = net.parent[v]!) {
      const es = plan.tasks[v]!.earliestStart;
      if (es !== null && es > p.start) return hit(p.seq);
    }
  });

  // Dependencies (a link to or from a summary stands for links to or from each of its leaves):
  // each leaf placed after every leaf it waits for, and on or after the bound each of them sets.
  // Per summary, what its leaves set: the latest placement, the latest start and finish.
  const day = (d: string): number => toEpochDay(d);
  const n = plan.tasks.length;
  const maxSeq = new Float64Array(n).fill(-Infinity); // +∞: a leaf not placed before
  const maxStart = new Float64Array(n).fill(-Infinity);
  const maxFinish = new Float64Array(n).fill(-Infinity);
  for (const leaf of net.leaves) {
    const pa = prev.get(plan.tasks[leaf]!.id);
    const seq = pa?.seq === undefined ? Infinity : pa.seq;
    const st = pa?.seq === undefined ? -Infinity : day(pa.start);
    const fi = pa?.seq === undefined ? -Infinity : day(pa.finish);
    for (let v = leaf; v >= 0; v = net.parent[v]!) {
      maxSeq[v] = Math.max(maxSeq[v]!, seq);
      maxStart[v] = Math.max(maxStart[v]!, st);
      maxFinish[v] = Math.max(maxFinish[v]!, fi);
    }
  }
  // Per task, what its own links require (a summary's hold for every leaf below it).
  const needSeq = new Float64Array(n).fill(-Infinity);
  const needStart = new Float64Array(n).fill(-Infinity);
  const needFinish = new Float64Array(n).fill(-Infinity);
  const linked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = net.linkStart[i]!; e < net.linkStart[i + 1]!; e++) {
      const p = net.from[e]!; // a leaf, or a summary standing for its leaves
      linked[i] = 1;
      needSeq[i] = Math.max(needSeq[i]!, maxSeq[p]!);
      if (maxSeq[p] === Infinity) continue;
      const lag = net.lag[e]!;
      const type = net.type[e]!;
      const from = type === LINK_FS || type === LINK_FF ? maxFinish[p]! : maxStart[p]!;
      const bound = lag === 0 ? from : cal.addWorkdaysEpoch(from, lag);
      if (type === LINK_FS || type === LINK_SS) needStart[i] = Math.max(needStart[i]!, bound);
      else needFinish[i] = Math.max(needFinish[i]!, bound);
    }
  }
  for (const leaf of net.leaves) {
    const pb = prev.get(plan.tasks[leaf]!.id);
    if (pb?.seq === undefined) continue;
    let seq = -Infinity;
    let start = -Infinity;
    let finish = -Infinity;
    let any = false;
    for (let v = leaf; v >= 0; v = net.parent[v]!) {
      if (!linked[v]) continue;
      any = true;
      seq = Math.max(seq, needSeq[v]!);
      start = Math.max(start, needStart[v]!);
      finish = Math.max(finish, needFinish[v]!);
    }
    if (!any) continue;
    if (seq > pb.seq || day(pb.start) < start || day(pb.finish) < finish) hit(pb.seq);
  }
  return k;
}
