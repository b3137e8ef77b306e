// A task row's buttons in the grid: optional (may be cut when the plan is late), indent under the
// row above, outdent, delete (after a question).
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button, Checkbox, Popconfirm, Tooltip } from "antd";
import type { PlanTask, TaskInput } from "../../api/plans";
import { useI18n } from "../../i18n";
import { previousSibling } from "./taskGridModel";
import type { Row } from "./wbs";

/** Optional, indent under the row above, outdent, delete. */
export function RowActions({
  rows,
  row: r,
  rowOf,
  onPatch,
  onDelete,
}: {
  rows: Row[];
  row: Row;
  rowOf: Map<string, number>;
  onPatch: (task: PlanTask, patch: TaskInput) => Promise<void>;
  onDelete: (task: PlanTask) => void;
}) {
  const { t } = useI18n();
  const leaf = !r.summary && !r.task.milestone;
  return (
    <>
      <Tooltip title={t("task.optional")}>
        <Checkbox
          style={{ marginInline: 4, visibility: leaf ? "visible" : "hidden" }}
          aria-label={t("task.optional")}
          data-testid="task-optional"
          checked={r.task.optional}
          disabled={!leaf}
          onChange={(e) =>
            void onPatch(r.task, { optional: e.target.checked }).catch(() => undefined)
          }
        />
      </Tooltip>
      <Tooltip title={t("task.makeChild")}>
        <Button
          size="small"
          type="text"
          icon={<ArrowRightOutlined />}
          aria-label={t("task.makeChild")}
          disabled={!previousSibling(rows, r)}
          onClick={() => {
            const sibling = previousSibling(rows, r);
            if (sibling) void onPatch(r.task, { parentId: sibling.task.id }).catch(() => undefined);
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
  );
}
