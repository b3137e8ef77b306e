// The daily report (日报): drafted from the data, completed and submitted by the member; the lead's
// view of who has submitted today (with nudge), a report with comments (点评) and acknowledge, and
// history by member and date.
import { BellOutlined, CheckCircleOutlined, SendOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Progress,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useAllMembers } from "../../api/hooks";
import {
  useNudge,
  useReport,
  useReportHistory,
  useReportMutations,
  useReportStatus,
  useToday,
  type Report,
} from "../../api/plans";
import type { Me } from "../../api/types";
import { errorText, useApiErrors } from "../../components/errors";
import { formatDateTime } from "../../components/labels";
import { addDays } from "../../components/plans/dates";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { renderMessage } from "../../i18n/messages";
import { canPlan } from "./PlansPage";

const statusColor = { none: "default", draft: "gold", submitted: "green" } as const;

function DraftSections({ report }: { report: Report }) {
  const { t, locale } = useI18n();
  const d = report.draft;
  if (!d) return null;
  const none = <Typography.Text type="secondary">{t("report.nothing")}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text strong data-testid="report-hours">
        {t("report.hours", { planned: d.plannedHours, actual: d.actualHours })}
      </Typography.Text>
      <Card size="small" title={t("report.done")} data-testid="report-done">
        {d.done.length
          ? d.done.map((x, i) => (
              <div key={i}>
                ✓ {x.title}{" "}
                <Typography.Text type="secondary">
                  {x.planName ? `· ${x.planName} ` : ""}·{" "}
                  {t("report.itemHours", { hours: x.hours })}
                </Typography.Text>
              </div>
            ))
          : none}
      </Card>
      <Card size="small" title={t("report.unplanned")} data-testid="report-unplanned">
        {d.unplanned.length
          ? d.unplanned.map((x, i) => (
              <div key={i}>
                + {x.title}{" "}
                <Typography.Text type="secondary">
                  · {t("report.itemHours", { hours: x.hours })}
                </Typography.Text>
              </div>
            ))
          : none}
      </Card>
      <Card
        size="small"
        title={
          d.tomorrow.date
            ? t("report.tomorrow", { date: d.tomorrow.date })
            : t("report.tomorrow", { date: "—" })
        }
      >
        {d.tomorrow.items.length
          ? d.tomorrow.items.map((x, i) => (
              <div key={i}>
                · {x.title}{" "}
                <Typography.Text type="secondary">
                  {x.planName ? `· ${x.planName} ` : ""}·{" "}
                  {t("report.itemHours", { hours: x.hours })}
                </Typography.Text>
              </div>
            ))
          : none}
      </Card>
      {d.metrics.length ? (
        <Card size="small" title={t("report.metrics")}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            data-testid="report-metrics"
            items={d.metrics.map((m, i) => ({
              key: i,
              // The label is a message: rendered in the page's language, not the server's text.
              label: renderMessage(locale, m.message),
              children: String(m.value),
            }))}
          />
        </Card>
      ) : null}
    </Space>
  );
}

