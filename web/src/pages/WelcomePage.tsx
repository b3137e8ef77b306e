import { ExperimentOutlined, ShopOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Row, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useInstance, useOpenDemo, useSignedInChange } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";

/** First visit to an empty instance: create a workspace, or look around the demo shop. */
export function WelcomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const instance = useInstance();
  const openDemo = useOpenDemo();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const demoPossible = instance.data ? instance.data.demoAvailable || instance.data.demoExists : true;

  const demo = () =>
    openDemo.mutate(undefined, {
      onSuccess: async (creds) => {
        void message.info(t("welcome.demoOpened", creds), 8);
        await signedIn();
        void navigate("/today");
      },
      onError: (e) => onError(e),
    });

  return (
    <PublicLayout title={t("welcome.title")} subtitle={t("welcome.subtitle")} wide>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}><ShopOutlined /> {t("welcome.create")}</Typography.Title>
            <Typography.Paragraph type="secondary">{t("welcome.createDesc")}</Typography.Paragraph>
            <Button type="primary" size="large" block onClick={() => void navigate("/signup")} data-testid="welcome-create">
              {t("welcome.create")}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}><ExperimentOutlined /> {t("welcome.demo")}</Typography.Title>
            <Typography.Paragraph type="secondary">{demoPossible ? t("welcome.demoDesc") : t("welcome.demoUnavailable")}</Typography.Paragraph>
            <Button size="large" block disabled={!demoPossible} loading={openDemo.isPending} onClick={demo} data-testid="welcome-demo">
              {t("welcome.demo")}
            </Button>
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        {t("auth.haveAccount")} <Typography.Link onClick={() => void navigate("/login")}>{t("auth.login")}</Typography.Link>
      </Typography.Paragraph>
    </PublicLayout>
  );
}
