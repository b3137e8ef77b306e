// My pay (every member): the projection — month-to-date pay and "if the shop reaches ¥X this month
// you earn …" — and my statements of locked runs.
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from "antd";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api, ApiError } from "../../api/client";
import { money, payKeys, usePayRuns, useProjection, type StatementResponse } from "../../api/pay";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { StatementView } from "./StatementView";

function Projection() {
  const { me } = useMe();
  const { t, locale } = useI18n();
  const [gmv, setGmv] = useState<string | null>(null);
  const [form] = Form.useForm<{ shopGmv: string }>();
  const q = useProjection(me.member.id, gmv);
  const error = q.error instanceof ApiError ? q.error : null;
  const noPlan = error?.fieldErrors.some((e) => e.field === "memberId");
  const gmvProblem = error?.fieldErrors.find((e) => e.field === "shopGmv");
  const p = q.data;

  return (
    <Card size="small" title={t("pay.me.projection")} data-testid="projection">
      {noPlan ? (
        <Empty description={t("pay.me.noPlan")} />
      ) : q.isPending ? (
        <Skeleton active />
      ) : q.isError && !gmvProblem ? (
        <Alert type="error" showIcon title={errorText(q.error, t, locale)} />
      ) : p ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Statistic
            title={t("pay.me.monthToDate", { from: p.from, to: p.to })}
            value={money(p.monthToDate.total)}
            data-testid="projection-mtd"
          />
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => setGmv(v.shopGmv.replace(/[,\s¥]/g, ""))}
            data-testid="projection-form"
          >
            <Form.Item
              label={t("pay.me.ifShopReaches")}
              {...(gmvProblem && { validateStatus: "error" as const, help: gmvProblem.message })}
            >
              <Flex gap={8}>
                <Form.Item
                  name="shopGmv"
                  noStyle
                  rules={[{ required: true, message: t("common.required") }]}
                >
                  <Input
                    prefix="¥"
                    inputMode="decimal"
                    placeholder="1200000"
                    data-testid="projection-gmv"
                    style={{ flex: 1, minWidth: 0 }}
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={q.isFetching && gmv !== null}
                  data-testid="projection-go"
                >
                  {t("pay.me.calculate")}
                </Button>
              </Flex>
            </Form.Item>
          </Form>
          {p.atShopGmv ? (
            p.atShopGmv.statement ? (
              <Alert
                type="success"
                showIcon
                data-testid="projection-result"
                title={t("pay.me.youEarn", {
                  gmv: money(p.atShopGmv.shopGmv),
                  total: money(p.atShopGmv.statement.total),
                })}
                description={t("pay.me.youEarnHint")}
              />
            ) : (
              <Alert type="info" showIcon title={t("pay.me.noPlan")} />
            )
          ) : null}
          <Collapse
            size="small"
            items={[
              {
                key: "mtd",
                label: t("pay.me.mtdDetails"),
                children: <StatementView statement={p.monthToDate} />,
              },
              ...(p.atShopGmv?.statement
                ? [
                    {
                      key: "at",
                      label: t("pay.me.atDetails", { gmv: money(p.atShopGmv.shopGmv) }),
                      children: <StatementView statement={p.atShopGmv.statement} />,
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}

export function MyPayPage() {
  const { me } = useMe();
  const { t } = useI18n();
  const runs = usePayRuns();
  const locked = (runs.data?.items ?? []).filter((r) => r.status === "locked");
  const statements = useQueries({
    queries: locked.map((r) => ({
      queryKey: payKeys.statement(r.id, me.member.id),
      queryFn: async () => {
        try {
          return await api.get<StatementResponse>(
            `/api/v1/pay-runs/${r.id}/statements/${me.member.id}`,
          );
        } catch (e) {
          if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null; // no statement of mine in that run
          throw e;
        }
      },
      retry: false,
    })),
  });
  const mine = statements.flatMap((s) => (s.data ? [s.data] : []));
  const loading = runs.isPending || statements.some((s) => s.isPending);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("pay.me.title")}
      </Typography.Title>
      <Projection />
      <Card size="small" title={t("pay.me.statements")}>
        {loading ? (
          <Skeleton active />
        ) : mine.length === 0 ? (
          <Empty description={t("pay.me.noStatements")} />
        ) : (
          <List
            size="small"
            dataSource={mine}
            data-testid="my-statements"
            renderItem={(s) => (
              <List.Item
                data-testid="my-statement"
                actions={[
                  <Link
                    key="open"
                    to={`/pay/runs/${s.run.id}/statements/${s.statement.memberId}`}
                    data-testid="my-statement-open"
                  >
                    {t("pay.open")}
                  </Link>,
                ]}
              >
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{s.run.period}</Typography.Text>
                  <Typography.Text>{money(s.statement.total)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
