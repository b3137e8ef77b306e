// The cards of a member's day: the tasks the engine scheduled for today (with the day's own
// planned items), unplanned work (计划外) and the inbox. Read-only when a lead looks at someone
// else's day.
import { DeleteOutlined, FileTextOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Empty, List, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import { useDayMutations, type Today } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { QuickAdd } from "./QuickAdd";
import { TaskItem } from "./TodayTaskItem";

/** Shows a failed day change's error, and rethrows so a quick-add keeps what was typed. */
function useShowingErrors() {
  const onError = useApiErrors();
  return useCallback(
    (p: Promise<unknown>) =>
      p.catch((e: unknown) => {
        onError(e);
        throw e;
      }),
    [onError],
  );
}

export function TasksCard({ today, readOnly }: { today: Today; readOnly: boolean }) {
  const { t } = useI18n();
  const { updateItem, removeItem } = useDayMutations();
  const wrap = useShowingErrors();
  const navigate = useNavigate();
  const planned = today.items.filter((i) => i.kind !== "unplanned");
  return (
    <Card
      size="small"
      title={t("today.tasks")}
      data-testid="today-tasks"
      extra={
        !readOnly ? (
          <Button
            size="small"
            type="primary"
            icon={<FileTextOutlined />}
            onClick={() => void navigate("/reports")}
            data-testid="open-report"
          >
            {t("today.openReport")}
          </Button>
        ) : null
      }
    >
      <List
        dataSource={today.tasks}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.noTasks")} />
          ),
        }}
        renderItem={(task) => <TaskItem key={task.taskId} task={task} readOnly={readOnly} />}
      />
      {planned.length ? (
        <List
          size="small"
          dataSource={planned}
          renderItem={(i) => (
            <List.Item
              actions={
                readOnly
                  ? []
                  : [
                      <Button
                        key="x"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("common.delete")}
                        onClick={() =>
                          void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)
                        }
                      />,
                    ]
              }
            >
              <Checkbox
                checked={i.done}
                disabled={readOnly}
                onChange={(e) =>
                  void wrap(
                    updateItem.mutateAsync({
                      id: i.id,
                      version: i.version,
                      done: e.target.checked,
                    }),
                  ).catch(() => undefined)
                }
              >
                <Typography.Text delete={i.done}>{i.title}</Typography.Text>
              </Checkbox>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

export function UnplannedCard({ today, readOnly }: { today: Today; readOnly: boolean }) {
  const { t } = useI18n();
  const { addItem, removeItem } = useDayMutations();
  const wrap = useShowingErrors();
  const unplanned = today.items.filter((i) => i.kind === "unplanned");
  return (
    <Card size="small" title={t("today.unplanned")} data-testid="unplanned-card">
      {!readOnly ? (
        <QuickAdd
          placeholder={t("today.unplannedTitle")}
          withHours
          testId="unplanned"
          onAdd={(title, hours) =>
            wrap(
              addItem.mutateAsync({
                title,
                kind: "unplanned",
                date: today.date,
                loggedHours: hours ?? 0,
                done: true,
              }),
            )
          }
        />
      ) : null}
      <List
        size="small"
        dataSource={unplanned}
        locale={{ emptyText: t("today.noUnplanned") }}
        data-testid="unplanned-list"
        renderItem={(i) => (
          <List.Item
            actions={
              readOnly
                ? []
                : [
                    <Button
                      key="x"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("common.delete")}
                      onClick={() => void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)}
                    />,
                  ]
            }
          >
            <Typography.Text>{i.title}</Typography.Text> <Tag>{i.loggedHours} h</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function InboxCard({ today }: { today: Today }) {
  const { t } = useI18n();
  const { addItem, updateItem, removeItem } = useDayMutations();
  const wrap = useShowingErrors();
  return (
    <Card size="small" title={t("today.inbox")} data-testid="inbox-card">
      <QuickAdd
        placeholder={t("today.inboxCapture")}
        withHours={false}
        testId="inbox"
        onAdd={(title) => wrap(addItem.mutateAsync({ title }))}
      />
      <List
        size="small"
        dataSource={today.inbox}
        locale={{ emptyText: t("today.inboxEmpty") }}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Button
                key="p"
                size="small"
                onClick={() =>
                  void wrap(
                    updateItem.mutateAsync({
                      id: i.id,
                      version: i.version,
                      date: today.date,
                    }),
                  ).catch(() => undefined)
                }
                data-testid="inbox-plan"
              >
                {t("today.planToday")}
              </Button>,
              <Button
                key="x"
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("common.delete")}
                onClick={() => void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)}
              />,
            ]}
          >
            <Typography.Text style={{ wordBreak: "break-word" }}>{i.title}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
