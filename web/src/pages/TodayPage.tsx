import { Alert, Card, Typography } from "antd";
import type { Me } from "../api/types";
import { useI18n } from "../i18n";

export function TodayPage({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Card title={t("today.title")}>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="today-hello">{t("today.hello", { name: me.member.name })}</Typography.Title>
      {me.workspace.isDemo ? <Alert type="info" showIcon title={t("today.demo")} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t("today.placeholder")}</Typography.Paragraph>
    </Card>
  );
}
