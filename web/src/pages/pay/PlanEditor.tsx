// "New version from a date": the plan's rules as a form mirroring the request body
// {effectiveFrom, definition}, so every field error the server names (e.g.
// definition.commissions.0.tiers.bands.1.from) lands on its own field. The JSON view edits the
// whole file (adding or removing rules).
import { Flex, Form, Input, Segmented, Space, type FormInstance } from "antd";
import { useState } from "react";
import type { PayPlanDefinition } from "../../api/pay";
import { useI18n } from "../../i18n";
import { BonusFields, CommissionFields, EventPoolFields } from "./PlanRuleFields";

export interface EditorValues {
  effectiveFrom: string;
  definition: PayPlanDefinition;
}

/** Empty optional parts are left out of the file; an empty upper bound is the open last band. */
export function cleanDefinition(def: PayPlanDefinition): PayPlanDefinition {
  const d = structuredClone(def);
  for (const c of d.commissions) {
    if (c.tiers) for (const b of c.tiers.bands) if (b.to === "" || b.to === undefined) b.to = null;
    if (c.gate && c.gate.minAchievementPct == null && !c.gate.target) delete c.gate;
    if (c.cap === "" || c.cap === null) delete c.cap;
  }
  for (const b of d.bonuses) if (b.gate && b.gate.minScore == null) delete b.gate;
  return d;
}

export function PlanEditor({
  form,
  initial,
  onSubmit,
}: {
  form: FormInstance<EditorValues>;
  initial: EditorValues;
  onSubmit: (v: EditorValues) => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<"form" | "json">("form");
  const [json, setJson] = useState("");
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const def =
    (Form.useWatch("definition", { form, preserve: true }) as PayPlanDefinition | undefined) ??
    initial.definition;

  const switchMode = (m: "form" | "json") => {
    if (m === "json")
      setJson(
        JSON.stringify(
          cleanDefinition(form.getFieldValue("definition") as PayPlanDefinition),
          null,
          2,
        ),
      );
    else {
      try {
        form.setFieldValue("definition", JSON.parse(json) as PayPlanDefinition);
      } catch {
        setJsonProblem(t("pay.plan.importNotJson"));
        return;
      }
    }
    setJsonProblem(null);
    setMode(m);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      data-testid="plan-editor"
      onFinish={() => {
        const all = form.getFieldsValue(true) as EditorValues;
        let definition = all.definition;
        if (mode === "json") {
          try {
            definition = JSON.parse(json) as PayPlanDefinition;
          } catch {
            setJsonProblem(t("pay.plan.importNotJson"));
            return;
          }
        }
        onSubmit({ effectiveFrom: all.effectiveFrom, definition: cleanDefinition(definition) });
      }}
    >
      <Flex gap={12} wrap align="end">
        <Form.Item
          name="effectiveFrom"
          label={t("pay.plan.effectiveFrom")}
          rules={[{ required: true, message: t("common.required") }]}
          extra={t("pay.plan.effectiveHint")}
          style={{ flex: "1 1 200px" }}
        >
          <Input type="date" data-testid="edit-effective" />
        </Form.Item>
        <Form.Item style={{ flex: "0 0 auto" }}>
          <Segmented
            value={mode}
            onChange={(v) => switchMode(v as "form" | "json")}
            options={[
              { value: "form", label: t("pay.edit.form") },
              { value: "json", label: "JSON" },
            ]}
          />
        </Form.Item>
      </Flex>
      {mode === "json" ? (
        <Form.Item
          label={t("pay.edit.json")}
          validateStatus={jsonProblem ? "error" : undefined}
          help={jsonProblem ?? t("pay.edit.jsonHint")}
        >
          <Input.TextArea
            value={json}
            onChange={(e) => setJson(e.target.value)}
            autoSize={{ minRows: 12, maxRows: 30 }}
            style={{ fontFamily: "monospace", fontSize: 12 }}
            data-testid="edit-json"
          />
        </Form.Item>
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Flex gap={12} wrap>
            <Form.Item
              name={["definition", "name"]}
              label={t("pay.edit.name")}
              style={{ flex: "2 1 240px" }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name={["definition", "baseSalary"]}
              label={t("pay.rule.baseSalary")}
              style={{ flex: "1 1 140px" }}
            >
              <Input inputMode="decimal" data-testid="edit-base-salary" />
            </Form.Item>
          </Flex>
          {(def.commissions ?? []).map((_, i) => (
            <CommissionFields key={i} index={i} />
          ))}
          {(def.bonuses ?? []).map((b, i) => (
            <BonusFields key={`b${i}`} bonus={b} index={i} />
          ))}
          <EventPoolFields def={def} />
        </Space>
      )}
    </Form>
  );
}
