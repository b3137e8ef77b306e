import { Alert, Button, Form, Input, Typography } from "antd";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../api/client";
import { useInstance, useLogin, useSignedInChange } from "../api/hooks";
import { DemoAccounts, rememberedDemoPassword } from "../components/DemoAccounts";
import { errorText, useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

interface Values {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  // On an instance whose only workspace is the demo, say how to sign in (the accounts; the
  // password where this tab opened the demo, else how to get a new one).
  const instance = useInstance().data;
  const demoAccounts = instance?.demoAccounts ?? [];
  const demoPassword = rememberedDemoPassword();

  const submit = (v: Values) =>
    login.mutate(v, {
      onSuccess: async () => {
        await signedIn();
        // "/" lands by who signed in: Today, or the queue for a 物流 member (Home in App.tsx).
        void navigate(from && from !== "/login" ? from : "/", { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 401)
          form.setFields([{ name: "password", errors: [errorText(e, t, locale)] }]);
        else onError(e, form);
      },
    });

  return (
    <PublicLayout title={t("auth.loginTitle")}>
      {demoAccounts.length > 0 ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          data-testid="demo-hint"
          title={t("demo.hintTitle")}
          description={
            <DemoAccounts
              accounts={demoAccounts}
              password={demoPassword}
              hint={
                <Typography.Paragraph data-testid="demo-no-password">
                  {t("demo.hintNoPassword")}{" "}
                  {instance?.demoAvailable ? (
                    <Link to="/welcome">{t("demo.hintReopen")}</Link>
                  ) : (
                    t("demo.hintServer")
                  )}
                </Typography.Paragraph>
              }
              action={{
                label: t("demo.use"),
                run: (a) =>
                  form.setFieldsValue({
                    email: a.email,
                    ...(demoPassword && { password: demoPassword }),
                  }),
              }}
            />
          }
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        data-testid="login-form"
      >
        <Form.Item
          name="email"
          label={t("common.email")}
          rules={[{ required: true, type: "email", message: t("common.required") }]}
        >
          <Input autoComplete="username" maxLength={LIMITS.emailMax} inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("common.password")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t("auth.login")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t("auth.noAccount")} <Link to="/signup">{t("auth.signup")}</Link>
      </Typography.Paragraph>
    </PublicLayout>
  );
}
