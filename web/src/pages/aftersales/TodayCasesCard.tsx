// A 客服 member's after-sales cases on Today: the open cases routed to them, soonest due first,
// each with its countdown, and the minutes they are estimated to take (the engine reserves those
// minutes in the member's day, so plan work moves rather than overbooking them).
import { Card, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Today } from "../../api/plans";
import { useI18n } from "../../i18n";
import { useServerNow } from "../logistics/queue/time";
import { CaseCountdown } from "./CaseCountdown";
import { STATE_COLOR, stateLabel, typeLabel } from "./labels";

type TodayCase = Today["cases"][number];

/** The hours a day's cases take, as the engine counts them. */
export const caseHours = (cases: readonly TodayCase[]) =>
  Math.round((cases.reduce((sum, c) => sum + c.estimatedMinutes, 0) / 60) * 10) / 10;

export function TodayCasesCard({ cases }: { cases: readonly TodayCase[] }) {
  const { t, locale } = useI18n();
  const now = useServerNow(undefined);
  return (
    <Card
      size="small"
      title={t("aftersales.today.title")}
      extra={
        <Typography.Text type="secondary" data-testid="today-cases-summary">
          {t("aftersales.today.summary", { count: cases.length, hours: caseHours(cases) })}
        </Typography.Text>
      }
      data-testid="today-cases"
    >
      <List
        dataSource={[...cases]}
        rowKey="id"
        renderItem={(c) => (
          <List.Item data-testid="today-case" style={{ alignItems: "flex-start" }}>
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <Link to={`/aftersales/cases/${c.id}`} data-testid="today-case-open">
                {typeLabel(locale, c.type)} ·{" "}
                {c.platformCaseId ?? c.platformOrderId ?? c.id.slice(-8)}
              </Link>
              <Space size={4} wrap>
                <Tag color={STATE_COLOR[c.state]}>{stateLabel(locale, c.state)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("aftersales.today.minutes", { minutes: c.estimatedMinutes })}
                </Typography.Text>
              </Space>
            </Space>
            <CaseCountdown dueAt={c.dueAt} now={now} />
          </List.Item>
        )}
      />
    </Card>
  );
}
