// The fields of an attribution rule (kind, pattern, shop, member) shared by the add form and the
// edit dialog, what each kind matches, and the colour each kind is tagged with.
import { Flex, Form, Input, Select, Tag, Typography } from "antd";
import { useI18n, type Translate } from "../../i18n";
import { RULE_KINDS, type RuleInput, type RuleKind } from "./attribution.api";
import type { Option } from "./labels";

export const KIND_COLOR: Record<RuleKind, string> = {
  memo: "blue",
  salesRef: "purple",
  sku: "cyan",
  shop: "gold",
};
export const kindLabel = (t: Translate, k: RuleKind) => t(`attr.kind.${k}`);

/** Kind, pattern, shop and member: the add form and the edit dialog share them (the kind of a saved rule is fixed). */
export function RuleFields({
  kind,
  editing,
  shops,
  members,
}: {
  kind: RuleKind;
  editing: boolean;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useI18n();
  const whole = kind === "shop";
  return (
    <>
      <Form.Item
        name="kind"
        label={t("attr.rules.kind")}
        style={{ flex: "1 1 150px", minWidth: 0 }}
      >
        <Select
          disabled={editing}
          data-testid="rule-kind"
          options={RULE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
      </Form.Item>
      {whole ? null : (
        <Form.Item
          name="pattern"
          label={t("attr.rules.pattern")}
          style={{ flex: "1 1 180px", minWidth: 0 }}
          rules={[
            { required: true, whitespace: true, message: t("attr.rules.patternRequired") },
            { max: 100 },
          ]}
        >
          <Input placeholder={t(`attr.kind.${kind}.placeholder`)} data-testid="rule-pattern" />
        </Form.Item>
      )}
      <Form.Item
        name="shopId"
        label={t("attr.rules.shop")}
        style={{ flex: "1 1 180px", minWidth: 0 }}
        rules={whole ? [{ required: true, message: t("attr.rules.shopRequired") }] : []}
      >
        <Select
          allowClear={!whole}
          placeholder={whole ? t("attr.rules.shopRequired") : t("attr.rules.anyShop")}
          options={shops}
          data-testid="rule-shop"
        />
      </Form.Item>
      <Form.Item
        name="memberId"
        label={t("attr.rules.member")}
        style={{ flex: "1 1 180px", minWidth: 0 }}
        rules={[{ required: true, message: t("attr.rules.memberRequired") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={members}
          data-testid="rule-member"
        />
      </Form.Item>
    </>
  );
}

/** What the chosen kind matches, under the fields. */
export const RuleHelp = ({ kind }: { kind: RuleKind }) => {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(`attr.kind.${kind}.help`)}
      {kind === "shop" ? "" : ` ${t("attr.kind.shopLimit")}`}
    </Typography.Text>
  );
};

export type FormValues = {
  kind: RuleKind;
  pattern?: string;
  shopId?: string | null;
  memberId?: string;
};
export const toInput = (v: FormValues): RuleInput => ({
  kind: v.kind,
  pattern: v.kind === "shop" ? "" : (v.pattern ?? "").trim(),
  memberId: v.memberId ?? "",
  shopId: v.shopId ?? null,
});

/** What every kind matches, folded away under the rules' explanation. */
export function RuleKindsHelp() {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6}>
      {RULE_KINDS.map((k) => (
        <Typography.Text key={k}>
          <Tag color={KIND_COLOR[k]}>{kindLabel(t, k)}</Tag>
          {t(`attr.kind.${k}.help`)}
        </Typography.Text>
      ))}
      <Typography.Text type="secondary">{t("attr.kind.shopLimit")}</Typography.Text>
    </Flex>
  );
}
