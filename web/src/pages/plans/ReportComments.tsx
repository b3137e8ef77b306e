// A daily report's comments (点评): the thread, a box to add one, and — for a lead reading someone
// else's submitted report — acknowledge.
import { CheckCircleOutlined, SendOutlined } from "@ant-design/icons";
import { Button, Card, Input, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useReportMutations, type Report } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";

export function Comments({ report }: { report: Report }) {
  const { t, locale } = useI18n();
  const { member, can } = useMe();
  const { comment, acknowledge } = useReportMutations(report.memberId, report.date);
  const onError = useApiErrors();
  const [text, setText] = useState("");
  // Someone else's report, read by one who plans (the owner, a lead), may be acknowledged.
  const lead = report.memberId !== member.id && can("plans.plan.create");
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
