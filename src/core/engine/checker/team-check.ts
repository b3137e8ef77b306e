// Independent feasibility check of a team schedule. It shares no code with the scheduler (not
// even the calendar module): dates are compared as strings and stepped with Date.UTC, so a bug
// in the engine or its calendar cannot make its own output look valid.

import type { TeamPlan, TeamResult } from "../types.js";

const DAY = 86_400_000;

function step(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Every violated rule, as a sentence; empty when the schedule is feasible. */
export function checkTeamSchedule(plan: TeamPlan, result: TeamResult): string[] {
  const errors: string[] = [];
  const holidays = new Set(plan.calendar.holidays);
  const extra = new Set(plan.calendar.extraWorkdays);
  const teamWorks = (d: string): boolean =>
    !holidays.has(d) && (extra.has(d) || plan.calendar.workweek.includes(weekday(d)));
  const members = new Map(plan.members.map((m) => [m.id, m]));
  const memberWorks = (id: string, d: string): boolean => {
    const m = members.get(id)!;
    if (m.daysOff.includes(d)) return false;
    if (!m.workweek) return teamWorks(d);
    return !holidays.has(d) && m.workweek.includes(weekday(d));
  };
  // Overtime, when the plan uses it: extra hours on a date (never on a day off), up to 24 h a day.
  const overtime = new Map<string, number>();
  if (plan.useOvertime)
    for (const o of plan.overtime ?? [])
      if (!members.get(o.member)?.daysOff.includes(o.date))
        overtime.set(
          `${o.member}|${o.date}`,
          (overtime.get(`${o.member}|${o.date}`) ?? 0) + o.hours,
        );
  const capacityOf = (id: string, d: string): number => {
    const m = members.get(id)!;
    const base = memberWorks(id, d) ? (m.hoursPerDay ?? plan.calendar.hoursPerDay) : 0;
    return Math.min(24, base + (overtime.get(`${id}|${d}`) ?? 0));
  };
  // Efficiency: an hour of a member delivers their level's factor of effort (level in the
  // task's skill; level 1 without it; 1 for a task without a skill or a plan without a table).
  const factorOf = (id: string, skill: string | null): number => {
    if (!plan.efficiency || skill === null) return 1;
    return plan.efficiency[String(members.get(id)!.skills[skill] ?? 1)] ?? 1;
  };
  const maxFactor = Math.max(1, ...Object.values(plan.efficiency ?? {}));
  const addWorkdays = (d: string, n: number): string => {
    let x = d;
    for (let i = 0; i < n;) if (teamWorks((x = step(x, 1)))) i++;
    for (let i = 0; i > n;) if (teamWorks((x = step(x, -1)))) i--;
    return x;
  };
  const pinnedKey = (a: { member: string; date: string; task: string }): string =>
    `${a.member}|${a.date}|${a.task}`;
  const pinned = new Set(plan.pinned.map(pinnedKey));
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const parents = new Set(plan.tasks.map((t) => t.parent).filter((p) => p !== null));
  const placed = new Map(result.tasks.map((t) => [t.id, t]));
  const unscheduled = new Set(result.unscheduled.map((u) => u.task));

  // Hours per member-day, work days, skills.
  const used = new Map<string, number>();
  // Allocations per member-day: each is rounded to 0.01 h, so their sum may pass by 0.005 h each.
  const pieces = new Map<string, number>();
  const byTask = new Map<
    string,
    {
      members: Set<string>;
      hours: number;
      /** Hours × the member's factor: the effort the allocations deliver. */
      effort: number;
      count: number;
      first: string;
      last: string;
      newFirst: string;
      newLast: string;
      /** Everyone with hours on the task (pinned work included), and their hours. */
      workers: Map<string, number>;
      /** Members per date (pinned and new), and those of pinned work alone. */
      perDay: Map<string, Set<string>>;
      pinnedPerDay: Map<string, Set<string>>;
      /** New work's pieces (member-day hours). */
      pieces: { date: string; hours: number }[];
    }
  >();
  for (const a of result.allocations) {
    const task = tasks.get(a.task);
    const member = members.get(a.member);
    if (!task || !member) {
      errors.push(`allocation names unknown ${task ? "member" : "task"}: ${JSON.stringify(a)}`);
      continue;
    }
    const isPinned = pinned.has(pinnedKey(a));
    if (!(a.hours > 0)) errors.push(`allocation of ${a.hours} h to "${a.task}" on ${a.date}`);
    const key = `${a.member}|${a.date}`;
    used.set(key, (used.get(key) ?? 0) + a.hours);
    pieces.set(key, (pieces.get(key) ?? 0) + 1);
    if (!isPinned) {
      if (!memberWorks(a.member, a.date) && !(capacityOf(a.member, a.date) > 0))
        errors.push(
          `member "${a.member}" works on "${a.task}" on ${a.date}, a day they do not work`,
        );
      if (a.date < plan.start)
        errors.push(`"${a.task}" placed on ${a.date}, before the plan start ${plan.start}`);
      if (task.earliestStart && a.date < task.earliestStart)
        errors.push(
          `"${a.task}" placed on ${a.date}, before its earliest start ${task.earliestStart}`,
        );
      if (task.assignee !== null && task.assignee !== a.member)
        errors.push(`"${a.task}" is fixed to "${task.assignee}" but "${a.member}" works on it`);
      if (
        task.assignee === null &&
        task.skill !== null &&
        (member.skills[task.skill] ?? 0) < (task.minLevel ?? 1)
      ) {
        errors.push(
          `member "${a.member}" lacks skill "${task.skill}" ≥ ${task.minLevel ?? 1} for "${a.task}"`,
        );
      }
    }
    const t = byTask.get(a.task) ?? {
      members: new Set<string>(),
      hours: 0,
      effort: 0,
      count: 0,
      first: a.date,
      last: a.date,
      newFirst: "",
      newLast: "",
      workers: new Map<string, number>(),
      perDay: new Map<string, Set<string>>(),
      pinnedPerDay: new Map<string, Set<string>>(),
      pieces: [],
    };
    if (!isPinned) {
      t.members.add(a.member);
      if (!t.newFirst || a.date < t.newFirst) t.newFirst = a.date;
      if (!t.newLast || a.date > t.newLast) t.newLast = a.date;
      t.pieces.push({ date: a.date, hours: a.hours });
    }
    t.hours += a.hours;
    t.effort += a.hours * factorOf(a.member, task.skill);
    t.count++;
    t.workers.set(a.member, (t.workers.get(a.member) ?? 0) + a.hours);
    const day = t.perDay.get(a.date) ?? new Set<string>();
    t.perDay.set(a.date, day.add(a.member));
    if (isPinned) {
      const pinnedDay = t.pinnedPerDay.get(a.date) ?? new Set<string>();
      t.pinnedPerDay.set(a.date, pinnedDay.add(a.member));
    }
    if (a.date < t.first) t.first = a.date;
    if (a.date > t.last) t.last = a.date;
    byTask.set(a.task, t);
  }
  for (const [key, hours] of used) {
    const [id, d] = key.split("|") as [string, string];
    const cap = capacityOf(id, d);
    if (
      hours > cap + 1e-6 + 0.005 * pieces.get(key)! &&
      !plan.pinned.some((p) => p.member === id && p.date === d)
    ) {
      errors.push(`member "${id}" is allocated ${hours} h on ${d}, capacity ${cap} h`);
    }
  }

  // Tasks: each leaf placed once or unscheduled, effort complete, one member, dates match work.
  for (const t of plan.tasks) {
    const r = placed.get(t.id);
    if (r && unscheduled.has(t.id)) errors.push(`task "${t.id}" is both scheduled and unscheduled`);
    if (!r && !unscheduled.has(t.id))
      errors.push(`task "${t.id}" is neither scheduled nor unscheduled`);
    if (parents.has(t.id)) continue;
    const w = byTask.get(t.id);
    if (!r) {
      if (w && w.members.size > 0) errors.push(`unscheduled task "${t.id}" has allocations`);
      continue;
    }
    if (!w) {
      errors.push(`task "${t.id}" is scheduled without allocations`);
      continue;
    }
    // Hours = effort ÷ efficiency: the allocations deliver the effort, and (new work placed) not
    // more than rounding (hours to 2 decimals, the last piece to a whole minute).
    if (Math.abs(w.effort - t.effortHours) > 0.01 * (1 + w.effort) && w.effort < t.effortHours) {
      errors.push(
        `task "${t.id}" gets ${w.hours} h delivering ${w.effort} h of ${t.effortHours} h effort`,
      );
    }
    if (w.members.size > 0 && w.effort - t.effortHours > 0.01 * w.count + 0.02 * maxFactor)
      errors.push(
        `task "${t.id}" gets ${w.hours} h delivering ${w.effort} h, more than its ${t.effortHours} h effort`,
      );
    const maxPeople = t.maxPeople ?? 1;
    if (maxPeople === 1) {
      if (w.members.size > 1)
        errors.push(`task "${t.id}" is split among ${[...w.members].join(", ")}`);
      if (w.members.size === 1 && r.assignee !== [...w.members][0])
        errors.push(
          `task "${t.id}" reports assignee "${r.assignee}" but "${[...w.members][0]}" works on it`,
        );
      if (r.assignees !== undefined)
        errors.push(`task "${t.id}" is not shared but reports assignees ${r.assignees.join(", ")}`);
    } else {
      checkShared(t.id, maxPeople, t.minChunkHours ?? 1, r, w);
    }
    if (r.start !== w.first || r.finish !== w.last)
      errors.push(`task "${t.id}" reports ${r.start}..${r.finish} but works ${w.first}..${w.last}`);
    const late = t.deadline !== null && r.finish > t.deadline;
    if (late !== r.late)
      errors.push(
        `task "${t.id}" late flag is ${r.late}, finish ${r.finish}, deadline ${t.deadline}`,
      );
  }

  // New (not pinned) work per task, summaries spanning their descendants' new work.
  const newWork = new Map<string, { first: string; last: string }>();
  for (const [id, w] of byTask) {
    if (w.newFirst === "") continue;
    for (let v: string | null = id; v !== null; v = tasks.get(v)?.parent ?? null) {
      const cur = newWork.get(v);
      newWork.set(v, {
        first: cur && cur.first < w.newFirst ? cur.first : w.newFirst,
        last: cur && cur.last > w.newLast ? cur.last : w.newLast,
      });
      if (newWork.size > 10 * tasks.size) break; // parent loop guard
    }
  }

  // Dependencies at day granularity, on the reported spans (summary spans included). Pinned work
  // (already done, or fixed by hand) cannot move, so a leaf is judged on its new work only.
  for (const t of plan.tasks) {
    const placedTask = placed.get(t.id);
    const span = newWork.get(t.id);
    if (placedTask && !span) continue; // nothing new was placed: all of it is pinned
    const s =
      placedTask && span ? { ...placedTask, start: span.first, finish: span.last } : placedTask;
    for (const d of t.dependsOn) {
      const p = placed.get(d.task);
      if (!p) {
        if (s) errors.push(`task "${t.id}" is scheduled but its predecessor "${d.task}" is not`);
        continue;
      }
      if (!s) continue;
      const bound =
        d.type === "FS"
          ? ["start", addWorkdays(p.finish, d.lagDays)]
          : d.type === "SS"
            ? ["start", addWorkdays(p.start, d.lagDays)]
            : d.type === "FF"
              ? ["finish", addWorkdays(p.finish, d.lagDays)]
              : ["finish", addWorkdays(p.start, d.lagDays)];
      const value = bound[0] === "start" ? s.start : s.finish;
      if (value < bound[1]!)
        errors.push(
          `"${t.id}" ${bound[0]}s ${value}, before ${bound[1]} required by ${d.type}${d.lagDays ? `+${d.lagDays}` : ""} on "${d.task}"`,
        );
    }
  }
  return errors;

  /** A shared task: people per day, who is reported, and the size of the pieces handed over. */
  function checkShared(
    id: string,
    maxPeople: number,
    minChunk: number,
    r: TeamResult["tasks"][number],
    w: {
      workers: Map<string, number>;
      perDay: Map<string, Set<string>>;
      pinnedPerDay: Map<string, Set<string>>;
      pieces: { date: string; hours: number }[];
    },
  ): void {
    for (const [date, people] of w.perDay) {
      const pinnedAlone = w.pinnedPerDay.get(date)?.size ?? 0;
      if (people.size > maxPeople && people.size > pinnedAlone)
        errors.push(`task "${id}" has ${people.size} people on ${date}, at most ${maxPeople}`);
    }
    const workers = [...w.workers.keys()];
    if (r.assignee === null || !w.workers.has(r.assignee))
      errors.push(`task "${id}" reports assignee "${r.assignee}", who does not work on it`);
    if (workers.length > 1) {
      const listed = r.assignees ?? [];
      if (listed.length !== workers.length || !listed.every((m) => w.workers.has(m)))
        errors.push(
          `task "${id}" reports assignees ${listed.join(", ") || "none"} but ${workers.join(", ")} work on it`,
        );
      else if (listed[0] !== r.assignee)
        errors.push(`task "${id}" reports assignee "${r.assignee}", not its first assignee`);
      else if ((w.workers.get(r.assignee) ?? 0) + 0.005 < Math.max(...w.workers.values()))
        errors.push(`task "${id}" reports assignee "${r.assignee}", not the one with most hours`);
    } else if (r.assignees !== undefined)
      errors.push(`task "${id}" has one member but reports assignees ${r.assignees.join(", ")}`);
    // Pieces below the smallest chunk: only the one that finishes the task, on its last day.
    const small = w.pieces.filter((p) => p.hours < minChunk - 0.005);
    if (small.length > 1 || (small.length === 1 && small[0]!.date !== r.finish))
      errors.push(
        `task "${id}" has ${small.length} piece(s) under ${minChunk} h (${small.map((p) => `${p.hours} h on ${p.date}`).join(", ")}); only the last may be`,
      );
  }
}
