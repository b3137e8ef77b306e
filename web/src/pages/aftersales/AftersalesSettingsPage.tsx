// 售后设置: the quality-case threshold (and the tasks it opened) and the 好评回访 rules. Everyone reads
// them; the owner and the customer-service leads change them (aftersales.manage, as the server).
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from "antd";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import {
  useFollowupRules,
  usePutFollowupRules,
  usePutQuality,
  useQuality,
  type FollowupRuleInput,
} from "../../api/aftersales-care";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { messageText } from "../../i18n/messages";
import { useMe } from "../../me";
import { useShops } from "../shop-data/api";

type RuleValues = Omit<FollowupRuleInput, "minAmountFen" | "shopId"> & {
  shopId: string;
  minAmountYuan: number;
};

function QualityCard({ manage }: { manage: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const q = useQuality();
  const put = usePutQuality();
  const [form] = Form.useForm<{ minCases: number; windowDays: number }>();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ minCases: q.data.minCases, windowDays: q.data.windowDays });
  }, [q.data, form]);
  const dept = (d: string) => messageText(locale, `org.function.${d}`) ?? d;
  const status = (s: string | null) => (s === null ? "deleted" : s === "done" ? "done" : "open");
  return (
    <Card
      size="small"
      title={t("aftersales.quality.title")}
      loading={q.isPending}
      data-testid="quality-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("aftersales.quality.help")}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        disabled={!manage}
        onFinish={(v) =>
          put.mutate(
            { ...v, version: q.data?.version ?? 0 },
            {
              onSuccess: () => void message.success(t("aftersales.saved")),
              onError: (e) => showError(e, form),
            },
          )
        }
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="minCases"
          label={t("aftersales.quality.minCases")}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={2}
            max={100}
            precision={0}
            style={{ width: 80 }}
            data-testid="quality-min"
          />
        </Form.Item>
        <Form.Item
          name="windowDays"
          label={t("aftersales.quality.windowDays")}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={1}
            max={90}
            precision={0}
            style={{ width: 80 }}
            data-testid="quality-days"
          />
        </Form.Item>
        {manage && (
          <Button
            type="primary"
            htmlType="submit"
            loading={put.isPending}
            data-testid="quality-save"
          >
            {t("aftersales.save")}
          </Button>
        )}
      </Form>
      {q.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("aftersales.quality.default", {
            count: q.data.defaults.minCases,
            days: q.data.defaults.windowDays,
          })}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("aftersales.quality.tasks")}
      </Typography.Title>
      <List
        size="small"
        dataSource={q.data?.tasks ?? []}
        locale={{ emptyText: t("aftersales.quality.none") }}
        renderItem={(task) => (
          <List.Item data-testid="quality-task">
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Link to={`/plans/${task.planId}`}>{task.taskName ?? task.sku}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("aftersales.quality.task", {
                  sku: task.sku,
                  count: task.caseCount,
                  department: dept(task.department),
                })}
              </Typography.Text>
            </Space>
            <Tag color={status(task.taskStatus) === "open" ? "blue" : "default"}>
              {t(`aftersales.quality.status.${status(task.taskStatus)}`)}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

function RulesCard({ manage }: { manage: boolean }) {
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

export function AftersalesSettingsPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const manage = can("aftersales.manage");
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: "100%" }}
      data-testid="aftersales-settings"
    >
      <Typography.Title level={4} style={{ marginBottom: 0 }}>
        {t("aftersales.settings.title")}
      </Typography.Title>
      {!manage && <Typography.Text type="secondary">{t("aftersales.readOnly")}</Typography.Text>}
      <QualityCard manage={manage} />
      <RulesCard manage={manage} />
    </Space>
  );
}
