// The Gantt's smaller parts: the sticky column of task names beside the chart, the arrowheads,
// and the dependency arrows.
import type { Arrow } from "./ganttLayout";
import { NAME_WIDTH, ROW } from "./ganttLayout";
import type { Row } from "./wbs";

/** The names of the rows in view (WBS code, ✓ when done), sticky on the left. */
export function GanttNames({ rows }: { rows: Row[] }) {
  return (
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
      {rows.map((r) => (
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
  );
}

export function ArrowMarkers() {
  return (
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
  );
}

export function GanttArrows({ arrows }: { arrows: Arrow[] }) {
  return (
    <>
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
    </>
  );
}
