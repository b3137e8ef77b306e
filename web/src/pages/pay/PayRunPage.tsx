// One pay run: the statements you may read (a table on a desk, a list on a phone), entered inputs
// and recompute (draft), approve & lock (owner, with a confirmation), adjustments, CSV/XLSX export.
import {
  CalculatorOutlined,
  DownloadOutlined,
  LockOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import {
  money,
  payRunExportUrl,
  usePayRun,
  usePayRunMutations,
  type RunInput,
} from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { AdjustmentModal } from "./Adjustments";
import { RunStatus } from "./PayRunsPage";
import { RunInputs, type InputsValues } from "./RunInputs";
import { RunStatements } from "./RunStatements";
import { Refused, setFieldErrors, useMessageText, usePayRights } from "./shared";

export function PayRunPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const may = usePayRights();
  const owner = may("pay.run.manage");
  const run = usePayRun(id);
  const text = useMessageText();
  const { compute, lock } = usePayRunMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [inputsForm] = Form.useForm<InputsValues>();
  const [adjustOpen, setAdjustOpen] = useState(false);
  const [inputsError, setInputsError] = useState<unknown>(null);

  if (run.isError) return <Refused error={run.error} />;
  const r = run.data;
  if (!r) return <Card loading />;
  const draft = r.status === "draft";

  const recompute = (inputs?: RunInput[]) => {
    setInputsError(null);
    compute.mutate(
      { period: r.period, version: r.version, ...(inputs && { inputs }) },
      {
        onSuccess: () => {
          void message.success(t("pay.run.recomputed"));
          void run.refetch();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            void message.warning(t("error.conflict"));
            void run.refetch();
            return;
          }
          if (inputs && setFieldErrors(inputsForm, e, locale)) setInputsError(e);
          else onError(e);
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="start">
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/pay/runs">{t("pay.runs.title")}</Link> /
            </Typography.Text>
            <Flex gap={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="run-period-title">
                {t("pay.run.title", { period: r.period })}
              </Typography.Title>
              <RunStatus run={r} />
            </Flex>
            <Typography.Text type="secondary">
              {r.from} → {r.to} · {t("pay.run.statementsCount", { count: r.statements.length })}
            </Typography.Text>
            {r.total !== null ? (
              <Typography.Text data-testid="run-total">
                {t("pay.run.total")}: <b>{money(r.total)}</b>
              </Typography.Text>
            ) : null}
          </Space>
          <Space wrap>
            {owner && draft ? (
              <Button
                icon={<CalculatorOutlined />}
                onClick={() => recompute()}
                loading={compute.isPending && !inputsError}
                data-testid="run-recompute"
              >
                {t("pay.run.recompute")}
              </Button>
            ) : null}
            {owner && draft ? (
              <Popconfirm
                title={t("pay.run.lockConfirm")}
                description={t("pay.run.lockConfirmHint")}
                okText={t("pay.run.lock")}
                cancelText={t("common.cancel")}
                okButtonProps={{ "data-testid": "run-lock-confirm" }}
                onConfirm={() =>
                  lock.mutate(
                    { id: r.id, version: r.version },
                    {
                      onSuccess: () => {
                        void message.success(t("pay.run.lockedMessage"));
                        void run.refetch();
                      },
                      onError: (e) => {
                        onError(e);
                        void run.refetch();
                      },
                    },
                  )
                }
              >
                <Button
                  type="primary"
                  icon={<LockOutlined />}
                  loading={lock.isPending}
                  disabled={r.missing.length > 0}
                  title={r.missing.length ? t("pay.run.missingLock") : undefined}
                  data-testid="run-lock"
                >
                  {t("pay.run.lock")}
                </Button>
              </Popconfirm>
            ) : null}
            {owner ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAdjustOpen(true)}
                data-testid="run-adjust"
              >
                {t("pay.adjust.add")}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={payRunExportUrl(r.id, "xlsx")}
              download
              data-testid="run-export-xlsx"
            >
              XLSX
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={payRunExportUrl(r.id, "csv")}
              download
              data-testid="run-export-csv"
            >
              CSV
            </Button>
          </Space>
        </Flex>
        {draft ? (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            showIcon
            title={t(owner ? "pay.run.draftHint" : "pay.run.draftHintLead")}
          />
        ) : (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            showIcon
            title={t("pay.run.lockedHint", { at: (r.lockedAt ?? "").slice(0, 10) })}
          />
        )}
        {draft && r.missing.length ? (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            showIcon
            data-testid="run-missing"
            title={t("pay.run.missingTitle", { count: r.missing.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.missing.map((m) => (
                  <li key={`${m.memberId}:${m.key}`} data-testid="run-missing-item">
                    {m.memberName} · {text(m.label)}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>

      <RunStatements run={r} />

      {owner ? (
        <RunInputs
          run={r}
          form={inputsForm}
          error={inputsError}
          busy={compute.isPending}
          onRecompute={recompute}
        />
      ) : null}

      {owner ? <AdjustmentModal open={adjustOpen} onClose={() => setAdjustOpen(false)} /> : null}
    </Space>
  );
}
