// The plan's task table: a virtualised grid with inline editing from the keyboard. Click a cell (or
// press Enter on it) to edit; Tab / Shift+Tab commit and move between cells, Enter commits and adds a
// row below, Esc cancels. Every commit is one PATCH; the server re-plans and the schedule refreshes.
// What a cell means is in taskGridModel.ts, the cells in TaskCells.tsx, editing in useCellEditing.
import { Tooltip } from "antd";
import { useMemo, useRef, useState, type CSSProperties } from "react";
import type { PlanTask, ScheduledTask, TaskInput } from "../../api/plans";
import type { Member, Skill } from "../../api/types";
import { useI18n } from "../../i18n";
import { CellEditor, CellText, ScheduleCell } from "./TaskCells";
import { RowActions } from "./TaskRowActions";
import { ACTIONS_WIDTH, COLS, OVERSCAN, ROW, SCHEDULE_WIDTH, WBS_WIDTH } from "./taskGridModel";
import { useCellEditing } from "./useCellEditing";
import type { Row } from "./wbs";

export interface TaskGridProps {
  rows: Row[];
  scheduled: Map<string, ScheduledTask>;
  critical: Set<string>;
  skills: Skill[];
  members: Member[];
  editable: boolean;
  height?: number;
  /** Resolves when the server has answered; rejects on error (the grid keeps the editor open). */
  onPatch: (task: PlanTask, patch: TaskInput) => Promise<void>;
  onAddBelow: (row: Row | null) => Promise<string | null>;
  onDelete: (task: PlanTask) => void;
  focusTaskId?: string | null;
}

export function TaskGrid({
  rows,
  scheduled,
  critical,
  skills,
  members,
  editable,
  height = 520,
  onPatch,
  onAddBelow,
  onDelete,
  focusTaskId,
}: TaskGridProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const {
    editing,
    draft,
    setDraft,
    error,
    busy,
    begin,
    onKey,
    closeAfterBlur,
    wbsOf,
    rowOf,
    editableCol,
  } = useCellEditing({ rows, editable, onPatch, onAddBelow, focusTaskId, scroller, height });
  const memberName = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const skillName = useMemo(() => new Map(skills.map((s) => [s.id, s.name])), [skills]);
  const names = useMemo(() => ({ wbsOf, memberName, skillName }), [wbsOf, memberName, skillName]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const totalWidth =
    WBS_WIDTH + COLS.reduce((s, c) => s + c.width, 0) + SCHEDULE_WIDTH + ACTIONS_WIDTH;
  const cell = (w: number): CSSProperties => ({
    width: w,
    minWidth: w,
    padding: "0 6px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    borderRight: "1px solid #f5f5f5",
    height: ROW,
    lineHeight: `${ROW}px`,
  });

  return (
    <div>
      <div
        ref={scroller}
        data-testid="task-grid"
        onScroll={() => {
          const el = scroller.current;
          if (el) setScrollTop(Math.floor(el.scrollTop / ROW) * ROW);
        }}
        style={{
          overflow: "auto",
          height: Math.min(height, 36 + rows.length * ROW + 20),
          border: "1px solid #f0f0f0",
          background: "#fff",
          fontSize: 13,
        }}
      >
        <div style={{ width: totalWidth, height: 36 + rows.length * ROW, position: "relative" }}>
          <div
            style={{
              position: "sticky",
              top: 0,
              zIndex: 2,
              display: "flex",
              background: "#fafafa",
              borderBottom: "1px solid #f0f0f0",
              fontWeight: 500,
              fontSize: 12,
              height: 36,
            }}
          >
            <div style={{ ...cell(WBS_WIDTH), height: 36, lineHeight: "36px" }}>
              {t("task.wbs")}
            </div>
            {COLS.map((c) => (
              <div key={c.key} style={{ ...cell(c.width), height: 36, lineHeight: "36px" }}>
                {t(c.label)}
              </div>
            ))}
            <div style={{ ...cell(SCHEDULE_WIDTH), height: 36, lineHeight: "36px" }}>
              {t("task.scheduled")}
            </div>
            <div style={{ ...cell(ACTIONS_WIDTH), height: 36, lineHeight: "36px" }} />
          </div>
          <div style={{ position: "absolute", top: 36 + first * ROW, left: 0 }}>
            {rows.slice(first, last).map((r) => {
              const s = scheduled.get(r.task.id);
              return (
                <div
                  key={r.task.id}
                  data-testid="task-row"
                  data-wbs={r.wbs}
                  style={{
                    display: "flex",
                    borderBottom: "1px solid #f5f5f5",
                    background: r.summary ? "#fafafa" : undefined,
                    fontWeight: r.summary ? 600 : 400,
                  }}
                >
                  <div style={{ ...cell(WBS_WIDTH), color: "#8c8c8c" }}>{r.wbs}</div>
                  {COLS.map((c) => {
                    const isEditing = editing?.id === r.task.id && editing.col === c.key;
                    return (
                      <div
                        key={c.key}
                        data-col={c.key}
                        tabIndex={editableCol(r, c.key) && !isEditing ? 0 : -1}
                        style={{
                          ...cell(c.width),
                          paddingLeft: c.key === "name" ? 6 + r.depth * 16 : 6,
                          cursor: editableCol(r, c.key) ? "text" : "default",
                          position: "relative",
                        }}
                        onClick={() => !isEditing && begin(r.task.id, c.key)}
                        onKeyDown={(e) => {
                          if (!isEditing && (e.key === "Enter" || e.key === "F2")) {
                            e.preventDefault();
                            begin(r.task.id, c.key);
                          }
                        }}
                      >
                        {isEditing ? (
                          <Tooltip open={!!error} title={error} placement="bottom">
                            <CellEditor
                              col={c.key}
                              draft={draft}
                              onDraft={setDraft}
                              busy={busy}
                              error={error}
                              skills={skills}
                              members={members}
                              onKeyDown={(e) => void onKey(e)}
                              onBlur={() => closeAfterBlur(r.task.id, c.key)}
                            />
                          </Tooltip>
                        ) : (
                          <CellText row={r} col={c.key} scheduled={s} names={names} />
                        )}
                      </div>
                    );
                  })}
                  <div
                    style={{ ...cell(SCHEDULE_WIDTH), fontWeight: 400 }}
                    data-testid="task-scheduled"
                  >
                    <ScheduleCell task={r.task} scheduled={s} critical={critical.has(r.task.id)} />
                  </div>
                  <div style={{ ...cell(ACTIONS_WIDTH), fontWeight: 400 }}>
                    {editable ? (
                      <RowActions
                        rows={rows}
                        row={r}
                        rowOf={rowOf}
                        onPatch={onPatch}
                        onDelete={onDelete}
                      />
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
