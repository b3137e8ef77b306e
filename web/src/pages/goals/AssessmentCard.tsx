// The self-assessment and the review of a member's cycle: actuals (typed for manual goals, live
// for KPI goals), self scores and the report; the lead's scores, comment and the final score.
import { Alert, App, Button, Card, Flex, Grid, Input, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useAssessment, useGoalCycles, useGoalMutations } from "../../api/goals";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { columnsFor, type RowValues } from "./assessmentColumns";

export function AssessmentCard({ cycleId, memberId }: { cycleId: string; memberId: string }) {
  const { t, locale } = useI18n();
  const a = useAssessment(cycleId, memberId);
  const cycle = useGoalCycles().data?.items.find((c) => c.id === cycleId);
  const m = useGoalMutations();
  const onError = useApiErrors();
  const { message, modal } = App.useApp();
  const [report, setReport] = useState("");
  const [reviewComment, setReviewComment] = useState("");
  const [rows, setRows] = useState<Record<string, RowValues>>({});
  const data = a.data;
  useEffect(() => {
    if (!data) return;
    setReport(data.report ?? "");
    setReviewComment(data.reviewComment ?? "");
    setRows(
      Object.fromEntries(
        data.goals.map((g) => [
          g.id,
          {
            selfScore: g.selfScore,
            actual: g.metric.kind === "manual" ? g.actual : null,
            comment: g.selfComment,
            score: g.leadScore,
            leadComment: g.leadComment,
          },
        ]),
      ),
    );
  }, [data]);
  const row = (id: string) => rows[id] ?? {};
  const setRow = (id: string, v: RowValues) => setRows((r) => ({ ...r, [id]: { ...r[id], ...v } }));
  // On a phone the targets are on the goal cards above; the table keeps the actuals and scores.
  const phone = !Grid.useBreakpoint().md;
  const columns = useMemo(
    () =>
      columnsFor(t, locale, data, row, setRow).filter(
        (c) => !(phone && c.title === t("goals.target")),
      ),
    [t, locale, data, rows, phone],
  );
  if (!data) return null;
  const saveSelf = (submit: boolean) =>
    m.saveSelf.mutate(
      {
        cycleId,
        memberId,
        version: data.version,
        report,
        submit,
        goals: data.goals.map((g) => ({
          goalId: g.id,
          selfScore: row(g.id).selfScore ?? null,
          comment: row(g.id).comment ?? null,
          ...(g.metric.kind === "manual" && { actual: row(g.id).actual?.trim() || null }),
        })),
      },
      { onSuccess: () => void message.success(t("goals.saved")), onError: (e) => onError(e) },
    );
  const saveReview = (finalize?: { early: boolean }) =>
    m.review.mutate(
      {
        cycleId,
        memberId,
        version: data.version,
        comment: reviewComment,
        goals: data.goals.map((g) => ({
          goalId: g.id,
          score: row(g.id).score ?? null,
          comment: row(g.id).leadComment ?? null,
        })),
      },
      {
        onSuccess: (r) => {
          if (finalize)
            m.finalize.mutate(
              { cycleId, memberId, version: r.version, ...finalize },
              { onError: (e) => onError(e) },
            );
          else void message.success(t("goals.saved"));
        },
        onError: (e) => onError(e),
      },
    );
  // Before the cycle's end the final score would freeze today's actuals: say so and ask first.
  const finalize = () => {
    if (!cycle || cycle.phase === "ended") return saveReview({ early: false });
    const end = new Date(`${cycle.to}T00:00:00`).toLocaleDateString(locale, { dateStyle: "long" });
    modal.confirm({
      title: t("goals.finalizeEarly.title", { cycle: cycle.name }),
      content: t("goals.finalizeEarly.body", { end, name: data.memberName }),
      okText: t("goals.finalizeEarly.ok"),
      cancelText: t("common.cancel"),
      onOk: () => saveReview({ early: true }),
    });
  };
  const allAgreed = data.goals.every((g) => g.status === "agreed");
  return (
    <Card
      size="small"
      title={t("goals.assessment")}
      data-testid="assessment"
      extra={
        <Tag
          color={
            data.status === "final" ? "green" : data.status === "submitted" ? "orange" : "default"
          }
          data-testid="assessment-status"
        >
          {t(`goals.assessment.${data.status}`)}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        {data.finalScore !== null ? (
          <Alert
            type="success"
            showIcon
            data-testid="final-score"
            message={`${t("goals.finalScore")}: ${data.finalScore.toFixed(2)}`}
            description={t("goals.finalNote")}
          />
        ) : null}
        {!allAgreed && data.status === "open" ? (
          <Typography.Text type="secondary">{t("goals.assessment.needsAgreement")}</Typography.Text>
        ) : null}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.goals}
          columns={columns}
          scroll={{ x: true }}
        />
        <div>
          <Typography.Text strong>{t("goals.report")}</Typography.Text>
          {data.canSelfAssess ? (
            <Input.TextArea
              data-testid="report"
              rows={4}
              value={report}
              placeholder={t("goals.reportPlaceholder")}
              onChange={(e) => setReport(e.target.value)}
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="report-text">
              {data.report ?? "—"}
            </Typography.Paragraph>
          )}
        </div>
        {data.canSelfAssess ? (
          <Space wrap>
            <Button onClick={() => saveSelf(false)} loading={m.saveSelf.isPending}>
              {t("goals.saveDraft")}
            </Button>
            <Button
              type="primary"
              onClick={() => saveSelf(true)}
              loading={m.saveSelf.isPending}
              data-testid="submit-self"
            >
              {t("goals.submit")}
            </Button>
          </Space>
        ) : null}
        {data.canReview || data.reviewComment ? (
          <div>
            <Typography.Text strong>{t("goals.reviewComment")}</Typography.Text>
            {data.canReview ? (
              <Input.TextArea
                data-testid="review-comment"
                rows={3}
                value={reviewComment}
                onChange={(e) => setReviewComment(e.target.value)}
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>
                {data.reviewComment}
              </Typography.Paragraph>
            )}
          </div>
        ) : null}
        {data.canReview ? (
          <Space wrap>
            <Button onClick={() => saveReview()} loading={m.review.isPending}>
              {t("goals.saveReview")}
            </Button>
            <Button
              type="primary"
              onClick={finalize}
              loading={m.review.isPending || m.finalize.isPending}
              data-testid="finalize"
            >
              {t("goals.finalize")}
            </Button>
          </Space>
        ) : null}
      </Flex>
    </Card>
  );
}
