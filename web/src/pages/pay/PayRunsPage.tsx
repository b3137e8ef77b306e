// Pay runs: the owner computes a month's draft (a month without shop data is refused, on the
// field) and adds adjustments; leads see the runs with their department's statements. Pending
// adjustments (paid by the next run) are listed above the runs.
import { CalculatorOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { Link, useNavigate } from "react-router-dom";
import { money, usePayRunMutations, usePayRuns, type PayRunSummary } from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { PendingAdjustments } from "./Adjustments";
import { lastMonth, Refused, setFieldErrors, usePayRights } from "./shared";

export function RunStatus({ run }: { run: Pick<PayRunSummary, "status"> }) {
  const { t } = useI18n();
  return run.status === "locked" ? (
    <Tag color="green" data-testid="run-status">
      {t("pay.run.locked")}
    </Tag>
  ) : (
    <Tag color="orange" data-testid="run-status">
      {t("pay.run.draft")}
    </Tag>
  );
}

export function PayRunsPage() {
  const { t, locale } = useI18n();
  const owner = usePayRights()("pay.run.manage");
  const runs = usePayRuns();
  const { compute } = usePayRunMutations();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ period: string }>();

  if (runs.isError) return <Refused error={runs.error} />;
  const items = runs.data?.items ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("pay.runs.title")}
      </Typography.Title>
      {owner ? (
        <Card size="small" title={t("pay.runs.compute")}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ period: lastMonth() }}
            data-testid="run-form"
            style={{ rowGap: 8 }}
            onFinish={(v) => {
              const existing = items.find((r) => r.period === v.period);
              if (existing?.status === "locked") {
                void navigate(`/pay/runs/${existing.id}`);
                return;
              }
              compute.mutate(
                { period: v.period, ...(existing && { version: existing.version }) },
                {
                  onSuccess: (r) => void navigate(`/pay/runs/${r.id}`),
                  onError: (e) => {
                    if (!setFieldErrors(form, e, locale)) onError(e);
                  },
                },
              );
            }}
          >
            <Form.Item
              name="period"
              label={t("pay.runs.month")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <Input type="month" data-testid="run-period" style={{ width: 170 }} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<CalculatorOutlined />}
                loading={compute.isPending}
                data-testid="run-compute"
              >
                {t("pay.runs.computeButton")}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
            {t("pay.runs.computeHint")}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t("pay.runs.leadHint")} />
      )}
      <PendingAdjustments owner={owner} />
      <Card size="small" title={t("pay.runs.list")}>
        {runs.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t("pay.runs.empty")} />
        ) : (
          <List
            size="small"
            dataSource={items}
            data-testid="run-list"
            renderItem={(r) => (
              <List.Item
                data-testid="run-row"
                actions={[
                  <Link key="open" to={`/pay/runs/${r.id}`} data-testid="run-open">
                    {t("pay.open")}
                  </Link>,
                ]}
              >
                <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
                  <Typography.Text strong>{r.period}</Typography.Text>
                  <RunStatus run={r} />
                  {r.total !== null ? <Typography.Text>{money(r.total)}</Typography.Text> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.lockedAt
                      ? t("pay.run.lockedAt", { at: r.lockedAt.slice(0, 10) })
                      : t("pay.run.computedAt", {
                          at: r.computedAt.slice(0, 16).replace("T", " "),
                        })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
