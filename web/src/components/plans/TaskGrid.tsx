// The plan's task table: a virtualised grid with inline editing from the keyboard. Click a cell (or
// press Enter on it) to edit; Tab / Shift+Tab commit and move between cells, Enter commits and adds a
// row below, Esc cancels. Every commit is one PATCH; the server re-plans and the schedule refreshes.
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Tag, Tooltip } from "antd";
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import type { Dependency, PlanTask, ScheduledTask, TaskInput, TaskStatus } from "../../api/plans";
import type { Member, Skill } from "../../api/types";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { Row } from "./wbs";

const ROW = 34;
const OVERSCAN = 8;
type Col =
  | "name"
  | "effort"
  | "skill"
  | "minLevel"
  | "assignee"
  | "priority"
  | "earliestStart"
  | "deadline"
  | "dependsOn"
  | "status";
const COLS: { key: Col; label: MessageKey; width: number }[] = [
  { key: "name", label: "task.name", width: 260 },
  { key: "effort", label: "task.effort", width: 84 },
  { key: "skill", label: "task.skill", width: 120 },
  { key: "minLevel", label: "task.minLevel", width: 76 },
  { key: "assignee", label: "task.assignee", width: 116 },
  { key: "priority", label: "task.priority", width: 76 },
  { key: "earliestStart", label: "task.earliestStart", width: 132 },
  { key: "deadline", label: "task.deadline", width: 132 },
  { key: "dependsOn", label: "task.dependsOn", width: 120 },
  { key: "status", label: "task.status", width: 100 },
];
const STATUSES: TaskStatus[] = ["todo", "in_progress", "done"];
const SCHEDULE_WIDTH = 150;
const ACTIONS_WIDTH = 96;

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

const depText = (deps: Dependency[], wbsOf: Map<string, string>) =>
  deps
    .map(
      (d) =>
        `${wbsOf.get(d.taskId) ?? "?"}${d.type === "FS" ? "" : d.type}${d.lagDays ? (d.lagDays > 0 ? `+${d.lagDays}` : d.lagDays) : ""}`,
    )
    .join(", ");

/** "1.2, 3SS+2" → dependencies; undefined when a code is unknown. */
function parseDeps(text: string, idOf: Map<string, string>): Dependency[] | undefined {
  const out: Dependency[] = [];
  for (const part of text.split(/[,，\s]+/).filter(Boolean)) {
    const m = /^([\d.]+?)(FS|SS|FF|SF)?([+-]\d+)?$/i.exec(part);
    const id = m ? idOf.get(m[1]!) : undefined;
    if (!m || !id) return undefined;
    out.push({
      taskId: id,
      type: (m[2] ?? "FS").toUpperCase() as Dependency["type"],
      lagDays: m[3] ? Number(m[3]) : 0,
    });
  }
  return out;
}

