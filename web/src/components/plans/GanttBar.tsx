// One row of the Gantt's chart: the baseline under it, the deadline mark, and the bar itself — a
// summary bracket, a milestone diamond, or a task bar coloured by assignee (red when critical)
// with its float tail, the assignee's name and, when editable, the handle to draw a link from.
import type { PointerEvent as ReactPointerEvent } from "react";
import type { ScheduledTask } from "../../api/plans";
import { useI18n } from "../../i18n";
import { daysBetween } from "./dates";
import { ROW } from "./ganttLayout";
import { colorFor, type Row } from "./wbs";

export interface GanttBarProps {
  row: Row;
  scheduled: ScheduledTask | undefined;
  /** The row's top in the chart. */
  y: number;
  x: (date: string) => number;
  dayWidth: number;
  baseline: { start: string; finish: string } | undefined;
  critical: boolean;
  /** The assignee's name ("" for none). */
  name: string;
  editable: boolean;
  /** How far the bar is being dragged, in pixels (0 when it is not). */
  dragShift: number;
  onStartDrag: (e: ReactPointerEvent, kind: "move" | "link") => void;
}

export function GanttBar({
  row: r,
  scheduled: s,
  y,
  x,
  dayWidth,
  baseline: b,
  critical,
  name,
  editable,
  dragShift,
  onStartDrag,
}: GanttBarProps) {
  const { t } = useI18n();
  const base = b ? (
    <rect
      x={x(b.start)}
      y={y + ROW - 7}
      width={(daysBetween(b.start, b.finish) + 1) * dayWidth}
      height={3}
      fill="#bfbfbf"
      data-testid="gantt-baseline"
    />
  ) : null;
  const deadline = r.task.deadline ? (
    <line
      x1={x(r.task.deadline) + dayWidth}
      x2={x(r.task.deadline) + dayWidth}
      y1={y + 4}
      y2={y + ROW - 4}
      stroke="#fa8c16"
      strokeWidth={1.5}
    />
  ) : null;
  if (!s)
    return (
      <g>
        {base}
        {deadline}
      </g>
    );
  const bx = x(s.start);
  const bw = (daysBetween(s.start, s.finish) + 1) * dayWidth;
  const crit = critical || s.critical;
  if (r.summary || s.summary) {
    return (
      <g data-testid="gantt-summary">
        {base}
        <path d={`M${bx},${y + 9} h${bw} v9 l-5,-4 H${bx + 5} l-5,4 z`} fill="#434343" />
      </g>
    );
  }
  if (r.task.milestone) {
    const cx = bx + dayWidth / 2;
    const cy = y + ROW / 2 - 2;
    return (
      <g data-testid="gantt-milestone">
        {base}
        <path
          d={`M${cx},${cy - 8} L${cx + 8},${cy} L${cx},${cy + 8} L${cx - 8},${cy} z`}
          fill={crit ? "#cf1322" : "#595959"}
        />
        <text x={cx + 12} y={cy + 4} fontSize={11} fill="#595959">
          {r.task.name}
        </text>
      </g>
    );
  }
  const color = crit ? "#cf1322" : colorFor(s.assignee);
  const floatW = s.totalFloatDays > 0 ? s.totalFloatDays * dayWidth * (7 / 5) : 0;
  return (
    <g transform={dragShift ? `translate(${dragShift},0)` : undefined}>
      {base}
      {deadline}
      {floatW ? (
        <line
          x1={bx + bw}
          x2={bx + bw + floatW}
          y1={y + ROW / 2 - 2}
          y2={y + ROW / 2 - 2}
          stroke={color}
          strokeOpacity={0.35}
          strokeWidth={1}
          strokeDasharray="2 2"
          data-testid="gantt-float"
        />
      ) : null}
      <rect
        x={bx}
        y={y + 5}
        width={Math.max(bw, 3)}
        height={ROW - 14}
        rx={3}
        fill={color}
        fillOpacity={r.task.status === "in_progress" ? 1 : 0.85}
        stroke={s.late ? "#820014" : "none"}
        strokeWidth={s.late ? 2 : 0}
        data-testid={crit ? "gantt-bar-critical" : "gantt-bar"}
        data-task={r.task.name}
        style={{ cursor: editable ? "grab" : "default" }}
        onPointerDown={(e) => onStartDrag(e, "move")}
      >
        <title>{`${r.task.name} · ${s.start} → ${s.finish}${name ? ` · ${name}` : ""}${crit ? ` · ${t("task.critical")}` : ""}${s.totalFloatDays ? ` · ${t("task.float", { days: s.totalFloatDays })}` : ""}${s.late ? ` · ${t("task.late", { days: s.lateDays })}` : ""}`}</title>
      </rect>
      {name && bw > 36 ? (
        <text
          x={bx + 4}
          y={y + ROW / 2 + 2}
          fontSize={11}
          fill="#fff"
          style={{ pointerEvents: "none" }}
        >
          {name}
        </text>
      ) : null}
      {name && bw <= 36 ? (
        <text
          x={bx + bw + 8}
          y={y + ROW / 2 + 2}
          fontSize={11}
          fill="#595959"
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
          style={{ pointerEvents: "none" }}
        >
          {name}
        </text>
      ) : null}
      {editable ? (
        <circle
          cx={bx + bw}
          cy={y + ROW / 2 - 2}
          r={4}
          fill="#fff"
          stroke={color}
          style={{ cursor: "crosshair" }}
          data-testid="gantt-link-handle"
          onPointerDown={(e) => onStartDrag(e, "link")}
        />
      ) : null}
    </g>
  );
}
