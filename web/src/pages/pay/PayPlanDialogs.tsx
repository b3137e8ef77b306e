// The pay plans page's two "new plan" dialogs (the owner): from a shipped template, or from an
// imported plan JSON file (docs/PAY.md).
import { UploadOutlined } from "@ant-design/icons";
import { Button, Form, Input, Select, Typography } from "antd";
import { useRef, useState } from "react";
import {
  usePayPlanMutations,
  usePayTemplates,
  type PayPlan,
  type PayPlanDefinition,
} from "../../api/pay";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { FieldErrors, monthStart, setFieldErrors } from "./shared";

interface TemplateValues {
  templateId: string;
  effectiveFrom: string;
}
interface ImportValues {
  effectiveFrom: string;
}

interface DialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (plan: PayPlan) => void;
}

export function TemplatePlanModal({ open, onClose, onCreated }: DialogProps) {
  const { t, locale } = useI18n();
  const templates = usePayTemplates();
  const { create } = usePayPlanMutations();
  return (
    <FormModal<TemplateValues, PayPlan>
      open={open}
      title={t("pay.plans.fromTemplate")}
      onClose={onClose}
      initialValues={{ templateId: "operations", effectiveFrom: monthStart() }}
      onSubmit={(v) =>
        create.mutateAsync({ templateId: v.templateId, effectiveFrom: v.effectiveFrom })
      }
      onSuccess={onCreated}
      okText={t("common.create")}
      okTestId="pay-template-create"
      testId="pay-template-form"
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
            // In the page's language; the plan made takes the name in it (then it is the owner's).
            label: `${renderMessage(locale, x.department)} · ${renderMessage(locale, x.name)}`,
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
    </FormModal>
  );
}

export function ImportPlanModal({ open, onClose, onCreated }: DialogProps) {
  const { t, locale } = useI18n();
  const { create } = usePayPlanMutations();
  const [file, setFile] = useState<{ name: string; definition: PayPlanDefinition } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const close = () => {
    setFile(null);
    setFileProblem(null);
    setImportError(null);
    onClose();
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
    <FormModal<ImportValues, PayPlan>
      open={open}
      title={t("pay.plans.import")}
      onClose={close}
      initialValues={{ effectiveFrom: monthStart() }}
      onSubmit={(v) =>
        // OK is disabled until a file is read.
        create.mutateAsync({ definition: file!.definition, effectiveFrom: v.effectiveFrom })
      }
      onSuccess={onCreated}
      onError={(e, form) => {
        if (!setFieldErrors(form, e, locale)) return false;
        setImportError(e);
        return true;
      }}
      okText={t("pay.plans.importOk")}
      okDisabled={!file}
      okTestId="pay-import-create"
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
    </FormModal>
  );
}
