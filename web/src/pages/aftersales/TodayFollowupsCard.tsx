// A 客服 member's 好评回访 follow-ups on Today: how many and the minutes they take of the day (what
// the engine keeps free for them), each order to call with the rule's script, and the outcome
// buttons — good review, bad review turned good, no answer, bad review (which opens a complaint case
// with its own clock; the server does that and says so).
import { App, Button, Card, List, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  FOLLOWUP_OUTCOMES,
  useRecordFollowup,
  type FollowupOutcome,
} from "../../api/aftersales-care";
import type { Today } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { messageText } from "../../i18n/messages";

type TodayFollowup = Today["followups"][number];

export const outcomeLabel = (locale: Parameters<typeof messageText>[0], o: string) =>
  messageText(locale, `aftersales.followup.outcome.${o}`) ?? o;

/** Shown at first; the rest behind "show all" (a rule may bring a day of orders at once). */
const FIRST = 5;

export function TodayFollowupsCard({
  followups,
  readOnly,
}: {
  followups: readonly TodayFollowup[];
  readOnly: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const record = useRecordFollowup();
  const [all, setAll] = useState(false);
  const shown = all ? followups : followups.slice(0, FIRST);
  const go = (f: TodayFollowup, outcome: FollowupOutcome) =>
    record.mutate(
      { id: f.id, outcome, version: f.version },
      {
        onSuccess: () =>
          void message.success(
            t("aftersales.today.recorded", { outcome: outcomeLabel(locale, outcome) }),
          ),
        onError: (e) => showError(e),
      },
    );
  return (
    <Card
      size="small"
      title={t("aftersales.today.followups")}
      extra={
        <Typography.Text type="secondary">
          {t("aftersales.today.followupsCount", {
            count: followups.length,
            minutes: followups.reduce((s, f) => s + f.estimatedMinutes, 0),
          })}
        </Typography.Text>
      }
      data-testid="today-followups"
    >
      <List
        dataSource={[...shown]}
        rowKey="id"
        renderItem={(f) => (
          <List.Item data-testid="today-followup" style={{ display: "block" }}>
            <Space orientation="vertical" size={6} style={{ width: "100%" }}>
              <Space size={8} wrap style={{ justifyContent: "space-between", width: "100%" }}>
                <Typography.Text strong>
                  {f.caseId ? (
                    <Link to={`/aftersales/cases/${f.caseId}`}>
                      {t("aftersales.today.followupOrder", { order: f.platformOrderId ?? "—" })}
                    </Link>
                  ) : (
                    t("aftersales.today.followupOrder", { order: f.platformOrderId ?? "—" })
                  )}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.ruleName} · {t("aftersales.today.followupDue", { date: f.dueDate })}
                </Typography.Text>
              </Space>
              <Typography.Paragraph
                style={{
                  margin: 0,
                  padding: "6px 10px",
                  background: "rgba(0,0,0,0.03)",
                  borderRadius: 6,
                  whiteSpace: "pre-wrap",
                }}
                data-testid="today-followup-script"
              >
                {f.script}
              </Typography.Paragraph>
              {!readOnly && (
                <Space size={6} wrap data-testid="today-followup-outcomes">
                  {FOLLOWUP_OUTCOMES.map((o) => (
                    <Button
                      key={o}
                      size="small"
                      danger={o === "bad_review"}
                      loading={
                        record.isPending &&
                        record.variables?.id === f.id &&
                        record.variables.outcome === o
                      }
                      onClick={() => go(f, o)}
                      data-testid={`followup-${o}`}
                    >
                      {t(`aftersales.today.outcome.${o}`)}
                    </Button>
                  ))}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      {followups.length > FIRST && (
        <Button type="link" block onClick={() => setAll(!all)} data-testid="today-followups-all">
          {all
            ? t("aftersales.today.followupsFewer")
            : t("aftersales.today.followupsAll", { count: followups.length })}
        </Button>
      )}
    </Card>
  );
}
