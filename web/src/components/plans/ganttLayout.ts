// The Gantt's geometry, pure: the zoom's day width, row and header sizes, the dates the chart
// spans (every bar, baseline and deadline, today, and a margin), and the dependency arrows
// between the rows in view.
import type { Row } from "./wbs";
import type { ScheduledTask } from "../../api/plans";
import { addDays } from "./dates";

export type Zoom = "day" | "week" | "month";
export const DAY_WIDTH: Record<Zoom, number> = { day: 28, week: 9, month: 3 };
export const ROW = 30;
export const HEADER = 40;
export const NAME_WIDTH = 240;
export const OVERSCAN = 10;

export type Baseline = Record<string, { start: string; finish: string }> | null;

export function range(
  rows: Row[],
  byId: Map<string, ScheduledTask>,
  baseline: Baseline,
  today: string,
): { from: string; to: string } {
  let from = today;
  let to = addDays(today, 14);
  for (const r of rows) {
    const s = byId.get(r.task.id);
    if (s) {
      if (s.start < from) from = s.start;
      if (s.finish > to) to = s.finish;
    }
    const b = baseline?.[r.task.id];
    if (b) {
      if (b.start < from) from = b.start;
      if (b.finish > to) to = b.finish;
    }
    if (r.task.deadline && r.task.deadline > to) to = r.task.deadline;
  }
  return { from: addDays(from, -3), to: addDays(to, 10) };
}

export interface Arrow {
  key: string;
  d: string;
  critical: boolean;
}

/** Finish-to-start arrows touching the rows in view, each once. */
export function arrowsFor(
  visible: Row[],
  g: {
    byId: Map<string, ScheduledTask>;
    rowIndex: Map<string, number>;
    successors: Map<string, string[]>;
    critical: Set<string>;
    x: (date: string) => number;
    yOf: (index: number) => number;
    dayWidth: number;
  },
): Arrow[] {
  const { byId, rowIndex, successors, critical, x, yOf, dayWidth } = g;
  const arrows: Arrow[] = [];
  const seen = new Set<string>();
  for (const r of visible) {
    const consider = [
      ...r.task.dependsOn.map((d) => [d.taskId, r.task.id] as const),
      ...(successors.get(r.task.id) ?? []).map((s) => [r.task.id, s] as const),
    ];
    for (const [pred, succ] of consider) {
      const key = `${pred}>${succ}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = byId.get(pred);
      const b = byId.get(succ);
      const ia = rowIndex.get(pred);
      const ib = rowIndex.get(succ);
      if (!a || !b || ia === undefined || ib === undefined) continue;
      const x1 = x(a.finish) + dayWidth;
      const y1 = yOf(ia) + ROW / 2;
      const x2 = x(b.start);
      const y2 = yOf(ib) + ROW / 2;
      const mid = Math.max(x1 + 6, Math.min(x2 - 6, x1 + 12));
      arrows.push({
        key,
        d: `M${x1},${y1} H${mid} V${y2} H${x2 - 1}`,
        critical: critical.has(pred) && critical.has(succ),
      });
    }
  }
  return arrows;
}
