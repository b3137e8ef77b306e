// Pay plans (owner; leads read): the list, a new plan from a shipped template (运营/客服/设计/物流)
// or from an imported plan JSON file (docs/PAY.md).
import { ImportOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import {
  money,
  usePayPlanMutations,
  usePayPlans,
  usePayTemplates,
  type PayPlan,
  type PayPlanDefinition,
} from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { FieldErrors, monthStart, Refused, setFieldErrors, usePayRights } from "./shared";

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

interface TemplateValues {
  templateId: string;
  effectiveFrom: string;
}
interface ImportValues {
  effectiveFrom: string;
}

export function PayPlansPage() {
  const { t, locale } = useI18n();
  const owner = usePayRights()("pay.plan.manage");
  const plans = usePayPlans();
  const templates = usePayTemplates();
  const { create } = usePayPlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<"template" | "import" | null>(null);
  const [tplForm] = Form.useForm<TemplateValues>();
  const [importForm] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<{ name: string; definition: PayPlanDefinition } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  if (plans.isError) return <Refused error={plans.error} />;
  const items = plans.data?.items ?? [];
  const close = () => {
    setOpen(null);
    setFile(null);
    setFileProblem(null);
    setImportError(null);
  };
  const done = (p: PayPlan) => {
    close();
    void message.success(t("pay.plan.created"));
    void navigate(`/pay/plans/${p.id}`);
  };

  const readFile = async (f: File | undefined) => {
    setFile(null);
    setFileProblem(null);
    setImportError(null);
    if (!f) return;
    try {
      const parsed = JSON.parse(await f.text()) as PayPlanDefinition;
      if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
      setFile({ name: f.name, definition: parsed });
    } catch {
      setFileProblem(t("pay.plan.importNotJson"));
    }
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

      <Modal
        open={open === "template"}
        title={t("pay.plans.fromTemplate")}
        onCancel={close}
        okText={t("common.create")}
        cancelText={t("common.cancel")}
        confirmLoading={create.isPending}
        onOk={() => tplForm.submit()}
        destroyOnHidden
        okButtonProps={{ "data-testid": "pay-template-create" }}
      >
        <Form
          form={tplForm}
          layout="vertical"
          data-testid="pay-template-form"
          initialValues={{ templateId: "operations", effectiveFrom: monthStart() }}
          onFinish={(v) =>
            create.mutate(
              { templateId: v.templateId, effectiveFrom: v.effectiveFrom },
              { onSuccess: done, onError: (e) => onError(e, tplForm) },
            )
          }
        >
          <Form.Item
            name="templateId"
            label={t("pay.plans.template")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select
              loading={templates.isPending}
              data-testid="pay-template-select"
              options={(templates.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.department} · ${x.plan.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t("pay.plan.effectiveFrom")}
            rules={[{ required: true, message: t("common.required") }]}
            extra={t("pay.plan.effectiveHint")}
          >
            <Input type="date" data-testid="pay-template-effective" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={open === "import"}
        title={t("pay.plans.import")}
        onCancel={close}
        okText={t("pay.plans.importOk")}
        cancelText={t("common.cancel")}
        confirmLoading={create.isPending}
        onOk={() => importForm.submit()}
        destroyOnHidden
        okButtonProps={{ disabled: !file, "data-testid": "pay-import-create" }}
      >
        <Form
          form={importForm}
          layout="vertical"
          initialValues={{ effectiveFrom: monthStart() }}
          onFinish={(v) =>
            file &&
            create.mutate(
              { definition: file.definition, effectiveFrom: v.effectiveFrom },
              {
                onSuccess: done,
                onError: (e) => {
                  if (setFieldErrors(importForm, e, locale)) setImportError(e);
                  else onError(e);
                },
              },
            )
          }
        >
          <Form.Item
            label={t("pay.plans.importFile")}
            extra={t("pay.plans.importHint")}
            validateStatus={fileProblem ? "error" : undefined}
            help={fileProblem ?? undefined}
          >
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              {t("pay.plans.chooseFile")}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              data-testid="pay-import-file"
              onChange={(e) => void readFile(e.target.files?.[0])}
              style={{ display: "none" }}
            />
          </Form.Item>
          {file ? (
            <Typography.Paragraph>
              {t("pay.plans.importRead", { name: file.definition.name ?? file.name })}
            </Typography.Paragraph>
          ) : null}
          <Form.Item
            name="effectiveFrom"
            label={t("pay.plan.effectiveFrom")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Input type="date" />
          </Form.Item>
          <FieldErrors error={importError} />
        </Form>
      </Modal>
    </Space>
  );
}
