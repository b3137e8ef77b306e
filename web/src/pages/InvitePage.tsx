import { Alert, Button, Form, Input, Spin } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useAcceptInvitation, useInvitationLookup, useSignedInChange } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { roleLabel } from "../components/labels";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

interface Values { name: string; email: string; password: string }

export function InvitePage() {
  const { token = "" } = useParams();
  const { t } = useI18n();
  const lookup = useInvitationLookup(token);
  const accept = useAcceptInvitation();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();

  if (lookup.isPending) return <PublicLayout title={t("common.loading")}><Spin /></PublicLayout>;
  if (lookup.isError || !lookup.data) {
    return <PublicLayout title={t("invite.invalid")}><Alert type="error" showIcon title={t("invite.invalid")} /></PublicLayout>;
  }
  const inv = lookup.data;
  const submit = (v: Values) =>
    accept.mutate({ token, ...v }, {
      onSuccess: async () => {
        await signedIn();
        void navigate("/today", { replace: true });
      },
      onError: (e) => onError(e, form),
    });

  return (
    <PublicLayout title={t("invite.title", { workspace: inv.workspaceName })} subtitle={t("invite.subtitle", { role: roleLabel(t, inv.role) })}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ email: inv.email ?? "" }} data-testid="invite-form">
        <Form.Item name="name" label={t("auth.yourName")} rules={[{ required: true, whitespace: true, message: t("common.required") }]}>
          <Input autoComplete="name" maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="email" label={t("common.email")} rules={[{ required: true, type: "email", message: t("common.required") }]}>
          <Input autoComplete="username" readOnly={Boolean(inv.email)} maxLength={LIMITS.emailMax} />
        </Form.Item>
        <Form.Item name="password" label={t("common.password")} rules={[{ required: true, min: LIMITS.passwordMin, message: t("auth.passwordHint", { min: LIMITS.passwordMin }) }]}>
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>{t("invite.accept")}</Button>
      </Form>
    </PublicLayout>
  );
}
