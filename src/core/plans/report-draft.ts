// The daily report (日报) drafted from what the system already knows, so nobody retypes it:
// done, not done (with the reason the member gives), unplanned work, planned vs actual hours,
// tomorrow's plan from the schedule, and the member's role numbers of the day.
import type { Message } from "../messages/index.js";

export interface PlannedWork {
  taskId: string;
  title: string;
  planName: string;
  hours: number;
}

export interface LoggedWork {
  taskId: string | null;
  itemId: string | null;
  title: string;
  hours: number;
}

export interface TaskState {
  taskId: string;
  title: string;
  planName: string;
  done: boolean;
  doneToday: boolean;
  remainingHours: number;
}

export interface ReportDraft {
  date: string;
  /** Planned work finished today. */
  done: {
    taskId: string | null;
    itemId: string | null;
    title: string;
    planName: string | null;
    hours: number;
  }[];
  notDone: {
    taskId: string;
    title: string;
    planName: string;
    plannedHours: number;
    loggedHours: number;
    remainingHours: number;
    reason: string;
  }[];
  /** Work outside today's plan (计划外), finished or not; it is not repeated under `done`. */
  unplanned: {
    itemId: string | null;
    taskId: string | null;
    title: string;
    hours: number;
    done: boolean;
  }[];
  plannedHours: number;
  actualHours: number;
  tomorrow: { date: string; items: PlannedWork[] };
  /** The role's numbers: `label` a message, rendered in the reader's language. */
  metrics: { key: string; label: Message; value: string }[];
  /**
   * A lead's report: a line per active plan of their departments, its SPI and forecast finish
   * (earned schedule and re-plan) as of the draft; absent in other reports and in older drafts.
   */
  progress?: ReportProgress[];
}

export interface ReportProgress {
  planId: string;
  planName: string;
  spi: number | null;
  light: "green" | "amber" | "red" | null;
  forecastFinish: string | null;
  engineFinish: string | null;
  deadline: string | null;
  late: boolean;
  message: Message;
}

export interface DraftInput {
  date: string;
  planned: PlannedWork[];
  logged: LoggedWork[];
  tasks: TaskState[];
  /** Items (inbox or unplanned) finished on the date. */
  itemsDone: { itemId: string; title: string }[];
  tomorrowDate: string;
  tomorrow: PlannedWork[];
  metrics?: ReportDraft["metrics"];
  progress?: ReportProgress[];
  /** Reasons the member already gave for unfinished tasks, kept when the draft is refreshed. */
  reasons?: Record<string, string>;
}

const round2 = (h: number) => Math.round(h * 100) / 100;

export function draftReport(input: DraftInput): ReportDraft {
  const plannedIds = new Set(input.planned.map((p) => p.taskId));
  const state = new Map(input.tasks.map((t) => [t.taskId, t]));
  const loggedByTask = new Map<string, number>();
  for (const l of input.logged)
    if (l.taskId) loggedByTask.set(l.taskId, (loggedByTask.get(l.taskId) ?? 0) + l.hours);

  const done: ReportDraft["done"] = [];
  const notDone: ReportDraft["notDone"] = [];
  for (const p of input.planned) {
    const t = state.get(p.taskId);
    const logged = loggedByTask.get(p.taskId) ?? 0;
    if (t?.doneToday || (t?.done && logged > 0))
      done.push({
        taskId: p.taskId,
        itemId: null,
        title: p.title,
        planName: p.planName,
        hours: round2(logged),
      });
    else if (!t?.done) {
      notDone.push({
        taskId: p.taskId,
        title: p.title,
        planName: p.planName,
        plannedHours: p.hours,
        loggedHours: round2(logged),
        remainingHours: round2(t?.remainingHours ?? p.hours),
        reason: input.reasons?.[p.taskId] ?? "",
      });
    }
  }
  const unplanned: ReportDraft["unplanned"] = [];
  for (const [taskId, hours] of loggedByTask) {
    if (plannedIds.has(taskId)) continue;
    const t = state.get(taskId);
    unplanned.push({
      itemId: null,
      taskId,
      title: t?.title ?? taskId,
      hours: round2(hours),
      done: !!t?.doneToday,
    });
  }
  const itemHours = new Map<string, number>();
  for (const l of input.logged)
    if (l.itemId) itemHours.set(l.itemId, (itemHours.get(l.itemId) ?? 0) + l.hours);
  for (const i of input.itemsDone) {
    unplanned.push({
      itemId: i.itemId,
      taskId: null,
      title: i.title,
      hours: round2(itemHours.get(i.itemId) ?? 0),
      done: true,
    });
  }
  for (const [itemId, hours] of itemHours) {
    if (input.itemsDone.some((i) => i.itemId === itemId)) continue;
    const title = input.logged.find((l) => l.itemId === itemId)?.title ?? itemId;
    unplanned.push({ itemId, taskId: null, title, hours: round2(hours), done: false });
  }
  return {
    date: input.date,
    done,
    notDone,
    unplanned,
    plannedHours: round2(input.planned.reduce((s, p) => s + p.hours, 0)),
    actualHours: round2(input.logged.reduce((s, l) => s + l.hours, 0)),
    tomorrow: { date: input.tomorrowDate, items: input.tomorrow },
    metrics: input.metrics ?? [],
    progress: input.progress ?? [],
  };
}
