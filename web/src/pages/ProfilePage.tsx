import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Form, Input, Row, Segmented, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { useChangePassword, useUpdateMe } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { roleLabel } from "../components/labels";
import { CalendarFeedCard } from "../components/plans/CalendarFeedCard";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";
import { SessionsCard, TokensCard } from "./ProfileAccessCards";

export function ProfilePage() {
  const { me } = useMe();
  const { t, locale, setLocale } = useI18n();
  const updateMe = useUpdateMe();
  const changePassword = useChangePassword();
  const qc = useQueryClient();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [nameForm] = Form.useForm<{ name: string }>();
  const [pwForm] = Form.useForm<{ currentPassword: string; newPassword: string }>();

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card size="small" title={t("profile.title")}>
            <Typography.Paragraph>
              {me.user.email} · {roleLabel(t, me.member.role)} ·{" "}
              <Link to={`/members/${me.member.id}`}>{t("member.calendar")}</Link>
            </Typography.Paragraph>
            <Form
              form={nameForm}
              layout="vertical"
              initialValues={{ name: me.user.name }}
              onFinish={(v) =>
                updateMe.mutate(
                  { name: v.name.trim() },
                  {
                    onSuccess: () => void message.success(t("common.saved")),
                    onError: (e) => onError(e, nameForm),
                  },
                )
              }
            >
              <Form.Item
                name="name"
                label={t("common.name")}
                rules={[{ required: true, whitespace: true, message: t("common.required") }]}
              >
                <Input maxLength={LIMITS.nameMax} />
              </Form.Item>
              <Button htmlType="submit" loading={updateMe.isPending}>
                {t("common.save")}
              </Button>
            </Form>
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 4 }}>
              {t("profile.language")}
            </Typography.Paragraph>
            <Segmented
              value={locale}
              data-testid="profile-language"
              options={[
                { value: "zh-CN", label: t("lang.zh-CN") },
                { value: "en", label: t("lang.en") },
              ]}
              onChange={(v) => {
                const l = v === "en" ? "en" : "zh-CN";
                setLocale(l);
                updateMe.mutate({ locale: l }, { onError: (e) => onError(e) });
              }}
            />
          </Card>
          <Card size="small" title={t("profile.password")}>
            <Form
              form={pwForm}
              layout="vertical"
              onFinish={(v) =>
                changePassword.mutate(v, {
                  onSuccess: () => {
                    pwForm.resetFields();
                    void qc.invalidateQueries({ queryKey: ["tokens"] });
                    void message.success(t("profile.passwordChangedEverywhere"));
                  },
                  onError: (e) => onError(e, pwForm),
                })
              }
            >
              <Form.Item
                name="currentPassword"
                label={t("profile.currentPassword")}
                rules={[{ required: true, message: t("common.required") }]}
              >
                <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t("profile.newPassword")}
                extra={t("profile.passwordEndsOthers")}
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
              <Button htmlType="submit" loading={changePassword.isPending}>
                {t("common.save")}
              </Button>
            </Form>
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={12}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <CalendarFeedCard />
          <TokensCard />
          <SessionsCard />
        </Space>
      </Col>
    </Row>
  );
}
