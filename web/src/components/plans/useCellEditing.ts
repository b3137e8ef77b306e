// The task grid's cell editing: which cell is open, the draft, committing it (one PATCH, the
// editor stays open with the error on a refusal), and the keys — Tab / Shift+Tab commit and move
// to the next editable cell, Enter commits and adds a row below, Esc cancels.
import { useEffect, useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import type { PlanTask, TaskInput } from "../../api/plans";
import { useI18n } from "../../i18n";
import { COLS, editableCol as editableIn, patchFor, ROW, valueOf, type Col } from "./taskGridModel";
import type { Row } from "./wbs";

export function useCellEditing({
  rows,
  editable,
  onPatch,
  onAddBelow,
  focusTaskId,
  scroller,
  height,
}: {
  rows: Row[];
  editable: boolean;
  onPatch: (task: PlanTask, patch: TaskInput) => Promise<void>;
  onAddBelow: (row: Row | null) => Promise<string | null>;
  focusTaskId?: string | null;
  scroller: RefObject<HTMLDivElement | null>;
  height: number;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ id: string; col: Col } | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wbsOf = useMemo(() => new Map(rows.map((r) => [r.task.id, r.wbs])), [rows]);
  const idOf = useMemo(() => new Map(rows.map((r) => [r.wbs, r.task.id])), [rows]);
  const rowOf = useMemo(() => new Map(rows.map((r, i) => [r.task.id, i])), [rows]);

  const editableCol = (r: Row, col: Col) => editableIn(editable, r, col);

  const begin = (id: string, col: Col) => {
    const r = rows[rowOf.get(id) ?? -1];
    if (!r || !editableCol(r, col)) return;
    setEditing({ id, col });
    setDraft(valueOf(r.task, col, wbsOf));
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

  /** Commits the open editor; true when it may close. */
  const commit = async (): Promise<boolean> => {
    if (!editing) return true;
    const r = rows[rowOf.get(editing.id) ?? -1];
    if (!r) return true;
    const patch = patchFor(r.task, editing.col, draft, { wbsOf, idOf });
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

  const closeAfterBlur = (id: string, col: Col) => {
    if (!busy)
      void commit().then(
        (ok) => ok && setEditing((cur) => (cur && cur.id === id && cur.col === col ? null : cur)),
      );
  };

  return {
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
  };
}
