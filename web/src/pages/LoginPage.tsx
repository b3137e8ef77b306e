import { Button, Form, Input, Typography } from "antd";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../api/client";
import { useLogin, useSignedInChange } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

interface Values { email: string; password: string }

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const submit = (v: Values) =>
    login.mutate(v, {
      onSuccess: async () => {
        await signedIn();
        void navigate(from && from !== "/login" ? from : "/today", { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 401) form.setFields([{ name: "password", errors: [t("error.badLogin")] }]);
        else onError(e, form);
      },
    });

  return (
    <PublicLayout title={t("auth.loginTitle")}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
        <Form.Item name="email" label={t("common.email")} rules={[{ required: true, type: "email", message: t("common.required") }]}>
          <Input autoComplete="username" maxLength={LIMITS.emailMax} inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label={t("common.password")} rules={[{ required: true, message: t("common.required") }]}>
          <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>{t("auth.login")}</Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t("auth.noAccount")} <Link to="/signup">{t("auth.signup")}</Link>
      </Typography.Paragraph>
    </PublicLayout>
  );
}
