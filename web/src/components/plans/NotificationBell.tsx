// The bell in the header: unread count (live through the event stream), a list, mark read.
import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Drawer, Empty, Flex, List, Popover, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useNotificationMutations, useNotifications, type Notification } from "../../api/plans";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../labels";
import { notificationText } from "./notificationText";

export function NotificationBell({ compact }: { compact?: boolean }) {
  const { t, locale } = useI18n();
  const notifications = useNotifications();
  const { read, readAll } = useNotificationMutations();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const openOne = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };
  const content = (
    <div
      style={compact ? undefined : { width: 360, maxHeight: 420, overflowY: "auto" }}
      data-testid="notification-list"
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t("notif.title")}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!unread}
          onClick={() => readAll.mutate()}
          data-testid="notification-read-all"
        >
          {t("notif.readAll")}
        </Button>
      </Flex>
      {(notifications.data?.items ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notif.empty")} />
      ) : (
        <List
          size="small"
          dataSource={notifications.data?.items ?? []}
          renderItem={(n) => {
            const text = notificationText(n, locale);
            return (
              <List.Item
                data-testid="notification"
                data-kind={n.kind}
                onClick={() => openOne(n)}
                style={{
                  cursor: "pointer",
                  background: n.readAt ? undefined : "#fff7e6",
                  paddingInline: 6,
                }}
              >
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong={!n.readAt} data-testid="notification-title">
                    {text.title}
                  </Typography.Text>
                  {text.body ? (
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, whiteSpace: "pre-wrap" }}
                      data-testid="notification-body"
                    >
                      {text.body}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {formatDateTime(n.createdAt, locale)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
  const bell = (
    <Button
      type="text"
      aria-label={t("notif.title")}
      data-testid="notification-bell"
      onClick={compact ? () => setOpen(true) : undefined}
    >
      <Badge count={unread} size="small" data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  // On a phone the list opens as a sheet from the top, the screen's full width: a popover under
  // the bell ran off the left edge at 390 px (found in the walkthrough).
  if (compact)
    return (
      <>
        {bell}
        <Drawer
          placement="top"
          open={open}
          onClose={() => setOpen(false)}
          size="auto"
          closable={false}
          styles={{ body: { padding: 12, maxHeight: "70vh", overflowY: "auto" } }}
        >
          {content}
        </Drawer>
      </>
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={content}
      placement="bottomRight"
    >
      {bell}
    </Popover>
  );
}
