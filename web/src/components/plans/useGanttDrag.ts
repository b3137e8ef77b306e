// Dragging on the Gantt: a bar sideways moves its earliest start by whole days; from a bar's end
// handle onto another bar adds a finish-to-start link. Pointer capture keeps the drag on a phone.
import { useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { PlanTask, ScheduledTask } from "../../api/plans";
import { addDays } from "./dates";
import { ROW } from "./ganttLayout";
import type { Row } from "./wbs";

export interface DragState {
  kind: "move" | "link";
  row: Row;
  x0: number;
  y0: number;
  x: number;
  y: number;
}

export function useGanttDrag({
  body,
  editable,
  dayWidth,
  byId,
  rows,
  first,
  onMove,
  onLink,
}: {
  /** The chart's SVG, for pointer positions within it. */
  body: RefObject<SVGSVGElement | null>;
  editable: boolean;
  dayWidth: number;
  byId: Map<string, ScheduledTask>;
  rows: Row[];
  /** The first row rendered (the chart's top). */
  first: number;
  onMove: (task: PlanTask, earliestStart: string) => void;
  onLink: (from: PlanTask, to: PlanTask) => void;
}) {
  const [drag, setDrag] = useState<DragState | null>(null);
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
  return { drag, startDrag, moveDrag, endDrag, cancelDrag: () => setDrag(null) };
}
