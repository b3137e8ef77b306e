// The plan's Gantt, drawn in SVG and virtualised: only the rows in view (plus a few) are rendered,
// so a 5,000-task plan scrolls as smoothly as a 20-task one. Summary rows span their children,
// bars are coloured by assignee and carry the name, critical tasks are red, float is a thin tail,
// the frozen baseline is a thin grey bar under each bar, milestones are diamonds. Drag a bar to
// move its earliest start; drag from the handle at a bar's right end onto another bar to add a
// finish-to-start link. Sets performance.mark("gantt-first-frame") when its first frame is drawn.
// The geometry is in ganttLayout.ts, the timeline in GanttHeader, a row's shapes in GanttBar,
// names and arrows in GanttParts, dragging in useGanttDrag.
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { PlanTask, Schedule } from "../../api/plans";
import { useI18n } from "../../i18n";
import { daysBetween } from "./dates";
import { GanttBar } from "./GanttBar";
import { GanttHeader } from "./GanttHeader";
import { useGanttDrag } from "./useGanttDrag";
import { ArrowMarkers, GanttArrows, GanttNames } from "./GanttParts";
import {
  arrowsFor,
  DAY_WIDTH,
  HEADER,
  NAME_WIDTH,
  OVERSCAN,
  range,
  ROW,
  type Baseline,
  type Zoom,
} from "./ganttLayout";
import type { Row } from "./wbs";

export type { Zoom } from "./ganttLayout";

export interface GanttProps {
  rows: Row[];
  schedule: Schedule | undefined;
  baseline: Baseline;
  memberNames: Map<string, string>;
  today: string;
  zoom: Zoom;
  height?: number;
  editable: boolean;
  onMove: (task: PlanTask, earliestStart: string) => void;
  onLink: (from: PlanTask, to: PlanTask) => void;
}

function GanttImpl({
  rows,
  schedule,
  baseline,
  memberNames,
  today,
  zoom,
  height = 560,
  editable,
  onMove,
  onLink,
}: GanttProps) {
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<SVGSVGElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const marked = useRef(false);

  const byId = useMemo(() => new Map((schedule?.tasks ?? []).map((s) => [s.id, s])), [schedule]);
  const critical = useMemo(() => new Set(schedule?.criticalPath ?? []), [schedule]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.task.id, i])), [rows]);
  const successors = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const r of rows)
      for (const d of r.task.dependsOn) m.set(d.taskId, [...(m.get(d.taskId) ?? []), r.task.id]);
    return m;
  }, [rows]);
  const { from, to } = useMemo(
    () => range(rows, byId, baseline, today),
    [rows, byId, baseline, today],
  );
  const dayWidth = DAY_WIDTH[zoom];
  const days = daysBetween(from, to) + 1;
  const width = days * dayWidth;
  const x = (d: string) => daysBetween(from, d) * dayWidth;

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const visible = rows.slice(first, last);

  useEffect(() => {
    if (marked.current || !rows.length || !schedule) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark("gantt-first-frame"));
  }, [rows.length, schedule]);

  // Scroll so that today is in view the first time.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = Math.max(0, x(today) - 5 * dayWidth);
    // Only when the zoom changes.
  }, [zoom]);

  // Row bookkeeping is coarse (per row), so scrolling re-renders only when a new row comes into view.
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const top = Math.floor(el.scrollTop / ROW) * ROW;
    if (top !== scrollTop) setScrollTop(top);
  };

  const { drag, startDrag, moveDrag, endDrag, cancelDrag } = useGanttDrag({
    body,
    editable,
    dayWidth,
    byId,
    rows,
    first,
    onMove,
    onLink,
  });

  const yOf = (i: number) => (i - first) * ROW;
  const todayX = x(today);

  const arrows = arrowsFor(visible, { byId, rowIndex, successors, critical, x, yOf, dayWidth });

  const total = rows.length * ROW;
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      data-testid="gantt"
      style={{
        position: "relative",
        overflow: "auto",
        height: Math.min(height, HEADER + total + 20),
        border: "1px solid #f0f0f0",
        background: "#fff",
        userSelect: drag ? "none" : undefined,
      }}
    >
      <div style={{ width: NAME_WIDTH + width, height: HEADER + total, position: "relative" }}>
        <div
          style={{
            position: "sticky",
            top: 0,
            zIndex: 3,
            display: "flex",
            background: "#fafafa",
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <div
            style={{
              position: "sticky",
              left: 0,
              zIndex: 4,
              width: NAME_WIDTH,
              minWidth: NAME_WIDTH,
              height: HEADER,
              background: "#fafafa",
              borderRight: "1px solid #f0f0f0",
              padding: "10px 8px",
              fontSize: 12,
              color: "#595959",
            }}
          >
            {t("task.name")}
          </div>
          <GanttHeader from={from} days={days} dayWidth={dayWidth} zoom={zoom} locale={locale} />
        </div>
        <div style={{ position: "absolute", top: HEADER + first * ROW, left: 0, display: "flex" }}>
          <GanttNames rows={visible} />
          <svg
            ref={body}
            width={width}
            height={visible.length * ROW}
            style={{ display: "block", touchAction: "none" }}
            onPointerMove={moveDrag}
            onPointerUp={endDrag}
            onPointerCancel={cancelDrag}
          >
            <ArrowMarkers />
            {visible.map((r, i) =>
              i % 2 ? (
                <rect
                  key={`bg${r.task.id}`}
                  x={0}
                  y={i * ROW}
                  width={width}
                  height={ROW}
                  fill="#fcfcfc"
                />
              ) : null,
            )}
            <line
              x1={todayX}
              x2={todayX}
              y1={0}
              y2={visible.length * ROW}
              stroke="#fa541c"
              strokeDasharray="4 3"
              data-testid="gantt-today"
            />
            <GanttArrows arrows={arrows} />
            {visible.map((r) => {
              const s = byId.get(r.task.id);
              return (
                <GanttBar
                  key={r.task.id}
                  row={r}
                  scheduled={s}
                  y={yOf(rowIndex.get(r.task.id) ?? 0)}
                  x={x}
                  dayWidth={dayWidth}
                  baseline={baseline?.[r.task.id]}
                  critical={critical.has(r.task.id)}
                  name={s?.assignee ? (memberNames.get(s.assignee) ?? "") : ""}
                  editable={editable}
                  dragShift={
                    drag?.kind === "move" && drag.row.task.id === r.task.id
                      ? Math.round((drag.x - drag.x0) / dayWidth) * dayWidth
                      : 0
                  }
                  onStartDrag={(e, kind) => startDrag(e, r, kind)}
                />
              );
            })}
            {drag?.kind === "link" ? (
              <line
                x1={drag.x0}
                y1={drag.y0}
                x2={drag.x}
                y2={drag.y}
                stroke="#1677ff"
                strokeDasharray="3 2"
                strokeWidth={1.5}
              />
            ) : null}
          </svg>
        </div>
      </div>
    </div>
  );
}

export const Gantt = memo(GanttImpl);
