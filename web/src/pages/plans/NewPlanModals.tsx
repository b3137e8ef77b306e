// The plans list's two dialogs: a new empty plan (opens it), and a plan from a template placed
// back from its launch date (stays on the list with a notice of what was placed).
import { Flex, Form, Input, Radio, Select } from "antd";
import { useNavigate } from "react-router-dom";
import {
  usePlanMutations,
  usePlanTemplates,
  type PlanDetail,
  type PlanKind,
} from "../../api/plans";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";

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

export function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { create } = usePlanMutations();
  const navigate = useNavigate();
  return (
    <FormModal<NewPlanValues, { id: string }>
      open={open}
      title={t("plans.new")}
      okText={t("common.create")}
      onClose={onClose}
      initialValues={{ kind: "campaign" }}
      testId="plan-new-form"
      onSubmit={(v) =>
        create.mutateAsync({
          name: v.name.trim(),
          kind: v.kind,
          launchDate: v.launchDate || undefined,
          startDate: v.startDate || undefined,
        })
      }
      onSuccess={(p) => void navigate(`/plans/${p.id}`)}
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
    </FormModal>
  );
}

export function TemplatePlanModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (plan: PlanDetail) => void;
}) {
  const { t, locale } = useI18n();
  const templates = usePlanTemplates(locale);
  const { fromTemplate } = usePlanMutations();
  return (
    <FormModal<TemplateValues, PlanDetail>
      open={open}
      title={t("plans.fromTemplate")}
      okText={t("common.create")}
      onClose={onClose}
      initialValues={{ templateId: "double11" }}
      testId="template-form"
      okTestId="template-create"
      onSubmit={(v) =>
        fromTemplate.mutateAsync({
          templateId: v.templateId,
          launchDate: v.launchDate,
          name: v.name?.trim() || undefined,
          locale,
        })
      }
      onSuccess={onCreated}
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
    </FormModal>
  );
}
