// The plans list: a card per plan, and for those who plan (the owner, the leads) a new plan or one
// from a template.
import { PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { usePlans, type PlanDetail } from "../../api/plans";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { NewPlanModal, TemplatePlanModal } from "./NewPlanModals";
import { PlanCard } from "./PlanCard";

export function PlansPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const plans = usePlans();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<"new" | "template" | null>(null);
  const [created, setCreated] = useState<PlanDetail | null>(null);
  const items = plans.data?.items ?? [];

  const deadlinesOf = (d: PlanDetail) =>
    d.tasks
      .map((x) => x.deadline)
      .filter((x): x is string => !!x)
      .sort();

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("plans.title")}
        </Typography.Title>
        {can("plans.plan.create") ? (
          <Space wrap>
            <Button
              icon={<ThunderboltOutlined />}
              type="primary"
              onClick={() => setOpen("template")}
              data-testid="plan-from-template"
            >
              {t("plans.fromTemplate")}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setOpen("new")} data-testid="plan-new">
              {t("plans.new")}
            </Button>
          </Space>
        ) : null}
      </Flex>
      {created ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          data-testid="plan-created"
          title={t("plans.created", { finish: created.plan.finish ?? "—" })}
          description={(() => {
            const ds = deadlinesOf(created);
            if (!ds.length || !created.plan.launchDate) return null;
            return (
              <>
                <div>
                  {t("plans.deadlinesPlaced", {
                    launch: created.plan.launchDate,
                    first: ds[0]!,
                    last: ds[ds.length - 1]!,
                  })}
                </div>
                {created.plan.startDate ? (
                  <div data-testid="plan-created-start">
                    {t("plans.workStarts", { start: created.plan.startDate })}
                  </div>
                ) : null}
              </>
            );
          })()}
          action={
            <Button
              size="small"
              type="primary"
              onClick={() => void navigate(`/plans/${created.plan.id}`)}
              data-testid="plan-created-open"
            >
              {t("plans.open")}
            </Button>
          }
        />
      ) : null}
      {plans.isPending ? (
        <Card loading />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t("plans.empty")} />
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

      <NewPlanModal open={open === "new"} onClose={() => setOpen(null)} />
      <TemplatePlanModal
        open={open === "template"}
        onClose={() => setOpen(null)}
        onCreated={(d) => {
          setCreated(d);
          void message.success(t("plans.created", { finish: d.plan.finish ?? "—" }));
        }}
      />
    </Space>
  );
}
