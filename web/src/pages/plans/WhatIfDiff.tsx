// A corrective action's before/after Gantt (issue 12, docs/PROGRESS.md): the plan's tasks that the
// option moves or gives to someone else, grouped by who does them after it, each with its days
// before and after, and the plan's finish before and after against the deadline. On a computer the
// tasks are bars on the Gantt's timeline (GanttHeader, the Gantt's person colours): grey before,
// coloured after, the deadline a red line; on a phone a list of old → new dates.
import { Button, Flex, Grid, Space, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import type { WhatIfOption } from "../../api/progress";
import { addDays, daysBetween, shortDate } from "../../components/plans/dates";
import { GanttHeader } from "../../components/plans/GanttHeader";
import { DAY_WIDTH, HEADER, type Zoom } from "../../components/plans/ganttLayout";
import { colorFor } from "../../components/plans/wbs";
import { useI18n, type Translate } from "../../i18n";
import { DASH } from "./progressFormat";

type Diff = WhatIfOption["diff"];
type Move = Diff["moves"][number];
type Span = NonNullable<Move["before"]>;

/** Rows shown before "show all". */
const FOLD = 6;
const NAMES = 260;
/** A row: the task's name and its dates, and who it goes from and to when it changes hands. */
const ROW = 40;
const ROW_HANDED = 62;
const GROUP = 24;
/** Widest day on a short diff, so that a few days' bars still read. */
const DAY_MAX = 64;

const who = (s: Span | null) => s?.assignees[0] ?? null;
const names = (s: Span | null, t: Translate) =>
  s ? s.assignees.map((a) => a.name ?? DASH).join("、") || t("whatif.diff.nobody") : DASH;
const spanText = (
  s: Span | null,
  t: Translate,
  missing: "whatif.diff.deferred" | "whatif.diff.unplaced",
) => (s ? `${shortDate(s.start)}–${shortDate(s.finish)}` : t(missing));
const handed = (m: Move) =>
  !!m.before && !!m.after && who(m.before)?.memberId !== who(m.after)?.memberId;

/** The moves grouped by the person who does the task after the option (before, when deferred). */
function byPerson(moves: Move[], t: Translate) {
  const groups = new Map<string, { id: string | null; name: string; moves: Move[] }>();
  for (const m of moves) {
    const p = who(m.after) ?? who(m.before);
    const key = p?.memberId ?? "";
    const g = groups.get(key) ?? {
      id: p?.memberId ?? null,
      name: p?.name ?? t("whatif.diff.nobody"),
      moves: [],
    };
    g.moves.push(m);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function Shift({ m, t }: { m: Move; t: Translate }) {
  if (!m.before || !m.after) return null;
  const d = daysBetween(m.before.finish, m.after.finish);
  if (!d) return null;
  return d < 0 ? (
    <Tag color="green">{t("whatif.diff.earlier", { days: -d })}</Tag>
  ) : (
    <Tag color="orange">{t("whatif.diff.later", { days: d })}</Tag>
  );
}

/** What a row says in words: its name, the change of hands, old → new dates. */
function MoveText({ m, t }: { m: Move; t: Translate }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis style={{ fontSize: 13 }}>
        {m.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {spanText(m.before, t, "whatif.diff.unplaced")} →{" "}
        {spanText(m.after, t, "whatif.diff.deferred")}
      </Typography.Text>
      {handed(m) && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {names(m.before, t)} → {names(m.after, t)}
        </Typography.Text>
      )}
    </Flex>
  );
}

function Bars({
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
  // A short diff's days widen to fill the card (measured), up to DAY_MAX.
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(0);
  useEffect(() => {
    const el = box.current;
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

export function WhatIfDiff({
  diff,
  finishBefore,
  finishAfter,
  deadline,
  meetsDeadline,
}: {
  diff: Diff;
  finishBefore: string | null;
  finishAfter: string | null;
  deadline: string | null;
  meetsDeadline: boolean;
}) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [all, setAll] = useState(false);
  const shown = all ? diff.moves : diff.moves.slice(0, FOLD);
  const groups = byPerson(shown, t);
  const unlisted = diff.total - diff.moves.length;
  return (
    <Space
      orientation="vertical"
      size={4}
      style={{ width: "100%", marginTop: 8 }}
      data-testid="whatif-diff"
    >
      <Flex wrap gap={4} align="center">
        <Typography.Text style={{ fontSize: 13 }} data-testid="whatif-diff-finish">
          {t("whatif.diff.finish", {
            before: finishBefore ?? DASH,
            after: finishAfter ?? DASH,
            deadline: deadline ?? DASH,
          })}
        </Typography.Text>
        <Tag color={meetsDeadline ? "green" : "red"}>
          {t(meetsDeadline ? "whatif.diff.meets" : "whatif.diff.misses")}
        </Tag>
      </Flex>
      {!diff.moves.length ? (
        <Typography.Text type="secondary">{t("whatif.diff.none")}</Typography.Text>
      ) : phone ? (
        groups.map((g) => (
          <div key={g.id ?? ""}>
            <Tag color={colorFor(g.id)}>{g.name}</Tag>
            {g.moves.map((m) => (
              <Flex
                key={m.taskId}
                data-testid="whatif-diff-move"
                justify="space-between"
                align="center"
                gap={4}
                style={{ padding: "4px 0 4px 8px", borderBottom: "1px solid #f5f5f5" }}
              >
                <MoveText m={m} t={t} />
                <Shift m={m} t={t} />
              </Flex>
            ))}
          </div>
        ))
      ) : (
        <>
          <Bars groups={groups} deadline={deadline} t={t} locale={locale} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("whatif.diff.legend")}
          </Typography.Text>
        </>
      )}
      {!all && diff.moves.length > FOLD && (
        <Button size="small" type="link" onClick={() => setAll(true)} style={{ padding: 0 }}>
          {t("whatif.diff.more", { count: diff.moves.length })}
        </Button>
      )}
      {unlisted > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("whatif.diff.unlisted", { count: unlisted })}
        </Typography.Text>
      )}
    </Space>
  );
}
