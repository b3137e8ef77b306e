// One member's statement of a run; someone else's is refused by the server and shown as "not allowed".
import { Alert, Card, Flex, Space, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { useStatement } from "../../api/pay";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { RunStatus } from "./PayRunsPage";
import { Refused } from "./shared";
import { StatementView } from "./StatementView";

export function StatementPage() {
  const { role } = useMe();
  const { id = "", memberId = "" } = useParams();
  const { t } = useI18n();
  const q = useStatement(id, memberId);
  const back =
    role === "member" ? (
      <Link to="/pay/me">{t("pay.me.title")}</Link>
    ) : (
      <Link to={`/pay/runs/${id}`}>{t("pay.runs.title")}</Link>
    );
  if (q.isError)
    return (
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{back} /</Typography.Text>
        <Refused error={q.error} />
      </Space>
    );
  if (!q.data) return <Card loading />;
  const { run, statement } = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space orientation="vertical" size={2}>
        <Typography.Text type="secondary">{back} /</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="statement-title">
            {t("pay.statement.title", { name: statement.memberName, period: run.period })}
          </Typography.Title>
          <RunStatus run={{ status: run.status === "locked" ? "locked" : "draft" }} />
        </Flex>
      </Space>
      {run.status !== "locked" ? (
        <Alert type="warning" showIcon title={t("pay.statement.draft")} />
      ) : null}
      <StatementView statement={statement} />
    </Space>
  );
}
