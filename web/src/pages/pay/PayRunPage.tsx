// One pay run: the statements you may read (a table on a desk, a list on a phone), entered inputs
// and recompute (draft), approve & lock (owner, with a confirmation), adjustments, CSV/XLSX export.
import {
  CalculatorOutlined,
  DeleteOutlined,
  DownloadOutlined,
  LockOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import { useMemo, useState, type HTMLAttributes } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useAllMembers, useDepartments } from "../../api/hooks";
import {
  money,
  payRunExportUrl,
  usePayPlans,
  usePayRun,
  usePayRunMutations,
  type PayPlanDefinition,
  type PayStatement,
  type RunInput,
} from "../../api/pay";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { AdjustmentModal } from "./Adjustments";
import { RunStatus } from "./PayRunsPage";
import {
  FieldErrors,
  Refused,
  setFieldErrors,
  useInputKeyLabel,
  useMessageText,
  usePayRights,
} from "./shared";

/** The keys a plan needs entered (docs/PAY.md "Inputs of a run"); shop-data keys fill themselves. */
function enteredKeys(def: PayPlanDefinition): string[] {
  const keys: string[] = [];
  for (const c of def.commissions)
    if (c.scope !== "shop" || c.base === "margin") keys.push(`commission.${c.code}`);
  for (const b of def.bonuses) {
    if (b.score.kind === "goal") keys.push(`bonus.${b.code}.goal`);
    else for (const m of b.score.metrics) keys.push(`bonus.${b.code}.${m.code}`);
  }
  for (const e of def.events) keys.push(`event.${e.code}`);
  for (const p of def.pools)
    if (p.source === "unattributed" || p.base === "margin") keys.push(`pool.${p.code}`);
  return keys;
}

const ALL = "__all__";
interface InputsValues {
  inputs: { memberId: string; key: string; value: string }[];
}

