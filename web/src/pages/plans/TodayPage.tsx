// Today (今日): the engine's allocations for today, duties as time blocks, capacity against plan,
// check off / log hours / remaining effort, unplanned work (计划外), the inbox; a week view for the
// member and a team calendar for leads and the owner.
import { Alert, Card, Flex, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { useToday } from "../../api/plans";
import { weekdayLabel } from "../../components/labels";
import { weekday } from "../../components/plans/dates";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { DayView } from "./DayView";
import { WeekView } from "./WeekView";

export function TodayPage() {
  const { t } = useI18n();
  const { member, workspace, can } = useMe();
  const today = useToday();
  const [view, setView] = useState<"day" | "week" | "team">("day");
  const date = today.data?.date;
  // The team calendar is for those who plan: the owner and the leads.
  const lead = can("plans.plan.create");
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="today-hello">
            {t("today.hello", { name: member.name })}
          </Typography.Title>
          {date ? (
            <Typography.Text type="secondary" data-testid="today-date">
              {date} · {weekdayLabel(t, weekday(date))}
            </Typography.Text>
          ) : null}
        </div>
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data-testid="today-view"
          options={[
            { value: "day", label: t("today.day") },
            { value: "week", label: t("today.week") },
            ...(lead ? [{ value: "team", label: t("today.team") }] : []),
          ]}
        />
      </Flex>
      {workspace.isDemo ? <Alert type="info" showIcon title={t("today.demo")} /> : null}
      {today.isError ? (
        <Alert
          type="error"
          title={
            today.error instanceof ApiError
              ? today.error.problem.detail || today.error.problem.title
              : t("error.generic")
          }
        />
      ) : null}
      {!today.data ? (
        <Card loading />
      ) : view === "day" ? (
        <DayView today={today.data} />
      ) : (
        <WeekView today={today.data.date} team={view === "team"} />
      )}
    </Space>
  );
}
