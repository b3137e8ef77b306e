// The task grid's cells: the editor of a cell (a select, a date, a number or text, as the column
// needs), a cell's text (the engine's pick of an assignee in italics, a summary's rolled-up
// status) and the scheduled dates.
import { Tag, Tooltip } from "antd";
import type { CSSProperties, KeyboardEvent } from "react";
import type { PlanTask, ScheduledTask } from "../../api/plans";
import type { Member, Skill } from "../../api/types";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { ROW, STATUSES, valueOf, type Col } from "./taskGridModel";
import type { Row } from "./wbs";

export function CellEditor({
  col,
  draft,
  onDraft,
  busy,
  error,
  skills,
  members,
  onKeyDown,
  onBlur,
}: {
  col: Col;
  draft: string;
  onDraft: (text: string) => void;
  busy: boolean;
  error: string | null;
  skills: Skill[];
  members: Member[];
  onKeyDown: (e: KeyboardEvent) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  const style: CSSProperties = {
    width: "100%",
    height: ROW - 6,
    border: `1px solid ${error ? "#ff4d4f" : "#1677ff"}`,
    borderRadius: 4,
    padding: "0 4px",
    font: "inherit",
    background: "#fff",
  };
  const common = {
    autoFocus: true,
    value: draft,
    disabled: busy,
    style,
    "data-testid": `edit-${col}`,
    onKeyDown,
    onBlur,
  };
  switch (col) {
    case "skill":
      return (
        <select {...common} onChange={(e) => onDraft(e.target.value)}>
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
        <select {...common} onChange={(e) => onDraft(e.target.value)}>
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
        <select {...common} onChange={(e) => onDraft(e.target.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`task.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      );
    case "earliestStart":
    case "deadline":
      return <input type="date" {...common} onChange={(e) => onDraft(e.target.value)} />;
    case "effort":
    case "priority":
    case "minLevel":
      return (
        <input
          type="number"
          inputMode="decimal"
          step={col === "effort" ? 0.5 : 1}
          {...common}
          onChange={(e) => onDraft(e.target.value)}
        />
      );
    default:
      return (
        <input
          type="text"
          {...common}
          placeholder={col === "dependsOn" ? "1.2, 3SS+2" : undefined}
          onChange={(e) => onDraft(e.target.value)}
        />
      );
  }
}

export interface CellNames {
  wbsOf: Map<string, string>;
  memberName: Map<string, string>;
  skillName: Map<string, string>;
}

/** A cell as read: names for ids, the engine's assignee when none is fixed, the status in words. */
export function CellText({
  row: r,
  col,
  scheduled,
  names,
}: {
  row: Row;
  col: Col;
  scheduled: ScheduledTask | undefined;
  names: CellNames;
}) {
  const { t } = useI18n();
  const task = r.task;
  // Not fixed: who the engine gave it to, by name (an unscheduled task has nobody yet).
  if (col === "assignee" && !task.assigneeMemberId && !r.summary && scheduled?.assignee)
    return (
      <Tooltip title={t("task.engineAssignee")}>
        <span data-testid="engine-assignee" style={{ color: "#595959", fontStyle: "italic" }}>
          {names.memberName.get(scheduled.assignee) ?? "?"}
        </span>
      </Tooltip>
    );
  switch (col) {
    case "effort":
      return <>{r.summary ? "" : String(task.effortHours)}</>;
    case "skill":
      return <>{task.skillId ? (names.skillName.get(task.skillId) ?? "?") : ""}</>;
    case "assignee":
      return (
        <>
          {task.assigneeMemberId
            ? (names.memberName.get(task.assigneeMemberId) ?? "?")
            : r.summary
              ? ""
              : t("task.anyone")}
        </>
      );
    case "status": {
      const text = t(`task.status.${task.status}` as MessageKey);
      return r.summary ? (
        <Tooltip title={t("task.statusRolledUp")}>
          <span data-testid="rolled-status">{text}</span>
        </Tooltip>
      ) : (
        <>{text}</>
      );
    }
    case "name":
      return (
        <>
          {task.milestone ? "◆ " : ""}
          {task.name}
          {task.optional ? (
            <Tag data-testid="task-optional-tag" style={{ marginInlineStart: 6 }}>
              {t("task.optionalTag")}
            </Tag>
          ) : null}
        </>
      );
    default:
      return <>{valueOf(task, col, names.wbsOf)}</>;
  }
}

/** The engine's dates for the row, critical and late marks; ✓ for a done task it no longer plans. */
export function ScheduleCell({
  task,
  scheduled: s,
  critical,
}: {
  task: PlanTask;
  scheduled: ScheduledTask | undefined;
  critical: boolean;
}) {
  const { t } = useI18n();
  if (task.deferred && task.status !== "done")
    return (
      <Tooltip title={t("task.deferredHint")}>
        <Tag data-testid="task-deferred">{t("task.deferred")}</Tag>
      </Tooltip>
    );
  if (!s) return <>{task.status === "done" ? "✓" : ""}</>;
  return (
    <>
      {s.start.slice(5)} → {s.finish.slice(5)}{" "}
      {critical && !s.summary ? (
        <Tag color="red" style={{ marginInline: 2 }}>
          {t("task.critical")}
        </Tag>
      ) : null}
      {s.late ? <Tag color="volcano">{t("task.late", { days: s.lateDays })}</Tag> : null}
    </>
  );
}