export function PayRunPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const may = usePayRights();
  const owner = may("pay.run.manage");
  const run = usePayRun(id);
  const plans = usePayPlans(owner);
  const text = useMessageText();
  const definitions = useMemo(
    () => (plans.data?.items ?? []).flatMap((p) => p.versions.map((v) => v.definition)),
    [plans.data],
  );
  const keyLabel = useInputKeyLabel(definitions);
  const departments = useDepartments();
  const members = useAllMembers();
  const { compute, lock } = usePayRunMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [inputsForm] = Form.useForm<InputsValues>();
  const [adjustOpen, setAdjustOpen] = useState(false);
  const [inputsError, setInputsError] = useState<unknown>(null);
  // Inputs are chosen by what they are called ("准时交付图片"), never by their key.
  const keyOptions = useMemo(
    () =>
      [...new Set(definitions.flatMap(enteredKeys))].map((k) => ({ value: k, label: keyLabel(k) })),
    [definitions, keyLabel],
  );

  if (run.isError) return <Refused error={run.error} />;
  const r = run.data;
  if (!r) return <Card loading />;
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const draft = r.status === "draft";
  const statementLink = (s: PayStatement) => (
    <Link to={`/pay/runs/${r.id}/statements/${s.memberId}`} data-testid="statement-open">
      {s.memberName}
    </Link>
  );

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

      <Card size="small" title={t("pay.run.statements")}>
        {phone ? (
          <List
            size="small"
            dataSource={r.statements}
            data-testid="statement-list"
            renderItem={(s) => (
              <List.Item data-testid="statement-row">
                <Flex justify="space-between" style={{ width: "100%" }} gap={8}>
                  <Flex vertical style={{ minWidth: 0 }}>
                    {statementLink(s)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.departmentId ? deptName.get(s.departmentId) : "—"} ·{" "}
                      {t("pay.run.linesCount", { count: s.lines.length })}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
                    {money(s.total)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <div style={{ overflowX: "auto" }}>
            <Table
              size="small"
              rowKey="memberId"
              dataSource={r.statements}
              pagination={false}
              data-testid="statement-table"
              onRow={() => ({ "data-testid": "statement-row" }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t("pay.run.member"),
                  render: (_: unknown, s: PayStatement) => statementLink(s),
                },
                {
                  title: t("pay.run.department"),
                  render: (_: unknown, s: PayStatement) =>
                    s.departmentId ? (deptName.get(s.departmentId) ?? "—") : "—",
                },
                ...["base", "commission", "bonus", "event", "pool", "adjustment"]
                  .filter((k) => r.statements.some((s) => s.lines.some((l) => l.kind === k)))
                  .map((k) => ({
                    title: t(`pay.kind.${k}` as "pay.kind.base"),
                    align: "right" as const,
                    render: (_: unknown, s: PayStatement) => {
                      const ls = s.lines.filter((l) => l.kind === k);
                      return ls.length === 1
                        ? money(ls[0]!.amount)
                        : ls.length
                          ? t("pay.run.linesCount", { count: ls.length })
                          : "—";
                    },
                  })),
                {
                  title: t("pay.run.total"),
                  align: "right" as const,
                  render: (_: unknown, s: PayStatement) => <b>{money(s.total)}</b>,
                },
              ]}
            />
          </div>
        )}
      </Card>

      {owner ? (
        <Card size="small" title={t("pay.run.inputs")}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("pay.run.inputsHint")}
          </Typography.Paragraph>
          {draft ? (
            <Form
              form={inputsForm}
              data-testid="run-inputs"
              initialValues={{
                inputs: r.inputs.map((i) => ({
                  memberId: i.memberId ?? ALL,
                  key: i.key,
                  value: i.value,
                })),
              }}
              onFinish={() => {
                const v = inputsForm.getFieldsValue(true) as InputsValues;
                recompute(
                  (v.inputs ?? []).map((i) => ({
                    memberId: i.memberId === ALL ? null : i.memberId,
                    key: (i.key ?? "").trim(),
                    value: (i.value ?? "").trim(),
                  })),
                );
              }}
            >
              <Form.List name="inputs">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={8} wrap align="start">
                        <Form.Item
                          name={[f.name, "memberId"]}
                          style={{ flex: "1 1 140px", marginBottom: 8 }}
                        >
                          <Select
                            options={[
                              { value: ALL, label: t("pay.run.everyone") },
                              ...memberOptions,
                            ]}
                            showSearch={{ optionFilterProp: "label" }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, "key"]}
                          style={{ flex: "2 1 200px", marginBottom: 8 }}
                          rules={[{ required: true, message: t("common.required") }]}
                        >
                          <Select
                            options={keyOptions}
                            placeholder={text({ code: "pay.entry.choose" })}
                            showSearch={{ optionFilterProp: "label" }}
                            data-testid="run-input-key"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, "value"]}
                          style={{ flex: "1 1 100px", marginBottom: 8 }}
                          rules={[{ required: true, message: t("common.required") }]}
                        >
                          <Input placeholder="1234.50" />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t("common.remove")}
                          onClick={() => remove(f.name)}
                        />
                      </Flex>
                    ))}
                    <Space wrap>
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add({ memberId: ALL, key: "", value: "" })}
                      >
                        {t("pay.run.addInput")}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={compute.isPending}>
                        {t("pay.run.recomputeWithInputs")}
                      </Button>
                    </Space>
                  </Flex>
                )}
              </Form.List>
              <FieldErrors error={inputsError} />
            </Form>
          ) : (
            <Descriptions
              size="small"
              column={1}
              items={r.inputs.map((i, n) => ({
                key: String(n),
                label: `${i.memberId ? (memberOptions.find((m) => m.value === i.memberId)?.label ?? i.memberId) : t("pay.run.everyone")} · ${keyLabel(i.key)}`,
                children: i.value,
              }))}
            />
          )}
        </Card>
      ) : null}

      {owner ? <AdjustmentModal open={adjustOpen} onClose={() => setAdjustOpen(false)} /> : null}
    </Space>
  );
}
