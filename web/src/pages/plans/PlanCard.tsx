// A plan on the plans list: its kind and launch, the finish the engine computed, progress and
// whether anything is late or could not be scheduled.
import { Card, Flex, Progress, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { PlanSummary } from "../../api/plans";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

const statusColor: Record<PlanSummary["status"], string> = {
  draft: "default",
  active: "processing",
  done: "success",
  archived: "default",
};

export function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const percent = plan.taskCount ? Math.round((plan.doneCount / plan.taskCount) * 100) : 0;
  return (
    <Card
      size="small"
      data-testid="plan-card"
      title={
        <Link to={`/plans/${plan.id}`} data-testid="plan-link">
          {plan.name}
        </Link>
      }
      extra={
        <Tag color={statusColor[plan.status]}>{t(`plans.status.${plan.status}` as MessageKey)}</Tag>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          {t(`plans.kind.${plan.kind}` as MessageKey)}
          {plan.launchDate ? ` · ${t("plans.launchBefore", { date: plan.launchDate })}` : ""}
        </Typography.Text>
        <Typography.Text data-testid="plan-finish">
          {t("plans.finish")}: <b>{plan.finish ?? t("plans.noFinish")}</b>
        </Typography.Text>
        <Progress
          percent={percent}
          size="small"
          format={() => t("plans.tasksDone", { done: plan.doneCount, total: plan.taskCount })}
        />
        <Flex gap={4} wrap>
          {plan.lateCount ? (
            <Tag color="volcano">{t("plans.late", { count: plan.lateCount })}</Tag>
          ) : (
            <Tag color="green">{t("plans.onTime")}</Tag>
          )}
          {plan.unscheduledCount ? (
            <Tag color="orange">{t("plans.unscheduled", { count: plan.unscheduledCount })}</Tag>
          ) : null}
        </Flex>
      </Space>
    </Card>
  );
}
