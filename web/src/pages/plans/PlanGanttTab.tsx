// The plan's Gantt tab: the Gantt with its zoom on a computer, a list of dated rows on a phone.
import { Flex, Grid, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import type { PlanDetail, PlanTask, Schedule, ScheduledTask } from "../../api/plans";
import { Gantt, type Zoom } from "../../components/plans/Gantt";
import { colorFor, type Row } from "../../components/plans/wbs";
import { useI18n } from "../../i18n";

export interface PlanGanttTabProps {
  detail: PlanDetail;
  rows: Row[];
  schedule: Schedule | undefined;
  scheduled: Map<string, ScheduledTask>;
  critical: Set<string>;
  memberNames: Map<string, string>;
  today: string;
  editable: boolean;
  onMove: (task: PlanTask, date: string) => void;
  onLink: (from: PlanTask, to: PlanTask) => void;
}

export function PlanGanttTab({
  detail,
  rows,
  schedule,
  scheduled,
  critical,
  memberNames,
  today,
  editable,
  onMove,
  onLink,
}: PlanGanttTabProps) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [zoom, setZoom] = useState<Zoom>("day");
  return phone ? (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("plan.phoneList")}</Typography.Text>
      <List
        size="small"
        data-testid="gantt-list"
        dataSource={rows.filter((r) => scheduled.has(r.task.id))}
        renderItem={(r) => {
          const s = scheduled.get(r.task.id)!;
          return (
            <List.Item style={{ paddingLeft: r.depth * 12 }}>
              <Flex vertical style={{ width: "100%", minWidth: 0 }}>
                <Typography.Text strong={r.summary} ellipsis>
                  {r.wbs} {r.task.name}
                </Typography.Text>
                <Flex gap={4} wrap align="center">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.start} → {s.finish}
                  </Typography.Text>
                  {s.assignee ? (
                    <Tag color={colorFor(s.assignee)}>{memberNames.get(s.assignee)}</Tag>
                  ) : null}
                  {critical.has(r.task.id) && !s.summary ? (
                    <Tag color="red">{t("task.critical")}</Tag>
                  ) : null}
                  {s.late ? (
                    <Tag color="volcano">{t("task.late", { days: s.lateDays })}</Tag>
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Space>
  ) : (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Segmented
          value={zoom}
          onChange={(v) => setZoom(v as Zoom)}
          data-testid="gantt-zoom"
          options={[
            { value: "day", label: t("gantt.day") },
            { value: "week", label: t("gantt.week") },
            { value: "month", label: t("gantt.month") },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("gantt.legend")}
        </Typography.Text>
      </Flex>
      <Gantt
        rows={rows}
        schedule={schedule}
        baseline={detail.baseline}
        memberNames={memberNames}
        today={today}
        zoom={zoom}
        editable={editable}
        onMove={onMove}
        onLink={onLink}
        height={600}
      />
      {editable ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("gantt.dragHint")}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
