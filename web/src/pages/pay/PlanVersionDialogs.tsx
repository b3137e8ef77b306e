// A pay plan's two dialogs (the owner): a new version from a date (the rules editor, the server's
// field errors on the form and listed above it), and an assignment to a department, a role or a
// member from a date.
import { App, Form, Grid, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { useAllMembers, useDepartments } from "../../api/hooks";
import { usePayPlanMutations, type PayPlan } from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { PlanEditor, type EditorValues } from "./PlanEditor";
import { FieldErrors, monthStart, setFieldErrors } from "./shared";

interface AssignValues {
  targetType: "department" | "member" | "role";
  targetId: string;
  effectiveFrom: string;
}
const ROLES = ["lead", "member", "owner"] as const;
export const TARGET_LABEL = {
  department: "pay.assign.department",
  member: "pay.assign.member",
  role: "pay.assign.role",
} as const;

interface DialogProps {
  open: boolean;
  onClose: () => void;
  plan: PayPlan;
  /** After the server accepted (the dialog has closed). */
  onSaved: (plan: PayPlan) => void;
}

export function NewVersionModal({ open, onClose, plan, onSaved }: DialogProps) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const { addVersion } = usePayPlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [versionError, setVersionError] = useState<unknown>(null);
  // The editor has a form of its own (the rules, or their JSON), so this stays a plain Modal.
  const [editor] = Form.useForm<EditorValues>();
  const close = () => {
    setVersionError(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t("pay.plan.newVersion")}
      onCancel={close}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      width={screens.md ? 860 : undefined}
      confirmLoading={addVersion.isPending}
      onOk={() => editor.submit()}
      destroyOnHidden
      okButtonProps={{ "data-testid": "pay-version-save" }}
      cancelButtonProps={{ "data-testid": "pay-version-cancel" }}
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("pay.plan.newVersionHint")}</Typography.Text>
        <FieldErrors error={versionError} />
        <PlanEditor
          form={editor}
          initial={{
            effectiveFrom: monthStart(1),
            definition: structuredClone(plan.versions.at(-1)!.definition),
          }}
          onSubmit={(v) => {
            setVersionError(null);
            addVersion.mutate(
              { id: plan.id, version: plan.version, ...v },
              {
                onSuccess: (np) => {
                  close();
                  void message.success(t("pay.plan.versionSaved"));
                  onSaved(np);
                },
                onError: (e) => {
                  if (e instanceof ApiError && e.status === 409) {
                    void message.warning(t("error.conflict"));
                    onSaved(plan);
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
  );
}

export function AssignPlanModal({ open, onClose, plan, onSaved }: DialogProps) {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const members = useAllMembers();
  const { assign } = usePayPlanMutations();
  const { message } = App.useApp();
  return (
    <FormModal<AssignValues, PayPlan>
      open={open}
      title={t("pay.plan.assign")}
      onClose={onClose}
      initialValues={{ targetType: "department", effectiveFrom: monthStart() }}
      onSubmit={(v) => assign.mutateAsync({ id: plan.id, ...v })}
      onSuccess={(p) => {
        void message.success(t("pay.plan.assigned"));
        onSaved(p);
      }}
      onError={(e, form) => setFieldErrors(form, e, locale)}
      // Another kind of target: the one picked before is no longer one of the choices.
      onValuesChange={(changed, _all, form) => {
        if (changed.targetType) form.setFieldValue("targetId", undefined);
      }}
      okText={t("pay.plan.assign")}
      okTestId="pay-assign-save"
      testId="pay-assign-form"
    >
      <Form.Item name="targetType" label={t("pay.assign.to")}>
        <Radio.Group
          options={(["department", "role", "member"] as const).map((v) => ({
            value: v,
            label: t(TARGET_LABEL[v]),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={["targetType"]}>
        {(form) => {
          const targetType =
            (form.getFieldValue("targetType") as AssignValues["targetType"] | undefined) ??
            "department";
          return (
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
          );
        }}
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label={t("pay.plan.effectiveFrom")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input type="date" data-testid="pay-assign-effective" />
      </Form.Item>
    </FormModal>
  );
}
