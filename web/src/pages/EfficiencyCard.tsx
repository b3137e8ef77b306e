// The workspace's efficiency by skill level (issue 12; docs/ENGINE.md "Efficiency"): how fast each
// level works relative to level 3. Everyone reads it (it explains their hours); the owner edits it.
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from "antd";
import { useEffect } from "react";
import { ApiError } from "../api/client";
import { useEfficiency, usePutEfficiency, type Factors } from "../api/efficiency";
import { useApiErrors } from "../components/errors";
import { useI18n } from "../i18n";
import { useMe } from "../me";

const LEVELS = ["1", "2", "3", "4", "5"] as const;
type Values = Record<`l${(typeof LEVELS)[number]}`, number>;
const FIELD_MAP = Object.fromEntries(LEVELS.map((l) => [`factors.${l}`, `l${l}`]));

export function EfficiencyCard() {
  const { t } = useI18n();
  const canEdit = useMe().can("plans.efficiency.set");
  const { message } = App.useApp();
  const onError = useApiErrors();
  const eff = useEfficiency();
  const put = usePutEfficiency();
  const [form] = Form.useForm<Values>();
  const data = eff.data;
  const values = Form.useWatch([], form) as Values | undefined;

  useEffect(() => {
    if (data)
      form.setFieldsValue(
        Object.fromEntries(LEVELS.map((l) => [`l${l}`, data.factors[l]])) as Values,
      );
  }, [data, form]);

  const submit = (v: Values) => {
    if (!data) return;
    const factors = Object.fromEntries(LEVELS.map((l) => [l, v[`l${l}`]])) as Factors;
    put.mutate(
      { factors, version: data.version },
      {
        onSuccess: () => void message.success(t("efficiency.saved")),
        onError: (e) =>
          e instanceof ApiError && e.status === 409
            ? (void message.warning(t("error.conflict")), void eff.refetch())
            : onError(e, form, FIELD_MAP),
      },
    );
  };
  const hoursFor = (factor: number | null | undefined) =>
    factor && factor > 0 ? String(Math.round((10 / factor) * 100) / 100) : "—";

  return (
    <Card size="small" title={t("efficiency.title")} data-testid="efficiency-card" loading={!data}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t("efficiency.intro")}
      </Typography.Paragraph>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          message={t("efficiency.ownerOnly")}
          style={{ marginBottom: 12 }}
        />
      )}
      {data?.neutral && (
        <Alert
          type="success"
          showIcon
          message={t("efficiency.neutral")}
          style={{ marginBottom: 12 }}
          data-testid="efficiency-neutral"
        />
      )}
      <Form form={form} layout="horizontal" onFinish={submit} disabled={!canEdit}>
        {LEVELS.map((l) => (
          <Flex key={l} gap={12} align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Text style={{ width: 64 }}>
              {t("efficiency.level", { level: l })}
            </Typography.Text>
            <Form.Item name={`l${l}`} style={{ marginBottom: 0 }} rules={[{ required: true }]}>
              <InputNumber
                min={data?.bounds.min}
                max={data?.bounds.max}
                step={0.05}
                disabled={!canEdit || l === "3"}
                style={{ width: 96 }}
                aria-label={t("efficiency.level", { level: l })}
                data-testid={`efficiency-level-${l}`}
              />
            </Form.Item>
            <Typography.Text type="secondary" data-testid={`efficiency-hours-${l}`}>
              {l === "3"
                ? t("efficiency.reference")
                : t("efficiency.hours", { hours: hoursFor(values?.[`l${l}`]) })}
            </Typography.Text>
          </Flex>
        ))}
        {canEdit && (
          <Flex gap={8} justify="end">
            <Button
              onClick={() =>
                form.setFieldsValue(Object.fromEntries(LEVELS.map((l) => [`l${l}`, 1])) as Values)
              }
            >
              {t("efficiency.reset")}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={put.isPending}
              data-testid="efficiency-save"
            >
              {t("common.save")}
            </Button>
          </Flex>
        )}
      </Form>
    </Card>
  );
}
