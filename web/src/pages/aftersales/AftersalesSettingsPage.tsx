// 售后设置: the returns rule, the quality-case threshold (and the tasks it opened) and the 好评回访
// rules. Everyone reads them; the owner and the customer-service leads change them
// (aftersales.manage, as the server).
import { App, Button, Card, Form, InputNumber, List, Space, Tag, Typography } from "antd";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import { usePutQuality, useQuality } from "../../api/aftersales-care";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { messageText } from "../../i18n/messages";
import { useMe } from "../../me";
import { RulesCard } from "./FollowupRulesCard";
import { ReturnRulesCard } from "./ReturnRulesCard";

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
      <ReturnRulesCard manage={manage} />
      <QualityCard manage={manage} />
      <RulesCard manage={manage} />
    </Space>
  );
}
