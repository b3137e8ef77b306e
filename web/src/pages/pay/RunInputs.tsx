// A pay run's entered inputs (the owner): while a draft, a form of member / input / value rows
// that recomputes the run with them (the server's field errors on their rows and listed below);
// once locked, the list of what was entered.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Flex, Form, Input, Select, Space, Typography } from "antd";
import type { FormInstance } from "antd";
import { useMemo } from "react";
import { useAllMembers } from "../../api/hooks";
import { usePayPlans, type PayPlanDefinition, type PayRun, type RunInput } from "../../api/pay";
import { useI18n } from "../../i18n";
import { FieldErrors, useInputKeyLabel, useMessageText } from "./shared";

/** The keys a plan needs entered (docs/PAY.md "Inputs of a run"); shop-data keys fill themselves. */
function enteredKeys(def: PayPlanDefinition): string[] {
  const keys: string[] = [];
  for (const c of def.commissions)
    if (c.scope !== "shop" || c.base === "margin") keys.push(`commission.${c.code}`);
  for (const b of def.bonuses) {
    if (b.score.kind === "goal") keys.push(`bonus.${b.code}.goal`);
    else for (const m of b.score.metrics) keys.push(`bonus.${b.code}.${m.code}`);
  }
  for (const e of def.events) keys.push(`event.${e.code}`);
  for (const p of def.pools)
    if (p.source === "unattributed" || p.base === "margin") keys.push(`pool.${p.code}`);
  return keys;
}

const ALL = "__all__";
export interface InputsValues {
  inputs: { memberId: string; key: string; value: string }[];
}

export function RunInputs({
  run: r,
  form: inputsForm,
  error: inputsError,
  busy,
  onRecompute: recompute,
}: {
  run: PayRun;
  form: FormInstance<InputsValues>;
  /** The refusal whose field errors are on the rows, listed below them. */
  error: unknown;
  busy: boolean;
  onRecompute: (inputs: RunInput[]) => void;
}) {
  const { t } = useI18n();
  const text = useMessageText();
  const plans = usePayPlans(true);
  const definitions = useMemo(
    () => (plans.data?.items ?? []).flatMap((p) => p.versions.map((v) => v.definition)),
    [plans.data],
  );
  const keyLabel = useInputKeyLabel(definitions);
  const members = useAllMembers();
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  // Inputs are chosen by what they are called ("准时交付图片"), never by their key.
  const keyOptions = useMemo(
    () =>
      [...new Set(definitions.flatMap(enteredKeys))].map((k) => ({ value: k, label: keyLabel(k) })),
    [definitions, keyLabel],
  );
  const draft = r.status === "draft";
  return (
    <Card size="small" title={t("pay.run.inputs")}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("pay.run.inputsHint")}
      </Typography.Paragraph>
      {draft ? (
        <Form
          form={inputsForm}
          data-testid="run-inputs"
          initialValues={{
            inputs: r.inputs.map((i) => ({
              memberId: i.memberId ?? ALL,
              key: i.key,
              value: i.value,
            })),
          }}
          onFinish={() => {
            const v = inputsForm.getFieldsValue(true) as InputsValues;
            recompute(
              (v.inputs ?? []).map((i) => ({
                memberId: i.memberId === ALL ? null : i.memberId,
                key: (i.key ?? "").trim(),
                value: (i.value ?? "").trim(),
              })),
            );
          }}
        >
          <Form.List name="inputs">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[f.name, "memberId"]}
                      style={{ flex: "1 1 140px", marginBottom: 8 }}
                    >
                      <Select
                        options={[{ value: ALL, label: t("pay.run.everyone") }, ...memberOptions]}
                        showSearch={{ optionFilterProp: "label" }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "key"]}
                      style={{ flex: "2 1 200px", marginBottom: 8 }}
                      rules={[{ required: true, message: t("common.required") }]}
                    >
                      <Select
                        options={keyOptions}
                        placeholder={text({ code: "pay.entry.choose" })}
                        showSearch={{ optionFilterProp: "label" }}
                        data-testid="run-input-key"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "value"]}
                      style={{ flex: "1 1 100px", marginBottom: 8 }}
                      rules={[{ required: true, message: t("common.required") }]}
                    >
                      <Input placeholder="1234.50" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t("common.remove")}
                      onClick={() => remove(f.name)}
                    />
                  </Flex>
                ))}
                <Space wrap>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ memberId: ALL, key: "", value: "" })}
                  >
                    {t("pay.run.addInput")}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t("pay.run.recomputeWithInputs")}
                  </Button>
                </Space>
              </Flex>
            )}
          </Form.List>
          <FieldErrors error={inputsError} />
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={r.inputs.map((i, n) => ({
            key: String(n),
            label: `${i.memberId ? (memberOptions.find((m) => m.value === i.memberId)?.label ?? i.memberId) : t("pay.run.everyone")} · ${keyLabel(i.key)}`,
            children: i.value,
          }))}
        />
      )}
    </Card>
  );
}