function Comments({ report, me }: { report: Report; me: Me }) {
  const { t, locale } = useI18n();
  const { comment, acknowledge } = useReportMutations(report.memberId, report.date);
  const onError = useApiErrors();
  const [text, setText] = useState("");
  const lead = report.memberId !== me.member.id && canPlan(me);
  return (
    <Card
      size="small"
      title={t("report.comments")}
      data-testid="report-comments"
      extra={
        lead && report.status === "submitted" ? (
          report.acknowledgedBy ? (
            <Tag color="green" icon={<CheckCircleOutlined />}>
              {t("report.acknowledged")}
            </Tag>
          ) : (
            <Button
              size="small"
              icon={<CheckCircleOutlined />}
              loading={acknowledge.isPending}
              data-testid="report-ack"
              onClick={() => acknowledge.mutate(undefined, { onError: (e) => onError(e) })}
            >
              {t("report.acknowledge")}
            </Button>
          )
        ) : report.acknowledgedBy ? (
          <Tag color="green">{t("report.acknowledged")}</Tag>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={report.comments}
        locale={{ emptyText: t("report.noComments") }}
        renderItem={(c) => (
          <List.Item data-testid="report-comment">
            <List.Item.Meta
              title={
                <>
                  {c.authorName}{" "}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(c.createdAt, locale)}
                  </Typography.Text>
                </>
              }
              description={
                <span style={{ whiteSpace: "pre-wrap", color: "inherit" }}>{c.body}</span>
              }
            />
          </List.Item>
        )}
      />
      {report.status !== "none" ? (
        <Space.Compact style={{ width: "100%", marginTop: 8 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("report.commentPlaceholder")}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            data-testid="comment-input"
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!text.trim()}
            loading={comment.isPending}
            data-testid="comment-send"
            onClick={() =>
              comment.mutate(text.trim(), {
                onSuccess: () => setText(""),
                onError: (e) => onError(e),
              })
            }
          >
            {t("report.send")}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}

/** Someone's report as submitted (read-only), with comments. */
export function ReportView({ report, me }: { report: Report; me: Me }) {
  const { t, locale } = useI18n();
  const d = report.draft;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="report-view">
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {report.memberName} · {report.date}
        </Typography.Title>
        <Tag color={statusColor[report.status]} data-testid="report-status">
          {t(`report.status.${report.status}` as MessageKey)}
        </Tag>
        {report.submittedAt ? (
          <Typography.Text type="secondary">
            {t("report.submittedAt", { time: formatDateTime(report.submittedAt, locale) })}
          </Typography.Text>
        ) : null}
      </Flex>
      <DraftSections report={report} />
      {d?.notDone.length ? (
        <Card size="small" title={t("report.notDone")}>
          {d.notDone.map((n) => (
            <div key={n.taskId} style={{ marginBottom: 6 }}>
              ✗ {n.title}{" "}
              <Typography.Text type="secondary">
                · {t("report.loggedOfPlanned", { logged: n.loggedHours, planned: n.plannedHours })}
                {n.remainingHours !== null
                  ? ` · ${t("task.remaining", { hours: n.remainingHours })}`
                  : ""}
              </Typography.Text>
              {n.reason ? (
                <div style={{ paddingLeft: 16 }}>
                  <Typography.Text type="secondary">{t("task.reason")}: </Typography.Text>
                  {n.reason}
                </div>
              ) : null}
            </div>
          ))}
        </Card>
      ) : null}
      {report.blockers || report.helpNeeded || report.note ? (
        <Card size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(report.blockers
                ? [
                    {
                      key: "b",
                      label: t("report.blockers"),
                      children: <span style={{ whiteSpace: "pre-wrap" }}>{report.blockers}</span>,
                    },
                  ]
                : []),
              ...(report.helpNeeded
                ? [
                    {
                      key: "h",
                      label: t("report.helpNeeded"),
                      children: <span style={{ whiteSpace: "pre-wrap" }}>{report.helpNeeded}</span>,
                    },
                  ]
                : []),
              ...(report.note
                ? [
                    {
                      key: "n",
                      label: t("report.note"),
                      children: <span style={{ whiteSpace: "pre-wrap" }}>{report.note}</span>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      <Comments report={report} me={me} />
    </Space>
  );
}

interface ReportForm {
  blockers: string;
  helpNeeded: string;
  note: string;
  reasons: Record<string, string>;
}

function MyReport({ me, date }: { me: Me; date: string }) {
  const { t } = useI18n();
  const report = useReport(me.member.id, date);
  const { save } = useReportMutations(me.member.id, date);
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const r = report.data;
  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      blockers: r.blockers ?? "",
      helpNeeded: r.helpNeeded ?? "",
      note: r.note ?? "",
      reasons: Object.fromEntries((r.draft?.notDone ?? []).map((n) => [n.taskId, n.reason ?? ""])),
    });
  }, [r?.version, r?.status, form]);
  if (report.isError) return <Alert type="error" title={errorText(report.error, t)} />;
  if (!r) return <Card loading />;
  if (r.status === "submitted") return <ReportView report={r} me={me} />;

  const submit = (submitIt: boolean) => {
    const v = form.getFieldsValue(true) as ReportForm;
    const reasons = Object.fromEntries(
      Object.entries(v.reasons ?? {})
        .map(([k, x]) => [k, (x ?? "").trim()])
        .filter(([, x]) => x),
    );
    save.mutate(
      {
        version: r.id ? r.version : undefined,
        blockers: v.blockers?.trim() ?? "",
        helpNeeded: v.helpNeeded?.trim() ?? "",
        note: v.note?.trim() ?? "",
        reasons,
        submit: submitIt,
      },
      {
        onSuccess: () => void message.success(submitIt ? t("report.submitted") : t("common.saved")),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            void message.warning(t("error.conflict"));
            void report.refetch();
            return;
          }
          if (e instanceof ApiError && e.fieldErrors.some((f) => f.field.startsWith("reasons."))) {
            form.setFields(
              e.fieldErrors
                .filter((f) => f.field.startsWith("reasons."))
                .map((f) => ({
                  name: ["reasons", f.field.slice(8)],
                  errors: [t("report.reasonRequired")],
                })),
            );
            void message.error(t("report.reasonRequired"));
            return;
          }
          onError(e, form);
        },
      },
    );
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Form form={form} layout="vertical" data-testid="report-form">
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t("report.mine")} · {date}
              </Typography.Title>
              <Tag color={statusColor[r.status]} data-testid="report-status">
                {t(`report.status.${r.status}` as MessageKey)}
              </Tag>
            </Flex>
            <DraftSections report={r} />
            <Card size="small" title={t("report.notDone")} data-testid="report-not-done">
              {r.draft?.notDone.length ? (
                r.draft.notDone.map((n) => (
                  <Form.Item
                    key={n.taskId}
                    name={["reasons", n.taskId]}
                    data-testid="report-reason"
                    label={
                      <span>
                        ✗ {n.title}{" "}
                        <Typography.Text type="secondary">
                          ·{" "}
                          {t("report.loggedOfPlanned", {
                            logged: n.loggedHours,
                            planned: n.plannedHours,
                          })}
                          {n.remainingHours !== null
                            ? ` · ${t("task.remaining", { hours: n.remainingHours })}`
                            : ""}
                        </Typography.Text>
                      </span>
                    }
                  >
                    <Input placeholder={t("report.reasonFor")} maxLength={500} />
                  </Form.Item>
                ))
              ) : (
                <Typography.Text type="secondary">{t("report.nothing")}</Typography.Text>
              )}
            </Card>
            <Card size="small">
              <Form.Item name="blockers" label={t("report.blockers")}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="helpNeeded" label={t("report.helpNeeded")}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="note" label={t("report.note")} style={{ marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={4000} />
              </Form.Item>
              <Space wrap>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={save.isPending}
                  onClick={() => submit(true)}
                  data-testid="report-submit"
                >
                  {t("report.submit")}
                </Button>
                <Button
                  onClick={() => submit(false)}
                  loading={save.isPending}
                  data-testid="report-save"
                >
                  {t("report.saveDraft")}
                </Button>
              </Space>
            </Card>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={10}>
        <Comments report={r} me={me} />
      </Col>
    </Row>
  );
}

function TeamReports({ me, date }: { me: Me; date: string }) {
  const { t } = useI18n();
  const status = useReportStatus(date, undefined, true);
  const nudge = useNudge();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const s = status.data;
  return (
    <Card
      size="small"
      loading={status.isPending}
      data-testid="team-reports"
      title={
        s ? (
          <Flex gap={12} align="center" wrap>
            <span>
              {t("report.team")} · {s.date}
            </span>
            <Progress
              percent={s.total ? Math.round((s.submitted / s.total) * 100) : 0}
              size="small"
              style={{ width: 120, margin: 0 }}
              showInfo={false}
            />
            <Typography.Text data-testid="report-count">
              {t("report.submittedCount", { submitted: s.submitted, total: s.total })}
            </Typography.Text>
          </Flex>
        ) : (
          t("report.team")
        )
      }
    >
      <List
        size="small"
        dataSource={(s?.items ?? []).filter(
          (i) => i.memberId !== me.member.id || me.member.role === "owner",
        )}
        renderItem={(i) => (
          <List.Item
            data-testid="team-report-row"
            data-member={i.name}
            actions={[
              i.status === "submitted" ? (
                <Button
                  key="o"
                  size="small"
                  onClick={() => void navigate(`/reports/${i.memberId}/${date}`)}
                  data-testid="report-open"
                >
                  {t("report.open")}
                </Button>
              ) : (
                <Button
                  key="n"
                  size="small"
                  icon={<BellOutlined />}
                  loading={nudge.isPending && nudge.variables === i.memberId}
                  data-testid="report-nudge"
                  onClick={() =>
                    nudge.mutate(i.memberId, {
                      onSuccess: () => void message.success(t("report.nudged")),
                      onError: (e) => onError(e),
                    })
                  }
                >
                  {t("report.nudge")}
                </Button>
              ),
            ]}
          >
            <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
              <Typography.Text>{i.name}</Typography.Text>
              <Tag color={statusColor[i.status]} data-testid="team-report-status">
                {t(`report.status.${i.status}` as MessageKey)}
              </Tag>
              {i.acknowledged ? <Tag color="green">{t("report.acknowledged")}</Tag> : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function History({ me, date }: { me: Me; date: string }) {
  const { t } = useI18n();
  const lead = canPlan(me);
  const members = useAllMembers();
  const [memberId, setMemberId] = useState(me.member.id);
  const [from, setFrom] = useState(addDays(date, -30));
  const [to, setTo] = useState(date);
  const history = useReportHistory(memberId, from, to);
  const navigate = useNavigate();
  return (
    <Card size="small" data-testid="report-history">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {lead ? (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 160 }}
            value={memberId}
            onChange={setMemberId}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        ) : null}
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 150 }}
          aria-label={t("plans.startDate")}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 150 }}
          aria-label={t("report.date")}
        />
      </Flex>
      <List
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.noHistory")} />
          ),
        }}
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button
                key="o"
                size="small"
                onClick={() => void navigate(`/reports/${memberId}/${h.date}`)}
              >
                {t("report.open")}
              </Button>,
            ]}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Flex gap={6} align="center">
                <Typography.Text>{h.date}</Typography.Text>
                <Tag color={statusColor[h.status]}>
                  {t(`report.status.${h.status}` as MessageKey)}
                </Tag>
                {h.acknowledgedBy ? <Tag color="green">{t("report.acknowledged")}</Tag> : null}
              </Flex>
              {h.blockers ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {t("report.blockers")}: {h.blockers}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ReportsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const today = useToday();
  const date = today.data?.date;
  const lead = canPlan(me);
  const [tab, setTab] = useState("mine");
  if (!date) return <Card loading />;
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: "mine", label: t("report.mine"), children: <MyReport me={me} date={date} /> },
        ...(lead
          ? [
              {
                key: "team",
                label: t("report.team"),
                children: <TeamReports me={me} date={date} />,
              },
            ]
          : []),
        { key: "history", label: t("report.history"), children: <History me={me} date={date} /> },
      ]}
    />
  );
}

/** /reports/:memberId/:date — one report, for the lead (comment, acknowledge) or the member. */
export function ReportDetailPage({ me }: { me: Me }) {
  const { memberId = "", date = "" } = useParams();
  const { t } = useI18n();
  const report = useReport(memberId, date);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Link to="/reports">← {t("report.back")}</Link>
      {report.isError ? (
        <Alert type="error" title={errorText(report.error, t)} />
      ) : !report.data ? (
        <Card loading />
      ) : (
        <ReportView report={report.data} me={me} />
      )}
    </Space>
  );
}
