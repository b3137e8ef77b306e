import { PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import {
  usePlanMutations,
  usePlans,
  usePlanTemplates,
  type PlanDetail,
  type PlanKind,
  type PlanSummary,
} from "../../api/plans";
import type { Me } from "../../api/types";
import { useApiErrors } from "../../components/errors";
import { mayPlan } from "../../components/plans/planRights";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

/** May the signed-in person create plans (the plans table: the owner and the leads)? */
export const canPlan = (me: Me) => mayPlan(me, "plans.plan.create");
const statusColor: Record<PlanSummary["status"], string> = {
  draft: "default",
  active: "processing",
  done: "success",
  archived: "default",
};

function PlanCard({ plan }: { plan: PlanSummary }) {
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

interface NewPlanValues {
  name: string;
  kind: PlanKind;
  launchDate?: string;
  startDate?: string;
}
interface TemplateValues {
  templateId: string;
  launchDate: string;
  name?: string;
}

export function PlansPage({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const plans = usePlans();
  const templates = usePlanTemplates(locale);
  const { create, fromTemplate } = usePlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<"new" | "template" | null>(null);
  const [created, setCreated] = useState<PlanDetail | null>(null);
  const [newForm] = Form.useForm<NewPlanValues>();
  const [tplForm] = Form.useForm<TemplateValues>();
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
        {canPlan(me) ? (
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

      <Modal
        open={open === "new"}
        title={t("plans.new")}
        onCancel={() => setOpen(null)}
        okText={t("common.create")}
        cancelText={t("common.cancel")}
        confirmLoading={create.isPending}
        onOk={() => newForm.submit()}
        destroyOnHidden
      >
        <Form
          form={newForm}
          layout="vertical"
          initialValues={{ kind: "campaign" }}
          data-testid="plan-new-form"
          onFinish={(v) =>
            create.mutate(
              {
                name: v.name.trim(),
                kind: v.kind,
                launchDate: v.launchDate || undefined,
                startDate: v.startDate || undefined,
              },
              {
                onSuccess: (p) => {
                  setOpen(null);
                  void navigate(`/plans/${p.id}`);
                },
                onError: (e) => onError(e, newForm),
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t("plans.name")}
            rules={[{ required: true, whitespace: true, message: t("common.required") }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="kind" label={t("plans.kind")}>
            <Radio.Group
              options={[
                { value: "campaign", label: t("plans.kind.campaign") },
                { value: "project", label: t("plans.kind.project") },
              ]}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="startDate" label={t("plans.startDate")}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="launchDate" label={t("plans.launchDate")}>
              <Input type="date" />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>

      <Modal
        open={open === "template"}
        title={t("plans.fromTemplate")}
        onCancel={() => setOpen(null)}
        okText={t("common.create")}
        cancelText={t("common.cancel")}
        confirmLoading={fromTemplate.isPending}
        onOk={() => tplForm.submit()}
        destroyOnHidden
        okButtonProps={{ "data-testid": "template-create" }}
      >
        <Form
          form={tplForm}
          layout="vertical"
          data-testid="template-form"
          initialValues={{ templateId: "double11" }}
          onFinish={(v) =>
            fromTemplate.mutate(
              {
                templateId: v.templateId,
                launchDate: v.launchDate,
                name: v.name?.trim() || undefined,
                locale,
              },
              {
                onSuccess: (d) => {
                  setOpen(null);
                  setCreated(d);
                  void message.success(t("plans.created", { finish: d.plan.finish ?? "—" }));
                },
                onError: (e) => onError(e, tplForm),
              },
            )
          }
        >
          <Form.Item
            name="templateId"
            label={t("plans.template")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select
              loading={templates.isPending}
              options={(templates.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.name} · ${t("plans.templateTasks", { count: x.taskCount })}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="launchDate"
            label={t("plans.launchDate")}
            rules={[{ required: true, message: t("common.required") }]}
            extra={t("plans.templateHint")}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="name" label={`${t("plans.name")} (${t("common.optional")})`}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