function previousSibling(rows: Row[], r: Row): Row | undefined {
  for (let i = r.index - 1; i >= 0; i--) {
    const above = rows[i]!;
    if (above.depth < r.depth) return undefined;
    if (above.depth === r.depth) return above;
  }
  return undefined;
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
  const [editing, setEditing] = useState<{ id: string; col: Col } | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wbsOf = useMemo(() => new Map(rows.map((r) => [r.task.id, r.wbs])), [rows]);
  const idOf = useMemo(() => new Map(rows.map((r) => [r.wbs, r.task.id])), [rows]);
  const rowOf = useMemo(() => new Map(rows.map((r, i) => [r.task.id, i])), [rows]);
  const memberName = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const skillName = useMemo(() => new Map(skills.map((s) => [s.id, s.name])), [skills]);

  const valueOf = (task: PlanTask, col: Col): string => {
    switch (col) {
      case "name":
        return task.name;
      case "effort":
        return String(task.effortHours);
      case "skill":
        return task.skillId ?? "";
      case "minLevel":
        return task.minLevel == null ? "" : String(task.minLevel);
      case "assignee":
        return task.assigneeMemberId ?? "";
      case "priority":
        return String(task.priority);
      case "earliestStart":
        return task.earliestStart ?? "";
      case "deadline":
        return task.deadline ?? "";
      case "dependsOn":
        return depText(task.dependsOn, wbsOf);
      case "status":
        return task.status;
    }
  };
  const display = (r: Row, col: Col): string => {
    const task = r.task;
    switch (col) {
      case "effort":
        return r.summary ? "" : String(task.effortHours);
      case "skill":
        return task.skillId ? (skillName.get(task.skillId) ?? "?") : "";
      case "assignee": {
        if (task.assigneeMemberId) return memberName.get(task.assigneeMemberId) ?? "?";
        if (r.summary) return "";
        // Not fixed: who the engine gave it to, by name (an unscheduled task has nobody yet).
        const picked = scheduled.get(task.id)?.assignee;
        return picked ? (memberName.get(picked) ?? "?") : t("task.anyone");
      }
      case "status":
        return t(`task.status.${task.status}` as MessageKey);
      default:
        return valueOf(task, col);
    }
  };
  // A summary row's state is summed up from its subtasks by the server; it is not set by hand.
  const editableCol = (r: Row, col: Col) =>
    editable &&
    !(
      r.summary &&
      (col === "effort" ||
        col === "skill" ||
        col === "minLevel" ||
        col === "assignee" ||
        col === "status")
    );

  const begin = (id: string, col: Col) => {
    const r = rows[rowOf.get(id) ?? -1];
    if (!r || !editableCol(r, col)) return;
    setEditing({ id, col });
    setDraft(valueOf(r.task, col));
    setError(null);
  };

  useEffect(() => {
    if (focusTaskId && rowOf.has(focusTaskId)) {
      begin(focusTaskId, "name");
      const i = rowOf.get(focusTaskId)!;
      const el = scroller.current;
      if (el && (i * ROW < el.scrollTop || i * ROW > el.scrollTop + height - 80))
        el.scrollTop = Math.max(0, i * ROW - 100);
    }
  }, [focusTaskId, rowOf]);

  const patchFor = (task: PlanTask, col: Col, text: string): TaskInput | "invalid" | null => {
    if (text === valueOf(task, col)) return null;
    const num = Number(text);
    switch (col) {
      case "name":
        return text.trim() ? { name: text.trim() } : "invalid";
      case "effort":
        return text.trim() !== "" && Number.isFinite(num) ? { effortHours: num } : "invalid";
      case "priority":
        return Number.isInteger(num) ? { priority: num } : "invalid";
      case "minLevel":
        return text === ""
          ? { minLevel: null }
          : Number.isInteger(num)
            ? { minLevel: num }
            : "invalid";
      case "skill":
        return { skillId: text || null };
      case "assignee":
        return { assigneeMemberId: text || null };
      case "earliestStart":
        return { earliestStart: text || null };
      case "deadline":
        return { deadline: text || null };
      case "status":
        return { status: text as TaskStatus };
      case "dependsOn": {
        const deps = parseDeps(text, idOf);
        return deps ? { dependsOn: deps } : "invalid";
      }
    }
  };

  /** Commits the open editor; true when it may close. */
  const commit = async (): Promise<boolean> => {
    if (!editing) return true;
    const r = rows[rowOf.get(editing.id) ?? -1];
    if (!r) return true;
    const patch = patchFor(r.task, editing.col, draft);
    if (patch === null) return true;
    if (patch === "invalid") {
      setError(editing.col === "dependsOn" ? "1, 1.2, 3SS+2" : t("common.required"));
      return false;
    }
    setBusy(true);
    try {
      await onPatch(r.task, patch);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const move = (id: string, col: Col, step: number) => {
    const ci = COLS.findIndex((c) => c.key === col);
    let ri = rowOf.get(id) ?? 0;
    let next = ci + step;
    for (let guard = 0; guard < COLS.length * 3; guard++) {
      if (next >= COLS.length) {
        next = 0;
        ri++;
      }
      if (next < 0) {
        next = COLS.length - 1;
        ri--;
      }
      const r = rows[ri];
      if (!r) {
        setEditing(null);
        return;
      }
      if (editableCol(r, COLS[next]!.key)) {
        begin(r.task.id, COLS[next]!.key);
        return;
      }
      next += step;
    }
  };

  const onKey = async (e: KeyboardEvent) => {
    if (!editing) return;
    if (e.key === "Escape") {
      e.preventDefault();
      setEditing(null);
      setError(null);
      return;
    }
    if (e.key === "Tab") {
      e.preventDefault();
      const at = editing;
      if (await commit()) move(at.id, at.col, e.shiftKey ? -1 : 1);
      return;
    }
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const at = editing;
      if (!(await commit())) return;
      setEditing(null);
      const r = rows[rowOf.get(at.id) ?? -1] ?? null;
      await onAddBelow(r);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const totalWidth = 44 + COLS.reduce((s, c) => s + c.width, 0) + SCHEDULE_WIDTH + ACTIONS_WIDTH;
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
  const inputStyle: CSSProperties = {
    width: "100%",
    height: ROW - 6,
    border: `1px solid ${error ? "#ff4d4f" : "#1677ff"}`,
    borderRadius: 4,
    padding: "0 4px",
    font: "inherit",
    background: "#fff",
  };

  const editor = (r: Row, col: Col) => {
    const common = {
      autoFocus: true,
      value: draft,
      disabled: busy,
      style: inputStyle,
      "data-testid": `edit-${col}`,
      onKeyDown: (e: KeyboardEvent) => void onKey(e),
      onBlur: () => {
        if (!busy)
          void commit().then(
            (ok) =>
              ok &&
              setEditing((cur) => (cur && cur.id === r.task.id && cur.col === col ? null : cur)),
          );
      },
    };
    switch (col) {
      case "skill":
        return (
          <select {...common} onChange={(e) => setDraft(e.target.value)}>
            <option value="">—</option>
            {skills.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        );
      case "assignee":
        return (
          <select {...common} onChange={(e) => setDraft(e.target.value)}>
            <option value="">{t("task.anyone")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        );
      case "status":
        return (
          <select {...common} onChange={(e) => setDraft(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`task.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        );
      case "earliestStart":
      case "deadline":
        return <input type="date" {...common} onChange={(e) => setDraft(e.target.value)} />;
      case "effort":
      case "priority":
      case "minLevel":
        return (
          <input
            type="number"
            inputMode="decimal"
            step={col === "effort" ? 0.5 : 1}
            {...common}
            onChange={(e) => setDraft(e.target.value)}
          />
        );
      default:
        return (
          <input
            type="text"
            {...common}
            placeholder={col === "dependsOn" ? "1.2, 3SS+2" : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
        );
    }
  };

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
            <div style={{ ...cell(44), height: 36, lineHeight: "36px" }}>{t("task.wbs")}</div>
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
                  <div style={{ ...cell(44), color: "#8c8c8c" }}>{r.wbs}</div>
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
                            {editor(r, c.key)}
                          </Tooltip>
                        ) : c.key === "assignee" &&
                          !r.task.assigneeMemberId &&
                          !r.summary &&
                          s?.assignee ? (
                          <Tooltip title={t("task.engineAssignee")}>
                            <span
                              data-testid="engine-assignee"
                              style={{ color: "#595959", fontStyle: "italic" }}
                            >
                              {display(r, c.key)}
                            </span>
                          </Tooltip>
                        ) : c.key === "status" && r.summary ? (
                          <Tooltip title={t("task.statusRolledUp")}>
                            <span data-testid="rolled-status">{display(r, c.key)}</span>
                          </Tooltip>
                        ) : (
                          <>
                            {c.key === "name" && r.task.milestone ? "◆ " : ""}
                            {display(r, c.key)}
                          </>
                        )}
                      </div>
                    );
                  })}
                  <div
                    style={{ ...cell(SCHEDULE_WIDTH), fontWeight: 400 }}
                    data-testid="task-scheduled"
                  >
                    {s ? (
                      <>
                        {s.start.slice(5)} → {s.finish.slice(5)}{" "}
                        {critical.has(r.task.id) && !s.summary ? (
                          <Tag color="red" style={{ marginInline: 2 }}>
                            {t("task.critical")}
                          </Tag>
                        ) : null}
                        {s.late ? (
                          <Tag color="volcano">{t("task.late", { days: s.lateDays })}</Tag>
                        ) : null}
                      </>
                    ) : r.task.status === "done" ? (
                      "✓"
                    ) : (
                      ""
                    )}
                  </div>
                  <div style={{ ...cell(ACTIONS_WIDTH), fontWeight: 400 }}>
                    {editable ? (
                      <>
                        <Tooltip title={t("task.makeChild")}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowRightOutlined />}
                            aria-label={t("task.makeChild")}
                            disabled={!previousSibling(rows, r)}
                            onClick={() => {
                              const sibling = previousSibling(rows, r);
                              if (sibling)
                                void onPatch(r.task, { parentId: sibling.task.id }).catch(
                                  () => undefined,
                                );
                            }}
                          />
                        </Tooltip>
                        <Tooltip title={t("task.outdent")}>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowLeftOutlined />}
                            aria-label={t("task.outdent")}
                            disabled={!r.task.parentId}
                            onClick={() => {
                              const parent = rows[rowOf.get(r.task.parentId ?? "") ?? -1];
                              void onPatch(r.task, {
                                parentId: parent?.task.parentId ?? null,
                              }).catch(() => undefined);
                            }}
                          />
                        </Tooltip>
                        <Popconfirm
                          title={t("task.deleteConfirm")}
                          okText={t("common.yes")}
                          cancelText={t("common.no")}
                          onConfirm={() => onDelete(r.task)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t("common.delete")}
                          />
                        </Popconfirm>
                      </>
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
