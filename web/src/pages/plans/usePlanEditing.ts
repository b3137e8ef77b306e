// The plan page's edits: a task's patch (a stale version reloads the plan; field errors read in the
// page's language), a task added below a row (then focused), a bar moved or linked on the Gantt;
// each re-plans on the server, and the last run's time and finish are kept for the header.
import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback, useState } from "react";
import { ApiError } from "../../api/client";
import { planKeys, useTaskMutations, type PlanTask, type TaskInput } from "../../api/plans";
import { errorText, useApiErrors } from "../../components/errors";
import type { Row } from "../../components/plans/wbs";
import { useI18n } from "../../i18n";
import { messageText } from "../../i18n/messages";

export interface LastRun {
  ms: number;
  /** null: nothing of the plan is scheduled. */
  finish: string | null;
}

export function usePlanEditing(planId: string, rows: Row[]) {
  const { t, locale } = useI18n();
  const tasks = useTaskMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);

  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: planKeys.plans }), [qc]);

  const patch = useCallback(
    async (task: PlanTask, body: TaskInput) => {
      try {
        const res = await tasks.update.mutateAsync({ id: task.id, version: task.version, ...body });
        setLastRun({ ms: Math.round(res.schedule.ms), finish: res.schedule.finish });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          void message.warning(t("error.conflict"));
          await refresh();
          return;
        }
        const text =
          e instanceof ApiError && e.fieldErrors.length
            ? e.fieldErrors
                .map((f) => messageText(locale, f.code, f.params) ?? f.message)
                .join("; ")
            : errorText(e, t, locale);
        void message.error(text);
        throw new Error(text);
      }
    },
    [tasks.update, message, t, locale, refresh],
  );

  const addBelow = useCallback(
    async (row: Row | null) => {
      try {
        const res = await tasks.create.mutateAsync({
          planId,
          name: t("plan.newTaskName"),
          effortHours: 8,
          parentId: row?.task.parentId ?? undefined,
          sortOrder: row ? row.task.sortOrder : rows.length,
        });
        setLastRun({ ms: Math.round(res.schedule.ms), finish: res.schedule.finish });
        await refresh();
        setFocusTaskId(res.task.id);
        return res.task.id;
      } catch (e) {
        onError(e);
        return null;
      }
    },
    [tasks.create, planId, t, rows.length, refresh, onError],
  );

  const remove = useCallback(
    (task: PlanTask) => tasks.remove.mutate(task.id, { onError: (e) => onError(e) }),
    [tasks.remove, onError],
  );

  const onMove = useCallback(
    (task: PlanTask, date: string) => {
      patch(task, { earliestStart: date }).then(
        () => void message.success(t("gantt.moved", { date })),
        () => undefined,
      );
    },
    [patch, message, t],
  );
  const onLink = useCallback(
    (from: PlanTask, to: PlanTask) => {
      if (to.dependsOn.some((d) => d.taskId === from.id)) return;
      patch(to, { dependsOn: [...to.dependsOn, { taskId: from.id, type: "FS", lagDays: 0 }] }).then(
        () => void message.success(t("gantt.linkAdded")),
        () => undefined,
      );
    },
    [patch, message, t],
  );

  return { patch, addBelow, remove, onMove, onLink, lastRun, focusTaskId };
}
