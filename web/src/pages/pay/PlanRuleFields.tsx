// The plan editor's fields for each kind of rule: a commission (base, rate or tiered bands, gate,
// cap), a bonus (base, minimum score, the metrics' weights), and the events' amounts with the
// pools' rates. Field names mirror the request body, so the server's field errors land on them.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Typography } from "antd";
import type { CommissionDef, PayPlanDefinition } from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { EditorValues } from "./PlanEditor";
import { usePlanText } from "./shared";

const wide = { style: { width: "100%" } };

export function CommissionFields({ index }: { index: number }) {
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

export function BonusFields({
  bonus: b,
  index,
}: {
  bonus: PayPlanDefinition["bonuses"][number];
  index: number;
}) {
  const { t } = useI18n();
  const text = usePlanText();
  return (
    <Card
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
          name={["definition", "bonuses", index, "bonusBase"]}
          label={t("pay.edit.bonusBase")}
          style={{ flex: "1 1 140px" }}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name={["definition", "bonuses", index, "gate", "minScore"]}
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
              name={["definition", "bonuses", index, "score", "metrics", j, "weight"]}
              label={`${text(m.label)} · ${t("pay.rule.weight")}`}
              style={{ flex: "1 1 160px" }}
            >
              <InputNumber {...wide} suffix="%" />
            </Form.Item>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}

export function EventPoolFields({ def }: { def: PayPlanDefinition }) {
  const { t } = useI18n();
  const text = usePlanText();
  if (!(def.events ?? []).length && !(def.pools ?? []).length) return null;
  return (
    <Card size="small" type="inner" title={`${t("pay.kind.event")} · ${t("pay.kind.pool")}`}>
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
  );
}
