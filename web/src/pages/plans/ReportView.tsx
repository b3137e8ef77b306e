// A daily report as written: the sections drafted from the data (done, unplanned, tomorrow, the
// role's numbers) and, once submitted, what was not done and why, blockers and notes, comments.
import { Card, Descriptions, Flex, Space, Tag, Typography } from "antd";
import type { Report } from "../../api/plans";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { renderMessage } from "../../i18n/messages";
import { Comments } from "./ReportComments";

export const statusColor = { none: "default", draft: "gold", submitted: "green" } as const;

export function DraftSections({ report }: { report: Report }) {
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

/** Someone's report as submitted (read-only), with comments. */
export function ReportView({ report }: { report: Report }) {
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
      <Comments report={report} />
    </Space>
  );
}
