// Goals (目标考核): the cycle picker, a person's goals with weights, targets, live actuals and
// achievement, the agreement flow, the self-assessment and — for leads and the owner — the people
// they manage and the review. Cards rather than wide tables so it reads on a phone.
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Grid, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { KPI_METRICS, useAssessment, useGoalCycle, useGoalCycles, useGoalMutations, useGoals, type Assessment, type Goal, type GoalMetric } from "../../api/goals";
import type { Me } from "../../api/types";
import { useApiErrors } from "../../components/errors";
import { useI18n, type Translate } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

const STATUS_COLOR: Record<Goal["status"], string> = { draft: "default", proposed: "processing", agreed: "success", returned: "warning" };
export const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
/** Decimal text from the server with thousands separators ("371256.50" → "371,256.50"); the digits are the server's. */
export const num = (s: string | null) => (s === null ? "—" : s.replace(/^(-?)(\d+)/, (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")));
export const metricLabel = (t: Translate, m: GoalMetric) => (m.kind === "kpi" ? t(`goals.kpi.${m.kpi}` as MessageKey) : t(m.better === "lower" ? "goals.metric.manualLower" : "goals.metric.manual"));

export function GoalsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const cycles = useGoalCycles();
  const cycleId = params.get("cycle") ?? cycles.data?.items[0]?.id;
  const memberId = params.get("member") ?? me.member.id;
  const detail = useGoalCycle(cycleId);
  const manager = me.member.role !== "member";
  const [newCycle, setNewCycle] = useState(false);
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); p.set(k, v); if (k === "cycle" && !p.get("cycle")) p.delete("member"); setParams(p); };
  const person = detail.data?.people.find((p) => p.memberId === memberId);
  const m = useGoalMutations();
  const { message } = App.useApp();
  const onError = useApiErrors();

  return (
    <Flex vertical gap={16} data-testid="goals-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t("goals.title")}</Typography.Title>
        <Space wrap>
          {cycles.data?.items.length ? (
            <Select data-testid="cycle-select" style={{ minWidth: 180 }} value={cycleId} onChange={(v: string) => set("cycle", v)}
              options={cycles.data.items.map((c) => ({ value: c.id, label: `${c.name} · ${c.status === "closed" ? t("goals.closed") : t(`goals.phase.${c.phase}` as MessageKey)}` }))} />
          ) : null}
          {me.member.role === "owner" ? <Button onClick={() => setNewCycle(true)} data-testid="new-cycle">{t("goals.newCycle")}</Button> : null}
          {manager && cycleId ? <Button data-testid="remind" onClick={() => m.remind.mutate(cycleId, { onSuccess: (r) => void message.success(t("goals.reminded", { count: r.notified })), onError: (e) => onError(e) })}>{t("goals.remind")}</Button> : null}
        </Space>
      </Flex>
      {cycles.data && cycles.data.items.length === 0 ? <Empty description={t("goals.noCycles")} /> : null}
      {detail.data && manager && detail.data.people.length > 1 ? (
        <Card size="small" title={t("goals.team")} data-testid="team">
          <Table size="small" rowKey="memberId" pagination={false} dataSource={detail.data.people} scroll={{ x: true }}
            onRow={(r) => ({ onClick: () => set("member", r.memberId), style: { cursor: "pointer", background: r.memberId === memberId ? "#fff2e8" : undefined } })}
            columns={[
              { title: t("goals.person"), dataIndex: "name", render: (n: string, r) => <span data-testid={`person-${r.name}`}>{n}</span> },
              { title: t("goals.progress"), render: (_, r) => `${r.agreed}/${r.goals}` },
              { title: t("goals.weights"), dataIndex: "weightTotal", render: (w: number) => <Tag color={w === 100 ? "green" : "orange"}>{w}</Tag> },
              { title: t("goals.achievement"), dataIndex: "achievement", render: pct },
              { title: t("goals.assessment"), render: (_, r) => r.finalScore !== null ? <Tag color="green">{r.finalScore.toFixed(2)}</Tag> : t(`goals.assessment.${r.assessment}` as MessageKey) },
            ]} />
        </Card>
      ) : null}
      {cycleId && detail.data ? <MemberGoals key={`${cycleId}-${memberId}`} me={me} cycleId={cycleId} memberId={memberId} name={memberId === me.member.id ? null : person?.name ?? ""} closed={detail.data.status === "closed"} /> : null}
      <NewCycleModal open={newCycle} onClose={(id) => { setNewCycle(false); if (id) set("cycle", id); }} />
    </Flex>
  );
}

function NewCycleModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; kind: "month" | "quarter" | "custom"; range: [dayjs.Dayjs, dayjs.Dayjs] }>();
  const m = useGoalMutations();
  const onError = useApiErrors();
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: "month", name: dayjs().format("YYYY-MM"), range: [dayjs().startOf("month"), dayjs().endOf("month")] });
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields();
    m.createCycle.mutate({ name: v.name, kind: v.kind, from: v.range[0].format("YYYY-MM-DD"), to: v.range[1].format("YYYY-MM-DD") }, { onSuccess: (c) => onClose(c.id), onError: (e) => onError(e, form, { from: "range", to: "range" }) });
  };
  return (
    <Modal open={open} title={t("goals.newCycle")} onCancel={() => onClose()} onOk={() => void submit()} confirmLoading={m.createCycle.isPending} okButtonProps={{ "data-testid": "cycle-save" }} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t("goals.cycleName")} rules={[{ required: true }]}><Input data-testid="cycle-name" /></Form.Item>
        <Form.Item name="kind" label={t("goals.kind")}><Select options={(["month", "quarter", "custom"] as const).map((k) => ({ value: k, label: t(`goals.kind.${k}`) }))} /></Form.Item>
        <Form.Item name="range" label={`${t("goals.from")} – ${t("goals.to")}`} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: "100%" }} /></Form.Item>
      </Form>
    </Modal>
  );
}

type MetricChoice = "manual" | "manual-lower" | (typeof KPI_METRICS)[number];
const toMetric = (c: MetricChoice): GoalMetric => (c === "manual" ? { kind: "manual" } : c === "manual-lower" ? { kind: "manual", better: "lower" } : { kind: "kpi", kpi: c });
const fromMetric = (m: GoalMetric): MetricChoice => (m.kind === "kpi" ? m.kpi : m.better === "lower" ? "manual-lower" : "manual");

