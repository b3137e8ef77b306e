// The plan's Gantt, drawn in SVG and virtualised: only the rows in view (plus a few) are rendered,
// so a 5,000-task plan scrolls as smoothly as a 20-task one. Summary rows span their children,
// bars are coloured by assignee and carry the name, critical tasks are red, float is a thin tail,
// the frozen baseline is a thin grey bar under each bar, milestones are diamonds. Drag a bar to
// move its earliest start; drag from the handle at a bar's right end onto another bar to add a
// finish-to-start link. Sets performance.mark("gantt-first-frame") when its first frame is drawn.
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from "react";
import type { PlanTask, Schedule, ScheduledTask } from "../../api/plans";
import { useI18n } from "../../i18n";
import { addDays, daysBetween, parseDate } from "./dates";
import { colorFor, type Row } from "./wbs";

export type Zoom = "day" | "week" | "month";
const DAY_WIDTH: Record<Zoom, number> = { day: 28, week: 9, month: 3 };
const ROW = 30;
const HEADER = 40;
const NAME_WIDTH = 240;
const OVERSCAN = 10;

export interface GanttProps {
  rows: Row[];
  schedule: Schedule | undefined;
  baseline: Record<string, { start: string; finish: string }> | null;
  memberNames: Map<string, string>;
  today: string;
  zoom: Zoom;
  height?: number;
  editable: boolean;
  onMove: (task: PlanTask, earliestStart: string) => void;
  onLink: (from: PlanTask, to: PlanTask) => void;
}

interface DragState {
  kind: "move" | "link";
  row: Row;
  x0: number;
  y0: number;
  x: number;
  y: number;
}

