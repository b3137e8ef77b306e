// The task grid's columns and what a cell means: the text an editor starts from, the text shown,
// which cells may be edited, and the patch a typed text makes. Pure, so the grid only renders.
import type { Dependency, PlanTask, TaskInput, TaskStatus } from "../../api/plans";
import type { MessageKey } from "../../i18n/en";
import type { Row } from "./wbs";

export const ROW = 34;
export const OVERSCAN = 8;
export type Col =
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
export const COLS: { key: Col; label: MessageKey; width: number }[] = [
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
export const STATUSES: TaskStatus[] = ["todo", "in_progress", "done"];
export const SCHEDULE_WIDTH = 150;
export const ACTIONS_WIDTH = 124;
export const WBS_WIDTH = 44;

export const depText = (deps: Dependency[], wbsOf: Map<string, string>) =>
  deps
    .map(
      (d) =>
        `${wbsOf.get(d.taskId) ?? "?"}${d.type === "FS" ? "" : d.type}${d.lagDays ? (d.lagDays > 0 ? `+${d.lagDays}` : d.lagDays) : ""}`,
    )
    .join(", ");

/** "1.2, 3SS+2" → dependencies; undefined when a code is unknown. */
export function parseDeps(text: string, idOf: Map<string, string>): Dependency[] | undefined {
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

export function previousSibling(rows: Row[], r: Row): Row | undefined {
  for (let i = r.index - 1; i >= 0; i--) {
    const above = rows[i]!;
    if (above.depth < r.depth) return undefined;
    if (above.depth === r.depth) return above;
  }
  return undefined;
}

/** The text an editor of the cell starts from. */
export function valueOf(task: PlanTask, col: Col, wbsOf: Map<string, string>): string {
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
}

/** A summary row's state is summed up from its subtasks by the server; it is not set by hand. */
export const editableCol = (editable: boolean, r: Row, col: Col) =>
  editable &&
  !(
    r.summary &&
    (col === "effort" ||
      col === "skill" ||
      col === "minLevel" ||
      col === "assignee" ||
      col === "status")
  );

/** The patch a typed text makes: null when nothing changed, "invalid" when it cannot be sent. */
export function patchFor(
  task: PlanTask,
  col: Col,
  text: string,
  wbs: { wbsOf: Map<string, string>; idOf: Map<string, string> },
): TaskInput | "invalid" | null {
  if (text === valueOf(task, col, wbs.wbsOf)) return null;
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
      const deps = parseDeps(text, wbs.idOf);
      return deps ? { dependsOn: deps } : "invalid";
    }
  }
}
