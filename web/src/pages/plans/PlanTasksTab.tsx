// The plan's tasks tab: the keyboard-driven task grid and "add task" (an empty plan offers only that).
import { Button, Empty, Grid, Space, Typography } from "antd";
import type { PlanTask, ScheduledTask, TaskInput } from "../../api/plans";
import type { Member, Skill } from "../../api/types";
import { TaskGrid } from "../../components/plans/TaskGrid";
import type { Row } from "../../components/plans/wbs";
import { useI18n } from "../../i18n";

export interface PlanTasksTabProps {
  rows: Row[];
  scheduled: Map<string, ScheduledTask>;
  critical: Set<string>;
  skills: Skill[];
  members: Member[];
  editable: boolean;
  focusTaskId: string | null;
  onPatch: (task: PlanTask, patch: TaskInput) => Promise<void>;
  onAddBelow: (row: Row | null) => Promise<string | null>;
  onDelete: (task: PlanTask) => void;
}

export function PlanTasksTab({
  rows,
  scheduled,
  critical,
  skills,
  members,
  editable,
  focusTaskId,
  onPatch,
  onAddBelow,
  onDelete,
}: PlanTasksTabProps) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  return rows.length || !editable ? (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {editable ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("plan.keyboardHint")}
        </Typography.Text>
      ) : null}
      <TaskGrid
        rows={rows}
        scheduled={scheduled}
        critical={critical}
        skills={skills}
        members={members}
        editable={editable}
        onPatch={onPatch}
        onAddBelow={onAddBelow}
        focusTaskId={focusTaskId}
        height={phone ? 420 : 560}
        onDelete={onDelete}
      />
      {editable ? (
        <Button
          onClick={() =>
            void onAddBelow(
              rows[rows.length - 1]
                ? {
                    ...rows[rows.length - 1]!,
                    task: {
                      ...rows[rows.length - 1]!.task,
                      parentId: null,
                      sortOrder: rows.length,
                    },
                  }
                : null,
            )
          }
          data-testid="task-add"
        >
          {t("plan.addTask")}
        </Button>
      ) : null}
    </Space>
  ) : (
    <Empty>
      <Button type="primary" onClick={() => void onAddBelow(null)} data-testid="task-add">
        {t("plan.addTask")}
      </Button>
    </Empty>
  );
}
