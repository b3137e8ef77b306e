// A what-if's before/after Gantt on a computer (WhatIfDiff.tsx): the moved tasks grouped by person
// as bars on the Gantt's timeline (GanttHeader, the Gantt's person colours) — grey dashed before,
// coloured after, the deadline a red line; a short diff's days widen to fill the card.
import { Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { addDays, daysBetween } from "../../components/plans/dates";
import { GanttHeader } from "../../components/plans/GanttHeader";
import { DAY_WIDTH, HEADER, type Zoom } from "../../components/plans/ganttLayout";
import { colorFor } from "../../components/plans/wbs";
import type { Translate } from "../../i18n";
import { byPerson, handed, MoveText, who, type Move, type Span } from "./whatIfDiffParts";

const NAMES = 260;
/** A row: the task's name and its dates, and who it goes from and to when it changes hands. */
const ROW = 40;
const ROW_HANDED = 62;
const GROUP = 24;
/** Widest day on a short diff, so that a few days' bars still read. */
const DAY_MAX = 64;

export function WhatIfDiffBars({
  groups,
  deadline,
  t,
  locale,
}: {
  groups: ReturnType<typeof byPerson>;
  deadline: string | null;
  t: Translate;
  locale: string;
}) {
  const moves = groups.flatMap((g) => g.moves);
  const dates = moves.flatMap((m) =>
    [m.before, m.after].flatMap((s) => (s ? [s.start, s.finish] : [])),
  );
  if (deadline) dates.push(deadline);
  dates.sort();
  const from = addDays(dates[0]!, -1);
  const to = addDays(dates[dates.length - 1]!, 2);
  const span = daysBetween(from, to) + 1;
  const zoom: Zoom = span <= 45 ? "day" : span <= 160 ? "week" : "month";
  // A short diff's days widen to fill the card (the whole diff's width, measured), up to DAY_MAX;
  // the box itself hugs its content, so it is not what is measured.
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(0);
  useEffect(() => {
    const el = box.current?.closest<HTMLElement>("[data-testid=whatif-diff]");
    if (!el) return;
    const measure = () => setRoom(el.clientWidth - NAMES - 2);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const dw = Math.max(DAY_WIDTH[zoom], Math.min(DAY_MAX, Math.floor(room / span)));
  const rowHeight = moves.some(handed) ? ROW_HANDED : ROW;
  const width = span * dw;
  const x = (d: string) => daysBetween(from, d) * dw;
  const rows: ({ group: (typeof groups)[number] } | { move: Move })[] = groups.flatMap((g) => [
    { group: g },
    ...g.moves.map((move) => ({ move })),
  ]);
  const height = rows.reduce((h, r) => h + ("group" in r ? GROUP : rowHeight), 0);
  let y = 0;
  const placed = rows.map((r) => {
    const top = y;
    y += "group" in r ? GROUP : rowHeight;
    return { r, top };
  });
  return (
    <div
      ref={box}
      style={{
        overflowX: "auto",
        border: "1px solid #f0f0f0",
        width: "fit-content",
        maxWidth: "100%",
      }}
      data-testid="whatif-diff-bars"
    >
      <div style={{ display: "flex", width: NAMES + width }}>
        <div
          style={{
            position: "sticky",
            left: 0,
            zIndex: 2,
            width: NAMES,
            minWidth: NAMES,
            background: "#fff",
            borderRight: "1px solid #f0f0f0",
          }}
        >
          <div style={{ height: HEADER, background: "#fafafa" }} />
          {placed.map(({ r, top }) =>
            "group" in r ? (
              <div
                key={`g${r.group.id ?? ""}`}
                style={{ height: GROUP, padding: "2px 8px", background: "#fafafa", fontSize: 12 }}
              >
                <Tag color={colorFor(r.group.id)} style={{ marginRight: 0 }}>
                  {r.group.name}
                </Tag>
              </div>
            ) : (
              <div
                key={`m${r.move.taskId}${top}`}
                data-testid="whatif-diff-move"
                style={{ height: rowHeight, padding: "2px 8px", overflow: "hidden" }}
              >
                <MoveText m={r.move} t={t} />
              </div>
            ),
          )}
        </div>
        <div>
          <GanttHeader from={from} days={span} dayWidth={dw} zoom={zoom} locale={locale} />
          <svg width={width} height={height} style={{ display: "block" }}>
            {placed.map(({ r, top }) => {
              if ("group" in r)
                return (
                  <rect key={`g${top}`} x={0} y={top} width={width} height={GROUP} fill="#fafafa" />
                );
              const { before, after } = r.move;
              const bar = (s: Span) => ({
                x: x(s.start),
                width: Math.max(dw, (daysBetween(s.start, s.finish) + 1) * dw - 2),
              });
              return (
                <g key={`m${r.move.taskId}${top}`}>
                  {before && (
                    <rect
                      {...bar(before)}
                      y={top + rowHeight / 2 - 11}
                      height={9}
                      rx={2}
                      fill="#e8e8e8"
                      stroke="#bfbfbf"
                      strokeDasharray="3 2"
                    >
                      <title>{`${r.move.name}: ${before.start} → ${before.finish}`}</title>
                    </rect>
                  )}
                  {after && (
                    <rect
                      {...bar(after)}
                      y={top + rowHeight / 2}
                      height={13}
                      rx={3}
                      fill={colorFor(who(after)?.memberId)}
                    >
                      <title>{`${r.move.name}: ${after.start} → ${after.finish}`}</title>
                    </rect>
                  )}
                </g>
              );
            })}
            {deadline && (
              <line
                x1={x(deadline) + dw}
                x2={x(deadline) + dw}
                y1={0}
                y2={height}
                stroke="#cf1322"
                strokeDasharray="4 3"
                data-testid="whatif-diff-deadline"
              />
            )}
          </svg>
        </div>
      </div>
    </div>
  );
}
