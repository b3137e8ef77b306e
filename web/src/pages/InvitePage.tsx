import { Alert, Button, Divider, Form, Input, Spin, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import {
  useAcceptInvitation,
  useInvitationLookup,
  useLogout,
  useMe,
  useSignedInChange,
} from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { roleLabel } from "../components/labels";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

interface Values {
  name: string;
  email: string;
  password: string;
}

/**
 * An invitation link. Signed in, the person joins with their account (no password asked here);
 * signed out, they either sign in first (back to this page) or create a new account.
 */
export function InvitePage() {
  const { token = "" } = useParams();
  const { t } = useI18n();
  const lookup = useInvitationLookup(token);
  const me = useMe();
  const accept = useAcceptInvitation();
  const logout = useLogout();
  const signedIn = useSignedInChange();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();

  if (lookup.isPending || me.isPending)
    return (
      <PublicLayout title={t("common.loading")}>
        <Spin />
      </PublicLayout>
    );
  if (lookup.isError || !lookup.data) {
    return (
      <PublicLayout title={t("invite.invalid")}>
        <Alert type="error" showIcon title={t("invite.invalid")} />
      </PublicLayout>
    );
  }
  const inv = lookup.data;
  const joined = {
    onSuccess: async () => {
      await signedIn();
      void navigate("/today", { replace: true });
    },
  };
  const title = t("invite.title", { workspace: inv.workspaceName });
  const subtitle = t("invite.subtitle", { role: roleLabel(t, inv.role) });

  if (me.data) {
    const account = me.data.user.email;
    return (
      <PublicLayout title={title} subtitle={subtitle}>
        <Alert
          type="info"
          showIcon
          title={t("invite.signedInAs", { email: account, workspace: inv.workspaceName })}
          style={{ marginBottom: 16 }}
        />
        <Button
          type="primary"
          block
          size="large"
          loading={accept.isPending}
          data-testid="invite-join"
          onClick={() => accept.mutate({ token }, { ...joined, onError: (e) => onError(e) })}
        >
          {t("invite.accept")}
        </Button>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Button
            type="link"
            style={{ padding: 0 }}
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(false, { onSuccess: () => void signedIn(), onError: (e) => onError(e) })
            }
          >
            {t("invite.notYou")}
          </Button>
        </Typography.Paragraph>
      </PublicLayout>
    );
  }

  const submit = (v: Values) =>
    accept.mutate({ token, ...v }, { ...joined, onError: (e) => onError(e, form) });
  return (
    <PublicLayout title={title} subtitle={subtitle}>
      <Typography.Paragraph>{t("invite.haveAccount")}</Typography.Paragraph>
      <Button
        block
        size="large"
        data-testid="invite-sign-in"
        onClick={() => void navigate("/login", { state: { from: `/invite/${token}` } })}
      >
        {t("invite.signInFirst")}
      </Button>
      <Divider />
      <Typography.Paragraph>{t("invite.newAccount")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ email: inv.email ?? "" }}
        data-testid="invite-form"
      >
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
          <Input
            autoComplete="username"
            readOnly={Boolean(inv.email)}
            maxLength={LIMITS.emailMax}
          />
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
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          {t("invite.accept")}
        </Button>
      </Form>
    </PublicLayout>
  );
}
