// A pay plan: its versions (effective dates), the rules of a version in plain words, assignments,
// a new version from a date (server field errors on the form), export of the JSON file.
import { DownloadOutlined, EditOutlined, UserAddOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useAllMembers, useDepartments } from "../../api/hooks";
import { payPlanExportUrl, usePayPlan, usePayPlanMutations } from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { PlanEditor, type EditorValues } from "./PlanEditor";
import { PlanRules } from "./PlanRules";
import { FieldErrors, monthStart, Refused, setFieldErrors, usePayRights } from "./shared";

interface AssignValues {
  targetType: "department" | "member" | "role";
  targetId: string;
  effectiveFrom: string;
}
const ROLES = ["lead", "member", "owner"] as const;
const TARGET_LABEL = {
  department: "pay.assign.department",
  member: "pay.assign.member",
  role: "pay.assign.role",
} as const;

export function PayPlanPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const owner = usePayRights()("pay.plan.manage");
  const plan = usePayPlan(id);
  const departments = useDepartments();
  const members = useAllMembers();
  const { addVersion, assign } = usePayPlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<"version" | "assign" | null>(null);
  const [versionError, setVersionError] = useState<unknown>(null);
  const [editor] = Form.useForm<EditorValues>();
  const [assignForm] = Form.useForm<AssignValues>();
  const targetType = Form.useWatch("targetType", assignForm) ?? "department";

  if (plan.isError) return <Refused error={plan.error} />;
  const p = plan.data;
  if (!p) return <Card loading />;
  const today = new Date().toISOString().slice(0, 10);
  const inForce = [...p.versions].filter((v) => v.effectiveFrom <= today).at(-1);
  const version = p.versions.find((v) => v.id === selected) ?? p.versions.at(-1)!;
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const memberName = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const close = () => {
    setOpen(null);
    setVersionError(null);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="start">
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/pay/plans">{t("pay.plans.title")}</Link> /
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="pay-plan-name">
              {p.name}
            </Typography.Title>
          </Space>
          <Space wrap>
            {owner ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setOpen("version")}
                data-testid="pay-new-version"
              >
                {t("pay.plan.newVersion")}
              </Button>
            ) : null}
            {owner ? (
              <Button
                icon={<UserAddOutlined />}
                onClick={() => setOpen("assign")}
                data-testid="pay-assign"
              >
                {t("pay.plan.assign")}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={payPlanExportUrl(id, version.effectiveFrom)}
              download
              data-testid="pay-plan-export"
            >
              {t("pay.plan.export")}
            </Button>
          </Space>
        </Flex>
      </Card>

      <Card size="small" title={t("pay.plan.versions")}>
        <List
          size="small"
          dataSource={[...p.versions].reverse()}
          data-testid="pay-versions"
          renderItem={(v) => (
            <List.Item
              data-testid="pay-version"
              onClick={() => setSelected(v.id)}
              style={{
                cursor: "pointer",
                background: v.id === version.id ? "#fff2e8" : undefined,
                paddingInline: 8,
              }}
            >
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{t("pay.plan.versionN", { n: v.number })}</Typography.Text>
                <Typography.Text>
                  {t("pay.plan.fromDate", { date: v.effectiveFrom })}
                </Typography.Text>
                {v.id === inForce?.id ? (
                  <Tag color="green">{t("pay.plan.inForce")}</Tag>
                ) : v.effectiveFrom > today ? (
                  <Tag color="blue">{t("pay.plan.upcoming")}</Tag>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <Card
        size="small"
        title={t("pay.plan.rulesOf", { n: version.number, date: version.effectiveFrom })}
      >
        <PlanRules def={version.definition} />
      </Card>

      <Card size="small" title={t("pay.plan.assignments")}>
        <List
          size="small"
          dataSource={p.assignments}
          locale={{ emptyText: t("pay.plan.unassignedHint") }}
          data-testid="pay-assignments"
          renderItem={(a) => (
            <List.Item data-testid="pay-assignment">
              <Flex gap={8} wrap align="center">
                <Tag>{t(TARGET_LABEL[a.targetType])}</Tag>
                <Typography.Text strong>
                  {a.targetType === "role"
                    ? t(`role.${a.targetId}` as MessageKey)
                    : ((a.targetType === "department" ? deptName : memberName).get(a.targetId) ??
                      a.targetId)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t("pay.plan.fromDate", { date: a.effectiveFrom })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("pay.plan.assignRule")}
        </Typography.Text>
      </Card>

      <Modal
        open={open === "version"}
        title={t("pay.plan.newVersion")}
        onCancel={close}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        width={screens.md ? 860 : undefined}
        confirmLoading={addVersion.isPending}
        onOk={() => editor.submit()}
        destroyOnHidden
        okButtonProps={{ "data-testid": "pay-version-save" }}
      >
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text type="secondary">{t("pay.plan.newVersionHint")}</Typography.Text>
          <FieldErrors error={versionError} />
          <PlanEditor
            form={editor}
            initial={{
              effectiveFrom: monthStart(1),
              definition: structuredClone(p.versions.at(-1)!.definition),
            }}
            onSubmit={(v) => {
              setVersionError(null);
              addVersion.mutate(
                { id, version: p.version, ...v },
                {
                  onSuccess: (np) => {
                    close();
                    setSelected(np.versions.at(-1)?.id ?? null);
                    void message.success(t("pay.plan.versionSaved"));
                    void plan.refetch();
                  },
                  onError: (e) => {
                    if (e instanceof ApiError && e.status === 409) {
                      void message.warning(t("error.conflict"));
                      void plan.refetch();
                      return;
                    }
                    if (setFieldErrors(editor, e, locale)) setVersionError(e);
                    else onError(e);
                  },
                },
              );
            }}
          />
        </Space>
      </Modal>

      <Modal
        open={open === "assign"}
        title={t("pay.plan.assign")}
        onCancel={close}
        okText={t("pay.plan.assign")}
        cancelText={t("common.cancel")}
        confirmLoading={assign.isPending}
        onOk={() => assignForm.submit()}
        destroyOnHidden
        okButtonProps={{ "data-testid": "pay-assign-save" }}
      >
        <Form
          form={assignForm}
          layout="vertical"
          initialValues={{ targetType: "department", effectiveFrom: monthStart() }}
          data-testid="pay-assign-form"
          onFinish={(v) =>
            assign.mutate(
              { id, ...v },
              {
                onSuccess: () => {
                  close();
                  void message.success(t("pay.plan.assigned"));
                  void plan.refetch();
                },
                onError: (e) => {
                  if (!setFieldErrors(assignForm, e, locale)) onError(e);
                },
              },
            )
          }
        >
          <Form.Item name="targetType" label={t("pay.assign.to")}>
            <Radio.Group
              onChange={() => assignForm.setFieldValue("targetId", undefined)}
              options={(["department", "role", "member"] as const).map((v) => ({
                value: v,
                label: t(TARGET_LABEL[v]),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="targetId"
            label={t(TARGET_LABEL[targetType])}
            extra={t("pay.assign.precedence")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              data-testid="pay-assign-target"
              options={
                targetType === "department"
                  ? (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))
                  : targetType === "role"
                    ? ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))
                    : (members.data ?? []).map((m) => ({ value: m.id, label: m.name }))
              }
            />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t("pay.plan.effectiveFrom")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Input type="date" data-testid="pay-assign-effective" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
