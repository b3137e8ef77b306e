// The packer's latest scans, newest first, each with its outcome.
import { List, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import { messageText } from "../../../i18n/messages";
import { outcomeLabel } from "./labels";
import { useMyScans } from "./scanApi";

export function RecentScans() {
  const { t, locale } = useI18n();
  const scans = useMyScans();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t("logistics.scan.recent")}</Typography.Text>}
      loading={scans.isLoading}
      dataSource={scans.data?.items ?? []}
      locale={{ emptyText: t("logistics.scan.recentNone") }}
      data-testid="pack-recent"
      renderItem={(e) => (
        <List.Item style={{ paddingInline: 0, alignItems: "flex-start" }}>
          <Tag color={e.stop ? "red" : e.outcome === "ok" ? "green" : "gold"}>
            {outcomeLabel(t, e.outcome)}
          </Tag>
          <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: true }}>
            {messageText(locale, e.message.code, e.message.params) ?? e.code}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {new Date(e.at).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" })}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
