// "New version from a date": the plan's rules as a form mirroring the request body
// {effectiveFrom, definition}, so every field error the server names (e.g.
// definition.commissions.0.tiers.bands.1.from) lands on its own field. The JSON view edits the
// whole file (adding or removing rules).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Segmented,
  Space,
  Typography,
  type FormInstance,
} from "antd";
import { useState } from "react";
import type { CommissionDef, PayPlanDefinition } from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { usePlanText } from "./shared";

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

const wide = { style: { width: "100%" } };

function CommissionFields({ index }: { index: number }) {
  const { t } = useI18n();
  const text = usePlanText();
  const form = Form.useFormInstance<EditorValues>();
  // preserve: the rule's whole value, not only the fields rendered so far.
  const c = Form.useWatch(["definition", "commissions", index], { form, preserve: true }) as
    CommissionDef | undefined;
  if (!c) return null;
  const at = (...p: (string | number)[]) => ["definition", "commissions", index, ...p];
  const quantity = c.base === "quantity";
  return (
    <Card
      size="small"
      type="inner"
      title={
        <span style={{ whiteSpace: "normal" }}>
          {t("pay.kind.commission")} · {text(c.label)}
        </span>
      }
      data-testid="edit-commission"
    >
      <Flex gap={12} wrap>
        <Form.Item name={at("label")} label={t("pay.edit.label")} style={{ flex: "1 1 220px" }}>
          <Input maxLength={100} />
        </Form.Item>
        {c.tiers ? null : c.perUnit !== undefined ? (
          <Form.Item
            name={at("perUnit")}
            label={t("pay.edit.perUnit")}
            style={{ flex: "0 1 160px" }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        ) : (
          <Form.Item
            name={at("ratePct")}
            label={t("pay.edit.ratePct")}
            style={{ flex: "0 1 160px" }}
          >
            <InputNumber {...wide} data-testid="edit-rate" />
          </Form.Item>
        )}
      </Flex>
      {c.tiers ? (
        <>
          <Form.Item name={at("tiers", "kind")} label={t("pay.edit.tierKind")}>
            <Radio.Group
              options={[
                { value: "marginal", label: t("pay.tiers.marginal") },
                { value: "whole", label: t("pay.tiers.whole") },
              ]}
            />
          </Form.Item>
          <Form.List name={at("tiers", "bands")}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} wrap align="start" data-testid="edit-band">
                    <Typography.Text type="secondary" style={{ width: 48, paddingTop: 5 }}>
                      {t("pay.rule.band")} {i + 1}
                    </Typography.Text>
                    <Form.Item
                      name={[f.name, "from"]}
                      style={{ flex: "1 1 90px", marginBottom: 8 }}
                    >
                      <Input
                        addonBefore={t("pay.rule.from")}
                        inputMode="decimal"
                        data-testid="band-from"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, "to"]} style={{ flex: "1 1 90px", marginBottom: 8 }}>
                      <Input
                        addonBefore={t("pay.rule.to")}
                        placeholder={t("pay.rule.andAbove")}
                        inputMode="decimal"
                        data-testid="band-to"
                      />
                    </Form.Item>
                    {quantity ? (
                      <Form.Item
                        name={[f.name, "perUnit"]}
                        style={{ flex: "1 1 90px", marginBottom: 8 }}
                      >
                        <Input addonAfter={t("pay.edit.perUnitShort")} inputMode="decimal" />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[f.name, "ratePct"]}
                        style={{ flex: "1 1 90px", marginBottom: 8 }}
                      >
                        <InputNumber {...wide} suffix="%" data-testid="band-rate" />
                      </Form.Item>
                    )}
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t("common.remove")}
                      onClick={() => remove(f.name)}
                      disabled={fields.length <= 1}
                    />
                  </Flex>
                ))}
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add(
                      quantity
                        ? { from: "", to: null, perUnit: "0.00" }
                        : { from: "", to: null, ratePct: 0 },
                    )
                  }
                  style={{ alignSelf: "start" }}
                >
                  {t("pay.edit.addBand")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      ) : null}
      <Flex gap={12} wrap style={{ marginTop: 8 }}>
        <Form.Item
          name={at("gate", "minAchievementPct")}
          label={t("pay.edit.gatePct")}
          style={{ flex: "1 1 140px" }}
        >
          <InputNumber {...wide} suffix="%" />
        </Form.Item>
        <Form.Item
          name={at("gate", "target")}
          label={t("pay.edit.gateTarget")}
          style={{ flex: "1 1 140px" }}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name={at("cap")} label={t("pay.edit.cap")} style={{ flex: "1 1 140px" }}>
          <Input inputMode="decimal" placeholder={t("pay.edit.noCap")} />
        </Form.Item>
      </Flex>
    </Card>
  );
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
  const text = usePlanText();
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
            <Card
              key={`b${i}`}
              size="small"
              type="inner"
              title={
                <span style={{ whiteSpace: "normal" }}>
                  {t("pay.kind.bonus")} · {text(b.label)}
                </span>
              }
            >
              <Flex gap={12} wrap>
                <Form.Item
                  name={["definition", "bonuses", i, "bonusBase"]}
                  label={t("pay.edit.bonusBase")}
                  style={{ flex: "1 1 140px" }}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item
                  name={["definition", "bonuses", i, "gate", "minScore"]}
                  label={t("pay.edit.minScore")}
                  style={{ flex: "1 1 140px" }}
                >
                  <InputNumber {...wide} />
                </Form.Item>
              </Flex>
              {b.score.kind === "bands" ? (
                <Flex gap={8} wrap>
                  {b.score.metrics.map((m, j) => (
                    <Form.Item
                      key={m.code}
                      name={["definition", "bonuses", i, "score", "metrics", j, "weight"]}
                      label={`${text(m.label)} · ${t("pay.rule.weight")}`}
                      style={{ flex: "1 1 160px" }}
                    >
                      <InputNumber {...wide} suffix="%" />
                    </Form.Item>
                  ))}
                </Flex>
              ) : null}
            </Card>
          ))}
          {(def.events ?? []).length || (def.pools ?? []).length ? (
            <Card
              size="small"
              type="inner"
              title={`${t("pay.kind.event")} · ${t("pay.kind.pool")}`}
            >
              <Flex gap={12} wrap>
                {(def.events ?? []).map((e, i) => (
                  <Form.Item
                    key={`e${i}`}
                    name={["definition", "events", i, "amount"]}
                    label={`${text(e.label)} (${t(`pay.edit.when.${e.when}` as MessageKey)})`}
                    style={{ flex: "1 1 200px" }}
                  >
                    <Input inputMode="decimal" />
                  </Form.Item>
                ))}
                {(def.pools ?? []).map((p, i) => (
                  <Form.Item
                    key={`p${i}`}
                    name={["definition", "pools", i, "ratePct"]}
                    label={text(p.label)}
                    style={{ flex: "1 1 200px" }}
                  >
                    <InputNumber {...wide} suffix="%" />
                  </Form.Item>
                ))}
              </Flex>
            </Card>
          ) : null}
        </Space>
      )}
    </Form>
  );
}
