// Pay plans (owner; leads read): the list, a new plan from a shipped template (运营/客服/设计/物流)
// or from an imported plan JSON file (docs/PAY.md).
import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Empty, Flex, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { money, usePayPlans, type PayPlan } from "../../api/pay";
import { useI18n } from "../../i18n";
import { ImportPlanModal, TemplatePlanModal } from "./PayPlanDialogs";
import { Refused, usePayRights } from "./shared";

function PlanCard({ plan }: { plan: PayPlan }) {
  const { t } = useI18n();
  const latest = plan.versions.at(-1);
  return (
    <Card
      size="small"
      data-testid="pay-plan-card"
      title={
        <Link
          to={`/pay/plans/${plan.id}`}
          data-testid="pay-plan-link"
          style={{ whiteSpace: "normal" }}
        >
          {plan.name}
        </Link>
      }
    >
      <Space orientation="vertical" size={4}>
        <Typography.Text type="secondary">
          {t("pay.plan.versionsCount", { count: plan.versions.length })}
          {latest ? ` · ${t("pay.plan.latestFrom", { date: latest.effectiveFrom })}` : ""}
        </Typography.Text>
        {latest ? (
          <Typography.Text>
            {t("pay.rule.baseSalary")}: {money(latest.definition.baseSalary)} ·{" "}
            {t("pay.plan.rulesCount", {
              count:
                latest.definition.commissions.length +
                latest.definition.bonuses.length +
                latest.definition.events.length +
                latest.definition.pools.length,
            })}
          </Typography.Text>
        ) : null}
        {plan.assignments.length ? (
          <Tag color="green">{t("pay.plan.assignedCount", { count: plan.assignments.length })}</Tag>
        ) : (
          <Tag color="orange">{t("pay.plan.unassigned")}</Tag>
        )}
      </Space>
    </Card>
  );
}

export function PayPlansPage() {
  const { t } = useI18n();
  const owner = usePayRights()("pay.plan.manage");
  const plans = usePayPlans();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<"template" | "import" | null>(null);

  if (plans.isError) return <Refused error={plans.error} />;
  const items = plans.data?.items ?? [];
  const close = () => setOpen(null);
  const done = (p: PayPlan) => {
    void message.success(t("pay.plan.created"));
    void navigate(`/pay/plans/${p.id}`);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("pay.plans.title")}
        </Typography.Title>
        {owner ? (
          <Space wrap>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpen("template")}
              data-testid="pay-plan-from-template"
            >
              {t("pay.plans.fromTemplate")}
            </Button>
            <Button
              icon={<ImportOutlined />}
              onClick={() => setOpen("import")}
              data-testid="pay-plan-import"
            >
              {t("pay.plans.import")}
            </Button>
          </Space>
        ) : null}
      </Flex>
      <Typography.Text type="secondary">{t("pay.plans.intro")}</Typography.Text>
      {plans.isPending ? (
        <Card loading />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t("pay.plans.empty")} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((p) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <PlanCard plan={p} />
            </Col>
          ))}
        </Row>
      )}

      <TemplatePlanModal open={open === "template"} onClose={close} onCreated={done} />
      <ImportPlanModal open={open === "import"} onClose={close} onCreated={done} />
    </Space>
  );
}
