// Who in the team has submitted today's report: open a submitted one, nudge the others.
import { BellOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, List, Progress, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useNudge, useReportStatus } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMe } from "../../me";
import { statusColor } from "./ReportView";

export function TeamReports({ date }: { date: string }) {
  const { t } = useI18n();
  const { can } = useMe();
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
        dataSource={(s?.items ?? []).filter((i) =>
          can("daily.report.team_row", { memberId: i.memberId, departmentId: i.departmentId }),
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
