import { CopyOutlined, DeleteOutlined, KeyOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  useChangePassword,
  useLogoutOthers,
  useTokenMutations,
  useTokens,
  useUpdateMe,
} from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { formatDateTime, roleLabel } from "../components/labels";
import { CalendarFeedCard } from "../components/plans/CalendarFeedCard";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";

function TokensCard() {
  const { t, locale } = useI18n();
  const tokens = useTokens();
  const { create, revoke } = useTokenMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card
      size="small"
      title={
        <>
          <KeyOutlined /> {t("profile.tokens")}
        </>
      }
      data-testid="tokens-card"
    >
      <Typography.Paragraph type="secondary">{t("profile.tokensDesc")}</Typography.Paragraph>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          placeholder={t("profile.tokenName")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.tokenNameMax}
        />
        <Button
          type="primary"
          disabled={!name.trim()}
          loading={create.isPending}
          onClick={() =>
            create.mutate(name.trim(), {
              onSuccess: (tok) => {
                setSecret(tok.token);
                setName("");
              },
              onError: (e) => onError(e),
            })
          }
        >
          {t("common.create")}
        </Button>
      </Space.Compact>
      {secret ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          closable={{ onClose: () => setSecret(null) }}
          title={t("profile.tokenCreated")}
          description={
            <Flex gap={8} align="center">
              <Typography.Text code style={{ wordBreak: "break-all" }}>
                {secret}
              </Typography.Text>
              <Button
                size="small"
                icon={<CopyOutlined />}
                aria-label={t("common.copy")}
                onClick={() =>
                  void navigator.clipboard.writeText(secret).then(
                    () => message.success(t("common.copied")),
                    () => undefined,
                  )
                }
              />
            </Flex>
          }
        />
      ) : null}
      <List
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data?.items ?? []}
        locale={{ emptyText: t("profile.noTokens") }}
        renderItem={(tok) => (
          <List.Item
            actions={[
              <Popconfirm
                key="r"
                title={t("common.confirmDelete")}
                okText={t("common.yes")}
                cancelText={t("common.no")}
                onConfirm={() => revoke.mutate(tok.id, { onError: (e) => onError(e) })}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("common.delete")}
                />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {tok.name} <Typography.Text code>{tok.prefix}…</Typography.Text>
                </>
              }
              description={`${t("profile.created")} ${formatDateTime(tok.createdAt, locale)} · ${t("profile.lastUsed")} ${tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, locale) : t("profile.never")}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Signs out every other session of the account, and on request revokes its API tokens too. */
function SessionsCard() {
  const { t } = useI18n();
  const logoutOthers = useLogoutOthers();
  const qc = useQueryClient();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [revokeTokens, setRevokeTokens] = useState(false);
  return (
    <Card size="small" title={t("profile.sessions")} data-testid="sessions-card">
      <Typography.Paragraph type="secondary">{t("profile.sessionsDesc")}</Typography.Paragraph>
      <Flex vertical gap={12} align="flex-start">
        <Checkbox
          checked={revokeTokens}
          onChange={(e) => setRevokeTokens(e.target.checked)}
          data-testid="revoke-tokens"
        >
          {t("profile.alsoRevokeTokens")}
        </Checkbox>
        <Popconfirm
          title={t("profile.signOutOthers")}
          okText={t("common.yes")}
          cancelText={t("common.no")}
          onConfirm={() =>
            logoutOthers.mutate(revokeTokens, {
              onSuccess: (r) => {
                void qc.invalidateQueries({ queryKey: ["tokens"] });
                void message.success(
                  t("profile.signedOutOthers", {
                    sessions: r.sessionsEnded,
                    tokens: r.apiTokensRevoked,
                  }),
                );
              },
              onError: (e) => onError(e),
            })
          }
        >
          <Button danger loading={logoutOthers.isPending} data-testid="sign-out-others">
            {t("profile.signOutOthers")}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

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
