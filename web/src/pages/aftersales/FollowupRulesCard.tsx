// 好评回访 rules in the after-sales settings: which orders or finished cases get a follow-up call, how
// many days after, with the agent's script; the owner and the customer-service leads edit them.
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from "antd";
import { useEffect } from "react";
import {
  useFollowupRules,
  usePutFollowupRules,
  type FollowupRuleInput,
} from "../../api/aftersales-care";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useShops } from "../shop-data/api";

type RuleValues = Omit<FollowupRuleInput, "minAmountFen" | "shopId"> & {
  shopId: string;
  minAmountYuan: number;
};

export function RulesCard({ manage }: { manage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const rules = useFollowupRules();
  const put = usePutFollowupRules();
  const shops = useShops();
  const [form] = Form.useForm<{ rules: RuleValues[] }>();
  useEffect(() => {
    if (rules.data)
      form.setFieldsValue({
        rules: rules.data.rules.map((r) => ({
          ...r,
          platform: r.platform as RuleValues["platform"],
          shopId: r.shopId ?? "",
          minAmountYuan: r.minAmountFen / 100,
        })),
      });
  }, [rules.data, form]);
  const save = (v: { rules?: RuleValues[] }) =>
    put.mutate(
      {
        version: rules.data?.version ?? 0,
        rules: (v.rules ?? []).map(({ minAmountYuan, shopId, ...r }) => ({
          ...r,
          shopId: shopId || null,
          minAmountFen: Math.round((minAmountYuan ?? 0) * 100),
        })),
      },
      {
        onSuccess: () => void message.success(t("aftersales.saved")),
        onError: (e) => showError(e),
      },
    );
  const shopOptions = [
    { value: "", label: t("aftersales.followup.anyShop") },
    ...(shops.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Card
      size="small"
      title={t("aftersales.followup.rules")}
      loading={rules.isPending}
      data-testid="followup-rules"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("aftersales.followup.help")}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!manage} onFinish={save}>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={12} style={{ width: "100%" }}>
              {fields.length === 0 && (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t("aftersales.followup.noRules")}
                />
              )}
              {fields.map((f) => (
                <Card key={f.key} size="small" type="inner" data-testid="followup-rule">
                  {/* Sent back as read: the id keeps the rule's follow-ups its own (a rule saved
                      without it is a new rule and makes its calls again); the platform has no
                      field here yet. */}
                  <Form.Item name={[f.name, "id"]} hidden noStyle>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, "platform"]} hidden noStyle>
                    <Input />
                  </Form.Item>
                  <Space wrap align="start" size={[12, 0]}>
                    <Form.Item
                      name={[f.name, "name"]}
                      label={t("aftersales.followup.name")}
                      rules={[{ required: true, max: 60 }]}
                    >
                      <Input style={{ width: 160 }} data-testid="rule-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, "shopId"]} label={t("aftersales.followup.shop")}>
                      <Select style={{ width: 150 }} options={shopOptions} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "trigger"]}
                      label={t("aftersales.followup.trigger")}
                      rules={[{ required: true }]}
                    >
                      <Select
                        style={{ width: 140 }}
                        options={(["delivered", "case_resolved"] as const).map((v) => ({
                          value: v,
                          label: t(`aftersales.followup.trigger.${v}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "daysAfter"]}
                      label={t("aftersales.followup.days")}
                      rules={[{ required: true }]}
                    >
                      <InputNumber
                        min={0}
                        max={60}
                        precision={0}
                        style={{ width: 80 }}
                        data-testid="rule-days"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "minAmountYuan"]}
                      label={t("aftersales.followup.minAmount")}
                    >
                      <InputNumber min={0} precision={2} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "active"]}
                      label={t("aftersales.followup.active")}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                  </Space>
                  <Form.Item
                    name={[f.name, "script"]}
                    label={t("aftersales.followup.script")}
                    rules={[{ required: true, max: 2000 }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      data-testid="rule-script"
                    />
                  </Form.Item>
                  {manage && (
                    <Button size="small" danger onClick={() => remove(f.name)}>
                      {t("aftersales.followup.remove")}
                    </Button>
                  )}
                </Card>
              ))}
              {manage && (
                <Space wrap>
                  <Button
                    onClick={() =>
                      add({
                        name: "",
                        shopId: "",
                        trigger: "delivered",
                        daysAfter: 3,
                        minAmountYuan: 0,
                        script: "",
                        active: true,
                      })
                    }
                    data-testid="rule-add"
                  >
                    {t("aftersales.followup.add")}
                  </Button>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={put.isPending}
                    data-testid="rules-save"
                  >
                    {t("aftersales.save")}
                  </Button>
                </Space>
              )}
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
