// What needs a look in a plan: late tasks, tasks the engine could not place (with why, the task
// names in the reason) and the scheduler's warnings — all in the page's language.
import { List, Space, Typography } from "antd";
import { useMemo } from "react";
import type { PlanDetail, Schedule } from "../../api/plans";
import { useI18n } from "../../i18n";
import { messageText, renderMessage, type Message } from "../../i18n/messages";
import type { LateTask } from "../../../../src/core/plans/signals";

type Unscheduled = Schedule["unscheduled"][number];

/** How many things the problems tab lists, for the count in its label. */
export const problemCount = (schedule: Schedule | undefined, late: LateTask[]): number =>
  (schedule?.unscheduled.length ?? 0) +
  (schedule?.notices ?? schedule?.warnings ?? []).length +
  late.length;

export function PlanProblemsTab({
  detail,
  schedule,
  late,
}: {
  detail: PlanDetail;
  schedule: Schedule | undefined;
  late: LateTask[];
}) {
  const { t, locale } = useI18n();
  const taskName = useMemo(() => new Map(detail.tasks.map((x) => [x.id, x.name])), [detail]);
  const unscheduled = schedule?.unscheduled ?? [];
  const nameIn = (ids: string) =>
    ids
      .split(" → ")
      .map((x) => taskName.get(x) ?? x)
      .join(" → ");
  // A task (or a cycle's path) named by id in a message, named by its name instead.
  const named = (m: Message): Message =>
    m.params
      ? {
          ...m,
          params: {
            ...m.params,
            ...(typeof m.params.task === "string" && { task: nameIn(m.params.task) }),
            ...(typeof m.params.path === "string" && { path: nameIn(m.params.path) }),
          },
        }
      : m;
  // Warnings as messages in the page's language; a schedule stored before codes has English texts.
  const warnings =
    schedule?.notices?.map((n) => renderMessage(locale, named(n))) ?? schedule?.warnings ?? [];
  const reasonOf = (u: Unscheduled) =>
    messageText(
      locale,
      u.code,
      u.params && {
        ...u.params,
        ...(typeof u.params.task === "string" && { task: nameIn(u.params.task) }),
        ...(typeof u.params.path === "string" && { path: nameIn(u.params.path) }),
      },
    ) ?? u.reason;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <List
        size="small"
        bordered
        data-testid="late-list"
        header={<Typography.Text strong>{t("plan.lateTitle")}</Typography.Text>}
        dataSource={late}
        locale={{ emptyText: t("plan.noLate") }}
        renderItem={(l) => (
          <List.Item data-testid="late-item">
            <List.Item.Meta
              title={taskName.get(l.taskId) ?? l.taskId}
              description={
                <Typography.Text type="danger">
                  {t("plan.lateItem", {
                    deadline: l.deadline ?? "—",
                    finish: l.finish,
                    days: l.lateDays,
                  })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <List
        size="small"
        bordered
        data-testid="unscheduled-list"
        header={<Typography.Text strong>{t("plan.unscheduledTitle")}</Typography.Text>}
        dataSource={unscheduled}
        locale={{ emptyText: t("plan.nothingUnscheduled") }}
        renderItem={(u) => (
          <List.Item data-testid="unscheduled-item">
            <List.Item.Meta title={taskName.get(u.task) ?? u.task} description={reasonOf(u)} />
          </List.Item>
        )}
      />
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t("plan.warningsTitle")}</Typography.Text>}
        dataSource={warnings}
        locale={{ emptyText: t("plan.noWarnings") }}
        renderItem={(w) => (
          <List.Item>
            <Typography.Text type="warning">{w}</Typography.Text>
          </List.Item>
        )}
      />
    </Space>
  );
}
