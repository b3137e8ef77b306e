// Orders a plan's tasks as a tree (parent, then sort order) and numbers them 1, 1.1, 1.2, 2 …
import type { PlanTask } from "../../api/plans";

export interface Row {
  task: PlanTask;
  depth: number;
  wbs: string;
  summary: boolean;
  index: number;
}

export function buildRows(tasks: readonly PlanTask[]): Row[] {
  const children = new Map<string | null, PlanTask[]>();
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent);
    if (list) list.push(t);
    else children.set(parent, [t]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const rows: Row[] = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    (children.get(parent) ?? []).forEach((task, i) => {
      const wbs = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      rows.push({ task, depth, wbs, summary: children.has(task.id), index: rows.length });
      walk(task.id, depth + 1, wbs);
    });
  };
  walk(null, 0, "");
  return rows;
}

const PALETTE = [
  "#1677ff",
  "#13a8a8",
  "#722ed1",
  "#d48806",
  "#389e0d",
  "#c41d7f",
  "#08979c",
  "#7cb305",
  "#2f54eb",
  "#ad6800",
  "#531dab",
  "#0958d9",
];
export function colorFor(id: string | null | undefined): string {
  if (!id) return "#8c8c8c";
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
