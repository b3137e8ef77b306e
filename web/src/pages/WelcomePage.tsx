import { ExperimentOutlined, ShopOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useInstance, useLogin, useMe, useOpenDemo, useSignedInChange } from "../api/hooks";
import type { DemoAccount } from "../api/types";
import {
  DemoAccounts,
  rememberDemoPassword,
  rememberedDemoPassword,
} from "../components/DemoAccounts";
import { useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";

/**
 * First visit to an empty instance: create a workspace, or look around the demo shop. Once the
 * demo is open its accounts and their shared password stay on the page (not a passing toast).
 */
export function WelcomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const instance = useInstance();
  const openDemo = useOpenDemo();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const login = useLogin();
  const me = useMe();
  const [password, setPassword] = useState(rememberedDemoPassword);
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const demoPossible = instance.data
    ? instance.data.demoAvailable || instance.data.demoExists
    : true;
  const accounts = openDemo.data?.accounts ?? instance.data?.demoAccounts ?? [];

  const demo = () =>
    openDemo.mutate(undefined, {
      onSuccess: async (creds) => {
        rememberDemoPassword(creds.password);
        setPassword(creds.password);
        await signedIn();
      },
      onError: (e) => onError(e),
    });
  const signInAs = (a: DemoAccount) => {
    if (!password) return;
    setSigningIn(a.email);
    login.mutate(
      { email: a.email, password },
      {
        onSuccess: async () => {
          await signedIn();
          void navigate("/today");
        },
        onError: (e) => onError(e),
        onSettled: () => setSigningIn(null),
      },
    );
  };

  // Opening the demo signed this tab in as the owner; a later visit signs in first.
  const owner = accounts.find((a) => a.role === "owner");
  const enter = () => (me.data || !owner ? void navigate("/today") : signInAs(owner));

  if (password && accounts.length > 0) {
    return (
      <PublicLayout title={t("welcome.demoReady")} subtitle={t("welcome.demoReadyDesc")} wide>
        <Flex vertical gap={16}>
          <DemoAccounts
            accounts={accounts}
            password={password}
            action={{ label: t("demo.signInAs"), run: signInAs, pending: signingIn }}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={signingIn === owner?.email}
            onClick={enter}
            data-testid="demo-enter"
          >
            {t("welcome.demoEnter")}
          </Button>
        </Flex>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t("welcome.title")} subtitle={t("welcome.subtitle")} wide>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              <ShopOutlined /> {t("welcome.create")}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t("welcome.createDesc")}</Typography.Paragraph>
            <Button
              type="primary"
              size="large"
              block
              onClick={() => void navigate("/signup")}
              data-testid="welcome-create"
            >
              {t("welcome.create")}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              <ExperimentOutlined /> {t("welcome.demo")}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {demoPossible ? t("welcome.demoDesc") : t("welcome.demoUnavailable")}
            </Typography.Paragraph>
            <Button
              size="large"
              block
              disabled={!demoPossible}
              loading={openDemo.isPending}
              onClick={demo}
              data-testid="welcome-demo"
            >
              {t("welcome.demo")}
            </Button>
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
        {t("auth.haveAccount")}{" "}
        <Typography.Link onClick={() => void navigate("/login")}>{t("auth.login")}</Typography.Link>
      </Typography.Paragraph>
    </PublicLayout>
  );
}
