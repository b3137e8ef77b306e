import { Button, Form, Input, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { useSignedInChange, useSignup, type SignupInput } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

export function SignupPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<SignupInput>();
  const signup = useSignup();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const navigate = useNavigate();

  const submit = (v: SignupInput) =>
    signup.mutate(
      { ...v, locale },
      {
        onSuccess: async () => {
          await signedIn();
          void navigate("/onboarding", { replace: true });
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <PublicLayout title={t("auth.signupTitle")}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        data-testid="signup-form"
      >
        <Form.Item
          name="workspaceName"
          label={t("auth.workspaceName")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input maxLength={LIMITS.workspaceNameMax} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("auth.yourName")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input autoComplete="name" maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("common.email")}
          rules={[{ required: true, type: "email", message: t("common.required") }]}
        >
          <Input autoComplete="username" inputMode="email" maxLength={LIMITS.emailMax} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("common.password")}
          extra={t("auth.passwordHint", { min: LIMITS.passwordMin })}
          rules={[
            {
              required: true,
              min: LIMITS.passwordMin,
              message: t("auth.passwordHint", { min: LIMITS.passwordMin }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={signup.isPending}>
          {t("auth.signup")}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t("auth.haveAccount")} <Link to="/login">{t("auth.login")}</Link>
      </Typography.Paragraph>
    </PublicLayout>
  );
}
