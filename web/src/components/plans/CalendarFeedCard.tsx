// The member's iCalendar feed: create (or renew) a secret URL, copy it, revoke it.
import { CalendarOutlined, CopyOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useCalendarFeed, useCalendarFeedMutations } from "../../api/plans";
import { useI18n } from "../../i18n";
import { useApiErrors } from "../errors";
import { formatDateTime } from "../labels";

export function CalendarFeedCard() {
  const { t, locale } = useI18n();
  const feed = useCalendarFeed();
  const { create, revoke } = useCalendarFeedMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [path, setPath] = useState<string | null>(null);
  const shown = path ?? feed.data?.path ?? null;
  const url = shown ? new URL(shown, window.location.origin).toString() : null;
  const active = feed.data?.active ?? false;
  return (
    <Card
      size="small"
      title={
        <>
          <CalendarOutlined /> {t("feed.title")}
        </>
      }
      data-testid="calendar-feed"
      loading={feed.isPending}
    >
      <Typography.Paragraph type="secondary">{t("feed.desc")}</Typography.Paragraph>
      {url ? (
        <Space.Compact style={{ width: "100%", marginBottom: 8 }}>
          <Input
            readOnly
            value={url}
            data-testid="calendar-feed-url"
            onFocus={(e) => e.target.select()}
          />
          <Button
            icon={<CopyOutlined />}
            aria-label={t("common.copy")}
            onClick={() =>
              void navigator.clipboard.writeText(url).then(
                () => message.success(t("common.copied")),
                () => undefined,
              )
            }
          />
        </Space.Compact>
      ) : active && feed.data?.createdAt ? (
        <Typography.Paragraph>
          {t("feed.activeNoPath", { date: formatDateTime(feed.data.createdAt, locale) })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph>{t("feed.none")}</Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        <Button
          type={active ? "default" : "primary"}
          loading={create.isPending}
          data-testid="calendar-feed-create"
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (f) => setPath(f.path ?? null),
              onError: (e) => onError(e),
            })
          }
        >
          {active ? t("feed.renew") : t("feed.create")}
        </Button>
        {active ? (
          <Popconfirm
            title={t("common.confirmDelete")}
            okText={t("common.yes")}
            cancelText={t("common.no")}
            onConfirm={() =>
              revoke.mutate(undefined, {
                onSuccess: () => {
                  setPath(null);
                  void message.success(t("feed.revoked"));
                },
                onError: (e) => onError(e),
              })
            }
          >
            <Button danger data-testid="calendar-feed-revoke">
              {t("feed.revoke")}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Card>
  );
}
