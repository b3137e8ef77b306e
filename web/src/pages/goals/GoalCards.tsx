// A subject's goals as cards — a member's or a department's: weights against 100, target, live
// actual and achievement, and the agreement flow (edit, propose, agree or send back, reopen) as far
// as the viewer may take part in it. The server has the last word on every step.
import { Alert, App, Button, Card, Flex, Input, Progress, Space, Tag, Typography } from "antd";
import { useGoalMutations, type Goal } from "../../api/goals";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { metricLabel, num, pct, unitParts, withUnit } from "./shared";

const STATUS_COLOR: Record<Goal["status"], string> = {
  draft: "default",
  proposed: "processing",
  agreed: "success",
  returned: "warning",
};

/** What the viewer may do with these goals: draft and propose them, answer a proposal, reopen an agreed goal. */
export interface GoalRights {
  edit: boolean;
  answer: (g: Goal) => boolean;
  reopen: (g: Goal) => boolean;
}

/** Test ids of the member's goals stay as they were ("goal-<title>", "weight-total" …); a department's carry a prefix. */
export function GoalList({
  goals,
  closed,
  rights,
  onEdit,
  prefix = "",
}: {
  goals: Goal[];
  closed: boolean;
  rights: GoalRights;
  onEdit: (g: Goal) => void;
  prefix?: string;
}) {
  const { t, locale } = useI18n();
  const m = useGoalMutations();
  const onError = useApiErrors();
  const { modal } = App.useApp();
  const total = goals.reduce((s, g) => s + g.weight, 0);
  const toPropose = rights.edit
    ? goals.filter((g) => g.status === "draft" || g.status === "returned")
    : [];
  const toAgree = goals.filter(rights.answer);
  const act = (list: Goal[], action: "propose" | "agree" | "reopen") =>
    m.act.mutate(
      list.map((g) => ({ id: g.id, version: g.version, action })),
      { onError: (e) => onError(e) },
    );
  const sendBack = (g: Goal) => {
    let comment = "";
    modal.confirm({
      title: t("goals.returnReason"),
      content: (
        <Input.TextArea
          data-testid="return-reason"
          onChange={(e) => {
            comment = e.target.value;
          }}
        />
      ),
      onOk: () =>
        m.act
          .mutateAsync([{ id: g.id, version: g.version, action: "return", comment }])
          .catch((e: unknown) => onError(e)),
    });
  };
  return (
    <Flex vertical gap={12}>
      <Alert
        type={total === 100 ? "success" : "warning"}
        showIcon
        message={total === 100 ? t("goals.weightOk") : t("goals.weightTotal", { total })}
        data-testid={`${prefix}weight-total`}
      />
      {goals.map((g) => (
        <Card
          key={g.id}
          size="small"
          type="inner"
          data-testid={`${prefix}goal-${g.title}`}
          title={
            <Space wrap size={4}>
              <span>{g.title}</span>
              <Tag>{g.weight}%</Tag>
              <Tag color={STATUS_COLOR[g.status]} data-testid="goal-status">
                {t(`goals.status.${g.status}`)}
              </Tag>
              {g.agreementNo > 1 ? <Tag>{t("goals.agreement", { no: g.agreementNo })}</Tag> : null}
            </Space>
          }
        >
          <Typography.Text type="secondary" data-testid="goal-metric-label">
            {metricLabel(t, g.metric)}
          </Typography.Text>
          <Flex gap={16} wrap style={{ marginTop: 4 }}>
            <span>
              {t("goals.target")}: <b>{withUnit(locale, g.target, g.unit)}</b>
            </span>
            <span>
              {t("goals.actual")}: {g.actual !== null ? unitParts(locale, g.unit).before : ""}
              <b data-testid="goal-actual">{num(g.actual)}</b>
              {g.actual !== null ? unitParts(locale, g.unit).after : ""}{" "}
              {g.actualSource === "kpi" ? (
                <Typography.Text type="secondary">({t("goals.actual.kpi")})</Typography.Text>
              ) : g.actualSource === "final" ? (
                <Typography.Text type="secondary">({t("goals.actual.final")})</Typography.Text>
              ) : null}
            </span>
          </Flex>
          {g.achievement !== null ? (
            <Progress
              percent={Math.round(g.achievement * 1000) / 10}
              status={g.achievement >= 1 ? "success" : "active"}
              format={() => pct(g.achievement)}
            />
          ) : null}
          {g.statusComment ? (
            <Alert type="warning" style={{ marginTop: 8 }} message={g.statusComment} />
          ) : null}
          {!closed ? (
            <Space wrap style={{ marginTop: 8 }}>
              {rights.edit && (g.status === "draft" || g.status === "returned") ? (
                <>
                  <Button size="small" onClick={() => onEdit(g)} data-testid="edit">
                    {t("goals.edit")}
                  </Button>
                  {g.agreementNo === 1 ? (
                    <Button
                      size="small"
                      danger
                      onClick={() => m.remove.mutate(g.id, { onError: (e) => onError(e) })}
                    >
                      {t("goals.remove")}
                    </Button>
                  ) : null}
                </>
              ) : null}
              {rights.answer(g) ? (
                <>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => act([g], "agree")}
                    data-testid="agree"
                  >
                    {t("goals.agree")}
                  </Button>
                  <Button size="small" onClick={() => sendBack(g)} data-testid="return">
                    {t("goals.return")}
                  </Button>
                </>
              ) : g.status === "proposed" ? (
                <Typography.Text type="secondary" data-testid="waiting">
                  {t("goals.waiting")}
                </Typography.Text>
              ) : null}
              {g.status === "agreed" && rights.reopen(g) ? (
                <Button size="small" onClick={() => act([g], "reopen")}>
                  {t("goals.reopen")}
                </Button>
              ) : null}
            </Space>
          ) : null}
        </Card>
      ))}
      {!closed && (toPropose.length || toAgree.length > 1) ? (
        <Space wrap>
          {toPropose.length ? (
            <Button
              type="primary"
              onClick={() => act(toPropose, "propose")}
              loading={m.act.isPending}
              data-testid={`${prefix}propose-all`}
            >
              {t("goals.proposeAll")}
            </Button>
          ) : null}
          {toAgree.length > 1 ? (
            <Button
              type="primary"
              onClick={() => act(toAgree, "agree")}
              loading={m.act.isPending}
              data-testid={`${prefix}agree-all`}
            >
              {t("goals.agreeAll")}
            </Button>
          ) : null}
        </Space>
      ) : null}
    </Flex>
  );
}
