// Your ways in, on the profile page: personal API tokens (create, copy once, revoke) and the
// other signed-in sessions (sign them out).
import { CopyOutlined, DeleteOutlined, KeyOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  List,
  Popconfirm,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { useLogoutOthers, useTokenMutations, useTokens } from "../api/hooks";
import { useApiErrors } from "../components/errors";
import { formatDateTime } from "../components/labels";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

export function TokensCard() {
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
export function SessionsCard() {
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