function GoalModal({ open, goal, cycleId, memberId, onClose }: { open: boolean; goal: Goal | null; cycleId: string; memberId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; weight: number; target: string; unit: string; metric: MetricChoice }>();
  const m = useGoalMutations();
  const onError = useApiErrors();
  useEffect(() => {
    if (open) form.setFieldsValue(goal ? { title: goal.title, weight: goal.weight, target: goal.target, unit: goal.unit, metric: fromMetric(goal.metric) } : { title: "", weight: undefined, target: "", unit: "", metric: "gmv" });
  }, [open, goal, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const body = { title: v.title, weight: v.weight, target: String(v.target).trim(), unit: v.unit ?? "", metric: toMetric(v.metric) };
    const done = { onSuccess: () => onClose(), onError: (e: unknown) => onError(e, form) };
    if (goal) m.update.mutate({ id: goal.id, version: goal.version, ...body }, done);
    else m.create.mutate({ cycleId, memberId, ...body }, done);
  };
  const choices: MetricChoice[] = [...KPI_METRICS, "manual", "manual-lower"];
  return (
    <Modal open={open} title={goal ? t("goals.edit") : t("goals.add")} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ "data-testid": "goal-save" }} confirmLoading={m.create.isPending || m.update.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t("goals.goalTitle")} rules={[{ required: true }]}><Input data-testid="goal-title" /></Form.Item>
        <Form.Item name="metric" label={t("goals.metric")}><Select data-testid="goal-metric" options={choices.map((c) => ({ value: c, label: metricLabel(t, toMetric(c)) }))} /></Form.Item>
        <Flex gap={8}>
          <Form.Item name="weight" label={t("goals.weight")} rules={[{ required: true }]} style={{ flex: 1 }}><InputNumber min={1} max={100} precision={0} style={{ width: "100%" }} data-testid="goal-weight" /></Form.Item>
          <Form.Item name="target" label={t("goals.target")} rules={[{ required: true }]} style={{ flex: 1 }}><Input inputMode="decimal" data-testid="goal-target" /></Form.Item>
          <Form.Item name="unit" label={t("goals.unit")} style={{ width: 80 }}><Input /></Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function MemberGoals({ me, cycleId, memberId, name, closed }: { me: Me; cycleId: string; memberId: string; name: string | null; closed: boolean }) {
  const { t } = useI18n();
  const goals = useGoals(cycleId, memberId);
  const assessment = useAssessment(cycleId, memberId);
  const assessed = !!assessment.data && assessment.data.status !== "open" && assessment.data.status !== "draft";
  const m = useGoalMutations();
  const onError = useApiErrors();
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<Goal | null | "new">(null);
  const items = goals.data?.items ?? [];
  const total = items.reduce((s, g) => s + g.weight, 0);
  const mine = memberId === me.member.id;
  const canAnswer = (g: Goal) => g.status === "proposed" && (g.proposedBy !== me.member.id || (me.member.role === "owner" && mine));
  const toPropose = items.filter((g) => g.status === "draft" || g.status === "returned");
  const toAgree = items.filter(canAnswer);
  const act = (list: Goal[], action: "propose" | "agree" | "reopen") => m.act.mutate(list.map((g) => ({ id: g.id, version: g.version, action })), { onError: (e) => onError(e) });
  const sendBack = (g: Goal) => {
    let comment = "";
    modal.confirm({
      title: t("goals.returnReason"), content: <Input.TextArea data-testid="return-reason" onChange={(e) => { comment = e.target.value; }} />,
      onOk: () => m.act.mutateAsync([{ id: g.id, version: g.version, action: "return", comment }]).catch((e: unknown) => onError(e)),
    });
  };
  return (
    <>
      <Card size="small" data-testid="member-goals"
        title={name ? t("goals.goalsOf", { name }) : t("goals.myGoals")}
        extra={<Space wrap><Link to={`/goals/evaluation/${memberId}`} data-testid="evaluation-link">{t("goals.evaluation")}</Link>{!closed ? <Button size="small" onClick={() => setEditing("new")} data-testid="add-goal">{t("goals.add")}</Button> : null}</Space>}>
        {items.length === 0 ? <Empty description={t("goals.none")} /> : (
          <Flex vertical gap={12}>
            <Alert type={total === 100 ? "success" : "warning"} showIcon message={total === 100 ? t("goals.weightOk") : t("goals.weightTotal", { total })} data-testid="weight-total" />
            {items.map((g) => (
              <Card key={g.id} size="small" type="inner" data-testid={`goal-${g.title}`}
                title={<Space wrap size={4}><span>{g.title}</span><Tag>{g.weight}%</Tag><Tag color={STATUS_COLOR[g.status]} data-testid="goal-status">{t(`goals.status.${g.status}`)}</Tag>{g.agreementNo > 1 ? <Tag>{t("goals.agreement", { no: g.agreementNo })}</Tag> : null}</Space>}>
                <Typography.Text type="secondary">{metricLabel(t, g.metric)}</Typography.Text>
                <Flex gap={16} wrap style={{ marginTop: 4 }}>
                  <span>{t("goals.target")}: <b>{num(g.target)}</b> {g.unit}</span>
                  <span>{t("goals.actual")}: <b data-testid="goal-actual">{num(g.actual)}</b> {g.actual !== null ? g.unit : ""} {g.actualSource === "kpi" ? <Typography.Text type="secondary">({t("goals.actual.kpi")})</Typography.Text> : g.actualSource === "final" ? <Typography.Text type="secondary">({t("goals.actual.final")})</Typography.Text> : null}</span>
                </Flex>
                {g.achievement !== null ? <Progress percent={Math.round(g.achievement * 1000) / 10} status={g.achievement >= 1 ? "success" : "active"} format={() => pct(g.achievement)} /> : null}
                {g.statusComment ? <Alert type="warning" style={{ marginTop: 8 }} message={g.statusComment} /> : null}
                {!closed ? (
                  <Space wrap style={{ marginTop: 8 }}>
                    {g.status === "draft" || g.status === "returned" ? <>
                      <Button size="small" onClick={() => setEditing(g)}>{t("goals.edit")}</Button>
                      {g.agreementNo === 1 ? <Button size="small" danger onClick={() => m.remove.mutate(g.id, { onError: (e) => onError(e) })}>{t("goals.remove")}</Button> : null}
                    </> : null}
                    {canAnswer(g) ? <>
                      <Button size="small" type="primary" onClick={() => act([g], "agree")} data-testid="agree">{t("goals.agree")}</Button>
                      <Button size="small" onClick={() => sendBack(g)} data-testid="return">{t("goals.return")}</Button>
                    </> : g.status === "proposed" ? <Typography.Text type="secondary">{t("goals.waiting")}</Typography.Text> : null}
                    {g.status === "agreed" && !assessed ? <Button size="small" onClick={() => act([g], "reopen")}>{t("goals.reopen")}</Button> : null}
                  </Space>
                ) : null}
              </Card>
            ))}
            {!closed ? (
              <Space wrap>
                {toPropose.length ? <Button type="primary" onClick={() => act(toPropose, "propose")} loading={m.act.isPending} data-testid="propose-all">{t("goals.proposeAll")}</Button> : null}
                {toAgree.length > 1 ? <Button type="primary" onClick={() => act(toAgree, "agree")} loading={m.act.isPending} data-testid="agree-all">{t("goals.agreeAll")}</Button> : null}
              </Space>
            ) : null}
          </Flex>
        )}
      </Card>
      {items.length > 0 ? <AssessmentCard cycleId={cycleId} memberId={memberId} /> : null}
      <GoalModal open={editing !== null} goal={editing === "new" ? null : editing} cycleId={cycleId} memberId={memberId} onClose={() => setEditing(null)} />
    </>
  );
}

interface RowValues { selfScore?: number | null; actual?: string | null; comment?: string | null; score?: number | null; leadComment?: string | null }

function AssessmentCard({ cycleId, memberId }: { cycleId: string; memberId: string }) {
  const { t } = useI18n();
  const a = useAssessment(cycleId, memberId);
  const m = useGoalMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [report, setReport] = useState("");
  const [reviewComment, setReviewComment] = useState("");
  const [rows, setRows] = useState<Record<string, RowValues>>({});
  const data = a.data;
  useEffect(() => {
    if (!data) return;
    setReport(data.report ?? "");
    setReviewComment(data.reviewComment ?? "");
    setRows(Object.fromEntries(data.goals.map((g) => [g.id, { selfScore: g.selfScore, actual: g.metric.kind === "manual" ? g.actual : null, comment: g.selfComment, score: g.leadScore, leadComment: g.leadComment }])));
  }, [data]);
  const row = (id: string) => rows[id] ?? {};
  const setRow = (id: string, v: RowValues) => setRows((r) => ({ ...r, [id]: { ...r[id], ...v } }));
  // On a phone the targets are on the goal cards above; the table keeps the actuals and scores.
  const phone = !Grid.useBreakpoint().md;
  const columns = useMemo(() => columnsFor(t, data, row, setRow).filter((c) => !(phone && c.title === t("goals.target"))), [t, data, rows, phone]);
  if (!data) return null;
  const saveSelf = (submit: boolean) => m.saveSelf.mutate({
    cycleId, memberId, version: data.version, report, submit,
    goals: data.goals.map((g) => ({ goalId: g.id, selfScore: row(g.id).selfScore ?? null, comment: row(g.id).comment ?? null, ...(g.metric.kind === "manual" && { actual: row(g.id).actual?.trim() || null }) })),
  }, { onSuccess: () => void message.success(t("goals.saved")), onError: (e) => onError(e) });
  const saveReview = (then?: () => void) => m.review.mutate({
    cycleId, memberId, version: data.version, comment: reviewComment, goals: data.goals.map((g) => ({ goalId: g.id, score: row(g.id).score ?? null, comment: row(g.id).leadComment ?? null })),
  }, { onSuccess: (r) => { if (then) m.finalize.mutate({ cycleId, memberId, version: r.version }, { onError: (e) => onError(e) }); else void message.success(t("goals.saved")); }, onError: (e) => onError(e) });
  const allAgreed = data.goals.every((g) => g.status === "agreed");
  return (
    <Card size="small" title={t("goals.assessment")} data-testid="assessment" extra={<Tag color={data.status === "final" ? "green" : data.status === "submitted" ? "orange" : "default"} data-testid="assessment-status">{t(`goals.assessment.${data.status}`)}</Tag>}>
      <Flex vertical gap={12}>
        {data.finalScore !== null ? <Alert type="success" showIcon data-testid="final-score" message={`${t("goals.finalScore")}: ${data.finalScore.toFixed(2)}`} description={t("goals.finalNote")} /> : null}
        {!allAgreed && data.status === "open" ? <Typography.Text type="secondary">{t("goals.assessment.needsAgreement")}</Typography.Text> : null}
        <Table size="small" rowKey="id" pagination={false} dataSource={data.goals} columns={columns} scroll={{ x: true }} />
        <div>
          <Typography.Text strong>{t("goals.report")}</Typography.Text>
          {data.canSelfAssess ? <Input.TextArea data-testid="report" rows={4} value={report} placeholder={t("goals.reportPlaceholder")} onChange={(e) => setReport(e.target.value)} /> : <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="report-text">{data.report ?? "—"}</Typography.Paragraph>}
        </div>
        {data.canSelfAssess ? <Space wrap><Button onClick={() => saveSelf(false)} loading={m.saveSelf.isPending}>{t("goals.saveDraft")}</Button><Button type="primary" onClick={() => saveSelf(true)} loading={m.saveSelf.isPending} data-testid="submit-self">{t("goals.submit")}</Button></Space> : null}
        {data.canReview || data.reviewComment ? (
          <div>
            <Typography.Text strong>{t("goals.reviewComment")}</Typography.Text>
            {data.canReview ? <Input.TextArea data-testid="review-comment" rows={3} value={reviewComment} onChange={(e) => setReviewComment(e.target.value)} /> : <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{data.reviewComment}</Typography.Paragraph>}
          </div>
        ) : null}
        {data.canReview ? <Space wrap><Button onClick={() => saveReview()} loading={m.review.isPending}>{t("goals.saveReview")}</Button><Button type="primary" onClick={() => saveReview(() => undefined)} loading={m.review.isPending || m.finalize.isPending} data-testid="finalize">{t("goals.finalize")}</Button></Space> : null}
      </Flex>
    </Card>
  );
}

function columnsFor(t: Translate, data: Assessment | undefined, row: (id: string) => RowValues, setRow: (id: string, v: RowValues) => void) {
  const self = !!data?.canSelfAssess;
  const review = !!data?.canReview;
  const score = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(2));
  return [
    { title: t("goals.goalTitle"), dataIndex: "title", onCell: () => ({ style: { minWidth: 96 } }), render: (s: string, g: Goal) => <span>{s} <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>({g.weight}%)</Typography.Text></span> },
    { title: t("goals.target"), render: (_: unknown, g: Goal) => `${num(g.target)} ${g.unit}` },
    {
      title: t("goals.actual"), render: (_: unknown, g: Goal) => self && g.metric.kind === "manual"
        ? <Input size="small" style={{ width: 90 }} inputMode="decimal" value={row(g.id).actual ?? ""} onChange={(e) => setRow(g.id, { actual: e.target.value })} data-testid={`actual-${g.title}`} />
        : <span>{num(g.actual)} {g.achievement !== null ? <Typography.Text type="secondary">{pct(g.achievement)}</Typography.Text> : null}</span>,
    },
    {
      title: t("goals.selfScore"), render: (_: unknown, g: Goal) => self
        ? <InputNumber size="small" min={0} max={100} precision={2} style={{ width: 80 }} value={row(g.id).selfScore ?? null} onChange={(v) => setRow(g.id, { selfScore: v })} data-testid={`self-${g.title}`} />
        : score(g.selfScore),
    },
    {
      title: t("goals.leadScore"), render: (_: unknown, g: Goal) => review
        ? <InputNumber size="small" min={0} max={100} precision={2} style={{ width: 80 }} value={row(g.id).score ?? null} onChange={(v) => setRow(g.id, { score: v })} data-testid={`lead-${g.title}`} />
        : score(g.leadScore),
    },
  ];
}
