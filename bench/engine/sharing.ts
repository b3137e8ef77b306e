// Work shared between people (issue 12): the same generated team plans scheduled with one person
// per task and with every task open to up to 3 people (pieces of at least 2 hours). Figures: the
// mean makespan in team workdays and its ratio, how many plans finish earlier or later, the
// independent checker's violations on every shared schedule (no over-booking), and the time of
// one quick pass either way.

import { WorkCalendar } from "../../src/core/calendar/index.js";
import {
  checkTeamSchedule,
  scheduleTeam,
  type TeamPlan,
  type TeamResult,
} from "../../src/core/engine/index.js";
import { generateTeamPlan } from "../../src/core/engine/testing/generate.js";
import { fmt, median, printFigures, type Figure } from "./report.js";

interface Series {
  tasks: number;
  members: number;
  dependencies: number;
  plans: number;
}

export const SHARE_MAX_PEOPLE = 3;
export const SHARE_MIN_CHUNK_HOURS = 2;

const SERIES: Series[] = [
  { tasks: 100, members: 20, dependencies: 2.5, plans: 30 },
  { tasks: 500, members: 30, dependencies: 1.2, plans: 20 },
  { tasks: 2_000, members: 50, dependencies: 1.2, plans: 10 },
];

/** Team workdays from the plan's start to its finish (both counted). */
function makespan(plan: TeamPlan, r: TeamResult): number {
  return new WorkCalendar(plan.calendar).countWorkdays(plan.start, r.finish);
}

export function benchSharing(quick: boolean): void {
  const figures: Figure[] = [];
  let violations = 0;
  let checked = 0;
  let allAlone = 0;
  let allShared = 0;
  for (const s of SERIES) {
    const plans = quick ? Math.max(3, Math.floor(s.plans / 3)) : s.plans;
    let alone = 0;
    let shared = 0;
    let earlier = 0;
    let later = 0;
    let sharedTasks = 0;
    const msAlone: number[] = [];
    const msShared: number[] = [];
    for (let seed = 1; seed <= plans; seed++) {
      const plan = generateTeamPlan({
        seed,
        tasks: s.tasks,
        members: s.members,
        dependencies: s.dependencies,
      });
      const open: TeamPlan = structuredClone(plan);
      for (const t of open.tasks) {
        t.maxPeople = SHARE_MAX_PEOPLE;
        t.minChunkHours = SHARE_MIN_CHUNK_HOURS;
      }
      let t0 = performance.now();
      const a = scheduleTeam(plan);
      msAlone.push(performance.now() - t0);
      t0 = performance.now();
      const b = scheduleTeam(open);
      msShared.push(performance.now() - t0);
      violations += checkTeamSchedule(open, b).length;
      checked++;
      const ma = makespan(plan, a);
      const mb = makespan(open, b);
      alone += ma;
      shared += mb;
      if (mb < ma) earlier++;
      if (mb > ma) later++;
      sharedTasks += b.tasks.filter((t) => t.assignees).length;
    }
    allAlone += alone / plans;
    allShared += shared / plans;
    figures.push(
      {
        name: `${s.tasks} tasks / ${s.members} people, ${s.dependencies} links a task, ${plans} plans: mean makespan shared ÷ one person`,
        value: shared / alone,
        unit: "×",
        note: `${fmt(alone / plans, 1)} → ${fmt(shared / plans, 1)} workdays; ${earlier} plans finish earlier, ${later} later; ${fmt(sharedTasks / plans, 1)} tasks shared a plan`,
      },
      {
        name: `… one quick pass, median a plan, shared`,
        value: median(msShared),
        unit: "ms",
        note: `one person per task: ${fmt(median(msAlone))} ms`,
      },
    );
  }
  figures.push(
    {
      name: "all series: sum of the mean makespans, shared ÷ one person",
      value: allShared / allAlone,
      unit: "×",
      note: "below 1: shared plans finish earlier",
    },
    {
      name: "checker violations on the shared schedules (capacity, people a day, pieces, effort)",
      value: violations,
      unit: "",
      target: 0,
      note: `${checked} schedules`,
    },
  );
  printFigures(
    `Work shared between people (every task maxPeople ${SHARE_MAX_PEOPLE}, minChunkHours ${SHARE_MIN_CHUNK_HOURS}) against one person per task`,
    figures,
  );
}