function range(
  rows: Row[],
  byId: Map<string, ScheduledTask>,
  baseline: GanttProps["baseline"],
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

function Header({
  from,
  days,
  dayWidth,
  zoom,
  locale,
}: {
  from: string;
  days: number;
  dayWidth: number;
  zoom: Zoom;
  locale: string;
}) {
  const ticks: { x: number; label: string; major: boolean }[] = [];
  const months: { x: number; label: string }[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    const day = Number(d.slice(8, 10));
    const wd = new Date(parseDate(d)).getUTCDay();
    if (day === 1 || i === 0)
      months.push({
        x: i * dayWidth,
        label: new Date(parseDate(d)).toLocaleDateString(locale, {
          year: "numeric",
          month: "short",
          timeZone: "UTC",
        }),
      });
    if (zoom === "day") ticks.push({ x: i * dayWidth, label: String(day), major: wd === 1 });
    else if (zoom === "week" && wd === 1)
      ticks.push({ x: i * dayWidth, label: d.slice(5), major: true });
  }
  return (
    <svg width={days * dayWidth} height={HEADER} style={{ display: "block" }}>
      {months.map((m) => (
        <g key={`m${m.x}`}>
          <line x1={m.x} x2={m.x} y1={0} y2={HEADER} stroke="#d9d9d9" />
          <text x={m.x + 4} y={14} fontSize={11} fill="#595959">
            {m.label}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={`t${t.x}`}>
          <line x1={t.x} x2={t.x} y1={22} y2={HEADER} stroke={t.major ? "#d9d9d9" : "#f0f0f0"} />
          <text x={t.x + 2} y={35} fontSize={10} fill="#8c8c8c">
            {t.label}
          </text>
        </g>
      ))}
    </svg>
  );
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
  const [drag, setDrag] = useState<DragState | null>(null);
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

  const local = (e: { clientX: number; clientY: number }) => {
    const box = body.current?.getBoundingClientRect();
    return box ? { x: e.clientX - box.left, y: e.clientY - box.top } : { x: 0, y: 0 };
  };
  const startDrag = (e: ReactPointerEvent, row: Row, kind: DragState["kind"]) => {
    if (!editable || row.summary) return;
    e.stopPropagation();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const p = local(e);
    setDrag({ kind, row, x0: p.x, y0: p.y, x: p.x, y: p.y });
  };
  const moveDrag = (e: ReactPointerEvent) => {
    if (!drag) return;
    const p = local(e);
    setDrag({ ...drag, x: p.x, y: p.y });
  };
  const endDrag = () => {
    if (!drag) return;
    const d = drag;
    setDrag(null);
    if (d.kind === "move") {
      const shift = Math.round((d.x - d.x0) / dayWidth);
      const s = byId.get(d.row.task.id);
      if (shift !== 0 && s) onMove(d.row.task, addDays(s.start, shift));
    } else {
      const target = rows[first + Math.floor(d.y / ROW)];
      if (target && target.task.id !== d.row.task.id && !target.summary)
        onLink(d.row.task, target.task);
    }
  };

  const yOf = (i: number) => (i - first) * ROW;
  const todayX = x(today);

  const arrows: { key: string; d: string; critical: boolean }[] = [];
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
          <Header from={from} days={days} dayWidth={dayWidth} zoom={zoom} locale={locale} />
        </div>
        <div style={{ position: "absolute", top: HEADER + first * ROW, left: 0, display: "flex" }}>
          <div
            style={{
              position: "sticky",
              left: 0,
              zIndex: 2,
              width: NAME_WIDTH,
              minWidth: NAME_WIDTH,
              background: "#fff",
              borderRight: "1px solid #f0f0f0",
            }}
          >
            {visible.map((r) => (
              <div
                key={r.task.id}
                data-testid="gantt-row"
                title={r.task.name}
                style={{
                  height: ROW,
                  lineHeight: `${ROW}px`,
                  paddingLeft: 8 + r.depth * 14,
                  paddingRight: 4,
                  whiteSpace: "nowrap",
                  overflow: "hidden",
                  textOverflow: "ellipsis",
                  fontSize: 12,
                  fontWeight: r.summary ? 600 : 400,
                  borderBottom: "1px solid #fafafa",
                  color: r.task.status === "done" ? "#8c8c8c" : undefined,
                }}
              >
                <span style={{ color: "#bfbfbf", marginRight: 6 }}>{r.wbs}</span>
                {r.task.status === "done" ? "✓ " : ""}
                {r.task.name}
              </div>
            ))}
          </div>
          <svg
            ref={body}
            width={width}
            height={visible.length * ROW}
            style={{ display: "block", touchAction: "none" }}
            onPointerMove={moveDrag}
            onPointerUp={endDrag}
            onPointerCancel={() => setDrag(null)}
          >
            <defs>
              <marker
                id="gantt-arrow"
                viewBox="0 0 6 6"
                refX={5}
                refY={3}
                markerWidth={6}
                markerHeight={6}
                orient="auto"
              >
                <path d="M0,0 L6,3 L0,6 z" fill="#8c8c8c" />
              </marker>
              <marker
                id="gantt-arrow-critical"
                viewBox="0 0 6 6"
                refX={5}
                refY={3}
                markerWidth={6}
                markerHeight={6}
                orient="auto"
              >
                <path d="M0,0 L6,3 L0,6 z" fill="#cf1322" />
              </marker>
            </defs>
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
            {arrows.map((a) => (
              <path
                key={a.key}
                d={a.d}
                fill="none"
                stroke={a.critical ? "#cf1322" : "#bfbfbf"}
                strokeWidth={1.2}
                markerEnd={`url(#${a.critical ? "gantt-arrow-critical" : "gantt-arrow"})`}
                data-testid="gantt-arrow"
              />
            ))}
            {visible.map((r) => {
              const s = byId.get(r.task.id);
              const y = yOf(rowIndex.get(r.task.id) ?? 0);
              const b = baseline?.[r.task.id];
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
                  <g key={r.task.id}>
                    {base}
                    {deadline}
                  </g>
                );
              const bx = x(s.start);
              const bw = (daysBetween(s.start, s.finish) + 1) * dayWidth;
              const crit = critical.has(r.task.id) || s.critical;
              if (r.summary || s.summary) {
                return (
                  <g key={r.task.id} data-testid="gantt-summary">
                    {base}
                    <path
                      d={`M${bx},${y + 9} h${bw} v9 l-5,-4 H${bx + 5} l-5,4 z`}
                      fill="#434343"
                    />
                  </g>
                );
              }
              if (r.task.milestone) {
                const cx = bx + dayWidth / 2;
                const cy = y + ROW / 2 - 2;
                return (
                  <g key={r.task.id} data-testid="gantt-milestone">
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
              const dragging =
                drag?.kind === "move" && drag.row.task.id === r.task.id
                  ? Math.round((drag.x - drag.x0) / dayWidth) * dayWidth
                  : 0;
              const color = crit ? "#cf1322" : colorFor(s.assignee);
              const name = s.assignee ? (memberNames.get(s.assignee) ?? "") : "";
              const floatW = s.totalFloatDays > 0 ? s.totalFloatDays * dayWidth * (7 / 5) : 0;
              return (
                <g key={r.task.id} transform={dragging ? `translate(${dragging},0)` : undefined}>
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
                    onPointerDown={(e) => startDrag(e, r, "move")}
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
                      onPointerDown={(e) => startDrag(e, r, "link")}
                    />
                  ) : null}
                </g>
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
